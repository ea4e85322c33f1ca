"""The versioned JSON schema (src/sayso/model/schema.json) describes exactly what Document.to_json() produces."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from sayso.model import (
    ACTS,
    CERTAINTIES,
    QUOTES,
    SCHEMA_VERSION,
    SOURCE_KINDS,
    TYPES,
    Attribution,
    DateMention,
    Denial,
    Document,
    Hypothesis,
    Metadata,
    OriginalSource,
    Provenance,
    Span,
)

TEXT = (
    '"We lost," Ms Lee said, "and badly." The Times reported that officials believe the plan failed. '
    "It is believed the plan was leaked. Aides denied it on Friday, 12 June 2020."
)


def at(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span.of(TEXT, start, start + len(phrase))


def full_document() -> Document:
    """A document with every field of the format set, optional ones included."""
    quote = Span.joined(TEXT, [(1, 8), (25, 34)])
    return Document(
        text=TEXT,
        meta=Metadata(
            name="lee.txt", published="2020-06-13", outlet="The Daily", url="https://example.org/lee", title="Lost"
        ),
        attributions=(
            Attribution(
                id="a1",
                cue=at("said"),
                content=quote,
                source=at("Ms Lee"),
                source_kind="person",
                quote="direct",
                certainty="certain",
                act="assertion",
                source_refers_to="Jane Lee",
            ),
            Attribution(
                id="a2",
                cue=at("reported"),
                content=at("that officials believe the plan failed"),
                source=at("The Times"),
                source_kind="organization",
                quote="indirect",
                certainty="certain",
                act="report",
                source_refers_to="The New York Times",
            ),
            Attribution(
                id="a3",
                cue=at("believe"),
                content=at("the plan failed"),
                source=at("officials"),
                source_kind="anonymous_officials",
                quote="indirect",
                certainty="probable",
                act="belief",
                nested_in="a2",
                type="belief",
            ),
            Attribution(
                id="a4",
                cue=at("is believed"),
                content=at("the plan was leaked"),
                source=None,
                source_kind="unspecified",
                quote="indirect",
                certainty="possible",
                act="speculation",
            ),
            Attribution(
                id="a5",
                cue=at("denied"),
                content=at("it on Friday"),
                source=at("Aides"),
                source_kind="government",
                quote="indirect",
                certainty="certain",
                act="denial",
            ),
        ),
        denials=(Denial("a5", ("a4",)),),
        entities={"Jane Lee": ("Ms Lee",), "The New York Times": ("The Times",)},
        original_sources=(
            OriginalSource("The New York Times", ("a2", "a3"), note="re-reported once"),
            OriginalSource("Jane Lee", ("a1",)),
        ),
        provenance=(
            Provenance("a2", ("The New York Times", "officials"), "The New York Times"),
            Provenance("a6", (), None),
        ),
        independent_sources=2,
        hypotheses=(Hypothesis("a4", "the plan was leaked"),),
        dates=(
            DateMention(
                "on Friday", *at("on Friday").pieces[0], value="2020-06-12", needs="publication date 2020-06-13"
            ),
            DateMention("12 June 2020", *at("12 June 2020").pieces[0], value="2020-06-12"),
            DateMention("the day after", 0, 0, value=None, needs="a reference date"),
        ),
        warnings=("one quote left unattributed",),
        furniture=(at("Aides"),),
    )


def minimal_document() -> Document:
    return Document(text="")


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    text = resources.files("sayso.model").joinpath("schema.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def errors(validator: Draft202012Validator, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(data)]


# --- what to_json produces is valid ------------------------------------------------------------------------


@pytest.mark.parametrize("build", [full_document, minimal_document], ids=["full", "minimal"])
def test_schema_accepts_to_json(validator: Draft202012Validator, build: Callable[[], Document]) -> None:
    data = json.loads(json.dumps(build().to_json()))  # as written to a file
    assert errors(validator, data) == []


def test_schema_minimal_document_is_what_we_expect() -> None:
    assert minimal_document().to_json() == {
        "schema_version": "1.2",
        "document": "-",
        "metadata": {},
        "text": "",
        "attributions": [],
        "denials": [],
        "original_source": None,
        "original_sources": [],
        "provenance": [],
        "independent_sources": 0,
        "entities": {},
        "hypotheses": [],
        "dates": [],
        "warnings": [],
        "furniture": [],
    }


def property_paths(schema: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(definition, property) for every property the schema defines."""
    for name in schema["properties"]:
        yield "document", name
    for definition, body in schema["$defs"].items():
        for name in body.get("properties", {}):
            yield definition, name


def used_properties(data: dict[str, Any]) -> set[tuple[str, str]]:
    """(definition, property) for every field present in a to_json() document."""
    used = {("document", k) for k in data}
    used |= {("metadata", k) for k in data["metadata"]}
    for att in data["attributions"]:
        used |= {("attribution", k) for k in att}
        for role in ("source", "cue", "content"):
            used |= {("span", k) for k in att[role] or {}}
    used |= {("denial", k) for d in data["denials"] for k in d}
    used |= {("original_source", k) for o in data["original_sources"] for k in o}
    used |= {("provenance", k) for p in data["provenance"] for k in p}
    used |= {("hypothesis", k) for h in data["hypotheses"] for k in h}
    used |= {("date", k) for d in data["dates"] for k in d}
    used |= {("span", k) for f in data["furniture"] for k in f}
    return used


