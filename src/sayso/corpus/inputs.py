"""What an ingest reads: the command line's paths with quoted globs expanded, an estimate of how many documents
they hold (for the progress bar's ETA), and the records with the default publication date applied."""

from __future__ import annotations

import glob
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from sayso.errors import InputError
from sayso.read import Record, read_inputs
from sayso.read.inputs import FOLDER_SUFFIXES

_GLOB = frozenset("*?[")
_LINE_SUFFIXES = (".jsonl", ".ndjson")


def expand(paths: Sequence[str]) -> tuple[list[str], list[InputError]]:
    """Paths with glob patterns (`'news/**/*.html'`, quoted so the shell leaves them) expanded, sorted; a
    pattern that matches nothing is an InputError. Paths that exist are kept as given, even with `*` in them."""
    out: list[str] = []
    errors: list[InputError] = []
    for arg in paths:
        if arg == "-" or not _GLOB & set(arg) or Path(arg).exists():
            out.append(arg)
            continue
        matches = sorted(glob.glob(arg, recursive=True))
        if matches:
            out.extend(matches)
        else:
            errors.append(InputError(arg, "no files match this pattern"))
    return out, errors


def estimate_documents(paths: Sequence[str]) -> int | None:
    """About how many documents the (expanded) paths hold: a file each, a line each in JSON Lines files; None
    when stdin is among them."""
    total = 0
    for arg in paths:
        if arg == "-":
            return None
        path = Path(arg)
        if path.is_dir():
            try:
                files = [p for p in path.iterdir() if p.suffix.lower() in FOLDER_SUFFIXES and p.is_file()]
            except OSError:
                continue
            total += sum(_documents_in(p) for p in files if not p.name.startswith("."))
        else:
            total += _documents_in(path)
    return total


def _documents_in(path: Path) -> int:
    if path.suffix.lower() not in _LINE_SUFFIXES:
        return 1
    try:
        with path.open("rb") as f:
            return sum(1 for line in f if line.strip())
    except OSError:
        return 1


def records(paths: Sequence[str], *, max_bytes: int, published: str | None) -> Iterator[Record | InputError]:
    """The records of the (expanded) paths, with `published` for those that carry no date."""
    for item in read_inputs(list(paths), max_bytes=max_bytes):
        if isinstance(item, Record) and published and not item.meta.published:
            item = Record(item.text, replace(item.meta, published=published))
        yield item
