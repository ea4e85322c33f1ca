"""Provenance: chains of sources, original sources, independent source counts, and hypotheses."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sayso.model import Attribution, Hypothesis, OriginalSource
from sayso.provenance.hypotheses import explanatory_core, hypotheses
from sayso.provenance.trace import chains, independent_sources, original_sources, origins


def trace(
    attributions: Sequence[Attribution], entities: Mapping[str, Sequence[str]] | None = None
) -> tuple[list[OriginalSource], list[Hypothesis]]:
    """The claims grouped by original source (largest group first) and the hypotheses the article offers."""
    return original_sources(attributions, entities), hypotheses(attributions)


__all__ = [
    "chains",
    "explanatory_core",
    "hypotheses",
    "independent_sources",
    "original_sources",
    "origins",
    "trace",
]
