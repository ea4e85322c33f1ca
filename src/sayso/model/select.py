"""Keeping only some types of attribution in an analysed Document ("statements only", for a who-gets-quoted study).

A pure function over the model: every place a user reads attributions (the CLI, the API, the spaCy component, the
store's commands, the web UI) filters through `keep_types`, so "statements only" means the same everywhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from sayso.model.document import TYPES, Attribution, Document


def parse_types(values: str | Iterable[str] | None) -> tuple[str, ...] | None:
    """The types named by a user ("statement", "statement,belief", ["belief", "finding"]), checked against TYPES;
    None (keep every type) for None, "" or "all". A ValueError names the choices for an unknown one."""
    if values is None:
        return None
    words = values.split(",") if isinstance(values, str) else [w for v in values for w in v.split(",")]
    names = [w.strip().lower() for w in words if w.strip()]
    if not names or "all" in names:
        return None
    unknown = [n for n in names if n not in TYPES]
    if unknown:
        raise ValueError(f"unknown attribution type {unknown[0]!r}: choose from {', '.join(TYPES)} (or all)")
    return tuple(t for t in TYPES if t in names)


def keep_types(document: Document, types: Iterable[str] | None) -> Document:
    """`document` with only the attributions of `types` (None: all of them, the document unchanged).

    What refers to an attribution left out follows it: a kept attribution nested in one left out is nested in the
    nearest kept one above it (or is outermost), denials lose the targets left out (and go with their denier),
    provenance, original sources and hypotheses keep only kept claims, and the independent sources are counted again.
    """
    if types is None:
        return document
    wanted = frozenset(types)
    by_id = {a.id: a for a in document.attributions}
    kept = {a.id for a in document.attributions if a.type in wanted}
    if len(kept) == len(by_id):
        return document

    def kept_parent(a: Attribution) -> str | None:
        parent, seen = a.nested_in, set()
        while parent is not None and parent not in kept and parent in by_id and parent not in seen:
            seen.add(parent)
            parent = by_id[parent].nested_in
        return parent if parent in kept else None

    attributions = tuple(replace(a, nested_in=kept_parent(a)) for a in document.attributions if a.id in kept)
    denials = tuple(
        replace(d, targets=tuple(t for t in d.targets if t in kept))
        for d in document.denials
        if d.by in kept and any(t in kept for t in d.targets)
    )
    provenance = tuple(p for p in document.provenance if p.claim in kept)
    originals = tuple(
        replace(o, claims=tuple(c for c in o.claims if c in kept))
        for o in document.original_sources
        if any(c in kept for c in o.claims)
    )
    independent = (
        len({p.original_source for p in provenance if p.original_source is not None})
        if document.provenance
        else len(originals)
    )
    return replace(
        document,
        attributions=attributions,
        denials=denials,
        provenance=provenance,
        original_sources=originals,
        hypotheses=tuple(h for h in document.hypotheses if h.from_id in kept),
        independent_sources=independent,
    )
