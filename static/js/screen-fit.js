// The projector is read from the back of the room and never scrolls: nobody there can.
//
// Legible first: no text is smaller than LABEL_PX (labels, headings of tables, badges) or
// BODY_PX (what people wrote, requirements, cases) at 1080 lines, scaled with the screen, so a
// view that styles a detail small is raised to the floor rather than read by nobody.
//
// Then it fits: when what a phase shows is taller than the screen, its tallest list (tiles,
// cards, table rows, notes) is shown a page at a time, with "page 2 of 3" in the corner; an item
// taller than the screen on its own (a cluster of many notes) is split along its own list. Pages turn by themselves every TURN_MS, or stay where the
// facilitator turned them from the console (state.session.screen_page) until the phase moves.
import { greedyPages, pageToShow } from "./pages.js";
import { fmt, strings } from "./ui.js";

const TURN_MS = 15000;
const LABEL_PX = 24;
const BODY_PX = 28;
const LABELS = "th, caption, dt, h2, h3, h4, .meta, .badge, .eyebrow, .hint, .bar-label, .bar-value, .verdict-mark, label, small";
const OFF = "off-page";
// What can be split into pages: the items of a list (rows, tiles, cards, notes), and failing
// that the parts of a view (.s3 sections: the kader's requirements, then its rules). A list of
// fewer than MIN_ITEMS (three answers to a statement) reads as one thing and stays whole,
// unless it is inside an item too tall for the screen on its own (two long decision rules).
const MIN_ITEMS = 5;
const LISTS = "ul, ol, tbody, .role-columns, .note-wall, .review-summary, .rule-tiles, .picked-tiles";
const PARTS = ".s3, [data-pages]";

const fits = () => document.documentElement.scrollHeight <= window.innerHeight + 1;
const shown = (list) => list.getClientRects().length > 0;
const tallestFirst = (lists) => lists.sort((a, b) => b.getBoundingClientRect().height - a.getBoundingClientRect().height);

function candidates(within, least = MIN_ITEMS) {
  const lists = [...within.querySelectorAll(LISTS)].filter((list) => list.children.length >= least && shown(list));
  const parts = [...within.querySelectorAll(PARTS)].filter((list) => list.children.length > 1 && shown(list));
  return [...tallestFirst(lists), ...tallestFirst(parts)];
}

// The pages of `list`, in order, each a function that shows just that page. Its headings are
// not paged: they stay above every page, so page 2 still says what it is part of.
function splitIntoPages(list, nested) {
  const items = [...list.children].filter((item) => !/^H[1-6]$/.test(item.tagName));
  const only = (members) => () => items.forEach((item) => item.classList.toggle(OFF, !members.includes(item)));
  only([])();
  if (!fits()) return (only(items)(), [only(items)]); // too tall without it: pages cannot help
  const pages = [];
  for (const members of greedyPages(items, (members) => (only(members)(), fits()))) {
    const [item] = members;
    const inner = members.length === 1 && !nested && (only(members)(), !fits()) ? candidates(item, 2)[0] : null;
    if (inner) for (const show of splitIntoPages(inner, true)) pages.push(() => (only([item])(), show()));
    else pages.push(only(members)); // fits, or cannot be split further: shown as it is
  }
  return pages;
}

// Raise every text of `root` below its floor to the floor; returns the elements raised.
function legible(root) {
  const scale = window.innerHeight / 1080;
  const raised = [];
  for (const node of root.querySelectorAll("*")) {
    const text = [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent.trim());
    if (!text) continue;
    const floor = (node.closest(LABELS) ? LABEL_PX : BODY_PX) * scale;
    if (parseFloat(getComputedStyle(node).fontSize) < floor) {
      node.style.fontSize = `${floor}px`;
      raised.push(node);
    }
  }
  return raised;
}

export function screenPager(activity, indicator) {
  let turned = null; // the page the facilitator turned to; null: pages turn by themselves
  let raised = [];
  const layout = () => {
    const reset = () => activity.querySelectorAll(`.${OFF}`).forEach((item) => item.classList.remove(OFF));
    reset();
    raised.forEach((node) => (node.style.fontSize = ""));
    raised = legible(activity);
    indicator.hidden = true;
    if (fits()) return;
    // The first list whose pages each fit; rows and tiles before whole parts of a view.
    let pages = null;
    for (const list of candidates(activity)) {
      const split = splitIntoPages(list, false);
      if (split.length > 1 && split.every((page) => (page(), fits()))) {
        pages = split;
        break;
      }
      reset();
    }
    if (!pages) return;
    const index = pageToShow({ turned, count: pages.length, now: Date.now(), turnMs: TURN_MS });
    pages[index]();
    indicator.textContent = fmt(strings.screen_page, { n: index + 1, total: pages.length });
    indicator.hidden = false;
  };
  window.addEventListener("resize", layout);
  setInterval(() => turned === null && layout(), TURN_MS);
  return (state) => {
    turned = state.session.screen_page;
    layout();
  };
}
