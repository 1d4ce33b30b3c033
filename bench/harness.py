"""What the bench scripts share: the two set-ups, a room of phones, real daphne processes, a lean
phone client, and the server's CPU and memory read from /proc.

Two set-ups, measured from outside over loopback TCP:
- "embedded": one daphne on a temporary SQLite file and the in-memory channel layer (`make run`);
- "scaled": two daphne processes on DATABASE_URL (PostgreSQL) and REDIS_URL; what the bench
  creates there is removed afterwards.

A Django process can be set up for one database only, so each script runs each set-up in a child
process of its own (`--setup`), and the parent prints the children's figures.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START_TIMEOUT_SECONDS = 30
CONNECTING_AT_ONCE = 100  # phones in the middle of their handshake at one time: a room in waves
CLOSE_BUSY = 4429  # sessions.consumers.CLOSE_BUSY: "try again shortly"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
TICKS = os.sysconf("SC_CLK_TCK")


def setups(requested: str) -> list[str]:
    """The set-ups to run: "embedded" always; "scaled" when PostgreSQL and Redis are given."""
    if requested != "both":
        return [requested]
    available = ["embedded"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres") and os.environ.get("REDIS_URL"):
        available.append("scaled")
    else:
        print("(set DATABASE_URL=postgres://… and REDIS_URL for the two-process set-up)")
    return available


def parser(doc: str) -> argparse.ArgumentParser:
    """A script's argument parser, with the set-up to run."""
    parser = argparse.ArgumentParser(description=doc.split("\n\n")[0])
    parser.add_argument("--setup", choices=["both", "embedded", "scaled"], default="both")
    return parser


def run(script: str, setup: str, argv: list[str], measure: Callable[[int, Path], None]) -> None:
    """`--setup both`: each available set-up in a child process of its own (one Django
    configuration per process), passing `argv` on. One set-up: Django configured for it in a
    temporary folder, then `measure(processes, folder)`."""
    if setup == "both":
        for each in setups(setup):
            print(f"\n== {each} ==", flush=True)
            subprocess.run([sys.executable, script, "--setup", each, *argv], check=False)
        return
    with tempfile.TemporaryDirectory(prefix="verticaal-bench-") as tmp:
        measure(configure(setup, Path(tmp)), Path(tmp))
        if setup == "scaled":
            forget_channel_layer()


