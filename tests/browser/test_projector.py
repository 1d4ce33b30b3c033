"""The projector at 6 m: every phase of a whole traject (the 40-person sample, day 1 and day 2
with all their results) fits a 1920×1080 and a 1280×720 projector without scrolling, in text
no smaller than the floors of static/js/screen-fit.js; what does not fit is shown a page at a
time, and the facilitator can turn those pages from the console."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.browser.conftest import PROJECTOR

SMALL_PROJECTOR = {"width": 1280, "height": 720}
LABEL_PX = 24  # at 1080 lines; scaled with the screen's height


# What a projector shows, measured: whether it scrolls, and the smallest visible text.
MEASURE = """() => {
  const root = document.documentElement;
  let smallest = Infinity, where = "";
  const walker = document.createTreeWalker(document.getElementById("screen"), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element.getClientRects().length) continue;
    if (element.closest(".visually-hidden")) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < smallest) { smallest = size; where = node.textContent.trim().slice(0, 40); }
  }
  // Bars of one chart start at one place, so equal values end at equal lengths.
  const lefts = [...document.querySelectorAll("#activity .bars")].map(bars =>
    new Set([...bars.querySelectorAll(".bar-track")].filter(t => t.getClientRects().length)
      .map(t => Math.round(t.getBoundingClientRect().left))).size);
  return {scrolls: root.scrollHeight > innerHeight + 1 || root.scrollWidth > innerWidth + 1,
          height: root.scrollHeight, smallest, where,
          ragged: lefts.filter(n => n > 1).length};
}"""


def test_every_phase_fits_the_projector_legibly(
    app_server, facilitator_page, new_context, screenshot
):
    opened = app_server.open_sample()
    console = facilitator_page
    console.goto(app_server.url(f"/begeleider/live/{opened['code']}/"))
    screens = []
    for viewport in (PROJECTOR, SMALL_PROJECTOR):
        screen = new_context(viewport).new_page()
        screen.goto(app_server.url(f"/scherm/{opened['code']}/{opened['screen_token']}/"))
        expect(screen.locator("#connection")).to_have_attribute("data-status", "online")
        screens.append(screen)
    phases = console.eval_on_selector_all(
        "#outline button[data-phase]", "all => all.map(b => b.dataset.phase)"
    )
    assert len(phases) > 20
    problems, states, paged = [], 0, []
    for phase in phases:
        console.locator(f'#outline button[data-phase="{phase}"]').click()
        title = console.locator("#phase-title")
        expect(console.locator('#outline [aria-current="step"]')).to_have_attribute(
            "data-phase", phase
        )
        for screen in screens:
            expect(screen.locator("#phase-title")).to_have_text(title.inner_text())
            screen.wait_for_timeout(300)  # the next frame's layout, then the pages
            found = screen.evaluate(MEASURE)
            floor = LABEL_PX * screen.viewport_size["height"] / 1080
            size = f"{screen.viewport_size['width']}×{screen.viewport_size['height']}"
            if found["scrolls"]:
                problems.append(f"{phase} at {size}: {found['height']} px tall")
            if found["smallest"] < floor - 0.5:
                problems.append(f"{phase} at {size}: {found['smallest']:.1f} px «{found['where']}»")
            if found["ragged"]:
                problems.append(f"{phase} at {size}: bars that start at different places")
            if screen.locator("#screen-page").is_visible():
                paged.append(f"{phase} {size}: {screen.locator('#screen-page').inner_text()}")
            if screen.viewport_size == PROJECTOR:
                screenshot(screen, f"projector-{phase}")
            states += 1
    print(f"projector: {states} states checked, {len(paged)} shown in pages: {paged}")
    assert problems == []
    assert paged  # the sample has more than fits: pages were needed somewhere


def test_the_facilitator_turns_the_projectors_pages(app_server, facilitator_page, new_context):
    opened = app_server.open_sample()
    console = facilitator_page
    console.goto(app_server.url(f"/begeleider/live/{opened['code']}/"))
    screen = new_context(SMALL_PROJECTOR).new_page()
    screen.goto(app_server.url(f"/scherm/{opened['code']}/{opened['screen_token']}/"))
    console.locator('#outline button[data-phase="clusteren"]').click()
    indicator = screen.locator("#screen-page")
    expect(indicator).to_be_visible()
    console.get_by_role("button", name="Pagina op het scherm ▶").click()
    expect(indicator).to_have_text(re.compile(r"^Pagina 2 van \d+$"))
    console.get_by_role("button", name="◀ Pagina op het scherm").click()
    expect(indicator).to_have_text(re.compile(r"^Pagina 1 van \d+$"))
    expect(console.get_by_role("button", name="Pagina's vanzelf laten wisselen")).to_be_visible()
    console.get_by_role("button", name="Pagina's vanzelf laten wisselen").click()
    expect(console.get_by_role("button", name="Pagina's vanzelf laten wisselen")).to_be_hidden()
