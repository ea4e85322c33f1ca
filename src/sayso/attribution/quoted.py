"""Direct quotes as contents: which quotation marks next to a cue hold what it reports, and how far they run.

A quote that ends just before the cue's clause or opens just after it ("“A,” she said, “B.”"), the quotes that
follow in the same paragraph or fill the next ones alone (the same speaker's words), a quote a content opens and the
parse cuts short, a quote coordinated with the one that ends a content, and a programme's name in quotes (no quote
at all). Pure functions over the text and its quotes (sayso.attribution.quotes).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from sayso.attribution.quotes import Quote, quote_at, quotes_from

Pieces = list[tuple[int, int]]
GLUE = " \u00a0,:;—–-\n"  # with the no-break space that web text puts between sentences
MAX_TAIL = 200  # the rest of the cue's sentence ("…,” said Dino Spencer, who now runs the gym. “…”")
# (the gaps between a cue and its quotes are matched in place, never copied out of the text: these checks run for
# every cue, and a copy up to a quote far away made the whole extraction grow with the square of the text)
GLUE_GAP = re.compile(f"[{re.escape(GLUE.replace(chr(10), ''))}]*")
AFTER_GAP = re.compile(f"[{re.escape(GLUE + '.')}]*(?:(?i:but|and)[{re.escape(GLUE + '.')}]*)?")
AND_OR_GAP = re.compile(r"[ ,]*(?i:and|or)[ ,]*")
PARAGRAPH_END = re.compile(r"[ \u00a0\t.]*(?:\n|\Z)")
MAX_GAP = 5_000  # a quote further from the last one than this is never the same speaker's (a cap, see below)


def adjacent_quotes(text: str, quotes: list[Quote], extent: tuple[int, int]) -> list[Quote]:
    """Quotes that end just before the cue's clause and/or open just after it, with only commas, colons, dashes
    and spaces between (“A,” she said, “B.”)."""
    lo, hi = extent
    out = []
    # quotes never overlap and each holds a mark that is no glue: only the last quote that ends before the clause
    # and the first that opens after it can be next to it
    last_before = bisect_right(quotes, lo, key=lambda q: q.end) - 1
    before = last_before >= 0 and GLUE_GAP.fullmatch(text, quotes[last_before].end, lo) is not None
    if before:
        out.append(quotes[last_before])
    first_after = next(quotes_from(quotes, hi), None)
    after = [first_after] if first_after is not None and AFTER_GAP.fullmatch(text, hi, first_after.start) else []
    gap = text[hi : after[0].start] if after else ""
    if out and after and "\n" not in gap and _ends_sentence(text, out[0]):
        out = []  # “… experience.” He adds, “B.”: the quote before ended its own sentence; the cue's is after it
    if after and "\n" not in gap and (not before or gap.strip(" ,").lower() in (":", "", "but", "and")):
        out.append(after[0])
    elif after and not before and text[hi : after[0].start].strip(" ") == ":":
        out.append(after[0])
    return out


def _ends_sentence(text: str, quote: Quote) -> bool:
    """A quote whose words end with a full stop (“… experience.”), not a comma or a question (“A,” / “Why?”)."""
    inner = text[quote.inner_start : quote.inner_end].rstrip(" \u00a0'\n")
    return inner.endswith(".") and not inner.endswith("..")


def quote_pieces(text: str, quotes: list[Quote]) -> Pieces:
    """The words inside the quotation marks, trimmed of edge punctuation, one piece per quote."""
    out = []
    for q in quotes:
        a, b = q.inner_start, q.inner_end if text[q.end - 1] in "”\"»'" else q.end
        edge = " \u00a0\n\t'" if text.startswith("''", q.start) else " \u00a0\n\t"
        while a < b and text[a] in edge:
            a += 1
        while b > a and text[b - 1] in edge + ",.;:":
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def following_quotes(text: str, quotes: list[Quote], near: list[Quote], extent: tuple[int, int]) -> list[Quote]:
    """Quotes that go on after the cue's sentence in the same paragraph (“A,” she said. “B.” “C.”): the same
    speaker's words, until a paragraph break or any unquoted word."""
    out: list[Quote] = []
    pos = max([extent[1], *(q.end for q in near)])
    # a quote the cue's clause runs into ("said on NBC's “Meet the Press.”") is part of the clause: go on after it
    inside = quote_at(quotes, pos, pos)
    if inside is not None and inside.start < pos < inside.end and inside not in near:
        pos = inside.end
    sentence_end = pos  # where the cue's sentence has ended, once a quote inside it closed it
    for q in quotes_from(quotes, pos):
        if q.start < pos:
            continue
        if q.start - pos > MAX_GAP:
            break  # (only a run of thousands of spaces could join them: the work per cue stays bounded)
        gap = text[pos : q.start].replace("\u00a0", " ")
        if "\n" in gap:
            # a paragraph that is one quote and nothing else, right after the speaker's paragraph ends, goes on
            # with the same speaker's words (news puts each quoted paragraph of a long answer on its own)
            head, rest = gap.split("\n", 1)
            # (the cue's sentence may end its paragraph with a few words: "he said to an enormous cheer.")
            short_tail = not out and len(head) <= MAX_TAIL and head.rstrip(" ").endswith(".")
            if rest.strip() or not _whole_paragraph(text, q) or not (head.strip(" .") == "" or short_tail):
                break
            out.append(q)
            pos = sentence_end = q.end
            continue
        # the cue's sentence may go on a little ("she said, clapping.") before the next quote opens
        tail = gap.rstrip(" ")
        if gap.strip(" .,;") != "" and (out or not tail.endswith(".") or len(tail) > MAX_TAIL):
            # a title or phrase quoted inside the cue's own sentence ("said on NBC's “Meet the Press.”") ends it;
            # the speaker's quote may follow
            if out or q.end - sentence_end > MAX_TAIL or not _closes_sentence(text, q):
                break
            pos = sentence_end = q.end
            continue
        out.append(q)
        pos = q.end
    return out


