"""Reading an article with the trained heads: cues from the tagger, then each cue's content and source.

Spans come back as character ranges widened to whole words, in the gold format's `{text, span}` shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from sayso.neural.data import B, I, O, window
from sayso.neural.features import Pieces
from sayso.neural.heads import Heads

MAX_CONTENT = 240  # pieces
MAX_SOURCE = 24
CUE_WINDOW, CUE_STRIDE = 256, 128


@dataclass(frozen=True)
class Found:
    """One cue the model read: its pieces `[start, end)`, its probability, its content and source piece bounds."""

    cue: tuple[int, int]
    score: float
    content: tuple[int, int] | None
    source: tuple[int, int] | None


def cue_probabilities(model: Heads, pieces: Pieces) -> np.ndarray:
    """(n, 3) O / B / I probabilities, each piece read in the window where it sits farthest from an edge."""
    n = len(pieces)
    probs = np.zeros((n, 3), dtype=np.float32)
    best = np.full(n, -1)
    starts = [0] if n <= CUE_WINDOW else [*range(0, n - CUE_WINDOW, CUE_STRIDE), n - CUE_WINDOW]
    with torch.inference_mode():
        for s in starts:
            e = min(n, s + CUE_WINDOW)
            x = torch.from_numpy(pieces.vectors[s:e].astype(np.float32)).unsqueeze(0)
            p = torch.softmax(model.cue_logits(x)[0], -1).numpy()
            depth = np.minimum(np.arange(e - s), np.arange(e - s)[::-1])
            take = depth > best[s:e]
            probs[s:e][take], best[s:e][take] = p[take], depth[take]
    return probs


def decode_cues(probs: np.ndarray, threshold: float) -> list[tuple[tuple[int, int], float]]:
    """Cue spans: a piece not O with probability >= threshold starts or continues one (B starts anew)."""
    spans: list[tuple[tuple[int, int], float]] = []
    start, score = -1, 0.0
    for i, p in enumerate(probs):
        inside = 1.0 - p[O] >= threshold
        if start >= 0 and (not inside or p[B] > p[I]):
            spans.append(((start, i), score))
            start = -1
        if inside and start < 0:
            start, score = i, float(1.0 - p[O])
    if start >= 0:
        spans.append(((start, len(probs)), score))
    return spans


def _best_span(starts: np.ndarray, ends: np.ndarray, longest: int) -> tuple[int, int, float]:
    n = len(starts)
    grid = starts[:, None] + ends[None, :]
    idx = np.arange(n)
    allowed = (idx[None, :] >= idx[:, None]) & (idx[None, :] - idx[:, None] < longest)
    grid = np.where(allowed, grid, -np.inf)
    s, e = np.unravel_index(int(np.argmax(grid)), grid.shape)
    return int(s), int(e), float(grid[s, e])


def read_spans(model: Heads, pieces: Pieces, cues: Sequence[tuple[int, int]]) -> list[Found]:
    """For each cue (pieces `[start, end)`), the content and source the span head points at."""
    if not cues:
        return []
    width, n = model.config["window"], len(pieces)
    bounds = [window(c, n, width) for c in cues]
    length = max(b - a for a, b in bounds)
    vectors = np.zeros((len(cues), length, pieces.vectors.shape[1]), dtype=np.float32)
    marks = np.zeros((len(cues), length), dtype=bool)
    pad = np.zeros((len(cues), length), dtype=bool)
    for i, (c, (a, b)) in enumerate(zip(cues, bounds, strict=True)):
        vectors[i, : b - a] = pieces.vectors[a:b]
        marks[i, c[0] - a : c[1] - a] = True
        pad[i, : b - a] = True
    with torch.inference_mode():
        scores, no_source = model.span_logits(torch.from_numpy(vectors), torch.from_numpy(marks), torch.from_numpy(pad))
    out = []
    for i, (c, (a, b)) in enumerate(zip(cues, bounds, strict=True)):
        sc = scores[i, : b - a].numpy()
        cs, ce, _ = _best_span(sc[:, 0], sc[:, 1], MAX_CONTENT)
        ss, se, source_score = _best_span(sc[:, 2], sc[:, 3], MAX_SOURCE)
        null = float(no_source[i].sum())
        source = None if null >= source_score else (ss + a, se + a)
        out.append(Found(c, 1.0, (cs + a, ce + a), source))
    return out


def _whole_words(text: str, a: int, b: int) -> tuple[int, int]:
    while a > 0 and text[a - 1].isalnum() and text[a].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum() and text[b - 1].isalnum():
        b += 1
    return a, b


def char_field(text: str, pieces: Pieces, bounds: tuple[int, int] | None, *, end_exclusive: bool = False) -> Any:
    """`{text, span}` for pieces `[first, last]` (or `[start, end)`), widened to whole words."""
    if bounds is None:
        return None
    first, last = bounds[0], bounds[1] - 1 if end_exclusive else bounds[1]
    a, b = _whole_words(text, int(pieces.offsets[first, 0]), int(pieces.offsets[last, 1]))
    return {"text": text[a:b], "span": [a, b]}


def read_article(model: Heads, text: str, pieces: Pieces, threshold: float) -> list[dict[str, Any]]:
    """The model's own attributions for an article, in the gold format (all outermost)."""
    cues = decode_cues(cue_probabilities(model, pieces), threshold)
    found = read_spans(model, pieces, [c for c, _ in cues])
    out = []
    for k, (f, (_, score)) in enumerate(zip(found, cues, strict=True)):
        out.append(
            {
                "id": f"n{k + 1}",
                "source": char_field(text, pieces, f.source),
                "cue": char_field(text, pieces, f.cue, end_exclusive=True),
                "content": char_field(text, pieces, f.content),
                "score": round(score, 4),
            }
        )
    return out
