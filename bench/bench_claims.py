"""Claim clustering time at 1k, 10k and 100k claims, with the default (TF-IDF) matcher.

The claims are Emergent's 2,595 headlines (read from ../shared/eval/emergent/emergent.csv, never copied here),
grown synthetically: copy k of the set keeps the corpus's 200 most frequent words and renames every other word
to a copy-specific one ("burger" -> "x3burger"), so each copy is a new set of stories over the same common
vocabulary, as a growing news corpus is. Each size runs in its own process (peak RSS is its own); time is split
into vectorising (shown alone; the pairs step makes the vectors again and the total counts that step), scored
pairs (candidates from the index, the agreement of names, numbers and words), and average linkage; the B-cubed
F1 against the synthetic gold (copy, claimId) shows the clustering stays as good as it grows.

    .venv/bin/python bench/bench_claims.py                   # 1k, 10k, 100k; prints a Markdown table
    .venv/bin/python bench/bench_claims.py --write           # also docs/benchmarks.md and docs/claims_scaling.png
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "eval" / "emergent" / "emergent.csv"
SIZES = (1_000, 10_000, 100_000)
KEEP_COMMON = 200
PLOT = ROOT / "docs" / "claims_scaling.png"
DOC = ROOT / "docs" / "benchmarks.md"
START, END = "<!-- bench-claims:start -->", "<!-- bench-claims:end -->"
_WORD = re.compile(r"[A-Za-z0-9']+")


def synthetic(n: int, path: Path) -> tuple[list[str], list[str]]:
    """n headlines and their gold cluster ids, grown from Emergent as the module says."""
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    counts = Counter(w.lower() for r in rows for w in _WORD.findall(r["articleHeadline"]))
    common = {w for w, _ in counts.most_common(KEEP_COMMON)}
    texts: list[str] = []
    gold: list[str] = []
    k = 0
    while len(texts) < n:
        for r in rows:
            if len(texts) >= n:
                break
            text = (
                r["articleHeadline"]
                if k == 0
                else _WORD.sub(lambda m, k=k: _rename(m.group(0), k, common), r["articleHeadline"])
            )
            texts.append(text)
            gold.append(f"{k}:{r['claimId']}")
        k += 1
    return texts, gold


def _rename(word: str, k: int, common: set[str]) -> str:
    return word if word.lower() in common else f"x{k}{word}"


def run_size(n: int, path: Path) -> dict[str, Any]:
    from sayso.claims.cluster import average_linkage
    from sayso.claims.index import vectorize_texts
    from sayso.claims.match import MatchSettings, scored_pairs
    from sayso.claims.scores import bcubed

    texts, gold = synthetic(n, path)
    settings = MatchSettings()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0 = time.perf_counter()
    vectorize_texts(texts)  # timed on its own; scored_pairs makes the vectors again
    t1 = time.perf_counter()
    edges = scored_pairs(texts, settings)  # vectors, index candidates, agreement of names, numbers and words
    t2 = time.perf_counter()
    labels = average_linkage(n, edges, settings.cut)
    t3 = time.perf_counter()
    return {
        "claims": n,
        "vectorise_s": round(t1 - t0, 3),
        "pairs_s": round(t2 - t1, 3),
        "cluster_s": round(t3 - t2, 3),
        "total_s": round(t3 - t1, 3),
        "edges": len(edges),
        "clusters": len(set(labels)),
        "bcubed_f1": round(bcubed(gold, labels).f1, 4),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "rss_before_mb": round(rss0, 1),
    }


def in_subprocess(n: int, path: Path, repeat: int) -> dict[str, Any]:
    best: dict[str, Any] | None = None
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    for _ in range(repeat):
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(n), "--csv", str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        got = json.loads(out.stdout.strip().splitlines()[-1])
        if best is None or got["total_s"] < best["total_s"]:
            best = got
    assert best is not None
    return best


def table(results: list[dict[str, Any]]) -> str:
    base = results[0]
    lines = [
        "| claims | vectorise s (in pairs) | scored pairs s | average linkage s | total s | × time per claim vs "
        f"{base['claims']:,} | edges kept | clusters | B³ F1 (synthetic gold) | peak RSS MB |",
        "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        per = (r["total_s"] / r["claims"]) / (base["total_s"] / base["claims"])
        lines.append(
            f"| {r['claims']:,} | {r['vectorise_s']:.2f} | {r['pairs_s']:.2f} | {r['cluster_s']:.2f} | "
            f"{r['total_s']:.2f} | {per:.2f} | {r['edges']:,} | {r['clusters']:,} | {r['bcubed_f1']:.3f} | "
            f"{r['peak_rss_mb']:,.0f} |"
        )
    return "\n".join(lines)


def plot(results: list[dict[str, Any]], out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ns = [r["claims"] for r in results]
    fig, ax = plt.subplots(figsize=(6.4, 4.2), dpi=110)
    for key, label in [("total_s", "total"), ("pairs_s", "candidate pairs"), ("cluster_s", "average linkage"),
                       ("vectorise_s", "TF-IDF vectors")]:  # fmt: skip
        ax.plot(ns, [r[key] for r in results], marker="o", label=label)
    base = results[0]
    ax.plot(ns, [base["total_s"] * n / base["claims"] for n in ns], "k--", lw=1, label="linear (from 1k)")
    ax.plot(ns, [base["total_s"] * (n / base["claims"]) ** 2 for n in ns], "k:", lw=1, label="quadratic (from 1k)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_ylim(min(r["vectorise_s"] for r in results) / 2, max(r["total_s"] for r in results) * 5)
    ax.set_xlabel("claims")
    ax.set_ylabel("seconds")
    ax.set_title("sayso claim clustering time (TF-IDF, index candidates, average linkage)")
    ax.title.set_fontsize(9)
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(out)


def write_doc(text: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    block = f"{START}\n{text}\n{END}"
    if START in doc:
        doc = doc[: doc.index(START)] + block + doc[doc.index(END) + len(END) :]
    else:
        doc = doc.rstrip() + "\n\n## Claim clustering time\n\n" + block + "\n"
    DOC.write_text(doc, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=CSV)
    ap.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.csv.exists():
        sys.exit(f"bench_claims: {args.csv} is absent (the shared eval data)")
    if args.one:
        print(json.dumps(run_size(args.one, args.csv)))
        return
    results = [in_subprocess(int(n), args.csv, args.repeat) for n in args.sizes.split(",")]
    import numpy

    head = (
        f"Measured {time.strftime('%Y-%m-%d')} with `bench/bench_claims.py --write`: best of {args.repeat} runs per "
        f"size, each in its own process. Machine: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"numpy {numpy.__version__}."
    )
    text = head + "\n\n" + table(results) + "\n\n![claim clustering time](claims_scaling.png)"
    print(text)
    if args.write:
        plot(results, PLOT)
        write_doc(text)
        print(f"\nwrote {PLOT} and {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
