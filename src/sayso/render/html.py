"""A Document as one self-contained HTML page: the article with sources, cues and contents highlighted, and a
sources panel beside it.

The page has no external resources. Every piece of text from the document reaches the page through Jinja2
autoescaping; the page's own script is allowed by hash in a Content-Security-Policy, so even markup that slipped
through could not run a script. Links are made only from http(s) URLs.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from sayso.model import Document
from sayso.render.segments import Block, blocks, segments
from sayso.render.view import Entry, Overview, SourceGroup, clean, overview, plural, shows_canonical, truncate

TEMPLATES = Path(__file__).with_name("templates")
CARD_CONTENT = 240  # characters of content shown in a tooltip
LIST_CONTENT = 90  # characters of content shown in the sources panel


@dataclass(frozen=True)
class Ref:
    """A mention of an attribution by id, with its key when the id names an attribution of the document."""

    id: str
    key: str | None


@dataclass(frozen=True)
class Card:
    """One attribution's details: the tooltip, the selection panel and the accessible description."""

    key: str
    id: str
    source: str | None
    canonical: str | None  # only when it says more than the source mention
    cue: str
    content: str
    short: str
    quote: str
    certainty: str
    act: str
    type: str
    kind: str
    parent: Ref | None
    children: tuple[Ref, ...]
    denies: tuple[Ref, ...]
    denied_by: tuple[Ref, ...]
    rests_on: str | None

    @property
    def keys(self) -> dict[str, str]:
        """Related entry keys for the page script, as space-separated lists."""

        def join(refs: tuple[Ref, ...]) -> str:
            return " ".join(r.key for r in refs if r.key)

        return {
            "parent": self.parent.key or "" if self.parent else "",
            "children": join(self.children),
            "denies": join(self.denies),
            "deniedby": join(self.denied_by),
        }


@dataclass(frozen=True)
class Group:
    """A source in the sources panel."""

    source: SourceGroup
    cards: tuple[Card, ...]

    @property
    def show_mentions(self) -> bool:
        """Whether the mentions say more than the name ("as NYT, the report")."""
        return [m.casefold() for m in self.source.mentions] not in ([], [self.source.name.casefold()])


def summary(ov: Overview) -> str:
    """'14 claims · 3 independent sources · 1 denial', and how many claims name no source when some do not."""
    parts = [
        plural(len(ov.entries), "claim"),
        plural(len(ov.independent), "independent source"),
        plural(len(ov.doc.denials), "denial"),
    ]
    if ov.unsourced:
        parts.append(f"{ov.unsourced} with no named source")
    return " · ".join(parts)


def _ref(ov: Overview, id_: str) -> Ref:
    return Ref(id_, ov.key_of(id_))


def _card(ov: Overview, e: Entry) -> Card:
    a = e.attribution
    return Card(
        key=e.key,
        id=e.id,
        source=clean(a.source.text) if a.source else None,
        canonical=e.canonical if shows_canonical(a) else None,
        cue=clean(a.cue.text),
        content=truncate(a.content.text, CARD_CONTENT),
        short=truncate(a.content.text, LIST_CONTENT),
        quote=a.quote,
        certainty=a.certainty,
        act=a.act,
        type=a.type,
        kind=a.source_kind.replace("_", " "),
        parent=_ref(ov, e.parent) if e.parent else None,
        children=tuple(_ref(ov, c) for c in e.children),
        denies=tuple(_ref(ov, t) for t in e.denies),
        denied_by=tuple(_ref(ov, b) for b in e.denied_by),
        rests_on=e.rests_on if e.rests_on != e.canonical else None,
    )


def _url(url: str | None) -> str | None:
    """The URL when it is http(s), else None: `javascript:` and other schemes never become links."""
    if not url:
        return None
    url = url.strip()
    return url if url.lower().startswith(("http://", "https://")) and not any(c.isspace() for c in url) else None


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )


def page_blocks(doc: Document) -> list[Block]:
    """The article text as paragraphs of highlighted segments, exactly as the page shows it."""
    out: list[Block] = blocks(segments(overview(doc)))
    return out


def render_html(doc: Document) -> str:
    """The analysis of `doc` as one self-contained HTML page (inline CSS and script, nothing loaded from elsewhere)."""
    ov = overview(doc)
    cards = {e.key: _card(ov, e) for e in ov.entries}
    by_id = {e.id: e.key for e in reversed(ov.entries)}
    groups = [Group(g, tuple(cards[by_id[c]] for c in g.claims)) for g in ov.groups]
    script = _asset("page.js")
    meta = doc.meta
    dates = {i: f"{clean(d.text)} → {clean(d.value) if d.value else 'unresolved'}" for i, d in enumerate(doc.dates)}
    return (
        _environment()
        .get_template("page.html.j2")
        .render(
            title=clean(meta.title or "") or clean(meta.name) or "Untitled text",
            name=clean(meta.name) if meta.title and meta.name != "-" else None,  # the heading when there is no title
            published=clean(meta.published or "") or None,
            outlet=clean(meta.outlet or "") or None,
            url=_url(meta.url),
            summary=summary(ov),
            independent=ov.independent,
            blocks=blocks(segments(ov)),
            cards=list(cards.values()),
            groups=groups,
            denials=[(_ref(ov, d.by), [_ref(ov, t) for t in d.targets]) for d in doc.denials],
            denier={d.by: (e.canonical if (e := ov.entry(d.by)) else None) for d in doc.denials},
            originals=[(clean(o.name), [_ref(ov, c) for c in o.claims], clean(o.note)) for o in doc.original_sources],
            hypotheses=[(_ref(ov, h.from_id), clean(h.text)) for h in doc.hypotheses],
            dates=[(clean(d.text), clean(d.value or ""), clean(d.needs or "")) for d in doc.dates],
            date_titles=dates,
            warnings=[clean(w) for w in doc.warnings],
            empty=not ov.entries,
            has_text=bool(doc.text.strip()),
            style=Markup(_asset("page.css")),
            script=Markup(script),
            csp=_csp(script),
        )
    )
