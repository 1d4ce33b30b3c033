"""Stap 2 — de game — through real pages in real Chromium: the console deals and reveals the
roles, shows the case and a development, a phone's reaction reaches the projector and one
typed but not saved is sent when the console moves on, a phone writes a wish, the console
merges it into a candidate requirement, the phones vote MoSCoW as themselves, the projector's
grid shows the numbers per layer, and once the programme is adopted the phones show it.

Buttons are found by their ids and data attributes rather than their words, so the test holds
in either language and while a translation is being revised."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR
from tests.browser.test_live_flow import assert_no_horizontal_overflow, join_with_code

pytestmark = pytest.mark.browser

WISH = "Maatwerk moet snel kunnen, zonder drie handtekeningen."
REACTION = "Als raad wil ik vooral weten wat het kost en wie het besluit."
REACTION_DRAFT = "Vanuit de uitvoering: de inwoner wacht al te lang."


def join(phone, base_url: str, code: str, name: str, layer: str) -> None:
    join_with_code(phone, base_url, code)
    phone.get_by_label("Je naam").fill(name)
    phone.get_by_label(layer, exact=True).check()
    phone.get_by_role("button", name="Meedoen").click()
    expect(phone.locator("#me-name")).to_have_text(name)


def grid_cell(screen, row_text: str, layer_label: str):
    """The grid cell of a requirement's row under a layer's column header."""
    table = screen.locator("table.support-grid")
    headers = table.locator("thead th").all_inner_texts()
    column = [h.strip() for h in headers].index(layer_label)
    return table.locator("tbody tr", has_text=row_text).locator("th, td").nth(column)


def test_a_room_plays_stap2_from_dealing_roles_to_an_adopted_programme(
    app_server, facilitator_page, new_context, screenshot
):
    opened = app_server.open_session("Gemeente Spelstad")
    code = opened["code"]
    console = facilitator_page
    console.on("dialog", lambda dialog: dialog.accept())
    console.goto(app_server.url(f"/begeleider/live/{code}/"))
    expect(console.locator("#connection")).to_have_attribute("data-status", "online")

    screen = new_context(PROJECTOR).new_page()
    screen.goto(app_server.url(f"/scherm/{code}/{opened['screen_token']}/"))

    phones = []
    for name, layer in (("Anouk", "Raadslid"), ("Bram", "Professional wijkteam")):
        phone = new_context(
            {"width": 360, "height": 780}, is_mobile=True, has_touch=True
        ).new_page()
        join(phone, app_server.base_url, code, name, layer)
        phones.append(phone)
    anouk, bram = phones
    expect(console.locator("#participants li")).to_have_count(2)

    def goto(phase: str) -> None:
        console.locator(f'#outline button[data-phase="{phase}"]').click()
        title = console.locator("#phase-title")
        expect(console.locator('#outline [aria-current="step"]')).to_have_attribute(
            "data-phase", phase
        )
        for page in (*phones, screen):
            expect(page.locator("#phase-title")).to_have_text(title.inner_text())

    # Rollen verdelen: dealt and revealed, every phone shows a role that is not its own layer.
    goto("rollen")
    expect(anouk.locator(".role-card")).to_have_count(0)
    console.locator("#roles-seed").fill("11")
    console.locator("#deal-roles").click()
    expect(console.locator("table.assignments tbody tr")).to_have_count(2)
    # The facilitator overrides Anouk's role; her own layer is not on offer.
    row = console.locator("table.assignments tbody tr", has_text="Anouk")
    select = row.locator("select")
    expect(select.locator('option[value="raad"]')).to_be_disabled()
    target = "teamleiding" if select.input_value() != "teamleiding" else "beleid"
    select.select_option(target)
    expect(row.locator(".badge")).to_be_visible()
    expect(select).to_have_value(target)
    reveal = console.locator("#reveal-roles")
    reveal.click()
    expect(reveal).to_have_attribute("aria-pressed", "true")
    for phone in phones:
        card = phone.locator(".role-card")
        expect(card).to_be_visible()
        own_layer = phone.locator("#me-layer").inner_text().strip()
        played = card.locator(".role-label").inner_text().strip()
        assert played and played != own_layer, f"{own_layer} plays {played}"
        expect(card.locator("blockquote")).not_to_be_empty()
    assert_no_horizontal_overflow(anouk)
    screenshot(anouk, "phone-stap2-role-card")

    # De casus: chosen and one development revealed, on the phone and the projector.
    goto("casus")
    console.locator(".case-picker button[type=submit]").click()
    case_title = console.locator(".case .case-title")
    expect(case_title).not_to_be_empty()
    expect(anouk.locator(".case-title")).to_have_text(case_title.inner_text())
    expect(anouk.locator(".development")).to_have_count(0)
    console.locator("#reveal-next").click()
    expect(anouk.locator(".development.newest")).to_have_count(1)
    expect(screen.locator(".development.newest")).to_be_visible()
    expect(anouk.locator(".role-chip summary")).to_be_visible()

    # Reageren: Anouk's reaction reaches the projector under her played role, without her name;
    # Bram's, typed but not saved, is sent when the console moves on.
    goto("reageren")
    anouk.locator("#reaction-text").fill(REACTION)
    anouk.locator(".reaction-form button[type=submit]").click()
    expect(screen.locator(".role-column .note", has_text=REACTION)).to_be_visible()
    expect(screen.locator(".screen-activity")).not_to_contain_text("Anouk")
    expect(anouk.locator("#reaction-counter")).to_contain_text(str(len(REACTION)))
    bram.locator("#reaction-text").fill(REACTION_DRAFT)
    goto("wensen")
    goto("reageren")
    expect(console.locator(".role-column .note", has_text=REACTION_DRAFT)).to_be_visible()
    expect(bram.locator("#reaction-text")).to_have_value(REACTION_DRAFT)

    # Wensenpakket: Bram writes a wish in his played role; the projector shows it, nameless.
    goto("wensen")
    bram.locator("#wish-text").fill(WISH)
    bram.locator(".wish-form button[type=submit]").click()
    expect(bram.locator(".my-wishes li", has_text=WISH)).to_be_visible()
    expect(bram.locator("#wish-text")).to_have_value(re.compile(r"^\S+ \S+ $"))  # fresh start
    expect(screen.locator(".role-column .note", has_text=WISH)).to_be_visible()
    expect(screen.locator(".screen-activity")).not_to_contain_text("Bram")

    # Samenvoegen: the wish becomes a candidate requirement that remembers its role.
    goto("samenvoegen")
    console.locator(".wish-choice", has_text=WISH).locator("input[type=checkbox]").check()
    expect(console.locator("#merge-text")).to_have_value(WISH)
    console.locator("#merge-text").fill("Maatwerk kan binnen een week besloten worden.")
    console.locator("#merge-button").click()
    candidate = console.locator(".candidate-list .candidate", has_text="binnen een week")
    expect(candidate).to_be_visible()
    expect(anouk.locator(".candidate", has_text="binnen een week")).to_be_visible()

    # Prioriteren: both vote "must" as themselves; the choice shows as pressed.
    goto("prioriteren")
    for phone in phones:
        must = phone.locator('.vote-item button[data-choice="must"]')
        must.click()
        expect(must).to_have_attribute("aria-pressed", "true")
        expect(phone.locator('.vote-item button[aria-pressed="true"]')).to_have_count(1)
    expect(screen.locator("table.support-grid")).to_have_count(0)  # hidden until revealed

    # Verticaal draagvlak: two voters, so no layer has a column of its own (the one raadslid's
    # vote stays hers); the grid writes the counts out and says there are too few votes.
    goto("resultaten")
    expect(screen.locator("table.support-grid caption")).not_to_be_empty()
    head = screen.locator("table.support-grid thead")
    expect(head).to_contain_text("Alle lagen samen")
    expect(head).not_to_contain_text("Raadslid")
    expect(head).not_to_contain_text("Professional wijkteam")
    cell = grid_cell(screen, "binnen een week", "Alle lagen samen")
    expect(cell.locator(".cell-counts span")).to_have_text(["2", "0", "0", "0"])
    expect(cell.locator(".cell-pct")).to_have_text("te weinig stemmen")
    expect(screen.locator(".grid-help")).to_contain_text("Te weinig stemmen om de lagen apart")
    expect(anouk.locator(".ranking .ranked", has_text="binnen een week")).to_be_visible()
    screenshot(screen, "screen-stap2-grid")

    # Vaststellen: accepted and adopted as version 1; the phones show the programme.
    goto("vaststellen")
    accept = console.locator(".decision", has_text="binnen een week").locator(".decide-accept")
    accept.click()
    expect(accept).to_have_attribute("aria-pressed", "true")
    console.locator("#adopt-programme").click()
    for phone in phones:
        expect(phone.locator(".adopted-list li")).to_have_text(
            ["Maatwerk kan binnen een week besloten worden."]
        )
    expect(screen.locator(".adopted-list li")).to_have_count(1)
    expect(console.locator(".adopt-status")).to_contain_text("1")
    screenshot(anouk, "phone-stap2-adopted")
