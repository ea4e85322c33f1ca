"""Claims across documents: matching what different outlets say into clusters, and the provenance of each cluster
(its reports, original source, independent sources, circular reporting, denials). docs/claims.md.

    text        claim words for matching (normalisation, light stemming)
    index       TF-IDF vectors and candidate pairs from an inverted index (no all-pairs step)
    embed       the optional MiniLM method (`sayso[embeddings]`): vectors, LSH candidates
    cluster     average linkage / connected components over scored pairs
    match       the two methods behind one call, with the settings chosen on Emergent
    scores      pairwise and B-cubed precision, recall, F1
    extract     a Document's claims;  wire: wire credits;  denials: denials without a cue
    provenance  cluster provenance;  corpus: end to end;  store: the corpus store's claims

Names are imported on first use, so matching alone (`sayso.claims.match`) loads neither spaCy nor the store.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

_WHERE = {
    "Claim": "records",
    "ClaimCluster": "records",
    "Publication": "records",
    "Report": "records",
    "SourceCount": "records",
    "MatchSettings": "match",
    "cluster_texts": "match",
    "bcubed": "scores",
    "pairwise": "scores",
    "states_denial": "denials",
    "wire_credit": "wire",
    "claims_of": "extract",
    "publication_of": "extract",
    "corpus_provenance": "provenance",
    "source_counts": "provenance",
    "CorpusClaims": "corpus",
    "analyse_corpus": "corpus",
    "analyse_documents": "corpus",
    "match_claims": "corpus",
    "sorted_clusters": "corpus",
}
__all__ = [
    "Claim",
    "ClaimCluster",
    "CorpusClaims",
    "MatchSettings",
    "Publication",
    "Report",
    "SourceCount",
    "analyse_corpus",
    "analyse_documents",
    "bcubed",
    "claims_of",
    "cluster_texts",
    "corpus_provenance",
    "match_claims",
    "pairwise",
    "publication_of",
    "sorted_clusters",
    "source_counts",
    "states_denial",
    "wire_credit",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'sayso.claims' has no attribute {name!r}")
    return getattr(import_module(f"sayso.claims.{_WHERE[name]}"), name)


if TYPE_CHECKING:
    from sayso.claims.corpus import CorpusClaims, analyse_corpus, analyse_documents, match_claims, sorted_clusters
    from sayso.claims.denials import states_denial
    from sayso.claims.extract import claims_of, publication_of
    from sayso.claims.match import MatchSettings, cluster_texts
    from sayso.claims.provenance import corpus_provenance, source_counts
    from sayso.claims.records import Claim, ClaimCluster, Publication, Report, SourceCount
    from sayso.claims.scores import bcubed, pairwise
    from sayso.claims.wire import wire_credit
