"""Spans as the scorer sees them: the set of characters they cover, their overlap, and their trimmed bounds.

A span is the JSON object of the gold format (`{"text", "span": [start, end], "parts"?}`); a discontinuous span
covers the characters of its `parts` only.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# what exact matching ignores at the edges of a span: whitespace, quotation marks, punctuation, dashes, brackets
EDGE_CHARS = " \t\n\"'“”‘’«»,.;:—–-()[]"
LEADING_THAT = "that "


@dataclass(frozen=True)
class CharSet:
    """The characters a span covers, as sorted, disjoint, non-adjacent `[start, end)` intervals."""

    intervals: tuple[tuple[int, int], ...] = ()

    @classmethod
    def of(cls, field: Mapping[str, Any] | None) -> CharSet:
        """The characters of a span object (its `parts` where it has them); empty for a missing span."""
        if not field:
            return cls()
        return cls.of_pieces(field.get("parts") or [field["span"]])

    @classmethod
    def of_pieces(cls, pieces: Iterable[Sequence[int]]) -> CharSet:
        """The characters of `[start, end)` pieces, in any order, overlapping or not."""
        merged: list[tuple[int, int]] = []
        for start, end in sorted((int(a), int(b)) for a, b in pieces if b > a):
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((start, end))
        return cls(tuple(merged))

    def __len__(self) -> int:
        return sum(end - start for start, end in self.intervals)

    def common(self, other: CharSet) -> int:
        """How many characters both sets cover."""
        total, i, j = 0, 0, 0
        mine, theirs = self.intervals, other.intervals
        while i < len(mine) and j < len(theirs):
            lo = max(mine[i][0], theirs[j][0])
            hi = min(mine[i][1], theirs[j][1])
            total += max(0, hi - lo)
            if mine[i][1] < theirs[j][1]:
                i += 1
            else:
                j += 1
        return total

    def meets(self, other: CharSet) -> bool:
        """Whether the two sets share at least one character."""
        return self.common(other) > 0

    def jaccard(self, other: CharSet) -> float:
        """Shared characters over all characters covered; 0.0 when either set is empty."""
        if not self.intervals or not other.intervals:
            return 0.0
        shared = self.common(other)
        return shared / (len(self) + len(other) - shared)


def trimmed_bounds(field: Mapping[str, Any] | None, text: str | None) -> tuple[int, int] | None:
    """`(start, end)` of a span once edge whitespace, quotes and punctuation and a leading "that" are removed.

    The span's text is read from `text` at its `[start, end)` (or taken from the span object when there is no
    text); `None` for a missing span.
    """
    if not field:
        return None
    start, end = int(field["span"][0]), int(field["span"][1])
    raw = text[start:end] if text else str(field.get("text") or "")
    body = raw.lstrip(EDGE_CHARS)
    if body[: len(LEADING_THAT)].lower() == LEADING_THAT:
        body = body[len(LEADING_THAT) :].lstrip(EDGE_CHARS)
    lead = len(raw) - len(body)
    return (start + lead, start + lead + len(body.rstrip(EDGE_CHARS)))
