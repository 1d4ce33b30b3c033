// Stap 3 and Dag 2 on the facilitator's console: read the cases (with their authors, here only)
// and redact personal data; pick one to three cases in order and put one on the table; follow
// the judgement grid live, write conclusions and adjust the requirements; write beslisregels
// and settle their status; freeze the kader op maat as version 1; on day 2 recognise returning
// participants, follow the review and revise the kader into version 2.
import {
  RULE_FIELDS,
  RULE_MAX,
  diffView,
  field,
  frameworkView,
  judgementGrid,
  kindBadge,
  plural,
  practiceCase,
  reactionCounts,
  reviewSummary,
  ruleComments,
  ruleFields,
  ruleStatusBadge,
  storedDraft,
  timeOf,
} from "./phone-stap3.js";
import { renderOnce } from "./phone-stap2.js";
import { closeEditing, el, fieldDrafts, fmt, limits, onRephrase, showError, strings, toggleEditing } from "./ui.js";

const S = strings.stap3;
const S2 = strings.stap2;
const REQUIREMENT_MAX = limits.requirement;
const REASON_MAX = limits.reason;

function textField(key, label, value, { multiline = false, maxlength = 300, rows = 3, hint = "" } = {}) {
  const id = `f-${key}`;
  const attrs = { id, maxlength: String(maxlength), "data-focus": key };
  if (hint) attrs["aria-describedby"] = `${id}-hint`;
  const input = multiline ? field("textarea", { ...attrs, rows: String(rows) }, value) : field("input", { ...attrs, type: "text" }, value);
  return el("div", { cls: "field" }, [el("label", { text: label, attrs: { for: id } }), hint ? el("p", { cls: "hint", text: hint, attrs: { id: `${id}-hint` } }) : "", input]);
}

// --- returning participants (day 2) -------------------------------------------------------

// The panel console.js shows above the activity in any phase whose snapshot carries `claims`:
// a new device says it is someone from day 1 and shows a check code; the facilitator compares
// the code and confirms or rejects.
export function claimsPanel(socket) {
  const list = el("ul", { cls: "claims" });
  const announce = el("p", { cls: "visually-hidden", attrs: { "aria-live": "polite" } });
  const node = el("section", { cls: "claims-panel", attrs: { "aria-labelledby": "claims-heading", hidden: "" } }, [
    el("h2", { text: S.claims_heading, attrs: { id: "claims-heading" } }),
    el("p", { cls: "hint", text: S.claims_help }),
    list,
    announce,
  ]);
  let claims = [];
  let seen = null;
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-claim]");
    if (!button) return;
    const claim = claims.find((c) => c.id === Number(button.dataset.claim));
    if (!claim) return;
    if (button.dataset.action === "confirm") socket.send("claim.confirm", { claim: claim.id }).catch(() => {});
    else if (confirm(fmt(S.confirm_reject, { name: claim.name }))) socket.send("claim.reject", { claim: claim.id }).catch(() => {});
  });
  return {
    node,
    update(state) {
      claims = state.claims || [];
      node.hidden = !state.claims || (!claims.length && state.step.day !== 2);
      const ids = claims.map((c) => c.id).join(",");
      if (seen !== null && ids !== seen && claims.length) announce.textContent = plural(S.claims_waiting, claims.length);
      seen = ids;
      renderOnce(list, claims, () =>
        claims.length
          ? claims.map((claim) =>
              el("li", { cls: "claim" }, [
                el("div", { cls: "claim-who" }, [
                  el("strong", { cls: "claim-name", text: claim.name }),
                  el("span", { cls: "meta", text: `${claim.layer_label} · ${fmt(S.claim_since, { time: timeOf(claim.created_at) })}` }),
                ]),
                el("p", { cls: "claim-code" }, [
                  el("span", { cls: "claim-code-label", text: S.check_code }),
                  el("strong", { cls: "check-code-value", text: claim.check_code, attrs: { "aria-label": claim.check_code.split("").join(" ") } }),
                ]),
                el("div", { cls: "row-actions" }, [
                  el("button", { cls: "button small primary", text: S.claim_confirm, attrs: { type: "button", "data-claim": claim.id, "data-action": "confirm", "data-focus": `confirm-${claim.id}`, "aria-label": fmt(S.claim_confirm_label, { name: claim.name, code: claim.check_code }) } }),
                  el("button", { cls: "button small danger", text: S.claim_reject, attrs: { type: "button", "data-claim": claim.id, "data-action": "reject", "data-focus": `reject-${claim.id}`, "aria-label": fmt(S.claim_reject_label, { name: claim.name }) } }),
                ]),
              ]),
            )
          : [el("li", { cls: "meta", text: S.no_claims })],
      );
    },
  };
}

