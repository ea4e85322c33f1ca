"""The parser reads odd spaces (no-break, thin) as plain ones; everything sayso reports keeps the original text."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sayso.analysis import Analyzer
from sayso.model import Metadata
from sayso.nlp.text import doc_text, for_parser, parse
from sayso.read import Record

TEXT = "Senator Ruiz said the\u00a0Republican plan would fail.\u00a0“We will fight it,” she added."


@pytest.fixture(scope="module")
def analyzer(nlp: Language) -> Analyzer:
    return Analyzer(nlp=nlp)


def test_for_parser_keeps_every_offset() -> None:
    plain = for_parser(TEXT + "\u2009\u202f\u2007")
    assert len(plain) == len(TEXT) + 3
    assert "\u00a0" not in plain and plain.endswith("   ")
    assert all(a == b for a, b in zip(plain, TEXT, strict=False) if b != "\u00a0")


def test_parsed_doc_reports_the_original_text(analyzer: Analyzer) -> None:
    doc = parse(analyzer.nlp, TEXT)
    assert doc_text(doc) == TEXT
    assert not any(t.is_space for t in doc)  # no token of its own for the no-break spaces


def test_analysis_spans_index_the_original_text(analyzer: Analyzer) -> None:
    for document in (analyzer.analyze(TEXT), next(analyzer.analyze_records([Record(TEXT, Metadata(name="a"))]))):
        assert document.text == TEXT
        said = next(a for a in document.attributions if a.cue.text == "said")
        assert said.content is not None
        assert said.content.text == "the\u00a0Republican plan would fail"
        assert TEXT[said.content.start : said.content.end] == said.content.text


HEADLINE = (
    "Glenn Beck Blasts Drudge For Mocking His Fast At The Border\nGlenn Beck said on Monday that Drudge was wrong.\n"
)


@pytest.mark.parametrize(
    ("text", "expected_first_line"),
    [
        (HEADLINE, "Glenn Beck blasts Drudge for mocking his fast at the border"),
        # acronyms and the first word keep their capitals
        ("GOP Leaders Say Budget Deal Is Dead\nThe GOP leaders met.\n", "GOP leaders say budget deal is dead"),
        # a sentence-case headline, a headline with no text after it and a long first paragraph are left alone
        ("Senate passes the budget bill\nIt was late.\n", "Senate passes the budget bill"),
        ("Glenn Beck Blasts Drudge For Mocking His Fast", "Glenn Beck Blasts Drudge For Mocking His Fast"),
        (("Word " * 40).strip() + "\nIt was late.\n", ("Word " * 40).strip()),
    ],
)
def test_title_case_headline_is_read_in_sentence_case(text: str, expected_first_line: str) -> None:
    plain = for_parser(text)
    assert len(plain) == len(text)
    assert plain.split("\n")[0] == expected_first_line
    assert plain[len(expected_first_line) :] == text[len(expected_first_line) :]  # the body is not changed


def test_title_case_headline_yields_its_attribution_with_original_text(analyzer: Analyzer) -> None:
    text = "Pentagon Officials Say Russia Paid The Bounties\nThe Pentagon declined to comment on Friday.\n"
    document = analyzer.analyze(text)
    said = next(a for a in document.attributions if a.cue.text == "Say")
    assert said.source is not None and said.content is not None
    assert said.source.text == "Pentagon Officials"
    assert said.content.text == "Russia Paid The Bounties"
