// Widgets the concepts' views (views/*.js) share: one copy of each. Formatting, re-rendering
// that keeps focus, drafts, form fields and edit forms, dot steppers, bars, tables. Texts come
// from the page's string table (ui.js), never from this file.
import { plural as pluralOf } from "./text.js";
import { el, fmt, limits, redraw, showError, strings } from "./ui.js";

// The page's language as a locale: British English (day before month), the Dutch of the
// Netherlands; times as the room's clock shows them, wherever the device thinks it is.
const LOCALES = { nl: "nl-NL", en: "en-GB" };
export const locale = LOCALES[document.documentElement.lang] || "nl-NL";
const ZONE = "Europe/Amsterdam";

// --- formatting ---------------------------------------------------------------------------

// A count in words: `forms` is a {one, other} pair from the string table.
const pluralRules = new Intl.PluralRules(locale);
export const plural = (forms, n) => pluralOf(forms, n, pluralRules);
export const dotsText = (n) => plural(strings.dots, n);

const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: ZONE });
const clock = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: ZONE });
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : "");
export const timeOf = (iso) => (iso ? clock.format(new Date(iso)) : "");

// A long text cut short for an accessible label.
export const shortName = (text) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

export const disabledIf = (condition) => (condition ? { disabled: "" } : {});

// A decision rule's parts, in the order a rule reads (the server's limits carry them).
export const RULE_FIELDS = Object.keys(limits.rule);

// --- re-rendering -------------------------------------------------------------------------

// Re-render `node` only when `data` changed, keeping focus, caret and open folds (ui.redraw).
const shown = new WeakMap();
export function renderOnce(node, data, build) {
  const key = JSON.stringify(data);
  if (shown.get(node) === key) return false;
  shown.set(node, key);
  redraw(node, build());
  return true;
}

// Make the next renderOnce of `node` draw again: after a local change the snapshot does not
// carry (a form opened or closed, a refusal shown in a row).
export function forget(node) {
  shown.delete(node);
}

// A view that renders one part of the snapshot into its own box, only when that part changed:
// pick(state, me) is the part, build(state, me) the box's children.
export const snapshotView = (pick, build, cls = "") => (container) => {
  const box = el("div", { cls });
  container.append(box);
  return { update: (state, me) => renderOnce(box, pick(state, me), () => build(state, me)) };
};

// --- drafts -------------------------------------------------------------------------------

// A draft that survives a reload and a phase change: localStorage until the server has it.
export function storedDraft(name) {
  const key = `verticaal-${name}-draft-${location.pathname}`;
  return {
    get: () => {
      try {
        return JSON.parse(localStorage.getItem(key) || "null");
      } catch {
        return null;
      }
    },
    set: (value) => localStorage.setItem(key, JSON.stringify(value)),
    clear: () => localStorage.removeItem(key),
  };
}

// Texts typed next to things that re-render with every snapshot: kept per key until the
// server has them (settle) or they are dropped (clear).
export function draftTexts() {
  const typed = new Map();
  return {
    get: (key, saved) => (typed.has(key) ? typed.get(key) : saved),
    set: (key, value) => typed.set(key, value),
    has: (key) => typed.has(key),
    clear: (...keys) => keys.forEach((key) => typed.delete(key)),
    settle(key, sent) {
      if (typed.get(key) === sent) typed.delete(key);
    },
    entries: () => [...typed.entries()],
  };
}

// draftTexts of the text fields in `root`, kept by each field's data-focus key as it is typed.
export function fieldDrafts(root) {
  const drafts = draftTexts();
  root.addEventListener("input", (event) => {
    const key = event.target.dataset && event.target.dataset.focus;
    if (key && (event.target.tagName === "TEXTAREA" || event.target.type === "text")) drafts.set(key, event.target.value);
  });
  return drafts;
}