def test_schema_full_document_sets_every_field_the_schema_defines(schema: dict[str, Any]) -> None:
    data = full_document().to_json()
    assert set(property_paths(schema)) == used_properties(data)
    assert data["original_source"] == data["original_sources"][0]
    assert data["attributions"][0]["content"]["parts"] == [[1, 8], [25, 34]]


def test_schema_required_fields_are_the_ones_to_json_always_writes(schema: dict[str, Any]) -> None:
    bare = Attribution("a1", Span("x", 0, 1), Span("y", 2, 3))
    # fields added in a minor version stay optional, so that every older document still validates
    added_in_minor = {"provenance", "independent_sources", "furniture"}
    assert schema["required"] == [k for k in minimal_document().to_json() if k not in added_in_minor]
    assert added_in_minor <= set(schema["properties"])
    assert schema["$defs"]["attribution"]["required"] == [k for k in bare.to_json() if k != "type"]
    assert "type" in schema["$defs"]["attribution"]["properties"]
    assert schema["$defs"]["span"]["required"] == list(Span("x", 0, 1).to_json())
    assert schema["$defs"]["date"]["required"] == list(DateMention("May", 0, 3, "2020-05").to_json())
    assert schema["$defs"]["original_source"]["required"] == list(OriginalSource("X", ()).to_json())


def test_schema_accepts_a_gold_file_read_as_a_document(validator: Draft202012Validator, shared_dir: Path) -> None:
    gold = json.loads((shared_dir / "examples" / "bounties.gold.json").read_text(encoding="utf-8"))
    assert errors(validator, Document.from_json(gold).to_json()) == []


# --- what it is not, is rejected ---------------------------------------------------------------------------


def set_at(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def drop_at(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]

    return change


INVALID: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("certainty not in the enum", set_at(("attributions", 0, "certainty"), "sure")),
    ("act not in the enum", set_at(("attributions", 1, "act"), "claim")),
    ("quote not in the enum", set_at(("attributions", 2, "quote"), "partial")),
    ("source_kind not in the enum", set_at(("attributions", 3, "source_kind"), "Person")),
    ("another schema version", set_at(("schema_version",), "2.0")),
    ("a missing text", drop_at(("text",))),
    ("a missing attribution cue", drop_at(("attributions", 0, "cue"))),
    ("a missing attribution id", drop_at(("attributions", 4, "id"))),
    ("a missing date value", drop_at(("dates", 0, "value"))),
    ("a missing span offset pair", drop_at(("attributions", 1, "content", "span"))),
    ("a missing original_source (it is null, not absent)", drop_at(("original_source",))),
    ("an unknown top-level field", set_at(("score",), 1)),
    ("an unknown attribution field", set_at(("attributions", 0, "speaker"), "Lee")),
    ("three offsets", set_at(("attributions", 0, "cue", "span"), [1, 2, 3])),
    ("a negative offset", set_at(("dates", 1, "span"), [-1, 4])),
    ("string offsets", set_at(("attributions", 0, "cue", "span"), ["1", "2"])),
    ("empty parts", set_at(("attributions", 0, "content", "parts"), [])),
    ("an empty nested_in", set_at(("attributions", 2, "nested_in"), "")),
    ("a null metadata field", set_at(("metadata", "url"), None)),
    ("denial targets not a list", set_at(("denials", 0, "targets"), "a4")),
    ("entity mentions not strings", set_at(("entities", "Jane Lee"), [1])),
]


@pytest.mark.parametrize(("what", "change"), INVALID, ids=[w for w, _ in INVALID])
def test_schema_rejects(validator: Draft202012Validator, what: str, change: Callable[[dict[str, Any]], None]) -> None:
    data = copy.deepcopy(full_document().to_json())
    change(data)
    assert errors(validator, data), f"{what} should not validate"


# --- the schema and the model cannot drift apart -----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "values"),
    [("source_kind", SOURCE_KINDS), ("quote", QUOTES), ("certainty", CERTAINTIES), ("act", ACTS), ("type", TYPES)],
)
def test_schema_enums_are_the_model_constants(schema: dict[str, Any], field: str, values: tuple[str, ...]) -> None:
    assert schema["$defs"]["attribution"]["properties"][field]["enum"] == list(values)


def test_schema_version_is_the_model_version(schema: dict[str, Any]) -> None:
    assert schema["properties"]["schema_version"]["const"] == SCHEMA_VERSION
    assert schema["$id"].endswith(f":{SCHEMA_VERSION}")
    assert full_document().to_json()["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize("build", [full_document, minimal_document], ids=["full", "minimal"])
def test_schema_document_round_trips(build: Callable[[], Document]) -> None:
    doc = build()
    assert Document.from_json(doc.to_json()) == doc
    assert Document.from_json(json.loads(json.dumps(doc.to_json()))) == doc
