"""What every renderer shows, worked out once from a Document: display order, nesting, denial links, sources.

Pure functions over `sayso.model`; nothing here formats for a terminal or a browser, and nothing imports spaCy.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from sayso.model import Attribution, Document, Span

UNSPECIFIED = "(unspecified)"

_SPACE = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of displayable text: control characters dropped, runs of whitespace made one space."""
    kept = "".join(ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cc", "Cf"))
    return _SPACE.sub(" ", kept).strip()


def truncate(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at a word boundary, with an ellipsis when anything was cut."""
    text = clean(text)
    if len(text) <= limit:
        return text
    cut = text[: max(1, limit - 1)]
    space = cut.rfind(" ")
    if space >= limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.—–-") + "…"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 denial', '2 denials', '3 independent sources'."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def canonical(a: Attribution) -> str | None:
    """The entity an attribution's source stands for: its resolved name, else the mention; None without a source."""
    if a.source_refers_to and clean(a.source_refers_to):
        return clean(a.source_refers_to)
    if a.source is not None and clean(a.source.text):
        return clean(a.source.text)
    return None


def shows_canonical(a: Attribution) -> bool:
    """Whether the canonical entity says more than the source mention itself ("It" → Russian Embassy)."""
    name = canonical(a)
    mention = clean(a.source.text) if a.source else ""
    return name is not None and name.casefold() != mention.casefold()


def text_start(a: Attribution) -> int:
    """Where an attribution begins in the text: the first character of its source, cue or content."""
    spans: list[Span] = [s for s in (a.source, a.cue, a.content) if s is not None]
    start: int = min(p[0] for s in spans for p in s.pieces)
    return start


@dataclass(frozen=True)
class Entry:
    """One attribution as the renderers show it, with its links to the others."""

    attribution: Attribution
    key: str  # a safe, unique handle for markup ("k0", "k1", …): attribution ids are data and may be anything
    depth: int  # 0 for a top-level attribution, 1 inside one other, …
    parent: str | None  # id of the attribution whose content holds this one, when that attribution exists
    children: tuple[str, ...]
    denies: tuple[str, ...]
    denied_by: tuple[str, ...]
    rests_on: str | None  # the independent source this claim comes down to; None when the text names none
    canonical: str | None

    @property
    def id(self) -> str:
        id_: str = self.attribution.id
        return id_


@dataclass(frozen=True)
class SourceGroup:
    """Everything said by one source entity."""

    name: str
    kind: str
    mentions: tuple[str, ...]
    claims: tuple[str, ...]  # attribution ids, in display order
    rests_on: tuple[str, ...]  # independent sources its claims come down to, other than itself
    independent: bool  # at least one of its claims rests on it alone
    unspecified: bool = False


@dataclass(frozen=True)
class Overview:
    """A Document digested for display."""

    doc: Document
    entries: tuple[Entry, ...]  # display order: text order, each nested attribution right after its parent
    groups: tuple[SourceGroup, ...]
    independent: tuple[str, ...]  # independent sources, most claims first
    unsourced: int  # claims whose text names no source and that rest on nothing else

    def entry(self, id_: str) -> Entry | None:
        return next((e for e in self.entries if e.id == id_), None)

    def key_of(self, id_: str) -> str | None:
        entry = self.entry(id_)
        return entry.key if entry else None

    @property
    def sources(self) -> tuple[SourceGroup, ...]:
        """Groups with a named source (the '(unspecified)' group left out)."""
        return tuple(g for g in self.groups if not g.unspecified)


def overview(doc: Document) -> Overview:
    """Work out display order, nesting, denial links, source groups and independent sources for `doc`."""
    atts = doc.attributions
    keys = {id(a): f"k{i}" for i, a in enumerate(atts)}
    by_id: dict[str, Attribution] = {}
    for a in atts:
        by_id.setdefault(a.id, a)

    def parent_of(a: Attribution) -> Attribution | None:
        p = by_id.get(a.nested_in) if a.nested_in else None
        return p if p is not None and p is not a else None

    # Nesting tree, guarded against cycles: a parent chain that loops back makes the attribution a root.
    def chain(a: Attribution) -> list[Attribution]:
        seen = [a]
        p = parent_of(a)
        while p is not None:
            if p in seen:
                return [a]
            seen.append(p)
            p = parent_of(p)
        return seen

    parents: dict[int, Attribution | None] = {}
    for a in atts:
        c = chain(a)
        parents[id(a)] = c[1] if len(c) > 1 else None
    kids: dict[int, list[Attribution]] = {id(a): [] for a in atts}
    roots: list[Attribution] = []
    for a in atts:
        p = parents[id(a)]
        (kids[id(p)] if p is not None else roots).append(a)

    order: list[tuple[Attribution, int]] = []

    def walk(a: Attribution, depth: int) -> None:
        order.append((a, depth))
        for k in sorted(kids[id(a)], key=text_start):
            walk(k, depth + 1)

    for r in sorted(roots, key=text_start):
        walk(r, 0)

    denies: dict[str, list[str]] = {}
    denied_by: dict[str, list[str]] = {}
    for d in doc.denials:
        for t in d.targets:
            if t not in denies.setdefault(d.by, []):
                denies[d.by].append(t)
            if d.by not in denied_by.setdefault(t, []):
                denied_by[t].append(d.by)

    original = {c: clean(o.name) for o in doc.original_sources for c in o.claims if clean(o.name)}

    def rests_on(a: Attribution) -> str | None:
        for link in chain(a):
            if link.id in original:
                return original[link.id]
        return canonical(chain(a)[-1])

    entries = tuple(
        Entry(
            attribution=a,
            key=keys[id(a)],
            depth=depth,
            parent=p.id if (p := parents[id(a)]) is not None else None,
            children=tuple(k.id for k in sorted(kids[id(a)], key=text_start)),
            denies=tuple(denies.get(a.id, ())),
            denied_by=tuple(denied_by.get(a.id, ())),
            rests_on=rests_on(a),
            canonical=canonical(a),
        )
        for a, depth in order
    )
    independent = Counter(e.rests_on for e in entries if e.rests_on is not None)
    return Overview(
        doc=doc,
        entries=entries,
        groups=_groups(entries),
        independent=tuple(name for name, _ in independent.most_common()),
        unsourced=sum(1 for e in entries if e.rests_on is None),
    )


def _groups(entries: tuple[Entry, ...]) -> tuple[SourceGroup, ...]:
    members: dict[str, list[Entry]] = {}
    names: dict[str, str] = {}
    for e in entries:
        name = e.canonical or UNSPECIFIED
        fold = name.casefold() if e.canonical else ""
        names.setdefault(fold, name)
        members.setdefault(fold, []).append(e)
    groups = []
    for fold, es in members.items():
        name = names[fold]
        kinds = Counter(e.attribution.source_kind for e in es)
        named = [k for k, _ in kinds.most_common() if k != "unspecified"]
        mentions: list[str] = []
        for e in sorted(es, key=lambda e: e.attribution.source.start if e.attribution.source else 0):
            m = clean(e.attribution.source.text) if e.attribution.source else ""
            if m and m not in mentions:
                mentions.append(m)
        roots = [r for r in dict.fromkeys(e.rests_on for e in es) if r is not None]
        groups.append(
            SourceGroup(
                name=name,
                kind=named[0] if named else "unspecified",
                mentions=tuple(mentions),
                claims=tuple(e.id for e in es),
                rests_on=tuple(r for r in roots if r.casefold() != fold),
                independent=any(r.casefold() == fold for r in roots),
                unspecified=not fold,
            )
        )
    first = {g.name: i for i, g in enumerate(groups)}
    groups.sort(key=lambda g: (g.unspecified, not g.independent, -len(g.claims), first[g.name]))
    return tuple(groups)
