"""A tiny real client for the integration tests and the bench: pages over HTTP with a cookie jar,
and the live WebSocket over TCP, exactly as a phone or the facilitator's laptop uses them.

Nothing here goes through Django's test client or Channels' communicator: the point of the
integration tests is that the real daphne processes, the CSRF check, the session cookie and the
Origin check all take part. Only the standard library and `websockets` are used.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.cookiejar import CookieJar
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit
from urllib.request import HTTPCookieProcessor, ProxyHandler, Request, build_opener

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidMessage

_CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
_ids = itertools.count(1)


@dataclass(frozen=True)
class Page:
    url: str
    status: int
    text: str

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    def csrf_token(self) -> str:
        """The form's token, read from the page as a browser submits it."""
        found = _CSRF_FIELD.search(self.text)
        if found is None:
            raise AssertionError(f"No CSRF token on {self.url} (status {self.status})")
        return found.group(1)


class Browser:
    """One browser: a cookie jar shared by its page requests and its WebSockets.

    Cookies are not bound to a port, so a browser that joined through process A carries the same
    device cookie to process B, as a phone behind a load balancer would.
    """

    def __init__(self, base_url: str, *, timeout: float = 15) -> None:
        self.base_url = base_url.rstrip("/")
        self.jar = CookieJar()
        self.timeout = timeout
        # No proxy: these requests must reach the loopback daphne, whatever the environment says.
        self._opener = build_opener(ProxyHandler({}), HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> Page:
        return self._open(Request(self.base_url + path))

    def post(self, path: str, fields: dict[str, str]) -> Page:
        body = urlencode(fields).encode()
        return self._open(Request(self.base_url + path, data=body, method="POST"))

    def _open(self, request: Request) -> Page:
        """Follows redirects (a POST's 302 becomes a GET); a 4xx/5xx page is returned, not raised,
        so a failing assertion can show what the server said."""
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return Page(response.geturl(), response.status, response.read().decode())
        except HTTPError as error:
            return Page(error.geturl(), error.code, error.read().decode(errors="replace"))

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)

    def socket(self, path: str, *, base_url: str | None = None) -> LiveSocket:
        """A WebSocket to `path` that sends this browser's cookies and its page's Origin."""
        origin = (base_url or self.base_url).rstrip("/")
        return LiveSocket(
            "ws" + origin.removeprefix("http") + path, origin=origin, cookie=self.cookie_header()
        )


def join(base_url: str, *, code: str, name: str, layer: str) -> Browser:
    """Join a live session through the real join page, as a phone does after scanning the QR."""
    browser = Browser(base_url)
    form = browser.get(f"/j/{code}/")
    assert form.status == 200, (form.status, form.text[:500])
    page = browser.post(
        f"/j/{code}/",
        {"csrfmiddlewaretoken": form.csrf_token(), "name": name, "layer": layer},
    )
    assert page.status == 200 and page.path == f"/j/{code}/live/", (page.url, page.text[:2000])
    assert browser.cookie("sessionid"), "joining gave the phone no session cookie"
    return browser


def sign_in(base_url: str, *, username: str, password: str) -> Browser:
    """Sign in through the real login page (Django's LoginView with its CSRF check)."""
    browser = Browser(base_url)
    form = browser.get("/inloggen/")
    assert form.status == 200, (form.status, form.text[:500])
    page = browser.post(
        "/inloggen/",
        {"csrfmiddlewaretoken": form.csrf_token(), "username": username, "password": password},
    )
    assert page.status == 200 and page.path == "/begeleider/", (page.url, page.text[:2000])
    return browser


class Refused(ConnectionError):
    """The server closed the socket (for example 4401 not joined) before its first snapshot."""


