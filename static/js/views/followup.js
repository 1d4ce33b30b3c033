// Day 2, the follow-up (sessions/concepts/followup.py): a check-in question that opens the day,
// every item of the kader reviewed, and the kader revised into its next version. The phone
// answers the check-in (its draft kept in localStorage until the server has it), says per item
// whether it was applied and how it went, and reads what changed; the console follows the
// check-in and the review and writes the revision (kept in localStorage until the server has
// it); the projector shows the check-in answers as a wall (never names), the review summary
// live and what changed. Recognising returning devices is the console page's own panel
// (console.js).
import { el, fmt, limits, showError, strings } from "../ui.js";
import { RULE_FIELDS, bars, disabledIf, draftTexts, field, forget, gated, oneAtATime, ownText, plural, renderOnce, ruleFields, snapshotView, storedDraft } from "../widgets.js";

const S = strings.followup;
// keep, rephrase, drop: in the string table's order.
const ACTIONS = Object.keys(S.action);

// --- pieces -------------------------------------------------------------------------------

const kindBadge = (kind) => el("span", { cls: `badge kind-${kind}`, text: S.kind[kind] });
// An item of the kader with its kind; `id` lets the controls below refer to it.
const itemText = (item, id = "") => el("p", { cls: "review-item-text", attrs: id ? { id } : {} }, [kindBadge(item.kind), el("span", { text: item.text })]);

// Per item of the kader, how many applied it (as bars with the numbers written out, one per
// answer in the server's labels) and what was said — without names.
function reviewSummary(summary, labels, { maxTexts = 0 } = {}) {
  if (!summary || !summary.length) return [el("p", { cls: "meta", text: strings.none })];
  const texts = (title, list, cls) => {
    if (!list.length) return "";
    const shown = maxTexts ? list.slice(-maxTexts) : list;
    return el("section", { cls: `review-texts ${cls}` }, [
      el("h4", { text: `${title} (${list.length})` }),
      el("ul", {}, shown.map((text) => el("li", { text }))),
      shown.length < list.length ? el("p", { cls: "meta", text: fmt(S.more_texts, { n: list.length - shown.length }) }) : "",
    ]);
  };
  return [
    el(
      "ol",
      { cls: "review-summary" },
      summary.map((item) =>
        el("li", { cls: "review-card" }, [
          itemText(item),
          item.total
            ? bars(Object.keys(labels).map((answer) => ({ key: `applied-${answer}`, label: labels[answer], percent: (100 * item.counts[answer]) / item.total, value: String(item.counts[answer]) })))
            : el("p", { cls: "meta", text: S.no_reviews }),
          texts(S.how_it_went, item.how_it_went, "how"),
          texts(S.improve, item.improve, "improve"),
        ]),
      ),
    ),
  ];
}

// What changed from one version of the kader to the next, and why.
function diffView(revision) {
  const diff = revision.diff;
  const reason = (text) => (text ? el("p", { cls: "diff-reason" }, [el("strong", { text: `${S.why}: ` }), el("span", { text })]) : "");
  const group = (key, items, render) =>
    el("section", { cls: `diff-group diff-${key}`, attrs: { "aria-labelledby": `diff-${key}-heading` } }, [
      el("h3", { attrs: { id: `diff-${key}-heading` } }, [el("span", { cls: "diff-mark", text: S.diff_mark[key], attrs: { "aria-hidden": "true" } }), el("span", { text: `${S.diff[key]} (${items.length})` })]),
      el("ul", { cls: "diff-list" }, items.map((item) => el("li", { cls: "diff-item" }, [kindBadge(item.kind), ...render(item)]))),
    ]);
  const changed = (item) => [
    el("div", { cls: "before-after" }, [
      el("p", { cls: "diff-before" }, [el("span", { cls: "diff-label", text: `${S.before}: ` }), el("del", { text: item.before })]),
      el("p", { cls: "diff-arrow", text: "↓", attrs: { "aria-hidden": "true" } }),
      el("p", { cls: "diff-after" }, [el("span", { cls: "diff-label", text: `${S.after}: ` }), el("ins", { text: item.after })]),
    ]),
    reason(item.reason),
  ];
  const added = (item) => [el("p", { cls: "diff-text", text: item.after }), reason(item.reason)];
  const removed = (item) => [el("p", { cls: "diff-text" }, [el("del", { text: item.before })]), reason(item.reason)];
  const groups = [
    ["changed", diff.changed, changed],
    ["added", diff.added, added],
    ["removed", diff.removed, removed],
  ].filter(([, items]) => items.length);
  return [
    el("h2", { cls: "framework-title", text: fmt(S.diff_title, { from: revision.based_on, to: revision.version }) }),
    ...(groups.length ? groups.map(([key, items, render]) => group(key, items, render)) : [el("p", { cls: "meta", text: S.no_differences })]),
    diff.unchanged.length ? el("p", { cls: "meta diff-unchanged", text: plural(S.unchanged_count, diff.unchanged.length) }) : "",
  ];
}

