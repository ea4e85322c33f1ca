"""Rendering: the terminal report and the HTML page, from Documents built by hand (no parse, no spaCy model)."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from sayso.model import Attribution, DateMention, Denial, Document, Hypothesis, Metadata, OriginalSource, Span
from sayso.render import render_html, render_terminal, terminal_text
from sayso.render.html import page_blocks
from sayso.render.segments import segments
from sayso.render.view import overview

EXAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "examples"
SCRIPT = (Path(__file__).resolve().parents[1] / "src" / "sayso" / "render" / "templates" / "page.js").read_text(
    encoding="utf-8"
)


# ---------------------------------------------------------------- documents


def at(text: str, part: str, after: int = 0) -> Span:
    """The span of the first `part` in `text` at or after `after`."""
    start = text.index(part, after)
    return Span.of(text, start, start + len(part))


NESTED_TEXT = (
    "The Times reported on Friday that officials had concluded the unit paid bounties.\n\n"
    "Russia denied the report. “It is a lie,” the embassy said, “and a provocation.”\n"
    "Nobody commented on the weather."
)


def nested_doc() -> Document:
    """Nesting (a2 inside a1), denials (a3, a4), a discontinuous quote (a4) and a date, by hand."""
    t = NESTED_TEXT
    lie = t.index("It is a lie,")
    provocation = t.index("and a provocation.")
    return Document(
        text=t,
        meta=Metadata(name="nested.txt", published="2020-06-27", title="Bounties, denied"),
        attributions=(
            Attribution(
                "a1",
                cue=at(t, "reported"),
                content=at(t, "officials had concluded the unit paid bounties"),
                source=at(t, "The Times"),
                source_kind="organization",
                source_refers_to="The New York Times",
            ),
            Attribution(
                "a2",
                cue=at(t, "had concluded"),
                content=at(t, "the unit paid bounties"),
                source=at(t, "officials"),
                source_kind="anonymous_officials",
                certainty="probable",
                act="assessment",
                nested_in="a1",
            ),
            Attribution(
                "a3",
                cue=at(t, "denied"),
                content=at(t, "the report"),
                source=at(t, "Russia"),
                source_kind="government",
                act="denial",
            ),
            Attribution(
                "a4",
                cue=at(t, "said"),
                content=Span.joined(t, [(lie, lie + 12), (provocation, provocation + 18)]),
                source=at(t, "the embassy"),
                source_kind="government",
                quote="direct",
                act="denial",
                source_refers_to="Russian Embassy",
            ),
        ),
        denials=(Denial("a3", ("a1", "a2")), Denial("a4", ("a1",))),
        original_sources=(OriginalSource("The New York Times", ("a1", "a2"), "one outlet re-reported"),),
        hypotheses=(Hypothesis("a2", "the unit wanted revenge"),),
        dates=(DateMention("on Friday", t.index("on Friday"), t.index("on Friday") + 9, "2020-06-26", "publication"),),
        warnings=("one sentence could not be parsed",),
    )


PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "<script>document.title='pwned'</script>",
    "<svg onload=alert(1)>",
    "</textarea></style></script><b onmouseover=alert(1)>",
)


def payload_doc() -> Document:
    """Hostile markup everywhere a document carries text: article, spans, ids, names, metadata."""
    t = (
        f"Officials said {PAYLOADS[0]} was found.\n"
        f'A spokesman told reporters "{PAYLOADS[1]} and {PAYLOADS[2]}".\n'
        f"{PAYLOADS[3]} {PAYLOADS[4]} {PAYLOADS[5]} [bold]markup[/bold] \x1b[31mred\x1b[0m"
    )
    evil_id = 'a1"><script>alert(1)</script>'
    return Document(
        text=t,
        meta=Metadata(name=PAYLOADS[1], title=PAYLOADS[0] + PAYLOADS[1], url=PAYLOADS[2], outlet=PAYLOADS[4]),
        attributions=(
            Attribution(
                evil_id,
                cue=at(t, "said"),
                content=at(t, PAYLOADS[0] + " was found"),
                source=at(t, "Officials"),
                source_refers_to=PAYLOADS[1],
            ),
            Attribution(
                "a2",
                cue=at(t, "told reporters"),
                content=at(t, f"{PAYLOADS[1]} and {PAYLOADS[2]}"),
                source=at(t, "A spokesman"),
                quote="direct",
                nested_in=evil_id,
            ),
        ),
        denials=(Denial("a2", (evil_id,)),),
        original_sources=(OriginalSource(PAYLOADS[0], (evil_id,), PAYLOADS[5]),),
        hypotheses=(Hypothesis(evil_id, PAYLOADS[4]),),
        warnings=(PAYLOADS[3],),
    )


def bounties_doc() -> Document:
    """The shared gold analysis of the example article, its text added (skips where ../shared is absent)."""
    gold, text = EXAMPLES / "bounties.gold.json", EXAMPLES / "bounties.txt"
    if not (gold.exists() and text.exists()):
        pytest.skip(f"{EXAMPLES} is absent: the shared example gold is not on this machine")
    data: dict[str, Any] = json.loads(gold.read_text(encoding="utf-8"))
    data["text"] = text.read_text(encoding="utf-8")
    if data.get("original_source") and not data.get("original_sources"):  # the gold file uses the singular key
        data["original_sources"] = [data["original_source"]]
    data.setdefault("metadata", {})["published"] = "2020-06-27"
    return Document.from_json(data)


# ---------------------------------------------------------------- HTML helpers


class Page(HTMLParser):
    """Every element with its attributes, each script's text, and the text inside #article."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "area", "base", "col", "embed", "source", "wbr"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.article: list[str] = []
        self._in_script = False
        self._article_depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")
        if self._article_depth and tag not in self.VOID:
            self._article_depth += 1
        elif attributes.get("id") == "article":
            self._article_depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        if self._article_depth and tag not in self.VOID:
            self._article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        if self._article_depth:
            self.article.append(data)

    def all(self, tag: str | None = None, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.elements
            if (tag is None or t == tag)
            and all((a.get(k.rstrip("_").replace("_", "-")) or "") == v for k, v in attrs.items())
        ]

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.elements if name in (a.get("class") or "").split()]

    @property
    def article_text(self) -> str:
        return "".join(self.article)


