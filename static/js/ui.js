// Page plumbing shared by the phone, console and projector pages: the page's texts and limits,
// building elements, the connection state, the timer, the phase heading, and the live page
// itself (its socket and the view of the current phase kind). Widgets that views share are in
// widgets.js. Texts come from the page (a json_script block rendered with Django i18n), never
// from this file.
import { LiveSocket } from "./live-socket.js";
import { fmt } from "./text.js";

// The page's texts (sessions/strings.py live_strings): the ones concepts share at the top level
// (strings.save), each concept's own under its name (strings.requirements.merge).
export const strings = JSON.parse(document.getElementById("i18n-strings").textContent);
// The server's length limits (sessions/strings.py live_limits), for counters and maxlength.
export const limits = JSON.parse(document.getElementById("live-limits").textContent);

export function byId(id) {
  return document.getElementById(id);
}

export function setText(id, text) {
  const node = byId(id);
  if (node && node.textContent !== (text ?? "")) node.textContent = text ?? "";
}

export function show(id, visible) {
  const node = byId(id);
  if (node) node.hidden = !visible;
}

// Build an element with text content only: participant text can never become markup.
export function el(tag, { text, cls, attrs } = {}, children = []) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (cls) node.className = cls;
  for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

// Where an element is within `root`, so the same control can be found again after a redraw:
// its data-focus key or id when it has one, else its position (the n-th child of the n-th …).
function placeOf(element, root) {
  if (element.dataset.focus) return { focus: element.dataset.focus };
  if (element.id) return { id: element.id };
  const path = [];
  for (let node = element; node && node !== root; node = node.parentElement) path.unshift([node.tagName, [...node.parentElement.children].indexOf(node)]);
  return { path };
}

function findPlace(root, place) {
  if (place.focus) return root.querySelector(`[data-focus="${CSS.escape(place.focus)}"]`);
  if (place.id) return root.querySelector(`#${CSS.escape(place.id)}`);
  let node = root;
  for (const [tag, index] of place.path) {
    node = node.children[index];
    if (!node || node.tagName !== tag) return null;
  }
  return node;
}

// Replace `node`'s children, keeping what the person was doing in it: the focused control (and
// the caret in a text field) and the folds they had opened. Snapshots arrive for every vote in
// the room; a redraw must not throw a keyboard or screen-reader user back to the top.
export function redraw(node, children) {
  const active = document.activeElement;
  const focused = active && active !== node && node.contains(active) ? placeOf(active, node) : null;
  let caret = null;
  try {
    if (focused && typeof active.selectionStart === "number") caret = [active.selectionStart, active.selectionEnd];
  } catch {
    caret = null; // not a text field
  }
  const opened = [...node.querySelectorAll("details[open]")].map((fold) => placeOf(fold, node));
  node.replaceChildren(...children.filter(Boolean));
  for (const place of opened) {
    const fold = findPlace(node, place);
    if (fold && fold.tagName === "DETAILS") fold.open = true;
  }
  let again = focused && findPlace(node, focused);
  // A control that is disabled now (the last "+" once every dot is spent) cannot hold focus:
  // its neighbour in the same group takes it, rather than the page.
  if (again && again.disabled) again = again.closest("[role=group]")?.querySelector("button:not([disabled])") || null;
  if (!again) return;
  again.focus({ preventScroll: true });
  if (caret && again.setSelectionRange) {
    try {
      again.setSelectionRange(...caret);
    } catch {
      /* not a text field */
    }
  }
}

export { fmt } from "./text.js";

function renderStatus(status) {
  const node = byId("connection");
  if (!node) return;
  node.dataset.status = status;
  node.textContent = strings.status[status] || status;
}

export function showError(error) {
  const node = byId("live-error");
  if (!node) return;
  node.textContent = error.message;
  node.hidden = false;
  clearTimeout(showError.timer);
  showError.timer = setTimeout(() => (node.hidden = true), 8000);
}

// Tell a screen reader something, politely (the page's #announcer live region). The region is
// emptied first so the same words, said again later, are announced again.
export function announce(text) {
  const node = byId("announcer");
  if (!node || !text) return;
  node.textContent = "";
  setTimeout(() => (node.textContent = text), 50);
}

