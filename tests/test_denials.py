"""Denial links: what a denial names (a document, an outlet, a claim noun) and what its content overlaps."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from spacy.language import Language
from test_resolve import Spec, make_attributions

from sayso.model import Attribution, Denial
from sayso.resolve import resolve_sources
from sayso.stance.denials import is_denial, link_denials

GOLD = Path(__file__).resolve().parents[2] / "shared" / "examples" / "bounties.gold.json"


def links(nlp: Language, text: str, specs: list[Spec], nested: dict[str, str] | None = None) -> dict[str, list[str]]:
    atts = make_attributions(text, *specs)
    atts = [dataclasses.replace(a, nested_in=(nested or {}).get(a.id)) for a in atts]
    doc = nlp(text)
    resolved, _ = resolve_sources(doc, atts)
    return {d.by: list(d.targets) for d in link_denials(doc, resolved)}


DENIAL_CASES: list[tuple[str, str, list[Spec], dict[str, str], dict[str, list[str]]]] = [
    (
        "the report",
        "The Washington Post reported that the mayor took bribes. The mayor denied the report.",
        [("The Washington Post", "reported", "the mayor took bribes"), ("The mayor", "denied", "the report", "denial")],
        {},
        {"a2": ["a1"]},
    ),
    (
        "the report is one outlet's",
        "CNN reported that the company hid losses. Analysts said that sales were weak. The company called the "
        "report fake news.",
        [
            ("CNN", "reported", "the company hid losses"),
            ("Analysts", "said", "sales were weak"),
            ("The company", "called", "the report fake news", "denial"),
        ],
        {},
        {"a3": ["a1"]},
    ),
    (
        "the accusations",
        "Prosecutors accused the senator of taking bribes. The senator dismissed the accusations.",
        [
            ("Prosecutors", "accused", "the senator of taking bribes", "accusation"),
            ("The senator", "dismissed", "the accusations", "denial"),
        ],
        {},
        {"a2": ["a1"]},
    ),
    (
        "the speculation",
        "Some analysts speculated that the chief executive would resign. The chief executive dismissed the "
        "speculation.",
        [
            ("Some analysts", "speculated", "the chief executive would resign", "speculation"),
            ("The chief executive", "dismissed", "the speculation", "denial"),
        ],
        {},
        {"a2": ["a1"]},
    ),
    (
        "content overlap only",
        "Officials said that the factory polluted the river. Another official said that the budget was cut. "
        "The company denied that its factory polluted the river.",
        [
            ("Officials", "said", "the factory polluted the river"),
            ("Another official", "said", "the budget was cut"),
            ("The company", "denied", "its factory polluted the river", "denial"),
        ],
        {},
        {"a3": ["a1"]},
    ),
    (
        "named outlet narrows by overlap",
        "NYT reported that troops moved north. NYT also reported that prices rose. The ministry said that the "
        "claims published by NYT that troops moved north were false.",
        [
            ("NYT", "reported", "troops moved north"),
            ("NYT", "reported", "prices rose"),
            ("The ministry", "said", "the claims published by NYT that troops moved north were false"),
        ],
        {},
        {"a3": ["a1"]},
    ),
    (
        "nested claims go with their report",
        "The Guardian reported that police said the suspect fled. The police chief rejected the report.",
        [
            ("The Guardian", "reported", "police said the suspect fled"),
            ("police", "said", "the suspect fled"),
            ("The police chief", "rejected", "the report", "denial"),
        ],
        {"a2": "a1"},
        {"a3": ["a1", "a2"]},
    ),
    (
        "no truth to the story",
        "The Sun reported that the prince was ill. A palace spokesman said that there was no truth to the story.",
        [
            ("The Sun", "reported", "the prince was ill"),
            ("A palace spokesman", "said", "there was no truth to the story"),
        ],
        {},
        {"a2": ["a1"]},
    ),
    (
        "a denier's own claims are not targets",
        "The ministry said that exports rose. CNN reported that exports fell. The ministry rejected the report.",
        [
            ("The ministry", "said", "exports rose"),
            ("CNN", "reported", "exports fell"),
            ("The ministry", "rejected", "the report", "denial"),
        ],
        {},
        {"a3": ["a2"]},
    ),
    (
        "unrelated denial links nothing",
        "CNN reported that the talks failed. The mayor denied that he owned a yacht.",
        [("CNN", "reported", "the talks failed"), ("The mayor", "denied", "he owned a yacht", "denial")],
        {},
        {},
    ),
    (
        "claims about the reporting are not the report's claims",
        "The New York Times reported that the unit paid bounties. The report said that the White House had not "
        "responded to the assessment. Russia rejected the report.",
        [
            ("The New York Times", "reported", "the unit paid bounties"),
            ("The report", "said", "the White House had not responded to the assessment"),
            ("Russia", "rejected", "the report", "denial"),
        ],
        {},
        {"a3": ["a1"]},
    ),
    (
        "officials the report introduced",
        "NYT reported that officials concluded that the unit paid bounties. The officials believe that the unit "
        "is old. Moscow rejected the report.",
        [
            ("NYT", "reported", "officials concluded that the unit paid bounties"),
            ("officials", "concluded", "the unit paid bounties"),
            ("The officials", "believe", "the unit is old"),
            ("Moscow", "rejected", "the report", "denial"),
        ],
        {"a2": "a1"},
        {"a4": ["a1", "a2", "a3"]},
    ),
]


@pytest.mark.parametrize(
    ("text", "specs", "nested", "expected"), [c[1:] for c in DENIAL_CASES], ids=[c[0] for c in DENIAL_CASES]
)
def test_link_denials_table(
    nlp: Language, text: str, specs: list[Spec], nested: dict[str, str], expected: dict[str, list[str]]
) -> None:
    assert links(nlp, text, specs, nested) == expected


IS_DENIAL_CASES: list[tuple[str, Spec, bool]] = [
    (
        "The embassy said that the accusations were baseless.",
        ("The embassy", "said", "the accusations were baseless"),
        True,
    ),
    ("The minister said that the report was fake news.", ("The minister", "said", "the report was fake news"), True),
    ("A spokesman said that there was no truth to it.", ("A spokesman", "said", "there was no truth to it"), True),
    ("The minister said that the roads were closed.", ("The minister", "said", "the roads were closed"), False),
    ("Russia denied the claims.", ("Russia", "denied", "the claims", "denial"), True),
]


@pytest.mark.parametrize(("text", "spec", "expected"), IS_DENIAL_CASES, ids=[c[0] for c in IS_DENIAL_CASES])
def test_is_denial_table(nlp: Language, text: str, spec: Spec, expected: bool) -> None:
    (att,) = make_attributions(text, spec)
    assert is_denial(nlp(text), att) is expected


def test_link_denials_without_attributions(nlp: Language) -> None:
    assert link_denials(nlp("Nothing was said."), []) == []


def test_link_denials_example_matches_gold(nlp: Language) -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    text = (GOLD.parent / "bounties.txt").read_text(encoding="utf-8")
    atts = [Attribution.from_json({**a, "source_refers_to": None}) for a in gold["attributions"]]
    doc = nlp(text)
    resolved, _ = resolve_sources(doc, atts)
    found = link_denials(doc, resolved)
    assert found == [Denial(d["by"], tuple(d["targets"])) for d in gold["denials"]]
