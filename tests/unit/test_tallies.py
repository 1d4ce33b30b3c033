"""Tallies: MoSCoW, dots and stellingen, in total and per layer, with exact numbers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core.tallies import (
    STATEMENT_ANSWERS,
    dot_ranking,
    dot_tally,
    largest_remainder,
    moscow_ranking,
    moscow_tally,
    statement_tally,
)

# --- MoSCoW -------------------------------------------------------------------------------

VOTES = [
    ("budget", "raad", "must"),
    ("budget", "raad", "should"),
    ("budget", "uitvoering", "wont"),
    ("budget", "uitvoering", "could"),
    ("budget", "uitvoering", "wont"),
    ("trust", "uitvoering", "must"),
    ("trust", "raad", "must"),
]


def test_moscow_counts_every_choice_per_requirement():
    budget = moscow_tally(VOTES)["budget"]
    assert budget.counts == {"must": 1, "should": 1, "could": 1, "wont": 2}
    assert budget.total == 5


def test_moscow_score_is_the_mean_weight():
    results = moscow_tally(VOTES)
    assert results["budget"].score == pytest.approx((3 + 2 + 1 + 0 + 0) / 5)  # 1.2
    assert results["trust"].score == 3.0


def test_moscow_breaks_the_votes_down_per_layer():
    budget = moscow_tally(VOTES)["budget"]
    assert budget.by_layer["raad"].counts == {"must": 1, "should": 1, "could": 0, "wont": 0}
    assert budget.by_layer["raad"].total == 2
    assert budget.by_layer["uitvoering"].counts == {"must": 0, "should": 0, "could": 1, "wont": 2}


def test_moscow_keeps_given_layers_in_order_and_adds_unlisted_ones_sorted():
    results = moscow_tally(
        [("a", "uitvoering", "must"), ("a", "beleid", "must"), ("a", "bestuur", "must")],
        layers=["raad", "bestuur"],
    )
    assert list(results["a"].by_layer) == ["raad", "bestuur", "beleid", "uitvoering"]


def test_moscow_without_votes_is_empty():
    assert moscow_tally([]) == {}


def test_moscow_shows_a_requirement_without_votes_with_no_score():
    results = moscow_tally([], requirements=["budget"], layers=["raad"])
    assert results["budget"].total == 0
    assert results["budget"].score is None
    assert results["budget"].counts == {"must": 0, "should": 0, "could": 0, "wont": 0}
    assert results["budget"].by_layer["raad"].total == 0


def test_moscow_refuses_an_unknown_choice():
    with pytest.raises(ValueError):
        moscow_tally([("budget", "raad", "maybe")])


def test_moscow_ranking_orders_by_score_then_musts_then_key():
    results = moscow_tally(
        [
            # b and c both score 2.0; c has more musts
            ("b", "raad", "should"),
            ("b", "raad", "should"),
            ("c", "raad", "must"),
            ("c", "raad", "could"),
            # d and e are identical: key decides
            ("e", "raad", "could"),
            ("d", "raad", "could"),
            ("a", "raad", "must"),
        ],
        requirements=["z-without-votes"],
    )
    ranked = [result.key for result in moscow_ranking(results.values())]
    assert ranked == ["a", "c", "b", "d", "e", "z-without-votes"]


# --- Dots ---------------------------------------------------------------------------------

DOTS = [
    ("budget", "raad", 3),
    ("trust", "raad", 1),
    ("trust", "uitvoering", 4),
    ("budget", "uitvoering", 0),
    ("time", "uitvoering", 2),
    ("trust", "uitvoering", 2),
]


def test_dots_are_totalled_per_item():
    results = dot_tally(DOTS)
    assert {key: result.total for key, result in results.items()} == {
        "budget": 3,
        "time": 2,
        "trust": 7,
    }


def test_dots_are_broken_down_per_layer():
    trust = dot_tally(DOTS)["trust"]
    assert trust.by_layer["raad"].dots == 1
    assert trust.by_layer["uitvoering"].dots == 6


def test_dot_share_is_the_part_of_a_layers_dots_spent_on_the_item():
    results = dot_tally(DOTS)
    assert results["budget"].by_layer["raad"].share == pytest.approx(3 / 4)
    assert results["trust"].by_layer["raad"].share == pytest.approx(1 / 4)
    assert results["trust"].by_layer["uitvoering"].share == pytest.approx(6 / 8)
    assert results["budget"].by_layer["uitvoering"].share == 0.0


def test_dot_share_is_none_for_a_layer_without_dots():
    results = dot_tally([("budget", "raad", 2)], layers=["raad", "beleid"])
    assert results["budget"].by_layer["beleid"].share is None
    assert results["budget"].by_layer["raad"].share == 1.0


def test_dots_without_votes_are_empty():
    assert dot_tally([]) == {}
    assert dot_tally([], items=["budget"])["budget"].total == 0


def test_dots_refuse_a_negative_number():
    with pytest.raises(ValueError):
        dot_tally([("budget", "raad", -1)])


def test_dot_ranking_orders_by_total_then_breadth_then_key():
    results = dot_tally(
        [
            ("narrow", "raad", 4),
            ("broad", "raad", 2),
            ("broad", "uitvoering", 2),
            ("also-narrow", "beleid", 4),
            ("top", "beleid", 5),
        ]
    )
    ranked = [result.key for result in dot_ranking(results.values())]
    assert ranked == ["top", "broad", "also-narrow", "narrow"]


# --- Stellingen ---------------------------------------------------------------------------


def test_statement_counts_and_percentages_overall():
    result = statement_tally(
        [("raad", "eens"), ("raad", "eens"), ("uitvoering", "oneens"), ("beleid", "weet-niet")]
    )
    assert result.overall.counts == {"eens": 2, "oneens": 1, "weet-niet": 1}
    assert result.overall.total == 4
    assert result.overall.percentages == {"eens": 50, "oneens": 25, "weet-niet": 25}


def test_statement_counts_and_percentages_per_layer():
    result = statement_tally(
        [("raad", "eens"), ("raad", "oneens"), ("raad", "oneens"), ("uitvoering", "eens")],
        layers=["raad", "beleid", "uitvoering"],
    )
    assert list(result.by_layer) == ["raad", "beleid", "uitvoering"]
    assert result.by_layer["raad"].counts == {"eens": 1, "oneens": 2, "weet-niet": 0}
    assert result.by_layer["raad"].percentages == {"eens": 33, "oneens": 67, "weet-niet": 0}
    assert result.by_layer["uitvoering"].percentages == {"eens": 100, "oneens": 0, "weet-niet": 0}
    assert result.by_layer["beleid"].total == 0
    assert result.by_layer["beleid"].percentages == {"eens": 0, "oneens": 0, "weet-niet": 0}


def test_statement_thirds_round_to_a_hundred():
    result = statement_tally([("raad", "eens"), ("raad", "oneens"), ("raad", "weet-niet")])
    assert result.overall.percentages == {"eens": 34, "oneens": 33, "weet-niet": 33}


def test_statement_without_answers_is_all_zero():
    result = statement_tally([])
    assert result.overall.total == 0
    assert result.overall.percentages == {"eens": 0, "oneens": 0, "weet-niet": 0}
    assert result.by_layer == {}


def test_statement_refuses_an_unknown_answer():
    with pytest.raises(ValueError):
        statement_tally([("raad", "misschien")])


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        pytest.param({"a": 1, "b": 1, "c": 1}, {"a": 34, "b": 33, "c": 33}, id="thirds"),
        pytest.param({"a": 2, "b": 2, "c": 2}, {"a": 34, "b": 33, "c": 33}, id="sixths"),
        pytest.param({"a": 1, "b": 2}, {"a": 33, "b": 67}, id="a third and two"),
        # 14.28.. each of 7: 2 points to hand out, to the first two keys
        pytest.param(
            dict.fromkeys("abcdefg", 1),
            {"a": 15, "b": 15, "c": 14, "d": 14, "e": 14, "f": 14, "g": 14},
            id="sevenths",
        ),
        # exact: 1/8 = 12.5 floors to 12 with remainder; 7/8 = 87.5 too; tie goes to the larger
        pytest.param({"a": 1, "b": 7}, {"a": 12, "b": 88}, id="tie goes to the larger count"),
        pytest.param({"a": 0, "b": 5}, {"a": 0, "b": 100}, id="unanimous"),
        pytest.param({"a": 0, "b": 0}, {"a": 0, "b": 0}, id="nobody"),
    ],
)
def test_largest_remainder(counts, expected):
    assert largest_remainder(counts) == expected


@given(st.lists(st.integers(min_value=0, max_value=5000), min_size=1, max_size=6))
def test_percentages_always_sum_to_a_hundred(numbers):
    counts = {f"k{i}": n for i, n in enumerate(numbers)}
    percentages = largest_remainder(counts)
    assert sum(percentages.values()) == (100 if sum(numbers) else 0)
    for key, count in counts.items():  # each within one point of the exact share
        exact = 100 * count / sum(numbers) if sum(numbers) else 0
        assert abs(percentages[key] - exact) < 1


@given(st.lists(st.sampled_from(STATEMENT_ANSWERS), max_size=300))
def test_statement_percentages_sum_to_a_hundred_whenever_someone_answered(answers):
    result = statement_tally([("raad", answer) for answer in answers])
    assert sum(result.overall.percentages.values()) == (100 if answers else 0)
