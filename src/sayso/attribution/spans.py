"""Token-range helpers shared by the attribution stages: subtrees, trimming, character spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

EDGE_PUNCT = set(",.;:—–-\"'“”‘’()[]")
LEADING_WORDS = {"that", "and", "but", "so"}


def char_range(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Characters of tokens [i, j)."""
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


def _edge(token: Token) -> bool:
    return token.is_space or token.text in EDGE_PUNCT or token.is_punct


def trim_tokens(doc: Doc, i: int, j: int, *, drop_leading_that: bool = True) -> tuple[int, int]:
    """Tokens [i, j) without edge punctuation/space and, at the start, a complementizer or conjunction."""
    while i < j and (doc[i].is_space or doc[i].text in EDGE_PUNCT or doc[i].is_punct):
        i += 1
    while drop_leading_that and i < j and doc[i].lower_ in LEADING_WORDS and doc[i].dep_ in ("mark", "cc"):
        i += 1
        while i < j and (doc[i].is_space or doc[i].is_punct):
            i += 1
    # edge punctuation, and a conjunction left dangling at the end ("…, and"); a closing bracket stays where its
    # opening one is inside ("Rep. Gwen Moore (D-Wis.)")
    while j > i and (_edge(doc[j - 1]) or doc[j - 1].dep_ == "cc") and not _closes(doc, i, j - 1):
        j -= 1
    return i, j


def _closes(doc: Doc, i: int, k: int) -> bool:
    """Token k is a closing bracket whose opening bracket lies in [i, k)."""
    opening = {")": "(", "]": "["}.get(doc[k].text)
    if opening is None:
        return False
    depth = 0
    for t in doc[i:k]:
        depth += (t.text == opening) - (t.text == doc[k].text)
    return depth > 0


def subtree_range(token: Token, exclude: Iterable[int] = ()) -> tuple[int, int]:
    """The contiguous token range [i, j) covered by token's subtree, left and right edges only."""
    skip = set(exclude)
    ids = [t.i for t in token.subtree if t.i not in skip]
    return (min(ids), max(ids) + 1) if ids else (token.i, token.i + 1)


def pieces(token_ids: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted token ids as maximal contiguous ranges [i, j)."""
    out: list[tuple[int, int]] = []
    for i in sorted(set(token_ids)):
        if out and out[-1][1] == i:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def trimmed_char_pieces(
    doc: Doc, ranges: list[tuple[int, int]], *, keep_leading_word: bool = False
) -> list[tuple[int, int]]:
    """Character pieces of token ranges, each trimmed; empty pieces dropped; the leading 'that' only at the start
    (and not with `keep_leading_word`)."""
    out = []
    for n, (i, j) in enumerate(ranges):
        a, b = trim_tokens(doc, i, j, drop_leading_that=(n == 0 and not keep_leading_word))
        if b > a:
            out.append(char_range(doc, a, b))
    return out

