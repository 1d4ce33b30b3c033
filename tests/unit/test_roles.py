"""Role assignment for Stap 2: examples first, then the guarantees on random rooms of 1–60."""

from __future__ import annotations

import itertools
import random
from collections import Counter

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from game.roleplay.roles import INWONER, LAYERS, assign_roles, distance

ALL_ROLES = [*LAYERS, INWONER]


def room_of(*layers: str) -> list[tuple[int, str]]:
    """People numbered from 1 in the order given."""
    return [(pid, layer) for pid, layer in enumerate(layers, start=1)]


def group_sizes(assignment: dict[int, str]) -> Counter[str]:
    return Counter(assignment.values())


def score(people: list[tuple[int, str]], assignment: dict[int, str]) -> tuple:
    """The lexicographic objective of `assign_roles`, to compare with brute force."""
    sizes = Counter(assignment.values())
    own = dict(people)
    return (
        INWONER in sizes,
        len(sizes),
        -sum(size * size for size in sizes.values()),
        sum(distance(own[pid], role) ** 2 for pid, role in assignment.items()),
    )


# Rooms: 1–60 people, any mix of layers (often lopsided), shuffled ids; roles: a subset of the
# layers of the case (possibly empty) and sometimes the inwoner listed explicitly.
rooms = st.lists(st.sampled_from(LAYERS), min_size=1, max_size=60).flatmap(
    lambda layers: st.permutations(range(1000, 1000 + len(layers))).map(
        lambda ids: list(zip(ids, layers, strict=True))
    )
)
lopsided_rooms = st.tuples(
    st.sampled_from(LAYERS), st.integers(1, 57), st.lists(st.sampled_from(LAYERS), max_size=3)
).map(lambda t: room_of(*([t[0]] * t[1] + t[2])))
any_room = st.one_of(rooms, lopsided_rooms)
role_sets = st.one_of(
    st.just(ALL_ROLES),
    st.lists(st.sampled_from(ALL_ROLES), unique=True).map(
        lambda roles: sorted(roles, key=ALL_ROLES.index)
    ),
)
seeds = st.integers(min_value=0, max_value=2**32)
# Mixed rooms: every layer in turn, then up to a quarter of the people moved to any layer.
mixed_rooms = st.integers(8, 60).flatmap(
    lambda n: st.lists(
        st.tuples(st.integers(0, n - 1), st.sampled_from(LAYERS)), max_size=n // 4
    ).map(lambda moves: room_of(*_moved([LAYERS[i % 7] for i in range(n)], moves)))
)


def _moved(layers: list[str], moves: list[tuple[int, str]]) -> list[str]:
    for index, layer in moves:
        layers[index] = layer
    return layers


def roles_in_play(roles: list[str]) -> set[str]:
    return {*roles, INWONER}


# --- distance ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("raad", "raad", 0),
        ("raad", "bestuur", 1),
        ("raad", "uitvoering", 6),
        ("uitvoering", "raad", 6),
        ("raad", INWONER, 7),
        ("uitvoering", INWONER, 1),
        ("beleid", INWONER, 3),
    ],
)
def test_distance_counts_steps_on_the_vertical_line(a, b, expected):
    assert distance(a, b) == expected


def test_distance_refuses_an_unknown_layer():
    with pytest.raises(ValueError):
        distance("raad", "wethouder")


def test_distance_follows_a_custom_order():
    assert distance("raad", "uitvoering", order=["raad", "uitvoering"]) == 1
    assert distance("raad", INWONER, order=["raad", "uitvoering"]) == 2


# --- examples ---------------------------------------------------------------------------


def test_an_empty_room_gets_no_roles():
    assert assign_roles(people=[], roles=ALL_ROLES, seed=1) == {}


def test_a_lone_raadslid_plays_the_inwoner():
    assert assign_roles(people=room_of("raad"), roles=ALL_ROLES, seed=1) == {1: INWONER}


