"""Candidate pairs from an inverted index, scored by TF-IDF cosine: no step compares every claim with every other.

Each claim is a TF-IDF vector over its words (`text.tokens`): sublinear term frequency, smoothed IDF, unit
length. The index maps each word to the claims that use it. Two claims are a candidate pair when they share a word
whose posting list is at most `max_postings` long; a pair's score is the sum, over the shared indexed words, of
the products of their weights — their cosine, less the share of the words too common to index (which carry
little weight: their IDF is low). Words in more than `max_postings` claims are the corpus's function words; the
cap bounds the pairs one word can make to `max_postings²/2`, so the work grows with the number of claims times a
constant, not with its square.

Pairs are made word by word and summed in chunks with numpy (`_reduce`), so a 100,000-claim corpus needs no
Python loop over pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from sayso.claims.text import tokens as claim_tokens

MAX_POSTINGS = 1000
CHUNK = 4_000_000  # pair entries summed at a time
Floats = NDArray[np.float64]
Ints = NDArray[np.int64]


@dataclass(frozen=True)
class Edges:
    """Scored pairs of claims: `left[k] < right[k]`, similarity `score[k]`; each pair once."""

    left: Ints
    right: Ints
    score: Floats

    def __len__(self) -> int:
        return int(self.left.shape[0])

    @classmethod
    def empty(cls) -> Edges:
        return cls(np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))

    def above(self, threshold: float) -> Edges:
        keep = self.score >= threshold
        return Edges(self.left[keep], self.right[keep], self.score[keep])


@dataclass(frozen=True)
class TfidfVectors:
    """Claims as sparse unit vectors: claim `i`'s words are `words[starts[i]:starts[i + 1]]` with `weights`."""

    vocabulary: dict[str, int]
    df: Ints
    starts: Ints
    words: Ints
    weights: Floats

    @property
    def n(self) -> int:
        return int(self.starts.shape[0]) - 1

    def vector(self, i: int) -> dict[int, float]:
        a, b = int(self.starts[i]), int(self.starts[i + 1])
        return dict(zip(self.words[a:b].tolist(), self.weights[a:b].tolist(), strict=True))

    def cosine(self, i: int, j: int) -> float:
        vi, vj = self.vector(i), self.vector(j)
        return sum(w * vj.get(t, 0.0) for t, w in vi.items())


def vectorize(token_lists: Iterable[Sequence[str]]) -> TfidfVectors:
    """TF-IDF unit vectors: weight (1 + ln tf) · (ln((N + 1) / (df + 1)) + 1), then scaled to length 1."""
    counts = [Counter(toks) for toks in token_lists]
    vocabulary: dict[str, int] = {}
    df_counter: Counter[int] = Counter()
    rows: list[list[tuple[int, int]]] = []
    for c in counts:
        row = []
        for word, tf in c.items():
            idx = vocabulary.setdefault(word, len(vocabulary))
            df_counter[idx] += 1
            row.append((idx, tf))
        rows.append(row)
    n = len(rows)
    df = np.zeros(len(vocabulary), np.int64)
    for idx, d in df_counter.items():
        df[idx] = d
    idf = np.log((n + 1) / (df + 1)) + 1.0
    starts = np.zeros(n + 1, np.int64)
    starts[1:] = np.cumsum([len(r) for r in rows])
    words = np.fromiter((w for r in rows for w, _ in r), np.int64, count=int(starts[-1]))
    tfs = np.fromiter((tf for r in rows for _, tf in r), np.float64, count=int(starts[-1]))
    weights = (1.0 + np.log(np.maximum(tfs, 1.0))) * idf[words] if words.size else np.zeros(0)
    lengths = np.diff(starts)
    owners = np.repeat(np.arange(n, dtype=np.int64), lengths)
    norms = np.sqrt(np.bincount(owners, weights=weights**2, minlength=n))
    weights = weights / np.where(norms > 0, norms, 1.0)[owners]
    return TfidfVectors(vocabulary, df, starts, words, weights)


def vectorize_texts(texts: Iterable[str]) -> TfidfVectors:
    return vectorize(claim_tokens(t) for t in texts)


def candidate_pairs(vectors: TfidfVectors, *, max_postings: int = MAX_POSTINGS, min_score: float = 0.0) -> Edges:
    """Pairs of claims that share an indexed word, with their summed weight products (see the module)."""
    n = vectors.n
    if n < 2 or vectors.words.size == 0:
        return Edges.empty()
    owners = np.repeat(np.arange(n, dtype=np.int64), np.diff(vectors.starts))
    order = np.argsort(vectors.words, kind="stable")
    words, claims, weights = vectors.words[order], owners[order], vectors.weights[order]
    bounds = np.flatnonzero(np.diff(words)) + 1
    starts = np.concatenate(([0], bounds))
    ends = np.concatenate((bounds, [words.size]))
    sizes = ends - starts
    usable = (sizes >= 2) & (sizes <= max_postings)
    parts: list[tuple[Ints, Floats]] = []
    pending_keys: list[Ints] = []
    pending_vals: list[Floats] = []
    pending = 0
    for size in np.unique(sizes[usable]):
        # every posting list of one length at once: their pairs by one triangular index
        blocks = starts[usable & (sizes == size)]
        a, b = np.triu_indices(int(size), k=1)
        per = a.size
        step = max(1, CHUNK // per)
        for k in range(0, blocks.size, step):
            base = blocks[k : k + step, None]
            ia, ib = (base + a[None, :]).ravel(), (base + b[None, :]).ravel()
            ca, cb = claims[ia], claims[ib]
            lo, hi = np.minimum(ca, cb), np.maximum(ca, cb)
            pending_keys.append(lo * n + hi)
            pending_vals.append(weights[ia] * weights[ib])
            pending += ia.size
            if pending >= CHUNK:
                parts.append(_reduce(np.concatenate(pending_keys), np.concatenate(pending_vals)))
                pending_keys, pending_vals, pending = [], [], 0
    if pending_keys:
        parts.append(_reduce(np.concatenate(pending_keys), np.concatenate(pending_vals)))
    if not parts:
        return Edges.empty()
    keys, vals = _reduce(np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts]))
    keep = (vals >= min_score) & (keys // n != keys % n)
    keys, vals = keys[keep], vals[keep]
    return Edges(keys // n, keys % n, vals)


def _reduce(keys: Ints, vals: Floats) -> tuple[Ints, Floats]:
    """Sum the values of equal keys."""
    order = np.argsort(keys, kind="stable")
    keys, vals = keys[order], vals[order]
    first = np.concatenate(([True], keys[1:] != keys[:-1]))
    idx = np.flatnonzero(first)
    return keys[idx], np.add.reduceat(vals, idx)


def top_neighbours(n: int, edges: Edges, k: int) -> Edges:
    """The edges that are among the `k` best of at least one of their two ends: bounds the graph to n·k edges."""
    if len(edges) == 0 or k <= 0:
        return edges
    ends = np.concatenate((edges.left, edges.right))
    scores = np.concatenate((edges.score, edges.score))
    ids = np.concatenate((np.arange(len(edges)), np.arange(len(edges))))
    order = np.lexsort((-scores, ends))
    ends_sorted = ends[order]
    first = np.concatenate(([0], np.flatnonzero(np.diff(ends_sorted)) + 1))
    rank = np.arange(order.size) - np.repeat(first, np.diff(np.concatenate((first, [order.size]))))
    keep_ids = np.unique(ids[order[rank < k]])
    return Edges(edges.left[keep_ids], edges.right[keep_ids], edges.score[keep_ids])
