"""This process's connections: fan-out per process, and presence kept off the hot path.

The channel layer carries one "new version" notice per *process* (its own channel joins the
session's group while it holds a connection of that session), not one message per phone: with
2,000 phones that is one layer message instead of 2,000, and the in-memory layer no longer walks
every phone's channel on every send. On a notice the process builds each audience's snapshot once
(sessions.broadcast.snapshots) and hands it to its own connections of that session.

Arrivals, departures and pings change only this process's memory; once per PRESENCE_FLUSH_MS a
ticker writes them to the database in one transaction, and every PRESENCE_REFRESH_SECONDS it
renews `seen_at` for all of this process's connections in one UPDATE. Presence never bumps the
room's version: phones do not show it at all, and the console and projector of this process get
a fresh picture at most once per tick, only when who is online in their session changed (in any
process: the database is where the processes' presence meets).
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
import weakref
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Protocol

from channels.db import database_sync_to_async
from channels.layers import BaseChannelLayer, get_channel_layer
from django.conf import settings

from sessions.broadcast import group_name, snapshots
from sessions.presence import flush, online_by_session
from sessions.registry import FACILITATOR, SCREEN
from sessions.snapshots import Snapshot

log = logging.getLogger(__name__)
WATCHERS = {FACILITATOR, SCREEN}  # the audiences that show presence


class Connection(Protocol):
    """What the fan-out needs of a consumer."""

    live_id: int
    audience: str
    lang: str

    async def push(self, snapshot: Snapshot) -> None: ...


@dataclass
class Rooms:
    """The connections of this process (one event loop), per live session."""

    layer: BaseChannelLayer
    rooms: dict[int, set[Connection]] = field(default_factory=lambda: defaultdict(set))
    channel: str | None = None
    reader: asyncio.Task | None = None

    async def enter(self, connection: Connection) -> None:
        room = self.rooms[connection.live_id]
        first = not room
        room.add(connection)
        if first:
            await self.layer.group_add(group_name(connection.live_id), await self._channel())

    async def leave(self, connection: Connection) -> None:
        room = self.rooms.get(connection.live_id)
        if room is None:
            return
        room.discard(connection)
        if not room:
            del self.rooms[connection.live_id]
            await self.layer.group_discard(group_name(connection.live_id), await self._channel())

    def connections(self, live_id: int) -> list[Connection]:
        return list(self.rooms.get(live_id, ()))

    async def deliver(
        self, live_id: int, version: int, *, audiences: set[str] | None = None
    ) -> None:
        """Each audience and language of this process's connections gets one build (shared by
        all its connections, and by every process's later notice of the same version)."""
        groups: dict[tuple[str, str], list[Connection]] = defaultdict(list)
        for connection in self.connections(live_id):
            if audiences is None or connection.audience in audiences:
                groups[(connection.audience, connection.lang)].append(connection)
        for (audience, lang), members in groups.items():
            snapshot = await snapshots.get(
                live_id=live_id, audience=audience, lang=lang, min_version=version
            )
            for connection in members:
                await connection.push(snapshot)

    async def refresh(self, live_id: int, *, audiences: set[str]) -> None:
        """Rebuild these audiences' picture at the same version (presence changed) and show it
        to their connections here; a connection that already shows it gets nothing."""
        snapshots.forget(live_id, audiences=audiences)
        await self.deliver(live_id, 0, audiences=audiences)

    async def _channel(self) -> str:
        if self.channel is None:
            # A plain name, not the layer's process-local "prefix!id" kind: channels_redis serves
            # those through one receive shared by all its consumers, behind which this reader
            # would wait unheard; a plain channel has a blocking read of its own.
            self.channel = f"live-process.{uuid.uuid4().hex}"
            self.reader = asyncio.create_task(self._read(self.channel))
        return self.channel

    async def _read(self, channel: str) -> None:
        while True:
            event = await self.layer.receive(channel)
            if event.get("type") == "state.changed":
                # Its own task: a slow build for one session never holds up another's notice.
                asyncio.create_task(self._deliver_logged(event["live_id"], event["version"]))

    async def _deliver_logged(self, live_id: int, version: int) -> None:
        try:
            await self.deliver(live_id, version)
        except Exception:  # one failed build must not stop the reader; clients resync by version
            log.exception("Delivering version %s of live session %s failed", version, live_id)


