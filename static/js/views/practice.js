// Testing against practice (Stap 3, sessions/concepts/practice.py): own cases, picking the
// cases to discuss, and judging every requirement against the case on the table. The phone
// brings its own case (checked for personal data before it is saved), dots the cases and
// judges; the console reads the cases with their authors (here only) and redacts personal
// data, picks one to three cases in order and puts one on the table, follows the judgement
// grid, writes conclusions and adjusts the requirements; the projector never shows a name.
import { el, fmt, limits, showError, strings } from "../ui.js";
import {
  closeEditing,
  choiceComments,
  commentField,
  disabledIf,
  dotStepper,
  dotsLeft,
  dotsText,
  field,
  fieldDrafts,
  flagLine,
  forget,
  gated,
  onAction,
  onDots,
  onOwnItems,
  onRephrase,
  oneAtATime,
  ownItemActions,
  plural,
  rephraseForm,
  renderOnce,
  shortName,
  showCount,
  snapshotView,
  spentDots,
  storedDraft,
  textField,
  toggleEditing,
} from "../widgets.js";

const S = strings.practice;
// A symbol per verdict, always next to its word: the grid never rests on colour alone.
const VERDICT_MARK = { helpt: "+", knelt: "−", ontbreekt: "?" };
// title, situation, question: in the string table's order.
const CASE_FIELDS = Object.keys(S.case_field);

// --- pieces -------------------------------------------------------------------------------

const situationFold = (text) => el("details", { cls: "case-reminder situation-fold" }, [el("summary", { text: S.read_situation }), el("p", { cls: "case-text pre-line", text })]);

// A practice case: its title, the maatwerk question, and the situation (folded away on a
// phone, where the question is what the room works on).
function practiceCase(item, { heading = "h2", foldSituation = false, eyebrow = "" } = {}) {
  return el("article", { cls: "practice-case" }, [
    eyebrow ? el("p", { cls: "eyebrow", text: eyebrow }) : "",
    el(heading, { cls: "case-title", text: item.title }),
    el("section", { cls: "case-part case-question" }, [el("h3", { text: strings.case_part.question }), el("p", { cls: "case-text pre-line", text: item.question })]),
    foldSituation ? situationFold(item.situation) : el("section", { cls: "case-part" }, [el("h3", { text: strings.case_part.situation }), el("p", { cls: "case-text pre-line", text: item.situation })]),
  ]);
}

// The picked cases in their order, then the others.
const pickedFirst = (cases) => [...cases.filter((c) => c.picked).sort((a, b) => a.order - b.order), ...cases.filter((c) => !c.picked)];

const mark = (verdict) => el("span", { cls: "verdict-mark", text: VERDICT_MARK[verdict], attrs: { "aria-hidden": "true" } });

// One line that says where a requirement's row lands: which verdict most gave, or that the
// room is divided, or that nobody judged it yet. Text and symbol, not colour.
function dominantText(row, labels) {
  if (!row.total) return S.no_verdicts;
  if (!row.dominant) return plural(S.divided, row.total);
  return fmt(S.mostly, { verdict: labels[row.dominant], n: row.counts[row.dominant], total: row.total });
}

// How many judged a case: the most verdicts any requirement got.
const judgesOf = (grid) => (grid || []).reduce((n, row) => Math.max(n, row.total), 0);

