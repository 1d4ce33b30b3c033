"""The one WebSocket consumer for all three audiences: facilitator console, projector, phone.

It identifies the connection, checks each command's audience, hands it to `dispatch.execute`
(one transaction), answers only after commit and notifies the coalescer. Its process's fan-out
(sessions.fanout) then shows it each new version as the snapshot of its audience, or as just the
new version number when what this connection shows did not change (a phone is not sent the
console's readiness list again and again).
"""

from __future__ import annotations

import json
import logging
import time
from functools import partial

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation

from game.core.errors import GameError
from sessions.batching import batcher
from sessions.broadcast import coalescer, snapshots
from sessions.fanout import arrivals, rooms, tracker
from sessions.live import attend, find_open_session, participant_for
from sessions.protocol import ProtocolError, error_message, parse_envelope
from sessions.rate import TokenBucket
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN, Actor
from sessions.snapshots import Snapshot
from sessions.versions import current_version

log = logging.getLogger(__name__)

# WebSocket close codes the client understands (4000–4999 are the application's own).
CLOSE_UNKNOWN_SESSION = 4404
CLOSE_NOT_JOINED = 4401
CLOSE_FORBIDDEN = 4403
# Too many phones arriving at once on this process: try again after the client's backoff with
# jitter, which spreads a join storm out instead of refusing handshakes silently.
CLOSE_BUSY = 4429


def language_of(scope: dict) -> str:
    """The page passes its language in the query string; anything else falls back to Dutch."""
    query = scope.get("query_string", b"").decode()
    for part in query.split("&"):
        key, _, value = part.partition("=")
        if key == "lang" and value in dict(settings.LANGUAGES):
            return value
    return settings.LANGUAGE_CODE


class LiveConsumer(AsyncJsonWebsocketConsumer):
    audience: str
    actor: Actor | None = None
    live_id: int | None = None
    sent_version = 0
    # (shared digest, own `me` JSON) of the last full frame sent on this connection.
    sent_content: tuple[bytes, str] | None = None

    async def connect(self) -> None:
        self.audience = self.scope["url_route"]["kwargs"]["audience"]
        self.lang = language_of(self.scope)
        self.bucket = TokenBucket(rate=10, burst=30)
        await self.accept()
        with arrivals.admit() as admitted:
            if not admitted:
                await self.close(code=CLOSE_BUSY)
                return
            await self.arrive()

    async def arrive(self) -> None:
        """Identify the connection, enter its room and send its first snapshot."""
        identity = await database_sync_to_async(self.identify)()
        if isinstance(identity, int):
            await self.close(code=identity)
            return
        self.actor = identity
        await rooms().enter(self)
        if self.audience == PARTICIPANT:
            tracker().arrive(
                live_id=self.live_id,
                participant_id=self.actor.participant_id,
                channel_name=self.channel_name,
            )
        await self.send_current_snapshot()

    def identify(self) -> Actor | int:
        """Who this connection speaks for, or the close code that refuses it."""
        kwargs = self.scope["url_route"]["kwargs"]
        live = find_open_session(kwargs["code"])
        if live is None:
            return CLOSE_UNKNOWN_SESSION
        self.live_id = live.pk
        if self.audience == FACILITATOR:
            user = self.scope.get("user")
            allowed = user is not None and user.is_authenticated
            if not allowed or (user.pk != live.traject.facilitator_id and not user.is_superuser):
                return CLOSE_FORBIDDEN
            return Actor(audience=FACILITATOR, key=f"f:{user.pk}", user_id=user.pk)
        if self.audience == SCREEN:
            if kwargs.get("token") != live.screen_token:
                return CLOSE_FORBIDDEN
            return Actor(audience=SCREEN, key="s")
        participant = participant_for(self.scope.get("session") or {}, live.traject_id)
        if participant is None:
            return CLOSE_NOT_JOINED
        attend(live, participant)  # a returning day-1 phone is in this session from now on
        return Actor(audience=PARTICIPANT, key=f"p:{participant.pk}", participant_id=participant.pk)

    async def disconnect(self, code: int) -> None:
        if self.live_id is None or self.actor is None:
            return
        await rooms().leave(self)
        if self.audience == PARTICIPANT:
            tracker().leave(channel_name=self.channel_name)

    async def receive_json(self, content, **kwargs) -> None:
        if self.actor is None:
            return
        cmd = content.get("cmd") if isinstance(content, dict) else None
        if cmd == "ping":  # presence is renewed per process, not per ping (sessions.fanout)
            await self.send_json({"type": "pong"})
            return
        if cmd == "sync":
            await self.send_current_snapshot()
            return
        client_id = content.get("id", "") if isinstance(content, dict) else ""
        client_id = client_id if isinstance(client_id, str) else ""
        with translation.override(self.lang):
            try:
                if not self.bucket.take():
                    raise ProtocolError("rate_limited")
                envelope = parse_envelope(content)
                outcome = await batcher.execute(
                    live_id=self.live_id, actor=self.actor, envelope=envelope
                )
            except GameError as exc:
                error = error_message(exc.code, exc.message(), client_id, exc.details())
                await self.send_json(error)
                return
            except Exception:  # never a traceback to the phone; the command changed nothing
                log.exception("Command %r failed", cmd)
                error = ProtocolError("server_error")
                await self.send_json(error_message(error.code, error.message(), client_id))
                return
        await self.send_json({"ack": envelope.id, "version": outcome.version})
        if outcome.changed:
            coalescer.notify(self.live_id, outcome.version)

    async def send_current_snapshot(self) -> None:
        """The full snapshot as of now: on connect, and when a client asks after a gap."""
        version = await database_sync_to_async(current_version)(self.live_id)
        get = partial(snapshots.get, live_id=self.live_id, audience=self.audience, lang=self.lang)
        snapshot = await get(min_version=version)
        pid = self.actor.participant_id
        for _attempt in range(3):
            if pid is None or pid in snapshot.personal:
                break
            # Someone who only now came into this session: this version's picture was built
            # without them. Rebuilding at the same version (instead of bumping it for every
            # phone of a join storm) costs one build per burst of newcomers, not one per phone.
            snapshots.forget(self.live_id, audiences={self.audience})
            snapshot = await get(min_version=version)
        await self.push(snapshot, force=True)

    async def push(self, snapshot: Snapshot, *, force: bool = False) -> None:
        """Show `snapshot` on this connection (called by this process's fan-out): the full frame
        when what this connection shows changed (or when forced), else only the new version."""
        if snapshot.version < self.sent_version:
            return  # an older picture, built before a newer one reached this connection
        me_json = snapshot.me_json(self.actor.participant_id)
        content = (snapshot.shared_digest, me_json)
        if content == self.sent_content and not force:
            if snapshot.version > self.sent_version:
                self.sent_version = snapshot.version
                await self.send(text_data=snapshot.version_message())
            return
        self.sent_version, self.sent_content = snapshot.version, content
        await self.send(
            text_data=snapshot.message(me_json=me_json, server_time_ms=int(time.time() * 1000))
        )

    @classmethod
    async def decode_json(cls, text_data):
        """Text that is not JSON becomes None, which the envelope check refuses politely."""
        try:
            return json.loads(text_data)
        except ValueError:
            return None

    @classmethod
    async def encode_json(cls, content) -> str:
        return json.dumps(content, ensure_ascii=False)