def configure(setup: str, workdir: Path) -> int:
    """Before django.setup(): the same settings for this process and the daphne it starts.
    Returns the number of daphne processes of this set-up."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "workshop.settings"
    os.environ["VERTICAAL_VAR_DIR"] = str(workdir)
    os.environ["DEBUG"] = "0"  # DEBUG keeps every SQL query in memory: not what production runs
    os.environ["PYTHONUNBUFFERED"] = "1"
    os.environ.pop("ALLOWED_HOSTS", None)
    if setup == "embedded":
        os.environ.pop("DATABASE_URL", None)
        os.environ.pop("REDIS_URL", None)
        os.environ["SQLITE_PATH"] = str(workdir / "bench.sqlite3")
        processes = 1
    else:
        os.environ["CHANNELS_PREFIX"] = f"verticaal-bench-{uuid.uuid4().hex[:8]}"
        processes = 2
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    return processes


@dataclass
class Room:
    """A facilitator, a traject of `programme`, an open live session and `phones` devices."""

    user: object
    live: object
    keys: list[str]  # each phone's Django session key (its cookie)
    participants: list[int]  # each phone's participant id, in the same order
    facilitator_key: str


def create_room(phones: int, *, programme: str = "plenair") -> Room:
    """Made through the ORM and the same services the join page uses (a participant, a device
    token in its Django session, attendance): bench/join.py measures the join page itself."""
    from datetime import date

    from django.contrib.auth import get_user_model
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from django.db import transaction
    from django.test import Client

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
            title="Bench",
            date=date(2026, 11, 23),
            programme=Programme.objects.get(key=programme),
        )
        live = open_session(traject=traject)
        layers = list(Layer.objects.filter(joinable=True).values_list("key", flat=True))
        keys, participants = [], []
        for number in range(phones):
            layer = layers[number % len(layers)]
            participant = join_traject(
                traject=traject, name=f"Telefoon {number + 1:04d}", layer_key=layer
            )
            store = SessionStore()
            register_device(store, participant)
            store.save()
            attend(live, participant)
            keys.append(store.session_key)
            participants.append(participant.pk)
    browser = Client()
    browser.force_login(user)
    facilitator_key = browser.cookies["sessionid"].value
    return Room(user, live, keys, participants, facilitator_key)


def forget_room(room: Room) -> None:
    """Only needed on a DATABASE_URL the bench does not own; a temporary SQLite file just goes."""
    from django.contrib.sessions.models import Session

    from game.core.models import Traject

    Session.objects.filter(session_key__in=[*room.keys, room.facilitator_key]).delete()
    Traject.objects.filter(facilitator=room.user).delete()  # cascades to the session and phones
    room.user.delete()


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


@dataclass
class Server:
    """One server process on loopback (a daphne, or the baseline), with its CPU and memory."""

    command: list[str]
    log_path: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self) -> Server:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [*self.command, "-p", str(self.port)],
                cwd=ROOT,
                env=os.environ.copy(),
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        sys.exit(f"{self.command[0]} did not start:\n{self.log_path.read_text()[-4000:]}")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def cpu_seconds(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS  # utime + stime

    def rss_bytes(self) -> int:
        return int(Path(f"/proc/{self.process.pid}/statm").read_text().split()[1]) * PAGE_SIZE


def daphne(log_path: Path) -> Server:
    executable = str(Path(sys.executable).with_name("daphne"))
    return Server([executable, "-b", "127.0.0.1", "workshop.asgi:application"], log_path).start()


class Phone:
    """A lean WebSocket client, as a phone's page uses the socket: it records when each version
    arrived and how many bytes came, and answers acks by client id. It reconnects after the
    server's "come back shortly" (4429) with backoff and jitter, as static/js/live-socket.js does.
    """

    def __init__(self, url: str, *, cookie: str = "") -> None:
        self.url, self.cookie = url, cookie
        self.arrived: dict[int, float] = {}  # version → when a frame of it first arrived
        self.frames: dict[int, str] = {}  # version → that frame's text (the baseline resends it)
        self.replies: dict[str, tuple[float, dict]] = {}
        self.messages = self.bytes = 0
        self.state: dict = {}  # the last full state (the console's participant list, say)
        self.state_bytes = 0
        self.version = -1
        self.ws = None
        self.reader: asyncio.Task | None = None
        self.changed = asyncio.Event()

    async def connect(self, *, within: float) -> None:
        from websockets.asyncio.client import connect

        deadline = time.monotonic() + within
        delay = 0.25
        while True:
            try:
                self.ws = await connect(
                    self.url,
                    origin=self.url.replace("ws://", "http://").split("/ws/")[0],
                    additional_headers={"Cookie": self.cookie} if self.cookie else None,
                    proxy=None,
                    open_timeout=max(1.0, deadline - time.monotonic()),
                    compression=None,
                    max_size=None,
                )
                first = await self.ws.recv()
                self.record(json.loads(first), len(first), first)
                break
            except Exception as error:  # refused, reset, shed (4429): come back after a while
                if time.monotonic() + delay > deadline:
                    raise TimeoutError(f"{self.url}: {error!r}") from error
                await asyncio.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 4.0)
        self.reader = asyncio.create_task(self.read())

    def record(self, message: dict, size: int, text: str = "") -> None:
        now = time.monotonic()
        self.messages += 1
        self.bytes += size
        if message.get("type") in ("state", "version"):
            if message["type"] == "state":
                self.state, self.state_bytes = message, size
            version = message["version"]
            self.arrived.setdefault(version, now)
            if text:
                self.frames.setdefault(version, text)
            self.version = max(self.version, version)
        elif "ack" in message or "error" in message:
            self.replies[message.get("ack") or message.get("id", "")] = (now, message)
        self.changed.set()

    async def read(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            async for text in self.ws:
                self.record(json.loads(text), len(text), text)
        except ConnectionClosed:
            pass

    async def send(self, cmd: str, args: dict | None = None) -> tuple[str, float]:
        client_id = uuid.uuid4().hex[:12]
        at = time.monotonic()
        await self.ws.send(json.dumps({"cmd": cmd, "id": client_id, "args": args or {}}))
        return client_id, at

    async def until(self, done, *, timeout: float):
        """Wait until `done()` is true (re-checked on every message), or None after `timeout`."""
        try:
            async with asyncio.timeout(timeout):
                while not (result := done()):
                    self.changed.clear()
                    await self.changed.wait()
                return result
        except TimeoutError:
            return None

    async def reached(self, version: int, *, timeout: float) -> float | None:
        """When the first frame of at least `version` arrived, or None."""
        return await self.until(
            lambda: min((t for v, t in self.arrived.items() if v >= version), default=None),
            timeout=timeout,
        )

    async def reply(self, client_id: str, *, timeout: float) -> tuple[float, dict] | None:
        return await self.until(lambda: self.replies.get(client_id), timeout=timeout)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
        if self.reader is not None:
            await asyncio.gather(self.reader, return_exceptions=True)


async def connect_all(phones: list[Phone], *, within: float) -> float:
    """Connect every phone, CONNECTING_AT_ONCE at a time; returns the seconds it took."""
    gate = asyncio.Semaphore(CONNECTING_AT_ONCE)

    async def arrive(phone: Phone) -> None:
        async with gate:
            await phone.connect(within=within)

    started = time.monotonic()
    await asyncio.gather(*(arrive(phone) for phone in phones))
    return time.monotonic() - started


def live_url(server: Server, code: str, audience: str) -> str:
    return f"ws://127.0.0.1:{server.port}/ws/live/{code}/{audience}/"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else 0.0


def ms(values: list[float]) -> str:
    """p50/p95/p99/max of latencies in seconds, in milliseconds."""
    points = (percentile(values, f) * 1000 for f in (0.5, 0.95, 0.99, 1.0))
    return "p50 {:.0f} / p95 {:.0f} / p99 {:.0f} / max {:.0f} ms".format(*points)
