"""How one daphne process copes with a room of phones that all act at once.

Starts one real daphne process on loopback, connects N phone WebSockets (default 200) with
device cookies, lets every phone toggle `phase.ready` 5 times as fast as it can, and prints:
commands per second, p50/p95 ack latency, how many state messages each phone received during the
burst (coalesced: far fewer than the number of commands), and the
time until every phone saw the final version. It prints figures and asserts nothing.

By default it runs on a temporary SQLite database and the in-memory channel layer (the embedded
set-up of `make run`); `--setup scaled` uses DATABASE_URL and REDIS_URL (one daphne process; what
it created there is removed afterwards). It ends by itself within about a minute.

    .venv/bin/python bench/broadcast.py --phones 200
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

TOGGLES = 5


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=200, help="number of phones (200)")
    parser.add_argument(
        "--timeout", type=float, default=35, help="seconds for connecting + burst + settling (35)"
    )
    parser.add_argument("--setup", choices=["embedded", "scaled"], default="embedded")
    return parser.parse_args()


async def run(port: int, live, keys: list[str], timeout: float) -> None:
    from asgiref.sync import sync_to_async

    from sessions.versions import current_version
    from tests.integration.client import LiveSocket

    origin = f"http://127.0.0.1:{port}"
    phones = [
        LiveSocket(
            f"ws://127.0.0.1:{port}/ws/live/{live.code}/participant/",
            origin=origin,
            cookie=f"sessionid={key}",
        )
        for key in keys
    ]
    gate = asyncio.Semaphore(50)  # a room fills in waves, not in one SYN flood

    async def arrive(phone: LiveSocket) -> None:
        async with gate:
            await phone.connect(within=timeout)

    started = time.monotonic()
    try:
        async with asyncio.timeout(timeout):
            await asyncio.gather(*(arrive(phone) for phone in phones))
            connected = time.monotonic() - started
            print(f"phones connected:           {len(phones)} in {connected:.2f} s")
            # Let the arrivals' own broadcasts settle so they are not counted as the burst's.
            settled = await sync_to_async(current_version)(live.pk)
            await asyncio.gather(*(p.state(min_version=settled, timeout=15) for p in phones))
            before = [len(p.messages) for p in phones]

            latencies: list[float] = []
            errors: list[dict] = []

            async def toggle(phone: LiveSocket) -> None:
                sent = []
                for toggle_number in range(TOGGLES):
                    at = time.monotonic()
                    ready = toggle_number % 2 == 0  # ready, not ready, ready, …: each one a change
                    sent.append((await phone.send("phase.ready", {"ready": ready}), at))
                for client_id, at in sent:
                    reply = await phone.reply(client_id, timeout=timeout)
                    if "ack" in reply:
                        latencies.append(phone.time_of(reply) - at)
                    else:
                        errors.append(reply["error"])

            burst = time.monotonic()
            await asyncio.gather(*(toggle(phone) for phone in phones))
            acked = time.monotonic() - burst
            final = await sync_to_async(current_version)(live.pk)
            seen = await asyncio.gather(
                *(p.state(min_version=final, timeout=timeout) for p in phones)
            )
            everyone = max(p.time_of(state) for p, state in zip(phones, seen, strict=True)) - burst
    except TimeoutError:
        print(f"stopped: the run did not finish within {timeout:.0f} s")
        return
    finally:
        await asyncio.gather(*(p.close() for p in phones), return_exceptions=True)

    commands = len(phones) * TOGGLES
    states = [
        sum(1 for m in p.messages[start:] if m.get("type") == "state")
        for p, start in zip(phones, before, strict=True)
    ]
    print(f"commands:                   {commands} ({len(errors)} refused)")
    print(f"commands/s:                 {commands / acked:.0f} (all acked after {acked:.2f} s)")
    if latencies:
        print(
            f"ack latency:                p50 {harness.percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {harness.percentile(latencies, 0.95) * 1000:.0f} ms"
        )
    print(
        f"state messages per phone:   min {min(states)}, median {statistics.median(states):g}, "
        f"max {max(states)}"
    )
    print(f"final version:              {final}")
    print(f"every phone saw it after:   {everyone:.2f} s")
    if errors:
        print(f"first refusal:              {errors[0]}")


def main() -> None:
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="verticaal-bench-") as tmp:
        harness.configure(args.setup, Path(tmp))
        from django.db import connections

        print(f"phones: {args.phones}, set-up: {args.setup} (one daphne process)")
        room = harness.create_room(args.phones, programme="verticaal")
        connections.close_all()  # the daphne process is the only writer from here on
        server = harness.daphne(Path(tmp) / "daphne.log")
        try:
            asyncio.run(run(server.port, room.live, room.keys, args.timeout))
        finally:
            server.stop()
            harness.forget_room(room)
            if args.setup == "scaled":
                harness.forget_channel_layer()


if __name__ == "__main__":
    main()
