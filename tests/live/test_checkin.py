"""The day-2 check-in over the WebSocket: a phone's answer reaches the console and the projector
without its author's name, a phone sees only its own answer and the count, a draft sent just
after the facilitator moved on still lands, and a locked check-in refuses input."""

from __future__ import annotations

import json

import pytest

from game.followup.models import CheckIn
from sessions.live import open_session
from tests.conftest import make_participant
from tests.live.helpers import connect, db_value, reply_to, send, state_at_least
from tests.live.test_live_session import facilitator_socket, paths

pytestmark = pytest.mark.django_db(transaction=True)

ANSWER = "Samen met de schuldhulp één plan gemaakt, zonder nieuwe aanvraag."


async def ok(comm, cmd: str, args: dict | None = None) -> dict:
    reply = await reply_to(comm, await send(comm, cmd, args))
    assert "ack" in reply, (cmd, reply)
    return reply


async def refused(comm, cmd: str, args: dict | None = None) -> dict:
    reply = await reply_to(comm, await send(comm, cmd, args))
    assert "error" in reply, (cmd, reply)
    return reply["error"]


@pytest.fixture
def day2(traject):
    """A follow-up session: Alice and Bob are back."""
    live = open_session(traject=traject, day=2)
    alice = make_participant(live, "Alice", "raad")
    bob = make_participant(live, "Bob", "uitvoering")
    return live, alice, bob


async def test_an_answer_reaches_the_console_and_the_projector_without_its_author(
    day2, facilitator
):
    live, (alice, alice_key), (bob, bob_key) = day2
    console, first = await facilitator_socket(live, facilitator)
    assert first["state"]["phase"]["key"] == "welkom-terug"
    screen, _ = await connect(paths(live)["screen"])
    alice_phone, _ = await connect(paths(live)["participant"], session_key=alice_key)
    bob_phone, _ = await connect(paths(live)["participant"], session_key=bob_key)
    moved = await ok(console, "phase.goto", {"step": "stap4", "phase": "inchecken"})
    seen = await state_at_least(bob_phone, moved["version"])
    assert seen["state"]["phase"]["kind"] == "check-in"
    assert seen["state"]["checkin"] == {"text_max": 280, "count": 0}
    assert seen["me"]["checkin"] == ""

    reply = await ok(alice_phone, "checkin.write", {"text": ANSWER})
    at_console = (await state_at_least(console, reply["version"]))["state"]
    assert at_console["checkin"] == {
        "text_max": 280,
        "count": 1,
        "answers": [ANSWER],
        "answered": 1,
    }
    assert "Alice" not in json.dumps(at_console["checkin"])
    on_screen = await state_at_least(screen, reply["version"])
    assert on_screen["state"]["checkin"]["answers"] == [ANSWER]
    assert "Alice" not in json.dumps(on_screen)
    # Phones: one's own answer and the count, nobody else's words.
    mine = await state_at_least(alice_phone, reply["version"])
    assert mine["me"]["checkin"] == ANSWER
    theirs = await state_at_least(bob_phone, reply["version"])
    assert theirs["state"]["checkin"] == {"text_max": 280, "count": 1}
    assert theirs["me"]["checkin"] == ""
    assert ANSWER not in json.dumps(theirs)

    # Too long: refused with the follow-up's own message, the answer stays.
    error = await refused(alice_phone, "checkin.write", {"text": "x" * 281})
    assert error["code"] == "review_too_long"
    # Withdrawn by an empty answer.
    reply = await ok(alice_phone, "checkin.write", {"text": ""})
    at_console = (await state_at_least(console, reply["version"]))["state"]
    assert at_console["checkin"]["answers"] == []
    assert (await state_at_least(alice_phone, reply["version"]))["me"]["checkin"] == ""
    for comm in (console, screen, alice_phone, bob_phone):
        await comm.disconnect()


async def test_a_draft_sent_after_moving_on_lands_and_a_locked_check_in_refuses_it(
    day2, facilitator
):
    live, (alice, alice_key), (bob, bob_key) = day2
    console, _ = await facilitator_socket(live, facilitator)
    alice_phone, _ = await connect(paths(live)["participant"], session_key=alice_key)
    bob_phone, _ = await connect(paths(live)["participant"], session_key=bob_key)
    await ok(console, "phase.goto", {"step": "stap4", "phase": "inchecken"})
    # The facilitator moves on; Bob's phone sends the answer it had typed as it leaves.
    await ok(console, "phase.goto", {"step": "stap4", "phase": "terugblik"})
    await ok(bob_phone, "checkin.write", {"text": "Bob was nog aan het typen"})
    # Once the check-in is locked (also after moving on), no answer changes.
    await ok(console, "phase.goto", {"step": "stap4", "phase": "inchecken"})
    await ok(console, "phase.lock", {"locked": True})
    assert (await refused(alice_phone, "checkin.write", {"text": ANSWER}))["code"] == (
        "phase_locked"
    )
    await ok(console, "phase.goto", {"step": "stap4", "phase": "terugblik"})
    assert (await refused(bob_phone, "checkin.write", {"text": ""}))["code"] == "phase_locked"
    rows = await db_value(lambda: list(CheckIn.objects.values_list("participant_id", "text")))()
    assert rows == [(bob.pk, "Bob was nog aan het typen")]
    for comm in (console, alice_phone, bob_phone):
        await comm.disconnect()


async def test_only_a_phone_answers_the_check_in(day2, facilitator):
    live, _, _ = day2
    console, _ = await facilitator_socket(live, facilitator)
    screen, _ = await connect(paths(live)["screen"])
    for comm in (console, screen):
        assert (await refused(comm, "checkin.write", {"text": ANSWER}))["code"] == "forbidden"
        await comm.disconnect()
