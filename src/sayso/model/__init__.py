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
]
