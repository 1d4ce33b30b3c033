// The kader op maat (Stap 3, sessions/concepts/framework.py): beslisregels and the room's
// reactions to them, and freezing the framework as version 1. The phone agrees with a rule or
// voices a concern; the console writes the rules and settles their status, and freezes the
// kader; the projector shows the rules with their reactions and the frozen kader.
import { el, fmt, limits, strings } from "../ui.js";
import { RULE_FIELDS, choiceComments, commentField, disabledIf, field, gated, renderOnce, ruleFields, snapshotView, when } from "../widgets.js";

const S = strings.framework;
const STANCE_MARK = { agree: "+", concern: "!" };
// proposed, agreed, dropped: in the string table's order.
const RULE_STATUSES = Object.keys(S.rule_set_status);

// --- pieces -------------------------------------------------------------------------------

const ruleStatusBadge = (status) => el("span", { cls: `badge rule-status rule-${status}`, text: S.rule_status[status] });
// `level`: h2 where the rules stand right under the phase's title (phone, projector), h3 under
// the console's "Beslisregels".
const ruleHeading = (rule, index, id, level = "h2") =>
  el(level, { cls: "rule-heading", attrs: id ? { id } : {} }, [el("span", { text: fmt(S.rule_n, { n: index + 1 }) }), ruleStatusBadge(rule.status)]);
const stanceMark = (stance) => el("span", { cls: "verdict-mark", text: STANCE_MARK[stance], attrs: { "aria-hidden": "true" } });

// How many agree and how many have a concern (the server's labels, in their order).
function reactionCounts(rule, labels) {
  return el(
    "p",
    { cls: "reaction-counts" },
    Object.keys(labels).map((stance) =>
      el("span", { cls: "stance-count" }, [el("span", { text: STANCE_MARK[stance], attrs: { "aria-hidden": "true" } }), el("span", { text: ` ${labels[stance]}: ${rule[stance]}` })]),
    ),
  );
}

function ruleComments(rule, labels) {
  if (!rule.comments.length) return "";
  return el(
    "ul",
    { cls: "rule-comments" },
    rule.comments.map((comment) =>
      el("li", { cls: `stance-${comment.stance}` }, [stanceMark(comment.stance), el("span", { cls: "visually-hidden", text: `${labels[comment.stance]}: ` }), el("span", { text: comment.text })]),
    ),
  );
}

function priorityLine(item) {
  if (item.origin === "added") return item.reason ? fmt(S.added_because, { reason: item.reason }) : S.added;
  return item.priority ? fmt(S.priority, { label: strings.requirements.moscow[item.priority] }) : "";
}

// The kader op maat: its requirements (with priority, or why they were added) and its rules.
function frameworkView(framework, { title } = {}) {
  const requirements = framework.requirements || [];
  const rules = framework.rules || [];
  return [
    el("h2", { cls: "framework-title", text: title || fmt(S.framework_title, { n: framework.number }) }),
    framework.frozen_at ? el("p", { cls: "meta", text: fmt(S.frozen_on, { date: when(framework.frozen_at) }) }) : "",
    el("section", { cls: "framework-part", attrs: { "aria-label": S.requirements } }, [
      el("h3", { text: `${S.requirements} (${requirements.length})` }),
      requirements.length
        ? el(
            "ol",
            { cls: "framework-list" },
            requirements.map((item) => {
              const line = priorityLine(item);
              return el("li", {}, [el("p", { cls: "framework-text", text: item.text }), line ? el("p", { cls: "meta", text: line }) : ""]);
            }),
          )
        : el("p", { cls: "meta", text: strings.none }),
    ]),
    el("section", { cls: "framework-part", attrs: { "aria-label": S.rules } }, [
      el("h3", { text: `${S.rules} (${rules.length})` }),
      rules.length ? el("ol", { cls: "framework-list framework-rules" }, rules.map((rule) => el("li", {}, [ruleFields(rule)]))) : el("p", { cls: "meta", text: strings.none }),
    ]),
  ];
}

// --- decision rules -----------------------------------------------------------------------

