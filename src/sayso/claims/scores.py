"""Scores of a clustering against gold clusters: pairwise and B-cubed precision, recall and F1."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def _pairs(n: int) -> int:
    return n * (n - 1) // 2


def pairwise(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """Over all pairs of items: a pair is predicted when both share a predicted cluster, true when both share a
    gold one. An empty side scores 1 (nothing claimed, nothing missed)."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predicted")
    both = sum(_pairs(c) for c in Counter(zip(gold, pred, strict=True)).values())
    predicted = sum(_pairs(c) for c in Counter(pred).values())
    true = sum(_pairs(c) for c in Counter(gold).values())
    return PRF(both / predicted if predicted else 1.0, both / true if true else 1.0)


def bcubed(gold: Sequence[Hashable], pred: Sequence[Hashable]) -> PRF:
    """B-cubed: per item, the share of its predicted cluster that is in its gold cluster (precision) and the share
    of its gold cluster that is in its predicted cluster (recall), averaged over items."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predicted")
    if not gold:
        return PRF(1.0, 1.0)
    both = Counter(zip(gold, pred, strict=True))
    g, p = Counter(gold), Counter(pred)
    precision = sum(c * c / p[pl] for (_, pl), c in both.items()) / len(gold)
    recall = sum(c * c / g[gl] for (gl, _), c in both.items()) / len(gold)
    return PRF(precision, recall)
