"""Training the cue model from gold attributions: parse, label candidates, fit, choose thresholds, save.

`sayso train` runs `train_cue_model`: a logistic regression over hashed features (scikit-learn, the `train`
extra), fitted on most of the training articles, its admit/switch thresholds chosen by attribution F1 on the rest,
then refitted on all of them with those thresholds; the dev folder is only scored.
"""

from __future__ import annotations

import random
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from spacy.tokens import Doc, DocBin

from sayso.attribution import extract_attributions
from sayso.attribution.cues import Cue, CueVotes
from sayso.attribution.extract import Prepared, renested
from sayso.attribution.spans import char_range
from sayso.evaluate.counts import score_documents
from sayso.evaluate.pairing import MIN_CONTENT_OVERLAP, pair_attributions
from sayso.evaluate.report import summarise
from sayso.evaluate.spans import CharSet, trimmed_bounds
from sayso.learn.data import GoldArticle, read_gold_folder
from sayso.learn.keep import attribution_features, protected
from sayso.learn.model import HASH_BITS, CueModel, Linear, content_rows, doc_rows, hashed
from sayso.learn.spans import Pieces
from sayso.lexicons import Lexicons, load
from sayso.model import Attribution
from sayso.nlp import DEFAULT_MODEL, load_nlp
from sayso.nlp.text import for_parser, keep_text, parse_pairs

SEED = 13
FOLDS = 3
INSIDE_CONTENTS = True
ADMIT_GRID = (0.5, 0.6, 0.65, 0.7, 0.75, 0.8)
SWITCH_GRID = (0.0, 0.5, 1.0)  # margins by which a content candidate must outrank the rules' content
RANK_EPOCHS = 10  # 5 -> 10: +0.5 % exact contents on held-out training articles; 15 and 20 no better
KEEP_GRID = (0.0, 0.3, 0.4, 0.5)  # keep-model thresholds tried (0.0 keeps everything)
KEEP_ADMITS = (0.0, 0.1)  # how far below the chosen admit threshold to try the keep model
RANK_RATE = 0.05
RANK_L2 = 0.001


@dataclass
class Parsed:
    article: GoldArticle
    doc: Doc
    tokens: list[int]
    rows: list[list[int]]
    prepared: Prepared


def parse_articles(
    articles: Sequence[GoldArticle], model: str = DEFAULT_MODEL, cache: Path | None = None
) -> list[Doc]:
    """The parsed articles; with `cache`, parsed once and kept as a spaCy DocBin."""
    nlp = load_nlp(model)
    if cache is not None and cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        texts = [a.text for a in articles]
        if len(docs) == len(texts) and all(d.text == for_parser(t) for d, t in zip(docs, texts, strict=True)):
            return [keep_text(d, t) for d, t in zip(docs, texts, strict=True)]
    docs = [doc for doc, _ in parse_pairs(nlp, ((a.text, None) for a in articles), 16)]
    if cache is not None:
        DocBin(store_user_data=False, docs=docs).to_disk(cache)
    return docs


def featurize(
    articles: Sequence[GoldArticle], docs: Sequence[Doc], lex: Lexicons, bits: int = HASH_BITS
) -> list[Parsed]:
    out = []
    for article, doc in zip(articles, docs, strict=True):
        prepared = Prepared.of(doc, lex)
        rules = extract_attributions(doc, lex, prepared=prepared).attributions
        tokens, rows = doc_rows(doc, rules, lex, bits)
        out.append(Parsed(article, doc, tokens, rows, prepared))
    return out


