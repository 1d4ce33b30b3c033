"""The room of the end-to-end workshop tests: the harness that drives a facilitator's console,
a projector and the participants' phones over real pages and real sockets of a daphne process.

The day-1 test and the Stap 3 / Dag 2 test play different parts of the game with the same
room: seats that send paced, acknowledged commands, a sync that waits until every screen has
caught up with one version, and the checks that hold over a whole game. They live here once, so
both tests drive the server the same way and a change to the harness reaches both.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field

from channels.db import database_sync_to_async

from game.core.models import Participant
from sessions.models import LiveSession
from tests.integration.client import Browser, LiveSocket, join, sign_in

WAIT = 10  # seconds: the bound on every single wait for an ack, an error or a state


@dataclass
class Seat:
    """One socket in the room (console, projector or phone) that sends commands and is paced
    below the server's token bucket (10/s, burst 30), so no command is ever rate-limited."""

    name: str
    socket: LiveSocket
    layer: str = ""
    pid: int = 0
    browser: Browser | None = None  # a phone's browser, which can come back another day
    rate: float = 8.0
    tokens: float = 20.0
    updated: float = field(default_factory=time.monotonic)

    async def pace(self) -> None:
        while True:
            now = time.monotonic()
            self.tokens = min(20.0, self.tokens + (now - self.updated) * self.rate)
            self.updated = now
            if self.tokens >= 1:
                self.tokens -= 1
                return
            await asyncio.sleep((1 - self.tokens) / self.rate)

    async def send(self, cmd: str, args: dict | None = None) -> str:
        await self.pace()
        return await self.socket.send(cmd, args or {})

    async def do(self, cmd: str, args: dict | None = None) -> int:
        """Send one command and wait for its ack (an error reply fails the test); the version."""
        ack = await self.socket.ack(await self.send(cmd, args), timeout=WAIT)
        return ack["version"]

    async def refused(self, cmd: str, args: dict | None = None) -> dict:
        """Send one command that must be refused; the error."""
        reply = await self.socket.reply(await self.send(cmd, args), timeout=WAIT)
        assert "error" in reply, f"{cmd} was acknowledged, not refused: {reply}"
        return reply["error"]

    async def sees(self, version: int) -> dict:
        return await self.socket.state(min_version=version, timeout=WAIT)

    def states(self) -> list[dict]:
        """Every state message this socket received."""
        return [m for m in self.socket.messages if m.get("type") == "state"]


@dataclass(frozen=True)
class Seen:
    """What every socket shows once it has caught up with one version."""

    console: dict
    screen: dict
    phones: list[dict]  # whole messages: `state` and the phone's own `me`

    @property
    def room(self) -> list[dict]:
        """The projector's and the phones' states: what the room sees."""
        return [self.screen, *(m["state"] for m in self.phones)]


@dataclass
class Room:
    console: Seat
    screen: Seat
    phones: list[Seat]

    @property
    def seats(self) -> list[Seat]:
        return [self.console, self.screen, *self.phones]

    async def sync(self, version: int) -> Seen:
        console, screen, *phones = await asyncio.gather(
            *(seat.sees(version) for seat in self.seats)
        )
        return Seen(console=console["state"], screen=screen["state"], phones=phones)

    async def goto(self, step: str, phase: str) -> Seen:
        seen = await self.sync(await self.console.do("phase.goto", {"step": step, "phase": phase}))
        assert {state["phase"]["key"] for state in [seen.console, *seen.room]} == {phase}
        return seen

    async def on(self, indexes: list[int], work) -> int:
        """Run `work(index, phone)` on these phones at once; the highest version acknowledged."""
        versions = await asyncio.gather(*(work(index, self.phones[index]) for index in indexes))
        return max(versions)

    async def all_phones(self, work) -> int:
        """Run `work(index, phone)` on every phone at once; the highest version acknowledged."""
        return await self.on(list(range(len(self.phones))), work)

    async def close(self) -> None:
        await asyncio.gather(*(seat.socket.close() for seat in self.seats))


# --- opening the room -------------------------------------------------------------------------


async def console_and_screen(
    server, facilitator_browser: Browser, code: str, screen_token: str
) -> tuple[Seat, Seat]:
    """The facilitator's console and the projector of live session `code`, connected."""
    console = Seat("console", facilitator_browser.socket(f"/ws/live/{code}/facilitator/"))
    await console.socket.connect(within=WAIT)
    screen = Seat("screen", Browser(server.url).socket(f"/ws/live/{code}/screen/{screen_token}/"))
    await screen.socket.connect(within=WAIT)
    return console, screen


async def open_room(
    server, live, facilitator, password: str, people: list[tuple[str, str]]
) -> tuple[Room, Browser]:
    """The facilitator signs in, the projector connects and `people` (name, layer) join on the
    join page one after the other, so the join order is the table's; the room and the
    facilitator's browser."""
    facilitator_browser = await asyncio.to_thread(
        sign_in, server.url, username=facilitator.get_username(), password=password
    )
    console, screen = await console_and_screen(
        server, facilitator_browser, live.code, live.screen_token
    )
    phones = []
    for name, layer in people:
        browser = await asyncio.to_thread(join, server.url, code=live.code, name=name, layer=layer)
        socket = browser.socket(f"/ws/live/{live.code}/participant/")
        phone = Seat(name, socket, layer=layer, browser=browser)
        first = await phone.socket.connect(within=WAIT)
        assert first["me"]["name"] == name
        phones.append(phone)
    ids = await participant_ids(live.traject_id)
    for phone in phones:
        phone.pid = ids[phone.name]
    return Room(console=console, screen=screen, phones=phones), facilitator_browser


# --- the database behind the room -------------------------------------------------------------


@database_sync_to_async
def participant_ids(traject_id: int) -> dict[str, int]:
    return dict(Participant.objects.filter(traject_id=traject_id).values_list("name", "pk"))


@database_sync_to_async
def stored_version(code: str) -> int:
    return LiveSession.objects.values_list("version", flat=True).get(code=code)


# --- what holds over a whole game -------------------------------------------------------------


def assert_no_other_errors(room: Room, expected: dict[str, list[str]] | None = None) -> None:
    """Every command was acknowledged, except the refusals the test provoked (by seat name)."""
    expected = expected or {}
    for seat in room.seats:
        codes = [m["error"]["code"] for m in seat.socket.messages if "error" in m]
        assert codes == expected.get(seat.name, []), f"{seat.name} received errors: {codes}"