def test_a_raadslid_plays_a_layer_far_away():
    people = room_of(*LAYERS, "beleid")
    for seed in range(20):
        assignment = assign_roles(people=people, roles=ALL_ROLES, seed=seed)
        assert assignment[1] in {"uitvoering", "teamleiding", INWONER}


def test_a_professional_plays_the_top_of_the_line():
    people = room_of(*LAYERS, "beleid")
    assignment = assign_roles(people=people, roles=ALL_ROLES, seed=7)
    assert assignment[7] in {"raad", "bestuur"}


def test_a_room_of_one_per_layer_and_one_extra_covers_every_role_once():
    people = room_of(*LAYERS, "beleid")
    assignment = assign_roles(people=people, roles=ALL_ROLES, seed=3)
    assert sorted(assignment.values()) == sorted(ALL_ROLES)


def test_a_room_of_twenty_is_spread_evenly_over_the_roles():
    people = room_of(*[layer for layer in LAYERS for _ in range(3)][:20])
    sizes = group_sizes(assign_roles(people=people, roles=ALL_ROLES, seed=11))
    assert set(sizes) == set(ALL_ROLES)
    assert set(sizes.values()) == {2, 3}


def test_a_lone_raadslid_among_professionals_is_the_only_one_who_can_play_uitvoering():
    people = room_of("raad", *["uitvoering"] * 15)
    assignment = assign_roles(people=people, roles=ALL_ROLES, seed=5)
    assert assignment[1] == "uitvoering"
    others = group_sizes({pid: role for pid, role in assignment.items() if pid != 1})
    assert set(others.values()) == {2, 3}


def test_a_room_of_one_layer_covers_every_role_but_its_own():
    people = room_of(*["raad"] * 10)
    sizes = group_sizes(assign_roles(people=people, roles=ALL_ROLES, seed=5))
    assert set(sizes) == set(ALL_ROLES) - {"raad"}


def test_the_inwoner_is_added_when_the_case_omits_it():
    assignment = assign_roles(people=room_of("raad", "uitvoering"), roles=["raad"], seed=1)
    assert assignment == {1: INWONER, 2: "raad"}


def test_the_same_seed_gives_the_same_assignment():
    people = room_of(*LAYERS, *LAYERS, "raad", "beleid")
    first = assign_roles(people=people, roles=ALL_ROLES, seed=42)
    assert assign_roles(people=people, roles=ALL_ROLES, seed=42) == first


def test_the_order_of_people_and_roles_does_not_matter():
    people = room_of(*LAYERS, *LAYERS, "raad", "beleid")
    shuffled = people[:]
    random.Random(0).shuffle(shuffled)
    assert assign_roles(people=shuffled, roles=ALL_ROLES[::-1], seed=9) == assign_roles(
        people=people, roles=ALL_ROLES, seed=9
    )


def test_different_seeds_may_deal_the_roles_differently():
    people = room_of(*["raad"] * 4, *["uitvoering"] * 4)
    outcomes = {
        tuple(sorted(assign_roles(people=people, roles=ALL_ROLES, seed=seed).items()))
        for seed in range(10)
    }
    assert len(outcomes) > 1


def test_different_seeds_only_break_ties():
    people = room_of(*["raad"] * 4, *["uitvoering"] * 4, "beleid", "directie")
    scores = {
        score(people, assign_roles(people=people, roles=ALL_ROLES, seed=seed)) for seed in range(20)
    }
    assert len(scores) == 1


@pytest.mark.parametrize(
    "people",
    [
        pytest.param([(1, "raad"), (1, "beleid")], id="duplicate id"),
        pytest.param([(1, "wethouder")], id="unknown layer"),
        pytest.param([(1, INWONER)], id="nobody joins as the inwoner"),
    ],
)
def test_it_refuses_people_it_cannot_place(people):
    with pytest.raises(ValueError):
        assign_roles(people=people, roles=ALL_ROLES, seed=1)


def test_it_refuses_an_unknown_role():
    with pytest.raises(ValueError):
        assign_roles(people=room_of("raad"), roles=["burgemeester"], seed=1)


