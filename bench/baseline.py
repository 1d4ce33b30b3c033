"""The yardstick for bench/fanout.py: a minimal `websockets` broadcast server.

Each connection gets `{"type": "state", "version": 0}` when it connects; every text frame that
the one connection on /control sends is broadcast as it is to every other connection. The bench
sends it, per round, the very frame a phone got from Verticaal in that round, so both servers
deliver the same bytes to the same clients.

    .venv/bin/python bench/baseline.py -p 8765
"""

from __future__ import annotations

import argparse
import asyncio

from websockets.asyncio.server import broadcast, serve

phones = set()


async def handler(ws) -> None:
    if ws.request.path == "/control":
        async for frame in ws:
            broadcast(phones, frame)
        return
    phones.add(ws)
    try:
        await ws.send('{"type": "state", "version": 0}')
        await ws.wait_closed()
    finally:
        phones.discard(ws)


async def main(port: int) -> None:
    async with serve(handler, "127.0.0.1", port, compression=None, max_size=None):
        await asyncio.get_running_loop().create_future()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", "--port", type=int, required=True)
    asyncio.run(main(parser.parse_args().port))