def _whole_paragraph(text: str, quote: Quote) -> bool:
    """A quote that opens its paragraph and closes it, with at most a full stop after the closing mark."""
    before = quote.start
    while before > 0 and text[before - 1] in " \u00a0\t":
        before -= 1
    return (before == 0 or text[before - 1] == "\n") and PARAGRAPH_END.match(text, quote.end) is not None


def _closes_sentence(text: str, quote: Quote) -> bool:
    """A quote whose sentence ends with it: a full stop inside its marks or right after them."""
    return _ends_sentence(text, quote) or text[quote.end : quote.end + 1] == "."


def with_lead_in(text: str, quoted: Pieces, parsed: Pieces) -> Pieces:
    """Quote pieces plus parsed text of the same clause that runs into the first quote
    ("With thousands of systems, “there is no single point of failure,” he said")."""
    if not quoted:
        return parsed
    first = quoted[0][0]
    lead = [(a, b) for a, b in parsed if a < first and b >= first - 3 and b <= quoted[0][1]]
    # not across a parenthesis that opens the quote: "… blowback from members (“I want my dues back,” wrote …)"
    opening = first
    while opening > 0 and text[opening - 1] in " \u00a0“\"'‘":
        opening -= 1
    if lead and text[lead[0][0] : first].count("\n") == 0 and not text[opening - 1 : opening] == "(":
        return [(lead[0][0], quoted[0][1]), *quoted[1:]]
    return quoted


TITLE_WORDS = {"a", "an", "the", "of", "in", "on", "with", "and", "for", "to", "at", "by"}


def title_quote(text: str, quote: Quote) -> bool:
    """A quoted name of a programme, book or film: a few capitalised words, no sentence punctuation."""
    words = text[quote.inner_start : quote.inner_end].split()
    if not 0 < len(words) <= 8 or not words[0][:1].isupper() or words[-1][-1:] in ",.?!;:":
        return False
    return all(w[:1].isupper() or w.lower() in TITLE_WORDS for w in words)


def quote_run(text: str, quotes: list[Quote], first: Quote) -> Pieces:
    """A quote and the same speaker's quotes that follow it, as content pieces."""
    return quote_pieces(text, [first, *following_quotes(text, quotes, [first], (first.end, first.end))])


def _words_end(text: str, quote: Quote, floor: int, trailing: str = ",.;:'") -> int:
    """Where a quote's words end, before trailing spaces and `trailing` punctuation, but not before `floor`."""
    end = quote.inner_end
    while end > floor and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return end


def through_quote(text: str, pieces: Pieces, quotes: list[Quote], cue: tuple[int, int]) -> Pieces:
    """A content that opens a quotation and stops inside it (the parse ends with the sentence) runs on to where
    the quotation closes: the speaker's quoted words go on ('said Chicago needs “more cooperation. There is
    fence-mending to do.”')."""
    start, end = pieces[0][0], pieces[-1][1]
    for q in filter(None, [quote_at(quotes, end, end)]):  # (only a quote around the content's end can hold it)
        # (a content that starts right at the opening mark counts: 'telling reporters that "[I'm not okay] with …"')
        opens = start <= q.start or (q.start < start <= q.inner_start + 1)
        if opens and q.start < end < q.inner_end and not (q.start <= cue[0] < q.end):
            words_end = _words_end(text, q, end)
            if words_end > end:
                return [*pieces[:-1], (pieces[-1][0], words_end)]
    return pieces


def coordinated_quote(text: str, pieces: Pieces, quotes: list[Quote]) -> Pieces:
    """A content that ends with a quote coordinated with another ('chanted “stop the war” and “no justice, no
    peace”') takes in the other."""
    end = pieces[-1][1]
    last = quote_at(quotes, end, end)
    if last is None or not last.start < end or text[end : last.end].strip(" ,.;:!?'\"”»") != "":
        return pieces
    other = next(quotes_from(quotes, last.end), None)
    if other is None or not AND_OR_GAP.fullmatch(text, last.end, other.start):
        return pieces
    return [*pieces[:-1], (pieces[-1][0], _words_end(text, other, other.inner_start, trailing=",.;:"))]


def close_quote(text: str, piece: tuple[int, int]) -> tuple[int, int]:
    """A piece that opens a quotation mark keeps the mark that closes it ('as “frank and useful”')."""
    a, b = piece
    opened = sum(text.count(m, a, b) for m in "“«") - sum(text.count(m, a, b) for m in "”»")
    if opened > 0 and b < len(text) and text[b] in "”»":
        return a, b + 1
    return piece