// A phone's one text of its own (a reaction, a check-in answer): a labelled textarea with its
// counter, save status and save button, ids <id>-text, <id>-counter and <id>-status. What is
// typed is kept in localStorage (storedDraft(id)) until the server has it; send(text) is a
// promise. update({label, saved, limit, locked}) follows the snapshot; leave() sends an unsent
// text when the facilitator moves on (accepted until its phase is locked); if that fails the
// draft stays in localStorage. save(text) sends now (default: what is typed).
export function ownText(id, { submitText, savedText, send, rows = 7 }) {
  const store = storedDraft(id);
  let draft = store.get(); // text typed but not yet acknowledged, or null
  let saved = "";
  const label = el("label", { attrs: { for: `${id}-text` } });
  const textarea = el("textarea", { attrs: { id: `${id}-text`, rows: String(rows), "aria-describedby": `${id}-counter ${id}-status` } });
  let limit = 0; // the server's length limit, from the snapshot
  const counter = el("p", { cls: "counter", attrs: { id: `${id}-counter` } });
  const status = el("p", { cls: "meta save-status", attrs: { id: `${id}-status`, "aria-live": "polite" } });
  const submit = el("button", { cls: "button primary wide", text: submitText, attrs: { type: "submit" } });
  const form = el("form", { cls: `${id}-form`, attrs: { novalidate: "" } }, [el("div", { cls: "field" }, [label, textarea, counter]), status, submit]);
  if (draft !== null) textarea.value = draft;

  function refresh() {
    showCount(counter, textarea.value.length, limit);
    const changed = textarea.value.trim() !== saved.trim();
    status.textContent = changed && textarea.value.trim() ? strings.not_saved : saved ? savedText : "";
  }
  function save(text = textarea.value) {
    return send(text).then(() => {
      saved = text.trim();
      if (textarea.value === text) {
        draft = null;
        store.clear();
      }
      refresh();
    });
  }
  textarea.addEventListener("input", () => {
    draft = textarea.value;
    if (draft.trim() && draft.trim() !== saved.trim()) store.set(draft);
    else store.clear();
    refresh();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save().catch(() => textarea.focus());
  });
  return {
    form,
    textarea,
    save,
    update(next) {
      label.textContent = next.label;
      limit = next.limit;
      textarea.maxLength = limit;
      saved = next.saved || "";
      if (draft === null && document.activeElement !== textarea) textarea.value = saved;
      textarea.disabled = submit.disabled = next.locked;
      refresh();
    },
    leave() {
      if (draft !== null && textarea.value.trim() && textarea.value.trim() !== saved.trim()) save().catch((error) => showError(error));
    },
  };
}

// --- fields and forms ---------------------------------------------------------------------

// A text field with its value set as a property: participant text never becomes markup, and
// the value is there before keyboard focus and the caret are put back after a re-render.
export function field(tag, attrs, value = "") {
  const node = el(tag, { attrs });
  node.value = value;
  return node;
}

// A labelled text field (id f-<key>, data-focus <key>), optionally with a hint under the label.
export function textField(key, label, value, { multiline = false, maxlength, rows = 3, hint = "" } = {}) {
  const id = `f-${key}`;
  const attrs = { id, maxlength: String(maxlength), "data-focus": key };
  if (hint) attrs["aria-describedby"] = `${id}-hint`;
  const input = multiline ? field("textarea", { ...attrs, rows: String(rows) }, value) : field("input", { ...attrs, type: "text" }, value);
  return el("div", { cls: "field" }, [el("label", { text: label, attrs: { for: id } }), hint ? el("p", { cls: "hint", text: hint, attrs: { id: `${id}-hint` } }) : "", input]);
}

// "n / max characters" under a text field, marked when over the limit.
export function showCount(counter, length, max) {
  counter.textContent = fmt(strings.counter, { n: length, max });
  counter.classList.toggle("over", length > max);
}

// A one-line form that adds something: send(value) goes to the server and the field empties
// once it is accepted.
export function addForm(id, label, maxlength, send) {
  const input = el("input", { attrs: { id, type: "text", maxlength: String(maxlength) } });
  const form = el("form", { cls: "inline-form" }, [
    el("label", { text: label, attrs: { for: id } }),
    input,
    el("button", { cls: "button", text: strings.add, attrs: { type: "submit" } }),
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(input.value)
      .then(() => (input.value = ""))
      .catch(() => input.focus());
  });
  return form;
}

export function toggle(label, pressed, attrs = {}) {
  return el("button", { cls: "button toggle", text: label, attrs: { type: "button", "aria-pressed": String(Boolean(pressed)), ...attrs } });
}

// Clicks on the buttons[data-action] in `root`: handlers[action](id, button), id from data-id.
export function onAction(root, handlers) {
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button && !button.disabled && handlers[button.dataset.action]) handlers[button.dataset.action](Number(button.dataset.id), button);
  });
}

