"""What a page costs a device on the venue's Wi-Fi: the requests and the compressed bytes of each
page as Chromium loads it from a cold cache (WebSocket frames not included).

Targets (from the room-ready issue): the phone's live page ≤ 60 KB in ≤ 6 requests, the
projector ≤ 90 KB. Runs on its own temporary SQLite database with one daphne process, as
`make run` does, with the static files collected (compressed) first.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from harness import ROOT, daphne  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    *("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"),
    *("--disable-background-networking", "--disable-component-update", "--disable-sync"),
]
TARGETS = {"phone, live page": (60, 6), "projector": (90, None)}

OPEN_SESSION = """
import json
from datetime import date
from django.contrib.auth import get_user_model
from game.core.models import Programme, Traject
from sessions.live import open_session
user = get_user_model().objects.get(username="demo")
traject = Traject.objects.create(
    facilitator=user, gemeente="Gemeente Meetdorp", title="Verticaal maatwerk leren",
    date=date(2026, 11, 23), programme=Programme.objects.get(key="verticaal"),
)
live = open_session(traject=traject)
print(json.dumps({"code": live.code, "screen_token": live.screen_token}))
"""


def manage(*args: str) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], cwd=ROOT,
                          capture_output=True, text=True, check=True)  # fmt: skip
    return done.stdout


def measure(context, url: str, before=None) -> tuple[int, int, int]:
    """(requests, compressed body bytes, bytes with headers) of loading `url` in a new page of
    `context` with an empty cache; `before(page)` may do what the page needs first (join)."""
    page = context.new_page()
    if before:
        before(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Network.clearBrowserCache")
    seen = []
    page.on("requestfinished", lambda request: seen.append(request))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)  # modules imported by modules
    bodies = headers = 0
    for request in seen:
        sizes = request.sizes()
        bodies += sizes["responseBodySize"]
        headers += sizes["responseHeadersSize"]
    page.close()
    return len(seen), bodies, bodies + headers


def main() -> None:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="verticaal-page-"))
    os.environ.update({"SQLITE_PATH": str(work / "db.sqlite3"), "VERTICAAL_VAR_DIR": str(work),
                       "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "workshop.settings"})  # fmt: skip
    for key in ("DATABASE_URL", "REDIS_URL"):
        os.environ.pop(key, None)
    manage("migrate", "--noinput", "-v", "0")
    manage("collectstatic", "--noinput", "-v", "0")
    server = daphne(work / "daphne.log")
    base = f"http://127.0.0.1:{server.port}"
    try:
        login = re.search(r"http://\S+/inloggen/link/\S+/", manage("demo", "--base-url", base))
        session = json.loads(manage("shell", "-c", OPEN_SESSION).strip().splitlines()[-1])
        code, token = session["code"], session["screen_token"]
        rows = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            phone = browser.new_context(viewport={"width": 360, "height": 780}, locale="nl-NL")
            rows.append(("phone, home page", *measure(phone, f"{base}/")))
            rows.append(("phone, join page", *measure(phone, f"{base}/j/{code}/")))

            def join(page):
                page.goto(f"{base}/j/{code}/")
                page.get_by_label("Je naam").fill("Meetpunt")
                page.get_by_label("Raadslid").check()
                page.get_by_role("button", name="Meedoen").click()
                page.wait_for_url(re.compile(r"/live/$"))

            rows.append(("phone, live page", *measure(phone, f"{base}/j/{code}/live/", join)))
            projector = browser.new_context(viewport={"width": 1920, "height": 1080})
            rows.append(("projector", *measure(projector, f"{base}/scherm/{code}/{token}/")))
            laptop = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nl-NL")
            laptop.new_page().goto(login.group(0))
            rows.append(("console", *measure(laptop, f"{base}/begeleider/live/{code}/")))
            browser.close()
    finally:
        server.stop()
    print(f"{'page':<20} {'requests':>8} {'compressed':>11} {'with headers':>13}   target")
    for name, requests, bodies, total in rows:
        kb, limit = bodies / 1024, TARGETS.get(name)
        target = ""
        if limit:
            target = f"≤ {limit[0]} KB" + (f" in ≤ {limit[1]}" if limit[1] else "")
            target += " ✓" if kb <= limit[0] and (not limit[1] or requests <= limit[1]) else " ✗"
        print(f"{name:<20} {requests:>8} {kb:>8.1f} KB {total / 1024:>10.1f} KB   {target}")


if __name__ == "__main__":
    main()
