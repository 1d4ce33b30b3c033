// Stap 3 (toetsen aan de praktijk) and Dag 2 (terugkombijeenkomst) on the phone: bring your own
// case (checked for personal data before it is saved), dot the cases to discuss, judge every
// requirement against the case on the table, react to the beslisregels, read the kader op maat,
// review it on day 2 and see what changed in version 2. Also the pieces the console and the
// projector share (the judgement grid, rules, the kader, the review summary, the v1 → v2 diff).
import { renderOnce } from "./phone-stap2.js";
import { bars, el, fmt, limits, showError, strings } from "./ui.js";

const S = strings.stap3;
const S2 = strings.stap2;
export const VERDICTS = ["helpt", "knelt", "ontbreekt"];
// A symbol per verdict, always next to its word: the grid never rests on colour alone.
export const VERDICT_MARK = { helpt: "+", knelt: "−", ontbreekt: "?" };
export const STANCE_MARK = { agree: "+", concern: "!" };
export const APPLIED = ["ja", "deels", "nee"];
export const RULE_FIELDS = ["who_decides", "what", "budget_or_mandate", "accountability", "escalation"];
// The length limits of a rule's parts, from the page (game/stap3.py RULE_FIELDS).
export const RULE_MAX = limits.rule;
const CASE_FIELDS = ["title", "situation", "question"];

const lang = document.documentElement.lang || "nl";
const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeStyle: "short" });
const clock = new Intl.DateTimeFormat(lang, { timeStyle: "short" });
export const when = (iso) => (iso ? dateTime.format(new Date(iso)) : "");
export const timeOf = (iso) => (iso ? clock.format(new Date(iso)) : "");
export const disabledIf = (condition) => (condition ? { disabled: "" } : {});
export const plural = (forms, n) => fmt(n === 1 ? forms.one : forms.other, { n });

// A text field with its value set as a property: participant text never becomes markup, and
// the value is there before keyboard focus and the caret are put back after a re-render.
export function field(tag, attrs, value = "") {
  const node = el(tag, { attrs });
  node.value = value;
  return node;
}

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

// --- shared pieces ------------------------------------------------------------------------

// A practice case: its title, the maatwerk question, and the situation (folded away on a
// phone, where the question is what the room works on).
export function practiceCase(item, { heading = "h2", foldSituation = false, eyebrow = "" } = {}) {
  const situation = el("p", { cls: "case-text pre-line", text: item.situation });
  return el("article", { cls: "practice-case" }, [
    eyebrow ? el("p", { cls: "eyebrow", text: eyebrow }) : "",
    el(heading, { cls: "case-title", text: item.title }),
    el("section", { cls: "case-part case-question" }, [el("h3", { text: S2.question }), el("p", { cls: "case-text pre-line", text: item.question })]),
    foldSituation
      ? el("details", { cls: "case-reminder situation-fold" }, [el("summary", { text: S.read_situation }), situation])
      : el("section", { cls: "case-part" }, [el("h3", { text: S2.situation }), situation]),
  ]);
}

function verdictHeader(labels, verdict) {
  return el("th", { cls: `verdict-head verdict-${verdict}`, attrs: { scope: "col" } }, [
    el("span", { cls: "verdict-mark", text: VERDICT_MARK[verdict], attrs: { "aria-hidden": "true" } }),
    el("span", { text: labels[verdict] }),
  ]);
}

// One line that says where a requirement's row lands: which verdict most gave, or that the
// room is divided, or that nobody judged it yet. Text and symbol, not colour.
export function dominantText(row, labels) {
  if (!row.total) return S.no_verdicts;
  if (!row.dominant) return fmt(S.divided, { n: row.total });
  return fmt(S.mostly, { verdict: labels[row.dominant], n: row.counts[row.dominant], total: row.total });
}

