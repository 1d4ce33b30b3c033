"""Fixtures for the multi-process tests: the real services, and real daphne processes on them.

These tests prove what the unit and live tests cannot: that two daphne processes share live
sessions through Redis and PostgreSQL, and that a process killed with SIGKILL loses nothing,
because the database is the truth. They need PostgreSQL and Redis; on a laptop
without them they skip with the reason, in CI (CI=true) they fail, so a misconfigured pipeline
cannot pass by skipping everything.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NoReturn
from urllib.parse import quote

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
# The daphne of the interpreter running pytest, so the processes run the same environment.
DAPHNE = Path(sys.executable).with_name("daphne")
START_TIMEOUT_SECONDS = 20
STOP_TIMEOUT_SECONDS = 5
_daphnes_key = pytest.StashKey[list]()


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def unavailable(reason: str) -> NoReturn:
    """Skip on a laptop; fail in CI, where the services are part of the pipeline."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true, so this is an error, not a skip)", pytrace=False)
    pytest.skip(reason)


@dataclass(frozen=True)
class Services:
    database_url: str
    redis_url: str


@pytest.fixture(scope="session", autouse=True)
def services() -> Services:
    """DATABASE_URL (PostgreSQL) and REDIS_URL, checked by really connecting to both.

    Session-scoped and autouse so that it decides before pytest-django creates the test
    database: an unreachable server gives the reason, not a traceback from the DB setup.
    """
    import dj_database_url
    import psycopg
    import redis

    database_url = os.environ.get("DATABASE_URL", "").strip()
    redis_url = os.environ.get("REDIS_URL", "").strip()
    if not database_url:
        unavailable(
            "PostgreSQL not configured: set DATABASE_URL=postgres://… to run the "
            "multi-process tests"
        )
    try:
        db = dj_database_url.parse(database_url)
    except ValueError as error:
        unavailable(f"DATABASE_URL is not a database URL ({error})")
    if "postgresql" not in db["ENGINE"]:
        unavailable(
            f"DATABASE_URL is not PostgreSQL ({db['ENGINE']}): several daphne processes need one "
            "shared database server; set DATABASE_URL=postgres://…"
        )
    if not redis_url:
        unavailable(
            "Redis not configured: set REDIS_URL=redis://127.0.0.1:6379/0 to run the "
            "multi-process tests"
        )
    try:
        psycopg.connect(**connect_kwargs(db), connect_timeout=3).close()
    except psycopg.Error as error:
        unavailable(f"PostgreSQL at DATABASE_URL is not reachable: {' '.join(str(error).split())}")
    try:
        redis.Redis.from_url(redis_url, socket_connect_timeout=3, socket_timeout=3).ping()
    except (redis.RedisError, ValueError) as error:
        unavailable(f"Redis at REDIS_URL is not reachable: {error}")
    return Services(database_url=database_url, redis_url=redis_url)


def connect_kwargs(db: dict) -> dict:
    """psycopg keyword arguments for a Django DATABASES entry."""
    kwargs = {
        "dbname": db.get("NAME") or "postgres",
        "user": db.get("USER") or None,
        "password": db.get("PASSWORD") or None,
        "host": db.get("HOST") or None,
        "port": db.get("PORT") or None,
    }
    return {key: value for key, value in kwargs.items() if value is not None}


