"""What the corpus browser reads about sources: who is cited across the corpus, and what each source says.

A source is identified across documents by its canonical name (`source_refers_to`, else the source text) compared
without case, and shown in its most frequent spelling. Every function takes `types` (sayso.model.TYPES; None for
all): only attributions of those types count, as `sayso analyze --type` keeps them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sayso.model import TYPES
from sayso.resolve.data import BARE_PRONOUNS
from sayso.web.queries import Connection, Page

_SOURCE_NAME = "trim(coalesce(a.source_refers_to, a.source_text))"
# an unresolved "I", "we" or "you" names no one across the corpus: it is left out of the sources (it stays in the
# documents' attributions, where its quotation says whose it is)
_PRONOUNS = "[" + ", ".join(f"'{p}'" for p in sorted(BARE_PRONOUNS)) + "]"


def type_condition(types: Sequence[str] | None, column: str = "a.type") -> str:
    """SQL that keeps attributions of `types` ("TRUE" for all); the names are checked against TYPES, so the list
    can be written into the SQL."""
    if types is None:
        return "TRUE"
    if not set(types) <= set(TYPES):
        raise ValueError(f"unknown attribution types: {sorted(set(types) - set(TYPES))}")
    return f"list_contains([{', '.join(repr(t) for t in types)}], {column})"


def _source_table(types: Sequence[str] | None) -> str:
    return f"""
WITH named AS (
    SELECT a.doc_hash, {_SOURCE_NAME} AS name, lower({_SOURCE_NAME}) AS key,
           coalesce(a.source_kind, 'unspecified') AS kind
    FROM attributions a
    WHERE {_SOURCE_NAME} <> '' AND NOT list_contains({_PRONOUNS}, lower({_SOURCE_NAME})) AND {type_condition(types)}
),
spelling AS (
    SELECT key, name, row_number() OVER (PARTITION BY key ORDER BY count(*) DESC, name) AS r
    FROM named GROUP BY key, name
),
kinds AS (
    SELECT key, kind, row_number() OVER (PARTITION BY key ORDER BY count(*) DESC, kind) AS r
    FROM named GROUP BY key, kind
),
totals AS (
    SELECT key, count(*) AS claims, count(DISTINCT doc_hash) AS documents FROM named GROUP BY key
),
sources AS (
    SELECT t.key, s.name, k.kind, t.claims, t.documents
    FROM totals t
    JOIN spelling s ON s.key = t.key AND s.r = 1
    JOIN kinds k ON k.key = t.key AND k.r = 1
)"""


def source_key(name: str) -> str:
    """The form by which a source is matched across documents (as `lower(trim(...))` in SQL)."""
    return name.strip().lower()


@dataclass(frozen=True)
class SourceRow:
    """A source across the corpus: its most frequent spelling and kind, its claims and the documents citing it."""

    name: str
    kind: str
    claims: int
    documents: int

    def to_json(self) -> dict[str, Any]:
        return {"source": self.name, "kind": self.kind, "claims": self.claims, "documents": self.documents}


@dataclass(frozen=True)
class SourceClaim:
    """One attribution of a source, with the document it is in."""

    doc_hash: str
    doc_label: str
    outlet: str | None
    published: str | None
    id: str
    source_text: str | None
    kind: str
    cue: str
    content: str
    quote: str
    certainty: str
    act: str
    type: str
    denied: bool
    cluster: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.doc_hash,
            "title": self.doc_label,
            "outlet": self.outlet,
            "published": self.published,
            "attribution": self.id,
            "source_text": self.source_text,
            "source_kind": self.kind,
            "cue": self.cue,
            "content": self.content,
            "quote": self.quote,
            "certainty": self.certainty,
            "act": self.act,
            "type": self.type,
            "denied": self.denied,
            "cluster": self.cluster,
        }


@dataclass(frozen=True)
class SourceDetail:
    """A source's figures: the kinds and mentions it appears as."""

    name: str
    claims: int
    documents: int
    outlets: int
    kinds: tuple[tuple[str, int], ...]
    mentions: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.name,
            "claims": self.claims,
            "documents": self.documents,
            "outlets": self.outlets,
            "kinds": dict(self.kinds),
            "mentions": list(self.mentions),
        }


