"""The text of a parsed Doc, read once per document, and the text the parser is given.

Web text puts no-break and thin spaces between words and sentences ("the\u00a0Republican", ".\u00a0“I think …”":
a third of PolNeAR's articles). spaCy makes each of them a token of its own, which the parser then hangs somewhere
in the sentence. The parser is given the text with each such space as a plain one instead: every character keeps
its offset, and the Doc keeps the original text for everything sayso reports (`doc_text`).

A text longer than sayso.nlp.pieces.PIECE_CHARS is parsed in pieces (cut at paragraph and sentence boundaries outside
quotations) whose Docs are joined back into one: the parser never sees more than a piece (no E088 past spaCy's
`max_length`, the parser's memory bounded by the piece), and every offset indexes the whole text.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from sayso.nlp.headline import sentence_case
from sayso.nlp.pieces import PIECE_CHARS, PIECE_SIZE, piece_bounds
from sayso.nlp.pipeline import CUT_KEY, MAX_SENTENCE_TOKENS
from sayso.read.furniture import blank_furniture, find_furniture

TEXT_KEY = "sayso.text"
# no-break, figure, thin and narrow no-break spaces: one character each, so offsets do not move
PARSER_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u202f", " "))
Context = TypeVar("Context")


def doc_text(doc: Doc) -> str:
    """The Doc's text, built once: spaCy rebuilds `doc.text` from every token on each access (bench/ measured
    this as most of the extraction's time). For a Doc parsed by `parse`/`parse_pairs`, the original text."""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str):
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def for_parser(text: str) -> str:
    """The text as the parser reads it: the same length, odd spaces made plain, a Title Case headline in
    sentence case (sayso.nlp.headline) and page furniture blanked out (sayso.read.furniture: the parser never
    sees a label, a credit or an embed, nor joins one to the sentence beside it)."""
    return blank_furniture(sentence_case(text.translate(PARSER_SPACES)), find_furniture(text))


def keep_text(doc: Doc, text: str) -> Doc:
    """Record the original `text` of a Doc parsed from `for_parser(text)`."""
    doc.user_data[TEXT_KEY] = text
    return doc


def parse(nlp: Language, text: str, piece_chars: int = PIECE_CHARS) -> Doc:
    """One text parsed as sayso parses it."""
    return next(parse_pairs(nlp, [(text, None)], 16, piece_chars))[0]  # (16: a long text's pieces side by side)


def parse_pairs(
    nlp: Language, pairs: Iterable[tuple[str, Context]], batch_size: int, piece_chars: int = PIECE_CHARS
) -> Iterator[tuple[Doc, Context]]:
    """(text, context) pairs parsed in batches, in order, as `nlp.pipe(..., as_tuples=True)` does; a text longer
    than `piece_chars` (or the pipeline's `max_length`, if smaller) in pieces, joined back into one Doc."""

    def pieces() -> Iterator[tuple[str, tuple[bool, str, Context]]]:
        for text, ctx in pairs:
            plain = for_parser(text)  # (the whole text: only its first line is a headline)
            limit = min(piece_chars, nlp.max_length)
            bounds = piece_bounds(text, limit, min(PIECE_SIZE, limit))
            for n, (start, end) in enumerate(bounds, start=1):
                yield plain[start:end], (n == len(bounds), text, ctx)

    parsed: list[Doc] = []
    for doc, (last, text, ctx) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        parsed.append(doc)
        if last:
            yield keep_text(join_pieces(parsed), text), ctx
            parsed = []


def join_pieces(docs: list[Doc]) -> Doc:
    """The Docs of consecutive pieces of one text as one Doc over the whole text (no space added between them)."""
    if len(docs) == 1:
        return docs[0]
    # (spaCy's stubs lack `exclude`, which spaCy 3.8 takes: the tensors are not needed, the text is kept apart)
    joined = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])  # type: ignore[call-arg]
    cuts, offset = [], 0
    for doc in docs:
        cuts += [offset + c for c in doc.user_data.get(CUT_KEY, ())]
        offset += len(doc.text)
    if cuts:
        joined.user_data[CUT_KEY] = cuts
    return joined


def parse_warnings(doc: Doc) -> tuple[str, ...]:
    """What the parse cut short: stretches too long for a sentence (sayso.nlp.pipeline.MAX_SENTENCE_TOKENS)."""
    cuts = doc.user_data.get(CUT_KEY, ())
    if not cuts:
        return ()
    where = ", ".join(str(c) for c in cuts[:5]) + (", …" if len(cuts) > 5 else "")
    return (
        f"{len(cuts)} stretch(es) of {MAX_SENTENCE_TOKENS} tokens without a sentence end were cut into sentences "
        f"(at characters {where}): attributions do not run across these cuts",
    )
