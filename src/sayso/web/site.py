"""The corpus browser's pages and JSON API over one store, apart from HTTP: a request target in, a Response out.

    site = Site(Path("corpus.duckdb"))
    site.handle("/source/Reuters?page=2")   # Response(status=200, body=b"<!DOCTYPE html>...", ...)

Each request opens the store read-only and closes it again, so the browser never keeps `sayso ingest` or
`sayso claims` from writing it; while one of them does, pages answer 503 and say why. Every value from the
store reaches a page through Jinja2 autoescaping; pages carry no script of their own (the article page is
`sayso.render.render_html`'s, with its own Content-Security-Policy).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import duckdb
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from sayso.model import TYPES, keep_types, parse_types
from sayso.render import render_html
from sayso.render.view import clean, plural, truncate
from sayso.store import Store, StoreError
from sayso.web import queries
from sayso.web import sources as source_queries
from sayso.web.clusters import SORTS as CLUSTER_SORTS
from sayso.web.clusters import ClusterCache, Clusters
from sayso.web.queries import DOCUMENT_SORTS, Page

if TYPE_CHECKING:
    from sayso.claims.records import ClaimCluster

TEMPLATES = Path(__file__).with_name("templates")
PER_PAGE = 25
MAX_PER_PAGE = 200
TOP_SOURCES = 12
TOP_CLUSTERS = 8
HASH = re.compile(r"[0-9a-f]{64}")
# The browser's own pages: no script at all, styles inline, forms only to this server.
PAGE_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
T = TypeVar("T")
Params = dict[str, str]
Connection = duckdb.DuckDBPyConnection


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str
    headers: tuple[tuple[str, str], ...] = ()


class NotFound(Exception):
    """The request names something the store does not have."""


class BadRequest(Exception):
    """The request's parameters are wrong (an unknown `type`)."""


def types_of(params: Params) -> tuple[str, ...] | None:
    """The attribution types a request keeps (`?type=statement` or `?type=statement,belief`); None for all."""
    try:
        return parse_types(params.get("type"))
    except ValueError as err:
        raise BadRequest(str(err)) from None


# ------------------------------------------------------------------------------------------ formatting helpers