// The case × requirements grid: per requirement how many said helpt / knelt / ontbreekt, the
// dominant verdict in words, and the comments without names.
export function judgementGrid(grid, labels, { caption, withComments = true } = {}) {
  if (!grid || !grid.length) return [el("p", { cls: "meta", text: S.no_requirements })];
  const comments = withComments && grid.some((row) => row.comments.length);
  const table = el("table", { cls: "table judge-grid" }, [
    el("caption", { text: caption || S.grid_caption }),
    el("thead", {}, [
      el("tr", {}, [
        el("th", { text: S.col_requirement, attrs: { scope: "col" } }),
        ...VERDICTS.map((verdict) => verdictHeader(labels, verdict)),
        comments ? el("th", { text: S.col_comments, attrs: { scope: "col" } }) : "",
      ]),
    ]),
    el(
      "tbody",
      {},
      grid.map((row) =>
        el("tr", { cls: row.dominant ? `dominant-${row.dominant}` : row.total ? "divided" : "unjudged" }, [
          el("th", { attrs: { scope: "row" } }, [
            el("span", { cls: "row-text", text: row.text }),
            el("span", { cls: "dominant-line" }, [
              row.dominant ? el("span", { cls: "verdict-mark", text: VERDICT_MARK[row.dominant], attrs: { "aria-hidden": "true" } }) : "",
              el("span", { text: dominantText(row, labels) }),
            ]),
          ]),
          ...VERDICTS.map((verdict) => {
            const count = row.counts[verdict];
            const top = row.dominant === verdict;
            return el("td", { cls: `verdict-cell verdict-${verdict}${top ? " cell-dominant" : ""}` }, [
              el("strong", { cls: "verdict-count", text: String(count) }),
              top ? el("span", { cls: "visually-hidden", text: ` (${S.most})` }) : "",
              el("span", { cls: "cell-bar", attrs: { "aria-hidden": "true" } }, [
                el("span", { attrs: { style: `width:${row.total ? Math.round((100 * count) / row.total) : 0}%` } }),
              ]),
            ]);
          }),
          comments
            ? el("td", { cls: "grid-comments" }, [
                el(
                  "ul",
                  {},
                  row.comments.map((comment) =>
                    el("li", {}, [
                      el("span", { cls: "verdict-mark", text: VERDICT_MARK[comment.verdict], attrs: { "aria-hidden": "true" } }),
                      el("span", { cls: "visually-hidden", text: `${labels[comment.verdict]}: ` }),
                      el("span", { text: comment.text }),
                    ]),
                  ),
                ),
              ])
            : "",
        ]),
      ),
    ),
  ]);
  return [
    el("div", { cls: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": caption || S.grid_caption } }, [table]),
    el("p", { cls: "hint grid-help", text: `${VERDICTS.map((v) => `${VERDICT_MARK[v]} ${labels[v]}`).join(" · ")}. ${S.grid_help}` }),
  ];
}

// A beslisregel's parts as a definition list (only the parts that are filled in).
export function ruleFields(rule) {
  return el(
    "dl",
    { cls: "rule-fields" },
    RULE_FIELDS.filter((name) => rule[name]).flatMap((name) => [el("dt", { text: S.rule_field[name] }), el("dd", { text: rule[name] })]),
  );
}

export function reactionCounts(rule, labels) {
  return el("p", { cls: "reaction-counts" }, [
    el("span", { cls: "stance-count" }, [el("span", { text: STANCE_MARK.agree, attrs: { "aria-hidden": "true" } }), el("span", { text: ` ${labels.agree}: ${rule.agree}` })]),
    el("span", { cls: "stance-count" }, [el("span", { text: STANCE_MARK.concern, attrs: { "aria-hidden": "true" } }), el("span", { text: ` ${labels.concern}: ${rule.concern}` })]),
  ]);
}

export function ruleComments(rule, labels) {
  if (!rule.comments.length) return "";
  return el(
    "ul",
    { cls: "rule-comments" },
    rule.comments.map((comment) =>
      el("li", { cls: `stance-${comment.stance}` }, [
        el("span", { cls: "verdict-mark", text: STANCE_MARK[comment.stance], attrs: { "aria-hidden": "true" } }),
        el("span", { cls: "visually-hidden", text: `${labels[comment.stance]}: ` }),
        el("span", { text: comment.text }),
      ]),
    ),
  );
}

export function ruleStatusBadge(status) {
  return el("span", { cls: `badge rule-status rule-${status}`, text: S.rule_status[status] });
}

function priorityLine(item) {
  if (item.origin === "added") return item.reason ? fmt(S.added_because, { reason: item.reason }) : S.added;
  return item.priority ? fmt(S.priority, { label: S2.moscow[item.priority] }) : "";
}

// The kader op maat: its requirements (with priority, or why they were added) and its rules.
export function frameworkView(framework, { title } = {}) {
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
              return el("li", {}, [
                el("p", { cls: "framework-text", text: item.text }),
                line ? el("p", { cls: "meta", text: line }) : "",
              ]);
            }),
          )
        : el("p", { cls: "meta", text: S.none }),
    ]),
    el("section", { cls: "framework-part", attrs: { "aria-label": S.rules } }, [
      el("h3", { text: `${S.rules} (${rules.length})` }),
      rules.length ? el("ol", { cls: "framework-list framework-rules" }, rules.map((rule) => el("li", {}, [ruleFields(rule)]))) : el("p", { cls: "meta", text: S.none }),
    ]),
  ];
}

export function kindBadge(kind) {
  return el("span", { cls: `badge kind-${kind}`, text: S.kind[kind] });
}

// Day 2: per item of the kader, how many applied it (ja / deels / nee, as bars with the
// numbers written out) and what was said — without names.
export function reviewSummary(summary, labels, { maxTexts = 0 } = {}) {
  if (!summary || !summary.length) return [el("p", { cls: "meta", text: S.none })];
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
          el("p", { cls: "review-item-text" }, [kindBadge(item.kind), el("span", { text: item.text })]),
          item.total
            ? bars(
                APPLIED.map((answer) => ({
                  key: `applied-${answer}`,
                  label: labels[answer],
                  percent: (100 * item.counts[answer]) / item.total,
                  value: String(item.counts[answer]),
                })),
              )
            : el("p", { cls: "meta", text: S.no_reviews }),
          texts(S.how_it_went, item.how_it_went, "how"),
          texts(S.improve, item.improve, "improve"),
        ]),
      ),
    ),
  ];
}

