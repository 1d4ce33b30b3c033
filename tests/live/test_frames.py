"""A connection is not sent the same picture twice: a new version that changes nothing it shows
arrives as a bare version frame, a visible one as the full state, and `sync` always gets the
full state."""

from __future__ import annotations

import pytest

from sessions.fanout import tracker
from tests.live.helpers import connect, drain, next_message, reply_to, send, state_at_least
from tests.live.test_live_session import facilitator_socket, paths

pytestmark = pytest.mark.django_db(transaction=True)


async def test_readiness_reaches_other_phones_and_the_projector_as_a_bare_version(
    live, facilitator, alice, bob
):
    console, _ = await facilitator_socket(live, facilitator)
    screen, _ = await connect(paths(live)["screen"])
    alice_phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    bob_phone, _ = await connect(paths(live)["participant"], session_key=bob[1])
    everyone = (console, screen, alice_phone, bob_phone)
    for comm in everyone:
        await drain(comm)

    # Alice's readiness shows on the console and on her own phone only.
    ack = await reply_to(alice_phone, await send(alice_phone, "phase.ready", {"ready": True}))
    version = ack["version"]
    assert (await state_at_least(console, version))["state"]["ready_count"] == 1
    assert (await state_at_least(alice_phone, version))["me"]["ready"] is True
    for comm in (bob_phone, screen):
        assert await next_message(comm) == {"type": "version", "version": version}

    # Asked for explicitly, the picture comes in full.
    await bob_phone.send_json_to({"cmd": "sync", "args": {"version": version}})
    synced = await next_message(bob_phone)
    assert synced["type"] == "state" and synced["version"] == version
    assert synced["me"]["ready"] is False

    # A change every audience shows comes in full to everyone.
    ack = await reply_to(console, await send(console, "phase.next"))
    for comm in everyone:
        state = await state_at_least(comm, ack["version"])
        assert state["state"]["phase"]["key"] == "introductie"
    for comm in everyone:
        await comm.disconnect()


async def test_a_phone_coming_online_sends_the_other_phones_nothing(live, alice, bob):
    """Presence shows on the console and the projector, not on phones, and bumps no version."""
    alice_phone, before = await connect(paths(live)["participant"], session_key=alice[1])
    await drain(alice_phone)
    bob_phone, first = await connect(paths(live)["participant"], session_key=bob[1])
    await tracker().tick()
    assert await drain(alice_phone) == []
    assert first["version"] == before["version"]
    await alice_phone.disconnect()
    await bob_phone.disconnect()
