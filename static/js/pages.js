// Pure paging (no page, no DOM), unit-tested with `node --test` (tests/js): how items are split
// into pages that fit, and which page is shown. static/js/screen-fit.js measures; this decides.

// Items in order, greedily into pages: an item joins the current page when `fitsWith(members)`
// says the page with it still fits, else it starts the next page. An item that does not fit
// even alone gets a page of its own; the caller may split it further.
export function greedyPages(items, fitsWith) {
  const pages = [];
  let page = [];
  for (const item of items) {
    if (fitsWith([...page, item])) {
      page.push(item);
      continue;
    }
    if (page.length) pages.push(page);
    page = [item];
  }
  if (page.length) pages.push(page);
  return pages;
}

// The page to show of `count`: the one the facilitator turned to (wrapping round, since only the
// projector knows how many there are), or else the one the clock is at, a page per `turnMs`.
export function pageToShow({ turned, count, now, turnMs }) {
  const index = turned ?? Math.floor(now / turnMs);
  return ((index % count) + count) % count;
}