def labels(p: Parsed, inside_contents: bool = INSIDE_CONTENTS) -> tuple[list[list[int]], list[int]]:
    """A candidate is positive when it lies in a gold cue. PolNeAR marks only outermost attributions, so a cue
    inside a gold content is unmarked, not wrong: with `inside_contents` such candidates count as negatives (the
    model learns what heads an outermost attribution), without they are left out."""
    cue, content = p.article.cue_chars, p.article.content_chars
    rows, ys = [], []
    for i, row in zip(p.tokens, p.rows, strict=True):
        tok = p.doc[i]
        chars = range(tok.idx, tok.idx + len(tok.text))
        positive = any(c in cue for c in chars)
        if not positive and not inside_contents and any(c in content for c in chars):
            continue
        rows.append(row)
        ys.append(int(positive))
    return rows, ys


def fit_rows(rows: Sequence[list[int]], ys: Sequence[int], bits: int = HASH_BITS, c: float = 0.3) -> Linear:
    """A logistic regression over hashed binary features (scikit-learn's liblinear, fixed seed)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    indptr = np.cumsum([0] + [len(r) for r in rows])
    indices = np.fromiter((i for r in rows for i in r), dtype=np.int64, count=int(indptr[-1]))
    x = csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(rows), 1 << bits))
    clf = LogisticRegression(C=c, solver="liblinear", random_state=SEED)
    clf.fit(x, np.array(ys))
    return Linear(clf.coef_[0].astype(np.float32), float(clf.intercept_[0]))


def fit(
    parsed: Sequence[Parsed], bits: int = HASH_BITS, c: float = 0.3, inside_contents: bool = INSIDE_CONTENTS
) -> CueModel:
    """The cue model fitted on the labelled candidates of `parsed`."""
    rows: list[list[int]] = []
    ys: list[int] = []
    for p in parsed:
        r, y = labels(p, inside_contents)
        rows += r
        ys += y
    linear = fit_rows(rows, ys, bits, c)
    info = {"candidates": len(ys), "positives": int(sum(ys)), "C": c}
    return CueModel(linear.weights, linear.bias, info=info)


def _bounds(pieces: Pieces, text: str) -> tuple[int, int] | None:
    return trimmed_bounds({"span": [pieces[0][0], pieces[-1][1]]}, text) if pieces else None


Group = tuple[list[np.ndarray], np.ndarray]


def _grade(pieces: Pieces, gold: CharSet, bounds: tuple[int, int] | None, text: str) -> int:
    """2: the gold content's exact bounds; 1: pairs with it as the scorer pairs; 0: neither."""
    if _bounds(pieces, text) == bounds:
        return 2
    return int(gold.jaccard(CharSet.of_pieces(pieces)) >= MIN_CONTENT_OVERLAP)


def content_groups(parsed: Sequence[Parsed], model: CueModel, lex: Lexicons) -> list[Group]:
    """For every verb cue that overlaps a gold cue, its content candidates (the rules' own first) as hashed rows,
    and which of them the ranker should put first: those with the gold content's exact bounds (as the scorer
    trims them), else those that pair with it the way the scorer pairs (`MIN_CONTENT_OVERLAP`). Cues where no
    candidate pairs teach nothing and are left out."""
    groups: list[Group] = []
    for p in parsed:
        golds = [
            (CharSet.of(a["cue"]), CharSet.of(a["content"]), trimmed_bounds(a["content"], p.article.text))
            for a in p.article.gold["attributions"]
        ]

        def record(
            doc: Doc, cue: Cue, source: tuple[int, int] | None, rule: Pieces, golds: list[Any] = golds,
            text: str = p.article.text,
        ) -> Pieces:
            cue_chars = CharSet.of_pieces([char_range(doc, cue.start, cue.end)])
            gold = next((g for g in golds if g[0].meets(cue_chars)), None)
            if gold is None or cue.kind != "verb":
                return rule
            _, content, bounds = gold
            cands, rows = content_rows(doc, cue, source, rule, model.bits)
            grades = [_grade(pieces, content, bounds, text) for _, pieces in cands]
            if len(cands) > 1 and max(grades) > 0:
                target = np.array([g == max(grades) for g in grades], dtype=np.float64)
                groups.append(([np.array(r, dtype=np.int64) for r in rows], target))
            return rule

        votes = replace(model.votes_from(p.tokens, p.rows), contents=record)
        extract_attributions(p.doc, lex, votes, p.prepared)
    return groups


