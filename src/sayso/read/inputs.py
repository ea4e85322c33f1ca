"""Command-line inputs (files, folders, "-" for stdin) -> Records, and an error for each input that is not one."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from sayso.errors import InputError
from sayso.read.decode import DEFAULT_MAX_BYTES, decode_html, decode_text, read_path, read_stream
from sayso.read.jsonrec import read_json, read_jsonl
from sayso.read.record import Record, make_meta
from sayso.read.webpage import read_html

STDIN_NAME = "<stdin>"
# What a folder expands to; a file named on its own is read by its suffix, and sniffed when the suffix is another.
FOLDER_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")
_NO_FILES = "no .txt/.html/.json/.jsonl files in this folder"

# A JSON document starts `[{`, `[]`, `{"` or `{}`: text that merely starts with a bracket ("[Reuters] ...") is text.
_JSON_START = re.compile(r'\s*(\[\s*[{\]]|\{\s*["}])')
_HTML_TAG = re.compile(r"<(!doctype\s+html|html|head|body|title|meta|article|main|div|p|h[1-6]|br)[\s/>]", re.I)

Reader = Callable[[bytes, str, str], list[Record | InputError]]


def read_inputs(
    paths: Sequence[str], *, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> Iterator[Record | InputError]:
    """A Record for each article in `paths`, in order, and an InputError (yielded, not raised) for each input
    that cannot be read, so a batch goes on past it.

    "-" reads stdin (`stdin`, else sys.stdin.buffer) and sniffs what it is: JSON or JSON Lines, HTML, or text.
    A folder stands for its .txt, .html, .htm, .json and .jsonl files, sorted by name (not recursing, hidden
    files left out). Files over `max_bytes` are refused without being read.
    """
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be positive, not {max_bytes}")
    for arg in paths:
        if arg == "-":
            yield from _read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes)
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _read_folder(path, arg, max_bytes)
        else:
            yield from _read_file(path, arg, max_bytes)


def _read_stdin(stream: BinaryIO, max_bytes: int) -> Iterator[Record | InputError]:
    try:
        data = read_stream(stream, STDIN_NAME, max_bytes)
        if not data.strip():
            raise InputError(STDIN_NAME, "empty input")
        yield from _sniffed(data, STDIN_NAME, STDIN_NAME)
    except InputError as e:
        yield e


def _read_folder(folder: Path, shown: str, max_bytes: int) -> Iterator[Record | InputError]:
    try:
        files = sorted(
            (p for p in folder.iterdir() if p.suffix.lower() in FOLDER_SUFFIXES and not p.name.startswith(".")),
            key=lambda p: p.name,
        )
    except PermissionError:
        yield InputError(shown, "permission denied")
        return
    except OSError as e:
        yield InputError(shown, f"cannot list this folder ({e.strerror or e})")
        return
    files = [p for p in files if p.is_file()]
    if not files:
        yield InputError(shown, _NO_FILES)
    for path in files:
        yield from _read_file(path, str(path), max_bytes)


def _read_file(path: Path, shown: str, max_bytes: int) -> Iterator[Record | InputError]:
    try:
        data = read_path(path, shown, max_bytes)
        reader = _BY_SUFFIX.get(path.suffix.lower())
        yield from reader(data, path.name, shown) if reader else _sniffed(data, path.name, shown)
    except InputError as e:
        yield e


def _text(data: bytes, name: str, shown: str) -> list[Record | InputError]:
    return [Record(decode_text(data, shown), make_meta(name, {}))]


def _html(data: bytes, name: str, shown: str) -> list[Record | InputError]:
    return [read_html(decode_html(data, shown), name, shown)]


def _json(data: bytes, name: str, shown: str) -> list[Record | InputError]:
    records: list[Record | InputError] = read_json(decode_text(data, shown), name, shown)
    return records


def _json_or_lines(data: bytes, name: str, shown: str) -> list[Record | InputError]:
    records: list[Record | InputError] = read_json(decode_text(data, shown), name, shown, lines_if_several=True)
    return records


def _jsonl(data: bytes, name: str, shown: str) -> list[Record | InputError]:
    records: list[Record | InputError] = read_jsonl(decode_text(data, shown), name, shown)
    return records


_BY_SUFFIX: dict[str, Reader] = {
    ".txt": _text,
    ".html": _html,
    ".htm": _html,
    ".json": _json,
    ".jsonl": _jsonl,
    ".ndjson": _jsonl,
}


def _sniffed(data: bytes, name: str, shown: str) -> list[Record | InputError]:
    """Input of unknown kind: JSON (or JSON Lines) if it starts like a JSON document, HTML if it starts with a
    tag and has HTML tags near the top, else text."""
    head = data[:4096].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if _JSON_START.match(head):
        return _json_or_lines(data, name, shown)
    if head.startswith("<") and _HTML_TAG.search(head):
        return _html(data, name, shown)
    return _text(data, name, shown)
