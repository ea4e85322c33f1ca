"""Claim clusters as the store holds them: `claims.cluster_id`, written by `sayso claims`, with each cluster's
provenance (reports, original source, independent sources, circular reporting, denials) worked out by
`sayso.claims` from the stored ids — the browser never matches claims itself, so it shows what `sayso claims`
shows.

The provenance of every cluster is computed once per state of the store file (and set of attribution types shown)
and kept until the file changes. `sayso.claims` is imported only when the store has clusters.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    from sayso.claims.records import ClaimCluster, SourceCount

SORTS = ("reported", "independent", "denied")


@dataclass(frozen=True)
class Clusters:
    """The store's claim clusters; `available` is False until `sayso claims` has matched the claims."""

    available: bool
    clusters: tuple[ClaimCluster, ...] = ()
    unclustered: int = 0  # claims ingested since the clusters were made: not in any cluster yet
    settings: str | None = None  # method and threshold that made them
    by_id: dict[int, ClaimCluster] = field(default_factory=dict)

    def get(self, cluster_id: int) -> ClaimCluster | None:
        return self.by_id.get(cluster_id)

    def listed(self, sort: str = "reported", *, min_reports: int = 2) -> list[ClaimCluster]:
        """Clusters to list, as `sayso claims --sort SORT --min-reports N` lists them."""
        if not self.available:
            return []
        from sayso.claims.corpus import sorted_clusters

        return sorted_clusters(self.clusters, sort, min_reports=min_reports)

    def originated_by(self, name: str) -> list[ClaimCluster]:
        """Clusters whose original source is `name` (without case), most reported first."""
        key = name.strip().casefold()
        found = [c for c in self.clusters if c.original_source and c.original_source.strip().casefold() == key]
        return sorted(found, key=lambda c: (-len(c.reports), c.id))

    def sources(self) -> list[SourceCount]:
        """Original sources by the clusters they originate, as `sayso sources` lists them."""
        if not self.available:
            return []
        from sayso.claims.provenance import source_counts

        return source_counts(self.clusters)


def read_clusters(con: duckdb.DuckDBPyConnection, types: Sequence[str] | None = None) -> Clusters:
    """The clusters stored in the `claims` table, with their provenance; with `types`, made of the claims of those
    types of attribution alone (as `sayso claims --type` shows them)."""
    row = con.execute("SELECT count(cluster_id), count(*) FROM claims").fetchone()
    clustered, total = (int(row[0]), int(row[1])) if row else (0, 0)
    if not clustered:
        return Clusters(available=False, unclustered=total)
    from sayso.claims.corpus import analyse_corpus
    from sayso.claims.store import read_claims, recorded_settings

    claims, publications, stored = read_claims(con)
    kept = [(c, label) for c, label in zip(claims, stored, strict=True) if label is not None]
    if types is not None:
        from sayso.web.sources import type_condition

        sql = f"SELECT claim_id FROM claims WHERE {type_condition(types, 'type')}"
        wanted = {str(i) for (i,) in con.execute(sql).fetchall()}
        kept = [(c, label) for c, label in kept if c.id in wanted]
    corpus = analyse_corpus([c for c, _ in kept], publications, labels=[label for _, label in kept])
    return Clusters(
        available=True,
        clusters=corpus.clusters,
        unclustered=total - clustered,
        settings=recorded_settings(con),
        by_id={c.id: c for c in corpus.clusters},
    )


def file_state(path: Path) -> tuple[tuple[int, int], ...]:
    """What changes when anything writes to the store: the size and time of the file and of its write-ahead log."""
    out = []
    for p in (path, path.with_name(path.name + ".wal")):
        try:
            st = p.stat()
        except OSError:
            out.append((0, 0))
        else:
            out.append((st.st_size, st.st_mtime_ns))
    return tuple(out)


class ClusterCache:
    """The clusters of one store file, recomputed when the file has changed since they were read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._state: tuple[tuple[int, int], ...] | None = None
        self._clusters: dict[tuple[str, ...] | None, Clusters] = {}

    def get(self, con: duckdb.DuckDBPyConnection, types: Sequence[str] | None = None) -> Clusters:
        key = None if types is None else tuple(types)
        with self._lock:
            state = file_state(self.path)
            if state != self._state:
                self._clusters, self._state = {}, state
            if key not in self._clusters:
                self._clusters[key] = read_clusters(con, key)
            return self._clusters[key]
