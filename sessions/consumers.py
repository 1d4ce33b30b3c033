"""The one WebSocket consumer for all three audiences: facilitator console, projector, phone.

It identifies the connection, checks each command's audience, hands it to `dispatch.execute`
(one transaction), answers only after commit, and passes on the coalesced "new version" notices
as the snapshot of its audience, or as just the new version number when what this connection
shows did not change (a phone is not sent the console's readiness list again and again).
"""

from __future__ import annotations

import json
import logging
import time

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.conf import settings
from django.utils import translation

from game.core.errors import GameError
from sessions import presence
from sessions.broadcast import coalescer, group_name, snapshots
from sessions.dispatch import execute
from sessions.live import find_open_session, participant_for
from sessions.protocol import ProtocolError, error_message, parse_envelope
from sessions.rate import TokenBucket
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN, Actor
from sessions.versions import current_version

log = logging.getLogger(__name__)

# WebSocket close codes the client understands (4000–4999 are the application's own).
CLOSE_UNKNOWN_SESSION = 4404
CLOSE_NOT_JOINED = 4401
CLOSE_FORBIDDEN = 4403


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
        identity = await database_sync_to_async(self.identify)()
        if isinstance(identity, int):
            await self.close(code=identity)
            return
        self.actor = identity
        await self.channel_layer.group_add(group_name(self.live_id), self.channel_name)
        if self.audience == PARTICIPANT:
            version = await database_sync_to_async(presence.arrive)(
                live_id=self.live_id,
                participant_id=self.actor.participant_id,
                channel_name=self.channel_name,
            )
            coalescer.notify(self.live_id, version)
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
        return Actor(audience=PARTICIPANT, key=f"p:{participant.pk}", participant_id=participant.pk)

    async def disconnect(self, code: int) -> None:
        if self.live_id is None or self.actor is None:
            return
        await self.channel_layer.group_discard(group_name(self.live_id), self.channel_name)
        if self.audience == PARTICIPANT:
            version = await database_sync_to_async(presence.leave)(
                live_id=self.live_id, channel_name=self.channel_name
            )
            coalescer.notify(self.live_id, version)

    async def receive_json(self, content, **kwargs) -> None:
        if self.actor is None:
            return
        cmd = content.get("cmd") if isinstance(content, dict) else None
        if cmd == "ping":
            await database_sync_to_async(presence.heartbeat)(channel_name=self.channel_name)
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
                outcome = await database_sync_to_async(execute)(
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

    async def state_changed(self, event: dict) -> None:
        # No aclose_old_connections() here: it would be one hop to the DB thread per phone per
        # broadcast, and the only DB work (a snapshot build) already runs through
        # database_sync_to_async, which closes stale connections around every call.
        if event["version"] > self.sent_version:
            await self.send_snapshot(min_version=event["version"])

    async def send_current_snapshot(self) -> None:
        """The full snapshot as of now: on connect, and when a client asks after a gap."""
        version = await database_sync_to_async(current_version)(self.live_id)
        await self.send_snapshot(min_version=version, force=True)

    async def send_snapshot(self, *, min_version: int, force: bool = False) -> None:
        snapshot = await snapshots.get(
            live_id=self.live_id, audience=self.audience, lang=self.lang, min_version=min_version
        )
        if snapshot.version <= self.sent_version and not force:
            return
        self.sent_version = max(self.sent_version, snapshot.version)
        me_json = snapshot.me_json(self.actor.participant_id)
        content = (snapshot.shared_digest, me_json)
        if content == self.sent_content and not force:
            await self.send(text_data=snapshot.version_message())
            return
        self.sent_content = content
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
