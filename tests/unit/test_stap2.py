"""Stap 2 rules: roles, the case, reactions and wishes, requirements, votes and the programme."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from game.core.content import load_cases
from game.core.services import join_traject
from game.requirements import selectors as requirements_selectors
from game.requirements import services as requirements_services
from game.requirements.models import ProgrammeVersion, Requirement, RequirementVote
from game.roleplay import selectors as roleplay_selectors
from game.roleplay import services as roleplay_services
from game.roleplay.models import Case, Development, Reaction, RoleAssignment, Wish
from tests.conftest import make_participant, make_traject
from tests.unit.helpers import error_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def dave(live):
    """Dave is a second raadslid."""
    return make_participant(live, "Dave", "raad")[0]


def play(traject, participant, role_key: str) -> None:
    roleplay_services.override_role(
        traject=traject, participant_id=participant.pk, role_key=role_key
    )


def wish(traject, participant, role_key: str, text: str) -> Wish:
    play(traject, participant, role_key)
    return roleplay_services.write_wish(participant=participant, text=text)


# --- roles ------------------------------------------------------------------------------------


def test_dealing_gives_nobody_their_own_layer_and_stores_one_row_each(
    traject, alice, bob, carol, dave
):
    dealt = roleplay_services.deal_roles(traject=traject, seed=7)
    rows = RoleAssignment.objects.filter(traject=traject).select_related("participant__layer")
    assert rows.count() == 4
    assert all(row.role.key != row.participant.layer.key for row in rows)
    assert {row.participant_id: row.role.key for row in rows} == dealt
    assert "inwoner" in dealt.values()
    assert not any(row.overridden for row in rows)


def test_a_re_deal_replaces_every_assignment_including_overrides(traject, alice, bob, carol):
    roleplay_services.deal_roles(traject=traject, seed=1)
    play(traject, alice, "beleid")
    roleplay_services.deal_roles(traject=traject, seed=2)
    rows = RoleAssignment.objects.filter(traject=traject)
    assert rows.count() == 3
    assert not rows.filter(overridden=True).exists()


def test_the_facilitator_can_override_a_role_but_not_into_ones_own_layer(traject, alice):
    roleplay_services.deal_roles(traject=traject, seed=1)
    assert roleplay_services.override_role(
        traject=traject, participant_id=alice.pk, role_key="teamleiding"
    )
    assert not roleplay_services.override_role(
        traject=traject, participant_id=alice.pk, role_key="teamleiding"
    )
    row = RoleAssignment.objects.get(participant=alice)
    assert (row.role.key, row.overridden) == ("teamleiding", True)
    assert roleplay_selectors.played_role(alice).key == "teamleiding"
    own = {"traject": traject, "participant_id": alice.pk, "role_key": "raad"}
    assert error_code(roleplay_services.override_role, **own) == "own_layer"


def test_an_override_cannot_reach_a_participant_of_another_session(traject, mallory):
    kwargs = {"traject": traject, "participant_id": mallory[0].pk, "role_key": "inwoner"}
    assert error_code(roleplay_services.override_role, **kwargs) == "participant_unknown"


def test_dealing_an_empty_room_is_refused(traject):
    assert error_code(roleplay_services.deal_roles, traject=traject, seed=1) == "no_participants"


# Two raadsleden, two professionals and a beleidsambtenaar: enough alike that only the seed
# decides which of two people of one layer plays what.
SAME_ROOM = [
    ("Anouk", "raad"),
    ("Bas", "raad"),
    ("Carmen", "uitvoering"),
    ("Daan", "uitvoering"),
    ("Eline", "beleid"),
]


def traject_with_the_same_room(facilitator, gemeente: str):
    traject = make_traject(facilitator, gemeente)
    for name, layer in SAME_ROOM:
        join_traject(traject=traject, name=name, layer_key=layer)
    return traject


def roles_by_name(traject) -> dict[str, str]:
    """Who plays what, by name: the same room in two trajecten has other participant ids."""
    rows = traject.role_assignments.select_related("participant", "role")
    return {row.participant.name: row.role.key for row in rows}


def test_a_deal_records_its_seed_on_every_row_and_that_seed_deals_the_same_again(
    traject, alice, bob, carol, dave
):
    assert roleplay_selectors.deal_seed(traject) is None
    dealt = roleplay_services.deal_roles(traject=traject)
    seed = roleplay_selectors.deal_seed(traject)
    rows = RoleAssignment.objects.filter(traject=traject)
    assert set(rows.values_list("deal_seed", flat=True)) == {seed}
    assert roleplay_services.deal_roles(traject=traject, seed=seed) == dealt
    assert roleplay_selectors.deal_seed(traject) == seed


def test_two_trajecten_with_the_same_room_draw_their_own_seeds_and_deals(content, facilitator):
    first = traject_with_the_same_room(facilitator, "Gemeente Eerstestad")
    second = traject_with_the_same_room(facilitator, "Gemeente Tweedestad")
    same_deal = []
    for _ in range(20):
        roleplay_services.deal_roles(traject=first)
        roleplay_services.deal_roles(traject=second)
        assert roleplay_selectors.deal_seed(first) != roleplay_selectors.deal_seed(second)
        same_deal.append(roles_by_name(first) == roles_by_name(second))
    assert not all(same_deal)


def test_an_override_keeps_the_deals_seed_and_a_latecomers_row_has_none(live, traject, alice, bob):
    roleplay_services.deal_roles(traject=traject, seed=11)
    play(traject, alice, "teamleiding")
    latecomer = make_participant(live, "Dave", "raad")[0]
    play(traject, latecomer, "beleid")
    seeds = dict(traject.role_assignments.values_list("participant__name", "deal_seed"))
    assert seeds == {"Alice": 11, "Bob": 11, "Dave": None}
    assert roleplay_selectors.deal_seed(traject) == 11


# --- the case ---------------------------------------------------------------------------------


def test_the_library_holds_both_cases_with_three_developments_each_and_reloads_in_place(content):
    load_cases()
    assert Case.objects.count() == 2
    assert Development.objects.count() == 6


def test_developments_are_revealed_in_order_until_none_are_left(traject):
    case = Case.objects.first()
    assert roleplay_services.choose_case(traject=traject, case_key=case.key)
    shown = [roleplay_services.reveal_next_development(traject=traject).order for _ in range(3)]
    assert shown == [1, 2, 3]
    assert (
        error_code(roleplay_services.reveal_next_development, traject=traject)
        == "no_more_developments"
    )
    assert roleplay_services.hide_last_development(traject=traject)
    assert [d.order for d in roleplay_selectors.revealed_developments(traject)] == [1, 2]


def test_choosing_a_case_hides_its_developments_again(traject):
    first, second = Case.objects.all()[:2]
    roleplay_services.choose_case(traject=traject, case_key=first.key)
    roleplay_services.reveal_next_development(traject=traject)
    roleplay_services.choose_case(traject=traject, case_key=second.key)
    traject.refresh_from_db()
    assert (traject.case_id, traject.developments_revealed) == (second.pk, 0)


def test_no_development_is_shown_before_a_case_is_chosen(traject):
    assert error_code(roleplay_services.reveal_next_development, traject=traject) == "no_case"
    assert (
        error_code(roleplay_services.choose_case, traject=traject, case_key="nope")
        == "case_unknown"
    )


# --- reactions and wishes ---------------------------------------------------------------------


def test_a_reaction_needs_a_role_and_writing_again_edits_it(traject, alice):
    assert error_code(roleplay_services.write_reaction, participant=alice, text="Hm") == "no_role"
    play(traject, alice, "inwoner")
    roleplay_services.write_reaction(participant=alice, text="Ik wil één keer gehoord worden.")
    play(traject, alice, "uitvoering")
    roleplay_services.write_reaction(participant=alice, text="Ik wil ruimte.")
    reaction = Reaction.objects.get()
    assert (reaction.text, reaction.role.key) == ("Ik wil ruimte.", "uitvoering")


def test_a_participant_writes_at_most_max_wishes(traject, alice):
    traject.max_wishes = 2
    traject.save()
    play(traject, alice, "uitvoering")
    roleplay_services.write_wish(participant=alice, text="Maatwerk moet snel kunnen")
    roleplay_services.write_wish(participant=alice, text="Maatwerk moet uitlegbaar zijn")
    code = error_code(
        roleplay_services.write_wish, participant=alice, text="Maatwerk moet nog iets"
    )
    assert code == "too_many_wishes"
    assert Wish.objects.count() == 2


def test_a_wish_keeps_the_role_it_was_written_in(traject, alice):
    written = wish(traject, alice, "uitvoering", "Maatwerk moet vertrouwen geven")
    play(traject, alice, "inwoner")
    written.refresh_from_db()
    assert written.role.key == "uitvoering"


def test_only_the_author_edits_or_deletes_a_wish(traject, alice, bob):
    written = wish(traject, alice, "uitvoering", "Maatwerk moet snel")
    kwargs = {"participant": bob, "wish_id": written.pk}
    assert error_code(roleplay_services.edit_wish, text="Anders", **kwargs) == "not_yours"
    assert error_code(roleplay_services.delete_wish, **kwargs) == "not_yours"
    assert roleplay_services.edit_wish(
        participant=alice, wish_id=written.pk, text="Maatwerk moet sneller"
    )
    roleplay_services.delete_wish(participant=alice, wish_id=written.pk)
    assert not Wish.objects.exists()


# --- merging ----------------------------------------------------------------------------------


def test_a_merged_requirement_remembers_its_wishes_and_the_roles_that_asked(traject, alice, bob):
    from_bob = wish(traject, bob, "raad", "Maatwerk moet gelijk behandelen")
    from_alice = wish(traject, alice, "uitvoering", "Maatwerk moet uitlegbaar zijn")
    requirement = requirements_services.merge_wishes(
        traject=traject,
        wish_ids=[from_alice.pk, from_bob.pk],
        text="Maatwerk is uitlegbaar en gelijk",
    )
    assert set(requirement.sources.values_list("pk", flat=True)) == {from_alice.pk, from_bob.pk}
    assert requirements_selectors.requirement_roles(requirement) == [
        "raad",
        "uitvoering",
    ]  # vertical order
    assert Wish.objects.get(pk=from_alice.pk).text == "Maatwerk moet uitlegbaar zijn"


def test_merging_a_wish_again_moves_it_and_removes_the_emptied_candidate(traject, alice, bob):
    first = wish(traject, alice, "inwoner", "Eén keer mijn verhaal doen")
    second = wish(traject, bob, "raad", "Geen willekeur")
    old = requirements_services.merge_wishes(traject=traject, wish_ids=[first.pk], text="Eén loket")
    new = requirements_services.merge_wishes(
        traject=traject, wish_ids=[first.pk, second.pk], text="Eén verhaal"
    )
    assert not Requirement.objects.filter(pk=old.pk).exists()
    assert requirements_selectors.requirement_roles(new) == ["raad", "inwoner"]


def test_a_candidate_with_votes_survives_losing_its_wishes(traject, alice):
    first = wish(traject, alice, "inwoner", "Eén keer mijn verhaal doen")
    old = requirements_services.merge_wishes(traject=traject, wish_ids=[first.pk], text="Eén loket")
    requirements_services.cast_moscow(participant=alice, requirement=old, choice="must")
    assert requirements_services.unmerge_wish(traject=traject, wish_id=first.pk)
    assert Requirement.objects.filter(pk=old.pk).exists()


def test_unmerging_the_last_wish_removes_a_candidate_without_votes(traject, alice):
    first = wish(traject, alice, "inwoner", "Eén keer mijn verhaal doen")
    requirement = requirements_services.merge_wishes(
        traject=traject, wish_ids=[first.pk], text="Eén loket"
    )
    assert requirements_services.unmerge_wish(traject=traject, wish_id=first.pk)
    assert not requirements_services.unmerge_wish(traject=traject, wish_id=first.pk)
    assert not Requirement.objects.filter(pk=requirement.pk).exists()


def test_rephrasing_keeps_the_earlier_wording_and_the_reason(traject):
    requirement = requirements_services.add_requirement(traject=traject, text="Maatwerk moet snel")
    assert requirements_services.rephrase_requirement(
        requirement=requirement, text="Maatwerk binnen twee weken", reason="Concreter"
    )
    assert not requirements_services.rephrase_requirement(
        requirement=requirement, text="Maatwerk binnen twee weken", reason="Nogmaals"
    )
    revision = requirement.revisions.get()
    assert (revision.text_before, revision.text_after, revision.reason) == (
        "Maatwerk moet snel",
        "Maatwerk binnen twee weken",
        "Concreter",
    )


# --- voting -----------------------------------------------------------------------------------


def voters(live, **per_layer: int) -> dict[str, list]:
    """`n` participants in each named layer, enough to get their own column in the grid."""
    return {
        layer: [make_participant(live, f"{layer} {i}", layer)[0] for i in range(n)]
        for layer, n in per_layer.items()
    }


def results_by_id(traject) -> tuple[dict[int, dict], list[dict]]:
    found = requirements_selectors.requirement_results(traject)
    return {r["id"]: r for r in found["items"]}, found["columns"]


def cells(result: dict) -> dict[str, dict]:
    return {cell["column"]: cell for cell in result["grid"]}


def test_a_raadslid_playing_the_professional_votes_as_raad(traject, live, alice):
    room = voters(live, raad=2, uitvoering=3)
    play(traject, alice, "uitvoering")
    requirement = requirements_services.add_requirement(
        traject=traject, text="Ruimte voor de professional"
    )
    for voter in [alice, *room["raad"]]:
        requirements_services.cast_moscow(participant=voter, requirement=requirement, choice="must")
    results, _columns = results_by_id(traject)
    grid = cells(results[requirement.pk])
    assert grid["raad"]["counts"]["must"] == 3
    assert grid["uitvoering"]["votes"] == 0


def test_a_moscow_vote_can_change_but_counts_once(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="Uitlegbaar")
    assert requirements_services.cast_moscow(
        participant=alice, requirement=requirement, choice="could"
    )
    assert not requirements_services.cast_moscow(
        participant=alice, requirement=requirement, choice="could"
    )
    assert requirements_services.cast_moscow(
        participant=alice, requirement=requirement, choice="must"
    )
    assert list(RequirementVote.objects.values_list("choice", flat=True)) == ["must"]


def test_an_unknown_moscow_choice_is_refused(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="Uitlegbaar")
    kwargs = {"participant": alice, "requirement": requirement, "choice": "maybe"}
    assert error_code(requirements_services.cast_moscow, **kwargs) == "choice_unknown"


def test_requirement_dots_are_capped_per_participant(traject, alice):
    traject.vote_method, traject.requirement_dots = "dots", 3
    traject.save()
    a = requirements_services.add_requirement(traject=traject, text="A")
    b = requirements_services.add_requirement(traject=traject, text="B")
    assert requirements_services.set_requirement_dots(participant=alice, requirement=a, dots=2)
    code = error_code(
        requirements_services.set_requirement_dots, participant=alice, requirement=b, dots=2
    )
    assert code == "dots_exhausted"
    assert requirements_services.set_requirement_dots(participant=alice, requirement=a, dots=0)
    assert requirements_services.set_requirement_dots(participant=alice, requirement=b, dots=3)
    assert list(RequirementVote.objects.values_list("requirement__text", "dots")) == [("B", 3)]


def test_a_vote_must_use_the_method_of_the_traject(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="A")
    kwargs = {"participant": alice, "requirement": requirement, "dots": 1}
    assert error_code(requirements_services.set_requirement_dots, **kwargs) == "wrong_vote_method"


def test_the_database_allows_one_vote_per_participant_per_requirement(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="A")
    RequirementVote.objects.create(requirement=requirement, participant=alice, choice="must")
    with pytest.raises(IntegrityError), transaction.atomic():
        RequirementVote.objects.create(requirement=requirement, participant=alice, choice="wont")


def test_the_database_refuses_a_vote_with_neither_a_choice_nor_dots(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="A")
    with pytest.raises(IntegrityError), transaction.atomic():
        RequirementVote.objects.create(requirement=requirement, participant=alice)


def test_the_vote_method_is_fixed_once_votes_exist(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="A")
    assert requirements_services.set_vote_method(traject=traject, method="dots")
    assert requirements_services.set_vote_method(traject=traject, method="moscow")
    requirements_services.cast_moscow(participant=alice, requirement=requirement, choice="should")
    assert (
        error_code(requirements_services.set_vote_method, traject=traject, method="dots")
        == "votes_exist"
    )


def test_a_dropped_requirement_takes_no_votes_but_one_can_be_taken_back(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="A")
    requirements_services.cast_moscow(participant=alice, requirement=requirement, choice="could")
    requirements_services.decide_requirement(requirement=requirement, decision="drop")
    kwargs = {"participant": alice, "requirement": requirement}
    assert (
        error_code(requirements_services.cast_moscow, choice="must", **kwargs)
        == "requirement_closed"
    )
    assert requirements_services.cast_moscow(choice="", **kwargs)
    assert not RequirementVote.objects.exists()


def test_a_layer_that_rejects_what_the_others_want_is_marked(traject, live):
    room = voters(live, raad=3, beleid=3, uitvoering=3)
    vetoed = requirements_services.add_requirement(traject=traject, text="Vooraf toetsen")
    lukewarm = requirements_services.add_requirement(traject=traject, text="Uitlegbaar")
    votes = {
        "raad": ("must", "must"),
        "beleid": ("should", "must"),
        "uitvoering": ("wont", "could"),
    }
    for layer, (on_vetoed, on_lukewarm) in votes.items():
        for voter in room[layer]:
            cast = requirements_services.cast_moscow
            cast(participant=voter, requirement=vetoed, choice=on_vetoed)
            cast(participant=voter, requirement=lukewarm, choice=on_lukewarm)
    results, _columns = results_by_id(traject)
    grid = cells(results[vetoed.pk])
    assert results[vetoed.pk]["flagged"]
    assert grid["uitvoering"]["veto"] and grid["uitvoering"]["apart"] == "less"
    assert grid["uitvoering"]["counts"] == {"must": 0, "should": 0, "could": 0, "wont": 3}
    assert grid["raad"]["support"] == pytest.approx(4 / 5)
    assert results[vetoed.pk]["draagvlak"] == pytest.approx((4 / 5 * 4 / 5 * 1 / 5) ** (1 / 3))
    assert results[vetoed.pk]["totals"]["counts"] == {"must": 3, "should": 3, "could": 0, "wont": 3}
    # The professionals' Zou kunnen is not a rejection: nothing to flag.
    assert not results[lukewarm.pk]["flagged"]


def test_one_voter_per_layer_is_never_a_column_of_its_own(traject, live, alice, bob, carol):
    requirement = requirements_services.add_requirement(traject=traject, text="Eén loket")
    for voter, choice in [(alice, "must"), (bob, "wont"), (carol, "should")]:
        requirements_services.cast_moscow(participant=voter, requirement=requirement, choice=choice)
    results, columns = results_by_id(traject)
    assert [c["layers"] for c in columns] == [
        ["raad", "bestuur", "directie", "management", "beleid", "teamleiding", "uitvoering"]
    ]
    assert columns[0]["voters"] == 3 and not columns[0]["too_few"]
    [cell] = results[requirement.pk]["grid"]
    assert cell["counts"] == {"must": 1, "should": 1, "could": 0, "wont": 1}


def test_a_small_layer_is_shown_with_its_group(traject, live):
    room = voters(live, raad=3, bestuur=1, beleid=3)
    requirement = requirements_services.add_requirement(traject=traject, text="Eén loket")
    for voter in [voter for layer in room.values() for voter in layer]:
        requirements_services.cast_moscow(participant=voter, requirement=requirement, choice="must")
    _results, columns = results_by_id(traject)
    assert [(c["key"], c["voters"]) for c in columns] == [
        ("raad+bestuur", 4),
        ("directie", 0),
        ("management", 0),
        ("beleid", 3),
        ("teamleiding", 0),
        ("uitvoering", 0),
    ]


def test_results_rank_open_requirements_first_with_every_joinable_layer_in_the_grid(traject, alice):
    low = requirements_services.add_requirement(traject=traject, text="Laag")
    high = requirements_services.add_requirement(traject=traject, text="Hoog")
    gone = requirements_services.add_requirement(traject=traject, text="Weg")
    requirements_services.cast_moscow(participant=alice, requirement=low, choice="could")
    requirements_services.cast_moscow(participant=alice, requirement=high, choice="must")
    requirements_services.cast_moscow(participant=alice, requirement=gone, choice="must")
    requirements_services.decide_requirement(requirement=gone, decision="drop")
    found = requirements_selectors.requirement_results(traject)
    assert [(r["text"], r["rank"]) for r in found["items"]] == [
        ("Hoog", 1),
        ("Laag", 2),
        ("Weg", None),
    ]
    assert [layer for c in found["columns"] for layer in c["layers"]] == [
        "raad",
        "bestuur",
        "directie",
        "management",
        "beleid",
        "teamleiding",
        "uitvoering",
    ]
    assert found["columns"][0]["too_few"]  # one voter: no column of their own


def test_dot_results_show_dots_and_support_per_layer(traject, live):
    room = voters(live, raad=3, uitvoering=3)
    requirements_services.set_vote_method(traject=traject, method="dots")
    a = requirements_services.add_requirement(traject=traject, text="A")
    b = requirements_services.add_requirement(traject=traject, text="B")
    for voter in room["raad"]:
        requirements_services.set_requirement_dots(participant=voter, requirement=a, dots=4)
    for voter in room["uitvoering"]:
        requirements_services.set_requirement_dots(participant=voter, requirement=b, dots=4)
    requirements_services.set_requirement_dots(
        participant=room["uitvoering"][0], requirement=a, dots=1
    )
    results, _columns = results_by_id(traject)
    first = results[a.pk]
    assert (first["totals"], first["priority"]) == ({"dots": 13, "layers": 2}, None)
    grid = cells(first)
    assert (grid["raad"]["dots"], grid["raad"]["support"]) == (12, pytest.approx(4 / 5))
    assert (grid["uitvoering"]["dots"], grid["uitvoering"]["support"]) == (1, pytest.approx(2 / 5))
    assert not first["flagged"]  # a dot cannot say no


@pytest.mark.parametrize(
    ("score", "label"),
    [(3.0, "must"), (2.5, "must"), (2.49, "should"), (1.5, "should"), (0.5, "could")]
    + [(0.49, "wont"), (None, None)],
)
def test_a_moscow_score_reads_as_the_nearest_label(score, label):
    assert requirements_selectors.priority_label(score) == label


# --- deciding and adopting --------------------------------------------------------------------


def test_deciding_can_accept_and_rephrase_in_one_step(traject):
    requirement = requirements_services.add_requirement(traject=traject, text="Snel")
    assert requirements_services.decide_requirement(
        requirement=requirement, decision="accept", text="Binnen twee weken", reason="Meetbaar"
    )
    requirement.refresh_from_db()
    assert (requirement.status, requirement.text) == ("accepted", "Binnen twee weken")
    assert requirement.revisions.count() == 1
    kwargs = {"requirement": requirement, "decision": "maybe"}
    assert error_code(requirements_services.decide_requirement, **kwargs) == "decision_unknown"


def test_adopting_makes_v1_then_v2_and_v1_stays_unchanged(traject, alice, bob):
    origin = wish(traject, bob, "raad", "Maatwerk moet gelijk behandelen")
    first = requirements_services.merge_wishes(
        traject=traject, wish_ids=[origin.pk], text="Gelijke gevallen"
    )
    second = requirements_services.add_requirement(traject=traject, text="Ruimte")
    requirements_services.cast_moscow(participant=alice, requirement=first, choice="must")
    requirements_services.decide_requirement(requirement=first, decision="accept")
    requirements_services.set_discussion_note(
        requirement=first, note="De raad wil dit, het wijkteam twijfelt."
    )
    v1 = requirements_services.adopt_programme(traject=traject)
    frozen = ProgrammeVersion.objects.get(pk=v1.pk).content
    requirements_services.rephrase_requirement(
        requirement=first, text="Gelijke gevallen gelijk", reason="Taal"
    )
    requirements_services.decide_requirement(requirement=second, decision="accept")
    v2 = requirements_services.adopt_programme(traject=traject)
    v1.refresh_from_db()
    assert (v1.number, v2.number) == (1, 2)
    assert v1.content == frozen
    [item] = v1.content["requirements"]
    assert (item["text"], item["priority"], item["roles"], item["rank"]) == (
        "Gelijke gevallen",
        "must",
        ["raad"],
        1,
    )
    assert item["discussion_note"] == "De raad wil dit, het wijkteam twijfelt."
    assert [r["text"] for r in v2.content["requirements"]] == ["Gelijke gevallen gelijk", "Ruimte"]


def test_adopting_without_an_accepted_requirement_is_refused(traject):
    requirements_services.add_requirement(traject=traject, text="Nog niet besloten")
    assert error_code(requirements_services.adopt_programme, traject=traject) == "nothing_accepted"


def test_a_burst_of_moscow_votes_is_applied_in_order_with_each_its_own_outcome(
    traject, alice, bob, mallory
):
    requirement = requirements_services.add_requirement(traject=traject, text="Uitlegbaar")
    dropped = requirements_services.add_requirement(traject=traject, text="Weg")
    requirements_services.cast_moscow(participant=bob, requirement=dropped, choice="could")
    Requirement.objects.filter(pk=dropped.pk).update(status=Requirement.Status.DROPPED)
    foreign = requirements_services.add_requirement(traject=mallory[0].traject, text="Elders")
    results = requirements_services.cast_moscow_votes(
        traject=traject,
        votes=[
            (alice.pk, requirement.pk, "could"),  # new
            (alice.pk, requirement.pk, "could"),  # the same again
            (alice.pk, requirement.pk, ""),  # taken back before it was ever stored
            (alice.pk, requirement.pk, "must"),  # and cast anew
            (bob.pk, requirement.pk, "maybe"),
            (bob.pk, dropped.pk, "must"),  # a dropped requirement takes no new vote…
            (bob.pk, dropped.pk, ""),  # …but lets one be taken back
            (bob.pk, foreign.pk, "must"),
        ],
    )
    codes = [r.code if isinstance(r, Exception) else r for r in results]
    assert codes == [
        True,
        False,
        True,
        True,
        "choice_unknown",
        "requirement_closed",
        True,
        "requirement_unknown",
    ]
    assert list(RequirementVote.objects.values_list("participant", "requirement", "choice")) == [
        (alice.pk, requirement.pk, "must")
    ]


def test_a_vote_changed_and_taken_back_in_one_burst_leaves_no_row(traject, alice):
    requirement = requirements_services.add_requirement(traject=traject, text="Uitlegbaar")
    requirements_services.cast_moscow(participant=alice, requirement=requirement, choice="wont")
    results = requirements_services.cast_moscow_votes(
        traject=traject,
        votes=[(alice.pk, requirement.pk, "should"), (alice.pk, requirement.pk, "")],
    )
    assert results == [True, True]
    assert not RequirementVote.objects.exists()
