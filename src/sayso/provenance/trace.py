"""Provenance within an article: the chain of sources that carries each claim, its original source, and how many
independent sources the article's claims rest on.

A claim's original source is, in order:

1. the outlet at the top of its nesting chain ("NYT reported that officials concluded …": the officials' claim
   comes from NYT);
2. the outlet whose report introduced its source: a source first heard inside an outlet's claim ("The intelligence
   officials believe …" after "NYT reported that US intelligence officials concluded …");
3. when the article re-reports one outlet only, that outlet for its anonymous sources ("Some officials have
   theorized …" in an article built on one newspaper's story);
4. otherwise its own source. A claim without a source ("is believed") has no known original source.

Claims re-reported from one outlet count once, however often the article repeats "NYT reported".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from sayso.model import Attribution, OriginalSource
from sayso.resolve.data import outlet_by_name

ONE_OUTLET_NOTE = "the article re-reports one outlet: these claims have one independent source, not several"
OUTLET_NOTE = "re-reported from {name}: these claims have one independent source, however often repeated"
OWN_NOTE = "{name} speaks for itself: one independent source"
ANONYMOUS = "anonymous_officials"
PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "one", "who"})


def _names(attributions: Sequence[Attribution], entities: Mapping[str, Sequence[str]]) -> dict[str, str | None]:
    """Each attribution's source entity: its `source_refers_to`, else the entity listing its source text as a
    mention, else the source text itself; an unresolved pronoun ('he', 'it') names no one."""
    by_mention: dict[str, str] = {}
    for name, mentions in entities.items():
        for m in mentions:
            by_mention.setdefault(m, name)
    out: dict[str, str | None] = {}
    for a in attributions:
        if a.source_refers_to:
            out[a.id] = a.source_refers_to
        elif a.source is not None and a.source.text.strip().lower() not in PRONOUNS:
            out[a.id] = by_mention.get(a.source.text, a.source.text)
        else:
            out[a.id] = None
    return out


def _is_outlet(name: str | None, attributions: Sequence[Attribution], names: Mapping[str, str | None]) -> bool:
    """A known outlet, or an organisation whose reports carry other sources' claims nested in them."""
    return _outlet_test(attributions, names)(name)


def _outlet_test(attributions: Sequence[Attribution], names: Mapping[str, str | None]) -> Callable[[str | None], bool]:
    """`_is_outlet` over one document's attributions, with what it needs gathered once (asked for every step of
    every claim's chain, each asking went over every attribution: the work grew with the square of the text)."""
    parents = {a.nested_in for a in attributions if a.nested_in}
    reporting = {
        names[a.id]
        for a in attributions
        if a.id in parents and a.source_kind in {"organization", "document"} and a.act == "report"
    }
    known: dict[str, bool] = {}

    def is_outlet(name: str | None) -> bool:
        if name is None:
            return False
        if name not in known:
            known[name] = outlet_by_name(name) is not None or name in reporting
        return known[name]

    return is_outlet


def chains(
    attributions: Sequence[Attribution], entities: Mapping[str, Sequence[str]] | None = None
) -> dict[str, tuple[str, ...]]:
    """Each claim's chain of sources, the original source first: ('The New York Times', 'US intelligence
    officials') for officials whose conclusion NYT reported. A claim with no source and no origin has ()."""
    names = _names(attributions, entities or {})
    origin = origins(attributions, entities)
    by_id = {a.id: a for a in attributions}
    out: dict[str, tuple[str, ...]] = {}
    for a in attributions:
        chain: list[str] = []
        cur: Attribution | None = a
        seen: set[str] = set()
        while cur is not None and cur.id not in seen:
            seen.add(cur.id)
            name = names[cur.id]
            if name is not None and name not in chain:
                chain.insert(0, name)
            cur = by_id.get(cur.nested_in) if cur.nested_in else None
        first = origin[a.id]
        if first is not None and (not chain or chain[0] != first):
            chain = [first, *(c for c in chain if c != first)]
        out[a.id] = tuple(chain)
    return out


def origins(
    attributions: Sequence[Attribution], entities: Mapping[str, Sequence[str]] | None = None
) -> dict[str, str | None]:
    """Each claim's original source (see the module's rules); None for a claim with no source."""
    names = _names(attributions, entities or {})
    by_id = {a.id: a for a in attributions}
    is_outlet = _outlet_test(attributions, names)

    def top_outlet(a: Attribution) -> str | None:
        found = None
        cur: Attribution | None = a
        seen: set[str] = set()
        while cur is not None and cur.id not in seen:
            seen.add(cur.id)
            if is_outlet(names[cur.id]):
                found = names[cur.id]
            cur = by_id.get(cur.nested_in) if cur.nested_in else None
        return found

    tops = {a.id: top_outlet(a) for a in attributions}
    introduced: dict[str, str] = {}  # source entity -> the outlet whose report first carried it
    for a in attributions:
        name, top = names[a.id], tops[a.id]
        if name is not None and top is not None and name != top:
            introduced.setdefault(name, top)
    reported = {t for t in tops.values() if t is not None}
    only = next(iter(reported)) if len(reported) == 1 else None
    out: dict[str, str | None] = {}
    for a in attributions:
        name = names[a.id]
        if tops[a.id] is not None:
            out[a.id] = tops[a.id]
        elif name is not None and name in introduced:
            out[a.id] = introduced[name]
        elif name is not None and only is not None and a.source_kind == ANONYMOUS:
            out[a.id] = only
        else:
            out[a.id] = name
    return out


def original_sources(
    attributions: Sequence[Attribution], entities: Mapping[str, Sequence[str]] | None = None
) -> list[OriginalSource]:
    """Claims grouped by original source, the largest group first: one independent source each."""
    origin = origins(attributions, entities)
    names = _names(attributions, entities or {})
    groups: dict[str, list[str]] = {}
    for a in attributions:
        o = origin[a.id]
        if o is not None:
            groups.setdefault(o, []).append(a.id)
    is_outlet = _outlet_test(attributions, names)
    outlets = [name for name in groups if is_outlet(name)]
    order = {a.id: n for n, a in enumerate(attributions)}
    out = []
    for name, claims in groups.items():
        if name in outlets:
            note = ONE_OUTLET_NOTE if len(outlets) == 1 else OUTLET_NOTE.format(name=name)
        else:
            note = OWN_NOTE.format(name=name)
        out.append(OriginalSource(name, tuple(claims), note))
    return sorted(out, key=lambda o: (-len(o.claims), order[o.claims[0]]))


def independent_sources(
    attributions: Sequence[Attribution], entities: Mapping[str, Sequence[str]] | None = None
) -> int:
    """How many independent sources the claims rest on: distinct original sources (claims without one not counted)."""
    return len({o for o in origins(attributions, entities).values() if o is not None})
