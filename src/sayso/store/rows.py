"""An analysed Document -> the rows it adds to each table (pure; the workers build them, the writer stores them).

Each row is a tuple in the column order of `schema.py`; `documents.ingested_at` is left None for the writer.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sayso.model import Attribution, Document, Metadata, Span
from sayso.model.document import SCHEMA_VERSION
from sayso.store import schema
from sayso.store.claims import assertion_sentences, claim_attributions, normalise_claim, title_claim

Row = tuple[Any, ...]


def document_hash(text: str) -> str:
    """A document's identity: the sha256 of its text (UTF-8), as 64 hex digits. Nothing else counts."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class DocumentRows:
    """Everything one document adds to the store, table by table."""

    hash: str
    name: str
    tables: dict[str, list[Row]] = field(default_factory=dict)

    def count(self, table: str) -> int:
        return len(self.tables.get(table, ()))


def copy_row(doc_hash: str, meta: Metadata) -> Row:
    return (doc_hash, meta.name, meta.outlet, meta.published, meta.url, meta.title)


def document_rows(
    document: Document,
    doc_hash: str | None = None,
    *,
    sentences: Sequence[tuple[int, int]] | None = None,
    mode: str = "fast",
) -> DocumentRows:
    """The rows of `document`; `doc_hash` defaults to its text's hash; `sentences` (offsets from the parse) pick
    its unattributed assertions (see `claims.py`); `mode` is the analysis mode that made `document`
    (sayso.analysis.MODES, "fast" by default as there)."""
    from sayso import __version__

    h = doc_hash or document_hash(document.text)
    meta = document.meta
    tables: dict[str, list[Row]] = {
        "documents": [
            (
                h,
                meta.name,
                meta.outlet,
                meta.published,
                _iso_date(meta.published),
                meta.url,
                meta.title,
                document.text,
                len(document.text),
                len(document.text.split()),
                len(document.attributions),
                json.dumps(list(document.warnings), ensure_ascii=False),
                SCHEMA_VERSION,
                __version__,
                mode,
                None,
            )
        ],
        "copies": [copy_row(h, meta)],
        "attributions": [_attribution(h, n, a) for n, a in enumerate(document.attributions)],
        "denials": [(h, d.by, t) for d in document.denials for t in d.targets],
        "dates": [(h, n, d.text, d.start, d.end, d.value, d.needs) for n, d in enumerate(document.dates)],
        "original_sources": [
            (h, n, o.name, json.dumps(list(o.claims)), len(o.claims), o.note or None)
            for n, o in enumerate(document.original_sources)
        ],
        "hypotheses": [(h, n, x.from_id, x.text) for n, x in enumerate(document.hypotheses)],
        "furniture": [(h, n, f.start, f.end, f.text) for n, f in enumerate(document.furniture)],
        "claims": _claims(h, document, sentences),
    }
    sources = {a.source_refers_to for a in document.attributions if a.source_refers_to}
    tables["entities"] = [
        (h, name, n, len(texts), name in sources) for n, (name, texts) in enumerate(document.entities.items())
    ]
    tables["mentions"] = [
        (h, name, i, text) for name, texts in document.entities.items() for i, text in enumerate(texts)
    ]
    for t in schema.DOCUMENT_TABLES:
        width = len(t.columns)
        assert all(len(r) == width for r in tables[t.name]), t.name
    return DocumentRows(h, meta.name, tables)


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat() if len(value) >= 10 else None
    except ValueError:
        return None


def _span(span: Span | None) -> Row:
    if span is None:
        return (None, None, None, None)
    return (span.text, span.start, span.end, json.dumps([list(p) for p in span.parts]) if span.parts else None)


def _attribution(h: str, n: int, a: Attribution) -> Row:
    return (
        h,
        a.id,
        n,
        *_span(a.source),
        *_span(a.cue),
        *_span(a.content),
        a.source_kind,
        a.source_refers_to,
        a.quote,
        a.certainty,
        a.act,
        a.nested_in,
        a.type,
    )


def _claims(h: str, document: Document, sentences: Sequence[tuple[int, int]] | None) -> list[Row]:
    rows: list[Row] = []
    for a in claim_attributions(document):
        norm = normalise_claim(a.content.text)
        rows.append(
            (
                f"{h}:{a.id}",
                h,
                "attributed",
                a.id,
                a.content.start,
                a.content.end,
                a.content.text,
                norm,
                len(norm.split()),
                a.source.text if a.source else None,
                a.source_kind,
                a.source_refers_to,
                a.certainty,
                a.act,
                a.type,
                None,
            )
        )
    for n, start, end in assertion_sentences(document, sentences):
        text = document.text[start:end]
        norm = normalise_claim(text)
        rows.append(
            (
                f"{h}:s{n}",
                h,
                "assertion",
                None,
                start,
                end,
                text,
                norm,
                len(norm.split()),
                None,
                "outlet",
                None,
                "certain",
                "assertion",
                "statement",
                None,
            )
        )
    if (title := title_claim(document)) is not None:
        norm = normalise_claim(title)
        row = (f"{h}:t", h, "headline", None, 0, 0, title, norm, len(norm.split()), None, "outlet", None, "certain")
        rows.append((*row, "assertion", "statement", None))  # the headline is not in the text: offsets 0, 0
    return rows
