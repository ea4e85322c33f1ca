"""Claim matching among distractors: Emergent's claims in a pool of claims from unrelated articles.

Emergent (../shared/eval/emergent/emergent.csv) gives headlines labelled with the claim they report (claimId). Its
claims are split in two halves by claimId with a fixed seed, as in `eval_claim_matching.py`; the threshold is
chosen on the tuning half *inside the pool*, and the held-out half is clustered once with it, again inside the pool.

The pool: the claims sayso finds (`sayso.claims.claims_of`) in PolNeAR's 924 articles (US politics, 2015-16) and
the 1,679 FNC-1 train bodies (web news, 2014-15), read from `sayso analyze --out` folders made beforehand (the
analyses are cached outside the repository; make them with

    sayso analyze --out /tmp/an_pol ../shared/eval/polnear/{train,dev}/*.txt
    python3 -c "..."  # FNC-1 bodies, one NAME.txt each, then sayso analyze --out /tmp/an_fnc those files

). None of them reports an Emergent claim (other years, other topics), so a link from an Emergent headline to one
of them is known false.

Reported, for the held-out half with and without the distractors:
- B-cubed precision / recall / F1 over Emergent's headlines (a distractor in a headline's cluster counts against
  its precision: each distractor is its own gold class);
- the share of distractor claims clustered with an Emergent headline.
And for the distractors alone, clustered as their own corpora: the share of claims in clusters that span several
documents (PolNeAR; FNC-1 bodies), and `--links N` random cross-document links of PolNeAR written out to judge.

    .venv/bin/python scripts/eval_claim_distractors.py --polnear /tmp/an_pol --fnc /tmp/an_fnc [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_claim_matching import CSV, SEED, halves, read_rows

from sayso.claims.extract import claims_of
from sayso.claims.match import MatchSettings, cluster_pairs, scored_pairs
from sayso.claims.records import Claim
from sayso.model import Document

GRID = [round(0.04 + 0.02 * i, 2) for i in range(14)]


def read_claims(folder: Path, prefix: str) -> list[Claim]:
    """Every claim of every analysed document in `folder` (NAME.json from `sayso analyze --out`)."""
    out: list[Claim] = []
    for path in sorted(folder.glob("*.json")):
        document = Document.from_json(json.loads(path.read_text(encoding="utf-8")))
        out.extend(claims_of(document, f"{prefix}:{path.stem}"))
    return out


def bcubed_over(gold: Sequence[Hashable], pred: Sequence[Hashable], scored: Sequence[bool]) -> dict[str, float]:
    """B-cubed over the items marked `scored`, their clusters counted whole (unscored members count against
    precision when their gold label differs: give them labels of their own)."""
    both = Counter(zip(gold, pred, strict=True))
    p_size = Counter(pred)
    g_size = Counter(g for g, s in zip(gold, scored, strict=True) if s)
    items = [(g, p) for g, p, s in zip(gold, pred, scored, strict=True) if s]
    if not items:
        return {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    precision = sum(both[(g, p)] / p_size[p] for g, p in items) / len(items)
    recall = sum(both[(g, p)] / g_size[g] for g, p in items) / len(items)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


class Pool:
    """Headlines (text, claimId) and distractor claims clustered as one corpus; its pairs are scored once."""

    def __init__(self, headlines: Sequence[tuple[str, str]], distractors: Sequence[Claim], settings: MatchSettings):
        self.headlines = headlines
        self.distractors = distractors
        self.texts = [t for t, _ in headlines] + [c.text for c in distractors]
        self.gold: list[Hashable] = [g for _, g in headlines] + [("d", i) for i in range(len(distractors))]
        self.scored = [True] * len(headlines) + [False] * len(distractors)
        t0 = time.perf_counter()
        self.edges = scored_pairs(self.texts, settings)
        self.pairs_s = time.perf_counter() - t0

    def score(self, settings: MatchSettings) -> dict[str, Any]:
        t0 = time.perf_counter()
        labels = cluster_pairs(len(self.texts), self.edges, settings)
        seconds = time.perf_counter() - t0 + self.pairs_s
        n = len(self.headlines)
        emergent_labels = set(labels[:n])
        polluted = sum(1 for lab in labels[n:] if lab in emergent_labels)
        out: dict[str, Any] = bcubed_over(self.gold, labels, self.scored)
        out["distractors"] = len(self.distractors)
        out["distractors_with_emergent"] = polluted
        out["distractor_share"] = round(polluted / len(self.distractors), 5) if self.distractors else 0.0
        out["seconds"] = round(seconds, 2)
        return out


def multi_document(claims: Sequence[Claim], settings: MatchSettings) -> tuple[dict[str, Any], list[int]]:
    """The share of claims in clusters that span several documents, clustering `claims` as one corpus."""
    labels = cluster_pairs(len(claims), scored_pairs([c.text for c in claims], settings), settings)
    docs: dict[int, set[str]] = defaultdict(set)
    for c, lab in zip(claims, labels, strict=True):
        docs[lab].add(c.doc_id)
    multi = sum(1 for lab in labels if len(docs[lab]) > 1)
    share = round(multi / len(claims), 4) if claims else 0.0
    return {"claims": len(claims), "in_multi_document_clusters": multi, "share": share}, labels


def sample_links(claims: Sequence[Claim], labels: Sequence[int], n: int, seed: int) -> list[dict[str, str]]:
    """`n` cross-document links drawn at random from all pairs of claims of different documents in one cluster."""
    members: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        members[lab].append(i)
    pairs = [
        (i, j)
        for group in members.values()
        if len(group) > 1
        for a, i in enumerate(group)
        for j in group[a + 1 :]
        if claims[i].doc_id != claims[j].doc_id
    ]
    rng = random.Random(seed)
    picked = rng.sample(pairs, min(n, len(pairs)))
    return [
        {"a": claims[i].text, "a_doc": claims[i].doc_id, "b": claims[j].text, "b_doc": claims[j].doc_id}
        for i, j in picked
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=CSV)
    ap.add_argument("--polnear", type=Path, required=True, help="folder of PolNeAR analyses (NAME.json)")
    ap.add_argument("--fnc", type=Path, required=True, help="folder of FNC-1 body analyses (NAME.json)")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--method", default="tfidf")
    ap.add_argument("--threshold", type=float, help="skip tuning, use this threshold")
    ap.add_argument("--no-agreement", action="store_true", help="match on the TF-IDF score alone")
    ap.add_argument("--links", type=int, default=100, help="PolNeAR cross-document links to write out")
    ap.add_argument("--links-out", type=Path)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    for path in (args.csv, args.polnear, args.fnc):
        if not path.exists():
            sys.exit(f"eval_claim_distractors: {path} is absent")
    tune, test = halves(read_rows(args.csv), args.seed)
    polnear = read_claims(args.polnear, "polnear")
    fnc = read_claims(args.fnc, "fnc")
    # FNC-1's bodies are the articles Emergent's headlines came from (FNC-1 was built from Emergent): they are
    # no known-false distractors for Emergent's claims and are kept out of its pool; they count as a corpus below.
    distractors = polnear
    base = MatchSettings(method=args.method, agreement=not args.no_agreement)
    tune_pairs = [(r["articleHeadline"], r["claimId"]) for r in tune]
    test_pairs = [(r["articleHeadline"], r["claimId"]) for r in test]
    tune_pool = Pool(tune_pairs, distractors, base)
    grid = []
    if args.threshold is None:
        for th in GRID:
            res = tune_pool.score(replace(base, threshold=th))
            grid.append({"threshold": th, "f1": res["f1"], "distractor_share": res["distractor_share"]})
            print(f"tune {th}: {res}", file=sys.stderr)
        threshold = max(grid, key=lambda g: (g["f1"], g["threshold"]))["threshold"]
    else:
        threshold = args.threshold
    chosen = replace(base, threshold=threshold)
    result: dict[str, Any] = {
        "settings": {
            "method": chosen.method,
            "threshold": chosen.cut,
            "linkage": chosen.linkage,
            "agreement": chosen.agreement,
        },
        "tuning_grid": grid,
        "held_out": {
            "headlines": len(test_pairs),
            "claims": len({g for _, g in test_pairs}),
            "with_distractors": Pool(test_pairs, distractors, chosen).score(chosen),
            "alone": Pool(test_pairs, [], chosen).score(chosen),
        },
        "tune": {"with_distractors": tune_pool.score(chosen)},
    }
    pol_stats, pol_labels = multi_document(polnear, chosen)
    fnc_stats, _ = multi_document(fnc, chosen)
    result["polnear"] = {"documents": len({c.doc_id for c in polnear}), **pol_stats}
    result["fnc1_bodies"] = {"documents": len({c.doc_id for c in fnc}), **fnc_stats}
    links = sample_links(polnear, pol_labels, args.links, args.seed)
    result["polnear"]["cross_document_links_sampled"] = len(links)
    if args.links_out:
        args.links_out.write_text(json.dumps(links, indent=1, ensure_ascii=False), encoding="utf-8")
    print(json.dumps(result, indent=1))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