def fit_ranker(
    groups: Sequence[Group], bits: int = HASH_BITS, epochs: int = RANK_EPOCHS, rate: float = RANK_RATE,
    l2: float = RANK_L2,
) -> Linear:
    """A linear ranker over hashed features: softmax over each group's candidates, trained by stochastic gradient
    descent towards the targets (shuffled with the fixed seed), the weights averaged over every step.

    The average is kept lazily: with w_t the weights after step t and d_t that step's change, the mean of
    w_1 … w_T is ((T + 1) w_T - sum(t d_t)) / T, so a step touches only its rows' weights, not the whole vector."""
    weights = np.zeros(1 << bits, dtype=np.float64)
    stamped = np.zeros_like(weights)  # sum of t * d_t
    order = list(range(len(groups)))
    rng = random.Random(SEED)
    step = 0
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            step += 1
            rows, target = groups[k]
            scores = np.array([weights[r].sum() for r in rows])
            probs = np.exp(scores - scores.max())
            probs /= probs.sum()
            for r, g in zip(rows, probs - target / target.sum(), strict=True):
                if abs(g) > 1e-9:  # the rows' indices are distinct (hashed() returns a set), so += is safe
                    change = -rate * (g + l2 * weights[r])
                    weights[r] += change
                    stamped[r] += step * change
    if step == 0:
        return Linear(weights.astype(np.float32), 0.0)
    return Linear((((step + 1) * weights - stamped) / step).astype(np.float32), 0.0)


def fit_contents(parsed: Sequence[Parsed], model: CueModel, lex: Lexicons) -> CueModel:
    groups = content_groups(parsed, model, lex)
    model.content = fit_ranker(groups, model.bits)
    model.info.update({"content_groups": len(groups), "content_rule_first": int(sum(t[0] for _, t in groups))})
    return model


@dataclass
class Extracted:
    """One held-out article's attributions as its fold's model extracts them (nothing dropped), each with its keep
    features and whether it pairs with a gold attribution (outermost ones only; nested ones are not scored)."""

    parsed: Parsed
    fold: int
    attributions: list[Attribution]
    rows: list[list[int]]
    labels: list[int | None]


def extract_held_out(
    models: dict[int, CueModel], folds: dict[int, int], parsed: Sequence[Parsed], lex: Lexicons
) -> list[Extracted]:
    out = []
    for p in parsed:
        model = models[id(p)]
        votes = model.votes_from(p.tokens, p.rows, with_keep=False)
        atts = list(extract_attributions(p.doc, lex, votes, p.prepared).attributions)
        rows = [hashed(attribution_features(p.doc, a, atts, votes.probs, lex), model.bits) for a in atts]
        pred = [a.to_json() for a in atts]
        outer = [i for i, a in enumerate(atts) if a.nested_in is None]
        pairs = pair_attributions(p.article.gold["attributions"], [pred[i] for i in outer])
        paired = {outer[j] for j in pairs.values()}
        labels = [None if a.nested_in is not None else int(i in paired) for i, a in enumerate(atts)]
        out.append(Extracted(p, folds[id(p)], atts, rows, labels))
    return out


def _keep_rows(extracted: Sequence[Extracted]) -> tuple[list[list[int]], list[int]]:
    rows, ys = [], []
    for e in extracted:
        for row, label in zip(e.rows, e.labels, strict=True):
            if label is not None:
                rows.append(row)
                ys.append(label)
    return rows, ys


