"""Property-based tests (Hypothesis): any text through the analysis, any bytes through the readers.

Random Unicode, quotation marks of every kind, brackets, reports nested in reports, odd whitespace and control
characters, mixed with news-like words: the analysis never raises, its JSON is valid against the schema and reads
back, and every span (cue, content and its parts, source, date, furniture) names its own text at its offsets; every
id it refers to exists. The readers turn any bytes under any file name into Records or one-line InputErrors.

The budget is fixed and the examples derandomised, so CI runs the same inputs each time (SAYSO_FUZZ_EXAMPLES
examples per property, 40 by default; the larger run in docs/benchmarks.md used
`SAYSO_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/test_fuzz.py`).
"""

from __future__ import annotations

import json
import os
from importlib import resources
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator
from spacy.language import Language

from sayso.analysis import Analyzer
from sayso.errors import InputError
from sayso.read import Record, read_inputs

EXAMPLES = int(os.environ.get("SAYSO_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same examples on every run: CI is reproducible, a failure names its input
    deadline=None,  # the analysis of one example may take a second on a busy machine
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large],
)

QUOTES = ["“", "”", "„", "«", "»", '"', "'", "''", "‘", "’", "``", "‹", "›", "「", "」"]
BRACKETS = ["(", ")", "[", "]", "{", "}", "<", ">", "<p>", "</p>", "<script>"]
SPACES = [" ", "  ", "\n", "\n\n", "\t", "\r\n", "\u00a0", "\u2009", "\u202f", "\u2028", "\x0b", "\x0c", "\x00"]
SPACES += ["\u200b", "\ufeff"]
WORDS = [
    "He said that", "she said", "according to", "officials said", "The ministry denied", "reported", "claimed",
    "told reporters", ":", "—", "said:", "The New York Times", "Trump", "Maria Ortiz", "it", "they", "not",
    "on Monday", "June 5, 2020", "last week", "the report", "sources say", "allegedly", "may have", ".", ",", "?",
    "!", "…", "READ MORE", "Photo: AP", "@user", "https://example.com/a?b=c", "#tag", "1,000", "e.g.", "U.S.",
]
piece = st.one_of(
    st.sampled_from(QUOTES), st.sampled_from(BRACKETS), st.sampled_from(SPACES), st.sampled_from(WORDS),
    st.text(max_size=12),  # any Unicode (Hypothesis leaves out lone surrogates, which no UTF-8 file can hold)
)
texts = st.lists(piece, max_size=60).map(" ".join) | st.lists(piece, max_size=60).map("".join)


@pytest.fixture(scope="module")
def analyzer(nlp: Language) -> Analyzer:
    return Analyzer(nlp=nlp)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(resources.files("sayso.model").joinpath("schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def span_problems(text: str, where: str, span: dict[str, Any] | None) -> list[str]:
    """What is wrong with one span of the JSON: offsets outside the text, or a text other than the one there."""
    if span is None:
        return []
    start, end = span["span"]
    if not 0 <= start <= end <= len(text):
        return [f"{where} {span['span']} is outside the text"]
    parts = span.get("parts")
    if parts:
        if any(not start <= a < b <= end for a, b in parts) or parts != sorted(parts):
            return [f"{where} parts {parts} are not ordered pieces of {span['span']}"]
        expected = " ".join(text[a:b] for a, b in parts)
    else:
        expected = text[start:end]
    return [] if span["text"] == expected else [f"{where} {span['span']} is {expected!r}, not {span['text']!r}"]


def document_problems(text: str, data: dict[str, Any]) -> list[str]:
    problems = [] if data["text"] == text else ["the JSON's text is not the input"]
    ids = {a["id"] for a in data["attributions"]}
    for a in data["attributions"]:
        for key in ("cue", "content", "source"):
            problems += span_problems(text, f"{a['id']}.{key}", a.get(key))
        if a.get("nested_in") is not None and a["nested_in"] not in ids:
            problems.append(f"{a['id']} is nested in {a['nested_in']}, which does not exist")
    for d in data["denials"]:
        if d["by"] not in ids or not set(d["targets"]) <= ids:
            problems.append(f"denial {d} names an attribution that does not exist")
    for n, date in enumerate(data["dates"]):
        problems += span_problems(text, f"dates[{n}]", date)
    for n, furniture in enumerate(data.get("furniture", [])):
        problems += span_problems(text, f"furniture[{n}]", furniture)
    return problems


@FUZZ
@given(text=texts)
def test_any_text_gives_valid_json_whose_spans_index_it(
    text: str, analyzer: Analyzer, validator: Draft202012Validator
) -> None:
    document = analyzer.analyze(text)
    data = json.loads(json.dumps(document.to_json(), ensure_ascii=False))
    assert not list(validator.iter_errors(data))
    assert document_problems(text, data) == []
    assert all("\n" not in w for w in data["warnings"])


SUFFIXES = [".txt", ".html", ".json", ".jsonl", ".md", ""]
contents = st.one_of(
    st.binary(max_size=400),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    texts.map(lambda t: t.encode("utf-16")),
    texts.map(lambda t: t.encode("latin-1", "replace")),
    texts.map(lambda t: json.dumps({"text": t, "published": "2020-01-02"}).encode()),
    st.lists(texts, max_size=4).map(lambda ts: "\n".join(json.dumps({"text": t}) for t in ts).encode()),
    texts.map(lambda t: f"<html><head><title>{t[:20]}</title></head><body><p>{t}</p></body></html>".encode()),
)


@FUZZ
@given(data=contents, suffix=st.sampled_from(SUFFIXES))
def test_any_bytes_are_read_or_refused_in_one_line(
    data: bytes, suffix: str, tmp_path_factory: pytest.TempPathFactory, analyzer: Analyzer
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / f"input{suffix}"
    path.write_bytes(data)
    items = list(read_inputs([str(path)], max_bytes=10_000))
    assert items
    for item in items:
        assert isinstance(item, Record | InputError)
        if isinstance(item, InputError):
            assert "\n" not in str(item) and str(item).startswith(str(path))
    records = [r for r in items if isinstance(r, Record)]
    for record, document in analyzer.analyze_batch(records):
        assert not isinstance(document, Exception), document
        assert document_problems(record.text, document.to_json()) == []


def test_the_span_check_finds_a_wrong_span() -> None:
    """The check the properties rest on sees a span that does not name its text, or names a missing id."""
    text = "Officials said the plan failed."
    good = {"text": "said", "span": [10, 14]}
    assert span_problems(text, "cue", good) == []
    assert span_problems(text, "cue", {"text": "said", "span": [11, 15]}) != []
    assert span_problems(text, "cue", {"text": "said", "span": [10, 99]}) != []
    unordered = {"text": "plan failed", "span": [19, 30], "parts": [[26, 30], [19, 23]]}
    assert span_problems(text, "content", unordered) != []
    data = {"text": text, "attributions": [{"id": "a1", "cue": good, "nested_in": "a9"}], "denials": [], "dates": []}
    assert document_problems(text, data) == ["a1 is nested in a9, which does not exist"]
