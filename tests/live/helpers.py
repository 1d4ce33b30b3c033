"""Connecting WebsocketCommunicators the way the pages do: with the site's Origin and the
browser's session cookie."""

from __future__ import annotations

import json
from itertools import count

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator

from workshop.asgi import application

_ids = count(1)


def communicator(path: str, *, session_key: str | None = None) -> WebsocketCommunicator:
    headers = [(b"origin", b"http://localhost"), (b"host", b"localhost")]
    if session_key:
        headers.append((b"cookie", f"sessionid={session_key}".encode()))
    return WebsocketCommunicator(application, path, headers=headers)


async def connect(
    path: str, *, session_key: str | None = None
) -> tuple[WebsocketCommunicator, dict]:
    """Connect and return the communicator with the first (full) snapshot it received."""
    comm = communicator(path, session_key=session_key)
    connected, _ = await comm.connect()
    assert connected
    first = await comm.receive_json_from(timeout=5)
    assert first["type"] == "state", first
    return comm, first


async def next_message(comm: WebsocketCommunicator, *, timeout: float = 5) -> dict:
    return json.loads(await comm.receive_from(timeout=timeout))


async def send(comm: WebsocketCommunicator, cmd: str, args: dict | None = None, *, id: str = ""):
    message = {"cmd": cmd, "id": id or f"cmd-{next(_ids)}", "args": args or {}}
    await comm.send_json_to(message)
    return message["id"]


async def reply_to(comm: WebsocketCommunicator, client_id: str, *, timeout: float = 5) -> dict:
    """The ack or error for `client_id`, skipping state messages that arrive in between."""
    while True:
        message = await next_message(comm, timeout=timeout)
        if message.get("ack") == client_id or message.get("id") == client_id:
            return message


async def state_at_least(comm: WebsocketCommunicator, version: int, *, timeout: float = 5) -> dict:
    """Read until a state message of at least `version` arrives, and return it."""
    while True:
        message = await next_message(comm, timeout=timeout)
        if message.get("type") == "state" and message["version"] >= version:
            return message


async def drain(comm: WebsocketCommunicator) -> list[dict]:
    messages = []
    while not await comm.receive_nothing(timeout=0.4):
        messages.append(await next_message(comm))
    return messages


db_value = database_sync_to_async


async def group_members(group: str) -> set[str]:
    """The channels in a layer group, read from the layer itself: the in-memory layer's dict, or
    the sorted set channels_redis keeps per group (these tests run on both)."""
    layer = get_channel_layer()
    if hasattr(layer, "groups"):
        return set(layer.groups.get(group, {}))
    redis = layer.connection(layer.consistent_hash(group))
    return {name.decode() for name in await redis.zrange(layer._group_key(group), 0, -1)}
