"""sayso.read: files, folders and stdin of every kind -> Records, and each kind of bad input -> one InputError."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from sayso.errors import InputError
from sayso.model import Metadata
from sayso.read import DEFAULT_MAX_BYTES, Record, read_inputs, read_text
from sayso.read.published import normalise_published
from sayso.read.webpage import extract_plain

Outcome = tuple[Any, ...]

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Russia offered bounties, officials say | The Daily Example</title>
<meta property="og:title" content="Russia offered bounties, officials say">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://daily.example/2020/06/27/bounties">
<meta property="article:published_time" content="2020-06-27T10:00:00-04:00">
<script>window.ads = [];</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main><article>
<h1>Russia offered bounties, officials say</h1>
<p>American intelligence officials have concluded that a Russian military intelligence unit secretly offered
bounties to Taliban-linked militants, according to officials briefed on the matter.</p>
<p>&ldquo;We have no idea what they are talking about,&rdquo; a spokesman for the Taliban said on Saturday.</p>
<p>The White House and the Pentagon declined to comment, and the Kremlin denied the report.</p>
</article>
<aside><h2>Related</h2>
<ul><li><a href="/a">Other story one</a></li><li><a href="/b">Other story two</a></li></ul></aside>
</main>
<footer><p>&copy; 2020 The Daily Example. All rights reserved.</p></footer>
</body></html>"""

ARTICLE_TEXT = (
    "Russia offered bounties, officials say\n"
    "American intelligence officials have concluded that a Russian military intelligence unit secretly offered "
    "bounties to Taliban-linked militants, according to officials briefed on the matter.\n"
    "“We have no idea what they are talking about,” a spokesman for the Taliban said on Saturday.\n"
    "The White House and the Pentagon declined to comment, and the Kremlin denied the report."
)
ARTICLE_META = {
    "published": "2020-06-27",
    "outlet": "The Daily Example",
    "url": "https://daily.example/2020/06/27/bounties",
    "title": "Russia offered bounties, officials say",
}

JSON_LD_HTML = """<html><head><title>Talks collapse</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Talks collapse", "datePublished": "2021-03-04T05:06:07Z",
"publisher": {"@type": "Organization", "name": "Example Wire"}}</script></head>
<body><article><p>The talks collapsed on Thursday, the minister said.</p><p>Negotiators blamed each other.</p>
</article></body></html>"""

BROKEN_HTML = (
    "<html><body><div><p>Unclosed <b>bold, the spokesman said<p>Second paragraph</div></span></td>"
    "<p>Third &amp co <script>x = 1"
)

CP1252_HTML = (
    b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
    b"<body><p>\x93We will not resign,\x94 the minister said.</p></body></html>"
)

BAD_JSON = b'{"text": "Hello" "published": "2020-06-27"}'


def record(name: str, text: str, **meta: str) -> Outcome:
    return ("record", name, text, meta)


def error(name: str, problem: str) -> Outcome:
    return ("error", name, problem)


def outcomes(results: list[Record | InputError], base: Path) -> list[Outcome]:
    """Records and errors as comparable tuples; error names relative to `base` (they carry the path as given)."""
    out: list[Outcome] = []
    for r in results:
        if isinstance(r, Record):
            out.append(record(r.meta.name, r.text, **r.meta.to_json()))
        else:
            assert str(r) == f"{r.name}: {r.problem}" and "\n" not in str(r)
            out.append(error(r.name.removeprefix(f"{base}{os.sep}"), r.problem))
    return out