def keys(page: Page, cls: str, attr: str) -> set[str]:
    """The attribution keys that have at least one highlighted piece of class `cls` in the article."""
    return {k for a in page.with_class(cls) if a.get(attr) for k in (a.get(attr) or "").split()}


# ---------------------------------------------------------------- terminal


def flat(text: str) -> str:
    return " ".join(text.split())


def test_render_terminal_lists_each_attribution_source_cue_content() -> None:
    doc = bounties_doc()
    out = flat(terminal_text(doc))
    for a in doc.attributions:
        source = a.source.text if a.source else "(unspecified)"
        if a.source_refers_to and a.source_refers_to.casefold() != source.casefold():
            source += f" [{a.source_refers_to}]"
        content = flat(a.content.text)[:25]
        assert f"{a.id} {source} → {flat(a.cue.text)} → " in out
        assert f"→ {flat(a.cue.text)} → {'“' if a.quote == 'direct' else ''}{content}" in out
        assert f"{a.certainty} · {a.act}" in out


def test_render_terminal_header_and_summary() -> None:
    out = terminal_text(bounties_doc())
    lines = out.splitlines()
    assert lines[0] == "bounties.txt"
    assert lines[1] == "published 2020-06-27"
    assert lines[2].startswith("15 attributions · 6 sources · 2 denials · 3 independent sources")
    assert "2 without a named source" in lines[2]


def test_render_terminal_nesting_is_indented_and_named() -> None:
    out = terminal_text(bounties_doc())
    lines = out.splitlines()
    a1 = next(line for line in lines if line.startswith("a1 "))
    a2 = next(line for line in lines if line.lstrip().startswith("a2 "))
    assert lines.index(a2) > lines.index(a1)
    assert len(a2) - len(a2.lstrip()) > len(a1) - len(a1.lstrip())
    assert "⤷ inside a1" in flat(out)


