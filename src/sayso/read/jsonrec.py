"""Articles given as JSON: one record `{"text": ..., "published": ..., ...}`, a list of them, or JSON Lines.

Records are named by the file name (`feed.json`), the item or line number (`feed.json:3`, `feed.jsonl:7`) or the
record's own "id" or "name" (`feed.jsonl#a12`); errors carry the path as given and say which item or line.
"""

from __future__ import annotations

import json
from typing import Any

from sayso.errors import InputError
from sayso.read.record import META_FIELDS, Record, make_meta

_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}


def read_json(text: str, name: str, shown: str, *, lines_if_several: bool = False) -> list[Record | InputError]:
    """The records of a JSON document: one object, or a list of them; with `lines_if_several`, objects one after
    another are read as JSON Lines."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as e:
        if lines_if_several and e.msg == "Extra data" and text.lstrip("\ufeff \t\n").startswith("{"):
            return read_jsonl(text, name, shown)
        hint = "; with one record per line, name the file .jsonl" if e.msg == "Extra data" else ""
        raise InputError(shown, f"not valid JSON: {e.msg} (line {e.lineno}, column {e.colno}){hint}") from None
    except RecursionError:
        raise InputError(shown, "not valid JSON: nested too deeply") from None
    if isinstance(data, dict):
        return [_record(data, name, name, shown, "")]
    if not isinstance(data, list):
        raise InputError(shown, f'expected a JSON object with a "text" string, or a list of them; got {_kind(data)}')
    if not data:
        raise InputError(shown, "no records in this JSON list")
    return [_record(item, name, f"{name}:{n}", shown, f"item {n}: ") for n, item in enumerate(data, 1)]


def read_jsonl(text: str, name: str, shown: str) -> list[Record | InputError]:
    """The records of a JSON Lines document, one to a line (blank lines skipped); a bad line is an error of its
    own and the other lines still give their records."""
    out: list[Record | InputError] = []
    for n, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            out.append(InputError(shown, f"line {n}: not valid JSON ({e.msg})"))
        except RecursionError:
            out.append(InputError(shown, f"line {n}: not valid JSON (nested too deeply)"))
        else:
            out.append(_record(data, name, f"{name}:{n}", shown, f"line {n}: "))
    return out


def _record(data: Any, file_name: str, default_name: str, shown: str, where: str) -> Record | InputError:
    try:
        return _to_record(data, file_name, default_name)
    except _BadRecord as e:
        return InputError(shown, f"{where}{e}")


class _BadRecord(ValueError):
    pass


def _to_record(data: Any, file_name: str, default_name: str) -> Record:
    """A Record from one JSON record, named `FILE#ID` when it has an "id" (or "name"), else `default_name`."""
    if not isinstance(data, dict):
        raise _BadRecord(f'expected a JSON object with a "text" string, got {_kind(data)}')
    text = data.get("text")
    if not isinstance(text, str):
        raise _BadRecord('no "text" string in this record')
    if not text.strip():
        raise _BadRecord('empty "text"')
    fields: dict[str, str | None] = {}
    for key in META_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise _BadRecord(f'"{key}" should be a string, got {_kind(value)}')
        fields[key] = value
    ident = data["id"] if data.get("id") is not None else data.get("name")
    if ident is None:
        return Record(text, make_meta(default_name, fields))
    if isinstance(ident, bool) or not isinstance(ident, str | int):
        raise _BadRecord(f'"id" should be a string or a number, got {_kind(ident)}')
    return Record(text, make_meta(f"{file_name}#{ident}", fields))


def _kind(value: Any) -> str:
    return _JSON_TYPES.get(type(value), "a number")
