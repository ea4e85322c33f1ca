"""The claims the store keeps are defined by the claims package (`sayso.claims.definition`); re-exported here for
the store's callers. The store only stores them (`rows.py`)."""

from sayso.claims.definition import (
    assertion_sentences,
    claim_attributions,
    is_assertion,
    normalise_claim,
    split_sentences,
    title_claim,
)

__all__ = [
    "assertion_sentences",
    "claim_attributions",
    "is_assertion",
    "normalise_claim",
    "split_sentences",
    "title_claim",
]