def test_render_terminal_denials_originals_hypotheses_dates() -> None:
    out = terminal_text(bounties_doc())
    assert "a12 (Russia) denies a1, a2, a3, a4, a5" in out
    assert "a13 (Russian Embassy) denies a1, a2" in out
    assert "The New York Times: 9 claims a1, a2, a3, a4, a5, a8, a9, a10, a11" in flat(out)
    assert "a8: revenge on NATO forces for the 2018 battle in Syria" in out
    assert "as early as March → 2020-03 (needs publication date 2020-06-27)" in out
    assert "denied by a12, a13" in flat(out)


def test_render_terminal_handmade_document() -> None:
    out = terminal_text(nested_doc())
    text = flat(out)
    assert out.splitlines()[0] == "nested.txt — Bounties, denied"
    assert "a1 The Times [The New York Times] → reported → officials had concluded the unit paid bounties" in text
    assert "a2 officials → had concluded → the unit paid bounties" in text
    assert "a4 the embassy [Russian Embassy] → said → “It is a lie, and a provocation.”" in text
    assert "a3 (Russia) denies a1, a2" in out
    assert "! one sentence could not be parsed" in out
    assert "on Friday → 2020-06-26 (needs publication)" in out


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_render_terminal_respects_width_and_truncates_long_content(width: int) -> None:
    t = "Officials said " + " ".join(f"word{i}" for i in range(300)) + "."
    doc = Document(t, attributions=(Attribution("a1", at(t, "said"), at(t, "word0 word1"), at(t, "Officials")),))
    long = Document(
        t,
        attributions=(Attribution("a1", at(t, "said"), Span.of(t, t.index("word0"), len(t) - 1), at(t, "Officials")),),
    )
    assert all(len(line) <= width for line in terminal_text(doc, width=width).splitlines())
    out = terminal_text(long, width=width)
    assert all(len(line) <= width for line in out.splitlines())
    assert "…" in out and "word299" not in out


def test_render_terminal_shows_markup_and_escapes_as_text() -> None:
    t = "[red]Officials[/red] said the \x1b[31mred\x1b[0m [bold]markup[/bold] :smile: \u202egnirts\u202c is text."
    doc = Document(
        t, attributions=(Attribution("a1", at(t, "said"), at(t, "the \x1b[31m"), at(t, "[red]Officials[/red]")),)
    )
    doc = Document(
        t,
        attributions=(
            Attribution("a1", at(t, "said"), Span.of(t, t.index("the"), len(t) - 1), doc.attributions[0].source),
        ),
    )
    out = terminal_text(doc)
    assert "a1 [red]Officials[/red] → said → the [31mred[0m [bold]markup[/bold] :smile: gnirts is text" in flat(out)
    assert "\x1b" not in out and "\u202e" not in out
    coloured = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", record=True, width=100)
    render_terminal(doc, coloured)
    assert "[bold]markup[/bold]" in coloured.export_text(styles=True)
    assert "\x1b[31mred" not in coloured.export_text(styles=True)  # the article's own escape never reaches the terminal
    hostile = flat(terminal_text(payload_doc()))
    assert 'A spokesman → told reporters → "><img src=x onerror=alert(1)> and javascript:alert(1)' in hostile
    assert '⤷ inside a1"><script>alert(1)</script>' in hostile


def test_render_terminal_prints_in_colour_to_a_console() -> None:
    console = Console(file=io.StringIO(), width=100, force_terminal=True, color_system="truecolor", record=True)
    render_terminal(nested_doc(), console)
    coloured = console.export_text(styles=True, clear=False)
    plain = console.export_text(styles=False)
    assert "\x1b[" in coloured
    assert flat(plain) == flat(terminal_text(nested_doc()))


def test_render_terminal_no_attributions() -> None:
    out = terminal_text(Document("Nothing is attributed here.", meta=Metadata(name="empty.txt")))
    assert "0 attributions · 0 sources · 0 denials" in out
    assert "No attributions found." in out


def test_render_terminal_unspecified_source() -> None:
    t = "The unit is believed to be elite."
    doc = Document(t, attributions=(Attribution("a1", at(t, "is believed"), at(t, "to be elite"), None),))
    assert "a1 (unspecified) → is believed → to be elite" in flat(terminal_text(doc))


