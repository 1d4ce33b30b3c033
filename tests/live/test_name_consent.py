"""A participant changes their consent to be named in the outcome document from their phone
("me.consent"); only they can, and their own part of the snapshot shows the answer."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from game.core.models import Participant
from tests.conftest import login_cookie
from tests.live.helpers import connect, drain, reply_to, send, state_at_least

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def consent_of(participant: Participant) -> bool:
    return Participant.objects.get(pk=participant.pk).name_consent


async def test_the_phone_changes_its_consent_and_sees_it_in_its_own_part(live, alice, bob):
    participant, key = alice
    phone, first = await connect(f"/ws/live/{live.code}/participant/", session_key=key)
    other, _ = await connect(f"/ws/live/{live.code}/participant/", session_key=bob[1])
    assert first["me"]["name_consent"] is False
    for wanted in (True, False):
        ack = await reply_to(phone, await send(phone, "me.consent", {"name_consent": wanted}))
        assert "ack" in ack, ack
        assert (await state_at_least(phone, ack["version"]))["me"]["name_consent"] is wanted
        assert await consent_of(participant) is wanted
        assert (await state_at_least(other, ack["version"]))["me"]["name_consent"] is False
    again = await reply_to(phone, await send(phone, "me.consent", {"name_consent": False}))
    assert again["version"] == ack["version"]  # nothing changed, so no new version
    await phone.disconnect()
    await other.disconnect()


async def test_a_locked_phase_does_not_stop_a_change_of_mind(live, facilitator, alice):
    participant, key = alice
    console, _ = await connect(
        f"/ws/live/{live.code}/facilitator/",
        session_key=await database_sync_to_async(login_cookie)(facilitator),
    )
    assert "ack" in await reply_to(console, await send(console, "phase.lock", {"locked": True}))
    phone, _ = await connect(f"/ws/live/{live.code}/participant/", session_key=key)
    reply = await reply_to(phone, await send(phone, "me.consent", {"name_consent": True}))
    assert "ack" in reply, reply
    assert await consent_of(participant) is True
    await phone.disconnect()
    await console.disconnect()


async def test_the_console_and_the_projector_cannot_change_anyones_consent(
    live, facilitator, alice
):
    participant, _ = alice
    console, _ = await connect(
        f"/ws/live/{live.code}/facilitator/",
        session_key=await database_sync_to_async(login_cookie)(facilitator),
    )
    screen, _ = await connect(f"/ws/live/{live.code}/screen/{live.screen_token}/")
    for comm in (console, screen):
        await drain(comm)
        reply = await reply_to(comm, await send(comm, "me.consent", {"name_consent": True}))
        assert reply["error"]["code"] == "forbidden", reply
        await comm.disconnect()
    assert await consent_of(participant) is False


async def test_a_consent_that_is_not_a_yes_or_no_is_refused(live, alice):
    participant, key = alice
    phone, _ = await connect(f"/ws/live/{live.code}/participant/", session_key=key)
    for args in ({"name_consent": "true"}, {"name_consent": 1}, {}):
        reply = await reply_to(phone, await send(phone, "me.consent", args))
        assert reply["error"]["code"] == "bad_args", reply
    assert await consent_of(participant) is False
    await phone.disconnect()
