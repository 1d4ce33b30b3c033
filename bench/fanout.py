"""How fast a facilitator's step reaches every phone of a plenary, next to a bare `websockets`
server.

For each N (100, 400, 1,000, 2,000 by default) and each set-up (bench/harness.py: one daphne on
SQLite + the in-memory layer; two daphne processes on PostgreSQL + Redis when DATABASE_URL and
REDIS_URL are given), it fills a room of the plenary programme with N phones, then plays ROUNDS
rounds: the facilitator sends phase.next / phase.prev and a round lasts until every phone has the
new version. Then the same N clients connect to bench/baseline.py, which broadcasts the very same
frames. It prints, per N: fan-out latency p50/p95/p99/max, the baseline's p99 and the ratio, how
many phones got each round, messages and bytes per phone per round, server CPU seconds per round,
and server memory per connected phone. It prints figures and asserts nothing.

    .venv/bin/python bench/fanout.py --phones 100 400 1000 2000
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

ROUND_TIMEOUT_SECONDS = 20
PAUSE_SECONDS = 0.5


def parse_args():
    parser = harness.parser(__doc__)
    parser.add_argument("--phones", type=int, nargs="+", default=[100, 400, 1000, 2000])
    parser.add_argument("--rounds", type=int, default=10)
    return parser.parse_args()


async def rounds_on_verticaal(servers, room, phones, rounds: int) -> dict:
    from asgiref.sync import sync_to_async

    from sessions.versions import current_version

    console = harness.Phone(
        harness.live_url(servers[-1], room.live.code, "facilitator"),
        cookie=f"sessionid={room.facilitator_key}",
    )
    await console.connect(within=30)
    settled = await sync_to_async(current_version)(room.live.pk)
    await asyncio.gather(*(p.reached(settled, timeout=60) for p in phones))
    cpu, messages, sent = sum(s.cpu_seconds() for s in servers), [p.messages for p in phones], 0
    received = [p.bytes for p in phones]
    latencies: list[float] = []
    delivered, versions = 0, []
    for number in range(rounds):
        # A facilitator's steps are seconds apart; closer than BROADCAST_INTERVAL_MS they would
        # be folded into one trailing notice by design, which is not what this measures.
        await asyncio.sleep(PAUSE_SECONDS)
        client_id, at = await console.send("phase.next" if number % 2 == 0 else "phase.prev")
        reply = await console.reply(client_id, timeout=ROUND_TIMEOUT_SECONDS)
        if reply is None or "ack" not in reply[1]:
            print(f"round {number + 1}: no ack ({reply})")
            continue
        version = reply[1]["version"]
        versions.append(version)
        sent += 1
        arrivals = await asyncio.gather(
            *(p.reached(version, timeout=ROUND_TIMEOUT_SECONDS) for p in phones)
        )
        got = [arrival - at for arrival in arrivals if arrival is not None]
        delivered += len(got)
        latencies += got
    await console.close()
    per_round = max(sent, 1) * len(phones)
    return {
        "latencies": latencies,
        "delivered": delivered,
        "expected": sent * len(phones),
        "versions": versions,
        "messages": (sum(p.messages for p in phones) - sum(messages)) / per_round,
        "bytes": (sum(p.bytes for p in phones) - sum(received)) / per_round,
        "cpu": (sum(s.cpu_seconds() for s in servers) - cpu) / max(sent, 1),
    }


async def rounds_on_baseline(server, frames: list[str], count: int) -> list[float]:
    phones = [harness.Phone(f"ws://127.0.0.1:{server.port}/") for _ in range(count)]
    await harness.connect_all(phones, within=120)
    control = harness.Phone(f"ws://127.0.0.1:{server.port}/control")
    from websockets.asyncio.client import connect

    latencies = []
    async with connect(control.url, proxy=None, compression=None, max_size=None) as ws:
        for version, frame in frames:
            at = time.monotonic()
            await ws.send(frame)
            arrivals = await asyncio.gather(
                *(p.reached(version, timeout=ROUND_TIMEOUT_SECONDS) for p in phones)
            )
            latencies += [arrival - at for arrival in arrivals if arrival is not None]
    await asyncio.gather(*(p.close() for p in phones))
    return latencies


def measure(count: int, rounds: int, processes: int, workdir: Path) -> None:
    from django.db import connections

    room = harness.create_room(count)
    connections.close_all()  # the daphne processes are the database's users from here on
    servers = [harness.daphne(workdir / f"daphne-{count}-{n}.log") for n in range(processes)]
    baseline = None
    try:
        idle = sum(s.rss_bytes() for s in servers)
        phones = [
            harness.Phone(
                harness.live_url(servers[n % processes], room.live.code, "participant"),
                cookie=f"sessionid={key}",
            )
            for n, key in enumerate(room.keys)
        ]

        async def ours() -> tuple[float, dict, int]:
            took = await harness.connect_all(phones, within=180)
            result = await rounds_on_verticaal(servers, room, phones, rounds)
            rss = sum(s.rss_bytes() for s in servers)
            await asyncio.gather(*(p.close() for p in phones))
            return took, result, rss

        took, result, rss = asyncio.run(ours())
        frames = [(v, phones[0].frames[v]) for v in result["versions"] if v in phones[0].frames]
        baseline = harness.Server(
            [sys.executable, str(Path(__file__).with_name("baseline.py"))],
            workdir / f"baseline-{count}.log",
        ).start()
        theirs = asyncio.run(rounds_on_baseline(baseline, frames, count))
    finally:
        for server in (*servers, *([baseline] if baseline else [])):
            server.stop()
        harness.forget_room(room)
    ours_p99 = harness.percentile(result["latencies"], 0.99)
    base_p99 = harness.percentile(theirs, 0.99)
    print(
        f"{count:>5} phones | connected in {took:.1f} s | {harness.ms(result['latencies'])} | "
        f"baseline p99 {base_p99 * 1000:.0f} ms | ratio {ours_p99 / max(base_p99, 1e-6):.1f}x | "
        f"got each round {result['delivered']}/{result['expected']} | "
        f"{result['messages']:.2f} msg, {result['bytes'] / 1024:.1f} KB per phone per round | "
        f"CPU {result['cpu']:.2f} s/round | {(rss - idle) / count / 1024:.0f} KB per phone",
        flush=True,
    )


def main() -> None:
    args = parse_args()

    def each(processes: int, workdir: Path) -> None:
        for count in args.phones:
            measure(count, args.rounds, processes, workdir)

    argv = ["--phones", *map(str, args.phones), "--rounds", str(args.rounds)]
    harness.run(__file__, args.setup, argv, each)


if __name__ == "__main__":
    main()
