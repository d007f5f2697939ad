"""Coreference scores of a clustering of mentions (the response) against the gold one (the key), as the CoNLL
reference scorer computes them (Pradhan et al. 2014): MUC (Vilain et al. 1995), B-cubed (Bagga and Baldwin
1998), CEAF-e (Luo 2005: entity similarity phi4, best one-to-one alignment of entities) and the CoNLL F1, their
mean; and pairwise precision and recall over the pairs of mentions that lie in different groups (documents,
for cross-document coreference).

Mentions are any hashable values; a clustering is a collection of disjoint clusters. A mention in one
clustering and not in the other is counted as the reference scorer counts it: it can only lower the scores.
A ratio with nothing to divide is 0, as in the reference scorer (MUC over singletons only scores 0).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from math import comb, inf
from typing import TypeVar

M = TypeVar("M", bound=Hashable)
Clustering = Sequence[Collection[M]]


@dataclass(frozen=True)
class Score:
    """Recall and precision as the ratios the metric defines, kept whole so that counts can be reported."""

    recall_numerator: float
    recall_denominator: float
    precision_numerator: float
    precision_denominator: float

    @property
    def recall(self) -> float:
        return self.recall_numerator / self.recall_denominator if self.recall_denominator else 0.0

    @property
    def precision(self) -> float:
        return self.precision_numerator / self.precision_denominator if self.precision_denominator else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def clusters(labels: Mapping[M, Hashable]) -> list[frozenset[M]]:
    """The clustering that puts mentions with equal labels together, in order of first appearance."""
    grouped: dict[Hashable, list[M]] = {}
    for mention, label in labels.items():
        grouped.setdefault(label, []).append(mention)
    return [frozenset(members) for members in grouped.values()]


def _where(clustering: Clustering[M]) -> dict[M, int]:
    return {mention: number for number, cluster in enumerate(clustering) for mention in cluster}


def _overlaps(key: Clustering[M], response: Clustering[M]) -> Counter[tuple[int, int]]:
    """|K ∩ R| for every key cluster K and response cluster R that share a mention (the rest are 0)."""
    where = _where(response)
    return Counter((k, where[mention]) for k, cluster in enumerate(key) for mention in cluster if mention in where)


def _muc_side(key: Clustering[M], response: Clustering[M]) -> tuple[int, int]:
    """MUC recall's numerator and denominator (precision's, with the roles swapped): each key cluster K needs
    |K| - 1 links, of which the response keeps |K| minus the number of pieces it cuts K into (a mention the
    response lacks is a piece of its own)."""
    where = _where(response)
    kept = needed = 0
    for cluster in key:
        pieces = {where[mention] for mention in cluster if mention in where}
        lacking = sum(1 for mention in cluster if mention not in where)
        kept += len(cluster) - len(pieces) - lacking
        needed += len(cluster) - 1
    return kept, needed


def muc(key: Clustering[M], response: Clustering[M]) -> Score:
    return Score(*_muc_side(key, response), *_muc_side(response, key))


def b_cubed(key: Clustering[M], response: Clustering[M]) -> Score:
    """Each mention's share of its key cluster that its response cluster holds (recall) and the reverse
    (precision), averaged over the mentions: sum |K ∩ R|² / |K| over mentions."""
    overlaps = _overlaps(key, response)
    recall = sum(shared * shared / len(key[k]) for (k, _), shared in overlaps.items())
    precision = sum(shared * shared / len(response[r]) for (_, r), shared in overlaps.items())
    return Score(recall, sum(map(len, key)), precision, sum(map(len, response)))


def ceaf_e(key: Clustering[M], response: Clustering[M]) -> Score:
    """The similarity of the best one-to-one alignment of key and response clusters, each aligned pair scoring
    phi4 = 2 |K ∩ R| / (|K| + |R|), over the number of key clusters (recall) and of response clusters
    (precision)."""
    overlaps = _overlaps(key, response)
    similarity = {
        (k, r): 2 * shared / (len(key[k]) + len(response[r])) for (k, r), shared in overlaps.items()
    }
    # Clusters that share no mention score 0 together, so the best alignment is the best alignment within each
    # connected group of overlapping clusters: the groups are small even when the clusterings are not.
    total = 0.0
    for rows, columns in _components(similarity):
        weights = [[similarity.get((k, r), 0.0) for r in columns] for k in rows]
        total += sum(weights[i][j] for i, j in best_assignment(weights))
    return Score(total, len(key), total, len(response))


def _components(edges: Iterable[tuple[int, int]]) -> list[tuple[list[int], list[int]]]:
    """The connected groups of a bipartite graph given by its (left, right) edges."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(node: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for left, right in edges:
        parent[root((0, left))] = root((1, right))
    groups: dict[tuple[int, int], tuple[list[int], list[int]]] = {}
    for node in list(parent):
        side, number = node
        groups.setdefault(root(node), ([], []))[side].append(number)
    return list(groups.values())


