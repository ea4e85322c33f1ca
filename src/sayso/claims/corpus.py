"""Claims across a corpus, end to end: match them into clusters, then trace each cluster's provenance.

corpus = analyse_corpus(claims, publications)          # from the store (`store.py`) or from Documents:
corpus = analyse_documents({"doc1": document, ...})
for cluster in corpus.clusters: ...
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sayso.claims.extract import claims_of, publication_of
from sayso.claims.match import MatchSettings, cluster_texts
from sayso.claims.provenance import corpus_provenance, source_counts
from sayso.claims.records import Claim, ClaimCluster, Publication, SourceCount
from sayso.model import Document

SORTS = ("reported", "independent", "denied")


@dataclass(frozen=True)
class CorpusClaims:
    """The claims, their cluster labels (`labels[i]` for `claims[i]`) and every cluster's provenance."""

    claims: tuple[Claim, ...]
    labels: tuple[int, ...]
    clusters: tuple[ClaimCluster, ...]

    def sources(self) -> list[SourceCount]:
        return source_counts(self.clusters)


def match_claims(claims: Sequence[Claim], settings: MatchSettings | None = None) -> list[int]:
    """A cluster label per claim: claims with one label say the same thing."""
    return cluster_texts([c.text for c in claims], settings)


def analyse_corpus(
    claims: Sequence[Claim],
    publications: Mapping[str, Sequence[Publication]],
    settings: MatchSettings | None = None,
    *,
    labels: Sequence[int] | None = None,
) -> CorpusClaims:
    """Clusters and provenance; `labels` given (e.g. read back from the store) skips the matching."""
    found = list(labels) if labels is not None else match_claims(claims, settings)
    return CorpusClaims(tuple(claims), tuple(found), tuple(corpus_provenance(claims, found, publications)))


def analyse_documents(documents: Mapping[str, Document], settings: MatchSettings | None = None) -> CorpusClaims:
    """The same from analysed Documents, keyed by a document id of the caller's choosing."""
    claims = [c for doc_id, d in documents.items() for c in claims_of(d, doc_id)]
    publications = {doc_id: [publication_of(d, doc_id)] for doc_id, d in documents.items()}
    return analyse_corpus(claims, publications, settings)


def sorted_clusters(
    clusters: Sequence[ClaimCluster], sort: str = "reported", *, min_reports: int = 2
) -> list[ClaimCluster]:
    """Clusters to list: `reported` (most reports first), `independent` (fewest independent sources for the most
    reports first), `denied` (most denials first, denied ones only). Clusters with fewer than `min_reports` reports
    are left out, unless one is denied (a denial with no report of what it denies is left out)."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    shown = [c for c in clusters if len(c.reports) >= min_reports or (c.denials and c.reports)]
    if sort == "reported":
        return sorted(shown, key=lambda c: (-len(c.reports), -len(c.denials), c.id))
    if sort == "independent":
        return sorted(
            (c for c in shown if c.reports),
            key=lambda c: (c.independent_sources / len(c.reports), -len(c.reports), c.id),
        )
    return sorted((c for c in shown if c.denials), key=lambda c: (-len(c.denials), -len(c.reports), c.id))