@dataclass
class Arrivals:
    """How many connections of this process are between their handshake and their first
    snapshot. Past the limit a newcomer is told to come back (sessions.consumers.CLOSE_BUSY)
    instead of queueing behind a thousand others until its handshake times out."""

    waiting: int = 0

    @contextmanager
    def admit(self) -> Iterator[bool]:
        if self.waiting >= settings.MAX_ARRIVING_CONNECTIONS:
            yield False
            return
        self.waiting += 1
        try:
            yield True
        finally:
            self.waiting -= 1


arrivals = Arrivals()  # one per process: daphne serves every connection on one event loop
_rooms: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Rooms] = weakref.WeakKeyDictionary()


def rooms() -> Rooms:
    """This event loop's rooms (a test's fresh channel layer gets fresh rooms too)."""
    loop = asyncio.get_running_loop()
    layer = get_channel_layer()
    current = _rooms.get(loop)
    if current is None or current.layer is not layer:
        current = _rooms[loop] = Rooms(layer=layer)
    return current


@dataclass
class Tracker:
    """This event loop's connections of participants and what the database does not know yet."""

    connections: dict[str, tuple[int, int]] = field(default_factory=dict)  # channel → (live, pid)
    arrived: dict[str, tuple[int, int]] = field(default_factory=dict)
    departed: set[str] = field(default_factory=set)
    last_refresh: float = 0.0
    online: dict[int, frozenset[int]] = field(default_factory=dict)  # live → ids, as last shown
    ticker: asyncio.Task | None = None

    def arrive(self, *, live_id: int, participant_id: int, channel_name: str) -> None:
        self.connections[channel_name] = self.arrived[channel_name] = (live_id, participant_id)
        self._start()

    def leave(self, *, channel_name: str) -> None:
        self.connections.pop(channel_name, None)
        if self.arrived.pop(channel_name, None) is None:  # else the database never knew it
            self.departed.add(channel_name)
        self._start()

    def _start(self) -> None:
        if self.ticker is None or self.ticker.done():
            self.ticker = asyncio.create_task(self._tick_forever())

    async def _tick_forever(self) -> None:
        while True:
            await asyncio.sleep(settings.PRESENCE_FLUSH_MS / 1000)
            try:
                await self.tick()
            except Exception:  # the next tick tries again; nothing is lost from memory
                log.exception("Presence tick failed")

    async def tick(self) -> None:
        """Write what changed, renew what lives, then show watchers what they do not know yet."""
        arrived, departed = self.arrived, self.departed
        self.arrived, self.departed = {}, set()
        now = time.monotonic()
        renew = now - self.last_refresh >= settings.PRESENCE_REFRESH_SECONDS
        alive = list(self.connections) if renew else []
        try:
            await database_sync_to_async(flush)(arrived=arrived, departed=departed, alive=alive)
        except Exception:
            self.arrived = arrived | self.arrived  # keep them for the next tick
            self.departed |= departed - self.arrived.keys()
            raise
        if renew:
            self.last_refresh = now
        await self.show_watchers()

    async def show_watchers(self) -> None:
        local = rooms()
        watched = [
            live_id
            for live_id in list(local.rooms)
            if any(c.audience in WATCHERS for c in local.connections(live_id))
        ]
        if not watched:
            return
        online = await database_sync_to_async(online_by_session)(watched)
        for live_id in watched:
            ids = online.get(live_id, frozenset())
            if self.online.get(live_id) != ids:
                self.online[live_id] = ids
                await local.refresh(live_id, audiences=WATCHERS)


_trackers: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, Tracker] = (
    weakref.WeakKeyDictionary()
)


def tracker() -> Tracker:
    loop = asyncio.get_running_loop()
    current = _trackers.get(loop)
    if current is None:
        current = _trackers[loop] = Tracker()
    return current
