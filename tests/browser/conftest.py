"""Browser tests: a real daphne process on its own SQLite file, driven by Debian's Chromium.

The server's database is not pytest-django's: everything a test needs there is created through
the real UI or through `manage.py` run in the server's environment (`LiveServer.manage`,
`LiveServer.shell`). Playwright's sync API is used, so these tests and fixtures stay sync.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "screenshots"
PHONE = {"width": 360, "height": 780}
LAPTOP = {"width": 1366, "height": 768}
PROJECTOR = {"width": 1920, "height": 1080}
# Server environment variables that must not leak from the test run (CI points them at
# PostgreSQL and Redis; the browser tests run on one process, SQLite and the in-memory layer).
SCRUBBED = ("DATABASE_URL", "REDIS_URL", "ALLOWED_HOSTS", "SECURE_COOKIES", "BEHIND_TLS_PROXY")


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def skip_or_fail(reason: str) -> None:
    if in_ci():
        pytest.fail(f"{reason} (CI=true: browser tests must run)")
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class LiveServer:
    base_url: str
    env: dict[str, str]
    log_path: Path

    def url(self, path: str) -> str:
        return self.base_url + path

    def manage(self, *args: str) -> str:
        """Run `manage.py` against the server's database; returns its standard output."""
        done = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed:\n{done.stderr}")
        return done.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "-c", code)

    def login_url(self) -> str:
        """A fresh one-time sign-in link for the demo facilitator (as `make run` prints it)."""
        out = self.manage("demo", "--base-url", self.base_url)
        match = re.search(r"http://\S+/inloggen/link/\S+/", out)
        assert match, f"no sign-in URL in the demo output:\n{out}"
        return match.group(0)

    def open_session(self, gemeente: str) -> dict:
        """A traject of the demo facilitator with an open live session: code and screen token."""
        out = self.shell(OPEN_SESSION.replace("GEMEENTE", json.dumps(gemeente)))
        return json.loads(out.strip().splitlines()[-1])

    def open_sample(self) -> dict:
        """A new live session of the demo's finished 40-person traject (Gemeente Proefdorp, day
        1 and day 2 played with all their results): code and screen token."""
        self.manage("demo", "--base-url", self.base_url)  # creates the sample the first time
        return json.loads(self.shell(OPEN_SAMPLE).strip().splitlines()[-1])


OPEN_SAMPLE = """
import json
from game.core.models import Traject
from sessions.live import open_session
live = open_session(traject=Traject.objects.get(gemeente="Gemeente Proefdorp"))
print(json.dumps({"code": live.code, "screen_token": live.screen_token}))
"""

OPEN_SESSION = """
import json
from datetime import date
from django.contrib.auth import get_user_model
from game.core.models import Programme, Traject
from sessions.live import open_session
user, _ = get_user_model().objects.get_or_create(username="demo")
traject = Traject.objects.create(
    facilitator=user, gemeente=GEMEENTE, title="Verticaal maatwerk leren",
    date=date(2026, 11, 23), programme=Programme.objects.get(key="verticaal"),
)
live = open_session(traject=traject)
print(json.dumps({"code": live.code, "screen_token": live.screen_token}))
"""


def wait_for_port(port: int, process: subprocess.Popen, log_path: Path, timeout: float = 20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"daphne exited early:\n{log_path.read_text()}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    log = log_path.read_text()
    raise RuntimeError(f"daphne did not listen on {port} within {timeout}s:\n{log}")


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    return CHROMIUM


@pytest.fixture(scope="session")
def app_server(tmp_path_factory, chromium_path) -> Iterator[LiveServer]:
    tmp = tmp_path_factory.mktemp("server")
    env = {key: value for key, value in os.environ.items() if key not in SCRUBBED}
    env |= {
        "SQLITE_PATH": str(tmp / "db.sqlite3"),
        "VERTICAAL_VAR_DIR": str(tmp),
        "DEBUG": "1",
        "DJANGO_SETTINGS_MODULE": "workshop.settings",
        "PYTHONUNBUFFERED": "1",
    }
    port = free_port()
    server = LiveServer(base_url=f"http://127.0.0.1:{port}", env=env, log_path=tmp / "daphne.log")
    server.manage("migrate", "--noinput", "-v", "0")
    server.manage("load_content")
    server.manage("collectstatic", "--noinput", "-v", "0")  # served compressed, as in use
    daphne = shutil.which("daphne", path=str(Path(sys.executable).parent)) or "daphne"
    with server.log_path.open("w") as log:
        process = subprocess.Popen(
            [daphne, "-b", "127.0.0.1", "-p", str(port), "workshop.asgi:application"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_port(port, process, server.log_path)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(chromium_path), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_context(browser):
    """Make browser contexts (one per person/device); all are closed after the test, which then
    fails if any of their pages threw an uncaught JavaScript error."""
    contexts = []
    errors: list[str] = []

    def make(viewport: dict | None = None, **kwargs):
        # A Dutch browser: LocaleMiddleware follows Accept-Language before the Dutch default.
        kwargs.setdefault("locale", "nl-NL")
        context = browser.new_context(viewport=viewport or LAPTOP, **kwargs)
        context.set_default_timeout(10_000)
        context.on(
            "weberror",
            lambda error: errors.append(
                f"{error.page.url if error.page else '?'}: {error.error.stack or error.error}"
            ),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert not errors, "JavaScript errors on the pages:\n" + "\n".join(errors)


@pytest.fixture
def phone_context(new_context):
    return new_context(PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)


@pytest.fixture
def facilitator_page(app_server, new_context):
    """The demo facilitator, signed in with a one-time link, on their trajecten page."""
    page = new_context(LAPTOP).new_page()
    page.goto(app_server.login_url())
    return page


@pytest.fixture(scope="session")
def screenshot():
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(page, name: str, full_page: bool = False) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"axe-core is missing in CI: `make test` runs `npm ci` in {ROOT}")
        pytest.skip(f"axe-core is not installed: run `npm ci` in {ROOT} (needs the npm registry)")
    return AXE_JS.read_text()


@pytest.fixture
def check_a11y(axe_source):
    """Run axe-core on a page; fail on serious or critical WCAG 2.1 A/AA violations."""

    def check(page, label: str) -> None:
        page.add_script_tag(content=axe_source)
        result = page.evaluate(
            """async () => await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
                resultTypes: ["violations"],
            })"""
        )
        bad = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        report = "\n".join(
            f"- {v['id']} ({v['impact']}): {v['help']} — "
            + "; ".join(", ".join(node["target"]) for node in v["nodes"][:5])
            for v in bad
        )
        assert not bad, f"axe found serious/critical problems on the {label}:\n{report}"

    return check
