"""Issue 24, design (d): the neural heads' attributions merged with the rules' (an experiment; docs/accuracy.md).

Run as a script: `python training/neural_combine.py HEADS.npz RULES_DIR VECTORS_DIR OUT_DIR [--contents] [--extra-at P]`
merges each PolNeAR dev article's rules output (`sayso analyze --out RULES_DIR`) with the heads' reading of it.

- `contents`: for every outermost attribution of the rules, the span head reads the rules' own cue and its content
  replaces the rules' content;
- `extra`: cues the model finds at probability >= `extra_at` that touch no cue of the rules and lie in no outermost
  content of the rules become outermost attributions of their own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from sayso.neural.data import char_parts, covered
from sayso.neural.features import Pieces
from sayso.neural.heads import Heads
from sayso.neural.predict import char_field, cue_probabilities, decode_cues, read_spans


def _chars(field: Mapping[str, Any] | None) -> set[int]:
    return {i for a, b in char_parts(field) for i in range(a, b)}


def combine(
    model: Heads,
    text: str,
    pieces: Pieces,
    rules: Sequence[Mapping[str, Any]],
    *,
    contents: bool = True,
    extra: bool = True,
    extra_at: float = 0.6,
) -> list[dict[str, Any]]:
    """The rules' attributions (dicts in the gold format, `nested_in` kept) with the model's parts merged in."""
    out = [dict(a) for a in rules]
    outer = [i for i, a in enumerate(out) if not a.get("nested_in") and a.get("cue")]
    if contents and outer:
        cue_pieces = []
        for i in outer:
            hit = np.flatnonzero(covered(pieces.offsets, char_parts(out[i]["cue"]), len(text)))
            cue_pieces.append((int(hit[0]), int(hit[-1]) + 1) if hit.size else None)
        asked = [(i, c) for i, c in zip(outer, cue_pieces, strict=True) if c is not None]
        for (i, _), found in zip(asked, read_spans(model, pieces, [c for _, c in asked]), strict=True):
            content = char_field(text, pieces, found.content)
            if content is not None:
                out[i]["content"] = content
    if extra:
        taken = set().union(*(_chars(a.get("cue")) for a in out)) if out else set()
        inside = set().union(*(_chars(out[i].get("content")) for i in outer)) if outer else set()
        cues = [c for c, s in decode_cues(cue_probabilities(model, pieces), extra_at)]
        for k, found in enumerate(read_spans(model, pieces, cues)):
            cue = char_field(text, pieces, found.cue, end_exclusive=True)
            chars = _chars(cue)
            if not chars or chars & taken or chars & inside:
                continue
            out.append(
                {
                    "id": f"n{k + 1}",
                    "source": char_field(text, pieces, found.source),
                    "cue": cue,
                    "content": char_field(text, pieces, found.content),
                }
            )
    return out


if __name__ == "__main__":
    import argparse
    import hashlib
    import json
    from pathlib import Path

    from sayso.learn.data import read_gold_folder
    from sayso.neural.features import FEATURES_VERSION
    from sayso.neural.heads import load_heads

    ap = argparse.ArgumentParser()
    for name in ("heads", "rules", "vectors", "out"):
        ap.add_argument(name)
    ap.add_argument("--contents", action="store_true")
    ap.add_argument("--extra-at", type=float, default=None)
    args = ap.parse_args()
    heads, _ = load_heads(Path(args.heads))
    Path(args.out).mkdir(parents=True, exist_ok=True)
    for art in read_gold_folder(Path("../shared/eval/polnear/dev")):
        key = hashlib.sha1(f"{FEATURES_VERSION}:{art.text}".encode()).hexdigest()[:20]
        with np.load(Path(args.vectors) / f"{key}.npz") as d:
            pieces = Pieces(d["offsets"], d["vectors"])
        doc = json.loads((Path(args.rules) / f"{art.name}.json").read_text())
        kw = {"contents": args.contents, "extra": args.extra_at is not None, "extra_at": args.extra_at or 1.0}
        doc["attributions"] = combine(heads, art.text, pieces, doc["attributions"], **kw)
        (Path(args.out) / f"{art.name}.json").write_text(json.dumps(doc))
