"""Small-group anonymity (game.core.anonymity): no column of a per-layer result rests on fewer
than K voters, and a merged column always holds whole groups."""

from __future__ import annotations

from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from game.core.anonymity import column_label, columns, layer_groups

LAYERS = ["raad", "bestuur", "directie", "management", "beleid", "teamleiding", "uitvoering"]
LABELS = {layer: layer.title() for layer in LAYERS}


def shown(voters, k=3):
    return columns(voters, layers=LAYERS, min_group_size=k)


def label(column, lang="nl"):
    return column_label(column.layers, labels=LABELS, lang=lang)


def test_layers_with_enough_voters_keep_their_own_column():
    cols = shown(dict.fromkeys(LAYERS, 3))
    assert [c.layers for c in cols] == [(layer,) for layer in LAYERS]
    assert [label(c) for c in cols] == [LABELS[layer] for layer in LAYERS]


def test_one_small_layer_merges_its_whole_group():
    cols = shown({**dict.fromkeys(LAYERS, 4), "bestuur": 1})
    assert cols[0].layers == ("raad", "bestuur")
    assert label(cols[0]) == "Bestuur (raad + college)"
    assert cols[0].voters == 5
    assert [c.layers for c in cols[1:]] == [(layer,) for layer in LAYERS[2:]]


def test_a_layer_that_did_not_vote_hides_nothing():
    cols = shown({**dict.fromkeys(LAYERS, 4), "directie": 0})
    assert ("directie",) in [c.layers for c in cols]


def test_one_person_per_layer_shows_no_layer_on_its_own():
    cols = shown(dict.fromkeys(LAYERS, 1))
    assert all(c.voters >= 3 for c in cols)
    with translation.override("nl"):
        assert len(cols) == 1 and label(cols[0]) == "Alle lagen samen"
    assert not cols[0].too_few


def test_two_per_layer_shows_the_three_groups():
    cols = shown(dict.fromkeys(LAYERS, 2))
    assert [label(c, "en") for c in cols] == [g["label_en"] for g in layer_groups()]


def test_a_room_below_k_says_so():
    cols = shown({"raad": 1, "beleid": 1})
    assert len(cols) == 1 and cols[0].too_few


def test_k_is_a_setting():
    assert len(shown(dict.fromkeys(LAYERS, 4), k=5)) == len(layer_groups())
    assert len(shown(dict.fromkeys(LAYERS, 1), k=1)) == len(LAYERS)


@given(
    st.dictionaries(st.sampled_from(LAYERS), st.integers(min_value=0, max_value=8)),
    st.integers(min_value=2, max_value=6),
)
def test_no_column_rests_on_fewer_than_k_voters_and_groups_stay_whole(voters, k):
    cols = shown(voters, k=k)
    assert [layer for c in cols for layer in c.layers] == LAYERS  # each layer once, in order
    if len(cols) > 1:
        assert all(c.voters == 0 or c.voters >= k for c in cols)
    for c in cols:
        if c.merged:
            for group in layer_groups():
                inside = set(group["layers"]) & set(c.layers)
                assert not inside or inside == set(group["layers"])
