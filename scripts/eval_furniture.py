"""Page furniture found against furniture labelled by hand: precision and recall by characters and by piece.

    python scripts/eval_furniture.py GOLD_DIR PRED_DIR [--show]

GOLD_DIR holds NAME.gold.json files (`scripts/devset.py build`: "furniture": [{text, span}]), PRED_DIR the NAME.json
that `sayso analyze --out` wrote ("furniture" in the schema 1.2 output). Characters: the labelled characters a
predicted span covers (recall) and the predicted characters a labelled span covers (precision), whitespace left
out. Pieces: a labelled piece is found when predicted spans cover at least half of its characters; a predicted
piece is right when labelled spans cover at least half of its. `--show` lists the pieces missed and taken wrongly.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

Piece = tuple[int, int]
HALF = 0.5


def _pieces(data: dict[str, object]) -> list[Piece]:
    spans = data.get("furniture") or []
    assert isinstance(spans, list)
    return [(int(s["span"][0]), int(s["span"][1])) for s in spans]


def _chars(text: str, pieces: list[Piece]) -> set[int]:
    return {i for a, b in pieces for i in range(a, b) if not text[i].isspace()}


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(gold_dir: Path, pred_dir: Path, show: bool = False) -> dict[str, float | int]:
    tallies = dict.fromkeys(("gold_chars", "pred_chars", "both_chars", "gold", "found", "pred", "right"), 0)
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name.removesuffix(".gold.json")
        pred_path = pred_dir / f"{name}.json"
        if not pred_path.exists():
            sys.exit(f"{pred_path}: no prediction for {name}")
        gold_doc = json.loads(gold_path.read_text(encoding="utf-8"))
        pred_doc = json.loads(pred_path.read_text(encoding="utf-8"))
        text = (gold_dir / f"{name}.txt").read_text(encoding="utf-8")
        gold, pred = _pieces(gold_doc), _pieces(pred_doc)
        gold_chars, pred_chars = _chars(text, gold), _chars(text, pred)
        tallies["gold_chars"] += len(gold_chars)
        tallies["pred_chars"] += len(pred_chars)
        tallies["both_chars"] += len(gold_chars & pred_chars)
        for pieces, other, total, hit, label in (
            (gold, pred_chars, "gold", "found", "missed"),
            (pred, gold_chars, "pred", "right", "wrong"),
        ):
            for a, b in pieces:
                own = _chars(text, [(a, b)])
                tallies[total] += 1
                if own and len(own & other) >= HALF * len(own):
                    tallies[hit] += 1
                elif show:
                    print(f"{name}\t{label}\t{text[a:b][:100]!r}")
    p_chars = _ratio(tallies["both_chars"], tallies["pred_chars"])
    r_chars = _ratio(tallies["both_chars"], tallies["gold_chars"])
    p_pieces = _ratio(tallies["right"], tallies["pred"])
    r_pieces = _ratio(tallies["found"], tallies["gold"])
    return {
        **tallies,
        "chars_precision": round(p_chars, 3),
        "chars_recall": round(r_chars, 3),
        "chars_f1": round(_f1(p_chars, r_chars), 3),
        "pieces_precision": round(p_pieces, 3),
        "pieces_recall": round(r_pieces, 3),
        "pieces_f1": round(_f1(p_pieces, r_pieces), 3),
    }


def main(argv: list[str]) -> None:
    args = [a for a in argv if not a.startswith("--")]
    if len(args) != 2:
        sys.exit(__doc__)
    result = evaluate(Path(args[0]), Path(args[1]), show="--show" in argv)
    if "--json" in argv:
        print(json.dumps(result, indent=1))
        return
    print(f"pieces: {result['gold']} labelled, {result['pred']} predicted")
    for unit in ("chars", "pieces"):
        p, r, f = (result[f"{unit}_{m}"] for m in ("precision", "recall", "f1"))
        print(f"{unit:7} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
