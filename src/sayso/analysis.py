"""The analysis of one document, stage by stage, and of many, with the spaCy model loaded once.

parse → attributions → entities → certainty & act → denials, dates, provenance → Document
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from sayso import deadline
from sayso.attribution import extract_attributions
from sayso.attribution.extract import Extraction, Prepared
from sayso.attribution.furniture import skip_furniture
from sayso.errors import AnalysisFailed
from sayso.model import Document, Metadata, Provenance, Span
from sayso.modes import DEFAULT_MODE, check_mode
from sayso.nlp import DEFAULT_MODEL, load_nlp
from sayso.nlp.text import doc_text, parse, parse_pairs, parse_warnings
from sayso.provenance import chains, origins, trace
from sayso.read import Record
from sayso.read.furniture import covered, find_furniture
from sayso.resolve import resolve_mentions, resolve_sources, source_kind_of
from sayso.resolve.mentions import RESOLVE_REACH
from sayso.stance import find_dates
from sayso.stance.certainty import classify
from sayso.stance.denials import link_denials

BATCH_SIZE = 16
def extract(doc: Doc, mode: str = DEFAULT_MODE) -> Extraction:
    """The attributions of a parsed Doc: by the rules alone (fast), or with the learned cue model voting on the
    rules' cues and admitting cues outside the lexicons (accurate, sayso.learn)."""
    if check_mode(mode) == "fast":
        return extract_attributions(doc)
    from sayso.learn import load_cue_model

    prepared = Prepared.of(doc)
    rules = extract_attributions(doc, prepared=prepared)
    return extract_attributions(doc, votes=load_cue_model().votes(doc, rules.attributions), prepared=prepared)


def analyze_doc(doc: Doc, meta: Metadata | None = None, mode: str = DEFAULT_MODE) -> Document:
    """Every stage after the parse, over one parsed Doc."""
    meta = meta or Metadata()
    extraction = extract(doc, mode)
    furniture = find_furniture(doc_text(doc))  # never a source, cue, content or date (sayso.read.furniture)
    found = skip_furniture(doc_text(doc), extraction.attributions, furniture)
    kinds = [replace(a, source_kind=source_kind_of(doc, a.source)) for a in found]
    # the act depends on the source's kind, not on the entity it resolves to: classify first, so that the
    # resolution (keyed on spans and acts) is computed once and shared with the denial links
    attributions, entities = resolve_sources(doc, classify(doc, kinds))
    capped: list[str] = []  # what a bound on the work per document left out (sayso.stance.denials)
    if len(doc_text(doc)) > RESOLVE_REACH:
        capped.append(
            f"names and pronouns were resolved only against entities mentioned within {RESOLVE_REACH:,} characters "
            "before them (the text is longer than that)"
        )
    denials = link_denials(doc, attributions, resolution=resolve_mentions(doc, attributions), warnings=capped)
    original_sources, hypotheses = trace(attributions, entities)
    origin, chain = origins(attributions, entities), chains(attributions, entities)
    provenance = tuple(Provenance(a.id, chain[a.id], origin[a.id]) for a in attributions)
    return Document(
        text=doc_text(doc),
        meta=meta,
        attributions=tuple(attributions),
        denials=tuple(denials),
        entities=entities,
        original_sources=tuple(original_sources),
        provenance=provenance,
        independent_sources=len({o for o in origin.values() if o is not None}),
        hypotheses=tuple(hypotheses),
        dates=tuple(d for d in find_dates(doc, _published(meta)) if not covered(furniture, d.start, d.end)),
        warnings=parse_warnings(doc) + extraction.warnings + tuple(capped),
        furniture=tuple(Span.of(doc_text(doc), start, end) for start, end in furniture),
    )


def _published(meta: Metadata) -> date | None:
    try:
        return date.fromisoformat(meta.published[:10]) if meta.published else None
    except ValueError:
        return None


class Analyzer:
    """Analyses texts with one loaded spaCy pipeline (`model`: a package name or a path) in one mode (`fast`: the
    rules; `accurate`: the rules with the learned cue model)."""

    def __init__(self, model: str = DEFAULT_MODEL, nlp: Language | None = None, mode: str = DEFAULT_MODE) -> None:
        self.nlp = nlp if nlp is not None else load_nlp(model)
        self.mode = check_mode(mode)
        if mode == "accurate":
            from sayso.learn import load_cue_model

            load_cue_model()  # fail early, not at the first document

    def analyze(self, text: str, meta: Metadata | None = None) -> Document:
        return analyze_doc(parse(self.nlp, text), meta, self.mode)

    def analyze_records(self, records: Iterable[Record], batch_size: int = BATCH_SIZE) -> Iterator[Document]:
        """Documents in input order; texts are parsed in batches."""
        pairs = ((r.text, r.meta) for r in records)
        for doc, meta in parse_pairs(self.nlp, pairs, batch_size):
            yield analyze_doc(doc, meta, self.mode)

    def analyze_batch(
        self, records: Iterable[Record], batch_size: int = BATCH_SIZE, time_limit: float | None = None
    ) -> Iterator[tuple[Record, Document | AnalysisFailed]]:
        """Each record with its Document, in input order; a document whose analysis fails, or runs past
        `time_limit` seconds after its parse (sayso.deadline), comes with the failure instead, and the batch goes on."""
        for doc, record in parse_pairs(self.nlp, ((r.text, r) for r in records), batch_size):
            try:
                with deadline.time_limit(time_limit):
                    document = analyze_doc(doc, record.meta, self.mode)
            except deadline.DocumentTimeout:
                yield record, AnalysisFailed(record.meta.name, deadline.timeout_message(time_limit or 0))
                continue
            except Exception as err:  # one document's bug must not cost the others their analysis
                yield record, AnalysisFailed(record.meta.name, f"analysis failed ({type(err).__name__}: {err})")
                continue
            yield record, document
