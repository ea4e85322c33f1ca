"""Keeping only some types of attribution (sayso.model.select): what refers to a dropped attribution follows it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sayso.model import (
    Attribution,
    Denial,
    Document,
    Hypothesis,
    OriginalSource,
    Provenance,
    Span,
    keep_types,
    parse_types,
)

TEXT = "The Times reported that officials believe the plan failed. Aides denied it. Police plan to appeal."


def at(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span.of(TEXT, start, start + len(phrase))


def document() -> Document:
    return Document(
        text=TEXT,
        attributions=(
            Attribution(
                "a1", at("reported"), at("officials believe the plan failed"), at("The Times"), type="statement"
            ),
            Attribution("a2", at("believe"), at("the plan failed"), at("officials"), nested_in="a1", type="belief"),
            Attribution("a3", at("denied"), at("it"), at("Aides"), act="denial", type="statement"),
            Attribution("a4", at("plan"), at("to appeal"), at("Police"), type="intention"),
        ),
        denials=(Denial("a3", ("a1", "a2")),),
        original_sources=(OriginalSource("The Times", ("a1", "a2")), OriginalSource("Police", ("a4",))),
        provenance=(
            Provenance("a1", ("The Times",), "The Times"),
            Provenance("a2", ("The Times", "officials"), "The Times"),
            Provenance("a3", ("Aides",), "Aides"),
            Provenance("a4", ("Police",), "Police"),
        ),
        independent_sources=3,
        hypotheses=(Hypothesis("a2", "the plan failed"),),
    )


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, None),
        ("", None),
        ("all", None),
        ("statement", ("statement",)),
        ("Statement, belief", ("statement", "belief")),
        (("finding", "belief,statement"), ("statement", "belief", "finding")),
        (["intention"], ("intention",)),
    ],
)
def test_parse_types_reads_what_users_write(given: object, expected: tuple[str, ...] | None) -> None:
    assert parse_types(given) == expected  # type: ignore[arg-type]


def test_parse_types_names_the_choices_for_an_unknown_type() -> None:
    with pytest.raises(ValueError, match="unknown attribution type 'quote': choose from statement, belief"):
        parse_types("statement,quote")


def test_keep_types_none_keeps_the_document() -> None:
    doc = document()
    assert keep_types(doc, None) is doc
    assert keep_types(doc, ("statement", "belief", "intention")) is doc


def test_keep_types_statements_only() -> None:
    kept = keep_types(document(), ("statement",))
    assert [a.id for a in kept.attributions] == ["a1", "a3"]
    assert kept.denials == (Denial("a3", ("a1",)),)  # the belief left out is no longer a target
    assert [p.claim for p in kept.provenance] == ["a1", "a3"]
    assert kept.original_sources == (OriginalSource("The Times", ("a1",)),)
    assert kept.independent_sources == 2  # The Times, Aides
    assert kept.hypotheses == ()
    assert kept.text == TEXT


def test_keep_types_reattaches_nesting_to_the_nearest_kept_attribution() -> None:
    kept = keep_types(document(), ("belief",))
    assert [(a.id, a.nested_in) for a in kept.attributions] == [("a2", None)]
    assert kept.denials == ()  # its denier is a statement, left out
    assert kept.hypotheses == (Hypothesis("a2", "the plan failed"),)


def test_keep_types_drops_a_denial_whose_targets_are_all_left_out() -> None:
    kept = keep_types(document(), ("statement", "intention"))
    assert [d.by for d in kept.denials] == ["a3"]
    kept = keep_types(document(), ("belief", "intention"))
    assert kept.denials == ()


def test_keep_types_output_round_trips() -> None:
    kept = keep_types(document(), ("statement",))
    again = Document.from_json(kept.to_json())
    assert [a.type for a in again.attributions] == ["statement", "statement"]


def test_cli_type_option_refuses_an_unknown_type_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said the plan failed.", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "sayso", "analyze", "--type", "quotes", str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 2
    assert run.stderr.strip().splitlines() == [
        "sayso: unknown attribution type 'quotes': "
        "choose from statement, belief, knowledge, finding, intention (or all)"
    ]


def test_cli_type_option_filters_the_json(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said the plan failed. Analysts believe the deal is dead.", "utf-8")
    args = [sys.executable, "-m", "sayso", "analyze", "--json", str(tmp_path / "a.txt")]
    every = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    only = json.loads(subprocess.run([*args, "--type", "statement"], capture_output=True, text=True, check=True).stdout)
    assert {a["type"] for a in only["attributions"]} == {"statement"}
    assert [a["cue"]["text"] for a in only["attributions"]] == [
        a["cue"]["text"] for a in every["attributions"] if a["type"] == "statement"
    ]
    assert "said" in [a["cue"]["text"] for a in only["attributions"]]
