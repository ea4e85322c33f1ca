"""Texts longer than the parser accepts are parsed in pieces and joined back: every span indexes the whole text.

The texts are generated here (no public data); the pipeline's `max_length` is lowered for a test so that a text of a
few tens of thousands of characters stands for one past spaCy's 1,000,000.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from itertools import pairwise

import pytest
from spacy.language import Language

from sayso.analysis import Analyzer
from sayso.attribution.quotes import find_quotes
from sayso.model import Metadata
from sayso.nlp.pieces import piece_bounds
from sayso.nlp.pipeline import MAX_SENTENCE_TOKENS
from sayso.nlp.text import doc_text, for_parser, parse
from sayso.read import Record

NAMES = ["Maria Ortiz", "the mayor", "A spokesman for the agency", "Officials", "Dr. Lee", "The ministry"]
VERBS = ["said", "told reporters", "argued", "denied", "claimed", "wrote"]
CLAIMS = [
    "the bridge would reopen in May",
    "the budget had been cut twice",
    "no decision had been made",
    "the report was accurate",
]


def generated_article(seed: int, paragraphs: int) -> str:
    """An article of short news paragraphs: reported speech, direct quotes, a quote over two paragraphs."""
    rng = random.Random(seed)
    out = []
    for n in range(paragraphs):
        name, verb, claim = rng.choice(NAMES), rng.choice(VERBS), rng.choice(CLAIMS)
        kind = n % 4
        if kind == 0:
            out.append(f"{name} {verb} that {claim}.")
        elif kind == 1:
            out.append(f"“{claim.capitalize()},” {name.lower() if name[0] == 'A' else name} {verb}. “We will see.”")
        elif kind == 2:
            out.append(f"“{claim.capitalize()}, and more to come.\n\n“That is all {rng.randint(1, 99)} of us know,” "
                       f"{name} {verb}.")
        else:
            out.append(f"The council met on Tuesday. {name} {verb} on Monday that {claim}.")
    return "\n\n".join(out) + "\n"


def check_spans(text: str, document_json: dict[str, object]) -> Iterator[str]:
    """Every span of a Document's JSON names its own text at its offsets; yields the problems."""
    for att in document_json["attributions"]:  # type: ignore[attr-defined]
        for key in ("cue", "content", "source"):
            span = att.get(key)
            if span is None:
                continue
            start, end = span["span"]
            if not 0 <= start <= end <= len(text):
                yield f"{att['id']} {key} {span['span']} outside the text"
            elif "parts" not in span and text[start:end] != span["text"]:
                yield f"{att['id']} {key} {span['span']} is {text[start:end]!r}, not {span['text']!r}"


@pytest.mark.parametrize("limit", [300, 1000, 5000])
def test_pieces_cover_the_text_and_end_outside_quotations(limit: int) -> None:
    text = generated_article(1, 120)
    bounds = piece_bounds(text, limit)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in pairwise(bounds))
    assert all(0 < b - a <= limit for a, b in bounds)
    quotes, _ = find_quotes(text)
    for _, end in bounds[:-1]:
        assert not any(q.start < end < q.end for q in quotes), f"cut at {end} inside a quotation"
        assert text[end - 1] == "\n"  # a paragraph break is found in every window of these texts


def test_pieces_without_paragraphs_end_at_sentences_then_spaces_then_anywhere() -> None:
    one_line = " ".join(f"Sentence number {n} ends here." for n in range(200))
    bounds = piece_bounds(one_line, 500)
    assert all(one_line[end - 2 : end] == ". " for _, end in bounds[:-1])
    no_stops = " ".join(["word"] * 500)
    assert all(no_stops[end - 1] == " " for _, end in piece_bounds(no_stops, 300)[:-1])
    solid = "x" * 1050
    assert piece_bounds(solid, 300) == [(0, 300), (300, 600), (600, 900), (900, 1050)]
    assert piece_bounds("", 300) == [(0, 0)]


def test_a_text_up_to_the_limit_is_whole_and_a_longer_one_in_pieces_of_the_size() -> None:
    text = generated_article(5, 40)
    assert piece_bounds(text, len(text), 300) == [(0, len(text))]
    bounds = piece_bounds(text, len(text) - 1, 300)
    assert len(bounds) > len(text) // 300 and all(b - a <= 300 for a, b in bounds)


def test_parse_in_pieces_indexes_the_whole_text(nlp: Language) -> None:
    text = generated_article(2, 60)
    doc = parse(nlp, text, piece_chars=700)
    plain = for_parser(text)
    assert doc_text(doc) == text and doc.text == plain
    assert all(plain[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    assert len(piece_bounds(text, 700)) > 3
    # the joined Doc keeps each piece's parse: sentences, dependency heads inside their sentence, entities
    for sent in doc.sents:
        assert all(sent.start <= t.head.i < sent.end for t in sent)
    assert any(ent.text == "Maria Ortiz" for ent in doc.ents)


@pytest.fixture
def short_limit(nlp: Language) -> Iterator[Language]:
    """The session's pipeline with a `max_length` of 8,000 characters for one test."""
    saved = nlp.max_length
    nlp.max_length = 8_000
    try:
        yield nlp
    finally:
        nlp.max_length = saved


def test_a_text_past_max_length_is_analysed_without_e088(short_limit: Language) -> None:
    text = generated_article(3, 260)
    assert len(text) > 2.5 * short_limit.max_length
    analyzer = Analyzer(nlp=short_limit)
    for document in (analyzer.analyze(text), next(analyzer.analyze_records([Record(text, Metadata(name="long"))]))):
        data = json.loads(json.dumps(document.to_json()))
        assert data["text"] == text
        assert list(check_spans(text, data)) == []
        # the reported speech of every part of the text is found, the last piece's too
        assert len(document.attributions) >= 220
        assert max(a.cue.start for a in document.attributions) > len(text) - 500


def test_a_stretch_without_sentence_ends_is_cut_and_said_in_warnings(nlp: Language) -> None:
    # no full stop anywhere: one "sentence" of 1,800 tokens, each report nested in the last
    text = "He said that " * 600
    document = Analyzer(nlp=nlp).analyze(text)
    doc = parse(nlp, text)
    assert max(len(sent) for sent in doc.sents) <= MAX_SENTENCE_TOKENS
    assert sum(1 for _ in doc.sents) >= 1800 // MAX_SENTENCE_TOKENS
    assert any("without a sentence end were cut" in w for w in document.warnings)
    assert len(document.attributions) >= 500
    assert list(check_spans(text, json.loads(json.dumps(document.to_json())))) == []
    # no content runs across a cut: each stays within one stretch
    assert max(a.content.end - a.content.start for a in document.attributions) <= MAX_SENTENCE_TOKENS * 5


def test_ordinary_text_is_not_cut(nlp: Language) -> None:
    text = generated_article(4, 30)
    assert not any("were cut" in w for w in Analyzer(nlp=nlp).analyze(text).warnings)
