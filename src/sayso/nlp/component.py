"""The `sayso` spaCy component: `nlp.add_pipe("sayso")` puts the analysis on `Doc._.attributions` and friends.

Registered as a spaCy factory (also through the `spacy_factories` entry point, so `nlp.add_pipe("sayso")` works
without importing sayso first). The extensions are registered once, idempotently.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

EXTENSIONS = ("attributions", "denials", "entities", "dates", "original_sources", "hypotheses", "sayso")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class SaysoComponent:
    """Runs sayso's analysis on a parsed Doc; `published` (YYYY-MM-DD) anchors relative dates."""

    def __init__(self, nlp: Language, name: str, published: str | None) -> None:
        self.name = name
        self.published = published
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from sayso.analysis import analyze_doc
        from sayso.model import Metadata

        result = analyze_doc(doc, Metadata(published=self.published))
        doc._.sayso = result
        doc._.attributions = list(result.attributions)
        doc._.denials = list(result.denials)
        doc._.entities = dict(result.entities)
        doc._.dates = list(result.dates)
        doc._.original_sources = list(result.original_sources)
        doc._.hypotheses = list(result.hypotheses)
        return doc


@Language.factory("sayso", default_config={"published": None})
def make_sayso(nlp: Language, name: str, published: str | None) -> SaysoComponent:
    return SaysoComponent(nlp, name, published)
