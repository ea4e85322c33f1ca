"""Wire provenance on PolNeAR train + dev (../shared/eval/polnear, never copied here): how often the original
source sayso gives an article's reports names the wire agency the corpus metadata gives (`wire`: AP, UPI, Reuters,
AFP; `NA` or null for none).

Each article becomes a Document (its text with the gold attributions, or with `--sayso` sayso's own analysis),
and a one-article corpus is traced by `claims.provenance`: the article's reports get their origins (cited source,
else wire credit, else the outlet). Counted per article:

- wire articles whose wire credit (`claims.wire.wire_credit`) is the metadata's wire, and whose own assertions
  (the reports sayso cannot pin on a cited source) trace to that wire;
- articles without a wire in the metadata that sayso credits to one anyway.

    .venv/bin/python scripts/eval_wire.py            # gold attributions, text credits (seconds)
    .venv/bin/python scripts/eval_wire.py --sayso    # sayso's own analysis of each article (minutes)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from sayso.claims.corpus import analyse_documents
from sayso.claims.wire import wire_credit, wire_name
from sayso.model import Attribution, Document, Metadata

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "eval" / "polnear"


def articles(folder: Path) -> list[tuple[Path, dict[str, Any], str]]:
    out = []
    for split in ("train", "dev"):
        for gold in sorted((folder / split).glob("*.gold.json")):
            data = json.loads(gold.read_text(encoding="utf-8"))
            text = gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8")
            out.append((gold, data, text))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polnear", type=Path, default=POLNEAR)
    ap.add_argument("--sayso", action="store_true", help="use sayso's analysis instead of the gold attributions")
    ap.add_argument("--show", action="store_true", help="list the articles where sayso and the metadata differ")
    args = ap.parse_args()
    if not (args.polnear / "train").is_dir():
        sys.exit(f"eval_wire: {args.polnear} is absent (the shared eval data)")
    items = articles(args.polnear)
    analyzer = None
    if args.sayso:
        import sayso

        analyzer = sayso.load()
    counts: Counter[str] = Counter()
    by_wire: Counter[tuple[str, bool]] = Counter()
    for gold, data, text in items:
        meta = Metadata(name=gold.name, published=data.get("published"), outlet=data.get("outlet"))
        if analyzer is not None:
            try:
                doc = analyzer.analyze(text, meta)
            except Exception as err:  # an analysis bug must not end the measurement: count and name it
                counts["analysis failed"] += 1
                print(f"analysis failed ({type(err).__name__}: {err}): {gold.name}", file=sys.stderr)
                continue
        else:
            atts = tuple(
                Attribution.from_json(dict(a, id=a.get("id") or f"a{n}")) for n, a in enumerate(data["attributions"], 1)
            )
            doc = Document(text=text, meta=meta, attributions=atts)
        raw = data.get("wire")
        expected = wire_name(raw) if raw not in (None, "NA") else None
        credited = wire_credit(text)
        corpus = analyse_documents({gold.name: doc})
        reports = [r for c in corpus.clusters for r in c.reports]
        own = [r for r in reports if r.how != "cited"]
        if expected is None:
            counts["no wire"] += 1
            counts["no wire, credited to one"] += credited is not None
            if credited is not None and args.show:
                print(f"credited {credited} without metadata wire: {gold.name}")
            continue
        counts["wire"] += 1
        hit = credited == expected
        counts["wire named"] += hit
        by_wire[(expected, hit)] += 1
        counts["own reports"] += len(own)
        counts["own reports to the wire"] += sum(r.origin == expected for r in own)
        counts["reports"] += len(reports)
        counts["reports via the wire"] += sum(r.wire == expected for r in reports)
        if not hit and args.show:
            print(f"metadata {raw}, sayso {credited}: {gold.name}")
    n = counts["wire"]
    kind = "sayso's" if args.sayso else "gold"
    failed = f"; {counts['analysis failed']} not analysed (sayso raised)" if counts["analysis failed"] else ""
    print(f"PolNeAR train+dev: {len(items)} articles; {n} with a wire in the metadata ({kind} attributions){failed}\n")
    print("| measure | value |\n|---|---|")
    named = counts["wire named"]
    print(f"| wire articles whose original source names the metadata's wire | {named} of {n} ({named / n:.1%}) |")
    for wire in sorted({w for w, _ in by_wire}):
        print(f"| … {wire} | {by_wire[(wire, True)]} of {by_wire[(wire, True)] + by_wire[(wire, False)]} |")
    if counts["own reports"]:
        hits, own_n = counts["own reports to the wire"], counts["own reports"]
        print(
            f"| their reports not pinned on a cited source that trace to the wire | {hits:,} of {own_n:,} "
            f"({hits / own_n:.1%}) |"
        )
    print(
        f"| articles without a metadata wire that sayso credits to one | {counts['no wire, credited to one']} of "
        f"{counts['no wire']} ({counts['no wire, credited to one'] / counts['no wire']:.1%}) |"
    )


if __name__ == "__main__":
    main()
