"""What the corpus browser reads from a store: plain SQL over the tables of docs/store.md, small frozen results.

Every function takes an open DuckDB connection (read-only is enough) and never writes. Sources across the corpus
are read by `sayso.web.sources`.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import duckdb

from sayso.model import (
    Attribution,
    DateMention,
    Denial,
    Document,
    Hypothesis,
    Metadata,
    OriginalSource,
    Span,
)

Connection = duckdb.DuckDBPyConnection
T = TypeVar("T")

DOCUMENT_SORTS = ("published", "title", "outlet", "attributions", "sources", "denials")
_DOCUMENT_ORDER = {
    "published": "d.published_date DESC NULLS LAST, d.published DESC NULLS LAST, lower(coalesce(d.title, d.name)), "
    "d.hash",
    "title": "lower(coalesce(d.title, d.name)), d.hash",
    "outlet": "lower(d.outlet) NULLS LAST, d.published_date DESC NULLS LAST, d.hash",
    "attributions": "d.n_attributions DESC, d.published_date DESC NULLS LAST, d.hash",
    "sources": "independent DESC, d.n_attributions DESC, d.hash",
    "denials": "denials DESC, d.published_date DESC NULLS LAST, d.hash",
}


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a longer list."""

    items: tuple[T, ...]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def first(self) -> int:
        """1-based position of the first item shown (0 when none is)."""
        return (self.page - 1) * self.per_page + 1 if self.items else 0

    @property
    def last(self) -> int:
        return (self.page - 1) * self.per_page + len(self.items)

    def meta(self) -> dict[str, int]:
        return {"total": self.total, "page": self.page, "per_page": self.per_page, "pages": self.pages}


