"""Summed counts -> precision, recall, F1 and accuracies; and their one-line-per-metric text form."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

DIGITS = 3


def summarise(totals: Mapping[str, Counter[str]]) -> dict[str, dict[str, Any]]:
    """Per metric `{"p", "r", "f1", "gold"}` or, for accuracies, `{"acc", "of"}` (acc is None when of is 0)."""
    return {name: _accuracy(c) if _is_accuracy(c) else _precision_recall(c) for name, c in totals.items()}


def format_scores(result: Mapping[str, Mapping[str, Any]]) -> str:
    """One line per metric: its name padded to 18 columns, then `key=value` pairs two spaces apart."""
    return "\n".join(
        f"{name:18} " + "  ".join(f"{key}={value}" for key, value in values.items()) for name, values in result.items()
    )


def _is_accuracy(counts: Counter[str]) -> bool:
    return "of" in counts or "correct" in counts


def _accuracy(counts: Counter[str]) -> dict[str, Any]:
    of = counts["of"]
    return {"acc": round(counts["correct"] / of, DIGITS) if of else None, "of": of}


def _precision_recall(counts: Counter[str]) -> dict[str, Any]:
    precision = counts["tp"] / counts["pred"] if counts["pred"] else 0.0
    recall = counts["tp"] / counts["gold"] if counts["gold"] else 0.0
    total = precision + recall
    f1 = round(2 * precision * recall / total, DIGITS) if total else 0.0
    return {"p": round(precision, DIGITS), "r": round(recall, DIGITS), "f1": f1, "gold": counts["gold"]}