# ---------------------------------------------------------------- HTML


def test_render_html_is_self_contained() -> None:
    html = render_html(nested_doc())
    page = Page(html)
    assert html.startswith("<!DOCTYPE html>")
    assert not page.all("link") and not page.all("img") and not page.all("iframe")
    assert all(not (a.get("src") or a.get("href") or "").strip() for _, a in page.elements if _ != "a")
    assert not re.search(r"(?:https?:)?//[\w.-]+\.\w", html.split("<body>")[0])  # nothing fetched in <head>
    assert [s.strip() for s in page.scripts] == [SCRIPT.strip()]


@pytest.mark.parametrize("make", [nested_doc, payload_doc, bounties_doc], ids=["nested", "payload", "bounties"])
def test_render_html_segments_reconstruct_the_text(make: Any) -> None:
    doc: Document = make()
    page = Page(render_html(doc))
    assert page.article_text == doc.text
    segs = segments(overview(doc))
    assert "".join(s.text for s in segs) == doc.text
    assert all(s.start < s.end for s in segs)
    assert "".join(b.text for b in page_blocks(doc)) == doc.text


def test_render_html_escapes_payloads() -> None:
    doc = payload_doc()
    html = render_html(doc)
    page = Page(html)
    assert len(page.all("script")) == 1 and page.all("script")[0] == {}
    assert [s.strip() for s in page.scripts] == [SCRIPT.strip()]
    assert not page.all("img") and not page.all("svg") and not page.all("textarea")
    assert all(a == {"class": "c-src"} for a in page.all("b"))  # only the page's own bold source names
    for tag, attrs in page.elements:
        assert not [k for k in attrs if k.startswith("on")], (tag, attrs)
        for value in attrs.values():
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, attrs)
    assert not page.all("a")  # a javascript: URL never becomes a link
    assert page.article_text == doc.text  # the payloads are shown, as text
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    title = next(a for t, a in page.elements if t == "title")
    assert title == {}
    csp = page.all("meta", http_equiv="Content-Security-Policy")
    assert len(csp) == 1 and "script-src 'sha256-" in (csp[0]["content"] or "")
    assert "'unsafe-inline'" not in (csp[0]["content"] or "").split("script-src")[1]


def test_render_html_summary_sources_and_counts() -> None:
    page = Page(render_html(bounties_doc()))
    html = render_html(bounties_doc())
    assert (
        '<p class="summary" id="summary">15 claims · 3 independent sources · 2 denials · 2 with no named source</p>'
        in html
    )
    names = re.findall(r'<span class="name">([^<]*)</span>', html)
    assert names[:3] == ["The New York Times", "Russian Embassy", "Russia"]
    assert set(names) == {
        "The New York Times",
        "Russian Embassy",
        "Russia",
        "US intelligence officials",
        "Some officials",
        "Officials",
        "(unspecified)",
    }
    assert len(keys(page, "src", "data-s")) == 13  # a6 and a7 name no source
    assert len(keys(page, "cue", "data-c")) == 15
    assert len(keys(page, "con", "data-t")) == 15
    assert len(page.all("button", class_="claim")) == 15
    assert "not independent: via The New York Times" in html


def test_render_html_every_attribution_has_a_focusable_handle_with_certainty_and_act() -> None:
    doc = bounties_doc()
    html = render_html(doc)
    page = Page(html)
    handles = [a for a in page.with_class("handle")]
    assert len(handles) == len(doc.attributions)
    cards = {a["data-id"]: a for a in page.with_class("card")}
    for h in handles:
        assert h["tabindex"] == "0" and h["role"] == "button"
        card_id = h["aria-describedby"]
        card = next(a for a in page.with_class("card") if a.get("id") == card_id)
        att = doc.attribution(card["data-id"] or "")
        assert att is not None
        block = html[html.index(f'id="{card_id}"') :].split("</div>")[0]
        assert f"certainty: {att.certainty}" in block and f"act: {att.act}" in block
    # links the page script follows: a2 sits inside a1, a12 denies a1…a5
    key = {i: c["data-k"] for i, c in cards.items()}
    assert cards["a2"]["data-parent"] == key["a1"]
    assert (cards["a12"]["data-denies"] or "").split() == [key[i] for i in ("a1", "a2", "a3", "a4", "a5")]
    assert (cards["a1"]["data-deniedby"] or "").split() == [key["a12"], key["a13"]]


