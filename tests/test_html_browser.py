"""The HTML page in a real browser: headless Chromium runs the page's script, and we check what a reader sees.

Needs the Debian package `chromium` (scripts/setup-browser.sh installs it). Without it these tests fail in CI
(CI=true) and skip elsewhere. `python tests/test_html_browser.py` rewrites docs/screenshots/bounties.png.
"""

from __future__ import annotations

import json
import os
import shutil
import struct
import sys
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from browser import find_chromium, run_chromium

from sayso.model import Attribution, Denial, Document, Metadata, OriginalSource, Span
from sayso.render import render_html

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT.parent / "shared" / "examples"
TITLE = "Bounties, denied"
# the highlight backgrounds of page.css: source, cue, content
SOURCE_BG, CUE_BG, CONTENT_BG = (0xD8, 0xE9, 0xFA), (0xFD, 0xE2, 0xCD), (0xFF, 0xF3, 0xC4)


def at(text: str, part: str) -> Span:
    start = text.index(part)
    return Span.of(text, start, start + len(part))


def handmade() -> Document:
    """Three attributions (one nested, one denying both), plus markup that would change the title if it ran."""
    t = (
        "The Times reported that officials had concluded the unit paid bounties.\n\n"
        "Russia denied the report. <script>document.title='pwned'</script>"
        "<img src=x onerror=\"document.title='pwned'\"> javascript:document.title='pwned'"
    )
    return Document(
        text=t,
        meta=Metadata(name="handmade.txt", title=TITLE, published="2020-06-27"),
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
        ),
        denials=(Denial("a3", ("a1", "a2")),),
        original_sources=(OriginalSource("The New York Times", ("a1", "a2")),),
    )


def bounties() -> Document:
    data: dict[str, Any] = json.loads((EXAMPLES / "bounties.gold.json").read_text(encoding="utf-8"))
    data["text"] = (EXAMPLES / "bounties.txt").read_text(encoding="utf-8")
    if data.get("original_source") and not data.get("original_sources"):  # the gold file uses the singular key
        data["original_sources"] = [data["original_source"]]
    data.setdefault("metadata", {})["published"] = "2020-06-27"
    return Document.from_json(data)


# ---------------------------------------------------------------- the browser


def dump_dom(chromium: str, page: Path, tmp: Path, fragment: str = "") -> str:
    """The DOM after the page's script ran, as Chromium serialises it."""
    return run_chromium(chromium, tmp / "dom-profile", "--dump-dom", page.as_uri() + fragment)


def screenshot(chromium: str, page: Path, out: Path, tmp: Path, size: tuple[int, int] = (1280, 1400)) -> Path:
    size_flag = f"--window-size={size[0]},{size[1]}"
    run_chromium(chromium, tmp / "shot-profile", f"--screenshot={out}", size_flag, page.as_uri())
    return out


# ---------------------------------------------------------------- reading what the browser produced