function reactToRules(container, socket) {
  const intro = el("p", { cls: "hint", text: S.rules_hint });
  const list = el("ol", { cls: "rule-list" });
  container.append(intro, list);
  let mine = {};
  const comments = choiceComments(list, {
    attr: "rule",
    choiceAttr: "stance",
    current: (id) => (mine[id] ? { choice: mine[id].stance, comment: mine[id].comment } : null),
    send: gated((id, stance, comment, privacy_reason) => socket.send("rule.react", { rule: Number(id), stance, comment, privacy_reason })),
  });
  return {
    update(state, me) {
      const { items, labels, comment_max: commentMax } = state.rules;
      const locked = state.phase.locked;
      mine = (me && me.rule_reactions) || {};
      renderOnce(list, [items, mine, locked, labels], () =>
        items.length
          ? items.map((rule, index) => {
              const current = mine[String(rule.id)];
              return el("li", { cls: `rule-item status-${rule.status}${current ? " reacted" : ""}` }, [
                ruleHeading(rule, index, `rule-${rule.id}`),
                ruleFields(rule),
                reactionCounts(rule, labels),
                el(
                  "div",
                  { cls: "stance-buttons", attrs: { role: "group", "aria-labelledby": `rule-${rule.id}` } },
                  Object.keys(labels).map((stance) =>
                    el(
                      "button",
                      {
                        cls: `button stance stance-${stance}`,
                        attrs: { type: "button", "aria-pressed": String(Boolean(current && current.stance === stance)), "data-rule": rule.id, "data-stance": stance, "data-focus": `${stance}-${rule.id}`, ...disabledIf(locked) },
                      },
                      [stanceMark(stance), el("span", { text: labels[stance] })],
                    ),
                  ),
                ),
                current
                  ? commentField({
                      id: `rule-comment-${rule.id}`,
                      key: rule.id,
                      label: current.stance === "concern" ? S.concern_label : strings.comment_label,
                      value: comments.comment(String(rule.id), current.comment || ""),
                      saved: current.comment || "",
                      maxlength: commentMax,
                      locked,
                      data: { "data-rule": rule.id },
                    })
                  : "",
              ]);
            })
          : [el("li", { cls: "waiting", text: S.no_rules_yet })],
      );
    },
    leave: () => comments.leave(Object.keys(mine)),
  };
}

function writeRules(container, socket) {
  const inputs = {};
  const form = el("form", { cls: "rule-form", attrs: { "aria-labelledby": "rule-form-heading", novalidate: "" } });
  const heading = el("h2", { attrs: { id: "rule-form-heading" } });
  form.append(heading, el("p", { cls: "hint", text: S.rule_form_help }));
  for (const name of RULE_FIELDS) {
    const id = `rule-${name}`;
    const attrs = { id, maxlength: String(limits.rule[name]), "aria-describedby": `${id}-hint` };
    inputs[name] = name === "who_decides" ? field("input", { ...attrs, type: "text" }) : field("textarea", { ...attrs, rows: "2" });
    form.append(el("div", { cls: "field" }, [el("label", { text: S.rule_field_label[name], attrs: { for: id } }), el("p", { cls: "hint", text: S.rule_field_hint[name], attrs: { id: `${id}-hint` } }), inputs[name]]));
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
    submit.textContent = editing ? strings.save : S.propose_rule;
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
    request.then(clear).catch(() => inputs[RULE_FIELDS[0]].focus());
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
    inputs[RULE_FIELDS[0]].focus();
  });

  return {
    update(next) {
      state = next;
      const { items, labels } = state.rules;
      if (editing && !items.some((r) => r.id === editing)) clear();
      refresh();
      renderOnce(list, [items, labels], () =>
        items.length
          ? items.map((rule, index) =>
              el("li", { cls: `rule-item status-${rule.status}` }, [
                ruleHeading(rule, index, `crule-${rule.id}`, "h3"),
                ruleFields(rule),
                reactionCounts(rule, labels),
                ruleComments(rule, labels),
                el("div", { cls: "row-actions", attrs: { role: "group", "aria-labelledby": `crule-${rule.id}` } }, [
                  ...RULE_STATUSES.map((status) =>
                    el("button", {
                      cls: `button small toggle status-${status}`,
                      text: S.rule_set_status[status],
                      attrs: { type: "button", "aria-pressed": String(rule.status === status), "data-rule": rule.id, "data-status": status, "data-focus": `${status}-${rule.id}` },
                    }),
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

const projectRules = snapshotView(
  (state) => state.rules,
  (state) => {
    const { items, labels } = state.rules;
    if (!items.length) return [el("p", { cls: "waiting big", text: S.no_rules_yet })];
    return [el("ol", { cls: "rule-tiles" }, items.map((rule, index) => el("li", { cls: `rule-item status-${rule.status}` }, [ruleHeading(rule, index), ruleFields(rule), reactionCounts(rule, labels)])))];
  },
  "s2-wide s3",
);

// --- the kader ----------------------------------------------------------------------------

// The frozen kader, or what the room waits for.
const frozenFramework = (cls, waitCls) =>
  snapshotView((state) => state.framework, (state) => (state.framework ? frameworkView(state.framework) : [el("p", { cls: waitCls, text: S.freeze_pending })]), cls);

function freezeFramework(container, socket) {
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

export const views = {
  rules: { phone: reactToRules, console: writeRules, screen: projectRules },
  framework: { phone: frozenFramework("framework", "waiting"), console: freezeFramework, screen: frozenFramework("s2-wide s3 framework", "waiting big") },
};