// What changed from one version of the kader to the next, and why.
export function diffView(revision) {
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
    diff.unchanged.length ? el("p", { cls: "meta diff-unchanged", text: fmt(S.unchanged_count, { n: diff.unchanged.length }) }) : "",
  ];
}

// Comments typed next to a choice that re-renders with every snapshot: kept per key until the
// server has them.
function typedTexts() {
  const typed = new Map();
  return {
    get: (key, saved) => (typed.has(key) ? typed.get(key) : saved),
    set: (key, value) => typed.set(key, value),
    has: (key) => typed.has(key),
    settle(key, sent) {
      if (typed.get(key) === sent) typed.delete(key);
    },
    entries: () => [...typed.entries()],
  };
}

// --- own cases ----------------------------------------------------------------------------

function ownCases(container, socket) {
  const store = storedDraft("case");
  const draft = { title: "", situation: "", question: "", case: null, ...(store.get() || {}) };
  const reminder = el("div", { cls: "privacy-reminder" });
  const form = el("form", { cls: "case-form", attrs: { novalidate: "", "aria-labelledby": "case-form-heading" } });
  const heading = el("h2", { attrs: { id: "case-form-heading" } });
  form.append(heading);
  const fields = {};
  const counters = {};
  const boxes = {};
  for (const name of CASE_FIELDS) {
    const id = `case-${name}`;
    fields[name] =
      name === "title"
        ? el("input", { attrs: { id, type: "text", autocomplete: "off" } })
        : el("textarea", { attrs: { id, rows: name === "situation" ? "6" : "3" } });
    counters[name] = el("p", { cls: "counter", attrs: { id: `${id}-counter` } });
    boxes[name] = el("div", { cls: "field-findings", attrs: { id: `${id}-findings`, hidden: "" } });
    const hint = S.case_hint[name] ? el("p", { cls: "hint", text: S.case_hint[name], attrs: { id: `${id}-hint` } }) : "";
    fields[name].setAttribute("aria-describedby", [hint ? `${id}-hint` : "", `${id}-findings`, `${id}-counter`].filter(Boolean).join(" "));
    fields[name].value = draft[name] || "";
    form.append(el("div", { cls: "field" }, [el("label", { text: S.case_field[name], attrs: { for: id } }), hint, fields[name], boxes[name], counters[name]]));
  }
  const warning = el("section", { cls: "privacy-warning", attrs: { hidden: "", "aria-labelledby": "privacy-warning-title" } });
  const status = el("p", { cls: "meta save-status", attrs: { "aria-live": "polite" } });
  const submit = el("button", { cls: "button primary wide", attrs: { type: "submit", id: "case-submit" } });
  const cancel = el("button", { cls: "button wide", text: strings.cancel_edit, attrs: { type: "button" } });
  form.append(warning, status, submit, cancel);
  const total = el("p", { cls: "meta" });
  const mineHeading = el("h2", { text: S.my_cases });
  const mine = el("ul", { cls: "my-cases" });
  container.append(reminder, form, mineHeading, total, mine);

  let kindLabels = {};
  let caseLimits = { title: 0, situation: 0, question: 0 };
  let locked = false;
  let own = [];
  let checked = null; // the texts the last personal-data warning was about

  const values = () => Object.fromEntries(CASE_FIELDS.map((name) => [name, fields[name].value]));
  const typed = () => CASE_FIELDS.some((name) => fields[name].value.trim());
  const sameAsChecked = () => checked && CASE_FIELDS.every((name) => fields[name].value === checked[name]);
  const findingLabel = (finding) => (finding.kind === "birthdate" && !finding.certain ? S.possible_birthdate : kindLabels[finding.kind] || finding.kind);

  function keep() {
    Object.assign(draft, values());
    if (typed()) store.set(draft);
    else store.clear();
  }
  function refresh() {
    for (const name of CASE_FIELDS) {
      const n = fields[name].value.length;
      counters[name].textContent = fmt(strings.counter, { n, max: caseLimits[name] });
      counters[name].classList.toggle("over", n > caseLimits[name]);
    }
    heading.textContent = draft.case ? S.edit_case : S.new_case;
    submit.textContent = draft.case ? S.save_case : S.submit_case;
    cancel.hidden = !draft.case;
    for (const node of [...Object.values(fields), submit]) node.disabled = locked;
    const confirmButton = warning.querySelector("#case-confirm");
    if (confirmButton) {
      // Confirming is about the text that was checked; changed text is checked again first.
      const same = sameAsChecked();
      confirmButton.hidden = !same;
      warning.querySelector(".changed-note").hidden = same;
    }
  }
  function clearFindings() {
    checked = null;
    warning.hidden = true;
    warning.replaceChildren();
    for (const name of CASE_FIELDS) {
      boxes[name].hidden = true;
      boxes[name].replaceChildren();
      fields[name].removeAttribute("aria-invalid");
    }
  }
  function reset() {
    Object.assign(draft, { title: "", situation: "", question: "", case: null });
    store.clear();
    for (const name of CASE_FIELDS) fields[name].value = "";
    clearFindings();
    refresh();
  }
  function pointAt(name, excerpt) {
    const field = fields[name];
    field.focus();
    const at = excerpt ? field.value.indexOf(excerpt) : -1;
    if (at >= 0) field.setSelectionRange(at, at + excerpt.length);
  }
  function showFindings(sent, findings) {
    checked = sent;
    const maybeOnly = findings.every((f) => !f.certain);
    for (const name of CASE_FIELDS) {
      const mineFound = findings.filter((f) => f.field === name);
      boxes[name].hidden = !mineFound.length;
      if (mineFound.length) fields[name].setAttribute("aria-invalid", "true");
      else fields[name].removeAttribute("aria-invalid");
      boxes[name].replaceChildren(
        ...(mineFound.length
          ? [
              el(
                "ul",
                { cls: "finding-list" },
                mineFound.map((finding) =>
                  el("li", {}, [
                    el("button", { cls: `finding${finding.certain ? "" : " finding-maybe"}`, attrs: { type: "button", "data-field": name, "data-excerpt": finding.excerpt } }, [
                      el("span", { cls: "finding-mark", text: finding.certain ? "⚠" : "?", attrs: { "aria-hidden": "true" } }),
                      el("span", { cls: "finding-excerpt", text: `“${finding.excerpt}”` }),
                      el("span", { cls: "finding-kind", text: findingLabel(finding) }),
                    ]),
                  ]),
                ),
              ),
            ]
          : []),
      );
    }
    const first = findings[0];
    warning.classList.toggle("maybe", maybeOnly);
    warning.replaceChildren(
      el("h3", { text: maybeOnly ? S.warning_maybe_title : S.warning_title, attrs: { id: "privacy-warning-title", tabindex: "-1" } }),
      el("p", { text: maybeOnly ? S.warning_maybe_text : S.warning_text }),
      el(
        "ul",
        { cls: "finding-summary" },
        findings.map((finding) => el("li", { text: `“${finding.excerpt}” — ${findingLabel(finding)} (${S.case_field[finding.field]})` })),
      ),
      el("div", { cls: "warning-actions" }, [
        el("button", { cls: "button wide", text: S.edit_text, attrs: { type: "button", "data-field": first ? first.field : "title", "data-excerpt": first ? first.excerpt : "" } }),
        el("button", { cls: "button primary wide", text: S.confirm_not_personal, attrs: { type: "button", id: "case-confirm" } }),
        el("p", { cls: "hint changed-note", text: S.changed_recheck, attrs: { hidden: "" } }),
      ]),
    );
    warning.hidden = false;
    refresh();
    warning.querySelector("h3").focus();
  }
  function send(confirm = false) {
    const sent = values();
    const args = confirm ? { ...sent, confirm_privacy: true } : sent;
    const editing = draft.case;
    const request = editing ? socket.send("practice.edit", { case: editing, ...args }) : socket.send("practice.submit", args);
    return request.then(
      () => {
        if (CASE_FIELDS.every((name) => fields[name].value === sent[name])) reset();
        status.textContent = editing ? S.case_saved : S.case_sent;
        // The personal-data refusal this answers is settled: its banner should not linger.
        const banner = document.getElementById("live-error");
        if (banner && confirm) banner.hidden = true;
      },
      (error) => {
        if (error.code === "personal_data" && error.details && error.details.findings) showFindings(sent, error.details.findings);
        throw error;
      },
    );
  }

  form.addEventListener("input", () => {
    status.textContent = "";
    keep();
    refresh();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send().catch(() => {});
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-field]");
    if (button) pointAt(button.dataset.field, button.dataset.excerpt);
    if (event.target.closest("#case-confirm")) send(true).catch(() => {});
  });
  cancel.addEventListener("click", () => {
    reset();
    status.textContent = "";
  });
  mine.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.case);
    const item = own.find((c) => c.id === id);
    if (!item) return;
    if (button.dataset.action === "withdraw") {
      if (confirm(fmt(S.confirm_withdraw, { title: item.title }))) socket.send("practice.withdraw", { case: id }).catch(() => {});
      return;
    }
    clearFindings();
    Object.assign(draft, { case: id, title: item.title, situation: item.situation, question: item.question });
    for (const name of CASE_FIELDS) fields[name].value = item[name];
    keep();
    refresh();
    form.scrollIntoView({ block: "start" });
    fields.title.focus();
  });

  return {
    update(state, me) {
      const practice = state.practice;
      kindLabels = practice.kinds || {};
      caseLimits = practice.limits || caseLimits;
      for (const name of CASE_FIELDS) fields[name].maxLength = caseLimits[name];
      locked = state.phase.locked;
      own = (me && me.my_cases) || [];
      if (draft.case && !own.some((c) => c.id === draft.case)) {
        // Withdrawn meanwhile (or gone): what is typed stays, as a new case.
        draft.case = null;
        keep();
      }
      renderOnce(reminder, practice.reminder, () => [
        el("p", {}, [el("strong", { text: `${S.privacy}: ` }), el("span", { text: practice.reminder })]),
      ]);
      total.textContent = plural(S.cases_in_room, practice.count || 0);
      mineHeading.textContent = `${S.my_cases} (${own.length})`;
      refresh();
      renderOnce(mine, [own, locked], () =>
        own.length
          ? own.map((item) =>
              el("li", { cls: "my-case" }, [
                el("p", { cls: "my-case-title" }, [
                  el("span", { text: item.title }),
                  item.picked ? el("span", { cls: "badge badge-accepted", text: S.picked }) : "",
                  item.redacted ? el("span", { cls: "badge", text: S.redacted }) : "",
                ]),
                el("p", { cls: "meta", text: item.question }),
                item.privacy_confirmed ? el("p", { cls: "meta", text: S.you_confirmed }) : "",
                item.picked
                  ? el("p", { cls: "meta", text: S.picked_locked })
                  : locked
                    ? ""
                    : el("div", { cls: "row-actions" }, [
                        el("button", { cls: "button small", text: strings.edit, attrs: { type: "button", "data-action": "edit", "data-case": item.id, "data-focus": `edit-${item.id}`, "aria-label": `${strings.edit}: ${item.title}` } }),
                        el("button", { cls: "button small danger", text: S.withdraw, attrs: { type: "button", "data-action": "withdraw", "data-case": item.id, "data-focus": `withdraw-${item.id}`, "aria-label": `${S.withdraw}: ${item.title}` } }),
                      ]),
              ]),
            )
          : [el("li", { cls: "meta", text: S.no_own_cases })],
      );
    },
    // The facilitator moved on: a case being written is sent now (accepted until the phase is
    // locked). If it is refused — personal data, say — it stays in localStorage for next time.
    leave() {
      if (typed()) send().catch((error) => showError(error));
    },
  };
}

