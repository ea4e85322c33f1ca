"""Getting an input's bytes within a size limit and turning them into text, or saying why not."""

from __future__ import annotations

import codecs
import os
import re
from pathlib import Path
from typing import BinaryIO

from sayso.errors import InputError

DEFAULT_MAX_BYTES = 20_000_000

# Control characters that never occur in text (tab, newlines, vertical tab and form feed do).
_CONTROL = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_SNIFF = 8192
# A share of control characters above this in the first _SNIFF bytes means the file is not text.
_MAX_CONTROL = 0.1
_DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def megabytes(n: int) -> str:
    return f"{n / 1_000_000:g} MB"


def read_path(path: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes; its size is checked before anything is read."""
    try:
        with path.open("rb") as f:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputError(name, f"too large: {size / 1_000_000:.1f} MB ({_limit(max_bytes)})")
            data = f.read(max_bytes + 1)  # a pipe or device reports no size: still read no more than the limit
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except OSError as e:
        raise InputError(name, f"cannot read it ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise InputError(name, f"too large: over {megabytes(max_bytes)} ({_limit(max_bytes)})")
    return data


def read_stream(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Up to `max_bytes` from a stream (stdin); more than that is an error."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as e:
        raise InputError(name, f"cannot read it ({e.strerror or e})") from None
    if len(data) > max_bytes:
        raise InputError(name, f"too large: over {megabytes(max_bytes)} ({_limit(max_bytes)})")
    return data


def _limit(max_bytes: int) -> str:
    return f"limit {megabytes(max_bytes)}; raise it with --max-bytes"


def decode_text(data: bytes, name: str, *, empty: str = "empty file") -> str:
    """UTF-8 text with newlines read as Python's universal newlines do (`Path.read_text(encoding="utf-8")`).

    A byte order mark is kept, as `read_text` keeps it: the reference scorer takes its offsets from that text.
    """
    _check_text_bytes(data, name, empty)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputError(name, _not_utf8(data, e)) from None
    if not text.lstrip("\ufeff").strip():
        raise InputError(name, empty)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_html(data: bytes, name: str, *, empty: str = "empty file") -> str:
    """HTML as text: UTF-8, or the charset the page declares when it is not UTF-8."""
    _check_text_bytes(data, name, empty)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        declared = _DECLARED_CHARSET.search(data[:_SNIFF])
        if declared:
            try:
                codec = codecs.lookup(declared.group(1).decode("ascii")).name
                if not codec.startswith("utf"):  # a page that claims UTF-16 or UTF-8 but is neither: the error below
                    return data.decode(codec)
            except (LookupError, UnicodeDecodeError):
                pass
        raise InputError(name, _not_utf8(data, e)) from None


def _check_text_bytes(data: bytes, name: str, empty: str) -> None:
    if not data.strip():
        raise InputError(name, empty)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(name, "not UTF-8 text (it is UTF-16); convert it with iconv -f utf-16 -t utf-8")
    sample = data[:_SNIFF]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\x00" in data or controls > _MAX_CONTROL * len(sample):
        raise InputError(name, "binary file, not text")


def _not_utf8(data: bytes, error: UnicodeDecodeError) -> str:
    # Bytes 0x80-0x9f are control codes in Latin-1 but curly quotes, dashes and the like in Windows-1252;
    # only the bytes that are not UTF-8 count (surrogateescape turns each into U+DC80-U+DCFF).
    stray = data.decode("utf-8", errors="surrogateescape")
    source = "cp1252" if re.search("[\udc80-\udc9f]", stray) else "latin1"
    return (
        f"not UTF-8 text (invalid byte 0x{data[error.start]:02x} at offset {error.start}); "
        f"convert it with iconv -f {source} -t utf-8"
    )
