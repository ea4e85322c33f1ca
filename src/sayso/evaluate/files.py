"""Scoring files: one gold analysis against one prediction, or a folder of gold analyses against a folder of
predictions (`NAME.gold.json` pairs with `NAME.json`; a missing prediction scores as an empty one)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from sayso.errors import InputError
from sayso.evaluate.checks import check_gold, check_prediction
from sayso.evaluate.counts import count_document
from sayso.evaluate.report import summarise

GOLD_SUFFIX = ".gold.json"
PRED_SUFFIX = ".json"


def score_paths(gold: Path, pred: Path) -> dict[str, dict[str, Any]]:
    """Summarised scores (see `summarise`) plus `"documents": {"scored", "missing_predictions"}`.

    `gold` and `pred` are both files or both folders. The article text, which exact-span matching reads, is the
    file the gold's `"document"` names, beside the gold file, where it exists. Raises `InputError` for a missing
    path, a folder without gold files, a file where a folder is expected or the reverse, and malformed JSON.
    """
    gold, pred = Path(gold), Path(pred)
    totals: dict[str, Counter[str]] = {}
    missing = 0
    jobs = document_pairs(gold, pred)
    for gold_file, pred_file in jobs:
        gold_doc = load_analysis(gold_file)
        check_gold(gold_doc, str(gold_file))
        if pred_file.is_file():
            pred_doc = load_analysis(pred_file)
            check_prediction(pred_doc, str(pred_file))
        else:
            pred_doc, missing = {"attributions": []}, missing + 1
        counts = count_document(gold_doc, pred_doc, article_text(gold_file, gold_doc))
        for name, count in counts.items():
            totals.setdefault(name, Counter()).update(count)
    result: dict[str, dict[str, Any]] = summarise(totals)
    result["documents"] = {"scored": len(jobs), "missing_predictions": missing}
    return result


def document_pairs(gold: Path, pred: Path) -> list[tuple[Path, Path]]:
    """(gold file, prediction file) to score; in folder mode the prediction file may not exist."""
    if not gold.exists():
        raise InputError(str(gold), "no such file or folder")
    if not pred.exists():
        raise InputError(str(pred), "no such file or folder")
    if gold.is_dir():
        if not pred.is_dir():
            raise InputError(str(pred), "is a file, but the gold is a folder: give a folder of predictions")
        gold_files = sorted(gold.glob(f"*{GOLD_SUFFIX}"))
        if not gold_files:
            raise InputError(str(gold), f"has no *{GOLD_SUFFIX} files")
        return [(g, pred / (g.name[: -len(GOLD_SUFFIX)] + PRED_SUFFIX)) for g in gold_files]
    if pred.is_dir():
        raise InputError(str(pred), "is a folder, but the gold is a file: give a prediction file")
    return [(gold, pred)]


def load_analysis(path: Path) -> dict[str, Any]:
    """A JSON object read from `path`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError(str(path), "is not UTF-8 text") from None
    except json.JSONDecodeError as err:
        raise InputError(str(path), f"malformed JSON at line {err.lineno}, column {err.colno}: {err.msg}") from None
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})") from None
    if not isinstance(data, dict):
        raise InputError(str(path), f"expected a JSON object, found {type(data).__name__}")
    return data


def article_text(gold_file: Path, gold_doc: dict[str, Any]) -> str | None:
    """The text of the article the gold analysis names in `"document"`, where that file is beside it."""
    name = gold_doc.get("document")
    if not isinstance(name, str) or not name:
        return None
    try:
        path = gold_file.with_name(name)
    except ValueError:  # not a plain file name
        return None
    if not path.is_file():
        return None
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise InputError(str(path), "is not UTF-8 text") from None
    except OSError as err:
        raise InputError(str(path), f"cannot be read ({err.strerror})") from None