// --- picking cases ------------------------------------------------------------------------

function casePick(container, socket) {
  const left = el("p", { cls: "dots-left", attrs: { "aria-live": "polite" } });
  const note = el("p", { cls: "hint" });
  const list = el("ul", { cls: "pick-list" });
  container.append(left, note, list);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-case]");
    if (button && !button.disabled) socket.send("practice.dots", { case: Number(button.dataset.case), dots: Number(button.dataset.dots) }).catch(() => {});
  });
  return {
    update(state, me) {
      const practice = state.practice;
      const mine = (me && me.case_dots) || {};
      const spent = Object.values(mine).reduce((a, b) => a + b, 0);
      const total = practice.dots_per_participant;
      const locked = state.phase.locked;
      left.textContent = fmt(strings.dots_left, { n: total - spent, total });
      note.textContent = practice.picked_any ? S.picked_note : S.dots_hint;
      const cases = practice.picked_any
        ? [...practice.cases.filter((c) => c.picked).sort((a, b) => a.order - b.order), ...practice.cases.filter((c) => !c.picked)]
        : practice.cases;
      renderOnce(list, [cases, mine, locked, total], () =>
        cases.length
          ? cases.map((item) => {
              const count = mine[String(item.id)] || 0;
              const name = item.title.length > 60 ? `${item.title.slice(0, 57)}…` : item.title;
              return el("li", { cls: `pick-item${item.picked ? " picked" : ""}${count ? " dotted" : ""}` }, [
                el("h3", { cls: "pick-title", attrs: { id: `pick-${item.id}` } }, [
                  el("span", { text: item.title }),
                  item.picked ? el("span", { cls: "badge badge-accepted", text: fmt(S.picked_n, { n: item.order }) }) : "",
                ]),
                el("p", { cls: "pick-question", text: item.question }),
                el("details", { cls: "case-reminder situation-fold" }, [el("summary", { text: S.read_situation }), el("p", { cls: "case-text pre-line", text: item.situation })]),
                el("div", { cls: "pick-footer" }, [
                  item.dots !== null ? el("span", { cls: "meta", text: plural(S2.dots, item.dots) }) : el("span"),
                  el("div", { cls: "stepper", attrs: { role: "group", "aria-labelledby": `pick-${item.id}` } }, [
                    el("button", { cls: "button round", text: "−", attrs: { type: "button", "aria-label": fmt(strings.dot_remove, { name }), "data-case": item.id, "data-dots": count - 1, "data-focus": `minus-${item.id}`, ...disabledIf(count === 0 || locked) } }),
                    el("span", { cls: "dot-count", text: String(count), attrs: { "aria-label": fmt(strings.dots_mine, { n: count }) } }),
                    el("button", { cls: "button round", text: "+", attrs: { type: "button", "aria-label": fmt(strings.dot_add, { name }), "data-case": item.id, "data-dots": count + 1, "data-focus": `plus-${item.id}`, ...disabledIf(spent >= total || locked) } }),
                  ]),
                ]),
              ]);
            })
          : [el("li", { cls: "waiting", text: S.no_cases })],
      );
    },
  };
}

