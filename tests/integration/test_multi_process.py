"""Two daphne processes on one Redis and one PostgreSQL behave as one server: scaling out is
configuration, and the database is the truth.

Everything goes through the real pages and sockets: the phone joins on the join page, the
facilitator signs in on the login page, and the processes are separate OS processes that one
test kills with SIGKILL.
"""

from __future__ import annotations

import asyncio

import pytest
from channels.db import database_sync_to_async

from sessions.models import LiveSession
from tests.integration.client import join, sign_in

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


@database_sync_to_async
def stored(live) -> LiveSession:
    """The live session as committed, which is what every process rebuilds its state from."""
    return LiveSession.objects.select_related("phase").get(pk=live.pk)


async def console_on(proc, live, facilitator, password):
    browser = await asyncio.to_thread(
        sign_in, proc.url, username=facilitator.get_username(), password=password
    )
    console = browser.socket(f"/ws/live/{live.code}/facilitator/")
    await console.connect()
    return console


async def phone_on(proc, live, *, name: str, layer: str):
    browser = await asyncio.to_thread(join, proc.url, code=live.code, name=name, layer=layer)
    phone = browser.socket(f"/ws/live/{live.code}/participant/")
    first = await phone.connect()
    assert first["me"]["name"] == name
    return phone


async def test_a_participant_on_process_a_sees_a_phase_change_made_through_process_b(
    daphne, live, facilitator, facilitator_password
):
    a, b = daphne("A"), daphne("B")
    phone = await phone_on(a, live, name="Alice", layer="raad")
    console = await console_on(b, live, facilitator, facilitator_password)
    before = (await stored(live)).phase.key

    ack = await console.ack(await console.send("phase.next"))

    state = await phone.state(min_version=ack["version"], timeout=10)
    after = await stored(live)
    assert state["version"] == ack["version"] == after.version
    assert state["state"]["phase"]["key"] == after.phase.key != before
    await phone.close()
    await console.close()


async def test_a_participant_reconnects_after_process_a_is_killed_and_sees_the_same_state(
    daphne, live, facilitator, facilitator_password
):
    a, b = daphne("A"), daphne("B")
    phone = await phone_on(a, live, name="Alice", layer="raad")
    console = await console_on(b, live, facilitator, facilitator_password)
    for _ in range(2):
        ack = await console.ack(await console.send("phase.next"))
    seen = await phone.state(min_version=ack["version"], timeout=10)
    last_version, phase_key = seen["version"], seen["state"]["phase"]["key"]

    a.kill()
    await phone.dropped(timeout=10)
    # The phone retries with backoff while A is down and gets in once A listens again.
    reconnecting = asyncio.create_task(phone.connect(within=30))
    await asyncio.to_thread(a.restart)
    first = await reconnecting

    now = await stored(live)
    assert first["me"]["name"] == "Alice"  # the device cookie still speaks for her
    assert first["state"]["phase"]["key"] == phase_key == now.phase.key
    assert first["version"] >= last_version
    # Coming back is presence, which changes no version: she finds the room as she left it.
    assert first["version"] == now.version == last_version
    await phone.close()
    await console.close()
