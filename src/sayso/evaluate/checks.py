"""Checks that a gold or predicted analysis has the shape the scorer reads, with a message naming what is wrong.

Only what scoring touches is checked: a gold analysis needs attributions with an id, a cue and a content; a
prediction may omit anything (a missing field is a miss, not an error), but what it has must be well formed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sayso.errors import InputError

SPAN_ROLES = ("source", "cue", "content")


def check_gold(doc: Any, name: str) -> None:
    """Raise `InputError(name, ...)` unless `doc` is a gold analysis the scorer can read."""
    _check_object(doc, name, "the analysis")
    if not isinstance(doc.get("attributions"), list):
        raise InputError(name, 'a gold analysis needs an "attributions" list')
    for i, att in enumerate(doc["attributions"]):
        where = f"attributions[{i}]"
        _check_object(att, name, where)
        if not isinstance(att.get("id"), str):
            raise InputError(name, f'{where} needs a string "id"')
        for role in ("cue", "content"):
            if not att.get(role):
                raise InputError(name, f'{where} needs a "{role}" span')
        _check_attribution_spans(att, name, where)
    _check_denials(doc, name)
    _check_dates(doc, name, gold=True)


def check_prediction(doc: Any, name: str) -> None:
    """Raise `InputError(name, ...)` unless `doc` is a prediction the scorer can read."""
    _check_object(doc, name, "the analysis")
    atts = doc.get("attributions")
    if atts is not None and not isinstance(atts, list):
        raise InputError(name, '"attributions" must be a list')
    for i, att in enumerate(atts or []):
        where = f"attributions[{i}]"
        _check_object(att, name, where)
        if att.get("id") is not None and not isinstance(att["id"], str):
            raise InputError(name, f"{where}.id must be a string")
        _check_attribution_spans(att, name, where)
    _check_denials(doc, name)
    _check_dates(doc, name, gold=False)


def _check_object(value: Any, name: str, where: str) -> None:
    if not isinstance(value, Mapping):
        raise InputError(name, f"{where} must be a JSON object, not {type(value).__name__}")


def _is_offsets(value: Any) -> bool:
    return (
        isinstance(value, list | tuple)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
    )


def _check_attribution_spans(att: Mapping[str, Any], name: str, where: str) -> None:
    for role in SPAN_ROLES:
        field = att.get(role)
        if not field:
            continue
        _check_object(field, name, f"{where}.{role}")
        if not _is_offsets(field.get("span")):
            raise InputError(name, f"{where}.{role}.span must be [start, end], two integers")
        parts = field.get("parts")
        if parts and not (isinstance(parts, list) and all(_is_offsets(p) for p in parts)):
            raise InputError(name, f"{where}.{role}.parts must be a list of [start, end] pairs of integers")


def _check_denials(doc: Mapping[str, Any], name: str) -> None:
    denials = doc.get("denials")
    if denials is None:
        return
    if not isinstance(denials, list):
        raise InputError(name, '"denials" must be a list')
    for i, denial in enumerate(denials):
        _check_object(denial, name, f"denials[{i}]")
        targets = denial.get("targets", [])
        if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
            raise InputError(name, f"denials[{i}].targets must be a list of attribution ids")
        if denial.get("by") is not None and not isinstance(denial["by"], str):
            raise InputError(name, f"denials[{i}].by must be an attribution id")


def _check_dates(doc: Mapping[str, Any], name: str, *, gold: bool) -> None:
    dates = doc.get("dates")
    if dates is None:
        return
    if not isinstance(dates, list):
        raise InputError(name, '"dates" must be a list')
    for i, date in enumerate(dates):
        _check_object(date, name, f"dates[{i}]")
        if gold and not ("text" in date and "value" in date):
            raise InputError(name, f'dates[{i}] needs a "text" and a "value"')