def url(path: str, **params: Any) -> str:
    """`path` with the parameters that have a value as its query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "") and not (k == "page" and str(v) == "1")}
    if "page" in kept:  # the page number last: /?q=x&sort=title&page=2
        kept["page"] = kept.pop("page")
    return path + ("?" + urlencode(kept) if kept else "")


def segment(text: str) -> str:
    """Text quoted for one path segment ('/' included)."""
    return quote(text, safe="")


def number(n: int | None) -> str:
    return "—" if n is None else f"{n:,}"


def doc_link(claim_id: str) -> str:
    """The article page of a claim id (`HASH:aN` or `HASH:sN`), opened at the attribution when it is one."""
    doc_hash, _, local = claim_id.partition(":")
    return f"/doc/{segment(doc_hash)}" + (f"#{segment(local)}" if local.startswith("a") else "")


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(seg=segment, num=number, clean=clean, truncate_words=truncate)
    env.globals.update(url=url, plural=plural, doc_link=doc_link, all_types=TYPES)
    return env


@cache
def _css() -> Markup:
    return Markup((TEMPLATES / "web.css").read_text(encoding="utf-8"))


def render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(css=_css(), **context)


def to_json(data: Any) -> bytes:
    """JSON whose text has no `<`, `>` or `&`: safe even where something reads it as HTML."""
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").encode("utf-8")


def _int(value: str | None, default: int, low: int = 1, high: int | None = None) -> int:
    try:
        n = int(value) if value is not None else default
    except ValueError:
        n = default
    n = max(low, n)
    return min(n, high) if high is not None else n


def paginate(items: Sequence[T], page: int, per_page: int) -> Page[T]:
    pages = max(1, -(-len(items) // per_page))
    page = min(max(1, page), pages)
    return Page(tuple(items[(page - 1) * per_page : page * per_page]), len(items), page, per_page)


# ------------------------------------------------------------------------------------------ the site

View = Callable[..., Response]


class Site:
    """The pages and API of one store."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.name = db.name
        self.cluster_cache = ClusterCache(db)
        self.routes: list[tuple[re.Pattern[str], View]] = [
            (re.compile(r"/"), self.overview),
            (re.compile(r"/doc/([^/]+)/?"), self.document),
            (re.compile(r"/sources/?"), self.sources),
            (re.compile(r"/source/([^/]+)/?"), self.source),
            (re.compile(r"/clusters/?"), self.clusters),
            (re.compile(r"/cluster/([^/]+)/?"), self.cluster),
            (re.compile(r"/api/?"), self.api_index),
            (re.compile(r"/api/stats/?"), self.api_stats),
            (re.compile(r"/api/documents/?"), self.api_documents),
            (re.compile(r"/api/doc/([^/]+)/?"), self.api_document),
            (re.compile(r"/api/sources/?"), self.api_sources),
            (re.compile(r"/api/source/([^/]+)/?"), self.api_source),
            (re.compile(r"/api/clusters/?"), self.api_clusters),
            (re.compile(r"/api/cluster/([^/]+)/?"), self.api_cluster),
        ]

    # -------------------------------------------------------------------------------------- dispatch

    def handle(self, target: str) -> Response:
        """The response to a GET of `target` (path and query string)."""
        split = urlsplit(target)
        path = split.path or "/"
        params = {k: v[-1] for k, v in parse_qs(split.query).items()}
        api = path == "/api" or path.startswith("/api/")
        for pattern, view in self.routes:
            match = pattern.fullmatch(path)
            if match is None:
                continue
            args = [unquote(g) for g in match.groups()]
            try:
                with self.connect() as con:
                    return view(con, params, *args)
            except NotFound as err:
                return self.error(404, str(err), api)
            except BadRequest as err:
                return self.error(400, str(err), api)
            except StoreError as err:
                return self.error(
                    503,
                    f"The store cannot be read right now ({err}). Another process may be writing it "
                    "(sayso ingest or sayso claims); reload when it has finished.",
                    api,
                )
            except Exception as err:  # a page that fails says so, and the server goes on
                print(f"sayso: error on {path}: {type(err).__name__}: {err}", file=sys.stderr)
                return self.error(500, "Something went wrong while making this page.", api)
        return self.error(404, f"There is no page at {path}.", api)

    @contextmanager
    def connect(self) -> Iterator[Connection]:
        with Store(self.db, read_only=True) as store:
            yield store.connection

    def clusters_of(self, con: Connection, types: Sequence[str] | None = None) -> Clusters:
        return self.cluster_cache.get(con, types)

    def page(self, template: str, status: int = 200, **context: Any) -> Response:
        context.setdefault("nav", "")
        context.setdefault("type_param", "")
        body = render(template, store=self.name, **context).encode("utf-8")
        return Response(status, body, "text/html; charset=utf-8", (("Content-Security-Policy", PAGE_CSP),))

    def json(self, data: Any, status: int = 200) -> Response:
        return Response(status, to_json(data), "application/json; charset=utf-8")

    def error(self, status: int, message: str, api: bool = False) -> Response:
        if api:
            return self.json({"error": message, "status": status}, status)
        titles = {400: "Bad request", 404: "Not found", 500: "Server error", 503: "Store busy"}
        return self.page("error.html.j2", status, title=titles.get(status, "Error"), code=status, message=message)

    # -------------------------------------------------------------------------------------- lookups

    def _document_hash(self, value: str) -> str:
        if not HASH.fullmatch(value):
            raise NotFound(f"No document has the id {value!r}: ids are 64 hexadecimal digits.")
        return value

    def _cluster(self, con: Connection, value: str, types: Sequence[str] | None = None) -> ClaimCluster:
        clusters = self.clusters_of(con, types)
        if not clusters.available:
            raise NotFound("This store has no claim clusters yet: run `sayso claims --db …` to match its claims.")
        found = clusters.get(int(value)) if re.fullmatch(r"[0-9]{1,18}", value) else None
        if found is None:
            raise NotFound(f"There is no claim cluster {value!r} in this store.")
        return found

    # -------------------------------------------------------------------------------------- pages

    def overview(self, con: Connection, params: Params) -> Response:
        q = params.get("q", "").strip()
        sort = params.get("sort", "published")
        sort = sort if sort in DOCUMENT_SORTS else "published"
        counts = queries.counts(con)
        docs = queries.documents(con, query=q, sort=sort, page=_int(params.get("page"), 1), per_page=PER_PAGE)
        clusters = self.clusters_of(con)
        return self.page(
            "overview.html.j2",
            title="Corpus",
            nav="overview",
            counts=counts,
            docs=docs,
            q=q,
            sort=sort,
            top_sources=source_queries.sources(con, per_page=TOP_SOURCES, types=types_of(params)).items,
            clusters=clusters,
            top_clusters=clusters.listed("reported")[:TOP_CLUSTERS],
            errors=queries.errors(con) if counts.errors else [],
        )

    def document(self, con: Connection, params: Params, value: str) -> Response:
        doc_hash = self._document_hash(value)
        doc = queries.load_document(con, doc_hash)
        if doc is None:
            raise NotFound(f"No document with the id {doc_hash} is in this store.")
        types = types_of(params)
        doc = keep_types(doc, types)
        kept = {a.id for a in doc.attributions}
        elsewhere = []  # (cluster, this document's attribution ids in it, how many other documents report it)
        by_cluster: dict[int, list[str]] = {}
        for aid, cid in queries.document_clusters(con, doc_hash).items():
            if aid in kept:
                by_cluster.setdefault(cid, []).append(aid)
        if by_cluster:
            clusters = self.clusters_of(con, types)
            for cid, aids in by_cluster.items():
                c = clusters.get(cid)
                others = {r.doc_id for r in (*c.reports, *c.denials)} - {doc_hash} if c else set()
                if c is not None and others:
                    elsewhere.append((c, aids, len(others)))
            elsewhere.sort(key=lambda e: (-e[2], e[0].id))
        bar = render(
            "docbar.html.j2",
            store=self.name,
            doc_hash=doc_hash,
            copies=queries.copies(con, doc_hash),
            elsewhere=elsewhere,
            type_param=",".join(types or ()),
        )
        page = render_html(doc)
        body = re.sub(r"<body[^>]*>", lambda m: m.group(0) + "\n" + bar, page, count=1)
        headers = (("Content-Security-Policy", "frame-ancestors 'none'"),)  # the page brings its own policy
        return Response(200, body.encode("utf-8"), "text/html; charset=utf-8", headers)

    def sources(self, con: Connection, params: Params) -> Response:
        q = params.get("q", "").strip()
        types = types_of(params)
        found = source_queries.sources(con, query=q, page=_int(params.get("page"), 1), per_page=50, types=types)
        clusters = self.clusters_of(con, types)
        return self.page(
            "sources.html.j2",
            title="Sources",
            nav="sources",
            type_param=",".join(types or ()),
            q=q,
            found=found,
            clusters=clusters,
            originals=clusters.sources()[:25],
        )

    def _source(
        self, con: Connection, name: str, types: Sequence[str] | None
    ) -> tuple[source_queries.SourceDetail, list[ClaimCluster]]:
        """A source by name: one that attributions name, or one that only claim clusters trace back to."""
        originated = self.clusters_of(con, types).originated_by(name)
        detail = source_queries.source_detail(con, name, types)
        if detail is None and (originated or (types and source_queries.source_detail(con, name) is not None)):
            detail = source_queries.SourceDetail(clean(name), 0, 0, 0, (), ())
        if detail is None:
            raise NotFound(f"Nothing in this store has the source {name!r}.")
        return detail, originated

    def source(self, con: Connection, params: Params, name: str) -> Response:
        types = types_of(params)
        detail, originated = self._source(con, name, types)
        claims = source_queries.source_claims(con, name, page=_int(params.get("page"), 1), per_page=50, types=types)
        return self.page(
            "source.html.j2",
            title=detail.name,
            nav="sources",
            detail=detail,
            claims=claims,
            originated=originated,
            type_param=",".join(types or ()),
        )

    def clusters(self, con: Connection, params: Params) -> Response:
        sort = params.get("sort", "reported")
        sort = sort if sort in CLUSTER_SORTS else "reported"
        min_reports = _int(params.get("min_reports"), 2)
        types = types_of(params)
        clusters = self.clusters_of(con, types)
        listed = paginate(clusters.listed(sort, min_reports=min_reports), _int(params.get("page"), 1), 50)
        return self.page(
            "clusters.html.j2",
            title="Claims across the corpus",
            nav="clusters",
            type_param=",".join(types or ()),
            clusters=clusters,
            listed=listed,
            sort=sort,
            min_reports=min_reports,
        )

    def cluster(self, con: Connection, params: Params, value: str) -> Response:
        c = self._cluster(con, value, types_of(params))
        labels = queries.document_labels(con, [r.doc_id for r in (*c.reports, *c.denials)])
        return self.page("cluster.html.j2", title=f"Claim {c.id}", nav="clusters", c=c, labels=labels)

    # -------------------------------------------------------------------------------------- the JSON API

    def api_index(self, con: Connection, params: Params) -> Response:
        return self.json(
            {
                "store": self.name,
                "endpoints": {
                    "/api/stats": "counts of documents, attributions, sources, claims, clusters, denials, errors",
                    "/api/documents?q=&sort=&page=&per_page=": f"documents (sort: {', '.join(DOCUMENT_SORTS)})",
                    "/api/doc/HASH?type=": "one document's analysis in sayso's JSON (docs/schema.md)",
                    "/api/sources?q=&page=&per_page=&type=": "sources by the claims attributed to them",
                    "/api/source/NAME?page=&per_page=&type=": "a source and its claims across the corpus",
                    "/api/clusters?sort=&min_reports=&page=&per_page=&type=": (
                        f"claim clusters as `sayso claims --json` gives them (sort: {', '.join(CLUSTER_SORTS)})"
                    ),
                    "/api/cluster/ID?type=": "one claim cluster with its reports and denials",
                },
                "type": f"keeps only attributions of these types, comma-separated: {', '.join(TYPES)}",
            }
        )

    def api_stats(self, con: Connection, params: Params) -> Response:
        counts = queries.counts(con)
        return self.json({"store": self.name, **counts.to_json(), "clusters_available": counts.clustered > 0})

    def _per_page(self, params: Params) -> int:
        return _int(params.get("per_page"), PER_PAGE, 1, MAX_PER_PAGE)

    def api_documents(self, con: Connection, params: Params) -> Response:
        q = params.get("q", "").strip()
        sort = params.get("sort", "published")
        if sort not in DOCUMENT_SORTS:
            return self.error(400, f"sort must be one of {', '.join(DOCUMENT_SORTS)}", api=True)
        docs = queries.documents(
            con, query=q, sort=sort, page=_int(params.get("page"), 1), per_page=self._per_page(params)
        )
        return self.json({**docs.meta(), "query": q, "sort": sort, "documents": [d.to_json() for d in docs.items]})

    def api_document(self, con: Connection, params: Params, value: str) -> Response:
        doc = queries.load_document(con, self._document_hash(value))
        if doc is None:
            raise NotFound(f"No document with the id {value} is in this store.")
        return self.json(keep_types(doc, types_of(params)).to_json())

    def api_sources(self, con: Connection, params: Params) -> Response:
        q = params.get("q", "").strip()
        page, per_page, types = _int(params.get("page"), 1), self._per_page(params), types_of(params)
        found = source_queries.sources(con, query=q, page=page, per_page=per_page, types=types)
        return self.json({**found.meta(), "query": q, "sources": [s.to_json() for s in found.items]})

    def api_source(self, con: Connection, params: Params, name: str) -> Response:
        types = types_of(params)
        detail, originated = self._source(con, name, types)
        page, per_page = _int(params.get("page"), 1), self._per_page(params)
        claims = source_queries.source_claims(con, name, page=page, per_page=per_page, types=types)
        return self.json(
            {
                **detail.to_json(),
                "originates_clusters": [c.id for c in originated],
                **claims.meta(),
                "claim_list": [c.to_json() for c in claims.items],
            }
        )

    def api_clusters(self, con: Connection, params: Params) -> Response:
        sort = params.get("sort", "reported")
        if sort not in CLUSTER_SORTS:
            return self.error(400, f"sort must be one of {', '.join(CLUSTER_SORTS)}", api=True)
        clusters = self.clusters_of(con, types_of(params))
        min_reports = _int(params.get("min_reports"), 2)
        listed = paginate(
            clusters.listed(sort, min_reports=min_reports), _int(params.get("page"), 1), self._per_page(params)
        )
        return self.json(
            {
                "available": clusters.available,
                "settings": clusters.settings,
                "unclustered_claims": clusters.unclustered,
                "sort": sort,
                "min_reports": min_reports,
                **listed.meta(),
                "clusters": [c.to_json() for c in listed.items],
            }
        )

    def api_cluster(self, con: Connection, params: Params, value: str) -> Response:
        return self.json(self._cluster(con, value, types_of(params)).to_json())