// --- judging ------------------------------------------------------------------------------

function judge(container, socket) {
  const head = el("div", { cls: "judge-head" });
  const progress = el("p", { cls: "vote-progress", attrs: { "aria-live": "polite" } });
  const list = el("ol", { cls: "judge-list" });
  container.append(head, progress, list);
  const typed = typedTexts();
  const opened = new Set(); // comment fields unfolded by hand (a saved or typed comment shows anyway)
  let table = null;
  let mine = {};
  let last = null; // the latest [state, me], to redraw after a local change

  const keyOf = (requirement) => `${table ? table.id : 0}-${requirement}`;
  function send(caseId, requirement, verdict, comment) {
    const key = `${caseId}-${requirement}`;
    return socket.send("judgement.set", { case: caseId, requirement, verdict, comment }).then(() => typed.settle(key, comment));
  }
  list.addEventListener("input", (event) => {
    const field = event.target.closest("textarea[data-requirement]");
    if (!field) return;
    typed.set(keyOf(field.dataset.requirement), field.value);
    const state = field.closest("li").querySelector(".save-status");
    const saved = (mine[field.dataset.requirement] || {}).comment || "";
    state.textContent = field.value.trim() !== saved ? S.not_saved : "";
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-requirement]");
    if (!button || button.disabled || !table) return;
    const id = button.dataset.requirement;
    const requirement = Number(id);
    const current = mine[id];
    const comment = typed.get(keyOf(id), current ? current.comment : "");
    if (button.dataset.action === "open-comment") {
      opened.add(keyOf(id));
      draw(...last);
      const area = list.querySelector(`#judge-comment-${id}`);
      if (area) area.focus();
    } else if (button.dataset.verdict) {
      const verdict = button.getAttribute("aria-pressed") === "true" ? "" : button.dataset.verdict;
      // Taking a verdict back deletes its comment on the server; keep the words here.
      if (!verdict && comment) typed.set(keyOf(id), comment);
      send(table.id, requirement, verdict, verdict ? comment : "").catch(() => {});
    } else if (current) {
      send(table.id, requirement, current.verdict, comment).catch(() => {});
    }
  });
  function draw(state, me) {
    const judging = state.judging;
    table = judging.table;
    const locked = state.phase.locked;
    mine = (table && me && me.judgements && me.judgements[String(table.id)]) || {};
    renderOnce(head, [table, judging.picked.length], () =>
      table
        ? [practiceCase(table, { foldSituation: true, eyebrow: fmt(S.case_n_of, { n: table.order, total: judging.picked.length }) })]
        : [el("p", { cls: "waiting", text: S.no_table })],
    );
    const requirements = table ? judging.requirements : [];
    const done = requirements.filter((r) => mine[String(r.id)]).length;
    progress.textContent = table ? (requirements.length ? `${fmt(S.judged_progress, { n: done, total: requirements.length })} · ${S2.take_back_hint}` : S.no_requirements) : "";
    renderOnce(list, [table && table.id, requirements, mine, locked, judging.labels, [...opened]], () =>
      requirements.map((r) => {
        const current = mine[String(r.id)];
        const key = keyOf(r.id);
        const comment = typed.get(key, current ? current.comment : "");
        const showComment = current && (comment || current.comment || opened.has(key));
        return el("li", { cls: `judge-item${current ? " judged" : ""}` }, [
          el("p", { cls: "judge-text", text: r.text, attrs: { id: `judge-req-${r.id}` } }),
          el(
            "div",
            { cls: "verdict-buttons", attrs: { role: "group", "aria-labelledby": `judge-req-${r.id}` } },
            VERDICTS.map((verdict) =>
              el("button", { cls: `button verdict verdict-${verdict}`, attrs: { type: "button", "aria-pressed": String(Boolean(current && current.verdict === verdict)), "data-requirement": r.id, "data-verdict": verdict, "data-focus": `${verdict}-${r.id}`, ...disabledIf(locked) } }, [
                el("span", { cls: "verdict-mark", text: VERDICT_MARK[verdict], attrs: { "aria-hidden": "true" } }),
                el("span", { text: judging.labels[verdict] }),
              ]),
            ),
          ),
          current && !showComment
            ? el("button", { cls: "button small add-comment", text: `+ ${S.add_comment}`, attrs: { type: "button", "data-requirement": r.id, "data-action": "open-comment", "data-focus": `open-${r.id}`, "aria-expanded": "false", ...disabledIf(locked) } })
            : "",
          showComment
            ? el("div", { cls: "field comment-field" }, [
                el("label", { text: S.comment_label, attrs: { for: `judge-comment-${r.id}` } }),
                field("textarea", { id: `judge-comment-${r.id}`, rows: "2", maxlength: String(judging.comment_max), "data-requirement": r.id, "data-focus": `comment-${r.id}`, ...disabledIf(locked) }, comment),
                el("div", { cls: "comment-actions" }, [
                  el("button", { cls: "button small", text: S.save_comment, attrs: { type: "button", "data-requirement": r.id, "data-action": "comment", "data-focus": `save-${r.id}`, ...disabledIf(locked) } }),
                  el("span", { cls: "meta save-status", text: comment.trim() !== (current.comment || "") ? S.not_saved : current.comment ? S.saved : "", attrs: { "aria-live": "polite" } }),
                ]),
              ])
            : "",
        ]);
      }),
    );
  }
  return {
    update(state, me) {
      last = [state, me];
      draw(state, me);
    },
    // Comments typed but not saved go with their verdict when the facilitator moves on.
    leave() {
      if (!table) return;
      for (const [key, comment] of typed.entries()) {
        const [caseId, requirement] = key.split("-").map(Number);
        const current = caseId === table.id ? mine[String(requirement)] : null;
        if (current && comment.trim() !== (current.comment || "")) send(caseId, requirement, current.verdict, comment).catch((error) => showError(error));
      }
    },
  };
}