// The revision once written, or what the room waits for.
const revisionView = (cls, waitCls) =>
  snapshotView(
    (state) => state.revision,
    ({ revision }) => (revision && revision.diff ? diffView(revision) : [el("p", { cls: waitCls, text: revision ? S.revise_pending : S.no_framework })]),
    cls,
  );

// --- check-in -----------------------------------------------------------------------------

// The answers as a wall of notes, newest first, without names.
const checkinWall = (answers) =>
  answers.length ? [el("ul", { cls: "notes note-wall checkin-wall" }, answers.map((text) => el("li", { cls: "note checkin-answer", text })))] : [el("p", { cls: "meta", text: S.no_checkins })];

// One answer of one's own: written, changed, or withdrawn (an empty answer withdraws it too).
function checkIn(container, socket) {
  const answer = ownText("checkin", { submitText: S.checkin_save, savedText: S.checkin_saved, rows: 4, send: gated((text, privacy_reason) => socket.send("checkin.write", { text, privacy_reason })) });
  const withdraw = el("button", { cls: "button small danger", text: S.checkin_withdraw, attrs: { type: "button", id: "checkin-withdraw" } });
  const count = el("p", { cls: "meta checkin-count", attrs: { "aria-live": "polite" } });
  container.append(answer.form, el("div", { cls: "row-actions" }, [withdraw]), count);
  withdraw.addEventListener("click", () => {
    if (!confirm(S.confirm_checkin_withdraw)) return;
    // Empty the field first, so no draft of the withdrawn answer is left to send on leaving.
    const typed = answer.textarea.value;
    const retype = (text) => {
      answer.textarea.value = text;
      answer.textarea.dispatchEvent(new Event("input"));
    };
    retype("");
    answer.save("").catch(() => {
      retype(typed);
      answer.textarea.focus();
    });
  });
  return {
    update(state, me) {
      const c = state.checkin;
      const saved = (me && me.checkin) || "";
      const locked = state.phase.locked;
      answer.update({ label: S.checkin_label, saved, limit: c.text_max, locked });
      withdraw.hidden = !saved;
      withdraw.disabled = locked;
      count.textContent = plural(S.checkin_count, c.count);
    },
    // The facilitator moved on: an unsent answer is sent now (see ownText).
    leave: answer.leave,
  };
}

function followCheckIn(container) {
  const progress = el("p", { cls: "vote-progress", attrs: { "aria-live": "polite" } });
  const wall = el("div");
  container.append(progress, wall);
  return {
    update(state) {
      const c = state.checkin;
      progress.textContent = fmt(S.checkin_progress, { n: c.answered, total: state.participant_count });
      renderOnce(wall, c.answers, () => checkinWall(c.answers));
    },
  };
}

const projectCheckIn = snapshotView(
  (state) => state.checkin,
  ({ checkin }) => [el("p", { cls: "meta checkin-count", text: plural(S.checkin_count, checkin.count) }), ...checkinWall(checkin.answers)],
  "s2-wide",
);

// --- review -------------------------------------------------------------------------------

