"""Group commit: the commands that arrive together for one live session in this process are
applied as one batch, in one transaction (sessions.dispatch.execute_batch).

When 2,000 phones vote at once, one transaction per vote means one wait for the session row's
lock, one commit and one hop to a database thread per vote, and the lock makes them queue
anyway. Batched, a burst costs a few transactions. A batch starts at once when the session is
idle, so a lone command is not delayed; while one runs the next collects, and it starts when the
previous one committed, at least WINDOW_MS after it started (sooner once MAX_COMMANDS wait). So
a command waits at most about one window plus one transaction. Every caller still hears only
after the commit, with its own outcome or its own error.
"""

from __future__ import annotations

import asyncio
import math
import weakref
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.db import close_old_connections, connections
from django.utils import translation

from sessions.dispatch import Outcome, Request, execute_batch
from sessions.protocol import Envelope
from sessions.registry import Actor

# Well below what a person notices, and far below the broadcast interval (BROADCAST_INTERVAL_MS)
# that decides when the room sees a change anyway.
WINDOW_MS = 10
# Keeps one transaction short (tens of milliseconds), so other work on the database (snapshot
# builds, presence, other sessions) is not held up behind a huge batch.
MAX_COMMANDS = 200
# PostgreSQL only: batches of different sessions run side by side on these threads (one
# session's batches still follow one another); it also bounds this path's connections.
POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="command-batch")


@dataclass
class _Session:
    """The commands of one session waiting in this process, and its batch in progress."""

    waiting: list[tuple[Request, asyncio.Future]] = field(default_factory=list)
    running: bool = False
    started: float = -math.inf  # loop time at which the last batch started
    timer: asyncio.TimerHandle | None = None


@dataclass
class Batcher:
    batches: int = 0  # how many transactions this process ran for commands (tests, benches)
    # Per event loop, one small _Session per live session this process has taken commands for.
    _state: weakref.WeakKeyDictionary = field(default_factory=weakref.WeakKeyDictionary)

    async def execute(self, *, live_id: int, actor: Actor, envelope: Envelope) -> Outcome:
        """Like dispatch.execute: the outcome once the command's batch committed, or the
        GameError (ProtocolError, or any exception) that refused it."""
        loop = asyncio.get_running_loop()
        session = self._state.setdefault(loop, {}).setdefault(live_id, _Session())
        future = loop.create_future()
        session.waiting.append((Request(actor, envelope, translation.get_language()), future))
        self._schedule(loop, live_id, session)
        return await future

    def _schedule(self, loop: asyncio.AbstractEventLoop, live_id: int, session: _Session) -> None:
        if session.running or not session.waiting:
            return
        wait = session.started + WINDOW_MS / 1000 - loop.time()
        if wait > 0 and len(session.waiting) < MAX_COMMANDS:
            if session.timer is None:
                session.timer = loop.call_later(wait, self._wake, loop, live_id, session)
            return
        if session.timer is not None:
            session.timer.cancel()
            session.timer = None
        session.running = True
        loop.create_task(self._run(loop, live_id, session))

    def _wake(self, loop: asyncio.AbstractEventLoop, live_id: int, session: _Session) -> None:
        session.timer = None
        self._schedule(loop, live_id, session)

    async def _run(self, loop: asyncio.AbstractEventLoop, live_id: int, session: _Session) -> None:
        # Taken here, one turn of the loop after the command that started it: whatever arrived
        # in the same turn rides along.
        batch = [item for item in session.waiting[:MAX_COMMANDS] if not item[1].cancelled()]
        del session.waiting[:MAX_COMMANDS]
        session.started = loop.time()
        try:
            if batch:
                await self._apply(live_id, batch)
        finally:
            session.running = False
        self._schedule(loop, live_id, session)

    async def _apply(self, live_id: int, batch: list[tuple[Request, asyncio.Future]]) -> None:
        self.batches += 1
        try:
            results = await in_database(execute_batch)(
                live_id=live_id, requests=[request for request, _ in batch]
            )
        except Exception as exc:  # the transaction failed: nothing of this batch was stored
            results = [exc] * len(batch)
        except BaseException:  # cancelled (the loop is closing): so are its callers
            for _, future in batch:
                future.cancel()
            raise
        for (_, future), result in zip(batch, results, strict=True):
            if future.done():  # its caller went away; the command was applied all the same
                continue
            if isinstance(result, Exception):
                future.set_exception(result)
            else:
                future.set_result(result)


def in_database(func):
    """SQLite has one writer, so a batch queues on Channels' one database thread like all other
    database work there. PostgreSQL takes writers side by side: batches run on POOL."""
    if connections["default"].vendor == "sqlite":
        return database_sync_to_async(func)
    return sync_to_async(partial(around_batch, func), thread_sensitive=False, executor=POOL)


def around_batch(func, **kwargs):
    """Stale connections closed around each batch (CONN_MAX_AGE as configured). Called here
    rather than through channels.db, whose test communicator turns that off for the test's own
    connection; a connection of POOL never holds anything beyond its batch."""
    close_old_connections()
    try:
        return func(**kwargs)
    finally:
        close_old_connections()


batcher = Batcher()