class LiveSocket:
    """The live WebSocket of one page: sends commands, keeps every message it receives.

    A background reader keeps all messages of the current connection in `messages` (with their
    arrival times in `times`), so waiting for an ack never swallows a state message and the other
    way round. Every wait is bounded and says what it was waiting for when it gives up.

    `pictures` holds, per message, what the page shows after it, as static/js/live-socket.js
    keeps it: a state message itself, or for a bare version frame (a version that changed nothing
    this page shows) the last state, now current at that version; None for other messages.
    """

    def __init__(self, url: str, *, origin: str, cookie: str = "") -> None:
        self.url = url
        self.origin = origin
        self.cookie = cookie
        self.messages: list[dict] = []
        self.times: list[float] = []
        self.pictures: list[dict | None] = []
        self.seen_version = 0  # highest version seen (state or version frame), all connections
        self._ws: ClientConnection | None = None
        self._reader: asyncio.Task | None = None
        self._open = False
        self._arrived = asyncio.Event()

    async def connect(self, *, within: float = 10) -> dict:
        """Connect (retrying with backoff and jitter while the server is not there, for at most
        `within` seconds) and return the first snapshot of the new connection."""
        await self.close()
        deadline = time.monotonic() + within
        delay = 0.05
        while True:
            try:
                ws = await connect(
                    self.url,
                    origin=self.origin,
                    additional_headers={"Cookie": self.cookie} if self.cookie else None,
                    proxy=None,
                    open_timeout=max(1.0, deadline - time.monotonic()),
                    compression=None,
                )
                break
            # Refused, reset or cut off mid-handshake: the server is (re)starting. A refusal by
            # status (403 for a foreign Origin) is an answer, not an outage, and is raised.
            except (OSError, InvalidMessage, TimeoutError) as error:
                if time.monotonic() + delay > deadline:
                    raise TimeoutError(f"Could not connect to {self.url}: {error!r}") from error
                await asyncio.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 2, 1.0)
        self._ws, self.messages, self.times, self.pictures, self._open = ws, [], [], [], True
        self._reader = asyncio.create_task(self._read(ws))
        return await self.state(timeout=max(1.0, deadline - time.monotonic()))

    async def _read(self, ws: ClientConnection) -> None:
        try:
            async for raw in ws:
                message = json.loads(raw)
                self.messages.append(message)
                self.times.append(time.monotonic())
                self.pictures.append(self._picture(message))
                if message.get("type") in ("state", "version"):
                    self.seen_version = max(self.seen_version, message["version"])
                self._arrived.set()
        except ConnectionClosed:
            pass
        finally:
            if ws is self._ws:
                self._open = False
                self._arrived.set()

    def _picture(self, message: dict) -> dict | None:
        if message.get("type") == "state":
            return message
        if message.get("type") == "version":  # never the first frame of a connection
            last = next(picture for picture in reversed(self.pictures) if picture is not None)
            return {**last, "version": message["version"]}
        return None

    @property
    def close_code(self) -> int | None:
        return self._ws.close_code if self._ws is not None else None

    async def send(self, cmd: str, args: dict | None = None, *, id: str = "") -> str:
        """Send one command envelope; returns its client id."""
        client_id = id or f"c{next(_ids)}-{random.getrandbits(32):08x}"
        assert self._ws is not None and self._open, "send on a socket that is not connected"
        await self._ws.send(json.dumps({"cmd": cmd, "id": client_id, "args": args or {}}))
        return client_id

    async def reply(self, client_id: str, *, timeout: float = 10) -> dict:
        """The ack or the error for `client_id`."""
        return await self._wait(
            lambda m: m.get("ack") == client_id or ("error" in m and m.get("id") == client_id),
            timeout=timeout,
            what=f"the reply to {client_id}",
        )

    async def ack(self, client_id: str, *, timeout: float = 10) -> dict:
        """The ack for `client_id`; an error reply fails with the server's code and message."""
        message = await self.reply(client_id, timeout=timeout)
        assert "ack" in message, f"{client_id} was refused: {message}"
        return message

    async def state(
        self,
        *,
        min_version: int = 0,
        where: Callable[[dict], bool] | None = None,
        timeout: float = 10,
    ) -> dict:
        """The first picture of this connection (see `pictures`) with at least `min_version`
        (and matching `where`, when given)."""
        frame = await self._wait(
            lambda m: (
                m.get("type") in ("state", "version")
                and m["version"] >= min_version
                and (where is None or where(self.picture_of(m)))
            ),
            timeout=timeout,
            what=f"a state of version >= {min_version}",
        )
        return self.picture_of(frame)

    def picture_of(self, message: dict) -> dict | None:
        return next(p for m, p in zip(self.messages, self.pictures, strict=True) if m is message)

    async def dropped(self, *, timeout: float = 10) -> None:
        """Wait until the server side of the connection is gone (closed or killed)."""
        async with asyncio.timeout(timeout):
            while self._open:
                self._arrived.clear()
                await self._arrived.wait()

    def time_of(self, message: dict) -> float:
        """When `message` (or the picture it stands for) arrived (time.monotonic), for the
        bench's latencies."""
        return next(
            t
            for m, p, t in zip(self.messages, self.pictures, self.times, strict=True)
            if message is m or message is p
        )

    async def close(self) -> None:
        ws, reader = self._ws, self._reader
        self._open = False
        if ws is not None:
            await ws.close()
        if reader is not None:
            await asyncio.gather(reader, return_exceptions=True)

    async def _wait(self, match: Callable[[dict], bool], *, timeout: float, what: str) -> dict:
        deadline = time.monotonic() + timeout
        checked = 0
        while True:
            for message in self.messages[checked:]:
                if match(message):
                    return message
            checked = len(self.messages)
            if not self._open:
                raise Refused(
                    f"{self.url} closed (code {self.close_code}) while waiting for {what}; "
                    f"last messages: {self.messages[-3:]}"
                )
            self._arrived.clear()
            try:
                await asyncio.wait_for(self._arrived.wait(), deadline - time.monotonic())
            except TimeoutError:
                raise TimeoutError(
                    f"No {what} from {self.url} within {timeout} s; "
                    f"last messages: {self.messages[-3:]}"
                ) from None
