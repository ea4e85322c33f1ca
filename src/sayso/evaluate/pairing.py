"""Pairing predicted attributions with gold ones, one to one.

A candidate pair has overlapping cues and contents whose character Jaccard is at least `MIN_CONTENT_OVERLAP`.
Candidates are taken greedily, best content overlap first (ties: the later gold, then the later prediction, as
the reference scorer orders them), each attribution used at most once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sayso.evaluate.spans import CharSet

MIN_CONTENT_OVERLAP = 0.5


def pair_attributions(gold: Sequence[Mapping[str, Any]], pred: Sequence[Mapping[str, Any]]) -> dict[int, int]:
    """Index of each paired gold attribution -> index of its predicted partner."""
    pred_cues = [CharSet.of(p.get("cue")) for p in pred]
    pred_contents = [CharSet.of(p.get("content")) for p in pred]
    candidates: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        cue, content = CharSet.of(g["cue"]), CharSet.of(g["content"])
        for j in range(len(pred)):
            overlap = content.jaccard(pred_contents[j])
            if overlap >= MIN_CONTENT_OVERLAP and cue.meets(pred_cues[j]):
                candidates.append((overlap, i, j))
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs
