"""The document model and its versioned JSON (never imports spaCy)."""

from sayso.model.document import (
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
from sayso.model.select import keep_types, parse_types

__all__ = [
    "ACTS",
    "CERTAINTIES",
    "QUOTES",
    "SCHEMA_VERSION",
    "SOURCE_KINDS",
    "TYPES",
    "Attribution",
    "DateMention",
    "Denial",
    "Document",
    "Hypothesis",
    "Metadata",
    "OriginalSource",
    "Provenance",
    "Span",
    "keep_types",
    "parse_types",
]
