"""axe-core on the three live audiences' pages: no serious or critical WCAG 2.1 AA problems."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR

pytestmark = pytest.mark.browser


def test_the_phone_pages_have_no_serious_accessibility_problems(
    app_server, phone_context, check_a11y
):
    code = app_server.open_session("Gemeente Axe Telefoon")["code"]
    phone = phone_context.new_page()
    phone.goto(app_server.url("/"))
    check_a11y(phone, "home page")
    phone.locator("#id_code").fill(code)
    phone.get_by_role("button", name="Verder").click()
    phone.get_by_role("button", name="Meedoen").click()
    expect(phone.get_by_role("alert").first).to_be_visible()
    check_a11y(phone, "join form with errors")
    phone.get_by_label("Je naam").fill("Sanne")
    phone.get_by_label("Beleidsambtenaar").check()
    phone.get_by_role("button", name="Meedoen").click()
    expect(phone.locator("#connection")).to_have_attribute("data-status", "online")
    check_a11y(phone, "live phone page")


def test_the_console_has_no_serious_accessibility_problems(
    app_server, facilitator_page, check_a11y
):
    code = app_server.open_session("Gemeente Axe Console")["code"]
    facilitator_page.goto(app_server.url(f"/begeleider/live/{code}/"))
    expect(facilitator_page.locator("#connection")).to_have_attribute("data-status", "online")
    expect(facilitator_page.locator("#outline button").first).to_be_visible()
    check_a11y(facilitator_page, "facilitator console")


def test_the_projector_screen_has_no_serious_accessibility_problems(
    app_server, new_context, check_a11y
):
    opened = app_server.open_session("Gemeente Axe Scherm")
    screen = new_context(PROJECTOR).new_page()
    screen.goto(app_server.url(f"/scherm/{opened['code']}/{opened['screen_token']}/"))
    expect(screen.locator("#connection")).to_have_attribute("data-status", "online")
    expect(screen.locator("#phase-position")).to_have_text(re.compile(r"\d"))
    check_a11y(screen, "projector screen")