def _kept_scores(extracted: Sequence[Extracted], probs: dict[int, np.ndarray], keep_at: float) -> dict[str, Any]:
    """Scores once the attributions below `keep_at` are dropped and the rest renumbered and nested again (as
    extraction does at run time)."""
    totals: dict[str, Counter[str]] = {}
    for e in extracted:
        lex = load()
        kept = [
            replace(a, nested_in=None) for a, q in zip(e.attributions, probs[id(e)], strict=True)
            if q >= keep_at or protected(e.parsed.doc, a, e.attributions, lex)
        ]
        kept = renested(kept)
        pred = {"attributions": [a.to_json() for a in kept]}
        for key, counts in score_documents(e.parsed.article.gold, pred, e.parsed.article.text).items():
            totals.setdefault(key, Counter()).update(counts)
    return summarise(totals)


def fit_keeper(
    extracted: Sequence[Extracted], folds: int, bits: int = HASH_BITS, c: float = 0.3
) -> tuple[Linear, float, float]:
    """The keep model and its threshold: each fold's attributions scored by a keep model fitted on the other
    folds, the threshold with the best attribution F1 over all of them; then refitted on all: (model, keep_at,
    F1)."""
    probs: dict[int, np.ndarray] = {}
    for k in range(folds):
        rows, ys = _keep_rows([e for e in extracted if e.fold != k])
        fitted = fit_rows(rows, ys, bits, c)
        for e in extracted:
            if e.fold == k:
                probs[id(e)] = fitted.probabilities(e.rows) if e.rows else np.zeros(0)
    best = max((float(_kept_scores(extracted, probs, t)["attribution"]["f1"]), t) for t in KEEP_GRID)
    return fit_rows(*_keep_rows(extracted), bits, c), best[1], best[0]


def attribution_scores(
    parsed: Sequence[Parsed], votes: Callable[[Parsed], CueVotes | None], lex: Lexicons
) -> dict[str, Any]:
    totals: dict[str, Counter[str]] = {}
    for p in parsed:
        atts = extract_attributions(p.doc, lex, votes(p), p.prepared).attributions
        pred = {"attributions": [a.to_json() for a in atts]}
        for key, counts in score_documents(p.article.gold, pred, p.article.text).items():
            totals.setdefault(key, Counter()).update(counts)
    return summarise(totals)


def _with_admit(votes: dict[int, CueVotes], admit: float) -> Callable[[Parsed], CueVotes]:
    return lambda p: replace(votes[id(p)], admit=admit)


def choose_thresholds(
    models: dict[int, CueModel], held_out: Sequence[Parsed], lex: Lexicons
) -> tuple[float, float, float]:
    """The admit/switch thresholds with the best attribution F1 on held-out articles, each scored by the model
    that did not see it (`models`: id of the article -> model): (F1, admit, switch)."""
    best = (-1.0, 0.5, 0.5)
    for switch in SWITCH_GRID:
        for model in models.values():
            model.switch = switch
        votes = {id(p): models[id(p)].votes_from(p.tokens, p.rows) for p in held_out}
        for admit in ADMIT_GRID:
            scores = attribution_scores(held_out, _with_admit(votes, admit), lex)
            f1 = float(scores["attribution"]["f1"])
            if f1 > best[0]:
                best = (f1, admit, switch)
    return best