def database_url_of(db: dict) -> str:
    """A DATABASE_URL for a Django DATABASES entry.

    Built from settings after pytest-django set up the test database, so the daphne processes
    open the very database (test_<name>) the test writes to, not the one in the environment.
    """
    user = quote(db.get("USER") or "", safe="")
    password = db.get("PASSWORD") or ""
    credentials = f"{user}:{quote(password, safe='')}" if password else user
    host = quote(db.get("HOST") or "", safe="")  # a socket directory becomes %2F…
    port = f":{db['PORT']}" if db.get("PORT") else ""
    auth = f"{credentials}@" if credentials else ""
    return f"postgres://{auth}{host}{port}/{quote(db['NAME'], safe='')}"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class DaphneProcess:
    """One `daphne workshop.asgi:application` on a fixed loopback port, killable and restartable.

    Its output goes to a file (appended across restarts), so a failure can show what the
    process said, also after it was killed.
    """

    name: str
    port: int
    env: dict[str, str]
    log_path: Path
    process: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def start(self) -> DaphneProcess:
        assert not self.running, f"daphne {self.name} is already running"
        command = [str(DAPHNE), "-b", "127.0.0.1", "-p", str(self.port)]
        command.append("workshop.asgi:application")
        with self.log_path.open("ab") as log:
            log.write(f"\n=== starting daphne {self.name} on port {self.port} ===\n".encode())
            log.flush()
            self.process = subprocess.Popen(
                command, cwd=BASE_DIR, env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        self.wait_until_listening()
        return self

    def wait_until_listening(self) -> None:
        """Bounded: a process that exits or stays deaf fails the test with its own output."""
        deadline = time.monotonic() + START_TIMEOUT_SECONDS
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code is not None:
                pytest.fail(
                    f"daphne {self.name} exited with {code} before listening on {self.port}:\n"
                    f"{self.output()}",
                    pytrace=False,
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        pytest.fail(
            f"daphne {self.name} did not listen on {self.port} within {START_TIMEOUT_SECONDS} s:\n"
            f"{self.output()}",
            pytrace=False,
        )

    def kill(self) -> None:
        """`kill -9`: no shutdown code runs, nothing is cleaned up (presence rows stay)."""
        if self.running:
            self.process.send_signal(signal.SIGKILL)
        if self.process is not None:
            self.process.wait(timeout=STOP_TIMEOUT_SECONDS)

    def restart(self) -> DaphneProcess:
        """Start again on the same port, as a supervisor would after a crash."""
        self.kill()
        return self.start()

    def stop(self) -> None:
        if not self.running:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.kill()

    def output(self, *, last: int = 12_000) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-last:]
        except FileNotFoundError:
            return "(no output)"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A failing test shows the output of every daphne process it started."""
    report = yield
    if report.failed:
        for proc in item.stash.get(_daphnes_key, []):
            report.sections.append(
                (f"daphne {proc.name} (port {proc.port}, {proc.log_path})", proc.output())
            )
    return report


@pytest.fixture
def daphne(
    services: Services, transactional_db, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[str], DaphneProcess]]:
    """A factory: `daphne("A")` starts a process on a free port and waits until it listens.

    Needs `transactional_db`: the processes only see committed rows, and it orders teardown so
    every process is gone before pytest-django flushes the tables. All processes of one test share
    one channel-layer prefix of their own, so messages of an earlier run can never reach them.
    """
    from django.conf import settings

    prefix = f"verticaal-it-{uuid.uuid4().hex[:12]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "workshop.settings",
        "DATABASE_URL": database_url_of(settings.DATABASES["default"]),
        "REDIS_URL": services.redis_url,
        "CHANNELS_PREFIX": prefix,
        "DEBUG": "0",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("ALLOWED_HOSTS", None)  # the local default: 127.0.0.1 is the Origin the client sends
    started: list[DaphneProcess] = []
    request.node.stash[_daphnes_key] = started

    def start(name: str) -> DaphneProcess:
        proc = DaphneProcess(
            name=name, port=free_port(), env=env, log_path=tmp_path / f"daphne-{name}.log"
        )
        started.append(proc)
        return proc.start()

    try:
        yield start
    finally:
        for proc in started:
            proc.stop()
        forget_channel_layer(services.redis_url, prefix)


def forget_channel_layer(redis_url: str, prefix: str) -> None:
    """Drop this test's group and channel keys, which would otherwise linger in Redis for a day."""
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=3)
    try:
        keys = list(client.scan_iter(match=f"{prefix}*", count=500))
        if keys:
            client.delete(*keys)
    except redis.RedisError:
        pass  # cleaning up is a courtesy; the unique prefix already keeps tests apart
    finally:
        client.close()


@pytest.fixture
def facilitator_password(facilitator) -> str:
    """The facilitator of tests/conftest.py, with a password to sign in through the real page."""
    password = secrets.token_urlsafe(16)
    facilitator.set_password(password)
    facilitator.save(update_fields=["password"])
    return password
