"""The new-user flow of a live session, through real pages in real Chromium: the facilitator
signs in, creates a traject and opens a live session; a phone joins with the code; the console,
the projector and the phone follow the programme live."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR

pytestmark = pytest.mark.browser

CODE = re.compile(r"^[A-Z0-9]{6}$")


def join_with_code(page, base_url: str, code: str) -> None:
    page.goto(base_url + "/")
    page.locator("#id_code").fill(code)
    page.get_by_role("button", name="Verder").click()
    expect(page).to_have_url(re.compile(rf"/j/{code}/$"))


def assert_no_horizontal_overflow(page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px at {page.viewport_size}"


def assert_fits_on_screen(page, selector: str) -> None:
    box = page.locator(selector).bounding_box()
    height = page.viewport_size["height"]
    assert box and box["y"] + box["height"] <= height, f"{selector} falls below the fold ({box})"


def test_a_new_facilitator_runs_the_first_phases_with_a_phone_and_the_projector(
    app_server, facilitator_page, phone_context, screenshot
):
    console = facilitator_page
    # Signed in by the one-time link: the demo traject is listed.
    expect(console.get_by_role("heading", name="Jouw trajecten")).to_be_visible()
    expect(console.get_by_text("Gemeente Voorbeeldstad")).to_be_visible()

    # A new traject through the form.
    console.locator("#id_gemeente").fill("Gemeente Testdorp")
    console.locator("#id_title").fill("Maatwerk in de wijk")
    console.locator("#id_date").fill("2026-12-01")
    console.get_by_role("button", name="Traject aanmaken").click()
    expect(console.get_by_role("heading", name=re.compile("Gemeente Testdorp"))).to_be_visible()

    console.get_by_role("button", name="Live sessie openen").click()
    expect(console).to_have_url(re.compile(r"/begeleider/live/[A-Z0-9]{6}/$"))
    code = console.locator(".join-strip .code").inner_text().strip()
    assert CODE.match(code), code
    expect(console.locator("#connection")).to_have_attribute("data-status", "online")
    expect(console.locator("#phase-title")).to_have_text("Aanmelden")

    # A phone types the code on the home page.
    phone = phone_context.new_page()
    phone.goto(app_server.url("/"))
    expect(phone.get_by_role("heading", name="Doe mee met de workshop")).to_be_visible()
    assert_no_horizontal_overflow(phone)
    screenshot(phone, "phone-1-home")
    phone.get_by_label("Sessiecode").fill(code.lower())
    phone.get_by_role("button", name="Verder").click()
    expect(phone).to_have_url(re.compile(rf"/j/{code}/$"))

    # An empty name is refused with the Dutch message on the page.
    phone.get_by_label("Raadslid").check()
    phone.get_by_role("button", name="Meedoen").click()
    expect(phone.get_by_role("alert").filter(has_text="Vul je naam in.")).to_be_visible()
    assert_no_horizontal_overflow(phone)
    screenshot(phone, "phone-2-join-error", full_page=True)

    phone.get_by_label("Je naam").fill("Anouk")
    phone.get_by_label("Raadslid").check()
    phone.get_by_role("button", name="Meedoen").click()
    expect(phone).to_have_url(re.compile(rf"/j/{code}/live/$"))
    expect(phone.locator("#me-name")).to_have_text("Anouk")
    expect(phone.locator("#phase-title")).to_have_text("Aanmelden")
    expect(phone.locator("#connection")).to_have_attribute("data-status", "online")
    assert_no_horizontal_overflow(phone)
    screenshot(phone, "phone-3-live-joining")

    # The console lists her as online.
    online = console.locator("#participants li.online", has_text="Anouk")
    expect(online).to_be_visible()
    expect(online.locator(".person-layer")).to_have_text("Raadslid")
    expect(console.locator("#people-heading")).to_have_text("1 deelnemer")
    screenshot(console, "console-1-joining")

    # The projector, opened from the console, shows code, QR and counts while joining.
    with console.expect_popup() as popup:
        console.get_by_role("link", name="Projectorscherm openen").click()
    screen = popup.value
    screen.set_viewport_size(PROJECTOR)
    expect(screen.locator("#connection")).to_have_attribute("data-status", "online")
    expect(screen.locator(".join-code [aria-hidden]")).to_have_text(code)
    qr = screen.locator(".join-qr svg")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 400, f"the QR code is {box['width']:.0f}px wide on a 1920px projector"
    expect(screen.locator("#joined-total")).to_have_text("1")
    raad = screen.locator("#layer-counts li", has_text="Raadslid")
    expect(raad.locator(".layer-count")).to_have_text("1")
    assert_no_horizontal_overflow(screen)
    assert_fits_on_screen(screen, "#layer-counts li:last-child")
    assert_fits_on_screen(screen, ".join-qr svg")
    screenshot(screen, "screen-1-joining")

    # "Volgende" moves everyone on, without reloading the phone.
    phone.evaluate("() => { window.notReloaded = true; }")
    console.get_by_role("button", name="Volgende").click()
    expect(console.locator("#phase-title")).to_have_text("Waarom verticaal?")
    expect(phone.locator("#phase-title")).to_have_text("Waarom verticaal?")
    assert phone.evaluate("() => window.notReloaded === true")
    # A screen reader hears where the room went: the polite live region says it.
    announcer = phone.locator("#announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")
    expect(announcer).to_have_text(re.compile(r"^Nu: .+ — Waarom verticaal\?$"))
    expect(console.locator("#announcer")).to_contain_text("Waarom verticaal?")
    # Nothing to answer while the room reads along: no "Ik ben klaar" to press.
    expect(phone.get_by_role("button", name="Ik ben klaar")).to_be_hidden()
    expect(console.locator("#ready-count")).to_be_hidden()  # nor a count of who pressed it
    screenshot(phone, "phone-4-live-next-phase")
    expect(screen.locator("#phase-title")).to_have_text("Waarom verticaal?")
    expect(screen.locator("#join-panel")).to_be_hidden()
    expect(screen.locator("#corner-code")).to_contain_text(code)
    screenshot(screen, "screen-2-after-joining")
    screenshot(console, "console-2-next-phase", full_page=True)

    # A reload recognises the same participant in the same phase.
    phone.reload()
    expect(phone).to_have_url(re.compile(rf"/j/{code}/live/$"))
    expect(phone.locator("#me-name")).to_have_text("Anouk")
    expect(phone.locator("#phase-title")).to_have_text("Waarom verticaal?")
    expect(phone.locator("#connection")).to_have_attribute("data-status", "online")
    expect(console.locator("#participants li")).to_have_count(1)

    # An English guest speaker: the console switches the projector, the phones stay Dutch.
    console.get_by_label("Taal van het projectorscherm").select_option("en")
    expect(screen.locator("html")).to_have_attribute("lang", "en")
    expect(screen.locator("#phase-title")).to_have_text("Why vertically?")
    expect(screen.locator("#connection")).to_have_attribute("data-status", "online")
    expect(phone.locator("#phase-title")).to_have_text("Waarom verticaal?")
    expect(console.locator("#phase-title")).to_have_text("Waarom verticaal?")


def test_a_phone_in_english_sees_english_texts(app_server, phone_context, screenshot):
    code = app_server.open_session("Gemeente Engels")["code"]
    phone = phone_context.new_page()
    phone.goto(app_server.url("/"))
    phone.get_by_role("button", name="English").click()
    expect(phone.get_by_role("heading", name="Join the workshop")).to_be_visible()
    expect(phone.locator("html")).to_have_attribute("lang", "en")

    phone.get_by_label("Session code").fill(code)
    phone.get_by_role("button", name="Continue").click()
    phone.get_by_label("Front-line professional").check()
    phone.get_by_role("button", name="Join", exact=True).click()
    expect(phone.get_by_role("alert").filter(has_text="Please enter your name.")).to_be_visible()
    screenshot(phone, "phone-en-join-error", full_page=True)

    phone.get_by_label("Your name").fill("Ellen")
    phone.get_by_label("Front-line professional").check()
    phone.get_by_role("button", name="Join", exact=True).click()
    expect(phone.locator("#phase-title")).to_have_text("Joining")
    expect(phone.locator("#me-layer")).to_have_text("Front-line professional")
    expect(phone.locator("#connection")).to_have_text("Connected")
    screenshot(phone, "phone-en-live")


def test_an_empty_join_form_names_both_missing_answers(app_server, phone_context):
    code = app_server.open_session("Gemeente Leeg")["code"]
    phone = phone_context.new_page()
    join_with_code(phone, app_server.base_url, code)
    phone.get_by_role("button", name="Meedoen").click()
    alerts = phone.get_by_role("alert")
    expect(alerts.filter(has_text="Kies de laag waarin je werkt.")).to_be_visible()
    expect(alerts.filter(has_text="Vul je naam in.")).to_be_visible(timeout=1000)
    # The keyboard starts at the first field to fix, which names its error.
    name = phone.get_by_label("Je naam")
    expect(name).to_be_focused()
    expect(name).to_have_attribute("aria-invalid", "true")
    expect(name).to_have_accessible_description("Vul je naam in.")


def test_the_join_form_can_be_completed_with_the_keyboard_only(
    app_server, phone_context, screenshot
):
    code = app_server.open_session("Gemeente Toetsenbord")["code"]
    phone = phone_context.new_page()
    phone.goto(app_server.url("/"))

    def tab_to(selector: str, limit: int = 15) -> None:
        for _ in range(limit):
            phone.keyboard.press("Tab")
            if phone.evaluate("(s) => document.activeElement.matches(s)", selector):
                outline = phone.evaluate("() => getComputedStyle(document.activeElement).outline")
                assert "none" not in outline, f"{selector} has no visible focus ({outline})"
                return
        raise AssertionError(f"Tab never reached {selector}")

    tab_to("#id_code")
    phone.keyboard.type(code)
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(re.compile(rf"/j/{code}/$"))

    tab_to("#id_name")
    phone.keyboard.type("Karim")
    tab_to("input[name=layer]")  # the radio group is one tab stop, on its first layer
    phone.keyboard.press("Space")
    screenshot(phone, "phone-keyboard-focus")
    tab_to("button[type=submit]:not([name])")
    phone.keyboard.press("Enter")
    expect(phone).to_have_url(re.compile(rf"/j/{code}/live/$"))
    expect(phone.locator("#me-name")).to_have_text("Karim")
    expect(phone.locator("#me-layer")).to_have_text("Raadslid")
