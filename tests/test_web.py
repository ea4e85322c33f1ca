"""`sayso serve`: the corpus browser over real DuckDB stores, through a real HTTP server on 127.0.0.1.

Two stores are built here:

- `handmade`: three Documents written by hand and stored with the store's own `Store.add` (no model), one of
  them full of markup that would run if it were not escaped, a copy of one under a second outlet, an error row;
  no claim clusters.
- `ingested`: eight short news items written here, analysed by the real `sayso ingest` and matched by the real
  `sayso claims`, so the store has claim clusters (one of them reported circularly).

Pages are fetched with urllib, one article page and the overview are opened in headless Chromium, and the CLI
runs in subprocesses. `python tests/test_web.py` rewrites docs/screenshots/serve-overview.png and
serve-document.png from the `ingested` store.
"""

from __future__ import annotations

import json
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote

import duckdb
import pytest
from browser import find_chromium, run_chromium

from sayso.model import Attribution, DateMention, Denial, Document, Hypothesis, Metadata, OriginalSource, Span
from sayso.render import render_html
from sayso.store import Store, copy_row, document_hash
from sayso.web import make_server
from sayso.web.queries import load_document

ROOT = Path(__file__).resolve().parents[1]
SCREENSHOTS = ROOT / "docs" / "screenshots"
_SCRIPT = Path(sys.executable).with_name("sayso")
SAYSO = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "sayso"]
# `sayso serve` whether or not sayso/cli/main.py registers it yet
SERVE = [
    sys.executable,
    "-c",
    "import sys; from sayso.cli.main import cli, main; from sayso.cli import serve\n"
    "if 'serve' not in cli.commands: serve.register(cli)\n"
    "sys.argv[0] = 'sayso'; main()",
    "serve",
]
TIMEOUT = 300
PWNED = "document.title='pwned'"

# -------------------------------------------------------------------------------------------- the stores