FILE_CASES = [
    pytest.param(
        "bounties.txt",
        b"Officials said the unit offered bounties.\n",
        [record("bounties.txt", "Officials said the unit offered bounties.\n")],
        id="txt",
    ),
    pytest.param(
        "crlf.txt", b"One.\r\nTwo.\rThree.\n", [record("crlf.txt", "One.\nTwo.\nThree.\n")], id="txt-newlines"
    ),
    pytest.param("bom.txt", b"\xef\xbb\xbfHello.", [record("bom.txt", "\ufeffHello.")], id="txt-bom-kept"),
    pytest.param(
        "quotes.txt",
        "“No,” she said — twice.".encode(),
        [record("quotes.txt", "“No,” she said — twice.")],
        id="txt-unicode",
    ),
    pytest.param(
        "bounties.html",
        ARTICLE_HTML.encode(),
        [record("bounties.html", ARTICLE_TEXT, **ARTICLE_META)],
        id="html-article",
    ),
    pytest.param(
        "talks.htm",
        JSON_LD_HTML.encode(),
        [
            record(
                "talks.htm",
                "The talks collapsed on Thursday, the minister said.\nNegotiators blamed each other.",
                published="2021-03-04",
                outlet="Example Wire",
                title="Talks collapse",
            )
        ],
        id="htm-json-ld",
    ),
    pytest.param(
        "broken.html",
        BROKEN_HTML.encode(),
        [record("broken.html", "Unclosed bold, the spokesman said\nSecond paragraph\nThird & co")],
        id="html-malformed",
    ),
    pytest.param(
        "cp1252.html",
        CP1252_HTML,
        [record("cp1252.html", "“We will not resign,” the minister said.")],
        id="html-declared-charset",
    ),
    pytest.param(
        "empty.html",
        b"<html><head><title>Nothing</title></head><body><script>var a = 1;</script></body></html>",
        [error("empty.html", "no article text found in this HTML")],
        id="html-no-text",
    ),
    pytest.param(
        "one.json",
        json.dumps(
            {
                "text": "The minister said talks had failed.",
                "published": "2020-06-27T10:00:00Z",
                "outlet": "Example Wire",
                "url": "https://wire.example/talks",
                "title": "Talks fail",
            }
        ).encode(),
        [
            record(
                "one.json",
                "The minister said talks had failed.",
                published="2020-06-27",
                outlet="Example Wire",
                url="https://wire.example/talks",
                title="Talks fail",
            )
        ],
        id="json-object",
    ),
    pytest.param(
        "crlf.json",
        b'{"text": "Line one.\\r\\nLine two.", "published": "June 27, 2020"}\r\n',
        [record("crlf.json", "Line one.\r\nLine two.", published="2020-06-27")],
        id="json-text-kept-as-given",
    ),
    pytest.param(
        "list.json",
        json.dumps(
            [
                {"text": "First.", "id": "a1"},
                {"text": "Second.", "published": "not a date"},
                {"title": "no text here"},
                {"text": "Fourth.", "name": 4},
                {"text": "   "},
                {"text": "Sixth.", "published": 2020},
                "just a string",
            ]
        ).encode(),
        [
            record("list.json#a1", "First."),
            record("list.json:2", "Second.", published="not a date"),
            error("list.json", 'item 3: no "text" string in this record'),
            record("list.json#4", "Fourth."),
            error("list.json", 'item 5: empty "text"'),
            error("list.json", 'item 6: "published" should be a string, got a number'),
            error("list.json", 'item 7: expected a JSON object with a "text" string, got a string'),
        ],
        id="json-list",
    ),
    pytest.param(
        "notext.json",
        b'{"body": "The text is under another key."}',
        [error("notext.json", 'no "text" string in this record')],
        id="json-no-text",
    ),
    pytest.param(
        "bad.json",
        BAD_JSON,
        [error("bad.json", "not valid JSON: Expecting ',' delimiter (line 1, column 18)")],
        id="json-malformed",
    ),
    pytest.param(
        "lines.json",
        b'{"text": "a"}\n{"text": "b"}\n',
        [
            error(
                "lines.json",
                "not valid JSON: Extra data (line 2, column 1); with one record per line, name the file .jsonl",
            )
        ],
        id="json-that-is-jsonl",
    ),
    pytest.param(
        "number.json",
        b"42",
        [error("number.json", 'expected a JSON object with a "text" string, or a list of them; got a number')],
        id="json-not-a-record",
    ),
    pytest.param("nothing.json", b"[]", [error("nothing.json", "no records in this JSON list")], id="json-empty-list"),
    pytest.param(
        "deep.json",
        b"[" * 100_000 + b"]" * 100_000,
        [error("deep.json", "not valid JSON: nested too deeply")],
        id="json-nested-too-deeply",
    ),
    pytest.param(
        "feed.jsonl",
        b"\n".join(
            [
                b'{"text": "First.", "outlet": "Example Wire"}',
                b'{"text": "Second." "id": 2}',
                b"",
                b'{"text": "Fourth.", "id": "x9"}',
                b"[1, 2]",
                b'{"text": null}',
                b'{"text": "Seventh."}',
            ]
        ),
        [
            record("feed.jsonl:1", "First.", outlet="Example Wire"),
            error("feed.jsonl", "line 2: not valid JSON (Expecting ',' delimiter)"),
            record("feed.jsonl#x9", "Fourth."),
            error("feed.jsonl", 'line 5: expected a JSON object with a "text" string, got a list'),
            error("feed.jsonl", 'line 6: no "text" string in this record'),
            record("feed.jsonl:7", "Seventh."),
        ],
        id="jsonl",
    ),
    pytest.param(
        "notes.md", b"# Notes\nHe said so.\n", [record("notes.md", "# Notes\nHe said so.\n")], id="other-suffix-text"
    ),
    pytest.param("feed.dat", b'{"text": "Sniffed."}', [record("feed.dat", "Sniffed.")], id="other-suffix-json"),
    pytest.param("page", ARTICLE_HTML.encode(), [record("page", ARTICLE_TEXT, **ARTICLE_META)], id="other-suffix-html"),
    pytest.param("empty.txt", b"", [error("empty.txt", "empty file")], id="empty"),
    pytest.param("blank.txt", b" \n\t\r\n", [error("blank.txt", "empty file")], id="whitespace-only"),
    pytest.param("bom-only.txt", b"\xef\xbb\xbf\n", [error("bom-only.txt", "empty file")], id="bom-only"),
    pytest.param("empty.json", b"", [error("empty.json", "empty file")], id="empty-json"),
    pytest.param(
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        [error("image.txt", "binary file, not text")],
        id="binary-nul",
    ),
    pytest.param(
        "controls.txt",
        bytes(range(1, 32)) * 20 + b"text",
        [error("controls.txt", "binary file, not text")],
        id="binary-controls",
    ),
    pytest.param(
        "latin1.txt",
        b"The caf\xe9 owner said no.",
        [
            error(
                "latin1.txt", "not UTF-8 text (invalid byte 0xe9 at offset 7); convert it with iconv -f latin1 -t utf-8"
            )
        ],
        id="latin1",
    ),
    pytest.param(
        "windows.txt",
        "“Yes,” he said — it’s café.".encode() + b" \x93No,\x94 she said.",
        [
            error(
                "windows.txt",
                "not UTF-8 text (invalid byte 0x93 at offset 37); convert it with iconv -f cp1252 -t utf-8",
            )
        ],
        id="cp1252",
    ),
    pytest.param(
        "utf16.txt",
        "He said so.".encode("utf-16"),
        [error("utf16.txt", "not UTF-8 text (it is UTF-16); convert it with iconv -f utf-16 -t utf-8")],
        id="utf16",
    ),
]