def test_a_room_of_sixty_is_placed_in_full():
    people = room_of(*[LAYERS[i % 7] for i in range(60)])
    assignment = assign_roles(people=people, roles=ALL_ROLES, seed=1)
    assert len(assignment) == 60


# --- guarantees on random rooms -----------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(people=any_room, roles=role_sets, seed=seeds)
def test_nobody_plays_their_own_layer(people, roles, seed):
    assignment = assign_roles(people=people, roles=roles, seed=seed)
    own = dict(people)
    assert all(role != own[pid] for pid, role in assignment.items())


@settings(max_examples=300, deadline=None)
@given(people=any_room, roles=role_sets, seed=seeds)
def test_everybody_gets_exactly_one_role_of_the_case(people, roles, seed):
    assignment = assign_roles(people=people, roles=roles, seed=seed)
    assert set(assignment) == {pid for pid, _ in people}
    assert set(assignment.values()) <= roles_in_play(roles)


@settings(max_examples=300, deadline=None)
@given(people=any_room, roles=role_sets, seed=seeds)
def test_someone_plays_the_inwoner(people, roles, seed):
    assert INWONER in assign_roles(people=people, roles=roles, seed=seed).values()


@settings(max_examples=300, deadline=None)
@given(people=any_room, roles=role_sets, seed=seeds)
def test_every_role_is_covered_when_the_room_is_big_enough(people, roles, seed):
    in_play = roles_in_play(roles)
    covered = set(assign_roles(people=people, roles=roles, seed=seed).values())
    own_layers = {layer for _, layer in people}
    playable = {role for role in in_play if own_layers != {role}}
    if len(people) >= len(in_play):
        assert covered == playable
        if len(own_layers) > 1:
            assert covered == in_play


@settings(max_examples=300, deadline=None)
@given(people=any_room, roles=role_sets, seed=seeds)
def test_in_a_small_room_everybody_plays_a_different_role(people, roles, seed):
    assignment = assign_roles(people=people, roles=roles, seed=seed)
    if len(people) < len(roles_in_play(roles)):
        assert len(set(assignment.values())) == len(people)


@settings(max_examples=300, deadline=None)
@given(
    people=mixed_rooms,
    roles=role_sets.filter(lambda roles: len(roles_in_play(roles)) >= 2),
    seed=seeds,
)
def test_groups_differ_by_at_most_one_when_no_layer_dominates(people, roles, seed):
    """Claimed when n >= k and no layer has more than n - ceil(n / k) people."""
    n, k = len(people), len(roles_in_play(roles))
    largest_layer = max(Counter(layer for _, layer in people).values())
    assume(n >= k and largest_layer <= n - -(-n // k))
    sizes = group_sizes(assign_roles(people=people, roles=roles, seed=seed))
    assert set(sizes.values()) <= {n // k, -(-n // k)}
    assert len(sizes) == k


@settings(max_examples=300, deadline=None)
@given(people=any_room, roles=role_sets, seed=seeds, shuffle_seed=st.integers(0, 1000))
def test_the_assignment_does_not_depend_on_the_order_of_people(people, roles, seed, shuffle_seed):
    shuffled = people[:]
    random.Random(shuffle_seed).shuffle(shuffled)
    assert assign_roles(people=shuffled, roles=roles, seed=seed) == assign_roles(
        people=people, roles=roles, seed=seed
    )


@settings(max_examples=300, deadline=None)
@given(
    people=st.lists(st.sampled_from(LAYERS), min_size=1, max_size=4).map(lambda ls: room_of(*ls)),
    roles=role_sets,
    seed=seeds,
)
def test_no_other_assignment_is_better_in_a_small_room(people, roles, seed):
    """Brute force over every assignment that keeps people out of their own layer."""
    in_play = sorted(roles_in_play(roles))
    options = [[role for role in in_play if role != layer] for _, layer in people]
    best = max(
        score(people, dict(zip([pid for pid, _ in people], choice, strict=True)))
        for choice in itertools.product(*options)
    )
    assert score(people, assign_roles(people=people, roles=roles, seed=seed)) == best
