"""Connecting WebsocketCommunicators the way the pages do: with the site's Origin and the
browser's session cookie."""

from __future__ import annotations

import json
import weakref
from itertools import count

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator

from workshop.asgi import application

_ids = count(1)

# The newest picture each connection shows. The server sends a bare version frame when a new
# version leaves a connection's picture unchanged, and a picture may hold data newer than its
# version label: a frame labelled N-1 can already show change N, after which N arrives as a
# version frame only.
_pictures: weakref.WeakKeyDictionary[WebsocketCommunicator, dict] = weakref.WeakKeyDictionary()


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
    first = await next_message(comm)
    assert first["type"] == "state", first
    return comm, first


async def next_message(comm: WebsocketCommunicator, *, timeout: float = 5) -> dict:
    message = json.loads(await comm.receive_from(timeout=timeout))
    if message.get("type") == "state":
        _pictures[comm] = message
    elif message.get("type") == "version" and comm in _pictures:
        _pictures[comm] = {**_pictures[comm], "version": message["version"]}
    return message


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
    """The state this connection shows as of `version` or later: read until a state or version
    frame of at least `version` arrives, and return the newest state seen."""
    picture = _pictures.get(comm)
    while picture is None or picture["version"] < version:
        await next_message(comm, timeout=timeout)
        picture = _pictures.get(comm)
    return picture


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