@pytest.mark.parametrize(("file_name", "content", "expected"), FILE_CASES)
def test_read_file(tmp_path: Path, file_name: str, content: bytes, expected: list[Outcome]) -> None:
    path = tmp_path / file_name
    path.write_bytes(content)
    assert outcomes(list(read_inputs([str(path)])), tmp_path) == expected


@pytest.mark.parametrize(
    "content",
    [b"One.\r\nTwo.\rThree.\n\r\n", b"\xef\xbb\xbfBOM and\r\r\nmixed\n\rendings", "“Quoted” — dash\r\n".encode()],
)
def test_read_text_file_matches_path_read_text(tmp_path: Path, content: bytes) -> None:
    """The reference scorer takes offsets from Path.read_text(encoding="utf-8"): the text must be that exactly."""
    path = tmp_path / "a.txt"
    path.write_bytes(content)
    [result] = read_inputs([str(path)])
    assert isinstance(result, Record)
    assert result.text == path.read_text(encoding="utf-8")


def test_read_missing_file(tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.txt")
    [result] = read_inputs([missing])
    assert isinstance(result, InputError)
    assert (result.name, result.problem) == (missing, "no such file")
    assert str(result) == f"{missing}: no such file"


def test_read_too_large_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50_000_000)  # sparse: 50 MB of NULs that the reader must refuse before reading
    assert DEFAULT_MAX_BYTES == 20_000_000
    assert outcomes(list(read_inputs([str(path)])), tmp_path) == [
        error("huge.txt", "too large: 50.0 MB (limit 20 MB; raise it with --max-bytes)")
    ]


