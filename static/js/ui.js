// Small helpers shared by the phone, console and projector pages. Texts come from the page
// (a json_script block rendered with Django i18n), never from this file.

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

export function renderStatus(status) {
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

// A countdown that follows the server's clock; shows mm:ss and announces only at the end.
export function runTimer(socket, getTimer) {
  const node = byId("timer");
  if (!node) return;
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
    node.classList.toggle("timer-done", left === 0);
    node.classList.toggle("timer-soon", left > 0 && left <= 30);
  };
  setInterval(tick, 500);
  return tick;
}

export function socketUrl(path) {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  const lang = document.documentElement.lang || "nl";
  return `${scheme}://${location.host}${path}?lang=${encodeURIComponent(lang)}`;
}

export function renderPhase(state) {
  setText("step-title", state.step.title);
  setText("phase-title", state.phase.title);
  setText("phase-instruction", state.phase.instruction);
  setText("phase-position", strings.position.replace("%(n)s", state.phase.position).replace("%(total)s", state.phase.count));
  show("phase-locked", state.phase.locked);
}

// Fill %(name)s placeholders of a translated string.
export function fmt(text, params = {}) {
  return text.replace(/%\((\w+)\)s/g, (_, key) => String(params[key] ?? ""));
}

// Mounts the part of a page that belongs to the current phase kind. `kinds` maps a phase kind
// to a factory (container, socket) -> {update(state, me), leave()}; leave() runs before the
// phase changes, so a view can send or keep a draft instead of dropping it.
export function activityHost(container, kinds, socket) {
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

// Horizontal bars with the number written out: readable without colour and by screen readers.
export function bars(items) {
  return el(
    "ul",
    { cls: "bars" },
    items.map((item) =>
      el("li", { cls: `bar bar-${item.key}` }, [
        el("span", { cls: "bar-label", text: item.label }),
        el("span", { cls: "bar-track", attrs: { "aria-hidden": "true" } }, [
          el("span", { cls: "bar-fill", attrs: { style: `width:${Math.max(0, Math.min(100, item.percent))}%` } }),
        ]),
        el("span", { cls: "bar-value", text: item.value }),
      ]),
    ),
  );
}

// Re-render a list while keeping keyboard focus on the element with the same data-focus key.
export function keepFocus(container, render) {
  const active = document.activeElement;
  const key = active && container.contains(active) ? active.dataset.focus : null;
  render();
  if (key) {
    const again = container.querySelector(`[data-focus="${CSS.escape(key)}"]`);
    if (again) again.focus();
  }
}

// What someone is typing in a list that re-renders with every snapshot: kept per field (by its
// data-focus key) until it is sent.
export function fieldDrafts(root) {
  const drafts = new Map();
  root.addEventListener("input", (event) => {
    const key = event.target.dataset && event.target.dataset.focus;
    if (key && (event.target.tagName === "TEXTAREA" || event.target.type === "text")) drafts.set(key, event.target.value);
  });
  return {
    value: (key, fallback) => (drafts.has(key) ? drafts.get(key) : fallback),
    has: (key) => drafts.has(key),
    clear: (...keys) => keys.forEach((key) => drafts.delete(key)),
  };
}

// Open or close the edit form of one row (`editing` holds the open row ids) in a list drawn by
// draw(force), then put focus on the field `selector` finds in `root` if the form is open.
export function toggleEditing(editing, id, draw, root, selector) {
  if (editing.has(id)) editing.delete(id);
  else editing.add(id);
  draw(true);
  const field = root.querySelector(selector);
  if (field) field.focus();
}

// After a row's edit is saved: forget what was typed in its fields, close its form and redraw.
export function closeEditing(editing, id, draw, drafts, keys) {
  drafts.clear(...keys);
  editing.delete(id);
  draw(true);
}

// The rephrase forms (a text and a reason field) of the rows in `root`: send(id, text, reason)
// goes to the server, and once it is accepted the row's form closes (see closeEditing).
export function onRephrase(root, editing, draw, drafts, send) {
  root.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = Number(event.target.dataset.id);
    const text = root.querySelector(`#f-text-${id}`).value;
    const reason = root.querySelector(`#f-reason-${id}`).value;
    send(id, text, reason)
      .then(() => closeEditing(editing, id, draw, drafts, [`text-${id}`, `reason-${id}`]))
      .catch(() => {});
  });
}