// The case × requirements grid: per requirement how many said each verdict (the server's
// labels, in their order), the dominant verdict in words, and the comments without names.
function judgementGrid(grid, labels, { caption, withComments = true } = {}) {
  if (!grid || !grid.length) return [el("p", { cls: "meta", text: S.no_requirements })];
  const verdicts = Object.keys(labels);
  const comments = withComments && grid.some((row) => row.comments.length);
  const table = el("table", { cls: "table judge-grid" }, [
    el("caption", { text: caption || S.grid_caption }),
    el("thead", {}, [
      el("tr", {}, [
        el("th", { text: strings.requirements.col_requirement, attrs: { scope: "col" } }),
        ...verdicts.map((verdict) => el("th", { cls: `verdict-head verdict-${verdict}`, attrs: { scope: "col" } }, [mark(verdict), el("span", { text: labels[verdict] })])),
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
            el("span", { cls: "dominant-line" }, [row.dominant ? mark(row.dominant) : "", el("span", { text: dominantText(row, labels) })]),
          ]),
          ...verdicts.map((verdict) => {
            const count = row.counts[verdict];
            const top = row.dominant === verdict;
            return el("td", { cls: `verdict-cell verdict-${verdict}${top ? " cell-dominant" : ""}` }, [
              el("strong", { cls: "verdict-count", text: String(count) }),
              top ? el("span", { cls: "visually-hidden", text: ` (${S.most})` }) : "",
              el("span", { cls: "cell-bar", attrs: { "aria-hidden": "true" } }, [el("span", { attrs: { style: `width:${row.total ? Math.round((100 * count) / row.total) : 0}%` } })]),
            ]);
          }),
          comments
            ? el("td", { cls: "grid-comments" }, [
                el(
                  "ul",
                  {},
                  row.comments.map((comment) =>
                    el("li", {}, [mark(comment.verdict), el("span", { cls: "visually-hidden", text: `${labels[comment.verdict]}: ` }), el("span", { text: comment.text })]),
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
    el("p", { cls: "hint grid-help", text: `${verdicts.map((v) => `${VERDICT_MARK[v]} ${labels[v]}`).join(" · ")}. ${S.grid_help}` }),
  ];
}

// What an author may say a finding is when sending anyway (game.practice.services.PRIVACY_REASONS).
const PRIVACY_REASONS = Object.keys(S.privacy_reason);

const privacyReminder = (practice) => el("p", {}, [el("strong", { text: `${S.privacy}: ` }), el("span", { text: practice.reminder })]);

// --- own cases ----------------------------------------------------------------------------

function bringCase(container, socket) {
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
    fields[name] = name === "title" ? el("input", { attrs: { id, type: "text", autocomplete: "off" } }) : el("textarea", { attrs: { id, rows: name === "situation" ? "6" : "3" } });
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
    for (const name of CASE_FIELDS) showCount(counters[name], fields[name].value.length, caseLimits[name]);
    heading.textContent = draft.case ? S.edit_case : S.new_case;
    submit.textContent = draft.case ? strings.save_changes : S.submit_case;
    cancel.hidden = !draft.case;
    for (const node of [...Object.values(fields), submit]) node.disabled = locked;
    const anyway = warning.querySelector(".send-anyway");
    if (anyway) {
      // Sending anyway is about the text that was checked; changed text is checked again first.
      const same = sameAsChecked();
      anyway.hidden = !same;
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
    const input = fields[name];
    input.focus();
    const at = excerpt ? input.value.indexOf(excerpt) : -1;
    if (at >= 0) input.setSelectionRange(at, at + excerpt.length);
  }
  function showFindings(sent, findings) {
    checked = sent;
    const maybeOnly = findings.every((f) => !f.certain);
    for (const name of CASE_FIELDS) {
      const found = findings.filter((f) => f.field === name);
      boxes[name].hidden = !found.length;
      if (found.length) fields[name].setAttribute("aria-invalid", "true");
      else fields[name].removeAttribute("aria-invalid");
      boxes[name].replaceChildren(
        ...(found.length
          ? [
              el(
                "ul",
                { cls: "finding-list" },
                found.map((finding) =>
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
        // Changing the text is the way out; sending anyway is the second choice, and asks what
        // the finding is (the case then waits for the facilitator).
        el("button", { cls: "button primary wide", text: S.edit_text, attrs: { type: "button", id: "case-edit-text", "data-field": first ? first.field : "title", "data-excerpt": first ? first.excerpt : "" } }),
        el("details", { cls: "send-anyway" }, [
          el("summary", { cls: "button wide", text: S.send_anyway }),
          el("fieldset", { cls: "send-anyway-reasons" }, [
            el("legend", { text: S.send_anyway_question }),
            ...PRIVACY_REASONS.map((reason) => el("button", { cls: "button wide", text: S.privacy_reason[reason], attrs: { type: "button", "data-reason": reason } })),
            el("p", { cls: "hint", text: S.send_anyway_note }),
          ]),
        ]),
        el("p", { cls: "hint changed-note", text: S.changed_recheck, attrs: { hidden: "" } }),
      ]),
    );
    warning.hidden = false;
    refresh();
    warning.querySelector("h3").focus();
  }
  function send(reason = "") {
    const sent = values();
    const confirmed = Boolean(reason);
    const args = confirmed ? { ...sent, privacy_reason: reason } : sent;
    const editing = draft.case;
    const request = editing ? socket.send("practice.edit", { case: editing, ...args }) : socket.send("practice.submit", args);
    return request.then(
      () => {
        if (CASE_FIELDS.every((name) => fields[name].value === sent[name])) reset();
        status.textContent = editing ? S.case_saved : S.case_sent;
        // The personal-data refusal this answers is settled: its banner should not linger.
        const banner = document.getElementById("live-error");
        if (banner && confirmed) banner.hidden = true;
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
    const reason = event.target.closest("button[data-reason]");
    if (reason) send(reason.dataset.reason).catch(() => {});
  });
  cancel.addEventListener("click", () => {
    reset();
    status.textContent = "";
  });
  onOwnItems(mine, () => own, {
    removeAction: "withdraw",
    confirmText: (item) => fmt(S.confirm_withdraw, { title: item.title }),
    remove: (id) => socket.send("practice.withdraw", { case: id }),
    edit(item) {
      clearFindings();
      Object.assign(draft, { case: item.id, title: item.title, situation: item.situation, question: item.question });
      for (const name of CASE_FIELDS) fields[name].value = item[name];
      keep();
      refresh();
      form.scrollIntoView({ block: "start" });
      fields.title.focus();
    },
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
      renderOnce(reminder, practice.reminder, () => [privacyReminder(practice)]);
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
                item.quarantined ? flagLine(S.quarantined) : item.privacy_confirmed ? el("p", { cls: "meta", text: S.you_confirmed }) : "",
                item.picked ? el("p", { cls: "meta", text: S.picked_locked }) : locked ? "" : ownItemActions(item.id, { name: item.title, removeText: S.withdraw, removeAction: "withdraw" }),
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

function redactCases(container, socket) {
  const reminder = el("p", { cls: "hint" });
  const count = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const list = el("div", { cls: "case-cards" });
  container.append(reminder, count, list);
  const editing = new Set();
  const drafts = fieldDrafts(list);
  let state = null;

  onAction(list, { redact: (id) => toggleEditing(editing, id, draw, list, `#f-title-${id}`) });
  list.addEventListener("submit", (event) => {
    event.preventDefault();
    const id = Number(event.target.dataset.id);
    const keys = [...CASE_FIELDS, "note"].map((name) => `${name}-${id}`);
    const [title, situation, question, note] = keys.map((key) => list.querySelector(`#f-${key}`).value);
    socket
      .send("practice.redact", { case: id, title, situation, question, note })
      .then(() => closeEditing(editing, id, draw, drafts, keys))
      .catch(() => {});
  });

  function draw(force = false) {
    if (force) forget(list);
    const practice = state.practice;
    const kinds = practice.kinds || {};
    renderOnce(list, [practice.cases, [...editing], kinds], () =>
      practice.cases.length
        ? practice.cases.map((item) => {
            const open = editing.has(item.id);
            const flags = [...new Set(item.flags)].map((kind) => kinds[kind] || kind);
            return el("article", { cls: `case-card${flags.length ? " flagged" : ""}`, attrs: { "aria-labelledby": `case-${item.id}-title` } }, [
              el("h2", { cls: "case-card-title", attrs: { id: `case-${item.id}-title` } }, [
                el("span", { text: item.title }),
                item.picked ? el("span", { cls: "badge badge-accepted", text: S.picked }) : "",
                item.redacted_at ? el("span", { cls: "badge", text: S.redacted }) : "",
              ]),
              el("p", { cls: "meta", text: fmt(S.by_author, { name: item.author, layer: item.author_layer }) }),
              flags.length ? flagLine(fmt(S.flags_found, { kinds: flags.join(", ") })) : "",
              item.quarantined ? flagLine(S.quarantine_console) : "",
              item.redacted_at ? el("p", { cls: "meta", text: item.redaction_note ? fmt(S.redaction_note_shown, { note: item.redaction_note }) : S.redacted }) : "",
              el("p", { cls: "case-card-question" }, [el("strong", { text: `${strings.case_part.question}: ` }), el("span", { cls: "pre-line", text: item.question })]),
              situationFold(item.situation),
              el("button", { cls: "button small", text: S.redact, attrs: { type: "button", "data-action": "redact", "data-id": item.id, "aria-expanded": String(open), "data-focus": `redact-${item.id}` } }),
              open
                ? el("form", { cls: "rephrase-form redact-form", attrs: { "data-id": item.id } }, [
                    el("p", { cls: "hint", text: S.redact_help }),
                    textField(`title-${item.id}`, S.case_field.title, drafts.get(`title-${item.id}`, item.title), { maxlength: practice.limits.title }),
                    textField(`situation-${item.id}`, S.case_field.situation, drafts.get(`situation-${item.id}`, item.situation), { multiline: true, rows: 6, maxlength: practice.limits.situation }),
                    textField(`question-${item.id}`, S.case_field.question, drafts.get(`question-${item.id}`, item.question), { multiline: true, maxlength: practice.limits.question }),
                    textField(`note-${item.id}`, S.redaction_note, drafts.get(`note-${item.id}`, ""), { maxlength: limits.redaction_note }),
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

const projectCases = snapshotView(
  (state) => state.practice,
  (state) => [
    el("div", { cls: "privacy-reminder big" }, [privacyReminder(state.practice)]),
    el("p", { cls: "big-count" }, [el("strong", { text: String(state.practice.count || 0) }), el("span", { text: ` ${plural(S.cases_sent_word, state.practice.count || 0)}` })]),
  ],
  "s2-wide s3",
);

// --- picking cases ------------------------------------------------------------------------

function dotCases(container, socket) {
  const left = el("p", { cls: "dots-left", attrs: { "aria-live": "polite" } });
  const note = el("p", { cls: "hint" });
  const list = el("ul", { cls: "pick-list" });
  container.append(left, note, list);
  onDots(list, (id, dots) => socket.send("practice.dots", { case: id, dots }));
  return {
    update(state, me) {
      const practice = state.practice;
      const mine = (me && me.case_dots) || {};
      const spent = spentDots(mine);
      const total = practice.dots_per_participant;
      const locked = state.phase.locked;
      left.textContent = dotsLeft(spent, total);
      note.textContent = practice.picked_any ? S.picked_note : S.dots_hint;
      const cases = practice.picked_any ? pickedFirst(practice.cases) : practice.cases;
      renderOnce(list, [cases, mine, locked, total], () =>
        cases.length
          ? cases.map((item) => {
              const count = mine[String(item.id)] || 0;
              return el("li", { cls: `pick-item${item.picked ? " picked" : ""}${count ? " dotted" : ""}` }, [
                el("h2", { cls: "pick-title", attrs: { id: `pick-${item.id}` } }, [
                  el("span", { text: item.title }),
                  item.picked ? el("span", { cls: "badge badge-accepted", text: fmt(S.picked_n, { n: item.order }) }) : "",
                ]),
                el("p", { cls: "pick-question", text: item.question }),
                situationFold(item.situation),
                el("div", { cls: "pick-footer" }, [
                  item.dots !== null ? el("span", { cls: "meta", text: dotsText(item.dots) }) : el("span"),
                  dotStepper(item.id, { name: shortName(item.title), count, full: spent >= total, locked, group: { "aria-labelledby": `pick-${item.id}` } }),
                ]),
              ]);
            })
          : [el("li", { cls: "waiting", text: S.no_cases })],
      );
    },
  };
}

function pickCases(container, socket) {
  const controls = el("div", { cls: "controls pick-controls" });
  const save = el("button", { cls: "button primary", attrs: { type: "button", id: "pick-save" } });
  const reset = el("button", { cls: "button", text: S.pick_reset, attrs: { type: "button" } });
  const status = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  controls.append(save, reset, status);
  const list = el("ol", { cls: "pick-board" });
  container.append(el("p", { cls: "hint", text: S.pick_help }), controls, list);
  let state = null;
  let order = null; // the facilitator's choice in progress; null follows the saved pick

  const saved = () =>
    state.practice.cases
      .filter((c) => c.picked)
      .sort((a, b) => a.order - b.order)
      .map((c) => c.id);
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
                el("h2", { cls: "pick-title", attrs: { id: `pick-${item.id}` } }, [el("span", { text: item.title }), item.quarantined ? el("span", { cls: "badge badge-warn", text: S.quarantine_badge }) : item.privacy_confirmed ? el("span", { cls: "badge badge-warn", text: S.confirmed_badge }) : ""]),
                el("p", { cls: "meta", text: `${item.question} — ${fmt(S.by, { name: item.author })}` }),
              ]),
              el("button", {
                cls: "button toggle pick-toggle",
                text: position ? fmt(S.picked_n, { n: position }) : S.pick,
                attrs: { type: "button", "aria-pressed": String(Boolean(position)), "data-case": item.id, "data-focus": `pick-${item.id}`, "aria-describedby": `pick-${item.id}`, ...(item.quarantined ? { disabled: "" } : {}) },
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

function caseTile(item) {
  return el("li", { cls: `case-tile${item.picked ? " picked" : ""}` }, [
    el("h3", { cls: "case-tile-title" }, [item.picked ? el("span", { cls: "tile-order", text: fmt(S.picked_n, { n: item.order }) }) : "", el("span", { text: item.title })]),
    el("p", { cls: "case-tile-question", text: item.question }),
    item.dots !== null ? el("p", { cls: "meta", text: dotsText(item.dots) }) : "",
  ]);
}

const projectPick = snapshotView(
  (state) => state.practice,
  (state) => {
    const practice = state.practice;
    if (!practice.cases.length) return [el("p", { cls: "waiting big", text: S.no_cases })];
    if (!practice.picked_any) {
      return [el("p", { cls: "hint", text: fmt(S.dot_on_phone, { n: practice.dots_per_participant }) }), el("ol", { cls: "case-tiles" }, practice.cases.map(caseTile))];
    }
    const [picked, rest] = [practice.cases.filter((c) => c.picked), practice.cases.filter((c) => !c.picked)];
    return [
      el("h2", { text: S.picked_heading }),
      el("ol", { cls: "case-tiles picked-tiles" }, pickedFirst(picked).map(caseTile)),
      rest.length ? el("p", { cls: "meta rest-cases", text: `${S.not_picked}: ${rest.map((c) => `${c.title} (${dotsText(c.dots)})`).join(" · ")}` }) : "",
    ];
  },
  "s2-wide s3",
);

// --- judging ------------------------------------------------------------------------------

function judge(container, socket) {
  const head = el("div", { cls: "judge-head" });
  const progress = el("p", { cls: "vote-progress", attrs: { "aria-live": "polite" } });
  const list = el("ol", { cls: "judge-list" });
  const cards = oneAtATime(list);
  container.append(head, progress, cards.nav, list);
  const opened = new Set(); // comment fields unfolded by hand (a saved or typed comment shows anyway)
  let table = null;
  let mine = {};
  let requirements = [];
  let last = null; // the latest [state, me], to redraw after a local change

  // What is typed is kept per case and requirement: the case on the table can change.
  const keyOf = (requirement) => `${table ? table.id : 0}-${requirement}`;
  const comments = choiceComments(list, {
    attr: "requirement",
    choiceAttr: "verdict",
    keyOf,
    current: (id) => (table && mine[id] ? { choice: mine[id].verdict, comment: mine[id].comment } : null),
    send: gated((id, verdict, comment, privacy_reason) => socket.send("judgement.set", { case: table.id, requirement: Number(id), verdict, comment, privacy_reason })),
    actions: {
      "open-comment"(id) {
        opened.add(keyOf(id));
        draw(...last);
        const area = list.querySelector(`#judge-comment-${id}`);
        if (area) area.focus();
      },
    },
  });
  function draw(state, me) {
    const judging = state.judging;
    table = judging.table;
    const locked = state.phase.locked;
    mine = (table && me && me.judgements && me.judgements[String(table.id)]) || {};
    renderOnce(head, [table, judging.picked.length], () =>
      table ? [practiceCase(table, { foldSituation: true, eyebrow: fmt(S.case_n_of, { n: table.order, total: judging.picked.length }) })] : [el("p", { cls: "waiting", text: S.no_table })],
    );
    requirements = table ? judging.requirements : [];
    const done = requirements.filter((r) => mine[String(r.id)]).length;
    progress.textContent = table ? (requirements.length ? `${fmt(S.judged_progress, { n: done, total: requirements.length })} · ${strings.take_back_hint}` : S.no_requirements) : "";
    renderOnce(list, [table && table.id, requirements, mine, locked, judging.labels, [...opened]], () =>
      requirements.map((r) => {
        const current = mine[String(r.id)];
        const comment = comments.comment(r.id, current ? current.comment : "");
        const showComment = current && (comment || current.comment || opened.has(keyOf(r.id)));
        return el("li", { cls: `judge-item${current ? " judged" : ""}` }, [
          el("p", { cls: "judge-text", text: r.text, attrs: { id: `judge-req-${r.id}` } }),
          el(
            "div",
            { cls: "verdict-buttons", attrs: { role: "group", "aria-labelledby": `judge-req-${r.id}` } },
            Object.keys(judging.labels).map((verdict) =>
              el(
                "button",
                {
                  cls: `button verdict verdict-${verdict}`,
                  attrs: { type: "button", "aria-pressed": String(Boolean(current && current.verdict === verdict)), "data-requirement": r.id, "data-verdict": verdict, "data-focus": `${verdict}-${r.id}`, ...disabledIf(locked) },
                },
                [mark(verdict), el("span", { text: judging.labels[verdict] })],
              ),
            ),
          ),
          current && !showComment
            ? el("button", { cls: "button small add-comment", text: `+ ${S.add_comment}`, attrs: { type: "button", "data-requirement": r.id, "data-action": "open-comment", "data-focus": `open-${r.id}`, "aria-expanded": "false", ...disabledIf(locked) } })
            : "",
          showComment
            ? commentField({ id: `judge-comment-${r.id}`, key: r.id, label: strings.comment_label, value: comment, saved: current.comment || "", maxlength: judging.comment_max, locked, data: { "data-requirement": r.id } })
            : "",
        ]);
      }),
    );
    cards.show();
  }
  return {
    update(state, me) {
      last = [state, me];
      draw(state, me);
    },
    leave: () => comments.leave(requirements.map((r) => String(r.id))),
  };
}

// The grids of the picked cases with their conclusions, and adjusting the requirements.
function followJudging(container, socket) {
  const cases = el("div", { cls: "judge-cases" });
  const adjustList = el("div");
  const addText = field("textarea", { id: "adjust-text", rows: "2", maxlength: String(limits.requirement) });
  const addReason = field("input", { id: "adjust-reason", type: "text", maxlength: String(limits.reason) });
  const addReasonLabel = el("label", { attrs: { for: "adjust-reason" } });
  const addCase = el("select", { attrs: { id: "adjust-case" } });
  const addForm = el("form", { cls: "adjust-add", attrs: { "aria-labelledby": "adjust-add-heading" } }, [
    el("h3", { text: strings.add_requirement, attrs: { id: "adjust-add-heading" } }),
    el("div", { cls: "field" }, [el("label", { text: strings.requirement_text, attrs: { for: "adjust-text" } }), addText]),
    el("div", { cls: "field" }, [addReasonLabel, addReason]),
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
  // Whether adjusting needs a reason is the server's rule (judging.reason_required).
  const reasonLabel = () => (state.judging.reason_required ? strings.reason_required : strings.reason_optional);

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
  onAction(cases, {
    table: (id) => socket.send("practice.table", { case: id }).catch(() => {}),
    conclude(id) {
      const grid = state.judging.grids.find((g) => g.case === id);
      const text = drafts.get(`conclusion-${id}`, grid ? grid.conclusion : "");
      socket
        .send("practice.conclude", { case: id, text })
        .then(() => drafts.clear(`conclusion-${id}`))
        .catch(() => {});
    },
  });
  cases.addEventListener("input", (event) => {
    const area = event.target.closest("textarea[data-conclusion]");
    if (!area) return;
    const grid = state.judging.grids.find((g) => g.case === Number(area.dataset.conclusion));
    area.closest(".conclusion").querySelector(".save-status").textContent = grid && area.value !== grid.conclusion ? strings.not_saved : "";
  });
  onAction(adjustList, { edit: (id) => toggleEditing(editing, id, drawAdjust, adjustList, `#f-text-${id}`) });
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
    if (force) forget(adjustList);
    const requirements = state.judging.all_requirements.filter((r) => r.status !== "dropped");
    renderOnce(adjustList, [requirements, [...editing], state.judging.reason_required], () => [
      el(
        "ol",
        { cls: "adjust-list" },
        requirements.map((r) => {
          const editingThis = editing.has(r.id);
          return el("li", { cls: "adjust-item" }, [
            el("p", { cls: "adjust-text" }, [el("span", { text: r.text }), r.status !== "accepted" ? el("span", { cls: `badge badge-${r.status}`, text: strings.requirements.status[r.status] }) : ""]),
            el("button", { cls: "button small", text: strings.rephrase, attrs: { type: "button", "data-action": "edit", "data-id": r.id, "aria-expanded": String(editingThis), "data-focus": `edit-${r.id}` } }),
            editingThis ? rephraseForm(r.id, r.text, adjustDrafts, { reasonLabel: reasonLabel(), rows: 2 }) : "",
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
        const conclusion = drafts.get(`conclusion-${grid.case}`, grid.conclusion);
        const body = [
          ...judgementGrid(grid.grid, j.labels, { caption: fmt(S.grid_caption_case, { title: grid.title }) }),
          el("div", { cls: "field conclusion" }, [
            el("label", { text: S.conclusion_label, attrs: { for: `f-conclusion-${grid.case}` } }),
            field("textarea", { id: `f-conclusion-${grid.case}`, rows: "3", maxlength: String(limits.conclusion), "data-focus": `conclusion-${grid.case}`, "data-conclusion": grid.case }, conclusion),
            el("div", { cls: "comment-actions" }, [
              el("button", { cls: "button small", text: S.save_conclusion, attrs: { type: "button", "data-action": "conclude", "data-id": grid.case, "data-focus": `conclude-${grid.case}` } }),
              el("span", { cls: "meta save-status", text: conclusion !== grid.conclusion ? strings.not_saved : grid.conclusion ? strings.saved : "", attrs: { "aria-live": "polite" } }),
            ]),
          ]),
        ];
        return el("section", { cls: `judge-case-panel${onTable ? " on-table" : ""}`, attrs: { "aria-labelledby": `judge-case-${grid.case}` } }, [
          el("div", { cls: "judge-case-head" }, [
            el("h2", { attrs: { id: `judge-case-${grid.case}` } }, [el("span", { cls: "row-rank", text: `${pick.order || ""}.` }), el("span", { text: grid.title })]),
            onTable
              ? el("span", { cls: "badge badge-table", text: `▶ ${S.on_table}` })
              : el("button", { cls: "button small", text: S.put_on_table, attrs: { type: "button", "data-action": "table", "data-id": grid.case, "data-focus": `table-${grid.case}` } }),
            el("span", { cls: "meta", text: fmt(S.judges_count, { n: judgesOf(grid.grid) }) }),
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
      addReasonLabel.textContent = reasonLabel();
      const picked = state.judging.picked;
      const value = addCase.value;
      renderOnce(addCase, picked, () => [el("option", { text: S.no_case_option, attrs: { value: "" } }), ...picked.map((p) => el("option", { text: `${p.order}. ${p.title}`, attrs: { value: String(p.id) } }))]);
      addCase.value = picked.some((p) => String(p.id) === value) ? value : "";
      draw();
      drawAdjust();
    },
  };
}

const projectJudging = snapshotView(
  (state) => state.judging,
  (state) => {
    const j = state.judging;
    if (!j.table) return [el("p", { cls: "waiting big", text: S.no_table })];
    return [
      el("div", { cls: "table-case" }, [
        el("p", { cls: "eyebrow", text: fmt(S.case_n_of, { n: j.table.order, total: j.picked.length }) }),
        el("h2", { cls: "case-title", text: j.table.title }),
        el("p", { cls: "case-tile-question", text: j.table.question }),
      ]),
      ...judgementGrid(j.grid, j.labels, { caption: `${S.grid_caption} · ${fmt(S.judges_count, { n: judgesOf(j.grid) })}` }),
    ];
  },
  "s2-wide s3",
);

export const views = {
  "own-cases": { phone: bringCase, console: redactCases, screen: projectCases },
  "case-pick": { phone: dotCases, console: pickCases, screen: projectPick },
  judge: { phone: judge, console: followJudging, screen: projectJudging },
};