// --- decision rules -----------------------------------------------------------------------

function rules(container, socket) {
  const intro = el("p", { cls: "hint", text: S.rules_hint });
  const list = el("ol", { cls: "rule-list" });
  container.append(intro, list);
  const typed = typedTexts();
  let mine = {};
  function send(rule, stance, comment) {
    return socket.send("rule.react", { rule, stance, comment }).then(() => typed.settle(String(rule), comment));
  }
  list.addEventListener("input", (event) => {
    const field = event.target.closest("textarea[data-rule]");
    if (!field) return;
    typed.set(field.dataset.rule, field.value);
    const saved = (mine[field.dataset.rule] || {}).comment || "";
    field.closest("li").querySelector(".save-status").textContent = field.value.trim() !== saved ? S.not_saved : "";
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-rule]");
    if (!button || button.disabled) return;
    const id = button.dataset.rule;
    const current = mine[id];
    const comment = typed.get(id, current ? current.comment : "");
    if (button.dataset.stance) {
      const stance = button.getAttribute("aria-pressed") === "true" ? "" : button.dataset.stance;
      if (!stance && comment) typed.set(id, comment);
      send(Number(id), stance, stance ? comment : "").catch(() => {});
    } else if (current) {
      send(Number(id), current.stance, comment).catch(() => {});
    }
  });
  return {
    update(state, me) {
      const items = state.rules.items;
      const labels = state.rules.labels;
      const locked = state.phase.locked;
      mine = (me && me.rule_reactions) || {};
      renderOnce(list, [items, mine, locked, labels], () =>
        items.length
          ? items.map((rule, index) => {
              const current = mine[String(rule.id)];
              const id = String(rule.id);
              return el("li", { cls: `rule-item status-${rule.status}${current ? " reacted" : ""}` }, [
                el("h3", { cls: "rule-heading", attrs: { id: `rule-${rule.id}` } }, [el("span", { text: fmt(S.rule_n, { n: index + 1 }) }), ruleStatusBadge(rule.status)]),
                ruleFields(rule),
                reactionCounts(rule, labels),
                el(
                  "div",
                  { cls: "stance-buttons", attrs: { role: "group", "aria-labelledby": `rule-${rule.id}` } },
                  ["agree", "concern"].map((stance) =>
                    el("button", { cls: `button stance stance-${stance}`, attrs: { type: "button", "aria-pressed": String(Boolean(current && current.stance === stance)), "data-rule": rule.id, "data-stance": stance, "data-focus": `${stance}-${rule.id}`, ...disabledIf(locked) } }, [
                      el("span", { cls: "verdict-mark", text: STANCE_MARK[stance], attrs: { "aria-hidden": "true" } }),
                      el("span", { text: labels[stance] }),
                    ]),
                  ),
                ),
                current
                  ? el("div", { cls: "field comment-field" }, [
                      el("label", { text: current.stance === "concern" ? S.concern_label : S.comment_label, attrs: { for: `rule-comment-${rule.id}` } }),
                      field("textarea", { id: `rule-comment-${rule.id}`, rows: "2", maxlength: "300", "data-rule": rule.id, "data-focus": `comment-${rule.id}`, ...disabledIf(locked) }, typed.get(id, current.comment || "")),
                      el("div", { cls: "comment-actions" }, [
                        el("button", { cls: "button small", text: S.save_comment, attrs: { type: "button", "data-rule": rule.id, "data-action": "comment", "data-focus": `save-${rule.id}`, ...disabledIf(locked) } }),
                        el("span", { cls: "meta save-status", text: typed.get(id, current.comment).trim() !== (current.comment || "") ? S.not_saved : current.comment ? S.saved : "", attrs: { "aria-live": "polite" } }),
                      ]),
                    ])
                  : "",
              ]);
            })
          : [el("li", { cls: "waiting", text: S.no_rules_yet })],
      );
    },
    leave() {
      for (const [id, comment] of typed.entries()) {
        const current = mine[id];
        if (current && comment.trim() !== (current.comment || "")) send(Number(id), current.stance, comment).catch((error) => showError(error));
      }
    },
  };
}

