"""Stap 3 and the day-2 follow-up through real pages in real Chromium: a phone brings a case
with a phone number in it, sees that pointed out and confirms it is fine; the console picks the
case, the phones judge it and the projector's grid counts the verdicts; the console agrees on a
beslisregel and freezes the kader as version 1. Weeks later a day-2 session opens: one phone
resumes in its own browser, another claims its name from a new browser (typing it and its
layer: the page lists nobody) and is let in once the console confirms its check code; a
check-in answer reaches the projector's wall without a name and a typed one is sent when the
console moves on; their reviews reach the console, and the console's revision shows on the
phones as before → after.

Controls are found by ids and data attributes rather than their words, so the test holds in
either language and while a translation is being revised."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, PROJECTOR
from tests.browser.test_live_flow import assert_no_horizontal_overflow
from tests.browser.test_stap2_flow import join

pytestmark = pytest.mark.browser

REQUIREMENTS = [
    "Maatwerk kan binnen een week besloten worden.",
    "De inwoner vertelt zijn verhaal maar één keer.",
]
REPHRASED = "Maatwerk kan binnen drie werkdagen besloten worden."
PHONE_NUMBER = "06-12345678"
CHECK_IN = "Met de buurtcoach een leefgeld-regeling buiten de catalogus om getroffen."
CHECK_IN_DRAFT = "Vooral gezien hoe lang een besluit nog duurt."

# A traject whose programme of requirements was settled in Stap 2, with a day-1 session open.
OPEN_TRAJECT = """
import json
from datetime import date
from django.contrib.auth import get_user_model
from game.requirements import services as requirements_services
from game.core.models import Programme, Traject
from sessions.live import open_session
user, _ = get_user_model().objects.get_or_create(username="demo")
traject = Traject.objects.create(
    facilitator=user, gemeente="Gemeente Toetsdorp", title="Verticaal maatwerk leren",
    date=date(2026, 11, 23), programme=Programme.objects.get(key="verticaal"),
)
for text in REQUIREMENTS:
    requirement = requirements_services.add_requirement(traject=traject, text=text)
    requirements_services.decide_requirement(requirement=requirement, decision="accept")
