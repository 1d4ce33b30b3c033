"""How one daphne process copes with a room of phones that all act at once.

Starts one real daphne process on loopback, connects N phone WebSockets (default 200) with
device cookies, lets every phone toggle `phase.ready` 5 times as fast as it can, and prints:
commands per second, p50/p95 ack latency, how many state messages each phone received during the
burst (the coalescing of design.md's pitfalls: far fewer than the number of commands), and the
time until every phone saw the final version. It prints figures and asserts nothing.

By default it runs on a temporary SQLite database and the in-memory channel layer (the embedded
set-up of `make run`); with DATABASE_URL and/or REDIS_URL in the environment it uses those (and
removes what it created from that database afterwards). It ends by itself within about a minute.

    .venv/bin/python bench/broadcast.py --phones 200
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

TOGGLES = 5
START_TIMEOUT_SECONDS = 20


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--phones", type=int, default=200, help="number of phones (200)")
    parser.add_argument(
        "--timeout", type=float, default=35, help="seconds for connecting + burst + settling (35)"
    )
    return parser.parse_args()


def configure_environment(workdir: Path) -> None:
    """Before django.setup(): the same settings for this process and the daphne it starts."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "workshop.settings"
    os.environ["VERTICAAL_VAR_DIR"] = str(workdir)
    if not os.environ.get("DATABASE_URL"):
        os.environ["SQLITE_PATH"] = str(workdir / "bench.sqlite3")
    if os.environ.get("REDIS_URL"):
        os.environ["CHANNELS_PREFIX"] = f"verticaal-bench-{uuid.uuid4().hex[:8]}"
    os.environ["DEBUG"] = "0"  # DEBUG keeps every SQL query in memory: not what production runs
    os.environ.pop("ALLOWED_HOSTS", None)
    os.environ["PYTHONUNBUFFERED"] = "1"


def create_room(phones: int):
    """A facilitator, a traject, an open live session and `phones` joined devices, via the ORM.

    Each device gets what the join page gives a phone: a participant, a device token in its
    Django session, and attendance (see tests/conftest.py `make_participant`).
    """
    from datetime import date

    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import transaction

    from game.core.models import Layer, Programme, Traject
    from game.core.services import join_traject
    from sessions.live import attend, open_session, register_device

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_content", verbosity=0, stdout=io.StringIO())
    with transaction.atomic():
        user = get_user_model().objects.create_user(f"bench-{uuid.uuid4().hex[:8]}", password=None)
        traject = Traject.objects.create(
            facilitator=user,
            gemeente="Gemeente Benchdorp",
            title="Verticaal maatwerk leren",
            date=date(2026, 11, 23),
            programme=Programme.objects.get(key="verticaal"),
        )
        live = open_session(traject=traject)
        layers = list(Layer.objects.filter(joinable=True).values_list("key", flat=True))
        keys = []
        for number in range(phones):
            participant = join_traject(
                traject=traject,
                name=f"Telefoon {number + 1:04d}",
                layer_key=layers[number % len(layers)],
            )
            store = SessionStore()
            register_device(store, participant)
            store.save()
            attend(live, participant)
            keys.append(store.session_key)
    return user, live, keys


def forget_room(user, keys: list[str]) -> None:
    """Only needed on a DATABASE_URL the bench does not own; a temporary SQLite file just goes."""
    from django.contrib.sessions.models import Session

    from game.core.models import Traject

    Session.objects.filter(session_key__in=keys).delete()
    Traject.objects.filter(facilitator=user).delete()  # cascades to the session and phones
    user.delete()


def forget_channel_layer() -> None:
    """Drop the bench's group keys, which channels_redis would otherwise keep for a day."""
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"], socket_timeout=3)
    keys = list(client.scan_iter(match=f"{os.environ['CHANNELS_PREFIX']}*", count=500))
    if keys:
        client.delete(*keys)
    client.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_daphne(port: int, log_path: Path) -> subprocess.Popen:
    daphne = Path(sys.executable).with_name("daphne")
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(daphne), "-b", "127.0.0.1", "-p", str(port), "workshop.asgi:application"],
            cwd=ROOT,
            env=os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    sys.exit(f"daphne did not start:\n{log_path.read_text(errors='replace')[-4000:]}")


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


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
            f"ack latency:                p50 {percentile(latencies, 0.5) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms"
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
        workdir = Path(tmp)
        configure_environment(workdir)
        import django

        django.setup()
        from django.db import connections

        database = "DATABASE_URL" if os.environ.get("DATABASE_URL") else "temporary SQLite"
        layer = "Redis" if os.environ.get("REDIS_URL") else "in-memory"
        print(f"phones: {args.phones}, database: {database}, channel layer: {layer}")
        user, live, keys = create_room(args.phones)
        connections.close_all()  # the daphne process is the only writer from here on
        port = free_port()
        process = start_daphne(port, workdir / "daphne.log")
        try:
            asyncio.run(run(port, live, keys, args.timeout))
        finally:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
            if os.environ.get("DATABASE_URL"):
                forget_room(user, keys)
            if os.environ.get("REDIS_URL"):
                forget_channel_layer()


if __name__ == "__main__":
    main()
