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