function review(container, socket) {
  const progress = el("p", { cls: "vote-progress", attrs: { "aria-live": "polite" } });
  // One part of the kader at a time (requirements first, then rules; each says which it is).
  const list = el("ol", { cls: "review-items" });
  const cards = oneAtATime(list);
  container.append(progress, cards.nav, list);
  const typed = draftTexts();
  let mine = {};
  const keyOf = (item, part) => `${item}|${part}`;
  const sendReview = gated((item, applied, how, improve, privacy_reason) => socket.send("review.write", { item, applied, how_it_went: how, improve, privacy_reason }));
  function send(item, applied) {
    const current = mine[item] || {};
    const how = typed.get(keyOf(item, "how_it_went"), current.how_it_went || "");
    const improve = typed.get(keyOf(item, "improve"), current.improve || "");
    return sendReview(item, applied, how, improve).then(() => {
      typed.settle(keyOf(item, "how_it_went"), how);
      typed.settle(keyOf(item, "improve"), improve);
    });
  }
  list.addEventListener("input", (event) => {
    const area = event.target.closest("textarea[data-item]");
    if (!area) return;
    typed.set(keyOf(area.dataset.item, area.dataset.field), area.value);
    area.closest(".review-item").querySelector(".save-status").textContent = strings.not_saved;
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-item]");
    if (!button || button.disabled) return;
    const item = button.dataset.item;
    if (button.dataset.applied) send(item, button.dataset.applied).catch(() => {});
    else if (mine[item]) send(item, mine[item].applied).catch(() => {});
  });
  return {
    update(state, me) {
      const r = state.review;
      if (!r) {
        progress.textContent = "";
        renderOnce(list, null, () => [el("li", { cls: "waiting", text: S.no_framework })]);
        cards.show();
        return;
      }
      mine = (me && me.reviews) || {};
      const locked = state.phase.locked;
      const done = r.items.filter((item) => mine[item.key]).length;
      progress.textContent = fmt(S.reviewed_progress, { n: done, total: r.items.length });
      const cardOf = (item) => {
        const current = mine[item.key];
        const textId = `review-${item.key}`;
        const area = (name, label) =>
          el("div", { cls: "field" }, [
            el("label", { text: label, attrs: { for: `${textId}-${name}` } }),
            field(
              "textarea",
              { id: `${textId}-${name}`, rows: "2", maxlength: String(r.text_max), "data-item": item.key, "data-field": name, "data-focus": `${item.key}-${name}`, ...disabledIf(locked) },
              typed.get(keyOf(item.key, name), (current && current[name]) || ""),
            ),
          ]);
        return el("li", { cls: `review-item${current ? " reviewed" : ""}` }, [
          itemText(item, textId),
          el("p", { cls: "group-label", text: S.applied_question, attrs: { id: `${textId}-applied` } }),
          el(
            "div",
            { cls: "applied-buttons", attrs: { role: "group", "aria-labelledby": `${textId}-applied ${textId}` } },
            Object.keys(r.labels).map((answer) =>
              el("button", {
                cls: `button applied applied-${answer}`,
                text: r.labels[answer],
                attrs: { type: "button", "aria-pressed": String(Boolean(current && current.applied === answer)), "data-item": item.key, "data-applied": answer, "data-focus": `${item.key}-${answer}`, ...disabledIf(locked) },
              }),
            ),
          ),
          current
            ? el("div", { cls: "review-texts-form" }, [
                area("how_it_went", S.how_it_went),
                area("improve", S.improve),
                el("div", { cls: "comment-actions" }, [
                  el("button", { cls: "button small", text: S.save_answers, attrs: { type: "button", "data-item": item.key, "data-action": "save", "data-focus": `${item.key}-save`, ...disabledIf(locked) } }),
                  el("span", { cls: "meta save-status", text: current.how_it_went || current.improve ? strings.saved : "", attrs: { "aria-live": "polite" } }),
                ]),
              ])
            : el("p", { cls: "hint", text: S.applied_first }),
        ]);
      };
      const ordered = [...r.items.filter((i) => i.kind === "requirement"), ...r.items.filter((i) => i.kind === "rule")];
      renderOnce(list, [r, mine, locked], () => ordered.map(cardOf));
      cards.show();
    },
    leave() {
      const items = new Set(typed.entries().map(([key]) => key.split("|")[0]));
      for (const item of items) if (mine[item]) send(item, mine[item].applied).catch((error) => showError(error));
    },
  };
}

function followReview(container) {
  const count = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const box = el("div");
  container.append(count, box);
  return {
    update(state) {
      const r = state.review;
      count.textContent = r ? fmt(S.review_count, { n: r.summary.reduce((n, item) => n + item.total, 0), people: state.participant_count }) : "";
      renderOnce(box, r, () => (r ? [el("h2", { text: fmt(S.review_title, { n: r.version }) }), ...reviewSummary(r.summary, r.labels)] : [el("p", { cls: "waiting", text: S.no_framework })]));
    },
  };
}

