"""The check-in that opens day 2: one short answer per returning participant, written, changed
or withdrawn, seen by the room without names, and where it sits in the programme."""

from __future__ import annotations

import json

import jsonschema
import pytest
from django.utils import translation

from game.core.errors import GameError
from game.core.selectors import first_phase, phase_by_key, phases_of
from game.core.services import join_traject
from game.followup import selectors as followup_selectors
from game.followup import services as followup_services
from game.followup.models import CheckIn
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.schema import snapshot_schema
from sessions.snapshots import build_snapshot
from tests.unit.helpers import error_of

pytestmark = pytest.mark.django_db

ANSWER = "Een keer de regels opgerekt voor een gezin met schulden."


def write(participant, text: str) -> bool:
    return followup_services.write_checkin(
        traject=participant.traject, participant=participant, text=text
    )


def answers_of(participant) -> list[str]:
    return list(CheckIn.objects.filter(participant=participant).values_list("text", flat=True))


# --- the programme ----------------------------------------------------------------------------


def test_the_check_in_follows_the_welcome_back_on_day_2(traject):
    day_2 = [(p.step.key, p.key, p.kind) for p in phases_of(traject.programme) if p.step.day == 2]
    assert day_2 == [
        ("stap4", "welkom-terug", "join"),
        ("stap4", "inchecken", "check-in"),
        ("stap4", "terugblik", "review"),
        ("stap4", "herzien", "revise"),
    ]
    assert first_phase(traject.programme, day=2).key == "welkom-terug"  # the code and QR first
    phase = phase_by_key(traject.programme, "stap4", "inchecken")
    assert phase.accepts_input
    assert (phase.title_nl, phase.title_en) == ("Inchecken", "Check-in")
    assert phase.instruction_en == (
        "What have you done or seen with maatwerk since the first meeting?"
    )


# --- writing, rewriting, withdrawing ----------------------------------------------------------


def test_an_answer_is_written_and_rewritten_in_place(alice):
    assert write(alice, f"  {ANSWER}  ") is True
    [row] = CheckIn.objects.filter(participant=alice)
    assert (row.text, row.traject_id) == (ANSWER, alice.traject_id)
    assert write(alice, ANSWER) is False  # the same answer again changes nothing
    assert write(alice, "Niets, helaas.") is True
    [again] = CheckIn.objects.filter(participant=alice)
    assert (again.pk, again.text) == (row.pk, "Niets, helaas.")
    assert again.updated_at >= row.updated_at


def test_an_empty_answer_withdraws_it(alice):
    write(alice, ANSWER)
    assert write(alice, "   ") is True
    assert answers_of(alice) == []
    assert write(alice, "") is False  # nothing left to withdraw
    assert followup_selectors.checkin_answers(alice.traject) == []


def test_an_answer_is_at_most_280_characters(alice):
    assert followup_services.CHECKIN_MAX == 280
    error = error_of(
        followup_services.write_checkin, traject=alice.traject, participant=alice, text="x" * 281
    )
    assert (error.code, error.params) == ("review_too_long", {"max": 280})
    with translation.override("en"):
        assert error.message() == "An answer can be at most 280 characters."
    assert answers_of(alice) == []
    assert write(alice, "x" * 280) is True
    # Too long is refused without touching the answer that is there.
    with pytest.raises(GameError):
        write(alice, "y" * 300)
    assert answers_of(alice) == ["x" * 280]


def test_nobody_changes_or_withdraws_someone_elses_answer(alice, bob, mallory):
    write(alice, ANSWER)
    write(bob, "Bobs antwoord")
    write(bob, "")
    assert answers_of(alice) == [ANSWER]
    # A participant of another traject does not answer in this one.
    error = error_of(
        followup_services.write_checkin, traject=alice.traject, participant=mallory[0], text="Hoi"
    )
    assert error.code == "participant_unknown"
    assert followup_selectors.checkin_answers(alice.traject) == [ANSWER]
    assert answers_of(mallory[0]) == []


def test_the_answers_come_newest_first_and_a_rewrite_keeps_its_place(alice, bob, carol):
    write(alice, "eerste")
    write(bob, "tweede")
    write(carol, "derde")
    write(alice, "eerste, herschreven")
    assert followup_selectors.checkin_answers(alice.traject) == [
        "derde",
        "tweede",
        "eerste, herschreven",
    ]
    write(bob, "")
    write(bob, "tweede, opnieuw")  # withdrawn and written again: new
    assert followup_selectors.checkin_answers(alice.traject)[0] == "tweede, opnieuw"


# --- what each audience sees ------------------------------------------------------------------


@pytest.fixture
def checking_in(live, alice, bob, carol):
    """Day 2's check-in on: Alice and Bob answered; Carol did not; an answer of someone not in
    this session (Dave) is on record too."""
    live.phase = phase_by_key(live.traject.programme, "stap4", "inchecken")
    live.save()
    write(alice, ANSWER)
    write(bob, "Bobs antwoord")
    dave = join_traject(traject=live.traject, name="Dave", layer_key="raad")  # not in this room
    write(dave, "Daves antwoord")
    return live


def snap(live, audience: str):
    snapshot = build_snapshot(live_id=live.pk, audience=audience, lang="en")
    return json.loads(snapshot.shared_json), snapshot.personal


def test_the_room_sees_the_answers_without_names_and_a_phone_its_own(
    checking_in, alice, bob, carol
):
    newest_first = ["Daves antwoord", "Bobs antwoord", ANSWER]
    console, _ = snap(checking_in, FACILITATOR)
    assert console["checkin"] == {
        "text_max": 280,
        "count": 3,
        "answers": newest_first,
        "answered": 2,  # of the three people present
    }
    assert len(console["participants"]) == 3
    screen, _ = snap(checking_in, SCREEN)
    assert screen["checkin"] == {"text_max": 280, "count": 3, "answers": newest_first}
    phone, personal = snap(checking_in, PARTICIPANT)
    assert phone["checkin"] == {"text_max": 280, "count": 3}
    assert personal[alice.pk]["checkin"] == ANSWER
    assert personal[bob.pk]["checkin"] == "Bobs antwoord"
    assert personal[carol.pk]["checkin"] == ""
    for shared in (console["checkin"], screen["checkin"], phone["checkin"]):
        text = json.dumps(shared)
        assert "Alice" not in text and "Bob" not in text.replace("Bobs antwoord", "")


def test_the_check_in_fits_the_snapshot_schema_with_answers(checking_in):
    for audience in (FACILITATOR, SCREEN, PARTICIPANT):
        snapshot = build_snapshot(live_id=checking_in.pk, audience=audience, lang="nl")
        pids = sorted(snapshot.personal) or [None]
        schema = snapshot_schema(audience)
        check = jsonschema.Draft202012Validator(schema)
        for pid in pids:
            message = json.loads(snapshot.message(me_json=snapshot.me_json(pid), server_time_ms=1))
            assert [e.message for e in check.iter_errors(message)] == [], (audience, pid)


def test_returning_devices_can_still_be_recognised_during_the_check_in(checking_in, alice):
    followup_services.claim_identity(
        traject=checking_in.traject, participant_id=alice.pk, token_hash="a-new-phone"
    )
    console, _ = snap(checking_in, FACILITATOR)
    assert [claim["name"] for claim in console["claims"]] == ["Alice"]
    assert "claims" not in snap(checking_in, SCREEN)[0]