live = open_session(traject=traject)
print(json.dumps({"traject": traject.pk, "code": live.code, "screen_token": live.screen_token}))
"""


def phone_page(new_context):
    page = new_context(PHONE, is_mobile=True, has_touch=True).new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    return page


def goto(console, pages, phase: str) -> None:
    console.locator(f'#outline button[data-phase="{phase}"]').click()
    expect(console.locator('#outline [aria-current="step"]')).to_have_attribute("data-phase", phase)
    title = console.locator("#phase-title").inner_text()
    for page in pages:
        expect(page.locator("#phase-title")).to_have_text(title)


def test_a_room_tests_the_programme_against_practice_and_revises_the_kader_on_day_2(
    app_server, facilitator_page, new_context, screenshot, check_a11y
):
    out = app_server.shell(OPEN_TRAJECT.replace("REQUIREMENTS", json.dumps(REQUIREMENTS)))
    opened = json.loads(out.strip().splitlines()[-1])
    console = facilitator_page
    console.on("dialog", lambda dialog: dialog.accept())
    console.goto(app_server.url(f"/begeleider/live/{opened['code']}/"))
    expect(console.locator("#connection")).to_have_attribute("data-status", "online")
    screen = new_context(PROJECTOR).new_page()
    screen.goto(app_server.url(f"/scherm/{opened['code']}/{opened['screen_token']}/"))
    anouk, bram = phone_page(new_context), phone_page(new_context)
    join(anouk, app_server.base_url, opened["code"], "Anouk", "Raadslid")
    join(bram, app_server.base_url, opened["code"], "Bram", "Professional wijkteam")
    phones = [anouk, bram]

    # Eigen casussen: a phone number is pointed out in its field before anything is saved.
    goto(console, [*phones, screen], "casussen")
    expect(anouk.get_by_role("button", name="Ik ben klaar")).to_be_visible()  # input: done-able
    expect(console.locator("#ready-count")).to_have_text("0 van 2 klaar")
    anouk.locator("#case-title").fill("Traplift of verhuizing?")
    anouk.locator("#case-situation").fill(
        f"Een man van 82 kan de trap niet meer op. Zijn dochter belt vaak: {PHONE_NUMBER}."
    )
    anouk.locator("#case-question").fill("Mag het wijkteam een goedkopere oplossing kiezen?")
    anouk.locator("#case-submit").click()
    finding = anouk.locator("#case-situation-findings .finding")
    expect(finding).to_contain_text(PHONE_NUMBER)
    expect(anouk.locator("#case-situation")).to_have_attribute("aria-invalid", "true")
    expect(anouk.locator(".my-case")).to_have_count(0)
    expect(anouk.locator("#privacy-warning-title")).to_be_focused()
    assert_no_horizontal_overflow(anouk)
    screenshot(anouk, "phone-stap3-privacy-finding", full_page=True)
    # Changing the text is the first choice; sending anyway is the second, and asks what it is.
    expect(anouk.locator("#case-edit-text")).to_have_class(re.compile(r"\bprimary\b"))
    expect(anouk.locator(".send-anyway summary")).not_to_have_class(re.compile(r"\bprimary\b"))
    # The author knows better (say the number is the wijkteam's own): sent anyway.
    anouk.locator(".send-anyway summary").click()
    anouk.locator('button[data-reason="not_personal"]').click()
    expect(anouk.locator(".my-case")).to_have_count(1)
    expect(anouk.locator(".my-case .flag")).to_be_visible()  # waiting for the facilitator
    expect(anouk.locator("#case-title")).to_have_value("")
    card = console.locator(".case-card", has_text="Traplift")
    expect(card.locator(".flag").first).to_be_visible()  # the console is told what to read first
    expect(card).to_contain_text("Anouk")
    expect(screen.locator(".screen-activity")).not_to_contain_text("Anouk")
    # In quarantine until the facilitator has read it and lets the number through.
    waiting = console.locator(".quarantine-panel")
    expect(waiting).to_contain_text(PHONE_NUMBER)
    screenshot(console, "console-stap3-quarantine")
    waiting.locator("button[data-finding]").click()
    expect(waiting).to_be_hidden()

    # Casussen kiezen: the console picks the case; it goes on the table.
    goto(console, [*phones, screen], "kiezen")
    anouk.locator('.pick-item button[data-dots="1"]').click()
    expect(anouk.locator(".dot-count [aria-hidden]")).to_have_text("1")
    # The redraw that follows keeps the keyboard in the stepper (on "−" once "+" is off).
    assert anouk.evaluate("() => Boolean(document.activeElement.closest('.stepper'))")
    console.locator(".pick-row", has_text="Traplift").locator(".pick-toggle").click()
    console.locator("#pick-save").click()
    expect(screen.locator(".picked-tiles .case-tile", has_text="Traplift")).to_be_visible()

    # Toetsen: both phones judge; the projector's grid counts the verdicts per requirement.
    goto(console, [*phones, screen], "toetsen")
    for phone, verdicts in ((anouk, ("knelt", "helpt")), (bram, ("knelt", "ontbreekt"))):
        expect(phone.locator(".judge-head .case-title")).to_have_text("Traplift of verhuizing?")
        # One requirement at a time: "1 van 2", then Volgende to the next card.
        position = phone.locator(".card-position")
        for n, (text, verdict) in enumerate(zip(REQUIREMENTS, verdicts, strict=True), start=1):
            expect(position).to_have_text(f"{n} van {len(REQUIREMENTS)}")
            expect(phone.locator(".judge-item:visible")).to_have_count(1)
            button = phone.locator(".judge-item", has_text=text).locator(
                f'button[data-verdict="{verdict}"]'
            )
            button.click()
            expect(button).to_have_attribute("aria-pressed", "true")
            if n < len(REQUIREMENTS):
                phone.get_by_role("button", name="Volgende").click()
        phone.get_by_role("button", name="Alles tonen").click()  # the summary: every card
        expect(phone.locator(".judge-item:visible")).to_have_count(len(REQUIREMENTS))
        expect(phone.locator(".judge-item.judged")).to_have_count(len(REQUIREMENTS))
    first = screen.locator(".judge-grid tbody tr", has_text=REQUIREMENTS[0])
    expect(first.locator(".verdict-knelt .verdict-count")).to_have_text("2")
    expect(first.locator(".verdict-helpt .verdict-count")).to_have_text("0")
    expect(first.locator(".cell-dominant")).to_have_count(1)  # marked, not only coloured
    second = screen.locator(".judge-grid tbody tr", has_text=REQUIREMENTS[1])
    for verdict, count in (("helpt", "1"), ("knelt", "0"), ("ontbreekt", "1")):
        expect(second.locator(f".verdict-{verdict} .verdict-count")).to_have_text(count)
    expect(console.locator(".on-table .judge-grid tbody tr").first).to_contain_text("2")
    screenshot(screen, "screen-stap3-judgement-grid")

    # A comment with a phone number is stopped on the phone: changing the text comes first;
    # sent anyway, it waits for the facilitator and the projector never shows it.
    item = bram.locator(".judge-item", has_text=REQUIREMENTS[0])
    item.locator(".add-comment").click()
    item.locator("textarea").fill(f"Zijn dochter belt vaak: {PHONE_NUMBER}")
    item.locator('button[data-action="comment"]').click()
    dialog = bram.locator("dialog.privacy-dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(PHONE_NUMBER)
    expect(dialog.locator("button.primary")).to_have_text("Tekst aanpassen")
    assert_no_horizontal_overflow(bram)
    screenshot(bram, "phone-stap3-comment-gate")
    dialog.locator(".send-anyway summary").click()
    dialog.locator('button[data-reason="invented"]').click()
    expect(dialog).to_have_count(0)
    waiting = console.locator(".quarantine-panel")
    expect(waiting).to_contain_text(PHONE_NUMBER)
    expect(screen.locator("body")).not_to_contain_text(PHONE_NUMBER)
    waiting.locator("button[data-finding]").click()
    expect(waiting).to_be_hidden()

    # Beslisregels: written and agreed on the console; a phone agrees.
    goto(console, [*phones, screen], "beslisregels")
    console.locator("#rule-who_decides").fill("De professional van het wijkteam")
    console.locator("#rule-what").fill(
        "Een eenmalige betaling die een duurdere voorziening voorkomt"
    )
    console.locator("#rule-budget_or_mandate").fill("Tot € 2.500 per huishouden per jaar")
    console.locator("#rule-submit").click()
    rule = console.locator(".console-rules .rule-item")
    expect(rule).to_have_count(1)
    agreed = rule.locator('button[data-status="agreed"]')
    agreed.click()
    expect(agreed).to_have_attribute("aria-pressed", "true")
    anouk.locator('.rule-item button[data-stance="agree"]').click()
    expect(screen.locator(".rule-item .reaction-counts")).to_contain_text("1")

    # Kader op maat: frozen as version 1, after a confirm; everyone sees it.
    goto(console, [*phones, screen], "kader")
    console.locator("#freeze-framework").click()
    for page in (console, screen, bram):
        expect(page.locator(".framework-list li", has_text=REQUIREMENTS[0])).to_be_visible()
        expect(page.locator(".framework-rules li")).to_have_count(1)

    # Dag 2: the follow-up session is opened from the traject page.
    console.goto(app_server.url(f"/begeleider/traject/{opened['traject']}/"))
    console.locator('button[name="day"][value="2"]').click()
    expect(console).to_have_url(re.compile(r"/begeleider/live/[A-Z0-9]{6}/$"))
    code = console.locator(".join-strip .code").inner_text().strip()
    # Anouk comes back in the same browser: recognised at once.
    anouk.goto(app_server.url(f"/j/{code}/"))
    expect(anouk.locator("#me-name")).to_have_text("Anouk")
    expect(anouk.locator("#phase-title")).to_have_text("Welkom terug")
    # Bram comes back on a new device. The page names nobody from day 1: he types his name
    # and chooses his layer; a wrong layer gets the same answer as an unknown name.
    bram_again = phone_page(new_context)
    bram_again.goto(app_server.url(f"/j/{code}/"))
    for name in ("Anouk", "Bram"):
        expect(bram_again.locator("body")).not_to_contain_text(name)
    name_field = bram_again.locator("#id_claim-name")
    expect(name_field).to_have_attribute("autocomplete", "name")
    name_field.fill("  bram ")
    bram_again.locator('input[name="claim-layer"][value="raad"]').check()
    bram_again.locator(".returning button[type=submit]").click()
    error = bram_again.locator("#id_claim-name_error")
    expect(error).to_be_visible()
    expect(name_field).to_have_attribute("aria-describedby", "id_claim-name_error")
    expect(name_field).to_have_value("  bram ")
    expect(bram_again.locator("body")).not_to_contain_text("Anouk")
    check_a11y(bram_again, "day-2 join page with a claim that found nobody")
    assert_no_horizontal_overflow(bram_again)
    screenshot(bram_again, "phone-day2-claim-not-found", full_page=True)
    bram_again.locator('input[name="claim-layer"][value="uitvoering"]').check()
    bram_again.locator(".returning button[type=submit]").click()
    check_code = bram_again.locator(".check-code").inner_text().strip()
    assert re.fullmatch(r"\d{4}", check_code), check_code
    # The waiting page asks the server, it does not reload itself (a screen reader would
    # start at the top again every few seconds).
    assert bram_again.locator('meta[http-equiv="refresh"]').count() == 0
    bram_again.evaluate("window.stillHere = true")
    bram_again.wait_for_timeout(4_500)  # past the old 4 s refresh, and a status check or more
    assert bram_again.evaluate("window.stillHere === true")
    check_a11y(bram_again, "day-2 claim waiting for the facilitator")
    waiting = console.locator(".claims-panel .claim", has_text="Bram")
    expect(waiting.locator(".check-code-value [aria-hidden]")).to_have_text(check_code)
    screenshot(console, "console-day2-claim")
    waiting.locator('button[data-action="confirm"]').click()
    expect(bram_again.locator("#me-name")).to_have_text("Bram", timeout=15_000)
    expect(console.locator(".claims-panel .claim")).to_have_count(0)

    # Inchecken: Anouk's answer goes on the projector's wall without her name; she withdraws
    # it again. Bram has typed his but not saved it when the console moves on: it is sent.
    screen.goto(app_server.url(console.locator('a[href*="/scherm/"]').get_attribute("href")))
    goto(console, [anouk, bram_again, screen], "inchecken")
    anouk.locator("#checkin-text").fill(CHECK_IN)
    anouk.locator(".checkin-form button[type=submit]").click()
    wall = screen.locator(".checkin-wall .checkin-answer")
    expect(wall).to_have_text([CHECK_IN])
    expect(screen.locator(".screen-activity")).not_to_contain_text("Anouk")
    expect(console.locator(".checkin-wall .checkin-answer")).to_have_text([CHECK_IN])
    expect(console.locator(".vote-progress")).to_contain_text("1")
    expect(bram_again.locator(".checkin-count")).to_contain_text("1")
    expect(bram_again.locator("#checkin-text")).to_have_value("")  # nobody else's words
    screenshot(screen, "screen-day2-check-in")
    screenshot(anouk, "phone-day2-check-in", full_page=True)
    anouk.locator("#checkin-withdraw").click()  # confirmed (phone_page accepts dialogs)
    expect(wall).to_have_count(0)
    expect(anouk.locator("#checkin-text")).to_have_value("")
    expect(anouk.locator("#checkin-withdraw")).to_be_hidden()
    bram_again.locator("#checkin-text").fill(CHECK_IN_DRAFT)
    goto(console, [anouk, bram_again], "terugblik")
    goto(console, [anouk, bram_again], "inchecken")
    expect(console.locator(".checkin-wall .checkin-answer")).to_have_text([CHECK_IN_DRAFT])
    expect(bram_again.locator("#checkin-text")).to_have_value(CHECK_IN_DRAFT)
    assert_no_horizontal_overflow(bram_again)

    # Terugblik: both review the first requirement; the console counts them.
    goto(console, [anouk, bram_again], "terugblik")
    for phone, applied in ((anouk, "ja"), (bram_again, "deels")):
        item = phone.locator(".review-item", has_text=REQUIREMENTS[0])
        item.locator(f'button[data-applied="{applied}"]').click()
        expect(item.locator(f'button[data-applied="{applied}"]')).to_have_attribute(
            "aria-pressed", "true"
        )
    item = bram_again.locator(".review-item", has_text=REQUIREMENTS[0])
    item.locator('textarea[data-field="improve"]').fill("Sneller terugkoppelen aan de inwoner.")
    item.locator('button[data-action="save"]').click()
    summary = console.locator(".review-card", has_text=REQUIREMENTS[0])
    expect(summary.locator(".bar-applied-ja .bar-value")).to_have_text("1")
    expect(summary.locator(".bar-applied-deels .bar-value")).to_have_text("1")
    expect(summary.locator(".improve li")).to_have_text(["Sneller terugkoppelen aan de inwoner."])
    assert_no_horizontal_overflow(bram_again)

    # Kader herzien: one requirement rephrased with a reason; the diff shows before → after.
    goto(console, [anouk, bram_again], "herzien")
    row = console.locator(".revise-item", has_text=REQUIREMENTS[0])
    row.locator('button[data-choice="rephrase"]').click()
    row.locator('textarea[data-part="text"]').fill(REPHRASED)
    row.locator('input[data-part="reason"]').fill("Een week bleek in de praktijk te lang.")
    console.locator("#revise-framework").click()
    for page in (console, anouk, bram_again):
        changed = page.locator(".diff-changed .diff-item")
        expect(changed.locator(".diff-before del")).to_have_text(REQUIREMENTS[0])
        expect(changed.locator(".diff-after ins")).to_have_text(REPHRASED)
        expect(changed.locator(".diff-reason")).to_contain_text("te lang")
    screenshot(anouk, "phone-day2-diff", full_page=True)