// --- the kader ----------------------------------------------------------------------------

function framework(container) {
  const box = el("div", { cls: "framework" });
  container.append(box);
  return { update: (state) => renderOnce(box, state.framework, () => (state.framework ? frameworkView(state.framework) : [el("p", { cls: "waiting", text: S.freeze_pending })])) };
}

// --- Dag 2: review ------------------------------------------------------------------------

function review(container, socket) {
  const progress = el("p", { cls: "vote-progress", attrs: { "aria-live": "polite" } });
  const list = el("div", { cls: "review-list" });
  container.append(progress, list);
  const typed = typedTexts();
  let mine = {};
  const keyOf = (item, field) => `${item}|${field}`;
  function send(item, applied) {
    const current = mine[item] || {};
    const how = typed.get(keyOf(item, "how_it_went"), current.how_it_went || "");
    const improve = typed.get(keyOf(item, "improve"), current.improve || "");
    return socket.send("review.write", { item, applied, how_it_went: how, improve }).then(() => {
      typed.settle(keyOf(item, "how_it_went"), how);
      typed.settle(keyOf(item, "improve"), improve);
    });
  }
  list.addEventListener("input", (event) => {
    const field = event.target.closest("textarea[data-item]");
    if (!field) return;
    typed.set(keyOf(field.dataset.item, field.dataset.field), field.value);
    field.closest(".review-item").querySelector(".save-status").textContent = S.not_saved;
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
        renderOnce(list, null, () => [el("p", { cls: "waiting", text: S.no_framework })]);
        return;
      }
      mine = (me && me.reviews) || {};
      const locked = state.phase.locked;
      const done = r.items.filter((item) => mine[item.key]).length;
      progress.textContent = fmt(S.reviewed_progress, { n: done, total: r.items.length });
      const section = (kind, items) =>
        items.length
          ? el("section", { cls: "review-section" }, [
              el("h2", { text: kind === "requirement" ? S.requirements : S.rules }),
              el(
                "ol",
                { cls: "review-items" },
                items.map((item) => {
                  const current = mine[item.key];
                  const textId = `review-${item.key}`;
                  const area = (name, label) =>
                    el("div", { cls: "field" }, [
                      el("label", { text: label, attrs: { for: `${textId}-${name}` } }),
                      field("textarea", { id: `${textId}-${name}`, rows: "2", maxlength: String(r.text_max), "data-item": item.key, "data-field": name, "data-focus": `${item.key}-${name}`, ...disabledIf(locked) }, typed.get(keyOf(item.key, name), (current && current[name]) || "")),
                    ]);
                  return el("li", { cls: `review-item${current ? " reviewed" : ""}` }, [
                    el("p", { cls: "review-item-text", attrs: { id: textId } }, [kindBadge(item.kind), el("span", { text: item.text })]),
                    el("p", { cls: "group-label", text: S.applied_question, attrs: { id: `${textId}-applied` } }),
                    el(
                      "div",
                      { cls: "applied-buttons", attrs: { role: "group", "aria-labelledby": `${textId}-applied ${textId}` } },
                      APPLIED.map((answer) =>
                        el("button", { cls: `button applied applied-${answer}`, text: r.labels[answer], attrs: { type: "button", "aria-pressed": String(Boolean(current && current.applied === answer)), "data-item": item.key, "data-applied": answer, "data-focus": `${item.key}-${answer}`, ...disabledIf(locked) } }),
                      ),
                    ),
                    current
                      ? el("div", { cls: "review-texts-form" }, [
                          area("how_it_went", S.how_it_went),
                          area("improve", S.improve),
                          el("div", { cls: "comment-actions" }, [
                            el("button", { cls: "button small", text: S.save_answers, attrs: { type: "button", "data-item": item.key, "data-action": "save", "data-focus": `${item.key}-save`, ...disabledIf(locked) } }),
                            el("span", { cls: "meta save-status", text: current.how_it_went || current.improve ? S.saved : "", attrs: { "aria-live": "polite" } }),
                          ]),
                        ])
                      : el("p", { cls: "hint", text: S.applied_first }),
                  ]);
                }),
              ),
            ])
          : "";
      renderOnce(list, [r, mine, locked], () => [
        section("requirement", r.items.filter((i) => i.kind === "requirement")),
        section("rule", r.items.filter((i) => i.kind === "rule")),
      ]);
    },
    leave() {
      const items = new Set(typed.entries().map(([key]) => key.split("|")[0]));
      for (const item of items) if (mine[item]) send(item, mine[item].applied).catch((error) => showError(error));
    },
  };
}

// --- Dag 2: the revision ------------------------------------------------------------------

function revise(container) {
  const box = el("div", { cls: "revision" });
  container.append(box);
  return {
    update(state) {
      const revision = state.revision;
      renderOnce(box, revision, () => (revision && revision.diff ? diffView(revision) : [el("p", { cls: "waiting", text: revision ? S.revise_pending : S.no_framework })]));
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
