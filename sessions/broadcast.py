"""Coalesced "new version" notices and the per-process snapshot cache.

channels_redis drops group messages past a process's queue capacity, so a burst of commands must
not become a burst of broadcasts: each process sends at most one notice per session per
BROADCAST_INTERVAL_MS (leading edge at once, the rest folded into one trailing notice). The layer
delivers at most once; correctness comes from versions, which clients compare.
"""

from __future__ import annotations

import asyncio
import time
import weakref
from dataclasses import dataclass, field

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings

from sessions.snapshots import Snapshot, build_snapshot


def group_name(live_id: int) -> str:
    return f"live.{live_id}"


def state_changed(live_id: int, version: int) -> dict:
    """The notice every process holding a connection of the session receives (sessions.fanout)."""
    return {"type": "state.changed", "live_id": live_id, "version": version}


@dataclass
class _Pending:
    version: int
    last_sent: float = 0.0
    handle: asyncio.TimerHandle | None = None


@dataclass
class Coalescer:
    """Folds the notices of one session within an interval into one group message."""

    sent: int = 0
    _state: weakref.WeakKeyDictionary = field(default_factory=weakref.WeakKeyDictionary)

    def notify(self, live_id: int, version: int) -> None:
        loop = asyncio.get_running_loop()
        sessions = self._state.setdefault(loop, {})
        entry = sessions.setdefault(live_id, _Pending(version=version))
        entry.version = max(entry.version, version)
        if entry.handle is not None:
            return  # a trailing notice is already scheduled and will carry this version
        interval = settings.BROADCAST_INTERVAL_MS / 1000
        wait = entry.last_sent + interval - time.monotonic()
        if wait <= 0:
            self._send(loop, live_id, entry)
        else:
            entry.handle = loop.call_later(wait, self._send, loop, live_id, entry)

    def _send(self, loop: asyncio.AbstractEventLoop, live_id: int, entry: _Pending) -> None:
        entry.handle = None
        entry.last_sent = time.monotonic()
        self.sent += 1
        loop.create_task(
            get_channel_layer().group_send(
                group_name(live_id), state_changed(live_id, entry.version)
            )
        )


@dataclass
class SnapshotCache:
    """The newest snapshot per (session, audience, language) this process has built."""

    builds: int = 0
    _entries: dict = field(default_factory=dict)
    _locks: weakref.WeakKeyDictionary = field(default_factory=weakref.WeakKeyDictionary)

    async def get(self, *, live_id: int, audience: str, lang: str, min_version: int) -> Snapshot:
        key = (live_id, audience, lang)
        entry = self._entries.get(key)
        if entry is not None and entry.version >= min_version:
            return entry
        locks = self._locks.setdefault(asyncio.get_running_loop(), {})
        async with locks.setdefault(key, asyncio.Lock()):
            entry = self._entries.get(key)
            if entry is None or entry.version < min_version:
                entry = await database_sync_to_async(build_snapshot)(
                    live_id=live_id, audience=audience, lang=lang
                )
                self.builds += 1
                self._entries[key] = entry
            return entry

    def forget(self, live_id: int, *, audiences: set[str]) -> None:
        """Drop these audiences' pictures of a session, so the next `get` builds anew (presence
        changes what the console shows without a new version)."""
        for key in [k for k in self._entries if k[0] == live_id and k[1] in audiences]:
            del self._entries[key]

    def clear(self) -> None:
        self._entries.clear()


coalescer = Coalescer()
snapshots = SnapshotCache()
