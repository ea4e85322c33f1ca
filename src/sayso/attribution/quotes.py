"""Quotation marks: where the direct quotes of a text are.

News quotes open and close with curly (“ ”) or straight (") double marks; a quote that runs over several
paragraphs leaves each paragraph open and reopens the next with an opening mark. Unbalanced marks never raise:
the quote is closed at the end of its paragraph and a warning says where.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

OPENING = "“„«"
CLOSING = "”»"
STRAIGHT = '"'


@dataclass(frozen=True)
class Quote:
    """A quoted stretch: `start`/`end` include the marks, `inner_start`/`inner_end` do not."""

    start: int
    end: int

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1


def _opens(text: str, i: int) -> bool:
    """A straight mark opens when it follows a space, an opening bracket or the start of a line."""
    return i == 0 or text[i - 1] in " \u00a0\t\n([{—–-/"


def find_quotes(text: str) -> tuple[list[Quote], list[str]]:
    """Direct quotes in text order (none overlaps another: sayso.attribution searches them by position), and
    warnings about unbalanced marks."""
    quotes: list[Quote] = []
    warnings: list[str] = []
    start: int | None = None
    i, n = 0, len(text)
    while i < n:
        ch, at = text[i], i
        if text.startswith("''", i):  # two apostrophes stand for a straight double mark in some archives
            ch = STRAIGHT
            i += 1
        if start is None:
            # a closing curly mark where a quote can open (at a line start, after a space) is a typo for an opening one
            if ch in OPENING or ((ch == STRAIGHT or ch in CLOSING) and _opens(text, at)):
                start = at
        elif ch in CLOSING or ch == STRAIGHT:
            quotes.append(Quote(start, i + 1))
            start = None
        elif ch in OPENING:
            # a new opening mark while one is open: a paragraph-continuation quote or a missing close
            if "\n" not in text[start:i]:  # (across paragraphs it is the continuation mark: the quote goes on)
                warnings.append(f"unbalanced quotation mark at character {start}")
                start = i
        elif ch == "\n" and not _continues_next_paragraph(text, i):
            warnings.append(f"quotation mark at character {start} is not closed before the paragraph ends")
            quotes.append(Quote(start, i))
            start = None
        i += 1
    if start is not None:
        warnings.append(f"quotation mark at character {start} is never closed")
        quotes.append(Quote(start, n))
    return [q for q in quotes if q.end - q.start > 2], warnings


def _continues_next_paragraph(text: str, newline: int) -> bool:
    """A paragraph left open continues when the next non-blank paragraph opens with a quotation mark."""
    j = newline
    while j < len(text) and text[j] in "\n \u00a0\t":
        j += 1
    return j < len(text) and (text[j] in OPENING or text[j] == STRAIGHT)


def quote_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quote containing the stretch [start, end), if any."""
    # quotes are in text order and never overlap: only the first that ends at or after `end` can contain it (a
    # search, not a walk over every quote: it runs for every cue of a text)
    i = bisect_left(quotes, end, key=_end)
    return quotes[i] if i < len(quotes) and quotes[i].start <= start else None


def quotes_from(quotes: list[Quote], position: int) -> Iterator[Quote]:
    """The quotes that open at or after `position`, in text order."""
    for i in range(bisect_left(quotes, position, key=_start), len(quotes)):
        yield quotes[i]


def overlapping(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotes that share a character with [start, end), in text order."""
    out = []
    for i in range(bisect_right(quotes, start, key=_end), len(quotes)):
        if quotes[i].start >= end:
            break
        out.append(quotes[i])
    return out


def _start(quote: Quote) -> int:
    return quote.start


def _end(quote: Quote) -> int:
    return quote.end
