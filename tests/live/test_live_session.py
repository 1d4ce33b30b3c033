"""The live-session protocol through Channels' WebsocketCommunicator."""

from __future__ import annotations

import asyncio
import time

import pytest
from channels.db import database_sync_to_async

from sessions.broadcast import coalescer, snapshots
from sessions.models import CommandRecord, LiveSession, PhaseReady
from tests.conftest import login_cookie, make_participant
from tests.live.helpers import connect, drain, next_message, reply_to, send, state_at_least

pytestmark = pytest.mark.django_db(transaction=True)


def paths(live):
    return {
        "facilitator": f"/ws/live/{live.code}/facilitator/",
        "participant": f"/ws/live/{live.code}/participant/",
        "screen": f"/ws/live/{live.code}/screen/{live.screen_token}/",
    }


@database_sync_to_async
def reload(live) -> LiveSession:
    return LiveSession.objects.select_related("phase").get(pk=live.pk)


async def facilitator_socket(live, facilitator):
    key = await database_sync_to_async(login_cookie)(facilitator)
    return await connect(paths(live)["facilitator"], session_key=key)


async def test_a_joined_participant_receives_the_snapshot_of_their_audience(live, alice):
    participant, key = alice
    comm, first = await connect(paths(live)["participant"] + "?lang=en", session_key=key)
    assert first["me"] == {
        "name": "Alice",
        "layer": "Council member",
        "ready": False,
        "name_consent": False,
    }
    assert first["state"]["phase"]["key"] == "aanmelden"
    assert first["state"]["phase"]["title"] == "Joining"
    assert "participants" not in first["state"]  # the console's list is not for phones
    await comm.disconnect()


async def test_a_phase_change_reaches_facilitator_screen_and_every_participant(
    live, facilitator, alice, bob
):
    console, _ = await facilitator_socket(live, facilitator)
    screen, _ = await connect(paths(live)["screen"])
    phones = [
        (await connect(paths(live)["participant"], session_key=key))[0] for _, key in (alice, bob)
    ]
    await drain(console)
    client_id = await send(console, "phase.next")
    ack = await reply_to(console, client_id)
    assert "ack" in ack
    for comm in [console, screen, *phones]:
        state = await state_at_least(comm, ack["version"])
        assert state["state"]["phase"]["key"] == "introductie"
        await comm.disconnect()
    assert (await reload(live)).phase.key == "introductie"


async def test_a_participant_cannot_send_a_facilitator_command(live, alice):
    _, key = alice
    before = await reload(live)
    comm, _ = await connect(paths(live)["participant"] + "?lang=en", session_key=key)
    client_id = await send(comm, "phase.next")
    reply = await reply_to(comm, client_id)
    assert reply["error"]["code"] == "forbidden"
    assert reply["error"]["message"] == "You are not allowed to do that here."
    after = await reload(live)
    assert after.phase_id == before.phase_id
    await comm.disconnect()


async def test_the_screen_sends_nothing(live):
    comm, _ = await connect(paths(live)["screen"])
    for cmd in ("phase.next", "phase.ready"):
        reply = await reply_to(comm, await send(comm, cmd, {"ready": True}))
        assert reply["error"]["code"] == "forbidden"
    assert (await reload(live)).phase.key == "aanmelden"
    await comm.disconnect()


async def test_a_retried_command_id_is_applied_once(live, facilitator):
    console, _ = await facilitator_socket(live, facilitator)
    first = await reply_to(console, await send(console, "phase.next", id="retry-me"))
    second = await reply_to(console, await send(console, "phase.next", id="retry-me"))
    assert first["ack"] == second["ack"] == "retry-me"
    assert first["version"] == second["version"]
    live_after = await reload(live)
    assert live_after.phase.key == "introductie"  # moved one phase, not two
    assert await database_sync_to_async(CommandRecord.objects.count)() == 1
    await console.disconnect()


async def test_a_reconnect_with_an_old_version_receives_the_full_snapshot(live, facilitator, alice):
    _, key = alice
    phone, first = await connect(paths(live)["participant"], session_key=key)
    old_version = first["version"]
    await phone.disconnect()
    console, _ = await facilitator_socket(live, facilitator)
    for _ in range(3):
        await reply_to(console, await send(console, "phase.next"))
    phone, snapshot = await connect(paths(live)["participant"], session_key=key)
    await phone.send_json_to({"cmd": "sync", "args": {"version": old_version}})
    synced = await next_message(phone)
    current = await reload(live)
    for message in (snapshot, synced):
        assert message["version"] >= current.version - 1  # its own arrival bumps once more
        assert message["state"]["phase"]["key"] == current.phase.key
        assert message["state"]["step"]["key"] == "stap1"
        assert message["me"]["name"] == "Alice"
    assert synced["version"] == (await reload(live)).version
    await phone.disconnect()
    await console.disconnect()