// Edit and delete (or withdraw) buttons for one of the participant's own items, for onAction:
// data-action "edit" and `removeAction`. `name` goes into the buttons' accessible labels.
export function ownItemActions(id, { cls = "row-actions", name = "", removeText = strings.delete, removeAction = "delete" } = {}) {
  const button = (text, action, danger) =>
    el("button", {
      cls: danger ? "button small danger" : "button small",
      text,
      attrs: { type: "button", "data-action": action, "data-id": id, "data-focus": `${action}-${id}`, ...(name ? { "aria-label": `${text}: ${name}` } : {}) },
    });
  return el("div", { cls }, [button(strings.edit, "edit", false), button(removeText, removeAction, true)]);
}

// The ownItemActions buttons in `list`: edit(item) loads one of own() into the form; remove(id)
// is sent once the participant confirms confirmText(item).
export function onOwnItems(list, own, { edit, remove, confirmText, removeAction = "delete" }) {
  const find = (id) => own().find((item) => item.id === id);
  onAction(list, {
    [removeAction](id) {
      const item = find(id);
      if (item && confirm(confirmText(item))) remove(id).catch(() => {});
    },
    edit(id) {
      const item = find(id);
      if (item) edit(item);
    },
  });
}

// A list of items that each take a choice (a verdict, a stance) with a comment beside it (see
// commentField). `attr` names the item on its buttons and field (data-<attr>), `choiceAttr`
// the choice on its buttons; current(id) is the saved {choice, comment} or null, and
// send(id, choice, comment) a promise; keyOf(id) keys what is typed (default: the id).
// Pressing the pressed choice takes it back; the words typed stay until the server has them.
// `actions` handles other buttons by their data-action.
export function choiceComments(list, { attr, choiceAttr, current, send, keyOf = (id) => id, actions = {} }) {
  const typed = draftTexts();
  const submit = (id, choice, comment) => {
    const key = keyOf(id);
    return send(id, choice, comment).then(() => typed.settle(key, comment));
  };
  list.addEventListener("input", (event) => {
    const area = event.target.closest(`textarea[data-${attr}]`);
    if (!area) return;
    const id = area.dataset[attr];
    typed.set(keyOf(id), area.value);
    const saved = (current(id) || {}).comment || "";
    area.closest("li").querySelector(".save-status").textContent = area.value.trim() !== saved ? strings.not_saved : "";
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest(`button[data-${attr}]`);
    if (!button || button.disabled) return;
    const id = button.dataset[attr];
    if (actions[button.dataset.action]) return actions[button.dataset.action](id);
    const saved = current(id);
    const comment = typed.get(keyOf(id), saved ? saved.comment : "");
    const choice = button.dataset[choiceAttr];
    if (choice) {
      const next = button.getAttribute("aria-pressed") === "true" ? "" : choice;
      // Taking a choice back deletes its comment on the server; keep the words here.
      if (!next && comment) typed.set(keyOf(id), comment);
      submit(id, next, next ? comment : "").catch(() => {});
    } else if (saved) submit(id, saved.choice, comment).catch(() => {});
  });
  return {
    // What is typed for `id`, or the saved comment.
    comment: (id, saved) => typed.get(keyOf(id), saved),
    // The facilitator moved on: comments typed but not saved go with their choice.
    leave(ids) {
      for (const id of ids) {
        const saved = current(id);
        const comment = typed.get(keyOf(id), null);
        if (saved && comment !== null && comment.trim() !== (saved.comment || "")) submit(id, saved.choice, comment).catch((error) => showError(error));
      }
    },
  };
}

// --- editing rows of a list (the console) -------------------------------------------------

// Open or close the edit form of one row (`editing` holds the open row ids) in a list drawn by
// draw(force), then put focus on the field `selector` finds in `root` if the form is open.
export function toggleEditing(editing, id, draw, root, selector) {
  if (editing.has(id)) editing.delete(id);
  else editing.add(id);
  draw(true);
  const input = root.querySelector(selector);
  if (input) input.focus();
}

// After a row's edit is saved: forget what was typed in its fields, close its form and redraw.
export function closeEditing(editing, id, draw, drafts, keys) {
  drafts.clear(...keys);
  editing.delete(id);
  draw(true);
}

// A row's rephrase form: the new wording and the reason (see onRephrase).
export function rephraseForm(id, text, drafts, { reasonLabel, rows = 3 }) {
  return el("form", { cls: "rephrase-form", attrs: { "data-id": id } }, [
    textField(`text-${id}`, strings.new_text, drafts.get(`text-${id}`, text), { multiline: true, rows, maxlength: limits.requirement }),
    textField(`reason-${id}`, reasonLabel, drafts.get(`reason-${id}`, ""), { maxlength: limits.reason }),
    el("button", { cls: "button primary small", text: strings.save, attrs: { type: "submit" } }),
  ]);
}

