"""The corpus's claims, their publications, and what provenance finds for each cluster: small frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("attributed", "assertion", "headline")
HOWS = ("cited", "wire", "own")  # how a report's origin is known: it cites it, a wire credit, its own reporting


@dataclass(frozen=True)
class Claim:
    """One claim in one document: an attribution's content, the article's own assertion or its headline."""

    id: str
    doc_id: str
    text: str
    kind: str = "assertion"
    source: str | None = None  # who claims it (resolved name); None for the article's own assertion
    source_kind: str = "outlet"  # as in attributions; `outlet` for the article's own assertion
    act: str = "assertion"
    cited: str | None = None  # its original source within the document (`provenance.origins`), if any
    denial: bool = False  # it denies something
    denies: tuple[str, ...] = ()  # ids of claims in the same document it denies


@dataclass(frozen=True)
class Publication:
    """One appearance of a document: the outlet that ran it, when, and the wire it credits."""

    doc_id: str
    outlet: str | None = None
    published: str | None = None
    wire: str | None = None


@dataclass(frozen=True)
class Report:
    """A claim as one outlet published it, and where it traces back to."""

    claim_id: str
    doc_id: str
    text: str
    outlet: str | None
    published: str | None
    cited: str | None  # the source the report names for it (within the document), if any
    wire: str | None  # the wire the report's article credits, if any
    origin: str  # the cited source, else the wire, else the outlet itself
    how: str  # cited, wire or own

    def to_json(self) -> dict[str, Any]:
        return {
            "claim": self.claim_id,
            "document": self.doc_id,
            "text": self.text,
            "outlet": self.outlet,
            "published": self.published,
            "cited_source": self.cited,
            "wire": self.wire,
            "origin": self.origin,
            "how": self.how,
        }


@dataclass(frozen=True)
class ClaimCluster:
    """Reports of one claim across the corpus, the reports that deny it, and where it comes from."""

    id: int
    text: str  # the claim as its earliest report words it
    reports: tuple[Report, ...]
    denials: tuple[Report, ...]
    original_source: str | None
    original_how: str  # cited, wire or earliest (no report cites anyone: the earliest publisher)
    independent_sources: int
    origins: dict[str, int] = field(default_factory=dict)  # origin -> reports tracing to it
    circular: bool = False

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(r.outlet for r in self.reports if r.outlet))

    def to_json(self) -> dict[str, Any]:
        return {
            "cluster": self.id,
            "claim": self.text,
            "reports": len(self.reports),
            "outlets": list(self.outlets),
            "original_source": self.original_source,
            "original_source_from": self.original_how,
            "independent_sources": self.independent_sources,
            "origins": self.origins,
            "circular_reporting": self.circular,
            "denied_by": [d.to_json() for d in self.denials],
            "report_list": [r.to_json() for r in self.reports],
        }


@dataclass(frozen=True)
class SourceCount:
    """A source as the corpus sees it: the claim clusters it originates and the reports that trace to it."""

    name: str
    clusters: int
    reports: int
    outlets: int
    denied_clusters: int

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.name,
            "claims": self.clusters,
            "reports": self.reports,
            "outlets": self.outlets,
            "denied_claims": self.denied_clusters,
        }
