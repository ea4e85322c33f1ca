"""The `sayso` spaCy component: `nlp.add_pipe("sayso")` puts the analysis on `Doc._.attributions` and friends.

Registered as a spaCy factory (also through the `spacy_factories` entry point, so `nlp.add_pipe("sayso")` works
without importing sayso first). The extensions are registered once, idempotently. `config={"mode": "accurate"}`
adds the learned cue model to the rules (sayso.analysis.MODES; "fast", the rules alone, by default);
`config={"types": ["statement"]}` keeps only those types of attribution (sayso.model.TYPES; all by default).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

EXTENSIONS = ("attributions", "denials", "entities", "dates", "original_sources", "hypotheses", "furniture", "sayso")


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


class SaysoComponent:
    """Runs sayso's analysis on a parsed Doc; `published` (YYYY-MM-DD) anchors relative dates; `mode` is "fast" or
    "accurate" (a ValueError names the choices for another)."""

    def __init__(
        self, nlp: Language, name: str, published: str | None, mode: str = "fast", types: list[str] | None = None
    ) -> None:
        from sayso.model import parse_types
        from sayso.modes import check_mode

        self.types = parse_types(types)
        self.name = name
        self.published = published
        self.mode = check_mode(mode)
        if self.mode == "accurate":
            from sayso.learn import load_cue_model

            load_cue_model()  # fail when the pipe is added, not at the first document
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from sayso.analysis import analyze_doc
        from sayso.model import Metadata, keep_types

        result = keep_types(analyze_doc(doc, Metadata(published=self.published), self.mode), self.types)
        doc._.sayso = result
        doc._.attributions = list(result.attributions)
        doc._.denials = list(result.denials)
        doc._.entities = dict(result.entities)
        doc._.dates = list(result.dates)
        doc._.original_sources = list(result.original_sources)
        doc._.hypotheses = list(result.hypotheses)
        doc._.furniture = list(result.furniture)  # page furniture: Spans of the text the analysis left out
        return doc


@Language.factory("sayso", default_config={"published": None, "mode": "fast", "types": None})
def make_sayso(nlp: Language, name: str, published: str | None, mode: str, types: list[str] | None) -> SaysoComponent:
    return SaysoComponent(nlp, name, published, mode, types)