// --- own cases ----------------------------------------------------------------------------

function ownCases(container, socket) {
  const reminder = el("p", { cls: "hint" });
  const count = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const list = el("div", { cls: "case-cards" });
  container.append(reminder, count, list);
  const editing = new Set();
  const drafts = fieldDrafts(list);
  let state = null;

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.id);
    if (button.dataset.action === "redact") toggleEditing(editing, id, draw, list, `#f-title-${id}`);
  });
  list.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = Number(event.target.dataset.id);
    const keys = ["title", "situation", "question", "note"].map((name) => `${name}-${id}`);
    const [title, situation, question, note] = keys.map((key) => list.querySelector(`#f-${key}`).value);
    socket
      .send("practice.redact", { case: id, title, situation, question, note })
      .then(() => closeEditing(editing, id, draw, drafts, keys))
      .catch(() => {});
  });

  function draw(force = false) {
    if (force) renderOnce(list, null, () => []);
    const practice = state.practice;
    const kinds = practice.kinds || {};
    renderOnce(list, [practice.cases, [...editing], kinds], () =>
      practice.cases.length
        ? practice.cases.map((item) => {
            const open = editing.has(item.id);
            const flags = [...new Set(item.flags)].map((kind) => kinds[kind] || kind);
            return el("article", { cls: `case-card${flags.length ? " flagged" : ""}`, attrs: { "aria-labelledby": `case-${item.id}-title` } }, [
              el("h3", { cls: "case-card-title", attrs: { id: `case-${item.id}-title` } }, [
                el("span", { text: item.title }),
                item.picked ? el("span", { cls: "badge badge-accepted", text: S.picked }) : "",
                item.redacted_at ? el("span", { cls: "badge", text: S.redacted }) : "",
              ]),
              el("p", { cls: "meta", text: fmt(S.by_author, { name: item.author, layer: item.author_layer }) }),
              flags.length
                ? el("p", { cls: "flag" }, [el("span", { cls: "flag-icon", text: "⚠", attrs: { "aria-hidden": "true" } }), el("span", { text: fmt(S.flags_found, { kinds: flags.join(", ") }) })])
                : "",
              item.privacy_confirmed ? el("p", { cls: "meta", text: S.author_confirmed }) : "",
              item.redacted_at ? el("p", { cls: "meta", text: item.redaction_note ? fmt(S.redaction_note_shown, { note: item.redaction_note }) : S.redacted }) : "",
              el("p", { cls: "case-card-question" }, [el("strong", { text: `${S2.question}: ` }), el("span", { cls: "pre-line", text: item.question })]),
              el("details", { cls: "case-reminder situation-fold" }, [el("summary", { text: S.read_situation }), el("p", { cls: "case-text pre-line", text: item.situation })]),
              el("button", { cls: "button small", text: S.redact, attrs: { type: "button", "data-action": "redact", "data-id": item.id, "aria-expanded": String(open), "data-focus": `redact-${item.id}` } }),
              open
                ? el("form", { cls: "rephrase-form redact-form", attrs: { "data-id": item.id } }, [
                    el("p", { cls: "hint", text: S.redact_help }),
                    textField(`title-${item.id}`, S.case_field.title, drafts.value(`title-${item.id}`, item.title), { maxlength: practice.limits.title }),
                    textField(`situation-${item.id}`, S.case_field.situation, drafts.value(`situation-${item.id}`, item.situation), { multiline: true, rows: 6, maxlength: practice.limits.situation }),
                    textField(`question-${item.id}`, S.case_field.question, drafts.value(`question-${item.id}`, item.question), { multiline: true, maxlength: practice.limits.question }),
                    textField(`note-${item.id}`, S.redaction_note, drafts.value(`note-${item.id}`, ""), { maxlength: 300 }),
                    el("button", { cls: "button primary small", text: S.save_redaction, attrs: { type: "submit" } }),
                  ])
                : "",
            ]);
          })
        : [el("p", { cls: "waiting", text: S.no_cases_console })],
    );
  }

  return {
    update(next) {
      state = next;
      reminder.textContent = state.practice.reminder;
      count.textContent = plural(S.cases_in_room, state.practice.count || 0);
      draw();
    },
  };
}