def at(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span.of(text, start, start + len(part))


PLANT = (
    "Officials said the plant will close in June. The mayor denied the report on Friday.\n\n"
    "“It is over,” the minister said, “for good.” The plant employs 400 people in the town of Riverton."
)
PAYLOAD_TITLE = f"<script>{PWNED}</script>Budget <b>row</b>"
PAYLOAD_OUTLET = f'"><img src=x onerror="{PWNED}">'
PAYLOAD_SOURCE = "<b>Council</b>/Board"
PAYLOAD = (
    f"The {PAYLOAD_SOURCE} said <script>{PWNED}</script> the budget is short. "
    f'Officials said the vote was delayed. <img src=x onerror="{PWNED}"> javascript:{PWNED}'
)
QUIET = "A quiet day in Riverton, with nothing anyone said."


def plant() -> Document:
    t = PLANT
    quote_parts = [(t.index("“It is over") + 1, t.index(",” the")), (t.index("for good"), t.index(".” The"))]
    return Document(
        text=t,
        meta=Metadata(
            name="plant.txt",
            title="Plant to close",
            outlet="Ledger",
            published="2021-03-05",
            url="https://ledger.example/plant",
        ),
        attributions=(
            Attribution(
                "a1",
                cue=at(t, "said"),
                content=at(t, "the plant will close in June"),
                source=at(t, "Officials"),
                source_kind="anonymous_officials",
                source_refers_to="officials",
            ),
            Attribution(
                "a2",
                cue=at(t, "denied"),
                content=at(t, "the report"),
                source=at(t, "The mayor"),
                source_kind="person",
                act="denial",
                source_refers_to="Mayor Ana Ruiz",
            ),
            Attribution(
                "a3",
                cue=at(t, "said", 1),
                content=Span.joined(t, quote_parts),
                source=at(t, "the minister"),
                source_kind="person",
                quote="direct",
                certainty="probable",
                act="assessment",
                source_refers_to="the minister",
            ),
        ),
        denials=(Denial("a2", ("a1",)),),
        entities={"officials": ("Officials",), "Mayor Ana Ruiz": ("The mayor",), "the minister": ("the minister",)},
        original_sources=(
            OriginalSource("officials", ("a1",), "officials speaks for itself"),
            OriginalSource("Mayor Ana Ruiz", ("a2",)),
            OriginalSource("the minister", ("a3",)),
        ),
        independent_sources=3,
        hypotheses=(Hypothesis("a1", "the plant will close"),),
        dates=(
            DateMention("June", at(t, "June").start, at(t, "June").end, "2021-06"),
            DateMention("Friday", at(t, "Friday").start, at(t, "Friday").end, None, "publication date"),
        ),
        warnings=("a made-up warning",),
    )


def payload() -> Document:
    t = PAYLOAD
    return Document(
        text=t,
        meta=Metadata(name="payload.txt", title=PAYLOAD_TITLE, outlet=PAYLOAD_OUTLET, published="2021-03-06"),
        attributions=(
            Attribution(
                "a1",
                cue=at(t, "said"),
                content=at(t, f"<script>{PWNED}</script> the budget is short"),
                source=at(t, f"The {PAYLOAD_SOURCE}"),
                source_kind="organization",
                source_refers_to=PAYLOAD_SOURCE,
            ),
            Attribution(
                "a2",
                cue=at(t, "said", 1),
                content=at(t, "the vote was delayed"),
                source=at(t, "Officials"),
                source_kind="anonymous_officials",
                source_refers_to="Officials",
            ),
        ),
        entities={PAYLOAD_SOURCE: (f"The {PAYLOAD_SOURCE}",), "Officials": ("Officials",)},
        original_sources=(OriginalSource(PAYLOAD_SOURCE, ("a1",)), OriginalSource("Officials", ("a2",))),
        independent_sources=2,
    )


def quiet() -> Document:
    return Document(text=QUIET, meta=Metadata(name="quiet.txt"))


HANDMADE = {"plant": plant, "payload": payload, "quiet": quiet}


@pytest.fixture(scope="module")
def handmade(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("handmade") / "handmade.duckdb"
    with Store(db) as store:
        for make in HANDMADE.values():
            assert store.add(make())
        # the plant story ran word for word in a second outlet
        copy = Metadata(name="courier/plant.txt", outlet="Courier", published="2021-03-07", title="Plant closing")
        store.add_rows([], copies=[copy_row(document_hash(PLANT), copy)])
        store.add_error("broken.txt", "not UTF-8 (byte 0xff at 12)")
    return db


# Eight short items: one claim ("the Riverton water plant will close in June") that four outlets carry on the
# Riverton Ledger's word, and a denial of it; two outlets with the bridge story from different sources.
DEMO: list[dict[str, str]] = [
    {
        "outlet": "Riverton Ledger",
        "published": "2024-03-04",
        "title": "Water plant to close in June, officials say",
        "text": "The Riverton water plant will close in June, two city officials told the Riverton Ledger on Monday. "
        "The officials, who asked not to be named, said engineers had found cracks in the main intake pipe. "
        "“We cannot keep it running safely,” one of them said. "
        "The plant supplies about 40,000 homes in the valley. "
        "Mayor Ana Ruiz denied that the plant would close, saying repairs were already under way.",
    },
    {
        "outlet": "Valley Courier",
        "published": "2024-03-05",
        "title": "Report: Riverton water plant will close",
        "text": "The Riverton water plant will close in June, according to the Riverton Ledger. "
        "The newspaper reported that engineers had found cracks in the main intake pipe. "
        "Residents said they had not been told about the closure. "
        "The city council is expected to discuss the plant on Thursday.",
    },
    {
        "outlet": "Metro Daily",
        "published": "2024-03-05",
        "title": "Riverton plant closing, paper says",
        "text": "The Riverton Ledger reported that the Riverton water plant will close in June. "
        "Engineers found cracks in the main intake pipe, the paper said, citing city officials. "
        "A spokesman for the water board declined to comment.",
    },
    {
        "outlet": "North Star Times",
        "published": "2024-03-06",
        "title": "Riverton water plant to shut in June",
        "text": "The Riverton water plant will close in June, the Riverton Ledger reported on Monday. "
        "The closure could leave thousands of homes relying on emergency supplies, experts warned. "
        "Mayor Ana Ruiz said the reports were false.",
    },
    {
        "outlet": "Coastal Herald",
        "published": "2024-03-07",
        "title": "Questions over Riverton plant",
        "text": "According to the Riverton Ledger, the Riverton water plant will close in June. "
        "Senator Priya Nair said she would ask the state to pay for repairs. "
        "“Families deserve clean water,” Nair told reporters.",
    },
    {
        "outlet": "Valley Courier",
        "published": "2024-04-02",
        "title": "Bridge to reopen next week",
        "text": "The Kingsford bridge will reopen next week, the state transport department said on Tuesday. "
        "Workers finished replacing the deck on Friday, a department spokeswoman said. "
        "Commuters have faced long detours since the bridge closed in January.",
    },
    {
        "outlet": "Metro Daily",
        "published": "2024-04-02",
        "title": "Kingsford bridge reopening",
        "text": "Police Chief Dan Ortiz said the Kingsford bridge will reopen next week. "
        "The state transport department confirmed that the bridge would reopen next week. "
        "Ortiz said officers would direct traffic on the first day.",
    },
    {
        "outlet": "Riverton Ledger",
        "published": "2024-04-10",
        "title": "School board votes to cut budget",
        "text": "The Riverton school board voted on Monday to cut its budget by 4 percent. "
        "Teachers fear the cuts will mean larger classes, a union spokesman said. "
        "Board chair Lena Park argued that the district had no other choice. "
        "Critics say the board may have overstated the deficit.",
    },
]


def build_ingested(folder: Path) -> tuple[Path, list[dict[str, Any]]]:
    """The demo feed through the real `sayso ingest` and `sayso claims`; returns the store and the claims JSON."""
    feed = folder / "feed.jsonl"
    feed.write_text(
        "".join(json.dumps({**r, "url": f"https://news.example/{i}"}) + "\n" for i, r in enumerate(DEMO)),
        encoding="utf-8",
    )
    db = folder / "corpus.duckdb"
    done = subprocess.run(
        [*SAYSO, "ingest", str(feed), "--db", str(db), "--quiet"], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    claims = subprocess.run(
        [*SAYSO, "claims", "--db", str(db), "--json", "--min-reports", "2", "--limit", "0"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert claims.returncode == 0, claims.stderr
    listed: list[dict[str, Any]] = json.loads(claims.stdout)
    return db, listed


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    return build_ingested(tmp_path_factory.mktemp("ingested"))


# -------------------------------------------------------------------------------------------- HTTP


@contextmanager
def serving(db: Path) -> Iterator[str]:
    server = make_server(db, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url.rstrip("/")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)


@pytest.fixture(scope="module")
def site(handmade: Path) -> Iterator[str]:
    with serving(handmade) as base:
        yield base


@pytest.fixture(scope="module")
def clustered_site(ingested: tuple[Path, list[dict[str, Any]]]) -> Iterator[str]:
    with serving(ingested[0]) as base:
        yield base


_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback only: never through a proxy


def fetch(url: str, *, method: str = "GET", headers: dict[str, str] | None = None) -> tuple[int, Any, bytes]:
    request = urllib.request.Request(url, method=method, headers=headers or {})
    try:
        with _OPENER.open(request, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def get_html(url: str) -> str:
    status, headers, body = fetch(url)
    assert status == 200, (url, status, body[:300])
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    return body.decode("utf-8")


def get_json(url: str) -> Any:
    status, headers, body = fetch(url)
    assert status == 200, (url, status, body[:300])
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    return json.loads(body)


class Html(HTMLParser):
    """Elements with their attributes and the text inside them (descendants included)."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "area", "base", "col", "embed", "source", "wbr"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._gap()
        text: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, text))
        if tag not in self.VOID:
            self._open.append(text)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._open:
            self._open.pop()
        self._gap()

    def _gap(self) -> None:
        """Elements' texts are apart ("3" "documents"), as a reader sees them in the page's blocks."""
        for text in self._open:
            text.append(" ")

    def handle_data(self, data: str) -> None:
        for text in self._open:
            text.append(data)

    def find(self, tag: str | None = None, **attrs: str) -> list[tuple[dict[str, str], str]]:
        return [
            (a, " ".join("".join(t).split()))
            for g, a, t in self.elements
            if (tag is None or g == tag) and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]

    def text_of(self, id_: str) -> str:
        found = self.find(id=id_)
        assert found, f"no element #{id_}"
        return found[0][1]

    def links(self) -> list[tuple[str, str]]:
        return [(a.get("href", ""), text) for a, text in self.find("a")]


def tile(page: Html, name: str) -> str:
    return page.text_of(f"n-{name}").split()[0]


# -------------------------------------------------------------------------------------------- the overview


def test_web_overview_counts(site: str) -> None:
    page = Html(get_html(site + "/"))
    assert tile(page, "documents") == "3"
    assert tile(page, "attributions") == "5"
    # officials (both documents, any case), Mayor Ana Ruiz, the minister, the council
    assert tile(page, "sources") == "4"
    assert tile(page, "clusters") == "—"  # not matched yet
    assert tile(page, "denials") == "1"
    assert tile(page, "errors") == "1"
    assert "sayso claims --db handmade.duckdb" in page.text_of("no-clusters")
    errors = page.text_of("errors")
    assert "broken.txt" in errors and "not UTF-8" in errors


def test_web_overview_lists_documents_with_their_figures(site: str) -> None:
    page = Html(get_html(site + "/"))
    rows = [text for a, text in page.find("tr")][1:]
    # newest first; the document without a date last
    assert rows[0].startswith(PAYLOAD_TITLE)
    assert rows[1].startswith("Plant to close plant.txt Ledger 2021-03-05 3 3 1")  # title, name, figures
    assert rows[2].startswith("quiet.txt")
    plant_hash = document_hash(PLANT)
    assert (f"/doc/{plant_hash}", "Plant to close") in page.links()


def test_web_overview_top_sources(site: str) -> None:
    page = Html(get_html(site + "/"))
    top = page.text_of("top-sources")
    assert "Officials anonymous officials 2 2" in top  # two claims in two documents, "Officials" and "officials"
    assert (f"/source/{quote(PAYLOAD_SOURCE, safe='')}", PAYLOAD_SOURCE) in page.links()


def test_web_overview_search_and_sort(site: str) -> None:
    page = Html(get_html(site + "/?q=riverton+plant"))
    assert "1 match" in page.text_of("h-documents")
    assert [t for _, t in page.find("a", class_="doc-title")] == ["Plant to close"]
    assert Html(get_html(site + "/?q=nothing+like+this")).text_of("no-match").startswith("No document contains")
    by_title = Html(get_html(site + "/?sort=title"))
    assert [t for _, t in by_title.find("a", class_="doc-title")] == [PAYLOAD_TITLE, "Plant to close", "quiet.txt"]


def test_web_api_documents_pages(site: str) -> None:
    first = get_json(site + "/api/documents?per_page=2")
    assert (first["total"], first["pages"], first["page"]) == (3, 2, 1)
    second = get_json(site + "/api/documents?per_page=2&page=2")
    names = [d["name"] for d in first["documents"] + second["documents"]]
    assert names == ["payload.txt", "plant.txt", "quiet.txt"]
    plant_row = first["documents"][1]
    assert plant_row == {
        "hash": document_hash(PLANT),
        "name": "plant.txt",
        "title": "Plant to close",
        "outlet": "Ledger",
        "published": "2021-03-05",
        "url": "https://ledger.example/plant",
        "attributions": 3,
        "independent_sources": 3,
        "denials": 1,
    }
    assert get_json(site + "/api/documents?page=99&per_page=2")["page"] == 2  # past the end: the last page
    assert [d["name"] for d in get_json(site + "/api/documents?q=COUNCIL")["documents"]] == ["payload.txt"]
    status, _, body = fetch(site + "/api/documents?sort=nonsense")
    assert status == 400 and "sort must be one of" in json.loads(body)["error"]


def test_web_api_stats(site: str) -> None:
    stats = get_json(site + "/api/stats")
    assert stats["documents"] == 3 and stats["attributions"] == 5 and stats["errors"] == 1
    assert stats["clusters_available"] is False and stats["clustered"] == 0


# -------------------------------------------------------------------------------------------- a document


def test_web_document_page_is_the_rendered_article_with_a_way_back(site: str, handmade: Path) -> None:
    h = document_hash(PLANT)
    html = get_html(f"{site}/doc/{h}")
    page = Html(html)
    assert ("/", "← Corpus overview") in page.links()
    assert (f"/api/doc/{h}", "JSON") in page.links()
    assert "The same text ran 2 times: Ledger (2021-03-05), Courier (2021-03-07)." in page.text_of("copies")
    # apart from the corpus bar, the page is sayso's own article page for this document
    without_bar = re.sub(r"<style>\n\.sayso-corpus.*?</nav>\n", "", html, count=1, flags=re.S)
    assert without_bar == render_html(plant())
    assert "3 claims · 3 independent sources · 1 denial" in page.text_of("summary")


def test_web_document_rebuilt_from_the_store(handmade: Path) -> None:
    with Store(handmade, read_only=True) as store:
        for make in HANDMADE.values():
            doc = make()
            rebuilt = load_document(store.connection, document_hash(doc.text))
            assert rebuilt is not None
            assert rebuilt.to_json() == doc.to_json()  # the store keeps no provenance chains; these have none
        assert load_document(store.connection, "0" * 64) is None


def test_web_api_document_is_sayso_json(site: str) -> None:
    data = get_json(f"{site}/api/doc/{document_hash(PLANT)}")
    assert data == plant().to_json()
    assert data["schema_version"] and data["attributions"][2]["content"]["parts"]


# -------------------------------------------------------------------------------------------- sources


def test_web_source_page_across_documents(site: str) -> None:
    page = Html(get_html(site + "/source/OFFICIALS"))  # any case
    assert page.text_of("title") == "Officials"  # the spelling seen most often; ties: the first in order
    assert page.text_of("n-claims") == "2"
    claims = page.text_of("claims")
    assert "the plant will close in June" in claims and "the vote was delayed" in claims
    assert "denied" in claims  # the mayor denies the plant claim
    links = [href for href, _ in page.links()]
    assert f"/doc/{document_hash(PLANT)}#a1" in links and f"/doc/{document_hash(PAYLOAD)}#a2" in links


def test_web_api_source(site: str) -> None:
    data = get_json(site + "/api/source/" + quote(PAYLOAD_SOURCE, safe=""))
    assert data["source"] == PAYLOAD_SOURCE and data["claims"] == 1 and data["kinds"] == {"organization": 1}
    assert data["claim_list"][0]["content"] == f"<script>{PWNED}</script> the budget is short"
    listed = get_json(site + "/api/sources")
    top = listed["sources"][0]
    assert (top["source"], top["claims"], top["documents"]) == ("Officials", 2, 2)


# -------------------------------------------------------------------------------------------- escaping


@pytest.mark.parametrize(
    "path",
    [
        "/",
        f"/doc/{document_hash(PAYLOAD)}",
        "/source/" + quote(PAYLOAD_SOURCE, safe=""),
        "/sources",
        "/?q=%3Cscript%3E",
    ],
)
def test_web_pages_escape_what_the_store_holds(site: str, path: str) -> None:
    html = get_html(site + path)
    assert f"<script>{PWNED}" not in html
    assert "<img src=x" not in html
    assert "<b>Council</b>" not in html
    assert "&lt;" in html  # the markup is there, as text


def test_web_payload_shows_as_text(site: str) -> None:
    page = Html(get_html(site + "/"))
    assert PAYLOAD_TITLE in [t for _, t in page.find("a", class_="doc-title")]
    assert PAYLOAD_OUTLET in page.text_of("documents")


def test_web_json_has_no_markup_characters(site: str) -> None:
    for path, key, whole in [
        ("/api/documents", "documents", PAYLOAD_TITLE),
        (f"/api/doc/{document_hash(PAYLOAD)}", "text", PAYLOAD),
        ("/api/sources", "sources", PAYLOAD_SOURCE),
    ]:
        status, _, body = fetch(site + path)
        assert status == 200 and b"<" not in body and b">" not in body
        value = json.loads(body)[key]
        assert value == whole or whole in [v for row in value for v in row.values()]  # the data itself is whole


def test_web_security_headers(site: str) -> None:
    _, headers, _ = fetch(site + "/")
    assert "script-src" not in headers["Content-Security-Policy"]
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    _, headers, _ = fetch(f"{site}/doc/{document_hash(PAYLOAD)}")
    assert headers["Content-Security-Policy"] == "frame-ancestors 'none'"  # the page's own policy is in a meta tag


def test_web_answers_only_requests_to_localhost(site: str) -> None:
    status, _, _ = fetch(site + "/", headers={"Host": "attacker.example"})
    assert status == 400
    status, _, _ = fetch(site + "/api/stats", headers={"Host": "localhost"})
    assert status == 200


def test_web_head_has_no_body(site: str) -> None:
    status, headers, body = fetch(site + "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["Content-Length"]) > 1000


# -------------------------------------------------------------------------------------------- not found


@pytest.mark.parametrize(
    "path",
    [
        "/doc/" + "0" * 64,
        "/doc/not-a-hash",
        "/doc/" + document_hash(PLANT).upper(),
        "/source/Nobody%20at%20all",
        "/cluster/1",
        "/cluster/abc",
        "/no/such/page",
    ],
)
def test_web_unknown_ids_are_404(site: str, path: str) -> None:
    status, headers, body = fetch(site + path)
    assert status == 404
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert Html(body.decode("utf-8")).text_of("title") == "Not found"


@pytest.mark.parametrize(
    "path", ["/api/doc/" + "0" * 64, "/api/doc/x", "/api/source/nobody", "/api/cluster/7", "/api/x"]
)
def test_web_api_unknown_ids_are_404(site: str, path: str) -> None:
    status, headers, body = fetch(site + path)
    assert status == 404
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(body)["status"] == 404


def test_web_clusters_missing_says_what_to_run(site: str) -> None:
    page = Html(get_html(site + "/clusters"))
    assert "sayso claims --db handmade.duckdb" in page.text_of("no-clusters")
    data = get_json(site + "/api/clusters")
    assert data["available"] is False and data["clusters"] == []


# -------------------------------------------------------------------------------------------- claim clusters


def test_web_clusters_are_those_of_sayso_claims(
    clustered_site: str, ingested: tuple[Path, list[dict[str, Any]]]
) -> None:
    expected = ingested[1]
    data = get_json(clustered_site + "/api/clusters?per_page=200")
    assert data["available"] is True and data["unclustered_claims"] == 0
    assert data["clusters"] == expected
    assert any(c["circular_reporting"] for c in expected)


def test_web_overview_shows_most_reported_claims(
    clustered_site: str, ingested: tuple[Path, list[dict[str, Any]]]
) -> None:
    expected = ingested[1]
    page = Html(get_html(clustered_site + "/"))
    assert tile(page, "documents") == str(len(DEMO))
    with duckdb.connect(str(ingested[0]), read_only=True) as con:
        row = con.execute("SELECT count(DISTINCT cluster_id) FROM claims").fetchone()
    assert row is not None and tile(page, "clusters") == str(row[0])
    top = page.text_of("top-clusters")
    assert " ".join(expected[0]["claim"].split())[:40] in top  # the most reported first
    circular = next(c for c in expected if c["circular_reporting"])
    assert f"/cluster/{circular['cluster']}" in [href for href, _ in page.links()]
    assert "circular" in top


def test_web_cluster_page_lists_its_reports(clustered_site: str, ingested: tuple[Path, list[dict[str, Any]]]) -> None:
    c = next(c for c in ingested[1] if c["circular_reporting"])
    page = Html(get_html(f"{clustered_site}/cluster/{c['cluster']}"))
    assert page.text_of("n-reports") == str(c["reports"])
    assert page.text_of("n-independent") == str(c["independent_sources"])
    assert page.find(id="circular")
    reports = page.text_of("reports")
    for r in c["report_list"]:
        assert r["outlet"] in reports and r["published"] in reports
        if r["cited_source"]:
            assert r["cited_source"] in reports
    doc_links = {href for href, _ in page.links() if href.startswith("/doc/")}
    assert {f"/doc/{r['document']}" for r in c["report_list"]} <= {h.split("#")[0] for h in doc_links}
    assert get_json(f"{clustered_site}/api/cluster/{c['cluster']}") == c


def test_web_document_bar_links_claims_reported_elsewhere(
    clustered_site: str, ingested: tuple[Path, list[dict[str, Any]]]
) -> None:
    c = next(c for c in ingested[1] if c["circular_reporting"])
    doc = c["report_list"][0]["document"]
    page = Html(get_html(f"{clustered_site}/doc/{doc}"))
    assert (f"/cluster/{c['cluster']}") in [href for href, _ in page.links()]
    assert "other document" in page.text_of("elsewhere")


def test_web_source_page_shows_the_clusters_it_originates(
    clustered_site: str, ingested: tuple[Path, list[dict[str, Any]]]
) -> None:
    c = next(c for c in ingested[1] if c["circular_reporting"])
    page = Html(get_html(f"{clustered_site}/source/{quote(c['original_source'], safe='')}"))
    assert f"/cluster/{c['cluster']}" in [href for href, _ in page.links()]
    data = get_json(f"{clustered_site}/api/source/{quote(c['original_source'], safe='')}")
    assert c["cluster"] in data["originates_clusters"]


def test_web_source_known_only_as_an_origin(clustered_site: str) -> None:
    """An outlet that no attribution names but whose own reporting is the origin of claims has a page too."""
    named = {s["source"].casefold() for s in get_json(clustered_site + "/api/sources?per_page=200")["sources"]}
    clusters = get_json(clustered_site + "/api/clusters?min_reports=1&per_page=200")["clusters"]
    origin = next(c["original_source"] for c in clusters if c["original_source"].casefold() not in named)
    page = Html(get_html(f"{clustered_site}/source/{quote(origin, safe='')}"))
    assert page.text_of("title") == origin
    assert "No attribution in this corpus names" in page.text_of("origin-only")
    assert page.find(id="originated") and not page.find(id="claims")


# ---------------------------------------------------------------------------- more pages, more requests, a store in use


def test_web_pages_through_many_documents(tmp_path: Path) -> None:
    db = tmp_path / "many.duckdb"
    with Store(db) as store:
        for i in range(30):
            text = f"Story {i:02d} about the harbour, with nothing attributed."
            store.add(Document(text=text, meta=Metadata(name=f"s{i:02d}.txt", title=f"Story {i:02d}")))
    with serving(db) as base:
        first = Html(get_html(base + "/?sort=title"))
        titles = [t for _, t in first.find("a", class_="doc-title")]
        assert titles == [f"Story {i:02d}" for i in range(25)]
        assert "1–25 of 30 · page 1 of 2" in first.text_of("documents")
        assert ("/?sort=title&page=2", "Next →") in first.links()
        second = Html(get_html(base + "/?sort=title&page=2"))
        assert [t for _, t in second.find("a", class_="doc-title")] == [f"Story {i:02d}" for i in range(25, 30)]
        assert ("/?sort=title", "← Previous") in second.links()  # page 1 needs no parameter
        found = Html(get_html(base + "/?q=HARBOUR+2"))  # every word, anywhere, any case: 02, 12, 20–29
        assert "12 matches" in found.text_of("h-documents")
        assert Html(get_html(base + "/?page=-3")).find("a", class_="doc-title")  # a bad page number is page 1


def test_web_many_requests_at_once(site: str) -> None:
    paths = ["/", "/sources", "/api/documents", f"/doc/{document_hash(PLANT)}", "/source/officials", "/api/stats"]
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda p: fetch(site + p)[0], paths * 8))
    assert statuses == [200] * len(statuses)


def test_web_sees_documents_ingested_after_the_clusters(
    tmp_path: Path, ingested: tuple[Path, list[dict[str, Any]]]
) -> None:
    """The server keeps no store open: a document added while it runs shows at once, and the overview says its
    claims are in no cluster until `sayso claims` runs again."""
    db = tmp_path / "growing.duckdb"
    shutil.copy(ingested[0], db)
    with serving(db) as base:
        before = Html(get_html(base + "/"))
        assert tile(before, "documents") == str(len(DEMO)) and not before.find(id="stale-clusters")
        with Store(db) as store:
            store.add(plant())
        after = Html(get_html(base + "/"))
        assert tile(after, "documents") == str(len(DEMO) + 1)
        with Store(db, read_only=True) as store:
            new = store.query("SELECT count(*) FROM claims WHERE cluster_id IS NULL")[0][0]
        assert new > 0
        assert f"{new} claims came in after the claims were last matched" in after.text_of("stale-clusters")
        assert get_json(base + "/api/clusters")["unclustered_claims"] == new


def test_web_store_busy_is_503_then_recovers(tmp_path: Path, handmade: Path) -> None:
    db = tmp_path / "busy.duckdb"
    shutil.copy(handmade, db)
    with serving(db) as base:
        holder = subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"import duckdb, sys, time; c = duckdb.connect({str(db)!r}); print('ready'); "
                "sys.stdout.flush(); time.sleep(60)",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
            status, _, body = fetch(base + "/")
            assert status == 503
            assert "Another process may be writing it" in Html(body.decode("utf-8")).text_of("message")
            status, _, body = fetch(base + "/api/stats")
            assert status == 503 and json.loads(body)["status"] == 503
        finally:
            holder.kill()
            holder.wait(10)
        assert fetch(base + "/")[0] == 200


# -------------------------------------------------------------------------------------------- the command


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SERVE, *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("kind", ["missing", "text", "empty", "folder", "plain-duckdb"])
def test_web_serve_refuses_what_is_not_a_store(tmp_path: Path, kind: str) -> None:
    db = tmp_path / "x.duckdb"
    if kind == "text":
        db.write_text("hello, not a database\n", encoding="utf-8")
    elif kind == "empty":
        db.write_bytes(b"")
    elif kind == "folder":
        db.mkdir()
    elif kind == "plain-duckdb":
        with duckdb.connect(str(db)) as con:
            con.execute("CREATE TABLE t (x INTEGER)")
    done = _serve("--db", str(db), "--port", "0")
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sayso: ") and str(db) in lines[0], done.stderr
    assert "Traceback" not in done.stderr


def test_web_serve_port_in_use(handmade: Path) -> None:
    with serving(handmade) as base:
        port = base.rsplit(":", 1)[1]
        done = _serve("--db", str(handmade), "--port", port)
    assert done.returncode == 1
    assert done.stderr.strip() == f"sayso: cannot listen on 127.0.0.1:{port}: the port is in use"


def test_web_serve_runs_until_interrupted(handmade: Path) -> None:
    proc = subprocess.Popen([*SERVE, "--db", str(handmade), "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        found = re.search(r"at (http://127\.0\.0\.1:\d+/) ", line)
        assert found, line
        assert get_json(found.group(1) + "api/stats")["documents"] == 3
        proc.send_signal(signal.SIGINT)
        assert proc.wait(30) == 0
        assert proc.stderr.read().strip() == "sayso: stopped"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)


def test_web_never_loads_spacy(handmade: Path) -> None:
    """The browser reads the store only: serving every kind of page leaves spaCy unimported."""
    script = (
        "import sys, json\n"
        "from pathlib import Path\n"
        "from sayso.web import Site\n"
        f"site = Site(Path({str(handmade)!r}))\n"
        "paths = ['/', '/sources', '/clusters', '/source/officials', '/api/documents', "
        f"'/doc/{document_hash(PLANT)}']\n"
        "print(json.dumps([site.handle(p).status for p in paths]), 'spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[200, 200, 200, 200, 200, 200] False"


# -------------------------------------------------------------------------------------------- in a browser


def test_web_browser_article_page(chromium: str, site: str, tmp_path: Path) -> None:
    """What a reader sees of the payload article: its script ran (the page is ready), the payload did not."""
    dom = run_chromium(chromium, tmp_path / "profile", "--dump-dom", f"{site}/doc/{document_hash(PAYLOAD)}")
    page = Html(dom)
    assert page.find("body", **{"data-ready": "true"}), dom[:500]
    assert page.find("title")[0][1] == f"{PAYLOAD_TITLE} · sayso"  # as text: the payload did not set it
    assert page.text_of("title") == PAYLOAD_TITLE  # the heading shows the markup as text
    assert ("/", "← Corpus overview") in page.links()
    assert not page.find("img") and len(page.find("script")) == 1  # the page's own script only
    assert f"<script>{PWNED}</script>" in page.text_of("article")
    sources = page.text_of("sources")
    assert PAYLOAD_SOURCE in sources and "Officials" in sources


def test_web_browser_overview(chromium: str, site: str, tmp_path: Path) -> None:
    page = Html(run_chromium(chromium, tmp_path / "profile", "--dump-dom", site + "/"))
    assert tile(page, "documents") == "3"
    assert PAYLOAD_TITLE in [t for _, t in page.find("a", class_="doc-title")]
    assert not page.find("img") and not page.find("script")


# -------------------------------------------------------------------------------------------- screenshots


def screenshots(out: Path = SCREENSHOTS) -> list[Path]:
    """Rewrites docs/screenshots/serve-overview.png and serve-document.png from the demo corpus."""
    chromium = find_chromium() or "/usr/bin/chromium"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db, listed = build_ingested(folder)
        circular = next(c for c in listed if c["circular_reporting"])
        doc = circular["report_list"][0]["document"]
        written = []
        with serving(db) as base:
            for name, path, size in [
                ("serve-overview.png", "/", (1280, 1560)),
                ("serve-document.png", f"/doc/{doc}#a1", (1280, 1000)),
            ]:
                target = out / name
                run_chromium(
                    chromium,
                    folder / "profile",
                    f"--screenshot={target}",
                    f"--window-size={size[0]},{size[1]}",
                    base + path,
                )
                written.append(target)
        return written


if __name__ == "__main__":
    for path in screenshots():
        print(f"wrote {path}")


# -------------------------------------------------------------------------------------------- types of attribution

TYPED = (
    "Officials said the bridge will reopen in May. Engineers believe the repairs will take longer. "
    "We said it would."
)


def typed() -> Document:
    t = TYPED
    return Document(
        text=t,
        meta=Metadata(name="bridge.txt", outlet="Ledger", published="2024-05-01", title="Bridge"),
        attributions=(
            Attribution("a1", at(t, "said"), at(t, "the bridge will reopen in May"), at(t, "Officials")),
            Attribution(
                "a2", at(t, "believe"), at(t, "the repairs will take longer"), at(t, "Engineers"), type="belief"
            ),
            # an unresolved "We" names no one across the corpus: no source of the sources page
            Attribution("a3", at(t, "said", 1), at(t, "it would"), at(t, "We")),
        ),
    )


def test_web_type_filter_keeps_only_those_attributions(tmp_path: Path) -> None:
    db = tmp_path / "typed.duckdb"
    with Store(db) as store:
        store.add(typed())
    with serving(db) as base:
        names = [s["source"] for s in get_json(base + "/api/sources")["sources"]]
        assert sorted(names) == ["Engineers", "Officials"]
        assert [s["source"] for s in get_json(base + "/api/sources?type=statement")["sources"]] == ["Officials"]
        assert [s["source"] for s in get_json(base + "/api/sources?type=belief,finding")["sources"]] == ["Engineers"]
        doc_hash = document_hash(TYPED)
        only = get_json(f"{base}/api/doc/{doc_hash}?type=belief")["attributions"]
        assert [(a["id"], a["type"]) for a in only] == [("a2", "belief")]
        claims = get_json(base + "/api/source/Engineers")["claim_list"]
        assert [(c["cue"], c["type"]) for c in claims] == [("believe", "belief")]
        assert get_json(base + "/api/source/Engineers?type=statement")["claim_list"] == []
        status, _, body = fetch(base + "/api/sources?type=rumour")
        assert status == 400 and b"unknown attribution type 'rumour'" in body
        status, _, _ = fetch(base + "/sources?type=rumour")
        assert status == 400
        page = get_html(base + "/sources?type=statement")
        assert 'id="type-filter"' in page
        assert 'href="/sources?type=statement" aria-current="page"' in page
        assert "Engineers" not in page.split('id="originals"')[0]
        assert "3 claims ·" in get_html(f"{base}/doc/{doc_hash}")
        article = get_html(f"{base}/doc/{doc_hash}?type=statement")
        assert "2 claims ·" in article and 'id="type-filter"' in article