def train_cue_model(
    train_dir: Path,
    dev_dir: Path | None = None,
    *,
    limit: int | None = None,
    folds: int = FOLDS,
    cache_dir: Path | None = None,
    c: float = 0.3,
    log: Callable[[str], None] = print,
) -> tuple[CueModel, dict[str, Any]]:
    """Choose thresholds by cross-validation over train (each article scored by the model fitted on the other
    folds), refit on all of train with them; score dev if given."""
    lex = load()
    started = time.perf_counter()
    articles = read_gold_folder(train_dir, limit)
    cache = cache_dir / f"train-{len(articles)}.spacy" if cache_dir else None
    docs = parse_articles(articles, cache=cache)
    parsed = featurize(articles, docs, lex)
    log(f"parsed and featurised {len(parsed)} training articles in {time.perf_counter() - started:.0f} s")
    order = list(range(len(parsed)))
    random.Random(SEED).shuffle(order)
    models: dict[int, CueModel] = {}
    for k in range(folds):
        held = set(order[k::folds])
        rest = [p for i, p in enumerate(parsed) if i not in held]
        fitted = fit_contents(rest, fit(rest, c=c), lex)
        models.update({id(parsed[i]): fitted for i in held})
        log(f"fold {k + 1}/{folds} fitted")
    f1, admit, switch = choose_thresholds(models, parsed, lex)
    log(f"cross-validated ({folds} folds, {len(parsed)} articles): attribution F1 {f1:.3f} at admit {admit}, "
        f"switch {switch}")
    fold_of = {id(parsed[i]): k for k in range(folds) for i in order[k::folds]}
    keep: tuple[float, float, Linear | None, float] = (f1, admit, None, 0.0)
    for lower in KEEP_ADMITS:  # a keep model can afford to admit more cues than the cue model alone
        for model in models.values():
            model.admit, model.switch = round(admit - lower, 2), switch
        keeper, keep_at, keep_f1 = fit_keeper(extract_held_out(models, fold_of, parsed, lex), folds, c=c)
        log(f"keep model at admit {admit - lower:.2f}: cross-validated F1 {keep_f1:.3f} at keep_at {keep_at}")
        if keep_f1 > keep[0]:
            keep = (keep_f1, round(admit - lower, 2), keeper, keep_at)
    f1, admit = keep[0], keep[1]
    model = fit(parsed, c=c)
    model.admit = admit
    model = fit_contents(parsed, model, lex)
    model.switch = switch
    model.keeper, model.keep_at = (keep[2], keep[3]) if keep[3] > 0 else (None, 0.0)
    model.info.update({"train_articles": len(parsed), "held_out_f1": round(f1, 4), "seed": SEED})
    report: dict[str, Any] = {"held_out_f1": f1, "admit": admit, "switch": switch, "keep_at": model.keep_at}
    if dev_dir is not None:
        dev_articles = read_gold_folder(dev_dir)
        dev_cache = cache_dir / f"dev-{len(dev_articles)}.spacy" if cache_dir else None
        dev = featurize(dev_articles, parse_articles(dev_articles, cache=dev_cache), lex)
        fast = attribution_scores(dev, lambda p: None, lex)
        accurate = attribution_scores(dev, lambda p: model.votes_from(p.tokens, p.rows), lex)
        report.update({"dev_fast": fast, "dev_accurate": accurate})
        for name, scores in (("fast", fast), ("accurate", accurate)):
            a = scores["attribution"]
            log(f"dev {name}: attribution P/R/F1 {a['p']:.3f}/{a['r']:.3f}/{a['f1']:.3f}")
        model.info.update({"dev_fast_f1": fast["attribution"]["f1"], "dev_accurate_f1": accurate["attribution"]["f1"]})
    log(f"trained in {time.perf_counter() - started:.0f} s")
    return model, report


def average_precision(model: CueModel, parsed: Sequence[Parsed]) -> float:
    """How well the model ranks gold cue tokens above other candidates (average precision over the labelled
    candidates of `parsed`): 1.0 ranks every cue first; an untrained model scores about the share of cues."""
    rows: list[list[int]] = []
    ys: list[int] = []
    for p in parsed:
        r, y = labels(p)
        rows += r
        ys += y
    if not rows or not any(ys):
        return 0.0
    order = np.argsort(-model.probabilities(rows), kind="stable")
    hits = np.array(ys)[order]
    precision_at_hit = np.cumsum(hits)[hits == 1] / (np.flatnonzero(hits) + 1)
    return float(precision_at_hit.mean())


def untrained(bits: int = HASH_BITS) -> CueModel:
    """A model before training: every weight zero."""
    return CueModel(np.zeros(1 << bits, dtype=np.float32), 0.0)