// --- picking cases ------------------------------------------------------------------------

function casePick(container, socket) {
  const controls = el("div", { cls: "controls pick-controls" });
  const save = el("button", { cls: "button primary", attrs: { type: "button", id: "pick-save" } });
  const reset = el("button", { cls: "button", text: S.pick_reset, attrs: { type: "button" } });
  const status = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  controls.append(save, reset, status);
  const list = el("ol", { cls: "pick-board" });
  container.append(el("p", { cls: "hint", text: S.pick_help }), controls, list);
  let state = null;
  let order = null; // the facilitator's choice in progress; null follows the saved pick

  const saved = () => state.practice.cases.filter((c) => c.picked).sort((a, b) => a.order - b.order).map((c) => c.id);
  const current = () => order || saved();
  const dirty = () => order !== null && order.join(",") !== saved().join(",");

  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-case]");
    if (!button) return;
    const id = Number(button.dataset.case);
    const next = [...current()];
    if (next.includes(id)) next.splice(next.indexOf(id), 1);
    else if (next.length >= state.practice.pick_max) {
      showError({ message: fmt(S.pick_full, { max: state.practice.pick_max }) });
      return;
    } else next.push(id);
    order = next;
    draw();
  });
  save.addEventListener("click", () => {
    const ids = current();
    socket
      .send("practice.pick", { cases: ids })
      .then(() => {
        if (order && order.join(",") === ids.join(",")) order = null;
        draw();
      })
      .catch(() => {});
  });
  reset.addEventListener("click", () => {
    order = null;
    draw();
  });

  function draw() {
    const practice = state.practice;
    const chosen = current();
    save.textContent = fmt(S.pick_save, { n: chosen.length });
    save.disabled = !chosen.length || !dirty();
    reset.hidden = !dirty();
    status.textContent = dirty() ? S.pick_unsaved : practice.picked_any ? S.pick_saved : S.pick_none;
    renderOnce(list, [practice.cases, chosen], () =>
      practice.cases.length
        ? practice.cases.map((item) => {
            const position = chosen.indexOf(item.id) + 1;
            return el("li", { cls: `pick-row${position ? " chosen" : ""}` }, [
              el("div", { cls: "pick-dots" }, [el("strong", { text: String(item.dots) }), el("span", { cls: "meta", text: plural(S.dots_word, item.dots) })]),
              el("div", { cls: "pick-body" }, [
                el("h3", { cls: "pick-title", attrs: { id: `pick-${item.id}` } }, [el("span", { text: item.title }), item.privacy_confirmed ? el("span", { cls: "badge badge-warn", text: S.confirmed_badge }) : ""]),
                el("p", { cls: "meta", text: `${item.question} — ${fmt(S.by, { name: item.author })}` }),
              ]),
              el("button", {
                cls: "button toggle pick-toggle",
                text: position ? fmt(S.picked_n, { n: position }) : S.pick,
                attrs: { type: "button", "aria-pressed": String(Boolean(position)), "data-case": item.id, "data-focus": `pick-${item.id}`, "aria-describedby": `pick-${item.id}` },
              }),
            ]);
          })
        : [el("li", { cls: "waiting", text: S.no_cases_console })],
    );
  }

  return {
    update(next) {
      state = next;
      if (order && !dirty()) order = null;
      if (order) order = order.filter((id) => state.practice.cases.some((c) => c.id === id));
      draw();
    },
  };
}

// --- judging, conclusions and adjusting ---------------------------------------------------