def test_read_max_bytes_option(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_bytes(b"x" * 2_000)
    assert outcomes(list(read_inputs([str(path)], max_bytes=1_500)), tmp_path) == [
        error("small.txt", "too large: 0.0 MB (limit 0.0015 MB; raise it with --max-bytes)")
    ]
    [result] = read_inputs([str(path)], max_bytes=2_000)
    assert isinstance(result, Record) and result.text == "x" * 2_000


def test_read_permission_denied(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        path = tmp_path / "secret.txt"
        path.write_text("He said so.", encoding="utf-8")
        path.chmod(0)
        assert outcomes(list(read_inputs([str(path)])), tmp_path) == [error("secret.txt", "permission denied")]
        return
    # root reads anything: read as the unprivileged user `nobody` instead, from a folder it can enter
    if not shutil.which("setpriv"):
        pytest.skip("running as root without setpriv: cannot make a file unreadable")
    folder = Path(tempfile.mkdtemp(prefix="sayso-read-"))
    try:
        folder.chmod(0o755)
        secret = folder / "secret.txt"
        secret.write_text("He said so.", encoding="utf-8")
        secret.chmod(0o600)
        code = "from sayso.read import read_inputs; import sys; print(*read_inputs(sys.argv[1:]), sep='\\n')"
        run = subprocess.run(
            ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", code, str(secret)],
            capture_output=True,
            text=True,
            check=False,
        )
        if run.returncode != 0:
            pytest.skip(f"cannot run Python as nobody here: {run.stderr.strip()[-200:]}")
        assert run.stdout == f"{secret}: permission denied\n"
    finally:
        shutil.rmtree(folder)


def test_read_folder_expands_to_sorted_article_files(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b.txt").write_text("Bee.", encoding="utf-8")
    (folder / "a.jsonl").write_text('{"text": "Ay."}\n{"text": "Ay two."}\n', encoding="utf-8")
    (folder / "c.HTML").write_text("<html><body><p>The spokesman said so.</p></body></html>", encoding="utf-8")
    (folder / "d.json").write_text('{"text": "Dee."}', encoding="utf-8")
    (folder / "e.txt").write_bytes(b"")
    (folder / "notes.md").write_text("Not an article.", encoding="utf-8")
    (folder / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (folder / "sub.txt").mkdir()
    (folder / "sub.txt" / "inner.txt").write_text("Not recursed into.", encoding="utf-8")
    assert outcomes(list(read_inputs([str(folder)])), tmp_path) == [
        record("a.jsonl:1", "Ay."),
        record("a.jsonl:2", "Ay two."),
        record("b.txt", "Bee."),
        record("c.HTML", "The spokesman said so."),
        record("d.json", "Dee."),
        error("articles/e.txt", "empty file"),
    ]


def test_read_folder_without_articles(tmp_path: Path) -> None:
    folder = tmp_path / "nothing"
    folder.mkdir()
    (folder / "notes.md").write_text("Not an article.", encoding="utf-8")
    assert outcomes(list(read_inputs([str(folder)])), tmp_path) == [
        error("nothing", "no .txt/.html/.json/.jsonl files in this folder")
    ]


STDIN_CASES = [
    pytest.param(b"He said so.\r\n", [record("<stdin>", "He said so.\n")], id="text"),
    pytest.param(
        b"[Reuters] Officials said so.", [record("<stdin>", "[Reuters] Officials said so.")], id="bracket-text"
    ),
    pytest.param(b"<b>Not a page</b> he said", [record("<stdin>", "<b>Not a page</b> he said")], id="angle-text"),
    pytest.param(
        b'{"text": "One.", "id": "n1", "published": "Sat, 27 Jun 2020 10:00:00 GMT"}',
        [record("<stdin>#n1", "One.", published="2020-06-27")],
        id="json-object",
    ),
    pytest.param(
        b'[{"text": "One."}, {"text": "Two."}]',
        [record("<stdin>:1", "One."), record("<stdin>:2", "Two.")],
        id="json-list",
    ),
    pytest.param(
        b'{"text": "One."}\n{"text": "Two."\n{"text": "Three."}\n',
        [
            record("<stdin>:1", "One."),
            error("<stdin>", "line 2: not valid JSON (Expecting ',' delimiter)"),
            record("<stdin>:3", "Three."),
        ],
        id="jsonl",
    ),
    pytest.param(
        BAD_JSON, [error("<stdin>", "not valid JSON: Expecting ',' delimiter (line 1, column 18)")], id="bad-json"
    ),
    pytest.param(b"\n  " + ARTICLE_HTML.encode(), [record("<stdin>", ARTICLE_TEXT, **ARTICLE_META)], id="html"),
    pytest.param(b"", [error("<stdin>", "empty input")], id="empty"),
    pytest.param(b"\x00\x01\x02", [error("<stdin>", "binary file, not text")], id="binary"),
]


@pytest.mark.parametrize(("content", "expected"), STDIN_CASES)
def test_read_stdin(tmp_path: Path, content: bytes, expected: list[Outcome]) -> None:
    assert outcomes(list(read_inputs(["-"], stdin=io.BytesIO(content))), tmp_path) == expected


def test_read_stdin_too_large(tmp_path: Path) -> None:
    results = list(read_inputs(["-"], stdin=io.BytesIO(b"x" * 3_000_001), max_bytes=3_000_000))
    assert outcomes(results, tmp_path) == [
        error("<stdin>", "too large: over 3 MB (limit 3 MB; raise it with --max-bytes)")
    ]


def test_read_batch_goes_on_past_a_bad_file(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("The first article.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00binary")
    (tmp_path / "two.json").write_text('{"text": "The second article."}', encoding="utf-8")
    paths = [str(tmp_path / n) for n in ("one.txt", "bad.txt", "two.json")]
    results = read_inputs(paths)
    assert outcomes(list(results), tmp_path) == [
        record("one.txt", "The first article."),
        error("bad.txt", "binary file, not text"),
        record("two.json", "The second article."),
    ]


def test_read_inputs_is_lazy_and_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")
    results = read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "missing.txt"), "-"], stdin=io.BytesIO(b"S."))
    first = next(results)
    assert isinstance(first, Record) and first.text == "A."
    assert outcomes(list(results), tmp_path) == [error("missing.txt", "no such file"), record("<stdin>", "S.")]


def test_read_text_python_api() -> None:
    result = read_text("He said so.\r\n", "story", published="2020-06-27T10:00:00Z", outlet="Wire", title="T")
    assert result == Record("He said so.\r\n", Metadata(name="story", published="2020-06-27", outlet="Wire", title="T"))
    assert read_text("Text.").meta.name == "-"
    with pytest.raises(TypeError, match="unknown metadata author"):
        read_text("Text.", author="Someone")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2020-06-27", "2020-06-27"),
        ("2020-06-27T10:00:00Z", "2020-06-27"),
        ("2020-06-27T23:30:00-05:00", "2020-06-27"),
        ("2020-06-27 10:00", "2020-06-27"),
        ("Sat, 27 Jun 2020 10:00:00 GMT", "2020-06-27"),
        ("June 27, 2020", "2020-06-27"),
        ("Jun. 27, 2020", "2020-06-27"),
        ("27 June 2020", "2020-06-27"),
        ("2020/06/27", "2020-06-27"),
        (" 2020-06-27 ", "2020-06-27"),
        ("last Tuesday", "last Tuesday"),
        ("06/07/2020", "06/07/2020"),
        ("", None),
    ],
)
def test_read_published_normalised(value: str, expected: str | None) -> None:
    assert normalise_published(value) == expected


def test_read_plain_html_fallback() -> None:
    """The standard-library reader used where trafilatura is unavailable or fails."""
    text, meta = extract_plain(ARTICLE_HTML)
    assert text == ARTICLE_TEXT
    assert meta == {**ARTICLE_META, "published": "2020-06-27T10:00:00-04:00"}
    assert extract_plain(BROKEN_HTML)[0] == "Unclosed bold, the spokesman said\nSecond paragraph\nThird & co"
    assert extract_plain("<html><body><nav>Home</nav><p>Body.</p><footer>(c)</footer></body></html>")[0] == "Body."