// The rephrase forms of the rows in `root`: send(id, text, reason) goes to the server, and once
// it is accepted the row's form closes (see closeEditing).
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

// A comment next to a choice (a verdict, a stance): the field, its save button and whether it
// is saved. `data` names the item for the list's handlers (e.g. {"data-rule": 3}).
export function commentField({ id, key, label, value, saved, maxlength, locked, data }) {
  return el("div", { cls: "field comment-field" }, [
    el("label", { text: label, attrs: { for: id } }),
    field("textarea", { id, rows: "2", maxlength: String(maxlength), ...data, "data-focus": `comment-${key}`, ...disabledIf(locked) }, value),
    el("div", { cls: "comment-actions" }, [
      el("button", { cls: "button small", text: strings.save_comment, attrs: { type: "button", ...data, "data-action": "comment", "data-focus": `save-${key}`, ...disabledIf(locked) } }),
      el("span", { cls: "meta save-status", text: value.trim() !== saved ? strings.not_saved : saved ? strings.saved : "", attrs: { "aria-live": "polite" } }),
    ]),
  ]);
}

// --- dots ---------------------------------------------------------------------------------

export const spentDots = (dots) => Object.values(dots).reduce((sum, n) => sum + Number(n || 0), 0);
export const dotsLeft = (spent, total) => fmt(strings.dots_left, { n: total - spent, total });

// − count + for one's dots on one item; `group` labels the group (aria-label or
// aria-labelledby), `name` the buttons. Clicks go through onDots.
export function dotStepper(id, { name, count, full, locked, group }) {
  const button = (text, label, dots, focus, off) =>
    el("button", {
      cls: "button round",
      text,
      attrs: { type: "button", "aria-label": fmt(label, { name }), "data-dot-item": id, "data-dots": dots, "data-focus": `${focus}-${id}`, ...disabledIf(off) },
    });
  return el("div", { cls: "stepper", attrs: { role: "group", ...group } }, [
    button("−", strings.dot_remove, count - 1, "minus", count === 0 || locked),
    el("span", { cls: "dot-count" }, [
      el("span", { text: String(count), attrs: { "aria-hidden": "true" } }),
      el("span", { cls: "visually-hidden", text: fmt(strings.dots_mine, { n: count }) }),
    ]),
    button("+", strings.dot_add, count + 1, "plus", full || locked),
  ]);
}

// The dot steppers in `root`: send(item id, dots) goes to the server.
export function onDots(root, send) {
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-dot-item]");
    if (button && !button.disabled) send(Number(button.dataset.dotItem), Number(button.dataset.dots)).catch(() => {});
  });
}

// --- one at a time ------------------------------------------------------------------------

// A phone's long list (requirements to vote on or to judge) as cards, one at a time: "3 van 11"
// with Vorige / Volgende, and "Alles tonen" for the whole list as a summary. Put the returned
// nav before the list; call show() after every redraw of the list. Where the person is (and
// whether they chose to see all) survives redraws; moving on puts focus on the new card.
export function oneAtATime(list) {
  const S = strings.cards;
  const prev = el("button", { cls: "button", text: S.prev, attrs: { type: "button", "data-focus": "card-prev" } });
  const next = el("button", { cls: "button primary", text: S.next, attrs: { type: "button", "data-focus": "card-next" } });
  const where = el("p", { cls: "card-position", attrs: { "aria-live": "polite" } });
  const all = el("button", { cls: "button", attrs: { type: "button", "aria-pressed": "false", "data-focus": "card-all" } });
  const nav = el("div", { cls: "card-nav", attrs: { role: "group", "aria-label": S.label } }, [prev, where, next, all]);
  let index = 0;
  let whole = false;
  const show = () => {
    const cards = [...list.children];
    index = Math.min(index, Math.max(0, cards.length - 1));
    cards.forEach((card, n) => (card.hidden = !whole && n !== index));
    nav.hidden = cards.length < 2;
    prev.hidden = next.hidden = whole;
    prev.disabled = index === 0;
    next.disabled = index >= cards.length - 1;
    where.textContent = whole ? "" : fmt(S.position, { n: index + 1, total: cards.length });
    all.textContent = whole ? S.one : S.all;
    all.setAttribute("aria-pressed", String(whole));
  };
  const go = (step) => {
    index += step;
    show();
    const card = list.children[index];
    const target = card && card.querySelector("p, h2, h3");
    if (target) {
      target.tabIndex = -1;
      target.focus();
    }
  };
  prev.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));
  all.addEventListener("click", () => {
    whole = !whole;
    show();
  });
  return { nav, show };
}