function judge(container, socket) {
  const cases = el("div", { cls: "judge-cases" });
  const adjustList = el("div");
  const addText = field("textarea", { id: "adjust-text", rows: "2", maxlength: String(REQUIREMENT_MAX) });
  const addReason = field("input", { id: "adjust-reason", type: "text", maxlength: String(REASON_MAX) });
  const addCase = el("select", { attrs: { id: "adjust-case" } });
  const addForm = el("form", { cls: "adjust-add", attrs: { "aria-labelledby": "adjust-add-heading" } }, [
    el("h3", { text: S.add_requirement, attrs: { id: "adjust-add-heading" } }),
    el("div", { cls: "field" }, [el("label", { text: S.requirement_text, attrs: { for: "adjust-text" } }), addText]),
    el("div", { cls: "field" }, [el("label", { text: S.reason_required, attrs: { for: "adjust-reason" } }), addReason]),
    el("div", { cls: "field" }, [el("label", { text: S.from_case, attrs: { for: "adjust-case" } }), addCase]),
    el("button", { cls: "button primary", text: S.add_requirement_button, attrs: { type: "submit" } }),
  ]);
  const adjust = el("section", { cls: "adjust-panel", attrs: { "aria-labelledby": "adjust-heading" } }, [
    el("h2", { text: S.adjust_heading, attrs: { id: "adjust-heading" } }),
    el("p", { cls: "hint", text: S.adjust_help }),
    adjustList,
    addForm,
  ]);
  container.append(cases, adjust);
  const drafts = fieldDrafts(cases);
  const adjustDrafts = fieldDrafts(adjustList);
  const open = new Set(); // picked cases whose grid is unfolded (the one on the table always is)
  const editing = new Set();
  let state = null;

  cases.addEventListener(
    "toggle",
    (event) => {
      const details = event.target;
      if (!details.dataset || !details.dataset.case) return;
      if (details.open) open.add(Number(details.dataset.case));
      else open.delete(Number(details.dataset.case));
    },
    true,
  );
  cases.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.id);
    if (button.dataset.action === "table") socket.send("practice.table", { case: id }).catch(() => {});
    if (button.dataset.action === "conclude") {
      const grid = state.judging.grids.find((g) => g.case === id);
      const text = drafts.value(`conclusion-${id}`, grid ? grid.conclusion : "");
      socket.send("practice.conclude", { case: id, text }).then(() => drafts.clear(`conclusion-${id}`)).catch(() => {});
    }
  });
  cases.addEventListener("input", (event) => {
    const area = event.target.closest("textarea[data-conclusion]");
    if (!area) return;
    const grid = state.judging.grids.find((g) => g.case === Number(area.dataset.conclusion));
    area.closest(".conclusion").querySelector(".save-status").textContent = grid && area.value !== grid.conclusion ? S.not_saved : "";
  });
  adjustList.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action=edit]");
    if (!button) return;
    const id = Number(button.dataset.id);
    toggleEditing(editing, id, drawAdjust, adjustList, `#f-text-${id}`);
  });
  onRephrase(adjustList, editing, drawAdjust, adjustDrafts, (requirement, text, reason) => socket.send("adjust.rephrase", { requirement, text, reason }));
  addForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const args = { text: addText.value, reason: addReason.value };
    if (addCase.value) args.case = Number(addCase.value);
    socket
      .send("adjust.add", args)
      .then(() => {
        addText.value = "";
        addReason.value = "";
      })
      .catch(() => addText.focus());
  });

  function drawAdjust(force = false) {
    if (force) renderOnce(adjustList, null, () => []);
    const requirements = state.judging.all_requirements.filter((r) => r.status !== "dropped");
    renderOnce(adjustList, [requirements, [...editing]], () => [
      el(
        "ol",
        { cls: "adjust-list" },
        requirements.map((r) => {
          const editingThis = editing.has(r.id);
          return el("li", { cls: "adjust-item" }, [
            el("p", { cls: "adjust-text" }, [el("span", { text: r.text }), r.status !== "accepted" ? el("span", { cls: `badge badge-${r.status}`, text: S2.status[r.status] }) : ""]),
            el("button", { cls: "button small", text: S2.rephrase, attrs: { type: "button", "data-action": "edit", "data-id": r.id, "aria-expanded": String(editingThis), "data-focus": `edit-${r.id}` } }),
            editingThis
              ? el("form", { cls: "rephrase-form", attrs: { "data-id": r.id } }, [
                  textField(`text-${r.id}`, S2.new_text, adjustDrafts.value(`text-${r.id}`, r.text), { multiline: true, rows: 2, maxlength: REQUIREMENT_MAX }),
                  textField(`reason-${r.id}`, S.reason_required, adjustDrafts.value(`reason-${r.id}`, ""), { maxlength: REASON_MAX }),
                  el("button", { cls: "button primary small", text: S2.save, attrs: { type: "submit" } }),
                ])
              : "",
          ]);
        }),
      ),
    ]);
  }

  function draw() {
    const j = state.judging;
    const table = j.table;
    renderOnce(cases, [j.picked, table && table.id, j.grids, j.labels, [...open]], () => {
      if (!j.picked.length) return [el("p", { cls: "waiting", text: S.nothing_picked })];
      return j.grids.map((grid) => {
        const pick = j.picked.find((p) => p.id === grid.case) || {};
        const onTable = table && table.id === grid.case;
        const conclusion = drafts.value(`conclusion-${grid.case}`, grid.conclusion);
        const judged = grid.grid.reduce((n, row) => Math.max(n, row.total), 0);
        const body = [
          ...judgementGrid(grid.grid, j.labels, { caption: fmt(S.grid_caption_case, { title: grid.title }) }),
          el("div", { cls: "field conclusion" }, [
            el("label", { text: S.conclusion_label, attrs: { for: `f-conclusion-${grid.case}` } }),
            field("textarea", { id: `f-conclusion-${grid.case}`, rows: "3", maxlength: "2000", "data-focus": `conclusion-${grid.case}`, "data-conclusion": grid.case }, conclusion),
            el("div", { cls: "comment-actions" }, [
              el("button", { cls: "button small", text: S.save_conclusion, attrs: { type: "button", "data-action": "conclude", "data-id": grid.case, "data-focus": `conclude-${grid.case}` } }),
              el("span", { cls: "meta save-status", text: conclusion !== grid.conclusion ? S.not_saved : grid.conclusion ? S.saved : "", attrs: { "aria-live": "polite" } }),
            ]),
          ]),
        ];
        return el("section", { cls: `judge-case-panel${onTable ? " on-table" : ""}`, attrs: { "aria-labelledby": `judge-case-${grid.case}` } }, [
          el("div", { cls: "judge-case-head" }, [
            el("h2", { attrs: { id: `judge-case-${grid.case}` } }, [el("span", { cls: "row-rank", text: `${pick.order || ""}.` }), el("span", { text: grid.title })]),
            onTable
              ? el("span", { cls: "badge badge-table", text: `▶ ${S.on_table}` })
              : el("button", { cls: "button small", text: S.put_on_table, attrs: { type: "button", "data-action": "table", "data-id": grid.case, "data-focus": `table-${grid.case}` } }),
            el("span", { cls: "meta", text: fmt(S.judges_count, { n: judged }) }),
          ]),
          onTable && table ? el("details", { cls: "case-reminder" }, [el("summary", { text: S.read_case }), practiceCase(table, { heading: "h3" })]) : "",
          onTable
            ? el("div", {}, body)
            : el("details", { cls: "grid-fold", attrs: { "data-case": grid.case, ...(open.has(grid.case) ? { open: "" } : {}) } }, [el("summary", { text: S.show_grid }), ...body]),
        ]);
      });
    });
  }

  return {
    update(next) {
      state = next;
      const picked = state.judging.picked;
      const value = addCase.value;
      renderOnce(addCase, picked, () => [el("option", { text: S.no_case_option, attrs: { value: "" } }), ...picked.map((p) => el("option", { text: `${p.order}. ${p.title}`, attrs: { value: String(p.id) } }))]);
      addCase.value = picked.some((p) => String(p.id) === value) ? value : "";
      draw();
      drawAdjust();
    },
  };
}