def test_render_html_overlapping_and_discontinuous_spans() -> None:
    doc = nested_doc()
    ov = overview(doc)
    key = {e.id: e.key for e in ov.entries}
    segs = segments(ov)
    # each piece of text is marked for exactly the roles whose spans cover it
    for s in segs:
        for a in doc.attributions:
            for span, got in ((a.source, s.sources), (a.cue, s.cues), (a.content, s.contents)):
                inside = span is not None and any(p <= s.start and s.end <= q for p, q in span.pieces)
                assert (key[a.id] in got) == inside, (s, a.id)
    said = next(s for s in segs if s.text == "said")
    assert said.cues == (key["a4"],) and not said.contents  # between the two parts of the quote
    quoted = [s for s in segs if key["a4"] in s.contents]
    assert [s.text for s in quoted] == ["It is a lie,", "and a provocation."]
    officials = next(s for s in segs if s.text == "officials")
    assert officials.contents == (key["a1"],) and officials.sources == (key["a2"],)
    inner = next(s for s in segs if s.text == "the unit paid bounties")
    assert set(inner.contents) == {key["a1"], key["a2"]} and "con-2" in inner.classes
    assert inner.primary == key["a2"]
    html = render_html(doc)
    assert '<span class="date" title="on Friday → 2020-06-26">on Friday</span>' in html


def test_render_html_paragraphs() -> None:
    doc = nested_doc()
    html = render_html(doc)
    article = html[html.index('id="article"') : html.index("</section>")]
    assert article.count("<p>") == 3  # three paragraphs: one blank line and one line break between them
    assert "</p>\n\n<p>" in article and "</p>\n<p>" in article


def test_render_html_no_attributions() -> None:
    doc = Document("Nothing is attributed here.\nNot even this.", meta=Metadata(name="empty.txt"))
    html = render_html(doc)
    page = Page(html)
    assert "No attributions found." in html
    assert "0 claims · 0 independent sources · 0 denials" in html
    assert page.article_text == doc.text
    assert not page.with_class("seg")
    assert "No attributions found" in render_html(Document(""))


def test_render_html_survives_bad_offsets() -> None:
    t = "Officials said it happened."
    doc = Document(
        t,
        attributions=(
            Attribution("a1", Span("said", 10, 14), Span("it happened", 15, 400), Span("Officials", -5, 9)),
            Attribution("a2", Span("x", 20, 10), Span("y", 500, 600), None, nested_in="a2"),
            Attribution("a3", Span("z", 0, 0), Span("it", 15, 17), None, nested_in="nope"),
        ),
        denials=(Denial("a9", ("a1", "a404")),),
        dates=(DateMention("Friday", 0, 0, "2020-06-26"),),
    )
    page = Page(render_html(doc))
    assert page.article_text == t
    assert "a9" in terminal_text(doc) and "a404" in terminal_text(doc)


def test_render_html_metadata_url_only_http() -> None:
    doc = Document("x", meta=Metadata(name="n", title="T", url="https://example.org/a?b=1&c=2", outlet="Outlet"))
    page = Page(render_html(doc))
    links = page.all("a")
    assert [a["href"] for a in links] == ["https://example.org/a?b=1&c=2"]
    assert links[0]["rel"] == "noopener noreferrer nofollow"


def test_render_does_not_import_spacy() -> None:
    code = (
        "import sys; sys.modules['spacy'] = None\n"  # any import of spaCy now raises ImportError
        "from sayso.model import Document\n"
        "from sayso.render import render_html, terminal_text\n"
        "doc = Document('Officials said so.')\n"
        "assert 'No attributions found' in render_html(doc) and terminal_text(doc)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('spacy', 'thinc'))))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['spacy']"  # only the blocker itself