class Dom(HTMLParser):
    """Elements with attributes and the text each one holds (text of descendants included)."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr", "area", "base", "col", "embed", "source", "wbr"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str], list[str]]] = []
        self._open: list[list[str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text: list[str] = []
        self.elements.append((tag, {k: v or "" for k, v in attrs}, text))
        if tag not in self.VOID:
            self._open.append(text)

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for text in self._open:
            text.append(data)

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[tuple[dict[str, str], str]]:
        return [
            (a, "".join(t))
            for g, a, t in self.elements
            if (tag is None or g == tag)
            and (cls is None or set(cls.split()) <= set(a.get("class", "").split()))
            and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


def keys(dom: Dom, cls: str, attr: str) -> set[str]:
    return {k for a, _ in dom.find(cls=cls) for k in a.get(attr, "").split()}


def pixels(png: Path) -> Iterator[tuple[int, int, int]]:
    """The RGB pixels of an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes)."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = depth = colour = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and colour in (2, 6), (depth, colour)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    for y in range(height):
        row_start = y * (stride + 1)
        kind, line = raw[row_start], bytearray(raw[row_start + 1 : row_start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                guess = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                line[i] = (line[i] + guess) & 0xFF
        for x in range(0, stride, channels):
            yield line[x], line[x + 1], line[x + 2]
        previous = line


def png_size(png: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", png.read_bytes()[16:24])
    return width, height


def near(pixel: tuple[int, int, int], colour: tuple[int, int, int], tolerance: int = 3) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(pixel, colour, strict=True))


# ---------------------------------------------------------------- tests


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("page") / "handmade.html"
    path.write_text(render_html(handmade()), encoding="utf-8")
    return path


def test_html_browser_shows_summary_highlights_and_sources(chromium: str, page: Path, tmp_path: Path) -> None:
    dom = Dom(dump_dom(chromium, page, tmp_path))
    [(body, _)] = dom.find("body")
    assert body.get("data-ready") == "true"  # the page's own script ran (its CSP hash is right)
    [(_, summary)] = dom.find(id="summary")
    assert summary == "3 claims · 2 independent sources · 1 denial"
    assert (
        keys(dom, "seg src", "data-s")
        == keys(dom, "seg cue", "data-c")
        == keys(dom, "seg con", "data-t")
        == {"k0", "k1", "k2"}
    )
    assert [t for _, t in dom.find("span", cls="seg src")] == ["The Times", "officials", "Russia"]
    assert [t for _, t in dom.find("span", cls="seg cue")] == ["reported", "had concluded", "denied"]
    assert len(dom.find("span", cls="handle")) == 3
    assert all(a.get("tabindex") == "0" for a, _ in dom.find("span", cls="handle"))
    names = [t for _, t in dom.find("span", cls="name")]
    assert names == ["The New York Times", "Russia", "officials"]
    entries = [" ".join(t.split()) for _, t in dom.find("li", cls="source")]
    assert entries[0].startswith("The New York Times organization as The Times independent source · 1 claim")
    assert "not independent: via The New York Times" in entries[2]


def test_html_browser_payload_not_executed(chromium: str, page: Path, tmp_path: Path) -> None:
    html = dump_dom(chromium, page, tmp_path)
    dom = Dom(html)
    [(_, title)] = dom.find("title")
    assert title == f"{TITLE} · sayso"
    assert "pwned" not in title
    assert not dom.find("img")
    assert len(dom.find("script")) == 1
    [(_, article)] = dom.find(id="article")
    assert article == handmade().text  # shown as text, every character of it


def test_html_browser_selection_shows_links_and_details(chromium: str, page: Path, tmp_path: Path) -> None:
    """Selecting a2 (here through the URL fragment, as a click or Tab would) marks it, its parent and its denier."""
    dom = Dom(dump_dom(chromium, page, tmp_path, "#a2"))
    [(body, _)] = dom.find("body")
    assert body.get("data-selected") == "a2"
    selected = {t for _, t in dom.find("span", cls="sel")}
    assert {"officials", "had concluded", "the unit paid bounties"} <= selected
    assert "The Times" not in selected
    assert {t for _, t in dom.find("span", cls="rel-parent")} >= {"The Times", "reported"}
    assert {t for _, t in dom.find("span", cls="rel-deniedby")} == {"Russia", "denied", "the report"}
    [(_, box)] = dom.find(id="selection")
    box = " ".join(box.split())
    assert "a2 officials → had concluded" in box
    assert "certainty: probable" in box and "act: assessment" in box
    assert "inside a1" in box and "denied by a3" in box
    pressed = [a for a, _ in dom.find(aria_pressed="true")]
    assert {a.get("data-h") or a.get("data-k") for a in pressed} == {"k1"}


def test_html_browser_screenshot_shows_the_highlights(chromium: str, page: Path, tmp_path: Path) -> None:
    shot = screenshot(chromium, page, tmp_path / "handmade.png", tmp_path, size=(1200, 900))
    assert png_size(shot) == (1200, 900)
    counts = {"source": 0, "cue": 0, "content": 0}
    distinct: set[tuple[int, int, int]] = set()
    for px in pixels(shot):
        distinct.add(px)
        for name, colour in (("source", SOURCE_BG), ("cue", CUE_BG), ("content", CONTENT_BG)):
            counts[name] += near(px, colour)
    assert len(distinct) > 50  # a page was drawn, not a blank
    assert all(n > 200 for n in counts.values()), counts


def main() -> None:
    """Rewrite docs/screenshots/bounties.png from the shared gold analysis."""
    found = find_chromium()
    if not found:
        sys.exit("chromium is missing: run scripts/setup-browser.sh")
    out = ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / "sayso-screenshot"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    page = tmp / "bounties.html"
    page.write_text(render_html(bounties()), encoding="utf-8")
    print(screenshot(found, page, out / "bounties.png", tmp, size=(1400, 2350)))


if __name__ == "__main__":
    main()