// --- decision rules -----------------------------------------------------------------------

function rules(container, socket) {
  const inputs = {};
  const form = el("form", { cls: "rule-form", attrs: { "aria-labelledby": "rule-form-heading", novalidate: "" } });
  const heading = el("h2", { attrs: { id: "rule-form-heading" } });
  form.append(heading, el("p", { cls: "hint", text: S.rule_form_help }));
  for (const name of RULE_FIELDS) {
    const id = `rule-${name}`;
    inputs[name] = name === "who_decides" ? field("input", { id, type: "text", maxlength: String(RULE_MAX[name]) }) : field("textarea", { id, rows: "2", maxlength: String(RULE_MAX[name]) });
    form.append(el("div", { cls: "field" }, [el("label", { text: S.rule_field_label[name], attrs: { for: id } }), el("p", { cls: "hint", text: S.rule_field_hint[name], attrs: { id: `${id}-hint` } }), inputs[name]]));
    inputs[name].setAttribute("aria-describedby", `${id}-hint`);
  }
  const submit = el("button", { cls: "button primary", attrs: { type: "submit", id: "rule-submit" } });
  const cancel = el("button", { cls: "button", text: strings.cancel_edit, attrs: { type: "button" } });
  form.append(el("div", { cls: "controls" }, [submit, cancel]));
  const list = el("ol", { cls: "rule-list console-rules" });
  container.append(el("div", { cls: "rules-board" }, [form, el("section", { attrs: { "aria-labelledby": "rules-heading" } }, [el("h2", { text: S.rules, attrs: { id: "rules-heading" } }), list])]));
  let state = null;
  let editing = null; // the rule id being edited, or null for a new rule

  function refresh() {
    const index = editing ? state.rules.items.findIndex((r) => r.id === editing) : -1;
    heading.textContent = editing ? fmt(S.edit_rule, { n: index + 1 }) : S.new_rule;
    submit.textContent = editing ? S2.save : S.propose_rule;
    cancel.hidden = !editing;
  }
  function clear() {
    editing = null;
    for (const name of RULE_FIELDS) inputs[name].value = "";
    refresh();
  }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const args = Object.fromEntries(RULE_FIELDS.map((name) => [name, inputs[name].value]));
    const request = editing ? socket.send("rule.edit", { rule: editing, ...args }) : socket.send("rule.propose", args);
    request.then(clear).catch(() => inputs.who_decides.focus());
  });
  cancel.addEventListener("click", clear);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-rule]");
    if (!button) return;
    const id = Number(button.dataset.rule);
    if (button.dataset.status) {
      socket.send("rule.status", { rule: id, status: button.dataset.status }).catch(() => {});
      return;
    }
    const rule = state.rules.items.find((r) => r.id === id);
    if (!rule) return;
    editing = id;
    for (const name of RULE_FIELDS) inputs[name].value = rule[name] || "";
    refresh();
    form.scrollIntoView({ block: "start" });
    inputs.who_decides.focus();
  });

  return {
    update(next) {
      state = next;
      const items = state.rules.items;
      const labels = state.rules.labels;
      if (editing && !items.some((r) => r.id === editing)) clear();
      refresh();
      renderOnce(list, [items, labels], () =>
        items.length
          ? items.map((rule, index) =>
              el("li", { cls: `rule-item status-${rule.status}` }, [
                el("h3", { cls: "rule-heading", attrs: { id: `crule-${rule.id}` } }, [el("span", { text: fmt(S.rule_n, { n: index + 1 }) }), ruleStatusBadge(rule.status)]),
                ruleFields(rule),
                reactionCounts(rule, labels),
                ruleComments(rule, labels),
                el("div", { cls: "row-actions", attrs: { role: "group", "aria-labelledby": `crule-${rule.id}` } }, [
                  ...["proposed", "agreed", "dropped"].map((status) =>
                    el("button", { cls: `button small toggle status-${status}`, text: S.rule_set_status[status], attrs: { type: "button", "aria-pressed": String(rule.status === status), "data-rule": rule.id, "data-status": status, "data-focus": `${status}-${rule.id}` } }),
                  ),
                  el("button", { cls: "button small", text: strings.edit, attrs: { type: "button", "data-rule": rule.id, "data-focus": `edit-${rule.id}` } }),
                ]),
              ]),
            )
          : [el("li", { cls: "meta", text: S.no_rules_console })],
      );
    },
  };
}