async def test_a_locked_phase_refuses_input_and_keeps_nothing(live, facilitator, alice):
    _, key = alice
    console, _ = await facilitator_socket(live, facilitator)
    await reply_to(console, await send(console, "phase.next"))
    locked = await reply_to(console, await send(console, "phase.lock", {"locked": True}))
    assert "ack" in locked
    phone, _ = await connect(paths(live)["participant"] + "?lang=nl", session_key=key)
    reply = await reply_to(phone, await send(phone, "phase.ready", {"ready": True}))
    assert reply["error"]["code"] == "phase_locked"
    assert reply["error"]["message"] == "De begeleider heeft invoer voor dit onderdeel gesloten."
    assert await database_sync_to_async(PhaseReady.objects.count)() == 0
    await reply_to(console, await send(console, "phase.lock", {"locked": False}))
    reply = await reply_to(phone, await send(phone, "phase.ready", {"ready": True}))
    assert "ack" in reply
    assert await database_sync_to_async(PhaseReady.objects.count)() == 1
    await phone.disconnect()
    await console.disconnect()


async def test_a_burst_of_300_commands_causes_far_fewer_broadcasts(live, facilitator, settings):
    people = [
        await database_sync_to_async(make_participant)(live, f"Deelnemer {i}", "beleid")
        for i in range(30)
    ]
    console, _ = await facilitator_socket(live, facilitator)
    await reply_to(console, await send(console, "phase.next"))
    phones = [(await connect(paths(live)["participant"], session_key=key))[0] for _, key in people]
    await asyncio.sleep(0.3)
    await asyncio.gather(*(drain(comm) for comm in phones))
    sent_before = coalescer.sent
    builds_before = snapshots.builds

    async def ten_commands(comm):
        ids = [await send(comm, "phase.ready", {"ready": i % 2 == 0}) for i in range(10)]
        return [await reply_to(comm, client_id, timeout=30) for client_id in ids]

    started = time.monotonic()
    replies = await asyncio.gather(*(ten_commands(comm) for comm in phones))
    assert all("ack" in reply for batch in replies for reply in batch)
    await asyncio.sleep(0.5)
    broadcasts = coalescer.sent - sent_before
    elapsed = time.monotonic() - started
    final = await reload(live)
    # At most one notice per interval (plus the leading and the trailing edge), however slow
    # the machine: the count follows from the coalescing rule, not from the machine's speed.
    assert broadcasts <= elapsed / (settings.BROADCAST_INTERVAL_MS / 1000) + 2, broadcasts
    assert broadcasts < 300
    assert snapshots.builds - builds_before <= broadcasts * 2  # participant + console audience
    for messages in await asyncio.gather(*(drain(comm) for comm in phones)):
        # A version that changed nothing on this phone arrives as a bare version frame.
        frames = [m for m in messages if m.get("type") in ("state", "version")]
        assert frames[-1]["version"] == final.version
    for comm in phones:
        await comm.disconnect()
    await console.disconnect()


async def test_only_the_facilitator_releases_the_document_and_phones_see_it(
    live, facilitator, alice
):
    phone, first = await connect(paths(live)["participant"], session_key=alice[1])
    assert first["state"]["session"]["document_released"] is False
    refused = await reply_to(phone, await send(phone, "document.release", {"released": True}))
    assert refused["error"]["code"] == "forbidden"
    console, _ = await facilitator_socket(live, facilitator)
    ack = await reply_to(console, await send(console, "document.release", {"released": True}))
    state = await state_at_least(phone, ack["version"])
    assert state["state"]["session"]["document_released"] is True
    await phone.disconnect()
    await console.disconnect()


async def test_the_console_sets_the_projectors_language_and_the_projector_is_told(
    live, facilitator
):
    screen, first = await connect(paths(live)["screen"])
    assert first["state"]["session"]["screen_language"] == "nl"  # the traject's, to begin with
    console, _ = await facilitator_socket(live, facilitator)
    ack = await reply_to(console, await send(console, "screen.language", {"language": "en"}))
    state = await state_at_least(screen, ack["version"])
    assert state["state"]["session"]["screen_language"] == "en"
    assert (await reload(live)).screen_language == "en"  # stored before it was told
    again = await reply_to(console, await send(console, "screen.language", {"language": "en"}))
    assert again["version"] == ack["version"]  # nothing changed, nothing to send
    refused = await reply_to(console, await send(console, "screen.language", {"language": "de"}))
    assert refused["error"]["code"] == "bad_args"
    await screen.disconnect()
    await console.disconnect()
