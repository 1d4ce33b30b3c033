"""Every phase × every audience, in Dutch and English, on the 40-person sample traject: axe
finds no WCAG 2.1 A/AA violation (of any impact), headings do not skip a level, the page has a
main landmark, a 360 px phone scrolls sideways neither at normal nor at 200 % text, and
neither does the console in a 320 px window (a laptop at 400 % zoom, WCAG 1.4.10)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAPTOP, PHONE, PROJECTOR

AXE = """async () => (await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    resultTypes: ["violations"],
})).violations.map(v => `${v.id} (${v.impact}): ` +
    v.nodes.slice(0, 3).map(n => n.target.join(" ")).join("; "))"""

# Headings that skip a level (h1 → h3) and whether the page has its main landmark.
STRUCTURE = """() => {
  const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")]
    .filter(h => h.getClientRects().length).map(h => Number(h.tagName[1]));
  const skips = levels.filter((level, i) => i > 0 && level > levels[i - 1] + 1);
  return {skips: skips.length, main: document.querySelectorAll("main, [role=main]").length};
}"""

SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_phase_on_every_screen_is_accessible(app_server, new_context, axe_source, language):
    opened = app_server.open_sample()
    code, token = opened["code"], opened["screen_token"]
    locale = {"nl": "nl-NL", "en": "en-GB"}[language]
    console = new_context(LAPTOP, locale=locale).new_page()
    console.goto(app_server.login_url())
    console.goto(app_server.url(f"/begeleider/live/{code}/"))
    narrow = new_context({"width": 320, "height": 640}, locale=locale).new_page()
    narrow.context.add_cookies(console.context.cookies())
    narrow.goto(app_server.url(f"/begeleider/live/{code}/"))
    phone = new_context(PHONE, locale=locale, is_mobile=True, has_touch=True).new_page()
    phone.goto(app_server.url(f"/j/{code}/"))
    phone.locator("#id_name").fill({"nl": "Yara", "en": "Yusuf"}[language])
    phone.locator('input[name="layer"][value="beleid"]').check()
    phone.locator(
        "form.join button[type=submit], form:not(.returning) button[type=submit]"
    ).last.click()
    expect(phone.locator("#me-name")).to_have_text({"nl": "Yara", "en": "Yusuf"}[language])
    large = new_context(PHONE, locale=locale, is_mobile=True, has_touch=True).new_page()
    large.context.add_cookies(phone.context.cookies())
    large.goto(app_server.url(f"/j/{code}/live/"))
    large.add_style_tag(content="html { font-size: 200% !important; }")  # 200 % text
    screen = new_context(PROJECTOR, locale=locale).new_page()
    screen.goto(app_server.url(f"/scherm/{code}/{token}/"))
    pages = {
        "console": console,
        "console at 320 px": narrow,
        "phone": phone,
        "phone at 200 %": large,
        "projector": screen,
    }
    phases = console.eval_on_selector_all(
        "#outline button[data-phase]", "all => all.map(b => b.dataset.phase)"
    )
    problems: list[str] = []
    states = 0
    for phase in phases:
        console.locator(f'#outline button[data-phase="{phase}"]').click()
        current = console.locator('#outline [aria-current="step"]')
        expect(current).to_have_attribute("data-phase", phase)
        title = console.locator("#phase-title").inner_text()
        for name, page in pages.items():
            if name != "projector":  # the projector speaks the session's language
                expect(page.locator("#phase-title")).to_have_text(title)
            page.wait_for_timeout(200)
            page.add_script_tag(content=axe_source)
            found = page.evaluate(AXE)
            structure = page.evaluate(STRUCTURE)
            where = f"{phase} · {name} · {language}"
            problems += [f"{where}: {violation}" for violation in found]
            if structure["skips"]:
                problems.append(f"{where}: a heading skips a level")
            if structure["main"] != 1:
                problems.append(f"{where}: {structure['main']} main landmarks")
            if name != "console" and name != "projector" and page.evaluate(SIDEWAYS) > 0:
                problems.append(f"{where}: scrolls sideways by {page.evaluate(SIDEWAYS)} px")
            states += 1
    print(f"{language}: {states} states checked, {len(problems)} problems")
    assert problems == [], "\n".join(problems)


def test_the_document_preview_is_accessible(app_server, facilitator_page, axe_source):
    """The facilitator reads the outcome document in the browser before sharing it."""
    facilitator_page.get_by_role("link", name="Gemeente Proefdorp").first.click()
    facilitator_page.get_by_role("link", name="Uitkomstdocument").first.click()
    page = facilitator_page
    expect(page.locator("main")).to_have_count(1)
    page.add_script_tag(content=axe_source)
    assert page.evaluate(AXE) == []
    assert page.evaluate(STRUCTURE) == {"skips": 0, "main": 1}
