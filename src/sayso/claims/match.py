"""Claim matching: claims that say the same thing in different words get one cluster label.

Two methods, compared on Emergent (docs/accuracy.md, "Claim matching (Emergent)"):

- `tfidf` (the default): TF-IDF cosine over the claims' content words, candidate pairs from an inverted index
  (`index.py`), average linkage (`cluster.py`). No dependency beyond numpy.
- `minilm`: all-MiniLM-L6-v2 sentence embeddings (`embed.py`, the optional extra `sayso[embeddings]`), candidate
  pairs from random-hyperplane LSH buckets and the same word index, cosine of the embeddings, average linkage.

The thresholds are the ones chosen on the tuning half of Emergent's claims (`scripts/eval_claim_matching.py`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from sayso.claims.cluster import average_linkage, connected_components
from sayso.claims.features import COVERAGE, ClaimForm, agree, covers, form_of
from sayso.claims.index import (
    MAX_POSTINGS,
    Edges,
    TfidfVectors,
    candidate_pairs,
    top_neighbours,
    vectorize_texts,
)

METHODS = ("tfidf", "minilm")
LINKAGES = ("average", "single")
DEFAULT_THRESHOLDS = {"tfidf": 0.04, "minilm": 0.35}  # tfidf: chosen on the tuning half of Emergent among PolNeAR
AGREEMENT_POOL = 3


@dataclass(frozen=True)
class MatchSettings:
    """How claims are matched. `threshold` None takes the method's default (`DEFAULT_THRESHOLDS`)."""

    method: str = "tfidf"
    threshold: float | None = None
    linkage: str = "average"
    max_postings: int = MAX_POSTINGS  # words in more claims than this are not indexed
    neighbours: int = 30  # an item keeps its best `neighbours` pairs (and any pair in which it is one of those)
    min_score: float = 0.02  # pairs scoring less are dropped before clustering
    agreement: bool = True  # keep only pairs whose names, numbers and words agree (`features.agree`)
    coverage: float = COVERAGE  # ... and whose shared words carry this share of each one's weight (`features.covers`)

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"method must be one of {', '.join(METHODS)}, not {self.method!r}")
        if self.linkage not in LINKAGES:
            raise ValueError(f"linkage must be one of {', '.join(LINKAGES)}, not {self.linkage!r}")

    @property
    def cut(self) -> float:
        return DEFAULT_THRESHOLDS[self.method] if self.threshold is None else self.threshold


def scored_pairs(texts: Sequence[str], settings: MatchSettings | None = None) -> Edges:
    """The candidate pairs of `texts` with the method's similarity, bounded to each item's best neighbours."""
    settings = settings or MatchSettings()
    vectors = vectorize_texts(texts)
    if settings.method == "minilm":
        from sayso.claims.embed import embed_texts, embedding_pairs

        edges = embedding_pairs(embed_texts(texts), texts, max_postings=settings.max_postings)
    else:
        edges = candidate_pairs(vectors, max_postings=settings.max_postings)
    edges = edges.above(settings.min_score)
    if settings.agreement:
        # the best few times `neighbours` pairs of each item are checked, and the best that agree kept
        edges = top_neighbours(len(texts), edges, AGREEMENT_POOL * settings.neighbours)
        edges = agreeing(texts, edges, idf_of(vectors), settings.coverage)
    return top_neighbours(len(texts), edges, settings.neighbours)


def idf_of(vectors: TfidfVectors) -> dict[str, float]:
    """Each word's IDF over the corpus, as `index.vectorize` weighs it."""
    n = vectors.n
    return {w: math.log((n + 1) / (int(vectors.df[k]) + 1)) + 1.0 for w, k in vectors.vocabulary.items()}


def agreeing(texts: Sequence[str], edges: Edges, idf: Mapping[str, float], coverage: float) -> Edges:
    """The pairs whose two claims agree in names, numbers and words and share most of what they say
    (`features.agree`, `features.covers`)."""
    if len(edges) == 0:
        return edges
    forms: dict[int, ClaimForm] = {}
    keep = np.zeros(len(edges), dtype=bool)
    for k, (i, j) in enumerate(zip(edges.left.tolist(), edges.right.tolist(), strict=True)):
        a = forms.get(i) or forms.setdefault(i, form_of(texts[i]))
        b = forms.get(j) or forms.setdefault(j, form_of(texts[j]))
        keep[k] = agree(a, b) and covers(a, b, idf, coverage)
    return Edges(edges.left[keep], edges.right[keep], edges.score[keep])


def cluster_pairs(n: int, edges: Edges, settings: MatchSettings | None = None) -> list[int]:
    """Cluster labels for `n` items from their scored pairs, by the settings' linkage and threshold."""
    settings = settings or MatchSettings()
    if settings.linkage == "single":
        return connected_components(n, edges, settings.cut)
    return average_linkage(n, edges, settings.cut)


def cluster_texts(texts: Sequence[str], settings: MatchSettings | None = None) -> list[int]:
    """A cluster label per text (0, 1, … in order of first appearance): equal labels say the same thing."""
    settings = settings or MatchSettings()
    return cluster_pairs(len(texts), scored_pairs(texts, settings), settings)


def with_threshold(settings: MatchSettings, threshold: float) -> MatchSettings:
    return replace(settings, threshold=threshold)