const projectReview = snapshotView(
  (state) => state.review,
  (state) => (state.review ? reviewSummary(state.review.summary, state.review.labels, { maxTexts: 2 }) : [el("p", { cls: "waiting big", text: S.no_framework })]),
  "s2-wide s3",
);

// --- the revision -------------------------------------------------------------------------

function revise(container, socket) {
  const store = storedDraft("revision");
  const box = el("div", { cls: "revise-board" });
  const adds = el("div", { cls: "revise-adds" });
  const bar = el("div", { cls: "controls revise-controls" });
  const freeze = el("button", { cls: "button primary", attrs: { type: "button", id: "revise-framework" } });
  const pending = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  bar.append(freeze, pending);
  const result = el("div", { cls: "revision" });
  container.append(result, box, adds, bar);
  // The facilitator's decisions so far, kept in localStorage until the next version is written:
  // {items: {key: {action, text, fields, reason}}, added: [{kind, text, fields, reason}]}.
  let plan = { items: {}, added: [], ...(store.get() || {}) };
  let state = null;
  const errors = new Map(); // item key (or "add-N") -> message

  const keep = () => store.set(plan);
  const decided = (item) => plan.items[item.key] || { action: "" };
  // Which changes need a reason is the server's rule (revision.reviewed.reason_required).
  const needsReason = (action) => Boolean(state.revision.reviewed.reason_required[action]);
  const reasonLabel = (action) => (needsReason(action) ? strings.reason_required : strings.reason_optional);
  const emptyRule = () => Object.fromEntries(RULE_FIELDS.map((name) => [name, ""]));

  box.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-item]");
    if (!button) return;
    const key = button.dataset.item;
    const item = state.revision.reviewed.summary.find((i) => i.key === key);
    const action = button.dataset.choice;
    const current = decided(item);
    if (current.action === action) delete plan.items[key];
    else {
      // A rule's rephrase starts from its parts as the server has them.
      const parts = state.revision.reviewed.rule_fields[key];
      plan.items[key] = { action, reason: current.reason || "", text: current.text ?? item.text, fields: current.fields || { ...emptyRule(), ...parts } };
    }
    errors.delete(key);
    keep();
    draw(true);
    const next = box.querySelector(`[data-focus="${CSS.escape(`${action}-${key}`)}"]`);
    if (next) next.focus();
  });
  box.addEventListener("input", (event) => {
    const input = event.target;
    const key = input.dataset.item;
    if (!key || !plan.items[key]) return;
    if (input.dataset.part === "reason") plan.items[key].reason = input.value;
    else if (input.dataset.part === "text") plan.items[key].text = input.value;
    else plan.items[key].fields[input.dataset.part] = input.value;
    keep();
    refresh();
  });
  adds.addEventListener("submit", (event) => {
    event.preventDefault();
    const form = event.target;
    const kind = form.dataset.kind;
    const value = (name) => form.querySelector(`[name="${name}"]`).value;
    const entry = { kind, reason: value("reason") };
    if (kind === "requirement") entry.text = value("text");
    else entry.fields = Object.fromEntries(RULE_FIELDS.map((name) => [name, value(name)]));
    plan.added.push(entry);
    keep();
    form.reset();
    drawAdds(true);
  });
  adds.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-remove]");
    if (!button) return;
    plan.added.splice(Number(button.dataset.remove), 1);
    keep();
    drawAdds(true);
  });
  freeze.addEventListener("click", () => {
    const changes = buildChanges();
    if (!changes) return;
    if (!confirm(fmt(S.confirm_revise, { n: state.revision.version + 1, changes: changes.length }))) return;
    socket
      .send("framework.revise", { changes })
      .then(() => {
        plan = { items: {}, added: [] };
        store.clear();
      })
      .catch(() => {});
  });

  // The list the service wants, or null (with the missing reasons marked) when one is missing.
  function buildChanges() {
    errors.clear();
    const changes = [];
    for (const item of state.revision.reviewed.summary) {
      const d = plan.items[item.key];
      if (!d) continue;
      if (needsReason(d.action) && !d.reason.trim()) errors.set(item.key, S.reason_needed);
      if (d.action === "keep" && !d.reason.trim()) continue; // nothing to record
      const change = { kind: item.kind, item: item.key, action: d.action, reason: d.reason };
      if (d.action === "rephrase") {
        if (item.kind === "requirement") change.text = d.text;
        else change.fields = d.fields;
      }
      changes.push(change);
    }
    plan.added.forEach((entry, index) => {
      if (needsReason("add") && !entry.reason.trim()) errors.set(`add-${index}`, S.reason_needed);
      changes.push({ kind: entry.kind, action: "add", reason: entry.reason, ...(entry.kind === "requirement" ? { text: entry.text } : { fields: entry.fields }) });
    });
    if (errors.size) {
      draw(true);
      drawAdds(true);
      const first = container.querySelector("[aria-invalid=true]");
      if (first) first.focus();
      showError({ message: S.reason_needed_all });
      return null;
    }
    if (!changes.length) {
      showError({ message: S.no_changes });
      return null;
    }
    return changes;
  }

  function countChanges() {
    const items = Object.values(plan.items).filter((d) => d.action !== "keep" || d.reason.trim()).length;
    return items + plan.added.length;
  }
  function refresh() {
    const n = countChanges();
    freeze.textContent = fmt(S.revise_button, { n: state.revision.version + 1 });
    freeze.disabled = n === 0;
    pending.textContent = plural(S.changes_pending, n);
  }

  function itemEditor(item) {
    const d = decided(item);
    if (!d.action) return [];
    const error = errors.get(item.key);
    const reasonId = `rv-reason-${item.key}`;
    const reasonAttrs = { id: reasonId, type: "text", maxlength: String(limits.reason), "data-item": item.key, "data-part": "reason", "data-focus": `reason-${item.key}` };
    if (error) Object.assign(reasonAttrs, { "aria-invalid": "true", "aria-describedby": `${reasonId}-error` });
    const reason = el("div", { cls: "field" }, [
      el("label", { text: reasonLabel(d.action), attrs: { for: reasonId } }),
      field("input", reasonAttrs, d.reason || ""),
      error ? el("p", { cls: "error", text: error, attrs: { id: `${reasonId}-error` } }) : "",
    ]);
    if (d.action !== "rephrase") return [reason];
    if (item.kind === "requirement") {
      return [
        el("div", { cls: "field" }, [
          el("label", { text: strings.new_text, attrs: { for: `rv-text-${item.key}` } }),
          field("textarea", { id: `rv-text-${item.key}`, rows: "2", maxlength: String(limits.requirement), "data-item": item.key, "data-part": "text", "data-focus": `text-${item.key}` }, d.text),
        ]),
        reason,
      ];
    }
    return [
      ...RULE_FIELDS.map((name) =>
        el("div", { cls: "field" }, [
          el("label", { text: strings.framework.rule_field_label[name], attrs: { for: `rv-${name}-${item.key}` } }),
          field("input", { id: `rv-${name}-${item.key}`, type: "text", maxlength: String(limits.rule[name]), "data-item": item.key, "data-part": name, "data-focus": `${name}-${item.key}` }, d.fields[name] || ""),
        ]),
      ),
      reason,
    ];
  }

  function draw(force = false) {
    if (force) forget(box);
    const r = state.revision;
    const summary = r.reviewed.summary;
    renderOnce(box, [summary, Object.entries(plan.items).map(([k, d]) => [k, d.action]), [...errors]], () => [
      el("h2", { text: fmt(S.revise_title, { from: r.reviewed.version, to: r.version + 1 }) }),
      el("p", { cls: "hint", text: S.revise_help }),
      el(
        "ol",
        { cls: "revise-list" },
        summary.map((item) => {
          const d = decided(item);
          const headingId = `rv-${item.key}`;
          return el("li", { cls: `revise-item${d.action ? ` action-${d.action}` : ""}` }, [
            itemText(item, headingId),
            el("p", { cls: "meta", text: item.total ? fmt(S.applied_line, item.counts) : S.no_reviews }),
            item.improve.length ? el("details", { cls: "revise-improve" }, [el("summary", { text: `${S.improve} (${item.improve.length})` }), el("ul", {}, item.improve.map((text) => el("li", { text })))]) : "",
            el(
              "div",
              { cls: "row-actions", attrs: { role: "group", "aria-labelledby": headingId } },
              ACTIONS.map((action) =>
                el("button", {
                  cls: `button small toggle choice-${action}`,
                  text: S.action[action],
                  attrs: { type: "button", "aria-pressed": String(d.action === action), "data-item": item.key, "data-choice": action, "data-focus": `${action}-${item.key}` },
                }),
              ),
            ),
            ...itemEditor(item),
          ]);
        }),
      ),
    ]);
    refresh();
  }

  function drawAdds(force = false) {
    if (force) forget(adds);
    const reasonAttrs = { type: "text", name: "reason", maxlength: String(limits.reason), ...(needsReason("add") ? { required: "" } : {}) };
    renderOnce(adds, [plan.added, [...errors]], () => {
      const reqForm = el("form", { cls: "revise-add", attrs: { "data-kind": "requirement", "aria-labelledby": "rv-add-req" } }, [
        el("h3", { text: strings.add_requirement, attrs: { id: "rv-add-req" } }),
        el("div", { cls: "field" }, [el("label", { text: strings.requirement_text, attrs: { for: "rv-add-text" } }), field("textarea", { id: "rv-add-text", name: "text", rows: "2", maxlength: String(limits.requirement), required: "" })]),
        el("div", { cls: "field" }, [el("label", { text: reasonLabel("add"), attrs: { for: "rv-add-reason" } }), field("input", { id: "rv-add-reason", ...reasonAttrs })]),
        el("button", { cls: "button small", text: S.add_to_revision, attrs: { type: "submit" } }),
      ]);
      const ruleForm = el("form", { cls: "revise-add", attrs: { "data-kind": "rule", "aria-labelledby": "rv-add-rule" } }, [
        el("h3", { text: S.add_rule, attrs: { id: "rv-add-rule" } }),
        ...RULE_FIELDS.map((name) =>
          el("div", { cls: "field" }, [
            el("label", { text: strings.framework.rule_field_label[name], attrs: { for: `rv-add-${name}` } }),
            field("input", { id: `rv-add-${name}`, name, type: "text", maxlength: String(limits.rule[name]), ...(name === "who_decides" || name === "what" ? { required: "" } : {}) }),
          ]),
        ),
        el("div", { cls: "field" }, [el("label", { text: reasonLabel("add"), attrs: { for: "rv-add-rule-reason" } }), field("input", { id: "rv-add-rule-reason", ...reasonAttrs })]),
        el("button", { cls: "button small", text: S.add_to_revision, attrs: { type: "submit" } }),
      ]);
      return [
        plan.added.length
          ? el("section", { attrs: { "aria-labelledby": "rv-added" } }, [
              el("h3", { text: S.to_add, attrs: { id: "rv-added" } }),
              el(
                "ul",
                { cls: "revise-added" },
                plan.added.map((entry, index) => {
                  const rule = entry.kind === "rule";
                  const name = rule ? RULE_FIELDS.map((part) => entry.fields[part]).find(Boolean) || "" : entry.text;
                  const error = errors.get(`add-${index}`);
                  return el("li", {}, [
                    kindBadge(entry.kind),
                    rule ? ruleFields(entry.fields) : el("span", { text: entry.text }),
                    el("span", { cls: "meta", text: entry.reason ? ` — ${S.why}: ${entry.reason}` : "" }),
                    error ? el("p", { cls: "error", text: error }) : "",
                    el("button", { cls: "button small danger", text: S.remove, attrs: { type: "button", "data-remove": index, "aria-label": `${S.remove}: ${name}` } }),
                  ]);
                }),
              ),
            ])
          : "",
        el("div", { cls: "revise-add-forms" }, [reqForm, ruleForm]),
      ];
    });
    refresh();
  }

  return {
    update(next) {
      state = next;
      const r = state.revision;
      if (!r) {
        box.hidden = adds.hidden = bar.hidden = true;
        renderOnce(result, null, () => [el("p", { cls: "waiting", text: S.no_framework })]);
        return;
      }
      const revised = Boolean(r.diff);
      box.hidden = adds.hidden = bar.hidden = revised;
      renderOnce(result, [revised, r.diff, r.version], () => (revised ? [el("p", { cls: "notice notice-done", text: fmt(S.revised_as, { n: r.version }) }), ...diffView(r)] : []));
      if (revised) return;
      // Decisions about items that are not in the reviewed version (any more) are dropped.
      for (const key of Object.keys(plan.items)) if (!r.reviewed.summary.some((i) => i.key === key)) delete plan.items[key];
      draw();
      drawAdds();
    },
  };
}

export const views = {
  "check-in": { phone: checkIn, console: followCheckIn, screen: projectCheckIn },
  review: { phone: review, console: followReview, screen: projectReview },
  revise: { phone: revisionView("revision", "waiting"), console: revise, screen: revisionView("s2-wide s3", "waiting big") },
};