def sources(
    con: Connection, *, query: str = "", page: int = 1, per_page: int = 25, types: Sequence[str] | None = None
) -> Page[SourceRow]:
    """Sources by the claims attributed to them, most first; `query` keeps names containing it."""
    where, params = ("WHERE contains(key, ?)", [source_key(query)]) if query.strip() else ("", [])
    total = _one(con, f"{_source_table(types)} SELECT count(*) FROM sources {where}", params)
    page = min(max(1, page), max(1, math.ceil(total / per_page)))
    rows = con.execute(
        f"{_source_table(types)} SELECT name, kind, claims, documents FROM sources {where} "
        "ORDER BY claims DESC, documents DESC, key LIMIT ? OFFSET ?",
        [*params, per_page, (page - 1) * per_page],
    ).fetchall()
    return Page(tuple(SourceRow(*r) for r in rows), total, page, per_page)


def source_detail(con: Connection, name: str, types: Sequence[str] | None = None) -> SourceDetail | None:
    """A source's figures, found by its name without case; None when no attribution has it."""
    key = source_key(name)
    row = con.execute(
        f"{_source_table(types)} SELECT name, claims, documents FROM sources WHERE key = ?", [key]
    ).fetchone()
    if row is None:
        return None
    where = f"WHERE lower({_SOURCE_NAME}) = ? AND {type_condition(types)}"
    kinds = con.execute(
        f"SELECT coalesce(a.source_kind, 'unspecified') AS k, count(*) FROM attributions a {where} "
        "GROUP BY k ORDER BY count(*) DESC, k",
        [key],
    ).fetchall()
    mentions = con.execute(
        f"SELECT trim(a.source_text) AS m FROM attributions a {where} AND m <> '' "
        "GROUP BY m ORDER BY count(*) DESC, m LIMIT 12",
        [key],
    ).fetchall()
    outlets = _one(
        con,
        f"SELECT count(DISTINCT d.outlet) FROM attributions a JOIN documents d ON d.hash = a.doc_hash {where}",
        [key],
    )
    return SourceDetail(
        name=row[0],
        claims=int(row[1]),
        documents=int(row[2]),
        outlets=outlets,
        kinds=tuple((str(k), int(n)) for k, n in kinds),
        mentions=tuple(str(m) for (m,) in mentions),
    )


def source_claims(
    con: Connection, name: str, *, page: int = 1, per_page: int = 50, types: Sequence[str] | None = None
) -> Page[SourceClaim]:
    """A source's attributions across the corpus, newest document first."""
    key = source_key(name)
    where = f"WHERE lower({_SOURCE_NAME}) = ? AND {type_condition(types)}"
    total = _one(con, f"SELECT count(*) FROM attributions a {where}", [key])
    page = min(max(1, page), max(1, math.ceil(total / per_page)))
    rows = con.execute(
        f"""
        SELECT a.doc_hash, coalesce(nullif(trim(d.title), ''), d.name), d.outlet, d.published, a.id, a.source_text,
               coalesce(a.source_kind, 'unspecified'), a.cue_text, a.content_text, a.quote, a.certainty, a.act,
               a.type, EXISTS (SELECT 1 FROM denials x WHERE x.doc_hash = a.doc_hash AND x.target_id = a.id),
               c.cluster_id
        FROM attributions a
        JOIN documents d ON d.hash = a.doc_hash
        LEFT JOIN claims c ON c.doc_hash = a.doc_hash AND c.attribution_id = a.id
        {where}
        ORDER BY d.published_date DESC NULLS LAST, d.published DESC NULLS LAST, a.doc_hash, a.n
        LIMIT ? OFFSET ?
        """,
        [key, per_page, (page - 1) * per_page],
    ).fetchall()
    found = tuple(
        SourceClaim(
            doc_hash=r[0],
            doc_label=r[1],
            outlet=r[2],
            published=r[3],
            id=r[4],
            source_text=r[5],
            kind=r[6],
            cue=r[7],
            content=r[8],
            quote=r[9],
            certainty=r[10],
            act=r[11],
            type=r[12],
            denied=bool(r[13]),
            cluster=None if r[14] is None else int(r[14]),
        )
        for r in rows
    )
    return Page(found, total, page, per_page)


def _one(con: Connection, sql: str, params: Sequence[Any] = ()) -> int:
    row = con.execute(sql, list(params)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0