// What a screen reader hears when the room moves on: a new phase, and results the facilitator
// has just shown the room. The first snapshot only sets the baseline (the page says it all).
function roomAnnouncer() {
  let phase = null;
  let revealed = null;
  return (state) => {
    const A = strings.announce;
    const shown = state.session.revealed || [];
    const said = [];
    if (phase !== null && phase !== state.phase.key) said.push(fmt(A.phase, { step: state.step.title, phase: state.phase.title }));
    if (revealed !== null) {
      for (const what of shown) if (!revealed.includes(what)) said.push(fmt(A.revealed, { what: A.what[what] || what }));
    }
    phase = state.phase.key;
    revealed = shown;
    if (said.length) announce(said.join(" "));
  };
}

// A countdown that follows the server's clock; shows mm:ss and announces only at the end.
function runTimer(socket, getTimer) {
  const node = byId("timer");
  if (!node) return () => {};
  let running = null; // the end of the countdown last seen with time left
  const tick = () => {
    const timer = getTimer();
    if (!timer || !timer.ends_at) {
      node.hidden = true;
      return;
    }
    const left = Math.max(0, Math.round((timer.ends_at - socket.serverNow()) / 1000));
    const text = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    node.hidden = false;
    node.querySelector(".timer-value").textContent = text;
    // Once per countdown this page saw running: not on every tick, nor on opening a page
    // whose time was already up.
    if (left > 0) running = timer.ends_at;
    else if (running === timer.ends_at) {
      running = null;
      announce(strings.announce.time_up);
    }
    node.classList.toggle("timer-done", left === 0);
    node.classList.toggle("timer-soon", left > 0 && left <= 30);
  };
  setInterval(tick, 500);
  return tick;
}

function socketUrl(path) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const lang = document.documentElement.lang || "nl";
  return `${scheme}://${location.host}${path}?lang=${encodeURIComponent(lang)}`;
}

function renderPhase(state) {
  setText("step-title", state.step.title);
  setText("phase-title", state.phase.title);
  setText("phase-instruction", state.phase.instruction);
  setText("phase-position", fmt(strings.programme.position, { n: state.phase.position, total: state.phase.count }));
  show("phase-locked", state.phase.locked);
}

// The people in the room per layer (#layer-counts); count(layer) says how many.
export function renderLayerCounts(layers, count) {
  byId("layer-counts").replaceChildren(
    ...layers.map((layer) =>
      el("li", { cls: layer.joined ? "" : "empty" }, [el("span", { cls: "layer-label", text: layer.label }), el("span", { cls: "layer-count", text: count(layer) })]),
    ),
  );
}

// Mounts the part of a page that belongs to the current phase kind. `kinds` maps a phase kind
// to a factory (container, socket) -> {update(state, me), leave()}; leave() runs before the
// phase changes, so a view can send or keep a draft instead of dropping it.
function activityHost(container, kinds, socket) {
  let current = null;
  let currentKind = null;
  return (state, me) => {
    const kind = state.phase.kind;
    if (kind !== currentKind) {
      if (current && current.leave) current.leave();
      container.replaceChildren();
      current = kinds[kind] ? kinds[kind](container, socket) : null;
      currentKind = kind;
    }
    if (current) current.update(state, me);
  };
}

// One live page: the socket to `root`'s data-socket, the connection state, the timer, the
// phase heading and, in #activity, the view of the current phase kind from `kinds` (see
// views/index.js). With every snapshot, `render(state, me)` draws the page's own parts first,
// so a phase view may still adjust them (views/programme.js does while people join), and
// `rendered(state, me)` runs once all is drawn (the projector lays out its pages then).
export function livePage(root, kinds, { render = () => {}, rendered = () => {}, onError = showError, onFinal } = {}) {
  let state = null;
  let me = null;
  const socket = new LiveSocket(socketUrl(root.dataset.socket), {
    onState(nextState, nextMe) {
      state = nextState;
      me = nextMe;
      tickTimer();
      renderPhase(state);
      announceRoom(state);
      render(state, me);
      renderActivity(state, me);
      rendered(state, me);
    },
    onStatus: renderStatus,
    onError,
    onFinal,
  });
  const tickTimer = runTimer(socket, () => state && state.timer);
  const announceRoom = roomAnnouncer();
  const renderActivity = activityHost(byId("activity"), kinds, socket);
  return {
    socket,
    state: () => state,
    me: () => me,
    command: (cmd, args) => socket.send(cmd, args).catch(() => {}),
  };
}
