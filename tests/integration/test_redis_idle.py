"""A room that is quiet for a while on Redis keeps every socket open.

channels_redis waits up to 5 s on BZPOPMIN for the next message of a process; if redis-py's
socket timeout is not above that wait, a quiet process raises TimeoutError inside a consumer and
daphne closes the phone's socket (1011). People reading a case in silence must not make every
phone reconnect.
"""

from __future__ import annotations

import asyncio

import pytest

from tests.integration.test_multi_process import console_on, phone_on, stored

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

QUIET_SECONDS = 16  # three of channels_redis' 5 s waits, and then some


async def test_a_room_quiet_for_fifteen_seconds_on_redis_keeps_every_socket_open(
    daphne, live, facilitator, facilitator_password
):
    a = daphne("A")
    phone = await phone_on(a, live, name="Alice", layer="raad")
    console = await console_on(a, live, facilitator, facilitator_password)
    received_before = len(phone.messages)

    await asyncio.sleep(QUIET_SECONDS)

    assert phone.close_code is None, f"the phone's socket was closed ({phone.close_code})"
    assert console.close_code is None, f"the console's socket was closed ({console.close_code})"
    assert "TimeoutError" not in a.output()
    # The same sockets still carry the room: a phase change reaches the phone without reconnect.
    ack = await console.ack(await console.send("phase.next"))
    state = await phone.state(min_version=ack["version"], timeout=10)
    assert state["version"] == (await stored(live)).version
    assert len(phone.messages) > received_before
    await phone.close()
    await console.close()
