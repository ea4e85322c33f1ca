"""Provenance across the corpus: for each claim cluster, its reports, its original source, how many independent
sources stand behind it, whether its reporting is circular, and the denials that reject it.

A report is a claim as one outlet published it (a document run by several outlets, a `copies` row each, gives a
report per outlet). Its *origin* is, in order:

1. the source it cites for the claim: the claim's original source within its document (`provenance.origins`:
   "according to the NYT", "the NYT reported", the speaker of a quote), unless that is the outlet itself or an
   unnamed one ("officials said" in an outlet's own story: the outlet is the source its readers can check); one
   person or organisation gets one name across outlets ("Lopez", "the agency's spokeswoman, Maria Lopez":
   `sources.canonical_sources`);
2. the wire its article credits ("DALLAS (AP) —", `wire.py`);
3. otherwise the outlet itself: its own reporting.

The cluster's **original source** is the origin most of its reports cite or credit (ties: the earliest report);
when no report cites or credits anyone, the earliest publisher. Its **independent sources** are its distinct
origins: ten outlets re-reporting one newspaper's anonymous officials are one source, not ten. Reporting is
**circular** when at least `CIRCULAR_OUTLETS` outlets other than the origin carry the claim on one origin's word
and they make up at least `CIRCULAR_SHARE` of its reports. Denials — claims that deny (`Claim.denial`), and
negated claims in a cluster whose other claims are mostly not negated (`denials.against_cluster`) — are kept
apart from the reports of the cluster they fall in; a denial linked inside a document to the claim it rejects
(`Claim.denies`) denies that claim's cluster instead, and no other.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from sayso.claims.denials import against_cluster, negated
from sayso.claims.records import Claim, ClaimCluster, Publication, Report, SourceCount
from sayso.claims.sources import canonical_sources
from sayso.resolve.data import key, outlet_by_name

ANONYMOUS = "anonymous_officials"
CIRCULAR_OUTLETS = 3
CIRCULAR_SHARE = 0.5


def same_source(a: str | None, b: str | None) -> bool:
    """Two names of one source: equal by their matching form, or both names of one outlet ('NYT', 'nytimes')."""
    if not a or not b:
        return False
    if key(a) == key(b):
        return True
    oa, ob = outlet_by_name(a), outlet_by_name(b)
    return oa is not None and oa == ob


def canonical(name: str) -> str:
    """An outlet's canonical name ('NYT' -> 'The New York Times'); any other name as it is."""
    outlet = outlet_by_name(name)
    return outlet.name if outlet is not None else name


def reports_of(
    claim: Claim, publications: Sequence[Publication], sources: Mapping[str, str] | None = None
) -> list[Report]:
    """The claim as each publication of its document ran it, with its origin (see the module); `sources` maps a
    cited name to its canonical name across the corpus (`sources.canonical_sources`)."""
    out = []
    for pub in publications or (Publication(claim.doc_id),):
        cited = canonical(claim.cited) if claim.cited else None
        if cited is not None and sources:
            cited = sources.get(cited, cited)
        unnamed = claim.source_kind == ANONYMOUS and same_source(claim.cited, claim.source)
        if cited is not None and not unnamed and not same_source(cited, pub.outlet):
            origin, how = cited, "cited"
        elif pub.wire is not None:
            origin, how = pub.wire, "wire"
        else:
            origin, how = canonical(pub.outlet) if pub.outlet else f"document {claim.doc_id[:12]}", "own"
        out.append(Report(claim.id, claim.doc_id, claim.text, pub.outlet, pub.published, cited, pub.wire, origin, how))
    return out


def _when(report: Report) -> tuple[int, str]:
    return (0, report.published) if report.published else (1, "")


def cluster_provenance(cluster_id: int, reports: Sequence[Report], denials: Sequence[Report]) -> ClaimCluster:
    """One cluster's provenance from its reports (already with origins) and its denials."""
    ordered = sorted(reports, key=_when)  # stable: reports without a date keep corpus order, after dated ones
    origins = Counter(r.origin for r in ordered)
    credited = Counter(r.origin for r in ordered if r.how != "own")
    if credited:
        best = max(credited.values())
        original = next(r.origin for r in ordered if r.how != "own" and credited[r.origin] == best)
        how = next(r.how for r in ordered if r.origin == original and r.how != "own")
    elif ordered:
        original, how = ordered[0].origin, "earliest"
    else:
        original, how = None, "earliest"
    circular = False
    for origin, n in origins.items():
        carriers = {r.outlet for r in ordered if r.origin == origin and r.outlet and not same_source(r.outlet, origin)}
        if len(carriers) >= CIRCULAR_OUTLETS and n >= CIRCULAR_SHARE * len(ordered):
            circular = True
    text = ordered[0].text if ordered else (denials[0].text if denials else "")
    return ClaimCluster(
        id=cluster_id,
        text=text,
        reports=tuple(ordered),
        denials=tuple(sorted(denials, key=_when)),
        original_source=original,
        original_how=how,
        independent_sources=len(origins),
        origins=dict(origins.most_common()),
        circular=circular,
    )


def corpus_provenance(
    claims: Sequence[Claim], labels: Sequence[int], publications: Mapping[str, Sequence[Publication]]
) -> list[ClaimCluster]:
    """Every cluster's provenance; `labels[i]` is the cluster of `claims[i]`, `publications` each document's
    publications (a document without any counts as one publication by an unknown outlet)."""
    if len(claims) != len(labels):
        raise ValueError(f"{len(claims)} claims but {len(labels)} labels")
    cluster_of = {c.id: label for c, label in zip(claims, labels, strict=True)}
    against = against_cluster([negated(c.text) for c in claims], labels)
    sources = canonical_sources(canonical(c.cited) for c in claims if c.cited)
    reports: dict[int, list[Report]] = defaultdict(list)
    denials: dict[int, dict[str, Report]] = defaultdict(dict)
    for claim, label, contrary in zip(claims, labels, against, strict=True):
        made = reports_of(claim, publications.get(claim.doc_id, ()), sources)
        if claim.denial or contrary:
            # a denial linked to the claims it rejects denies their clusters and no other; one that is not denies
            # the cluster its words fall in (matching keeps negation aside, so it lands with what it denies)
            denied = {cluster_of[t] for t in claim.denies if t in cluster_of} or {label}
            for r in made:
                for target_label in denied:
                    denials[target_label].setdefault(f"{r.claim_id}@{r.outlet}", r)
        else:
            reports[label].extend(made)
    ids = sorted(set(labels))
    return [cluster_provenance(i, reports.get(i, []), list(denials.get(i, {}).values())) for i in ids]


def source_counts(clusters: Sequence[ClaimCluster]) -> list[SourceCount]:
    """Sources by the claim clusters they originate (most first): each cluster counts once for its original
    source; reports and outlets are those tracing to that source."""
    count: Counter[str] = Counter()
    reports: Counter[str] = Counter()
    outlets: dict[str, set[str]] = defaultdict(set)
    denied: Counter[str] = Counter()
    for c in clusters:
        if c.original_source is None:
            continue
        name = c.original_source
        count[name] += 1
        denied[name] += bool(c.denials)
        for r in c.reports:
            if r.origin == name:
                reports[name] += 1
                if r.outlet:
                    outlets[name].add(r.outlet)
    return [
        SourceCount(name, n, reports[name], len(outlets[name]), denied[name])
        for name, n in sorted(count.items(), key=lambda kv: (-kv[1], -reports[kv[0]], kv[0]))
    ]