@dataclass(frozen=True)
class Counts:
    """The corpus at a glance."""

    documents: int
    attributions: int
    sources: int
    claims: int
    clustered: int  # claims with a cluster id
    clusters: int  # distinct cluster ids
    denials: int  # attributions that deny something: act `denial`, or linked to the claims they reject
    denial_links: int  # rows of `denials`: (denying attribution, rejected attribution) pairs
    errors: int

    def to_json(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class DocumentRow:
    """A document in the corpus list."""

    hash: str
    name: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    attributions: int
    independent_sources: int
    denials: int

    @property
    def label(self) -> str:
        return (self.title or "").strip() or self.name

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Copy:
    """An outlet that ran a document's text."""

    name: str
    outlet: str | None
    published: str | None
    url: str | None
    title: str | None


@dataclass(frozen=True)
class ErrorRow:
    source: str
    reason: str
    stage: str


def _one(con: Connection, sql: str, params: Sequence[Any] = ()) -> int:
    row = con.execute(sql, list(params)).fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def counts(con: Connection) -> Counts:
    clustered, claims, clusters = con.execute(
        "SELECT count(cluster_id), count(*), count(DISTINCT cluster_id) FROM claims"
    ).fetchone() or (0, 0, 0)
    return Counts(
        documents=_one(con, "SELECT count(*) FROM documents"),
        attributions=_one(con, "SELECT count(*) FROM attributions"),
        sources=_one(
            con,
            "SELECT count(DISTINCT lower(trim(coalesce(source_refers_to, source_text)))) FROM attributions "
            "WHERE trim(coalesce(source_refers_to, source_text)) <> ''",
        ),
        claims=int(claims),
        clustered=int(clustered),
        clusters=int(clusters),
        denials=_one(
            con,
            "SELECT count(*) FROM (SELECT doc_hash, id FROM attributions WHERE act = 'denial' "
            "UNION SELECT doc_hash, by_id FROM denials)",
        ),
        denial_links=_one(con, "SELECT count(*) FROM denials"),
        errors=_one(con, "SELECT count(*) FROM errors"),
    )


def _search(query: str) -> tuple[str, list[Any]]:
    if not query.strip():
        return "", []
    haystack = "lower(concat_ws(' ', d.title, d.name, d.outlet, d.url, d.published, d.text))"
    words = query.lower().split()
    return "WHERE " + " AND ".join(f"contains({haystack}, ?)" for _ in words), words


def documents(
    con: Connection, *, query: str = "", sort: str = "published", page: int = 1, per_page: int = 25
) -> Page[DocumentRow]:
    """A page of documents; `query` keeps those whose title, name, outlet, URL, date or text contain every word."""
    where, params = _search(query)
    total = _one(con, f"SELECT count(*) FROM documents d {where}", params)
    page = min(max(1, page), max(1, math.ceil(total / per_page)))
    rows = con.execute(
        f"""
        SELECT d.hash, d.name, d.title, d.outlet, d.published, d.url, d.n_attributions,
               coalesce(o.n, 0) AS independent, coalesce(x.n, 0) AS denials
        FROM documents d
        LEFT JOIN (SELECT doc_hash, count(*) AS n FROM original_sources GROUP BY doc_hash) o ON o.doc_hash = d.hash
        LEFT JOIN (
            SELECT doc_hash, count(*) AS n
            FROM (SELECT doc_hash, id FROM attributions WHERE act = 'denial' UNION SELECT doc_hash, by_id FROM denials)
            GROUP BY doc_hash
        ) x ON x.doc_hash = d.hash
        {where}
        ORDER BY {_DOCUMENT_ORDER.get(sort, _DOCUMENT_ORDER["published"])}
        LIMIT ? OFFSET ?
        """,
        [*params, per_page, (page - 1) * per_page],
    ).fetchall()
    return Page(tuple(DocumentRow(*r) for r in rows), total, page, per_page)


def document_labels(con: Connection, hashes: Sequence[str]) -> dict[str, str]:
    """Title (else name) of each document among `hashes`."""
    wanted = list(dict.fromkeys(hashes))
    if not wanted:
        return {}
    rows = con.execute(
        "SELECT hash, coalesce(nullif(trim(title), ''), name) FROM documents "
        "WHERE hash IN (SELECT unnest(CAST(? AS VARCHAR[])))",
        [wanted],
    ).fetchall()
    return {h: label for h, label in rows}


def _parts(value: Any) -> tuple[tuple[int, int], ...]:
    if value is None:
        return ()
    data = json.loads(value) if isinstance(value, str) else value
    return tuple((int(a), int(b)) for a, b in data)


def _span(text: Any, start: Any, end: Any, parts: Any) -> Span | None:
    if start is None or end is None:
        return None
    return Span(text or "", int(start), int(end), _parts(parts))


def _json_list(value: Any) -> list[Any]:
    if value is None:
        return []
    data = json.loads(value) if isinstance(value, str) else value
    return list(data) if isinstance(data, list) else []


def load_document(con: Connection, doc_hash: str) -> Document | None:
    """The analysed document with this hash, rebuilt from its rows in every table; None when it is not stored.

    The store keeps each claim's original source but not its chain of sources, so `provenance` is left empty."""
    row = con.execute(
        "SELECT name, outlet, published, url, title, text, warnings FROM documents WHERE hash = ?", [doc_hash]
    ).fetchone()
    if row is None:
        return None
    name, outlet, published, url, title, text, warnings = row
    attributions = []
    for r in con.execute(
        """SELECT id, source_text, source_start, source_end, source_parts, cue_text, cue_start, cue_end, cue_parts,
                  content_text, content_start, content_end, content_parts, source_kind, source_refers_to, quote,
                  certainty, act, nested_in, type
           FROM attributions WHERE doc_hash = ? ORDER BY n""",
        [doc_hash],
    ).fetchall():
        cue, content = _span(*r[5:9]), _span(*r[9:13])
        if cue is None or content is None:
            continue
        attributions.append(
            Attribution(
                id=r[0],
                cue=cue,
                content=content,
                source=_span(*r[1:5]),
                source_kind=r[13] or "unspecified",
                source_refers_to=r[14],
                quote=r[15],
                certainty=r[16],
                act=r[17],
                nested_in=r[18],
                type=r[19],
            )
        )
    order = {a.id: n for n, a in enumerate(attributions)}
    targets: dict[str, list[str]] = {}
    for by, target in con.execute("SELECT by_id, target_id FROM denials WHERE doc_hash = ?", [doc_hash]).fetchall():
        targets.setdefault(by, []).append(target)
    denials = tuple(
        Denial(by, tuple(sorted(ts, key=lambda t: (order.get(t, len(order)), t))))
        for by, ts in sorted(targets.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))
    )
    entities: dict[str, list[str]] = {
        e: [] for (e,) in con.execute("SELECT name FROM entities WHERE doc_hash = ? ORDER BY n", [doc_hash]).fetchall()
    }
    for entity, mention in con.execute(
        "SELECT entity, text FROM mentions WHERE doc_hash = ? ORDER BY entity, n", [doc_hash]
    ).fetchall():
        entities.setdefault(entity, []).append(mention)
    originals = tuple(
        OriginalSource(n, tuple(str(c) for c in _json_list(claims)), note or "")
        for n, claims, note in con.execute(
            "SELECT name, claims, note FROM original_sources WHERE doc_hash = ? ORDER BY n", [doc_hash]
        ).fetchall()
    )
    return Document(
        text=text,
        meta=Metadata(name=name, published=published, outlet=outlet, url=url, title=title),
        attributions=tuple(attributions),
        denials=denials,
        entities={k: tuple(v) for k, v in entities.items()},
        original_sources=originals,
        independent_sources=len(originals),
        hypotheses=tuple(
            Hypothesis(f, t)
            for f, t in con.execute(
                "SELECT from_id, text FROM hypotheses WHERE doc_hash = ? ORDER BY n", [doc_hash]
            ).fetchall()
        ),
        dates=tuple(
            DateMention(t, int(s), int(e), v, needs)
            for t, s, e, v, needs in con.execute(
                "SELECT text, start_char, end_char, value, needs FROM dates WHERE doc_hash = ? ORDER BY n", [doc_hash]
            ).fetchall()
        ),
        warnings=tuple(str(w) for w in _json_list(warnings)),
        furniture=tuple(
            Span(t, int(s), int(e))
            for t, s, e in con.execute(
                "SELECT text, start_char, end_char FROM furniture WHERE doc_hash = ? ORDER BY n", [doc_hash]
            ).fetchall()
        ),
    )


def copies(con: Connection, doc_hash: str) -> list[Copy]:
    """Every input that had this document's text, the first one included."""
    return [
        Copy(*r)
        for r in con.execute(
            "SELECT name, outlet, published, url, title FROM copies WHERE doc_hash = ? "
            "ORDER BY published NULLS LAST, name",
            [doc_hash],
        ).fetchall()
    ]


def document_clusters(con: Connection, doc_hash: str) -> dict[str, int]:
    """The claim cluster of each of the document's attributions that has one."""
    return {
        aid: int(cluster)
        for aid, cluster in con.execute(
            "SELECT attribution_id, cluster_id FROM claims "
            "WHERE doc_hash = ? AND attribution_id IS NOT NULL AND cluster_id IS NOT NULL "
            "ORDER BY start_char, claim_id",
            [doc_hash],
        ).fetchall()
    }


def errors(con: Connection, limit: int = 20) -> list[ErrorRow]:
    """The inputs that could not be read or analysed, latest first."""
    return [
        ErrorRow(*r)
        for r in con.execute(
            "SELECT source, reason, stage FROM errors ORDER BY seen_at DESC, source LIMIT ?", [limit]
        ).fetchall()
    ]
