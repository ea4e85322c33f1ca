"""Where a long text is cut into pieces the parser accepts.

spaCy refuses a text longer than `nlp.max_length` (1,000,000 characters: error E088), and the parser's memory grows
with the text it is given. A text longer than `PIECE_CHARS` is parsed in pieces of at most `PIECE_SIZE` characters
and the pieces' Docs are joined back into one (sayso.nlp.text), so every offset still indexes the whole text. The
pieces are small because the parser advances the Docs of a batch side by side: one long Doc is parsed one
transition at a time, and took twice the CPU time of the same text in 10,000-character pieces (100 KB of joined
PolNeAR articles: 5.2 against 2.6 s). Texts up to `PIECE_CHARS` (every news article) are parsed whole. A piece
ends, in this order of preference, at a paragraph break outside any quotation, at a sentence end outside any
quotation, at any paragraph break, at any sentence end, at any space, and only failing all of these (a text without
spaces) after exactly `PIECE_CHARS` characters. Sentences never run across a paragraph break in sayso's pipeline
(sayso.nlp.pipeline), so a cut there changes no sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

PIECE_CHARS = 100_000
PIECE_SIZE = 10_000
# a sentence's final punctuation, any closing quotation marks or brackets after it, and the space that follows
SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*\s+")
PARAGRAPH = re.compile(r"\n\s*")
SPACE = re.compile(r"\s+")

Bounds = list[tuple[int, int]]


def piece_bounds(text: str, limit: int = PIECE_CHARS, size: int | None = None) -> Bounds:
    """[start, end) of each piece of `text`, in order, together the whole text: the text whole if it is at most
    `limit` characters long, else pieces of at most `size` characters (default: `limit`)."""
    if len(text) <= limit:
        return [(0, len(text))]
    limit = min(size or limit, limit)
    if limit < 2:
        raise ValueError(f"a piece must hold at least 2 characters, not {limit}")
    inside = _inside_quotation(text)
    out: Bounds = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit, inside)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _cut(text: str, lo: int, hi: int, inside: Callable[[int], bool]) -> int:
    """The best place in (lo, hi] to end a piece."""
    paragraphs = [m.end() for m in PARAGRAPH.finditer(text, lo, hi)]
    sentences = [m.end() for m in SENTENCE_END.finditer(text, lo, hi)]
    for found in (paragraphs, sentences):
        outside = [p for p in found if lo < p <= hi and not inside(p)]
        if outside:
            return outside[-1]
    for found in (paragraphs, sentences, [m.end() for m in SPACE.finditer(text, lo, hi)]):
        within = [p for p in found if lo < p <= hi]
        if within:
            return within[-1]
    return hi


def _inside_quotation(text: str) -> Callable[[int], bool]:
    """Whether a cut at a position would fall inside one of the text's direct quotes."""
    from sayso.attribution.quotes import find_quotes  # (sayso.attribution imports sayso.nlp: imported late)

    quotes, _ = find_quotes(text)
    starts = [q.start for q in quotes]

    def inside(position: int) -> bool:
        i = bisect_left(starts, position) - 1
        return i >= 0 and quotes[i].end > position

    return inside
