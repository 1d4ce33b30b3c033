"""Focus survives the room: snapshots arrive for every vote and every phone that joins, and a
redraw must not throw the facilitator's keyboard (or screen reader) back to the top."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.browser.conftest import PHONE
from tests.browser.test_live_flow import join_with_code


def test_the_console_outline_keeps_focus_while_phones_join(
    app_server, facilitator_page, new_context
):
    code = app_server.open_session("Gemeente Focus")["code"]
    console = facilitator_page
    console.goto(app_server.url(f"/begeleider/live/{code}/"))
    expect(console.locator("#connection")).to_have_attribute("data-status", "online")
    target = console.locator('#outline button[data-phase="stellingen"]')
    target.focus()
    for name in ("Anouk", "Bram"):
        phone = new_context(PHONE).new_page()  # a phone of their own each
        join_with_code(phone, app_server.base_url, code)
        phone.get_by_label("Je naam").fill(name)
        phone.get_by_label("Raadslid").check()
        phone.get_by_role("button", name="Meedoen").click()
        expect(console.locator("#participants li", has_text=name)).to_be_visible()
    expect(console.locator('#outline button[data-phase="stellingen"]')).to_be_focused()
    console.keyboard.press("Enter")  # and the key still does what it says
    expect(console.locator('#outline [aria-current="step"]')).to_have_attribute(
        "data-phase", "stellingen"
    )
