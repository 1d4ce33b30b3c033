"""The live tests drive presence ticks themselves (`await tracker().tick()`), so that a tick never
lands at a random moment of a test; and each test's Redis connections close with it."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from channels.layers import DEFAULT_CHANNEL_LAYER, channel_layers

from sessions import fanout


@pytest.fixture(autouse=True)
def _presence_ticks_only_when_asked(settings):
    settings.PRESENCE_FLUSH_MS = 3_600_000


@pytest.fixture(autouse=True)
async def _redis_connections_closed_before_the_loop():
    """A test's event loop closes by cancelling what still runs in it; a channels_redis read
    blocked in Redis (this process's fan-out reader, a consumer's receive) has been seen not to
    end on that cancellation, which hangs the test's teardown. Closing the layer's connections
    first ends those reads with a connection error, while the loop is still ours to wait on."""
    yield
    layer = channel_layers.backends.get(DEFAULT_CHANNEL_LAYER)
    if not hasattr(layer, "close_pools"):
        return  # the in-memory layer holds no connections
    with contextlib.suppress(Exception):
        await asyncio.wait_for(layer.close_pools(), timeout=5)
    reader = getattr(fanout._rooms.get(asyncio.get_running_loop()), "reader", None)
    if reader is not None:
        reader.cancel()
        with contextlib.suppress(BaseException):
            await asyncio.wait_for(reader, timeout=5)
