"""An HTML page -> its article's main text and metadata.

trafilatura finds the main text (leaving out menus, footers, related links) and the title, date, address and
site name. Where it is not importable, or fails on the markup, a plain reader over the standard library's
html.parser gives best-effort text instead.
"""

from __future__ import annotations

import functools
from html.parser import HTMLParser
from typing import Any

from sayso.errors import InputError
from sayso.read.record import Record, make_meta

NO_TEXT = "no article text found in this HTML"


def read_html(html: str, name: str, shown: str | None = None) -> Record:
    """The article in `html` as a Record named `name`, paragraphs one to a line; an InputError named `shown`
    (default `name`) when there is no text."""
    found = _with_trafilatura(html) if _trafilatura_available() else None
    if found is None:
        found = extract_plain(html)
    text, fields = found
    if not text:
        raise InputError(shown or name, NO_TEXT)
    return Record(text, make_meta(name, fields))


@functools.cache
def _trafilatura_available() -> bool:
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        return False
    return True


def _with_trafilatura(html: str) -> tuple[str, dict[str, str | None]] | None:
    """trafilatura's reading, or None when it raised (the plain reader then has a go)."""
    import trafilatura
    from trafilatura.settings import Document

    try:
        found = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            # Only dates the page states as its own: a wider search takes any date in the text or the footer.
            date_extraction_params={"original_date": True, "extensive_search": False},
        )
    except Exception:  # lxml and trafilatura can fail on pathological markup: fall back to the plain reader
        return None
    if not isinstance(found, Document):
        return "", {}
    fields = {"title": found.title, "published": found.date, "url": found.url, "outlet": found.sitename}
    return _paragraphs(found.text or ""), {k: _clean(v) for k, v in fields.items()}


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _paragraphs(text: str) -> str:
    """One paragraph to a line, spaces inside each collapsed, no blank lines."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


# The plain reader: text inside these is left out ...
_SKIP = frozenset(
    "script style noscript template nav header footer aside form svg iframe button select textarea".split()
)
# ... and these end a paragraph.
_BLOCK = frozenset(
    "p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 article section main blockquote pre figure figcaption "
    "table tr td th hr address".split()
)
_VOID = frozenset("br hr img meta link input area base col embed source track wbr".split())
_META_NAMES = {
    "og:title": "title",
    "og:site_name": "outlet",
    "og:url": "url",
    "article:published_time": "published",
    "datepublished": "published",
    "date": "published",
    "pubdate": "published",
    "publishdate": "published",
    "dc.date": "published",
    "dc.date.issued": "published",
}


class _PlainReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping = 0
        self.in_title = False
        self.article_depth = 0
        self.title: list[str] = []
        self.current: list[str] = []
        self.paragraphs: list[tuple[bool, str]] = []  # (inside <article>, text)
        self.fields: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = _META_NAMES.get((attr.get("property") or attr.get("name") or attr.get("itemprop") or "").lower())
            if key and attr.get("content") and not self.fields.get(key):
                self.fields[key] = attr["content"]
        elif tag == "link" and attr.get("rel", "").lower() == "canonical" and attr.get("href"):
            self.fields.setdefault("url", attr["href"])
        if tag in _VOID:
            if tag in _BLOCK:
                self._flush()
            return
        if tag in _SKIP:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCK:
            self._flush()
        if tag == "article":
            self.article_depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK:
            self._flush()
        if tag == "article":
            self._flush()
            self.article_depth = max(0, self.article_depth - 1)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.skipping:
            self.current.append(data)

    def _flush(self) -> None:
        paragraph = " ".join("".join(self.current).split())
        if paragraph:
            self.paragraphs.append((self.article_depth > 0, paragraph))
        self.current = []


def extract_plain(html: str) -> tuple[str, dict[str, str | None]]:
    """Best-effort text and metadata with the standard library alone: the <article> paragraphs if there are any,
    else every paragraph outside scripts, menus, headers and footers."""
    reader = _PlainReader()
    try:
        reader.feed(html)
        reader.close()
    except (AssertionError, ValueError):  # html.parser gives up on a few malformed constructs; keep what it read
        pass
    reader._flush()
    in_article = [p for inside, p in reader.paragraphs if inside]
    text = "\n".join(in_article or [p for _, p in reader.paragraphs])
    fields = dict(reader.fields)
    fields.setdefault("title", " ".join("".join(reader.title).split()) or None)
    return text, {k: _clean(v) for k, v in fields.items()}