// --- figures ------------------------------------------------------------------------------

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

// A table with a row per item and a column per layer. rows: [{label, cells: {layerKey: text}}].
export function layerTable(caption, layers, rows) {
  const table = el("table", { cls: "table grid-table" }, [
    el("caption", { text: caption }),
    el("thead", {}, [el("tr", {}, [el("th", { text: "", attrs: { scope: "col" } }), ...layers.map((l) => el("th", { text: l.label, attrs: { scope: "col" } }))])]),
    el("tbody", {}, rows.map((row) => el("tr", {}, [el("th", { text: row.label, attrs: { scope: "row" } }), ...layers.map((l) => el("td", { text: row.cells[l.key] ?? "–" }))]))),
  ]);
  return el("div", { cls: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": caption } }, [table]);
}

// "⚠ <text>": something the facilitator should read first. Text and symbol, not colour.
export function flagLine(text) {
  return el("p", { cls: "flag" }, [el("span", { cls: "flag-icon", text: "⚠", attrs: { "aria-hidden": "true" } }), el("span", { text })]);
}

// A beslisregel's parts as a definition list (only the parts that are filled in).
export function ruleFields(rule) {
  return el(
    "dl",
    { cls: "rule-fields" },
    RULE_FIELDS.filter((name) => rule[name]).flatMap((name) => [el("dt", { text: strings.framework.rule_field[name] }), el("dd", { text: rule[name] })]),
  );
}

// --- the personal-data gate (game/practice/gate.py) -----------------------------------------

// Wraps send(...args, privacyReason) for a short text (a comment, a check-in, a review): when
// the server refuses it for personal data, a dialog names what was found. Its first button,
// "Change the text", closes it and goes back to the field being typed in, with the finding
// selected; sending anyway is the second choice and asks what the finding is, then sends again
// with that reason (the text then waits in quarantine for the facilitator). Own cases have
// their own form for this (views/practice.js).
export function gated(send) {
  return (...args) =>
    send(...args, "").catch((error) => {
      if (error.code !== "personal_data" || !error.details || !error.details.findings) throw error;
      const field = document.activeElement;
      return askAboutFindings(error.details.findings, field).then((reason) => send(...args, reason));
    });
}

function askAboutFindings(findings, field) {
  const P = strings.practice;
  return new Promise((resolve, reject) => {
    const dialog = el("dialog", { cls: "privacy-dialog", attrs: { "aria-labelledby": "privacy-dialog-title" } }, [
      el("h2", { text: P.warning_title, attrs: { id: "privacy-dialog-title" } }),
      el("p", { text: P.warning_text_short }),
      el("ul", { cls: "finding-summary" }, findings.map((finding) => el("li", { text: `“${finding.excerpt}” — ${P.finding_kinds[finding.kind] || finding.kind}` }))),
      el("button", { cls: "button primary wide", text: P.edit_text, attrs: { type: "button", "data-choice": "edit" } }),
      el("details", { cls: "send-anyway" }, [
        el("summary", { cls: "button wide", text: P.send_anyway }),
        el("fieldset", { cls: "send-anyway-reasons" }, [
          el("legend", { text: P.send_anyway_question }),
          ...Object.entries(P.privacy_reason).map(([reason, label]) => el("button", { cls: "button wide", text: label, attrs: { type: "button", "data-reason": reason } })),
          el("p", { cls: "hint", text: P.send_anyway_text_note }),
        ]),
      ]),
    ]);
    const close = () => {
      dialog.close();
      dialog.remove();
    };
    dialog.addEventListener("click", (event) => {
      const reason = event.target.closest("button[data-reason]");
      if (reason) {
        close();
        resolve(reason.dataset.reason);
      } else if (event.target.closest("button[data-choice='edit']")) dialog.close();
    });
    dialog.addEventListener("close", () => {
      if (!dialog.isConnected) return;
      dialog.remove();
      pointAtFinding(field, findings[0]);
      reject({ code: "personal_data", handled: true });
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

// Back in the field, with the first finding selected so it can be typed over.
function pointAtFinding(field, finding) {
  if (!field || typeof field.focus !== "function") return;
  field.focus();
  const at = finding && typeof field.value === "string" ? field.value.indexOf(finding.excerpt) : -1;
  if (at >= 0) field.setSelectionRange(at, at + finding.excerpt.length);
}
