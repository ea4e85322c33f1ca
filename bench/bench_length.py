"""Time and peak memory of sayso against the length of one text: joined real articles and hostile patterns.

Each case runs in its own subprocess (so its peak RSS is its own): the pipeline is loaded, then the parse
(`sayso.nlp.text.parse`, in pieces past 100,000 characters) and the analysis after it (`analyze_doc`) are timed
apart. The texts are built at run time, never stored here:

- `joined-10k` … `joined-10m`: PolNeAR articles (../shared/eval/polnear/dev, then train, in name order) joined
  with blank lines and cut to the size;
- `one-line-1.8m`: the same articles on one line (every line break a space), 1.8 MB;
- `no-stops-3.6m`: the same with no sentence punctuation and no line breaks, 3.6 MB;
- `he-said-x3000`: "He said that " 3,000 times (39 KB of reports nested in reports).

    .venv/bin/python bench/bench_length.py                      # every case but joined-10m (~15 min on 2 cores)
    .venv/bin/python bench/bench_length.py --cases joined-10k,joined-100k
    .venv/bin/python bench/bench_length.py --write              # also docs/benchmarks.md and docs/length_scaling.svg
"""

from __future__ import annotations

import argparse
import json
import math
import platform
import re
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"
DOC = ROOT / "docs" / "benchmarks.md"
PLOT = ROOT / "docs" / "length_scaling.svg"
START, END = "<!-- bench-length:start -->", "<!-- bench-length:end -->"
JOINED = {"joined-10k": 10_000, "joined-100k": 100_000, "joined-1m": 1_000_000, "joined-10m": 10_000_000}
HOSTILE = ("one-line-1.8m", "no-stops-3.6m", "he-said-x3000")
DEFAULT_CASES = ("joined-10k", "joined-100k", "joined-1m", *HOSTILE)


def articles(limit: int) -> str:
    """PolNeAR articles joined with blank lines until `limit` characters (dev first, then train)."""
    out: list[str] = []
    size = 0
    for part in ("dev", "train"):
        for path in sorted((POLNEAR / part).glob("*.txt")):
            text = path.read_text(encoding="utf-8").strip()
            out.append(text)
            size += len(text) + 2
            if size >= limit:
                return "\n\n".join(out)[:limit]
    joined = "\n\n".join(out)
    return (joined + "\n\n") * (limit // (len(joined) + 2)) + joined[: limit % (len(joined) + 2)]


def case_text(case: str) -> str:
    if case in JOINED:
        return articles(JOINED[case])
    if case == "one-line-1.8m":
        return re.sub(r"\s*\n\s*", " ", articles(1_900_000))[:1_800_000]
    if case == "no-stops-3.6m":
        return re.sub(r"\s+", " ", re.sub(r"[.!?…;:]", "", articles(3_900_000)))[:3_600_000]
    if case == "he-said-x3000":
        return "He said that " * 3000
    raise SystemExit(f"bench_length: unknown case {case!r}")


def run_one(case: str) -> dict[str, Any]:
    """In the child process: the case timed, as one JSON line."""
    from sayso.analysis import analyze_doc
    from sayso.nlp import load_nlp
    from sayso.nlp.pieces import PIECE_CHARS, PIECE_SIZE, piece_bounds
    from sayso.nlp.text import parse

    text = case_text(case)
    nlp = load_nlp()
    parse(nlp, "Officials said the plan failed.")  # warm-up: lazy loads are not the text's
    analyze_doc(parse(nlp, "Officials said the plan failed."))
    loaded_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cpu0, t0 = time.process_time(), time.perf_counter()
    doc = parse(nlp, text)
    cpu1, t1 = time.process_time(), time.perf_counter()
    document = analyze_doc(doc)
    cpu2, t2 = time.process_time(), time.perf_counter()
    return {
        "case": case,
        "chars": len(text),
        "words": len(text.split()),
        "tokens": len(doc),
        "sentences": sum(1 for _ in doc.sents),
        "pieces": len(piece_bounds(text, min(PIECE_CHARS, nlp.max_length), PIECE_SIZE)),
        "parse_s": t1 - t0,
        "analysis_s": t2 - t1,
        "total_s": t2 - t0,
        "cpu_s": cpu2 - cpu0,
        "parse_cpu_s": cpu1 - cpu0,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "loaded_rss_mb": loaded_mb,
        "attributions": len(document.attributions),
        "warnings": len(document.warnings),
    }


def measure(case: str, timeout: float) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--one", case], capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired:
        return {"case": case, "error": f"no answer within {timeout:g} s"}
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["?"])[-1]
        return {"case": case, "error": f"exit {done.returncode}: {tail}"}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    return result


