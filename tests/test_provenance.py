"""Provenance: chains of sources, original sources, independent source counts and hypotheses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sayso.model import Attribution, Hypothesis, Span
from sayso.provenance import chains, explanatory_core, hypotheses, independent_sources, origins, trace
from sayso.provenance.trace import ONE_OUTLET_NOTE

GOLD = Path(__file__).resolve().parents[2] / "shared" / "examples" / "bounties.gold.json"


def att(
    id_: str,
    source: str | None,
    refers: str | None = None,
    *,
    kind: str = "organization",
    act: str = "report",
    certainty: str = "certain",
    nested_in: str | None = None,
    content: str = "something happened",
) -> Attribution:
    """An attribution for provenance, which reads ids, sources, kinds, acts and nesting (spans are placeholders)."""
    return Attribution(
        id=id_,
        cue=Span("said", 0, 4),
        content=Span(content, 5, 5 + len(content)),
        source=Span(source, 0, len(source)) if source else None,
        source_kind=kind if source else "unspecified",
        act=act,
        certainty=certainty,
        nested_in=nested_in,
        source_refers_to=refers,
    )


def test_provenance_nesting_chain() -> None:
    atts = [
        att("a1", "NYT", "The New York Times"),
        att("a2", "US officials", "US officials", kind="anonymous_officials", act="assessment", nested_in="a1"),
    ]
    assert chains(atts) == {"a1": ("The New York Times",), "a2": ("The New York Times", "US officials")}
    assert origins(atts) == {"a1": "The New York Times", "a2": "The New York Times"}
    assert independent_sources(atts) == 1


def test_provenance_source_introduced_by_a_report() -> None:
    atts = [
        att("a1", "NYT", "The New York Times"),
        att("a2", "officials", "US officials", kind="anonymous_officials", nested_in="a1"),
        att("a3", "The officials", "US officials", kind="anonymous_officials", act="belief"),
    ]
    assert origins(atts)["a3"] == "The New York Times"


def test_provenance_one_outlet_carries_its_anonymous_sources() -> None:
    atts = [
        att("a1", "NYT", "The New York Times"),
        att("a2", "Some officials", "Some officials", kind="anonymous_officials", act="speculation"),
        att("a3", "Russia", "Russia", kind="government", act="denial"),
    ]
    sources, _ = trace(atts, {})
    assert sources[0].name == "The New York Times" and sources[0].claims == ("a1", "a2")
    assert sources[0].note == ONE_OUTLET_NOTE
    assert [s.name for s in sources] == ["The New York Times", "Russia"]
    assert independent_sources(atts) == 2


def test_provenance_two_outlets_count_twice_and_keep_anonymous_sources_apart() -> None:
    atts = [
        att("a1", "Reuters", "Reuters"),
        att("a2", "CNN", "CNN"),
        att("a3", "Officials", "Officials", kind="anonymous_officials"),
    ]
    assert origins(atts) == {"a1": "Reuters", "a2": "CNN", "a3": "Officials"}
    assert independent_sources(atts) == 3
    sources, _ = trace(atts, {})
    assert "re-reported from Reuters" in next(s.note for s in sources if s.name == "Reuters")


def test_provenance_repeats_count_once() -> None:
    atts = [att(f"a{i}", "NYT", "The New York Times") for i in range(1, 5)]
    assert independent_sources(atts) == 1
    sources, _ = trace(atts, {})
    assert len(sources) == 1 and sources[0].claims == ("a1", "a2", "a3", "a4")


def test_provenance_claims_without_source_have_no_origin() -> None:
    atts = [att("a1", "NYT", "The New York Times"), att("a2", None, kind="unspecified", act="belief")]
    assert origins(atts)["a2"] is None
    assert chains(atts)["a2"] == ()
    assert independent_sources(atts) == 1


def test_provenance_unresolved_pronoun_is_no_source() -> None:
    atts = [att("a1", "NYT", "The New York Times"), att("a2", "He", None, kind="person")]
    assert origins(atts)["a2"] is None
    assert independent_sources(atts) == 1


def test_provenance_entities_name_unresolved_sources() -> None:
    atts = [att("a1", "nytimes", None)]
    assert origins(atts, {"The New York Times": ("the New York Time", "nytimes")}) == {"a1": "The New York Times"}


def test_provenance_unknown_publisher_with_nested_claims_is_an_outlet() -> None:
    atts = [
        att("a1", "The Kyiv Herald", "Kyiv Herald"),
        att("a2", "officials", "officials", kind="anonymous_officials", nested_in="a1"),
        att("a3", "Some officials", "Some officials", kind="anonymous_officials"),
    ]
    assert origins(atts) == {"a1": "Kyiv Herald", "a2": "Kyiv Herald", "a3": "Kyiv Herald"}


HYPOTHESIS_CASES = [
    (
        "the Russians may be seeking revenge on NATO forces for a battle in Syria in which the American military "
        "killed several hundred fighters",
        "revenge on NATO forces for a battle in Syria",
    ),
    (
        "the Russians may have been trying to derail peace talks to keep the United States bogged down",
        "derail peace talks to keep the United States bogged down",
    ),
    ("the fire could have been caused by a faulty cable, which was old", "caused by a faulty cable"),
    ("that the motive was revenge", "the motive was revenge"),
    ("the leak might be an attempt to sway the vote; officials disagree", "an attempt to sway the vote"),
]


@pytest.mark.parametrize(("content", "core"), HYPOTHESIS_CASES, ids=[c[1] for c in HYPOTHESIS_CASES])
def test_provenance_explanatory_core_table(content: str, core: str) -> None:
    assert explanatory_core(content) == core


def test_provenance_hypotheses_from_speculation_and_possible_certainty() -> None:
    atts = [
        att("a1", "Officials", kind="anonymous_officials", act="speculation", content="the motive may be revenge"),
        att("a2", "Police", kind="government", certainty="possible", content="the fire might be arson"),
        att("a3", "Police", kind="government", content="the road is closed"),
        att("a4", "Russia", kind="government", act="denial", certainty="possible", content="it may be false"),
    ]
    assert hypotheses(atts) == [Hypothesis("a1", "revenge"), Hypothesis("a2", "arson")]


def test_provenance_example_matches_gold() -> None:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is absent")
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    atts = [Attribution.from_json(a) for a in gold["attributions"]]
    sources, found = trace(atts, gold["entities"])
    first = sources[0]
    assert first.name == gold["original_source"]["is"]
    assert first.claims == tuple(gold["original_source"]["claims"])
    assert first.note == gold["original_source"]["note"]
    assert independent_sources(atts, gold["entities"]) == 3
    assert [h.from_id for h in found] == [h["from"] for h in gold["hypotheses"]]
    assert found[0].text.startswith("revenge on NATO forces") and found[1].text.startswith("derail peace talks")
