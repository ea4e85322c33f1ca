"""The text of a parsed Doc, read once per document, and the text the parser is given.

Web text puts no-break and thin spaces between words and sentences ("the\u00a0Republican", ".\u00a0“I think …”":
a third of PolNeAR's articles). spaCy makes each of them a token of its own, which the parser then hangs somewhere
in the sentence. The parser is given the text with each such space as a plain one instead: every character keeps
its offset, and the Doc keeps the original text for everything sayso reports (`doc_text`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from sayso.nlp.headline import sentence_case

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
    """The text as the parser reads it: the same length, odd spaces made plain and a Title Case headline in
    sentence case (sayso.nlp.headline)."""
    return sentence_case(text.translate(PARSER_SPACES))


def keep_text(doc: Doc, text: str) -> Doc:
    """Record the original `text` of a Doc parsed from `for_parser(text)`."""
    doc.user_data[TEXT_KEY] = text
    return doc


def parse(nlp: Language, text: str) -> Doc:
    """One text parsed as sayso parses it."""
    return keep_text(nlp(for_parser(text)), text)


def parse_pairs(
    nlp: Language, pairs: Iterable[tuple[str, Context]], batch_size: int
) -> Iterator[tuple[Doc, Context]]:
    """(text, context) pairs parsed in batches, in order, as `nlp.pipe(..., as_tuples=True)` does."""
    items = ((for_parser(text), (text, ctx)) for text, ctx in pairs)
    for doc, (text, ctx) in nlp.pipe(items, as_tuples=True, batch_size=batch_size):
        yield keep_text(doc, text), ctx