def table(results: list[dict[str, Any]]) -> str:
    rows = [
        "| text | characters | tokens | sentences | pieces | parse s | analysis s | total s | CPU s "
        "| × CPU time per 10× text | peak RSS MB (model loaded) | attributions | warnings |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    previous: dict[str, Any] | None = None
    for r in results:
        if "error" in r:
            rows.append(f"| {r['case']} | – | – | – | – | – | – | {r['error']} | – | – | – | – | – |")
            continue
        growth = "–"
        if previous is not None and r["case"] in JOINED:
            # the CPU time's ratio, scaled to a tenfold length (CPU time: the machine is shared, wall time is noisy)
            exponent = math.log(r["cpu_s"] / previous["cpu_s"]) / math.log(r["chars"] / previous["chars"])
            growth = f"{10 ** exponent:.1f}×"
        if r["case"] in JOINED:
            previous = r
        rows.append(
            f"| {r['case']} | {r['chars']:,} | {r['tokens']:,} | {r['sentences']:,} | {r['pieces']} "
            f"| {r['parse_s']:.1f} | {r['analysis_s']:.1f} | {r['total_s']:.1f} | {r['cpu_s']:.1f} | {growth} "
            f"| {r['peak_rss_mb']:,.0f} ({r['loaded_rss_mb']:,.0f}) | {r['attributions']:,} | {r['warnings']} |"
        )
    return "\n".join(rows)


def svg(results: list[dict[str, Any]]) -> str:
    """A log-log plot of CPU time against characters: joined articles as a line (parse and total), hostile texts as
    points. Plain SVG: no plotting library needed. (CPU time: on a shared machine wall time says more about the
    other work than about sayso.)"""
    ok = [r for r in results if "error" not in r]
    width, height, left, bottom, top, right = 680, 420, 70, 50, 30, 200
    xs = [r["chars"] for r in ok]
    ys = [max(r["cpu_s"], 0.01) for r in ok] + [max(r["parse_cpu_s"], 0.01) for r in ok]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))

    def px(x: float) -> float:
        return left + (math.log10(x) - x0) / max(x1 - x0, 1) * (width - left - right)

    def py(y: float) -> float:
        return height - bottom - (math.log10(max(y, 0.01)) - y0) / max(y1 - y0, 1) * (height - bottom - top)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
        'font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="18" font-size="14">sayso: CPU time against text length (log-log)</text>',
    ]
    for e in range(x0, x1 + 1):
        x = px(10**e)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">1e{e}</text>')
    for e in range(y0, y1 + 1):
        y = py(10**e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10.0**e:g} s</text>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">characters</text>')
    joined = [r for r in ok if r["case"] in JOINED]
    lines = (("cpu_s", "#1f77b4", "joined: parse + analysis"), ("parse_cpu_s", "#999", "joined: parse"))
    for key, colour, label in lines:
        points = " ".join(f"{px(r['chars']):.1f},{py(r[key]):.1f}" for r in joined)
        out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out += [f'<circle cx="{px(r["chars"]):.1f}" cy="{py(r[key]):.1f}" r="3" fill="{colour}"/>' for r in joined]
        n = len(out)
        out.insert(n, f'<text x="{width - right + 10}" y="{top + 20 + 18 * (key == "parse_cpu_s")}" fill="{colour}">'
                      f"{label}</text>")
    if joined:  # a linear reference through the smallest joined point
        base = joined[0]
        x_end = 10**x1
        y_end = base["cpu_s"] * x_end / base["chars"]
        out.append(
            f'<line x1="{px(base["chars"]):.1f}" y1="{py(base["cpu_s"]):.1f}" x2="{px(x_end):.1f}" '
            f'y2="{py(y_end):.1f}" stroke="#1f77b4" stroke-dasharray="4 4"/>'
        )
        out.append(f'<text x="{width - right + 10}" y="{top + 56}" fill="#1f77b4">dashed: linear</text>')
    for n, r in enumerate(r for r in ok if r["case"] not in JOINED):
        x, y = px(r["chars"]), py(r["cpu_s"])
        out.append(f'<rect x="{x - 4:.1f}" y="{y - 4:.1f}" width="8" height="8" fill="#d62728"/>')
        out.append(f'<text x="{width - right + 10}" y="{top + 80 + 18 * n}" fill="#d62728">{r["case"]}: '
                   f'{r["cpu_s"]:.0f} CPU s</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def block(results: list[dict[str, Any]], repeat_note: str) -> str:
    from importlib.metadata import version

    machine = f"{platform.machine()}, Python {platform.python_version()}, spaCy {version('spacy')}"
    return (
        f"Measured {date.today().isoformat()} with `bench/bench_length.py --write`: each text in its own process after "
        f"the model load and a warm-up; parse and analysis timed apart; {repeat_note}. Machine: {machine}.\n\n"
        + table(results)
        + "\n\n![time against text length](length_scaling.svg)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--cases", default=",".join(DEFAULT_CASES), help="comma-separated; also joined-10m")
    parser.add_argument("--timeout", type=float, default=1200, help="seconds per case (default 1200)")
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md and docs/length_scaling.svg")
    parser.add_argument("--results", type=Path, help="the JSON lines a run printed: write from them, measure nothing")
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    if not POLNEAR.is_dir():
        raise SystemExit(f"bench_length: {POLNEAR} is absent (PolNeAR articles are read from ../shared at run time)")
    results = []
    if args.results:
        lines = args.results.read_text(encoding="utf-8").splitlines()
        results = [json.loads(line) for line in lines if line.startswith('{"case"')]
    for case in [] if args.results else args.cases.split(","):
        result = measure(case, args.timeout)
        print(json.dumps(result), flush=True)
        results.append(result)
    text = block(results, "one run each on a 2-core machine shared with other work")
    print(text)
    if args.write:
        PLOT.write_text(svg(results), encoding="utf-8")
        doc = DOC.read_text(encoding="utf-8")
        if START in doc:
            head, rest = doc.split(START, 1)
            doc = head + START + "\n" + text + "\n" + END + rest.split(END, 1)[1]
        else:
            doc = doc.rstrip("\n") + "\n\n## Text length\n\n" + START + "\n" + text + "\n" + END + "\n"
        DOC.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    main()