// --- the kader ----------------------------------------------------------------------------

function framework(container, socket) {
  const box = el("div", { cls: "framework" });
  const freeze = el("button", { cls: "button primary", text: S.freeze, attrs: { type: "button", id: "freeze-framework" } });
  const note = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const controls = el("div", { cls: "controls freeze-controls" }, [freeze, note]);
  container.append(controls, box);
  freeze.addEventListener("click", () => {
    if (confirm(S.confirm_freeze)) socket.send("framework.freeze").catch(() => {});
  });
  return {
    update(state) {
      const frozen = state.framework;
      const draft = state.framework_draft;
      const empty = !frozen && (!draft || (!draft.requirements.length && !draft.rules.length));
      controls.hidden = Boolean(frozen);
      freeze.disabled = empty;
      note.textContent = empty ? S.freeze_empty : S.freeze_hint;
      renderOnce(box, [frozen, draft], () => (frozen ? frameworkView(frozen) : draft ? frameworkView(draft, { title: S.draft_title }) : []));
    },
  };
}

// --- Dag 2: review ------------------------------------------------------------------------

function review(container) {
  const count = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const box = el("div");
  container.append(count, box);
  return {
    update(state) {
      const r = state.review;
      count.textContent = r ? fmt(S.review_count, { n: r.summary.reduce((n, item) => n + item.total, 0), people: state.participants.length }) : "";
      renderOnce(box, r, () => (r ? [el("h2", { text: fmt(S.review_title, { n: r.version }) }), ...reviewSummary(r.summary, r.labels)] : [el("p", { cls: "waiting", text: S.no_framework })]));
    },
  };
}