def best_assignment(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """The (row, column) pairs of a one-to-one assignment with the largest total weight: the Hungarian method
    with potentials (Kuhn-Munkres, O(n² m)) on the costs -weight, for n rows and m >= n columns (transposed
    otherwise). Every row of the smaller side is assigned."""
    if not weights or not weights[0]:
        return []
    if len(weights) > len(weights[0]):
        return [(i, j) for j, i in best_assignment([list(column) for column in zip(*weights, strict=True)])]
    rows, columns = len(weights), len(weights[0])
    # 1-based, with column 0 a sentinel: owner[j] is the row assigned to column j (0 for none).
    row_potential = [0.0] * (rows + 1)
    column_potential = [0.0] * (columns + 1)
    owner = [0] * (columns + 1)
    previous = [0] * (columns + 1)
    for row in range(1, rows + 1):
        owner[0] = row
        column = 0
        slack = [inf] * (columns + 1)
        visited = [False] * (columns + 1)
        while owner[column] != 0:
            visited[column] = True
            current = owner[column]
            delta, nearest = inf, 0
            for j in range(1, columns + 1):
                if visited[j]:
                    continue
                reduced = -weights[current - 1][j - 1] - row_potential[current] - column_potential[j]
                if reduced < slack[j]:
                    slack[j], previous[j] = reduced, column
                if slack[j] < delta:
                    delta, nearest = slack[j], j
            for j in range(columns + 1):
                if visited[j]:
                    row_potential[owner[j]] += delta
                    column_potential[j] -= delta
                else:
                    slack[j] -= delta
            column = nearest
        # Augment along the alternating path that ends at the free column reached.
        while column != 0:
            before = previous[column]
            owner[column] = owner[before]
            column = before
    return sorted((owner[j] - 1, j - 1) for j in range(1, columns + 1) if owner[j] != 0)


def conll_f1(key: Clustering[M], response: Clustering[M]) -> float:
    """The CoNLL-2012 score: the mean of the MUC, B-cubed and CEAF-e F1."""
    return (muc(key, response).f1 + b_cubed(key, response).f1 + ceaf_e(key, response).f1) / 3


def _pairs_apart(members: Iterable[M], group: Callable[[M], Hashable]) -> int:
    """How many pairs of `members` lie in different groups."""
    sizes = Counter(group(mention) for mention in members)
    return comb(sum(sizes.values()), 2) - sum(comb(size, 2) for size in sizes.values())


def pairwise(key: Clustering[M], response: Clustering[M], group: Callable[[M], Hashable]) -> Score:
    """Precision and recall of the response's coreferent pairs, counting only pairs of mentions from different
    groups: recall over the key's such pairs, precision over the response's, both numerators the pairs that
    the two share."""
    where = _where(response)
    shared: dict[tuple[int, int], list[M]] = {}
    for k, cluster in enumerate(key):
        for mention in cluster:
            if mention in where:
                shared.setdefault((k, where[mention]), []).append(mention)
    common = sum(_pairs_apart(members, group) for members in shared.values())
    return Score(
        common, sum(_pairs_apart(cluster, group) for cluster in key),
        common, sum(_pairs_apart(cluster, group) for cluster in response),
    )
