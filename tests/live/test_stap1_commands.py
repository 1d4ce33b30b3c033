"""Stap 1 commands over the WebSocket: audiences, locks, and what lands in the database."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from game.notes import services as notes_services
from game.notes.models import DotVote, Note
from game.statements import services as statements_services
from game.statements.models import StatementAnswer
from tests.live.helpers import connect, reply_to, send
from tests.live.test_live_session import facilitator_socket, paths

pytestmark = pytest.mark.django_db(transaction=True)

FACILITATOR_ONLY = [
    ("statement.add", {"text": "Nieuw"}),
    ("statement.open", {"statement": 1}),
    ("statement.reveal", {"statement": 1}),
    ("statement.close", {"statement": 1}),
    ("cluster.create", {"name": "Vertrouwen"}),
    ("cluster.rename", {"cluster": 1, "name": "Ruimte"}),
    ("cluster.delete", {"cluster": 1}),
    ("note.move", {"note": 1, "cluster": None}),
    ("dots.reveal", {"revealed": True}),
    ("dots.configure", {"per_participant": 3}),
    ("picture.save", {"texts": {"obstacles": "Regels"}}),
]
PARTICIPANT_ONLY = [
    ("statement.answer", {"statement": 1, "answer": "eens"}),
    ("note.write", {"prompt": "wat-is", "text": "Luisteren"}),
    ("note.edit", {"note": 1, "text": "Luisteren", "signed": False}),
    ("note.delete", {"note": 1}),
    ("dots.set", {"cluster": 1, "dots": 1}),
]
# Every participant input with the phase whose lock refuses it.
LOCKED_INPUT = [
    ("stellingen", "statement.answer", {"statement": 1, "answer": "eens"}),
    ("notities", "note.write", {"prompt": "wat-is", "text": "Luisteren"}),
    ("notities", "note.edit", {"note": 1, "text": "Luisteren", "signed": False}),
    ("notities", "note.delete", {"note": 1}),
    ("stippen", "dots.set", {"cluster": 1, "dots": 1}),
]


@pytest.mark.parametrize(("cmd", "args"), FACILITATOR_ONLY)
async def test_a_participant_cannot_send_facilitator_stap1_commands(live, alice, cmd, args):
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    reply = await reply_to(phone, await send(phone, cmd, args))
    assert reply["error"]["code"] == "forbidden"
    await phone.disconnect()


@pytest.mark.parametrize(("cmd", "args"), PARTICIPANT_ONLY)
async def test_the_facilitator_cannot_send_participant_input(live, facilitator, cmd, args):
    console, _ = await facilitator_socket(live, facilitator)
    reply = await reply_to(console, await send(console, cmd, args))
    assert reply["error"]["code"] == "forbidden"
    await console.disconnect()


async def goto(console, phase: str, step: str = "stap1"):
    reply = await reply_to(
        console, await send(console, "phase.goto", {"step": step, "phase": phase})
    )
    assert "ack" in reply, reply


async def test_a_note_written_before_the_facilitator_moved_on_still_lands(live, facilitator, alice):
    console, _ = await facilitator_socket(live, facilitator)
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    await goto(console, "notities")
    await goto(console, "clusteren")  # moved on, but the notes phase is not locked
    reply = await reply_to(
        phone, await send(phone, "note.write", {"prompt": "wat-is", "text": "Ruimte"})
    )
    assert "ack" in reply
    assert await database_sync_to_async(Note.objects.count)() == 1
    await phone.disconnect()
    await console.disconnect()


async def test_a_locked_notes_phase_refuses_notes_from_anywhere(live, facilitator, alice):
    console, _ = await facilitator_socket(live, facilitator)
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    await goto(console, "notities")
    await reply_to(console, await send(console, "phase.lock", {"locked": True}))
    await goto(console, "clusteren")
    reply = await reply_to(
        phone, await send(phone, "note.write", {"prompt": "wat-is", "text": "Ruimte"})
    )
    assert reply["error"]["code"] == "phase_locked"
    assert await database_sync_to_async(Note.objects.count)() == 0
    await phone.disconnect()
    await console.disconnect()


@pytest.mark.parametrize(("phase", "cmd", "args"), LOCKED_INPUT)
async def test_participant_input_is_refused_while_its_phase_is_locked(
    live, facilitator, alice, phase, cmd, args
):
    console, _ = await facilitator_socket(live, facilitator)
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    await goto(console, phase)
    await reply_to(console, await send(console, "phase.lock", {"locked": True}))
    reply = await reply_to(phone, await send(phone, cmd, args))
    assert reply["error"]["code"] == "phase_locked"
    await phone.disconnect()
    await console.disconnect()


async def test_a_statement_answer_and_dots_are_stored_after_the_ack(live, facilitator, alice):
    statement = await database_sync_to_async(statements_services.add_statement)(
        traject=live.traject, text="S"
    )
    cluster = await database_sync_to_async(notes_services.create_cluster)(
        traject=live.traject, name="C"
    )
    console, _ = await facilitator_socket(live, facilitator)
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    assert "ack" in await reply_to(
        console, await send(console, "statement.open", {"statement": statement.pk})
    )
    answer = {"statement": statement.pk, "answer": "eens"}
    assert "ack" in await reply_to(phone, await send(phone, "statement.answer", answer))
    assert await database_sync_to_async(StatementAnswer.objects.count)() == 1
    dots = {"cluster": cluster.pk, "dots": 2}
    assert "ack" in await reply_to(phone, await send(phone, "dots.set", dots))
    assert await database_sync_to_async(lambda: DotVote.objects.get().dots)() == 2
    too_many = {"cluster": cluster.pk, "dots": 99}
    reply = await reply_to(phone, await send(phone, "dots.set", too_many))
    assert reply["error"]["code"] == "dots_exhausted"
    await phone.disconnect()
    await console.disconnect()


async def test_bad_arguments_get_a_localised_error_and_change_nothing(live, alice):
    phone, _ = await connect(paths(live)["participant"] + "?lang=en", session_key=alice[1])
    reply = await reply_to(phone, await send(phone, "dots.set", {"cluster": "x", "dots": -1}))
    assert reply["error"] == {
        "code": "bad_args",
        "message": "Some of what was sent is missing or not valid.",
    }
    await phone.send_to(text_data="not json at all")
    garbled = await phone.receive_json_from(timeout=5)
    assert garbled["error"]["code"] == "bad_message"
    await phone.disconnect()
