"""Gold attributions as word-piece targets: O / B / I cue tags per piece, and per cue its content and source.

Spans are piece ranges `[first, last]` (inclusive) of the pieces that overlap the gold span's characters; a content
in several parts is taken whole, from its first part's start to its last part's end.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sayso.neural.features import Pieces

O, B, I = 0, 1, 2  # noqa: E741 - the usual names of the three tags


@dataclass(frozen=True)
class CueTarget:
    """One gold attribution: its cue's pieces `[start, end)`, its content's and source's `[first, last]` or None."""

    cue: tuple[int, int]
    content: tuple[int, int] | None
    source: tuple[int, int] | None


@dataclass
class Example:
    name: str
    text: str
    pieces: Pieces
    tags: NDArray[np.int64]
    targets: list[CueTarget]
    gold: list[Mapping[str, Any]]


def char_parts(span: Mapping[str, Any] | None) -> list[tuple[int, int]]:
    if not span:
        return []
    return [(int(a), int(b)) for a, b in (span.get("parts") or [span["span"]])]


def covered(offsets: NDArray[np.int32], parts: Iterable[tuple[int, int]], length: int) -> NDArray[np.bool_]:
    """Which pieces overlap any of the character ranges."""
    mask = np.zeros(length + 1, dtype=np.int32)
    for a, b in parts:
        mask[max(a, 0) : min(b, length)] = 1
    sums = np.concatenate([[0], np.cumsum(mask)])
    return np.asarray((sums[offsets[:, 1]] - sums[offsets[:, 0]]) > 0)


def piece_bounds(offsets: NDArray[np.int32], parts: list[tuple[int, int]], length: int) -> tuple[int, int] | None:
    """`[first, last]` of the pieces inside the hull of `parts`, None when no piece is."""
    if not parts:
        return None
    hit = np.flatnonzero(covered(offsets, [(min(a for a, _ in parts), max(b for _, b in parts))], length))
    return (int(hit[0]), int(hit[-1])) if hit.size else None


def example(name: str, text: str, pieces: Pieces, attributions: Iterable[Mapping[str, Any]]) -> Example:
    n = len(pieces)
    tags = np.zeros(n, dtype=np.int64)
    targets = []
    attributions = list(attributions)
    for att in attributions:
        cue_pieces = np.flatnonzero(covered(pieces.offsets, char_parts(att.get("cue")), len(text)))
        if not cue_pieces.size:
            continue
        tags[cue_pieces] = I
        tags[cue_pieces[0]] = B
        for i in range(1, cue_pieces.size):  # a cue in parts: each part starts anew
            if cue_pieces[i] != cue_pieces[i - 1] + 1:
                tags[cue_pieces[i]] = B
        targets.append(
            CueTarget(
                (int(cue_pieces[0]), int(cue_pieces[-1]) + 1),
                piece_bounds(pieces.offsets, char_parts(att.get("content")), len(text)),
                piece_bounds(pieces.offsets, char_parts(att.get("source")), len(text)),
            )
        )
    return Example(name, text, pieces, tags, targets, attributions)


def window(cue: tuple[int, int], n: int, width: int) -> tuple[int, int]:
    """The pieces `[start, end)` a cue's span head reads: `width` either side of the cue."""
    return max(0, cue[0] - width), min(n, cue[1] + width)
