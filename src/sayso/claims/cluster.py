"""Clusters from scored pairs: average linkage over a sparse graph, or connected components above a threshold.

Average linkage merges, again and again, the two clusters whose mean pairwise similarity is highest, until no two
reach `threshold`. Pairs that are not in the graph count as similarity 0, so only clusters joined by at least one
edge are ever compared: with a heap of candidate merges and neighbour sums merged small into large, the cost
grows with the number of edges (times a log), never with the square of the number of claims.
"""

from __future__ import annotations

import heapq

import numpy as np
from numpy.typing import NDArray

from sayso.claims.index import Edges


def average_linkage(n: int, edges: Edges, threshold: float) -> list[int]:
    """A cluster label per item (0, 1, 2, … in order of each cluster's first item)."""
    sums: list[dict[int, float]] = [{} for _ in range(n)]
    for i, j, s in zip(edges.left.tolist(), edges.right.tolist(), edges.score.tolist(), strict=True):
        if i == j or s <= 0:
            continue
        sums[i][j] = sums[i].get(j, 0.0) + s
        sums[j][i] = sums[j].get(i, 0.0) + s
    size = [1] * n
    alive = [True] * n
    parent = list(range(n))
    heap: list[tuple[float, int, int, float, int]] = []
    for i in range(n):
        for j, s in sums[i].items():
            if i < j and s >= threshold:
                heap.append((-s, i, j, s, 1))
    heapq.heapify(heap)
    while heap:
        _, a, b, total, pairs = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or sums[a].get(b) != total or size[a] * size[b] != pairs:
            continue  # stale: a side has merged since this entry was pushed
        # keep the larger neighbour map, fold the smaller into it
        if len(sums[a]) < len(sums[b]):
            a, b = b, a
        alive[b] = False
        parent[b] = a
        size[a] += size[b]
        sa, sb = sums[a], sums[b]
        sa.pop(b, None)
        sb.pop(a, None)
        for k, s in sb.items():
            sa[k] = sa.get(k, 0.0) + s
            sk = sums[k]
            sk.pop(b, None)
            sk[a] = sa[k]
        sums[b] = {}
        for k, s in sa.items():
            sums[k][a] = s
            mean = s / (size[a] * size[k])
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, k), max(a, k), s, size[a] * size[k]))
    return _labels([_find(parent, i) for i in range(n)])


def connected_components(n: int, edges: Edges, threshold: float) -> list[int]:
    """Single linkage: items joined by a chain of pairs scoring at least `threshold` share a label."""
    parent = list(range(n))
    kept = edges.above(threshold)
    for i, j in zip(kept.left.tolist(), kept.right.tolist(), strict=True):
        ri, rj = _find(parent, i), _find(parent, j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
    return _labels([_find(parent, i) for i in range(n)])


def _find(parent: list[int], x: int) -> int:
    root = x
    while parent[root] != root:
        root = parent[root]
    while parent[x] != root:
        parent[x], x = root, parent[x]
    return root


def _labels(roots: list[int]) -> list[int]:
    ids: dict[int, int] = {}
    return [ids.setdefault(r, len(ids)) for r in roots]


def cluster_sizes(labels: list[int]) -> NDArray[np.int64]:
    return np.bincount(np.asarray(labels, dtype=np.int64)) if labels else np.zeros(0, np.int64)
