"""The article text cut into non-overlapping pieces, each knowing which sources, cues and contents cover it.

Spans overlap (a content holds a nested attribution's source, cue and content) and may be discontinuous (`parts`),
so the text is cut at every span boundary; each piece then carries the set of roles covering it. Runs of whitespace
holding a line break separate paragraphs. Joining every piece's text gives back the document text exactly.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from sayso.model import Span
from sayso.render.view import Overview

_GAP = re.compile(r"\s*\n\s*")


@dataclass(frozen=True)
class Segment:
    """`text[start:end]`, and the entry keys for which it is source, cue or content."""

    start: int
    end: int
    text: str
    sources: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    contents: tuple[str, ...] = ()
    dates: tuple[int, ...] = ()  # indexes into Document.dates
    primary: str | None = None  # the innermost attribution here: what hovering this piece describes
    handle: str | None = None  # the entry whose keyboard/click handle this piece is (the first piece of its cue)
    gap: bool = False  # whitespace with a line break between two paragraphs

    @property
    def classes(self) -> tuple[str, ...]:
        out = ["seg"] if (self.sources or self.cues or self.contents) else []
        if self.contents:
            out.append("con")
            if len(self.contents) > 1:
                out.append(f"con-{min(len(self.contents), 3)}")
        if self.sources:
            out.append("src")
        if self.cues:
            out.append("cue")
        if self.dates:
            out.append("date")
        if self.handle:
            out.append("handle")
        return tuple(out)

    def cue_keys(self) -> tuple[str, ...]:
        return self.cues

    def content_keys(self) -> tuple[str, ...]:
        return self.contents

    def source_keys(self) -> tuple[str, ...]:
        return self.sources

    @property
    def plain(self) -> bool:
        return not (self.sources or self.cues or self.contents or self.dates)


@dataclass(frozen=True)
class Block:
    """A paragraph (`gap` False) or the whitespace with line breaks between two paragraphs (`gap` True)."""

    gap: bool
    segments: tuple[Segment, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.segments)


def _pieces(span: Span | None, size: int) -> list[tuple[int, int]]:
    """A span's pieces clamped to the text; empty and inverted pieces dropped (bad offsets never crash rendering)."""
    if span is None:
        return []
    out = []
    for a, b in span.pieces:
        a, b = max(0, min(a, size)), max(0, min(b, size))
        if b > a:
            out.append((a, b))
    return out


def segments(ov: Overview) -> list[Segment]:
    """The text of `ov.doc` cut at every span boundary and paragraph gap, in order."""
    text = ov.doc.text
    size = len(text)
    roles: list[tuple[str, str, int, int]] = []  # (role, key, start, end)
    for e in ov.entries:
        a = e.attribution
        for role, span in (("s", a.source), ("c", a.cue), ("t", a.content)):
            roles.extend((role, e.key, s, t) for s, t in _pieces(span, size))
    dates = [(i, max(0, d.start), min(size, d.end)) for i, d in enumerate(ov.doc.dates) if min(size, d.end) > d.start]
    gaps = [(m.start(), m.end()) for m in _GAP.finditer(text)]

    cuts = {0, size}
    for _, _, s, t in roles:
        cuts.update((s, t))
    for _, s, t in dates:
        cuts.update((s, t))
    for s, t in gaps:
        cuts.update((s, t))
    bounds = sorted(cuts)

    out = []
    for s, t in itertools.pairwise(bounds):
        if any(a <= s and t <= b for a, b in gaps):
            out.append(Segment(s, t, text[s:t], gap=True))
            continue
        cover = [(role, key, b - a) for role, key, a, b in roles if a <= s and t <= b]
        by_role = {r: tuple(dict.fromkeys(k for role, k, _ in cover if role == r)) for r in "sct"}
        out.append(
            Segment(
                s,
                t,
                text[s:t],
                sources=by_role["s"],
                cues=by_role["c"],
                contents=by_role["t"],
                dates=tuple(i for i, a, b in dates if a <= s and t <= b),
                primary=min(cover, key=lambda c: (c[0] == "t", c[2]))[1] if cover else None,
            )
        )
    return _with_handles(ov, out)


def _with_handles(ov: Overview, segs: list[Segment]) -> list[Segment]:
    """Give each entry one handle: the first piece of its cue (or, without one in the text, of its content/source).

    A piece is the handle of one entry only; an entry left without one is still reached from the sources panel.
    """
    taken: dict[int, str] = {}
    for e in ov.entries:
        for role in (Segment.cue_keys, Segment.content_keys, Segment.source_keys):
            i = next((i for i, g in enumerate(segs) if not g.gap and e.key in role(g)), None)
            if i is not None:
                if i not in taken:
                    taken[i] = e.key
                break
    return [replace(g, handle=taken[i]) if i in taken else g for i, g in enumerate(segs)]


def blocks(segs: list[Segment]) -> list[Block]:
    """Segments grouped into paragraphs and the line-break gaps between them."""
    out: list[Block] = []
    current: list[Segment] = []
    gap: list[Segment] = []
    for seg in segs:
        if seg.gap:
            if current:
                out.append(Block(False, tuple(current)))
                current = []
            gap.append(seg)
        else:
            if gap:
                out.append(Block(True, tuple(gap)))
                gap = []
            current.append(seg)
    if current:
        out.append(Block(False, tuple(current)))
    if gap:
        out.append(Block(True, tuple(gap)))
    return out