// --- Dag 2: revising ----------------------------------------------------------------------

// A rule's five parts from its one-line text (" · " between the parts that are filled in). Only
// certain when all five are there; otherwise the fields start empty and only what is typed is
// sent (the service keeps the parts a rephrase leaves out).
function ruleParts(text) {
  const parts = text.split(" · ");
  return parts.length === RULE_FIELDS.length ? Object.fromEntries(RULE_FIELDS.map((name, i) => [name, parts[i]])) : null;
}

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
  // The facilitator's decisions so far, kept in localStorage until version 2 is written:
  // {items: {key: {action, text, fields, reason}}, added: [{kind, text, fields, reason}]}.
  let plan = { items: {}, added: [], ...(store.get() || {}) };
  let state = null;
  const errors = new Map(); // item key (or "add-N") -> message

  const keep = () => store.set(plan);
  const decided = (item) => plan.items[item.key] || { action: "" };

  box.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-item]");
    if (!button) return;
    const key = button.dataset.item;
    const item = state.revision.reviewed.summary.find((i) => i.key === key);
    const action = button.dataset.choice;
    const current = decided(item);
    if (current.action === action) delete plan.items[key];
    else {
      const parts = item.kind === "rule" ? ruleParts(item.text) : null;
      plan.items[key] = { action, reason: current.reason || "", text: current.text ?? item.text, fields: current.fields || parts || Object.fromEntries(RULE_FIELDS.map((n) => [n, ""])), exact: Boolean(parts) || current.exact };
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
      if (d.action !== "keep" && !d.reason.trim()) errors.set(item.key, S.reason_needed);
      if (d.action === "keep" && !d.reason.trim()) continue; // nothing to record
      const change = { kind: item.kind, item: item.key, action: d.action, reason: d.reason };
      if (d.action === "rephrase") {
        if (item.kind === "requirement") change.text = d.text;
        else change.fields = d.exact ? d.fields : Object.fromEntries(Object.entries(d.fields).filter(([, v]) => v.trim()));
      }
      changes.push(change);
    }
    plan.added.forEach((entry, index) => {
      if (!entry.reason.trim()) errors.set(`add-${index}`, S.reason_needed);
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
    const r = state.revision;
    const n = countChanges();
    freeze.textContent = fmt(S.revise_button, { n: r.version + 1 });
    freeze.disabled = n === 0;
    pending.textContent = plural(S.changes_pending, n);
  }

  function itemEditor(item) {
    const d = decided(item);
    const error = errors.get(item.key);
    const reasonId = `rv-reason-${item.key}`;
    const reasonAttrs = { id: reasonId, type: "text", maxlength: String(REASON_MAX), "data-item": item.key, "data-part": "reason", "data-focus": `reason-${item.key}` };
    if (error) Object.assign(reasonAttrs, { "aria-invalid": "true", "aria-describedby": `${reasonId}-error` });
    const reason = el("div", { cls: "field" }, [
      el("label", { text: d.action === "keep" ? S.reason_optional : S.reason_required, attrs: { for: reasonId } }),
      field("input", reasonAttrs, d.reason || ""),
      error ? el("p", { cls: "error", text: error, attrs: { id: `${reasonId}-error` } }) : "",
    ]);
    if (d.action === "rephrase" && item.kind === "requirement") {
      return [
        el("div", { cls: "field" }, [
          el("label", { text: S2.new_text, attrs: { for: `rv-text-${item.key}` } }),
          field("textarea", { id: `rv-text-${item.key}`, rows: "2", maxlength: String(REQUIREMENT_MAX), "data-item": item.key, "data-part": "text", "data-focus": `text-${item.key}` }, d.text),
        ]),
        reason,
      ];
    }
    if (d.action === "rephrase") {
      return [
        d.exact ? "" : el("p", { cls: "hint", text: S.rule_parts_hint }),
        ...RULE_FIELDS.map((name) =>
          el("div", { cls: "field" }, [
            el("label", { text: S.rule_field_label[name], attrs: { for: `rv-${name}-${item.key}` } }),
            field("input", { id: `rv-${name}-${item.key}`, type: "text", maxlength: String(RULE_MAX[name]), "data-item": item.key, "data-part": name, "data-focus": `${name}-${item.key}` }, d.fields[name] || ""),
          ]),
        ),
        reason,
      ];
    }
    return d.action ? [reason] : [];
  }

  function draw(force = false) {
    if (force) renderOnce(box, null, () => []);
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
            el("p", { cls: "review-item-text", attrs: { id: headingId } }, [kindBadge(item.kind), el("span", { text: item.text })]),
            el("p", { cls: "meta", text: item.total ? fmt(S.applied_line, { ja: item.counts.ja, deels: item.counts.deels, nee: item.counts.nee }) : S.no_reviews }),
            item.improve.length
              ? el("details", { cls: "revise-improve" }, [el("summary", { text: `${S.improve} (${item.improve.length})` }), el("ul", {}, item.improve.map((text) => el("li", { text })))])
              : "",
            el(
              "div",
              { cls: "row-actions", attrs: { role: "group", "aria-labelledby": headingId } },
              ["keep", "rephrase", "drop"].map((action) =>
                el("button", { cls: `button small toggle choice-${action}`, text: S.action[action], attrs: { type: "button", "aria-pressed": String(d.action === action), "data-item": item.key, "data-choice": action, "data-focus": `${action}-${item.key}` } }),
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
    if (force) renderOnce(adds, null, () => []);
    renderOnce(adds, [plan.added, [...errors]], () => {
      const reqForm = el("form", { cls: "revise-add", attrs: { "data-kind": "requirement", "aria-labelledby": "rv-add-req" } }, [
        el("h3", { text: S.add_requirement, attrs: { id: "rv-add-req" } }),
        el("div", { cls: "field" }, [el("label", { text: S.requirement_text, attrs: { for: "rv-add-text" } }), field("textarea", { id: "rv-add-text", name: "text", rows: "2", maxlength: String(REQUIREMENT_MAX), required: "" })]),
        el("div", { cls: "field" }, [el("label", { text: S.reason_required, attrs: { for: "rv-add-reason" } }), field("input", { id: "rv-add-reason", name: "reason", type: "text", maxlength: String(REASON_MAX), required: "" })]),
        el("button", { cls: "button small", text: S.add_to_revision, attrs: { type: "submit" } }),
      ]);
      const ruleForm = el("form", { cls: "revise-add", attrs: { "data-kind": "rule", "aria-labelledby": "rv-add-rule" } }, [
        el("h3", { text: S.add_rule, attrs: { id: "rv-add-rule" } }),
        ...RULE_FIELDS.map((name) =>
          el("div", { cls: "field" }, [el("label", { text: S.rule_field_label[name], attrs: { for: `rv-add-${name}` } }), field("input", { id: `rv-add-${name}`, name, type: "text", maxlength: String(RULE_MAX[name]), ...(name === "who_decides" || name === "what" ? { required: "" } : {}) })]),
        ),
        el("div", { cls: "field" }, [el("label", { text: S.reason_required, attrs: { for: "rv-add-rule-reason" } }), field("input", { id: "rv-add-rule-reason", name: "reason", type: "text", maxlength: String(REASON_MAX), required: "" })]),
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
                  const text = entry.kind === "requirement" ? entry.text : RULE_FIELDS.map((n) => entry.fields[n]).filter(Boolean).join(" · ");
                  const error = errors.get(`add-${index}`);
                  return el("li", {}, [
                    kindBadge(entry.kind),
                    el("span", { text }),
                    el("span", { cls: "meta", text: entry.reason ? ` — ${S.why}: ${entry.reason}` : "" }),
                    error ? el("p", { cls: "error", text: error }) : "",
                    el("button", { cls: "button small danger", text: S.remove, attrs: { type: "button", "data-remove": index, "aria-label": `${S.remove}: ${text}` } }),
                  ]);
                }),
              ),
            ])
          : "",
        el("div", { cls: "revise-add-forms" }, [reqForm, ruleForm]),
      ];
    });
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

export const kinds = {
  "own-cases": ownCases,
  "case-pick": casePick,
  judge,
  rules,
  framework,
  review,
  revise,
};
