"""Coreference metrics against the CoNLL reference scorer's test cases (key {a} {bc} {def}, responses TC-A-2, -3
and -4 of Pradhan et al. 2014's test suite), the edge cases of one big cluster and all singletons, the
optimal assignment behind CEAF-e, and the cross-document pairwise score."""

import random
from itertools import permutations

import pytest
from pytest import approx

from chronology.coref_scores import (
    Score,
    b_cubed,
    best_assignment,
    ceaf_e,
    clusters,
    conll_f1,
    muc,
    pairwise,
)

KEY = [{"a"}, {"b", "c"}, {"d", "e", "f"}]


def _rp(score: Score) -> tuple[float, float]:
    return score.recall, score.precision


def test_identical_clusterings_score_one_everywhere() -> None:
    assert _rp(muc(KEY, KEY)) == (1, 1)
    assert _rp(b_cubed(KEY, KEY)) == (1, 1)
    assert _rp(ceaf_e(KEY, KEY)) == (1, 1)
    assert conll_f1(KEY, KEY) == 1


def test_a_response_missing_mentions() -> None:  # TC-A-2
    response = [{"a"}, {"d", "e"}]
    assert _rp(muc(KEY, response)) == approx((1 / 3, 1))
    assert _rp(b_cubed(KEY, response)) == approx(((7 / 3) / 6, 1))
    assert b_cubed(KEY, response).f1 == approx(14 / 25)
    # phi4: {a}-{a} 1, {def}-{de} 4/5.
    assert _rp(ceaf_e(KEY, response)) == approx((1.8 / 3, 1.8 / 2))
    assert ceaf_e(KEY, response).f1 == approx(0.72)


def test_a_response_with_extra_mentions() -> None:  # TC-A-3
    response = [{"a"}, {"b", "c", "x"}, {"d", "e", "f", "y"}, {"z"}]
    assert _rp(muc(KEY, response)) == approx((1, 3 / 5))
    assert _rp(b_cubed(KEY, response)) == approx((1, (4 + 7 / 12) / 9))
    assert _rp(ceaf_e(KEY, response)) == approx((0.88571, 0.66429), abs=1e-5)


def test_a_response_with_missing_and_extra_mentions() -> None:  # TC-A-4
    response = [{"a"}, {"b", "c", "x"}, {"d", "y"}, {"z"}]
    assert _rp(muc(KEY, response)) == approx((1 / 3, 1 / 3))
    assert _rp(b_cubed(KEY, response)) == approx(((3 + 1 / 3) / 6, (1 + 4 / 3 + 1 / 2) / 7))
    assert _rp(ceaf_e(KEY, response)) == approx((0.73333, 0.55), abs=1e-5)
    mean = (muc(KEY, response).f1 + b_cubed(KEY, response).f1 + ceaf_e(KEY, response).f1) / 3
    assert conll_f1(KEY, response) == approx(mean)


MENTIONS = "abcdef"
ONE = [set(MENTIONS)]
SINGLETONS = [{m} for m in MENTIONS]


def test_one_big_cluster_against_singletons() -> None:
    # MUC: the singletons keep none of the 5 links, and propose none (0/0 is scored 0).
    assert _rp(muc(ONE, SINGLETONS)) == (0, 0)
    assert _rp(b_cubed(ONE, SINGLETONS)) == approx((1 / 6, 1))
    # The one key cluster aligns with one singleton: phi4 = 2 * 1 / (6 + 1).
    assert _rp(ceaf_e(ONE, SINGLETONS)) == approx((2 / 7, (2 / 7) / 6))


def test_singletons_against_one_big_cluster() -> None:
    assert _rp(muc(SINGLETONS, ONE)) == (0, 0)
    assert _rp(b_cubed(SINGLETONS, ONE)) == approx((1, 1 / 6))
    assert _rp(ceaf_e(SINGLETONS, ONE)) == approx(((2 / 7) / 6, 2 / 7))


def test_all_singletons_on_both_sides() -> None:
    # MUC has no link to score; B-cubed and CEAF-e see a perfect match.
    assert muc(SINGLETONS, SINGLETONS).f1 == 0
    assert b_cubed(SINGLETONS, SINGLETONS).f1 == 1
    assert ceaf_e(SINGLETONS, SINGLETONS).f1 == 1
    assert conll_f1(SINGLETONS, SINGLETONS) == approx(2 / 3)


def test_empty_clusterings_score_zero() -> None:
    assert muc([], []).f1 == b_cubed([], []).f1 == ceaf_e([], []).f1 == 0


def test_ceaf_e_takes_the_best_alignment_not_the_greedy_one() -> None:
    key = [{"a", "c", "d"}, {"b"}]
    response = [{"a", "b", "d"}, {"c"}]
    # phi4: {acd}-{abd} 2/3, {acd}-{c} 1/2, {b}-{abd} 1/2, {b}-{c} 0. Greedy takes 2/3 and is left with 0; the
    # best alignment crosses over for 1/2 + 1/2.
    assert _rp(ceaf_e(key, response)) == approx((1 / 2, 1 / 2))


def test_assignment_beats_greedy() -> None:
    # Greedy takes 0.9 and is left with 0.1; the best pairs the two 0.8s.
    assert best_assignment([[0.9, 0.8], [0.8, 0.1]]) == [(0, 1), (1, 0)]


@pytest.mark.parametrize("seed", range(40))
def test_assignment_is_optimal_on_random_matrices(seed: int) -> None:
    generator = random.Random(seed)
    rows, columns = generator.randint(1, 5), generator.randint(1, 5)
    weights = [[generator.choice([0.0, generator.random()]) for _ in range(columns)] for _ in range(rows)]
    pairs = best_assignment(weights)
    assert len(pairs) == min(rows, columns)
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    if rows <= columns:
        best = max(sum(weights[i][j] for i, j in enumerate(chosen)) for chosen in permutations(range(columns), rows))
    else:
        best = max(sum(weights[i][j] for j, i in enumerate(chosen)) for chosen in permutations(range(rows), columns))
    assert sum(weights[i][j] for i, j in pairs) == approx(best)


def test_pairwise_counts_only_pairs_from_different_documents() -> None:
    # Mentions are 'document:word'.
    key = [{"1:sold", "2:sale", "3:sold"}, {"1:bought", "2:bought"}]
    response = [{"1:sold", "2:sale", "1:bought"}, {"3:sold"}, {"2:bought"}]

    def document(mention: str) -> str:
        return mention.split(":")[0]

    score = pairwise(key, response, document)
    # Key: the three 'sold' pairs and 1:bought-2:bought. Response: 1:sold-2:sale and 2:sale-1:bought (1:sold-
    # 1:bought lies in one document). Shared: 1:sold-2:sale.
    assert (score.recall_numerator, score.recall_denominator, score.precision_denominator) == (1, 4, 2)
    assert _rp(score) == (1 / 4, 1 / 2)


def test_clusters_group_equal_labels() -> None:
    assert clusters({"a": 1, "b": 2, "c": 1}) == [frozenset({"a", "c"}), frozenset({"b"})]
