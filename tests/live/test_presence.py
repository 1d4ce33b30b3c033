"""Fan-out per process and presence off the hot path (sessions.fanout).

The channel layer carries one notice per process, not one per phone; arrivals, departures and
pings change only memory until a presence tick, which writes them in one go, bumps no version
and shows the console and the projector who is online.
"""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from sessions.broadcast import group_name
from sessions.consumers import CLOSE_BUSY
from sessions.fanout import rooms, tracker
from sessions.models import Presence
from tests.conftest import make_participant
from tests.live.helpers import (
    communicator,
    connect,
    drain,
    group_members,
    reply_to,
    send,
    state_at_least,
)
from tests.live.test_live_session import facilitator_socket, paths, reload

pytestmark = pytest.mark.django_db(transaction=True)


@database_sync_to_async
def presence_rows(live) -> list[tuple[int, object]]:
    return list(Presence.objects.filter(live_session=live).values_list("participant_id", "seen_at"))


@database_sync_to_async
def phones_of(live, count: int) -> list[str]:
    return [make_participant(live, f"Telefoon {n}", "uitvoering")[1] for n in range(count)]


async def test_the_layer_carries_one_notice_per_process_however_many_phones_are_in(
    live, facilitator
):
    console, _ = await facilitator_socket(live, facilitator)
    phones = [
        (await connect(paths(live)["participant"], session_key=key))[0]
        for key in await phones_of(live, 12)
    ]
    assert len(await group_members(group_name(live.pk))) == 1  # this process, not 13 phones
    assert len(rooms().connections(live.pk)) == 13

    ack = await reply_to(console, await send(console, "phase.next"))
    for phone in phones:
        state = await state_at_least(phone, ack["version"])
        assert state["state"]["phase"]["key"] == "introductie"
    for comm in (console, *phones):
        await comm.disconnect()
    assert await group_members(group_name(live.pk)) == set()  # the last one out leaves it


async def test_a_phone_arriving_bumps_no_version_and_the_console_sees_it_at_the_next_tick(
    live, facilitator, alice
):
    console, first = await facilitator_socket(live, facilitator)
    screen, _ = await connect(paths(live)["screen"])
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    assert await drain(console) == []  # nothing yet: presence is not on the hot path
    assert await presence_rows(live) == []

    await tracker().tick()

    assert [pid for pid, _ in await presence_rows(live)] == [alice[0].pk]
    state = (await drain(console))[-1]
    assert state["version"] == first["version"] == (await reload(live)).version
    [person] = state["state"]["participants"]
    assert (person["name"], person["online"]) == ("Alice", True)
    raad = next(c for c in (await drain(screen))[-1]["state"]["layers"] if c["key"] == "raad")
    assert (raad["joined"], raad["online"]) == (1, 1)
    await tracker().tick()
    assert await drain(console) == []  # nothing changed since, so nothing is sent again

    await phone.disconnect()
    await tracker().tick()
    assert await presence_rows(live) == []
    [person] = (await drain(console))[-1]["state"]["participants"]
    assert person["online"] is False
    await console.disconnect()
    await screen.disconnect()


async def test_a_ping_writes_nothing_and_the_process_renews_all_its_phones_at_once(
    live, alice, bob, settings
):
    settings.PRESENCE_REFRESH_SECONDS = 3600
    phones = [
        (await connect(paths(live)["participant"], session_key=key))[0]
        for key in (alice[1], bob[1])
    ]
    await tracker().tick()  # writes the arrivals, and renews (the first renewal is due)
    before = dict(await presence_rows(live))
    for phone in phones:
        await phone.send_json_to({"cmd": "ping"})
        assert (await phone.receive_json_from())["type"] == "pong"
    await tracker().tick()
    assert dict(await presence_rows(live)) == before

    settings.PRESENCE_REFRESH_SECONDS = 0
    await tracker().tick()
    after = dict(await presence_rows(live))
    assert after.keys() == before.keys()
    assert all(after[pid] > before[pid] for pid in before)
    for phone in phones:
        await phone.disconnect()


async def test_past_the_arrival_limit_a_phone_is_told_to_come_back_and_then_gets_in(
    live, alice, settings
):
    settings.MAX_ARRIVING_CONNECTIONS = 0
    refused = communicator(paths(live)["participant"], session_key=alice[1])
    connected, _ = await refused.connect()
    assert connected  # accepted, so the phone hears why instead of a silent failure
    assert (await refused.receive_output(timeout=5))["code"] == CLOSE_BUSY
    assert await presence_rows(live) == [] and not rooms().connections(live.pk)

    settings.MAX_ARRIVING_CONNECTIONS = 200
    phone, first = await connect(paths(live)["participant"], session_key=alice[1])
    assert first["me"]["name"] == "Alice"
    await phone.disconnect()
