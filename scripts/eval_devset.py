"""sayso on its own development sets (docs/annotation.md): one command, every figure the issues ask for.

    .venv/bin/python scripts/eval_devset.py --split report            # the part nobody tuned on
    .venv/bin/python scripts/eval_devset.py --split tune --json out.json
    .venv/bin/python scripts/eval_devset.py --split report --mode accurate

Builds the labelled documents of the split from ../shared (scripts/devset.py), analyses them with `sayso analyze --out`
in a fresh process, and prints, for the FNC-1 bodies and the PolNeAR articles apart:
- the reference scorer's figures (../shared/tools/score.py): attributions, act, certainty, source_refers_to, denials;
- statements: precision and recall of type `statement` (a prediction of that type is right when it pairs, as the
  scorer pairs, with a gold statement; a gold statement is found when it pairs with a predicted statement) and the
  type's accuracy over all pairs;
- the quote-counting metric (../shared/tools/score_quotes.py) at thresholds 0.3 and 0.8, statements only;
- page furniture (FNC-1): precision and recall by characters and by piece (a gold piece is found when predicted
  furniture covers at least half of it; a predicted piece is right when at least half of it is gold furniture).
PolNeAR's gold is outermost only: predictions nested in another are left out there, as the scorer does.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

from sayso.evaluate.pairing import pair_attributions  # noqa: E402


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def build(split: str | None, corpus: str, out: Path) -> list[str]:
    args = [sys.executable, str(ROOT / "scripts" / "devset.py"), "build", str(out), "--corpus", corpus]
    _run(*args, *(["--split", split] if split else []))
    return sorted(p.name.removesuffix(".gold.json") for p in out.glob("*.gold.json"))


def analyse(gold_dir: Path, pred_dir: Path, mode: str) -> None:
    sayso = Path(sys.executable).with_name("sayso")
    texts = sorted(str(p) for p in gold_dir.glob("*.txt"))
    subprocess.run([str(sayso), "analyze", "--mode", mode, "--out", str(pred_dir), *texts], check=True,
                   capture_output=True)  # fmt: skip


def reference_scores(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    out = _run(sys.executable, str(SHARED / "tools" / "score.py"), str(gold_dir), str(pred_dir), "--json")
    scores: dict[str, Any] = json.loads(out)
    return scores


def quote_scores(gold_dir: Path, pred_dir: Path) -> list[dict[str, Any]]:
    out = _run(sys.executable, str(SHARED / "tools" / "score_quotes.py"), str(gold_dir), str(pred_dir), "--json")
    rows: list[dict[str, Any]] = json.loads(out)["results"]
    return rows


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def statement_scores(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    right_pred = found_gold = pred_n = gold_n = typed_right = paired = 0
    confusion: dict[str, int] = {}
    for gold, pred in pairs:
        g_atts, p_atts = gold["attributions"], pred["attributions"]
        if gold.get("nesting") == "outermost":
            p_atts = [p for p in p_atts if not p.get("nested_in")]
        matched = pair_attributions(g_atts, p_atts)
        g_stmt = {i for i, g in enumerate(g_atts) if g.get("type") == "statement"}
        p_stmt = {j for j, p in enumerate(p_atts) if p.get("type", "statement") == "statement"}
        gold_n += len(g_stmt)
        pred_n += len(p_stmt)
        found_gold += sum(1 for i in g_stmt if matched.get(i) in p_stmt)
        right_pred += sum(1 for i, j in matched.items() if j in p_stmt and i in g_stmt)
        for i, j in matched.items():
            if "type" not in g_atts[i]:
                continue
            paired += 1
            g_type, p_type = g_atts[i]["type"], p_atts[j].get("type", "statement")
            typed_right += g_type == p_type
            if g_type != p_type:
                key = f"{g_type}->{p_type}"
                confusion[key] = confusion.get(key, 0) + 1
    p, r = _ratio(right_pred, pred_n), _ratio(found_gold, gold_n)
    f = round(2 * p * r / (p + r), 3) if p and r else 0.0
    return {"precision": p, "recall": r, "f1": f, "predicted": pred_n, "gold": gold_n,
            "type_accuracy": _ratio(typed_right, paired), "pairs": paired,
            "confusions": dict(sorted(confusion.items(), key=lambda kv: -kv[1]))}  # fmt: skip


def _chars(spans: list[tuple[int, int]]) -> set[int]:
    return {c for a, b in spans for c in range(a, b)}


def furniture_scores(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    tp_c = gold_c = pred_c = found = gold_p = right = pred_p = 0
    for gold, pred in pairs:
        g = [tuple(f["span"]) for f in gold.get("furniture", [])]
        p = [tuple(f["span"]) for f in pred.get("furniture", [])]
        gc, pc = _chars(g), _chars(p)  # type: ignore[arg-type]
        tp_c, gold_c, pred_c = tp_c + len(gc & pc), gold_c + len(gc), pred_c + len(pc)
        gold_p, pred_p = gold_p + len(g), pred_p + len(p)
        found += sum(1 for a, b in g if b > a and len(_chars([(a, b)]) & pc) * 2 >= b - a)
        right += sum(1 for a, b in p if b > a and len(_chars([(a, b)]) & gc) * 2 >= b - a)
    return {"chars": {"precision": _ratio(tp_c, pred_c), "recall": _ratio(tp_c, gold_c), "gold": gold_c},
            "pieces": {"precision": _ratio(right, pred_p), "recall": _ratio(found, gold_p), "gold": gold_p,
                       "predicted": pred_p}}  # fmt: skip


def evaluate(split: str | None, mode: str) -> dict[str, Any]:
    result: dict[str, Any] = {"split": split or "all", "mode": mode}
    with tempfile.TemporaryDirectory() as tmp:
        for corpus in ("fnc1", "pn"):
            gold_dir, pred_dir = Path(tmp, corpus, "gold"), Path(tmp, corpus, "pred")
            names = build(split, corpus, gold_dir)
            if not names:
                continue
            analyse(gold_dir, pred_dir, mode)
            pairs = [
                (json.loads((gold_dir / f"{n}.gold.json").read_text("utf-8")),
                 json.loads((pred_dir / f"{n}.json").read_text("utf-8")))
                for n in names
            ]  # fmt: skip
            result[corpus] = {
                "documents": len(names),
                "reference": reference_scores(gold_dir, pred_dir),
                "statements": statement_scores(pairs),
                "quotes": quote_scores(gold_dir, pred_dir),
                "furniture": furniture_scores(pairs),
            }
    return result


def _line(name: str, scores: dict[str, Any]) -> str:
    return f"  {name:22} " + "  ".join(f"{k}={v}" for k, v in scores.items() if not isinstance(v, dict))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("tune", "report"), default=None, help="default: both")
    ap.add_argument("--mode", choices=("fast", "accurate"), default="fast")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    if not (SHARED / "eval" / "fnc1" / "train_bodies.csv").exists():
        raise SystemExit("eval_devset: ../shared/eval is absent: the texts of the development sets live there")
    result = evaluate(args.split, args.mode)
    for corpus in ("fnc1", "pn"):
        if corpus not in result:
            continue
        r = result[corpus]
        print(f"{corpus} ({r['documents']} documents, split {result['split']}, mode {result['mode']})")
        for key in ("attribution", "exact_content", "act", "certainty", "source_refers_to", "source", "denial_links"):
            if key in r["reference"]:
                print(_line(key, r["reference"][key]))
        print(_line("statements", r["statements"]))
        print(f"  {'type confusions':22} {r['statements']['confusions']}")
        for q in r["quotes"]:
            print(_line(f"quotes >{q.get('threshold')}", q))
        if corpus == "fnc1":
            print(_line("furniture chars", r["furniture"]["chars"]))
            print(_line("furniture pieces", r["furniture"]["pieces"]))
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
