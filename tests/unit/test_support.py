"""The vertical-support statistic (game.core.support): Pol.is-style smoothed support per group,
the geometric-mean draagvlak, and the "differs" and "veto" marks."""

from __future__ import annotations

import math

import pytest
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from game.core.support import MIN_VOTES, Sides, rule_text, vertical_support


def moscow(**counts: int) -> Sides:
    return Sides.of_moscow({"must": 0, "should": 0, "could": 0, "wont": 0, **counts})


def test_support_per_group_is_smoothed_towards_one_half():
    support = vertical_support({"raad": moscow(must=1), "beleid": moscow(wont=1), "x": Sides()})
    assert support.groups["raad"].p == pytest.approx(2 / 3)
    assert support.groups["beleid"].p == pytest.approx(1 / 3)
    assert support.groups["x"].p is None  # did not vote: not counted as rejection
    assert support.draagvlak == pytest.approx(math.sqrt(2 / 3 * 1 / 3))


def test_could_is_neutral_and_should_agrees():
    sides = moscow(must=1, should=2, could=3, wont=4)
    assert (sides.agree, sides.neutral, sides.reject) == (3, 3, 4)


def test_no_votes_no_draagvlak():
    assert vertical_support({"raad": Sides()}).draagvlak is None
    assert not vertical_support({}).flagged


def test_the_case_from_the_issue_a_lone_could_does_not_flag():
    # Everyone says Moet, one professional says Zou kunnen: nothing to discuss.
    support = vertical_support(
        {"raad": moscow(must=4), "beleid": moscow(must=4), "uitvoering": moscow(must=3, could=1)}
    )
    assert not support.flagged


def test_a_layer_that_rejects_while_the_rest_agrees_is_a_veto_and_differs():
    support = vertical_support(
        {"raad": moscow(must=4, should=1), "beleid": moscow(must=5), "uitvoering": moscow(wont=4)}
    )
    uitvoering = support.groups["uitvoering"]
    assert uitvoering.veto and uitvoering.apart == "less"
    assert support.flagged


def test_in_a_full_room_one_veto_does_not_mark_the_groups_that_agree():
    room = {layer: moscow(must=4) for layer in ("raad", "bestuur", "directie", "beleid", "team")}
    support = vertical_support({**room, "uitvoering": moscow(wont=4)})
    assert support.groups["uitvoering"].veto
    assert [key for key, g in support.groups.items() if g.apart or g.veto] == ["uitvoering"]


def test_a_group_that_alone_wants_it_differs_upwards():
    support = vertical_support(
        {"raad": moscow(must=5), "beleid": moscow(wont=3, should=1), "team": moscow(wont=4)}
    )
    assert support.groups["raad"].apart == "more"
    assert not support.groups["raad"].veto


def test_a_group_with_too_few_votes_is_never_flagged():
    support = vertical_support({"raad": moscow(wont=MIN_VOTES - 1), "beleid": moscow(must=9)})
    assert not support.groups["raad"].enough
    assert not support.flagged


def test_one_niet_nu_among_many_next_to_a_unanimous_rest_is_not_a_difference():
    support = vertical_support({"beleid": moscow(must=14, wont=1), "raad": moscow(must=30)})
    assert not support.flagged


def test_a_small_difference_is_not_flagged():
    support = vertical_support({"raad": moscow(must=3, wont=1), "beleid": moscow(must=4, wont=1)})
    assert not support.flagged


def test_dots_cannot_reject_so_they_never_flag():
    support = vertical_support({"raad": Sides(agree=5), "beleid": Sides(neutral=5)})
    assert not support.flagged
    assert support.groups["raad"].p > support.groups["beleid"].p


# --- properties ---------------------------------------------------------------------------

counts = st.integers(min_value=0, max_value=12)
groups = st.dictionaries(
    st.sampled_from(["raad", "bestuur", "directie", "beleid", "team", "uitvoering"]),
    st.builds(Sides, counts, counts, counts),
    min_size=1,
)


@given(groups, st.integers(min_value=1, max_value=12))
def test_adding_a_group_that_agrees_never_lowers_the_draagvlak(room, size):
    """A new group whose votes all agree, at least as large as every group there: the smoothing
    treats a smaller unanimous group as less certain, which is its point."""
    size = max([size, *(s.votes for s in room.values())])
    before = vertical_support(room).draagvlak
    after = vertical_support({**room, "new": Sides(agree=size)}).draagvlak
    assert before is None or after >= before - 1e-12


@given(groups, st.data())
def test_one_could_in_an_agreeing_room_never_flags(room, data):
    agreeing = {key: Sides(agree=s.votes) for key, s in room.items()}
    key = data.draw(st.sampled_from(sorted(agreeing)))
    agreeing[key] = agreeing[key] + Sides(neutral=1)
    assert not vertical_support(agreeing).flagged


@given(groups, st.randoms())
def test_the_marks_do_not_depend_on_the_order_of_the_groups(room, random):
    keys = list(room)
    random.shuffle(keys)
    shuffled = vertical_support({key: room[key] for key in keys})
    original = vertical_support(room)
    assert shuffled.groups == original.groups
    assert shuffled.draagvlak == pytest.approx(original.draagvlak) or original.draagvlak is None


@given(groups)
def test_the_draagvlak_lies_within_the_groups_support(room):
    support = vertical_support(room)
    shares = [g.p for g in support.groups.values() if g.p is not None]
    if shares:
        assert min(shares) - 1e-12 <= support.draagvlak <= max(shares) + 1e-12


def test_a_mark_has_one_symbol_and_its_words_everywhere():
    from django.utils import translation

    from game.core.support import mark

    with translation.override("nl"):
        assert mark({"veto": True, "apart": "less"}) == ("✖", "veto: vooral Niet nu")
        assert mark({"veto": False, "apart": "more"})[0] == "▲"
        assert mark({"veto": False, "apart": "less"})[0] == "▼"
        assert mark({"veto": False, "apart": None}) == ("", "")


@pytest.mark.parametrize(
    ("language", "own", "other"),
    [
        ("nl", ["Moet", "Zou moeten", "Niet nu"], ["Must", "Won't"]),
        ("en", ["Must", "Won't"], ["Moet", "Niet nu"]),
    ],
)
def test_the_rule_names_the_choices_as_the_readers_screen_does(language, own, other):
    with translation.override(language):
        text = rule_text()
    assert all(label in text for label in own) and not any(label in text for label in other)
