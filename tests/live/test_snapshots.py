"""What each audience's snapshot carries: only what it may see."""

from __future__ import annotations

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from game.core.models import Reveal
from game.core.selectors import phase_by_key
from game.core.services import set_revealed
from game.notes import services as notes_services
from game.roleplay import services as roleplay_services
from game.statements import services as statements_services
from sessions import snapshots as snapshots_module
from sessions.models import LiveSession
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.snapshots import build_snapshot
from tests.conftest import make_participant

pytestmark = pytest.mark.django_db


def go(live: LiveSession, step: str, phase: str) -> None:
    live.phase = phase_by_key(live.traject.programme, step, phase)
    live.version += 1
    live.save()


def snap(live: LiveSession, audience: str) -> tuple[dict, dict]:
    snapshot = build_snapshot(live_id=live.pk, audience=audience, lang="nl")
    return json.loads(snapshot.shared_json), snapshot.personal


@pytest.fixture
def room(live):
    alice = make_participant(live, "Alice", "raad")[0]
    bob = make_participant(live, "Bob", "uitvoering")[0]
    return live, alice, bob


def test_anonymous_notes_reach_no_audience_with_their_author(room):
    live, alice, bob = room
    notes_services.write_note(participant=alice, prompt_key="wat-is", text="Anoniem", signed=False)
    notes_services.write_note(participant=bob, prompt_key="wat-is", text="Getekend", signed=True)
    go(live, "stap1", "notities")
    for audience in (SCREEN, FACILITATOR):
        shared, _ = snap(live, audience)
        authors = {note["text"]: note["author"] for note in shared["notes"]}
        assert authors == {"Anoniem": None, "Getekend": "Bob"}
        assert "Alice" not in json.dumps(shared["notes"])


def test_a_phone_gets_only_its_own_notes(room):
    live, alice, bob = room
    notes_services.write_note(
        participant=alice, prompt_key="wat-is", text="Van Alice", signed=False
    )
    go(live, "stap1", "notities")
    shared, personal = snap(live, PARTICIPANT)
    assert "notes" not in shared
    assert [n["text"] for n in personal[alice.pk]["notes"]] == ["Van Alice"]
    assert personal[bob.pk]["notes"] == []


def test_statement_results_stay_hidden_from_phones_and_screen_until_revealed(room):
    live, alice, _ = room
    statement = statements_services.add_statement(traject=live.traject, text="Stelling")
    statements_services.open_statement(statement=statement)
    statements_services.answer_statement(statement=statement, participant=alice, answer="eens")
    go(live, "stap1", "stellingen")
    assert snap(live, SCREEN)[0]["statement"]["results"] is None
    assert snap(live, PARTICIPANT)[1][alice.pk]["answer"] == "eens"
    assert snap(live, FACILITATOR)[0]["statement"]["results"]["percentages"]["eens"] == 100
    statements_services.reveal_statement(statement=statement)
    live.version += 1
    live.save()
    assert snap(live, SCREEN)[0]["statement"]["results"]["percentages"]["eens"] == 100


def test_a_phone_sees_only_its_own_role_card_once_revealed(room):
    live, alice, bob = room
    roleplay_services.deal_roles(traject=live.traject, seed=1)
    go(live, "stap2", "rollen")
    assert snap(live, PARTICIPANT)[1][alice.pk].get("role") is None
    set_revealed(traject=live.traject, what=Reveal.What.ROLES, revealed=True)
    live.version += 1
    live.save()
    shared, personal = snap(live, PARTICIPANT)
    assert "assignments" not in shared["roles"]
    assert personal[alice.pk]["role"]["key"] != "raad"
    assert personal[alice.pk]["role"]["interests"]


def test_wish_packages_reach_the_projector_without_names(room):
    live, alice, _ = room
    roleplay_services.deal_roles(traject=live.traject, seed=1)
    roleplay_services.write_wish(participant=alice, text="Maatwerk moet uitlegbaar zijn")
    go(live, "stap2", "wensen")
    shared, _ = snap(live, SCREEN)
    assert shared["packages"][0]["wishes"] == [{"text": "Maatwerk moet uitlegbaar zijn"}]
    assert "Alice" not in json.dumps(shared)


def test_dot_results_arrive_ranked_once_shown_and_in_cluster_order_while_hidden(room):
    live, alice, bob = room
    notes_services.create_cluster(traject=live.traject, name="Eerste")
    second = notes_services.create_cluster(traject=live.traject, name="Tweede")
    notes_services.set_dots(participant=alice, cluster=second, dots=3)
    go(live, "stap1", "stippen")
    names = lambda audience: [c["name"] for c in snap(live, audience)[0]["dots"]["clusters"]]  # noqa: E731
    assert names(FACILITATOR) == ["Tweede", "Eerste"]
    assert names(PARTICIPANT) == names(SCREEN) == ["Eerste", "Tweede"]
    assert snap(live, SCREEN)[0]["dots"]["clusters"][0]["total"] is None
    set_revealed(traject=live.traject, what=Reveal.What.DOTS, revealed=True)
    live.version += 1
    live.save()
    assert names(SCREEN) == ["Tweede", "Eerste"]


def test_a_snapshot_reads_the_reveals_once_for_all_its_sections(room):
    live, _, _ = room
    roleplay_services.deal_roles(traject=live.traject, seed=1)
    set_revealed(traject=live.traject, what=Reveal.What.ROLES, revealed=True)
    go(live, "stap2", "rollen")
    with CaptureQueriesContext(connection) as queries:
        shared, personal = snap(live, PARTICIPANT)
    assert (shared["roles"]["revealed"], shared["session"]["document_released"]) == (True, False)
    assert all(part["role"] for part in personal.values())
    assert sum('"game_reveal"' in query["sql"] for query in queries.captured_queries) == 1


def test_a_congress_hall_is_counted_on_the_console_not_listed(live, monkeypatch):
    """Past PEOPLE_LISTED the console names no more people; the counts still cover everyone."""
    monkeypatch.setattr(snapshots_module, "PEOPLE_LISTED", 3)
    for n in range(5):
        make_participant(live, f"Deelnemer {n}", "beleid")
    console, _ = snap(live, "facilitator")
    assert len(console["participants"]) == 3
    assert console["participant_count"] == 5
    assert sum(layer["joined"] for layer in console["layers"]) == 5
