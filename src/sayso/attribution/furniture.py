"""Attributions without page furniture: none whose cue lies in furniture or whose source or content is furniture,
contents that run into furniture cut where it starts and resumed after it (sayso.read.furniture finds it).

The parse already leaves furniture out where sayso parses the text itself (sayso.nlp.text blanks it); this is the
rule for a Doc parsed from the page as it is (the spaCy component) and for what the blanking cannot stop (a quote
that runs on past a label line).
"""

from __future__ import annotations

from dataclasses import replace

from sayso.attribution.extract import renested
from sayso.model import Attribution, Span

Piece = tuple[int, int]
TRIM = " \t\n,;:-–—"


def skip_furniture(text: str, attributions: tuple[Attribution, ...], furniture: tuple[Piece, ...]) -> list[Attribution]:
    """The attributions that stay clear of `furniture` (sorted, disjoint ranges of `text`), renumbered a1, a2, …
    in order and nested again when any is left out or cut."""
    if not furniture:
        return list(attributions)
    kept: list[Attribution] = []
    changed = False
    for a in attributions:
        clear = _clear_of(text, a, furniture)
        changed |= clear is not a
        if clear is not None:
            kept.append(clear)
    if not changed:
        return list(attributions)
    numbered = {a.id: f"a{n}" for n, a in enumerate(kept, start=1)}
    return renested([replace(a, id=numbered[a.id], nested_in=None) for a in kept])


def _clear_of(text: str, a: Attribution, furniture: tuple[Piece, ...]) -> Attribution | None:
    """`a` as it is, cut clear of furniture, or None when its cue, source or content is furniture."""
    if _overlaps(a.cue.start, a.cue.end, furniture):
        return None
    source = a.source
    if source is not None and _overlaps(source.start, source.end, furniture):
        source = _outside(text, source.start, source.end, furniture)
        if source is None:
            return None
    pieces = _content_pieces(text, a.content, furniture)
    if not pieces:
        return None
    content = Span.joined(text, pieces)
    if source is a.source and content.pieces == a.content.pieces:
        return a
    return replace(a, source=source, content=content)


def _overlaps(start: int, end: int, furniture: tuple[Piece, ...]) -> bool:
    return any(a < end and start < b for a, b in furniture)


def _outside(text: str, start: int, end: int, furniture: tuple[Piece, ...]) -> Span | None:
    """The longest stretch of `[start, end)` outside furniture, trimmed; None when there is none."""
    bounds = [start]
    for a, b in furniture:
        if a < end and start < b:
            bounds += [a, b]
    bounds.append(end)
    stretches = [(max(x, start), min(y, end)) for x, y in zip(bounds[::2], bounds[1::2], strict=True)]
    best = max(stretches, key=lambda p: p[1] - p[0])
    a, b = _trimmed(text, *best)
    return Span.of(text, a, b) if b > a else None


def _content_pieces(text: str, content: Span, furniture: tuple[Piece, ...]) -> list[Piece]:
    """The content's pieces with the furniture cut out: a content that runs into furniture ends where it starts,
    a quotation broken by an advertisement line goes on after it (a further part)."""
    out: list[Piece] = []
    for a, b in content.pieces:
        at = a
        for f_start, f_end in furniture:
            if f_end <= at or f_start >= b:
                continue
            out.append(_trimmed(text, at, f_start))
            at = f_end
        out.append(_trimmed(text, at, b))
    return [p for p in out if p[1] > p[0] and any(c.isalnum() for c in text[p[0] : p[1]])]


def _trimmed(text: str, a: int, b: int) -> Piece:
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    return a, b
