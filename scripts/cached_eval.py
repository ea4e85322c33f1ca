"""Development helper: score the analysis of a PolNeAR folder from cached parses (parse once, then rerun only
sayso's stages after the parse on every change).

    python scripts/cached_eval.py GOLD_DIR PRED_DIR [--mode fast|accurate] [--cache FILE.spacy] [--jobs N]

Writes PRED_DIR/NAME.json for every GOLD_DIR/NAME.txt and prints ../shared/tools/score.py's summary.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from spacy.tokens import DocBin

from sayso.analysis import analyze_doc
from sayso.model import Metadata
from sayso.nlp import load_nlp
from sayso.nlp.text import keep_text, parse_pairs

SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score.py"


def parses(files: list[Path], cache: Path) -> DocBin:
    if cache.exists():
        return DocBin().from_disk(cache)
    nlp = load_nlp()
    docs = [doc for doc, _ in parse_pairs(nlp, ((f.read_text(encoding="utf-8"), None) for f in files), 16)]
    bin_ = DocBin(store_user_data=False, docs=docs)
    bin_.to_disk(cache)
    return bin_


def run_part(args: tuple[list[Path], str, str, str, int, int]) -> None:
    files, cache, out, mode, part, parts = args
    nlp = load_nlp()
    docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    for i, (file, doc) in enumerate(zip(files, docs, strict=True)):
        if i % parts != part:
            continue
        keep_text(doc, file.read_text(encoding="utf-8"))
        document = analyze_doc(doc, Metadata(name=file.name), mode)
        (Path(out) / (file.stem + ".json")).write_text(json.dumps(document.to_json()), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--mode", default="fast")
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args()
    files = sorted(a.gold.glob("*.txt"))
    cache = a.cache or Path("/tmp") / f"sayso-{a.gold.name}-{len(files)}.spacy"  # delete it when the parse changes
    parses(files, cache)
    a.out.mkdir(parents=True, exist_ok=True)
    jobs = [(files, str(cache), str(a.out), a.mode, k, a.jobs) for k in range(a.jobs)]
    with ProcessPoolExecutor(a.jobs) as pool:
        list(pool.map(run_part, jobs))
    subprocess.run([sys.executable, str(SCORER), str(a.gold), str(a.out)], check=True)


if __name__ == "__main__":
    main()
