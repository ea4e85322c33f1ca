"""Counts for one document: how a predicted analysis compares with the gold one.

Each metric is a `Counter`: `tp`, `pred`, `gold` for precision/recall metrics, `correct`, `of` for accuracies.
Counters of several documents add up (`Counter.update`) before they are summarised.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from sayso.evaluate.checks import SPAN_ROLES, check_gold, check_prediction
from sayso.evaluate.pairing import MIN_CONTENT_OVERLAP, pair_attributions
from sayso.evaluate.spans import CharSet, trimmed_bounds

Analysis = Mapping[str, Any]
Item = Mapping[str, Any]

# labels compared as they are, over paired attributions whose gold has the field
LABELS = ("certainty", "act", "quote", "source_kind")


def score_documents(gold: Analysis, pred: Analysis, text: str | None = None) -> dict[str, Counter[str]]:
    """Counts per metric for one document; `text` is the article (exact-span matching reads it when given).

    Raises `InputError` when either analysis is malformed.
    """
    check_gold(gold, "gold")
    check_prediction(pred, "prediction")
    return count_document(gold, pred, text)


def count_document(gold: Analysis, pred: Analysis, text: str | None) -> dict[str, Counter[str]]:
    """`score_documents` without the checks: both analyses are known to be well formed."""
    outermost = gold.get("nesting") == "outermost"
    gold_atts: list[Item] = list(gold["attributions"])
    # where the gold marks only outermost attributions, nested predictions are not counted at all
    pred_atts: list[Item] = [p for p in pred.get("attributions") or [] if not (outermost and p.get("nested_in"))]
    pairs = pair_attributions(gold_atts, pred_atts)
    matched = [(gold_atts[i], pred_atts[j]) for i, j in pairs.items()]

    out: dict[str, Counter[str]] = {"attribution": _found(len(pairs), len(pred_atts), len(gold_atts))}
    for role in SPAN_ROLES:
        out[f"exact_{role}"] = _exact_spans(role, gold_atts, pred_atts, text)
    out["source"] = _accuracy(matched, lambda g: "source" in g, _same_source)
    for label in LABELS:
        out[label] = _label_accuracy(matched, label)
    out["source_refers_to"] = _accuracy(
        matched,
        lambda g: bool(g.get("source_refers_to")),
        lambda g, p: normalised(g["source_refers_to"]) == normalised(p.get("source_refers_to")),
    )
    if not outermost:
        out["nested_in"] = _nesting(gold_atts, pred_atts, pairs)
    if "denials" in gold:
        out["denial_links"] = _denial_links(gold, pred, gold_atts, pred_atts, pairs)
    if "dates" in gold:
        out["dates"] = _dates(gold["dates"] or [], pred.get("dates") or [])
    return out


def normalised(value: Any) -> str:
    """Lower-case, single-spaced, with typographic apostrophes made plain: how names and dates are compared."""
    return " ".join(str(value or "").lower().replace("’", "'").split())


def _found(tp: int, pred: int, gold: int) -> Counter[str]:
    return Counter(tp=tp, pred=pred, gold=gold)


def _accuracy(
    matched: Iterable[tuple[Item, Item]], applies: Callable[[Item], bool], correct: Callable[[Item, Item], bool]
) -> Counter[str]:
    judged = [correct(g, p) for g, p in matched if applies(g)]
    return Counter(correct=sum(judged), of=len(judged))


def _label_accuracy(matched: Iterable[tuple[Item, Item]], label: str) -> Counter[str]:
    return _accuracy(matched, lambda g: label in g, lambda g, p: bool(g[label] == p.get(label)))


def _same_source(g: Item, p: Item) -> bool:
    """Both without a source, or sources overlapping by at least half."""
    if g["source"] is None:
        return not p.get("source")
    return bool(CharSet.of(g["source"]).jaccard(CharSet.of(p.get("source"))) >= MIN_CONTENT_OVERLAP)


def _exact_spans(role: str, gold: Sequence[Item], pred: Sequence[Item], text: str | None) -> Counter[str]:
    """Distinct trimmed spans of one role, matched exactly."""
    gold_spans = {trimmed_bounds(g[role], text) for g in gold if g.get(role)}
    pred_spans = {trimmed_bounds(p[role], text) for p in pred if p.get(role)}
    return _found(len(gold_spans & pred_spans), len(pred_spans), len(gold_spans))


def _id_index(atts: Sequence[Item]) -> dict[Any, int]:
    """Attribution id -> position (the last one wins where ids repeat)."""
    return {a.get("id"): i for i, a in enumerate(atts)}


def _nesting(gold: Sequence[Item], pred: Sequence[Item], pairs: Mapping[int, int]) -> Counter[str]:
    """Over all pairs: a nested gold needs a prediction nested in its parent's partner; an outer one, no nesting.

    An unknown or unpaired parent counts as "no parent" on either side.
    """
    gold_ids, pred_ids = _id_index(gold), _id_index(pred)
    correct = 0
    for i, j in pairs.items():
        parent, pred_parent = gold[i].get("nested_in"), pred[j].get("nested_in")
        if parent:
            parent_index = gold_ids.get(parent)
            partner = pairs.get(parent_index) if parent_index is not None else None
            correct += partner == pred_ids.get(pred_parent)
        else:
            correct += not pred_parent
    return Counter(correct=correct, of=len(pairs))


def _links(doc: Analysis, ids: Mapping[Any, int]) -> set[tuple[int, int]]:
    """(denier, denied) positions of a document's denial links between attributions it has."""
    found = set()
    for denial in doc.get("denials") or []:
        by = ids.get(denial.get("by"))
        for target in denial.get("targets") or []:
            denied = ids.get(target)
            if by is not None and denied is not None:
                found.add((by, denied))
    return found


def _denial_links(
    gold_doc: Analysis, pred_doc: Analysis, gold: Sequence[Item], pred: Sequence[Item], pairs: Mapping[int, int]
) -> Counter[str]:
    """Predicted links count as found when both ends are paired with the ends of a gold link."""
    gold_links = _links(gold_doc, _id_index(gold))
    partner_of = {j: i for i, j in pairs.items()}
    pred_links = {(partner_of.get(a), partner_of.get(b)) for a, b in _links(pred_doc, _id_index(pred))}
    return _found(len(gold_links & pred_links), len(pred_links), len(gold_links))


def _dates(gold: Iterable[Item], pred: Iterable[Item]) -> Counter[str]:
    """Distinct (text, value) dates; a prediction matches a gold date of equal value when one text contains the
    other ("Friday" / "on Friday"), each prediction used once, in sorted order."""
    gold_dates = {(normalised(d["text"]), str(d["value"])) for d in gold}
    pred_dates = {(normalised(d.get("text")), str(d.get("value"))) for d in pred}
    unused, found = set(pred_dates), 0
    for gold_text, value in sorted(gold_dates):
        for candidate in sorted(unused):
            text = candidate[0]
            if candidate[1] == value and text and (text in gold_text or gold_text in text):
                unused.discard(candidate)
                found += 1
                break
    return _found(found, len(pred_dates), len(gold_dates))
