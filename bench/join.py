"""How long a congress hall takes to get in, and to get back after a Wi-Fi hiccup.

For each set-up (bench/harness.py) and each N (2,000 by default) it:
1. joins N phones through the real join page (GET the form, POST name and layer with its CSRF
   token, follow to the live page), JOIN_THREADS at a time;
2. connects their WebSockets, CONNECTING_AT_ONCE at a time, retrying after "come back shortly"
   (4429) as the page does, and waits until the room has settled: every phone on the current
   version and the facilitator's console showing all N online;
3. drops DROPPED phones at once (their TCP connections cut, no goodbye) and reconnects them, and
   waits until the room has settled again.
It prints each duration, and the size of the console's last state. It asserts nothing.

    .venv/bin/python bench/join.py --phones 2000 --dropped 500
"""

from __future__ import annotations

import asyncio
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

JOIN_THREADS = 32
SETTLE_TIMEOUT_SECONDS = 180


def parse_args():
    parser = harness.parser(__doc__)
    parser.add_argument("--phones", type=int, nargs="+", default=[2000])
    parser.add_argument("--dropped", type=int, default=500)
    return parser.parse_args()


def join_all(servers, code: str, count: int) -> tuple[list[str], float]:
    """Every phone's cookie header after joining through the join page, and the seconds it took."""
    from game.core.models import Layer
    from tests.integration.client import join

    layers = list(Layer.objects.filter(joinable=True).values_list("key", flat=True))

    def one(number: int) -> str:
        server = servers[number % len(servers)]
        browser = join(
            f"http://127.0.0.1:{server.port}",
            code=code,
            name=f"Deelnemer {number + 1:04d}",
            layer=layers[number % len(layers)],
        )
        return browser.cookie_header()

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=JOIN_THREADS) as pool:
        cookies = list(pool.map(one, range(count)))
    return cookies, time.monotonic() - started


async def settled(console: harness.Phone, phones: list[harness.Phone], live_id: int) -> None:
    """Every phone on the stored version, and the console showing every phone online."""
    from asgiref.sync import sync_to_async

    from sessions.versions import current_version

    version = await sync_to_async(current_version)(live_id)
    await asyncio.gather(*(p.reached(version, timeout=SETTLE_TIMEOUT_SECONDS) for p in phones))

    def all_online():  # by the counts per layer: the console names only the first hundred
        layers = console.state.get("state", {}).get("layers", [])
        return sum(layer["online"] for layer in layers) >= len(phones)

    await console.until(all_online, timeout=SETTLE_TIMEOUT_SECONDS)


async def storm(servers, room, cookies: list[str], dropped: int) -> dict:
    console = harness.Phone(
        harness.live_url(servers[-1], room.live.code, "facilitator"),
        cookie=f"sessionid={room.facilitator_key}",
    )
    await console.connect(within=30)
    phones = [
        harness.Phone(
            harness.live_url(servers[n % len(servers)], room.live.code, "participant"),
            cookie=cookie,
        )
        for n, cookie in enumerate(cookies)
    ]
    started = time.monotonic()
    connected = await harness.connect_all(phones, within=SETTLE_TIMEOUT_SECONDS)
    await settled(console, phones, room.live.pk)
    settle = time.monotonic() - started

    gone = phones[:dropped]
    for phone in gone:
        phone.ws.transport.abort()  # the Wi-Fi drops: no close frame, just a dead connection
    await asyncio.gather(*(p.reader for p in gone), return_exceptions=True)
    back_started = time.monotonic()
    await harness.connect_all(gone, within=SETTLE_TIMEOUT_SECONDS)
    await settled(console, phones, room.live.pk)
    back = time.monotonic() - back_started
    console_bytes = console.state_bytes
    await asyncio.gather(*(p.close() for p in [console, *phones]))
    return {"connected": connected, "settled": settle, "back": back, "console": console_bytes}


def measure(count: int, dropped: int, processes: int, workdir: Path) -> None:
    from django.db import connections

    room = harness.create_room(0)
    connections.close_all()
    servers = [harness.daphne(workdir / f"daphne-{count}-{n}.log") for n in range(processes)]
    try:
        cookies, joined = join_all(servers, room.live.code, count)
        result = asyncio.run(storm(servers, room, cookies, min(dropped, count)))
        rss = sum(s.rss_bytes() for s in servers)
    finally:
        for server in servers:
            server.stop()
    harness.forget_room(room)
    print(
        f"{count:>5} phones | joined through the join page in {joined:.1f} s | "
        f"sockets connected in {result['connected']:.1f} s, room settled after "
        f"{result['settled']:.1f} s | {min(dropped, count)} dropped at once, all back after "
        f"{result['back']:.1f} s | console state {result['console'] / 1024:.0f} KB | "
        f"server RSS {rss / 2**20:.0f} MB",
        flush=True,
    )


def main() -> None:
    args = parse_args()

    def each(processes: int, workdir: Path) -> None:
        for count in args.phones:
            measure(count, args.dropped, processes, workdir)

    argv = ["--phones", *map(str, args.phones), "--dropped", str(args.dropped)]
    harness.run(__file__, args.setup, argv, each)


if __name__ == "__main__":
    main()
