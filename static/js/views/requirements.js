// The requirements (Stap 2, sessions/concepts/requirements.py): wishes merged into candidate
// requirements, voting as oneself (MoSCoW or dots), the vertical-support results and adopting
// the gedeeld programma van eisen. The phone sees the candidates, votes, and reads the ranking
// and the adopted programme; the console merges, sets up and reveals the vote, reads the grid,
// decides on each requirement and adopts; the projector shows the candidates with the roles
// that asked for them, the voting progress and the grid once the results are shown. The
// server computes the ranking, the priorities and the vertical-support marks; this only shows them.
import { el, fmt, limits, strings } from "../ui.js";
import {
  addForm,
  closeEditing,
  disabledIf,
  locale,
  dotStepper,
  dotsLeft,
  dotsText,
  fieldDrafts,
  flagLine,
  forget,
  onAction,
  onDots,
  onRephrase,
  oneAtATime,
  rephraseForm,
  renderOnce,
  shortName,
  snapshotView,
  spentDots,
  textField,
  toggle,
  toggleEditing,
} from "../widgets.js";

const S = strings.requirements;
// must, should, could, wont: in the string table's order (the server's).
const MOSCOW = Object.keys(S.moscow);

const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const percent = (share) => `${Math.round(share * 100)}%`;

// --- pieces -------------------------------------------------------------------------------

function candidateList(requirements) {
  if (!requirements.length) return el("p", { cls: "meta", text: S.no_candidates });
  return el(
    "ol",
    { cls: "candidate-list" },
    requirements.map((r) =>
      el("li", { cls: `candidate status-${r.status}` }, [
        el("p", { cls: "candidate-text", text: r.text }),
        el("p", { cls: "meta", text: askedBy(r) }),
      ]),
    ),
  );
}

const askedBy = (r) => (r.roles.length ? fmt(S.asked_by, { roles: r.roles.join(", ") }) : S.asked_by_none);
const statusBadge = (item) => el("span", { cls: `badge badge-${item.status}`, text: S.status[item.status] });

function priorityText(item) {
  if (item.method === "moscow") {
    if (!item.totals.votes) return S.no_votes;
    const label = item.priority ? S.moscow[item.priority] : "";
    return `${label} · ${fmt(S.score, { score: decimal.format(item.totals.score) })} · ${fmt(S.votes_total, { n: item.totals.votes })}`;
  }
  if (!item.totals.dots) return S.no_votes;
  return `${dotsText(item.totals.dots)} · ${fmt(S.layers_with_dots, { n: item.totals.layers })}`;
}

// Priority in the grid: the label (or the dots) first, the figures it rests on below.
function priorityCell(item) {
  if (item.method === "moscow") {
    if (!item.totals.votes) return [el("span", { cls: "cell-n", text: S.no_votes })];
    return [
      el("strong", { cls: "priority-label", text: item.priority ? S.moscow[item.priority] : "–" }),
      el("span", { cls: "cell-n", text: fmt(S.score, { score: decimal.format(item.totals.score) }) }),
      el("span", { cls: "cell-n", text: fmt(S.votes_total, { n: item.totals.votes }) }),
    ];
  }
  if (!item.totals.dots) return [el("span", { cls: "cell-n", text: S.no_votes })];
  return [el("strong", { cls: "priority-label", text: dotsText(item.totals.dots) }), el("span", { cls: "cell-n", text: fmt(S.layers_with_dots, { n: item.totals.layers }) })];
}

// "Look at: Uitvoering (veto: mostly Niet nu), …" from the server's marks per column.
function flagText(results, item) {
  const labels = Object.fromEntries(results.columns.map((c) => [c.key, c.label]));
  const marked = item.grid.filter((cell) => cell.mark_text);
  return fmt(S.flag, { columns: marked.map((cell) => `${labels[cell.column]} (${cell.mark_text})`).join("; ") });
}

function rankingList(results, { withStatus = true } = {}) {
  if (!results.items.length) return el("p", { cls: "meta", text: S.no_requirements });
  return el(
    "ol",
    { cls: "ranking" },
    results.items.map((item) =>
      el("li", { cls: `ranked status-${item.status}` }, [
        el("span", { cls: "rank", text: item.rank ? String(item.rank) : "–", attrs: { "aria-hidden": "true" } }),
        el("div", { cls: "ranked-body" }, [
          el("p", { cls: "ranked-text" }, [
            el("span", { cls: "visually-hidden", text: item.rank ? `${fmt(S.rank, { n: item.rank })}: ` : "" }),
            el("span", { text: item.text }),
            withStatus && item.status !== "candidate" ? statusBadge(item) : "",
          ]),
          el("p", { cls: "meta", text: priorityText(item) }),
          item.flagged ? flagLine(flagText(results, item)) : "",
        ]),
      ]),
    ),
  );
}

function adoptedList(adopted) {
  if (!adopted || !adopted.version) return [el("p", { cls: "waiting", text: S.adopt_pending })];
  return [
    el("h2", { cls: "adopted-title", text: fmt(S.adopted_title, { n: adopted.version }) }),
    el("ol", { cls: "adopted-list" }, adopted.requirements.map((text) => el("li", { text }))),
  ];
}

// The requirements × layers grid: a real table. A MoSCoW cell writes out its four counts
// (Moet · Zou moeten · Zou kunnen · Niet nu) over a stacked bar, a dots cell its dots; both
// with the column's support, and a symbol for the server's marks (▲ ▼ differs, ✖ veto), so
// nothing rests on colour. Columns are the server's: layers, merged where a layer is small.
function supportGrid(results, { id = "support-grid" } = {}) {
  const columns = results.columns;
  const items = results.items;
  if (!items.length) return [el("p", { cls: "meta", text: S.no_requirements })];
  const moscow = items[0].method === "moscow";
  const helpId = `${id}-help`;
  const cell = (row) => {
    if (row.support === null || row.support === undefined) {
      return el("td", { cls: "cell-none" }, [el("span", { text: "–", attrs: { "aria-hidden": "true" } }), el("span", { cls: "visually-hidden", text: S.did_not_vote })]);
    }
    const mark = row.mark;
    const spoken = moscow ? MOSCOW.map((choice) => `${S.moscow[choice]} ${row.counts[choice]}`).join(", ") : dotsText(row.dots);
    return el("td", { cls: `cell${row.apart === "more" ? " cell-want" : ""}${row.apart === "less" || row.veto ? " cell-reject" : ""}` }, [
      moscow
        ? el("span", { cls: "cell-counts", attrs: { "aria-hidden": "true" } }, MOSCOW.map((choice) => el("span", { cls: `count-${choice}`, text: String(row.counts[choice]) })))
        : el("span", { cls: "cell-counts", text: String(row.dots), attrs: { "aria-hidden": "true" } }),
      el("span", { cls: "visually-hidden", text: spoken }),
      moscow
        ? el("span", { cls: "cell-stack", attrs: { "aria-hidden": "true" } }, MOSCOW.map((choice) => el("span", { cls: `stack-${choice}`, attrs: { style: `width:${percent(row.counts[choice] / row.votes)}` } })))
        : "",
      el("span", { cls: "cell-top" }, [
        el("span", { cls: "cell-pct", text: row.enough ? fmt(S.draagvlak, { pct: percent(row.support) }) : S.too_few_votes }),
        mark ? el("span", { cls: "cell-mark", text: mark, attrs: { "aria-hidden": "true" } }) : "",
        mark ? el("span", { cls: "visually-hidden", text: row.mark_text }) : "",
      ]),
    ]);
  };
  const table = el("table", { cls: "table support-grid", attrs: { id, "aria-describedby": helpId } }, [
    el("caption", { text: S.grid_caption }),
    el("thead", {}, [
      el("tr", {}, [
        el("th", { text: S.col_requirement, attrs: { scope: "col" } }),
        el("th", { text: S.col_priority, attrs: { scope: "col" } }),
        el("th", { text: S.col_draagvlak, attrs: { scope: "col" } }),
        ...columns.map((column) => el("th", { text: column.label, attrs: { scope: "col" } })),
      ]),
    ]),
    el(
      "tbody",
      {},
      items.map((item) =>
        el("tr", { cls: `status-${item.status}${item.flagged ? " flagged" : ""}` }, [
          el("th", { attrs: { scope: "row" } }, [
            el("span", { cls: "row-rank", text: item.rank ? `${item.rank}.` : "–" }),
            el("span", { cls: "row-text", text: item.text }),
            item.status !== "candidate" ? statusBadge(item) : "",
            item.flagged ? el("span", { cls: "row-flag" }, [el("span", { text: "⚠", attrs: { "aria-hidden": "true" } }), el("span", { text: flagText(results, item) })]) : "",
          ]),
          el("td", { cls: "cell-priority" }, priorityCell(item)),
          el("td", { cls: "cell-draagvlak" }, [el("strong", { text: item.draagvlak === null ? "–" : percent(item.draagvlak) })]),
          ...columns.map((column) => cell(item.grid.find((g) => g.column === column.key) || {})),
        ]),
      ),
    ),
  ]);
  const merged = columns.some((column) => column.layers.length > 1);
  return [
    el("div", { cls: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": S.grid_caption } }, [table]),
    el("p", { cls: "hint grid-help", attrs: { id: helpId } }, [
      el("span", { text: `${moscow ? S.grid_help_moscow : S.grid_help_dots} ` }),
      columns.length === 1 && columns[0].too_few ? el("span", { text: `${S.too_few_columns} ` }) : merged ? el("span", { cls: "grid-rule", text: `${results.grouping} ` }) : "",
      el("span", { cls: "legend", text: `▲ ▼ ${S.legend_apart} · ✖ ${S.legend_veto}. ` }),
      el("span", { cls: "grid-rule", text: `⚠ ${results.rule}` }),
    ]),
  ];
}

// The grid once the results are there.
const gridView = (cls) => snapshotView((state) => state.results, (state) => (state.results ? supportGrid(state.results) : []), cls);

// --- merging ------------------------------------------------------------------------------

const candidates = (cls) => snapshotView((state) => state.requirements, (state) => [el("h2", { text: S.candidates }), candidateList(state.requirements)], cls);

function merge(container, socket) {
  const wishesBox = el("div", { cls: "wish-picker" });
  const mergeText = el("textarea", { attrs: { id: "merge-text", rows: "2", maxlength: String(limits.requirement) } });
  const ticked = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const mergeButton = el("button", { cls: "button primary", text: S.merge, attrs: { type: "submit", id: "merge-button" } });
  const mergeForm = el("form", { cls: "merge-form" }, [el("div", { cls: "field" }, [el("label", { text: S.candidate_text, attrs: { for: "merge-text" } }), mergeText]), ticked, mergeButton]);
  const list = el("div", { cls: "candidates" });
  const add = addForm("add-requirement", S.add_requirement, limits.requirement, (text) => socket.send("requirement.add", { text }));
  container.append(
    el("div", { cls: "merge-board" }, [
      el("section", { cls: "merge-wishes", attrs: { "aria-labelledby": "packages-heading" } }, [
        el("h2", { text: strings.roleplay.packages, attrs: { id: "packages-heading" } }),
        el("p", { cls: "hint", text: S.merge_help }),
        wishesBox,
        mergeForm,
      ]),
      el("section", { cls: "merge-candidates", attrs: { "aria-labelledby": "candidates-heading" } }, [el("h2", { text: S.candidates, attrs: { id: "candidates-heading" } }), list, add]),
    ]),
  );
  const selected = new Set();
  const editing = new Set();
  const drafts = fieldDrafts(list);
  let state = null;
  const wishText = new Map();

  function refreshTicked() {
    ticked.textContent = fmt(S.ticked, { n: selected.size });
    mergeButton.disabled = selected.size === 0;
  }
  wishesBox.addEventListener("change", (event) => {
    const box = event.target.closest("input[data-wish]");
    if (!box) return;
    const id = Number(box.dataset.wish);
    if (box.checked) {
      selected.add(id);
      if (!mergeText.value.trim()) mergeText.value = wishText.get(id) || "";
    } else selected.delete(id);
    refreshTicked();
  });
  mergeForm.addEventListener("submit", (event) => {
    event.preventDefault();
    socket
      .send("requirement.merge", { wishes: [...selected], text: mergeText.value })
      .then(() => {
        selected.clear();
        mergeText.value = "";
        refreshTicked();
        draw(true);
      })
      .catch(() => mergeText.focus());
  });
  onAction(list, {
    unmerge: (id) => socket.send("wish.unmerge", { wish: id }).catch(() => {}),
    edit: (id) => toggleEditing(editing, id, draw, list, `#f-text-${id}`),
  });
  onRephrase(list, editing, draw, drafts, (requirement, text, reason) => socket.send("requirement.rephrase", { requirement, text, reason }));

  function draw(force = false) {
    if (force) {
      forget(wishesBox);
      forget(list);
    }
    const requirementText = new Map(state.requirements.map((r) => [r.id, r.text]));
    wishText.clear();
    for (const pack of state.packages) for (const w of pack.wishes) wishText.set(w.id, w.text);
    for (const id of [...selected]) if (!wishText.has(id)) selected.delete(id);
    refreshTicked();
    renderOnce(wishesBox, [state.packages, state.requirements.map((r) => [r.id, r.text])], () =>
      state.packages.length
        ? state.packages.map((pack) =>
            el("fieldset", { cls: "package" }, [
              el("legend", { text: `${pack.role_label} (${pack.wishes.length})` }),
              ...pack.wishes.map((w) => {
                const box = el("input", { attrs: { type: "checkbox", id: `wish-${w.id}`, "data-wish": w.id, "data-focus": `wish-${w.id}` } });
                box.checked = selected.has(w.id);
                return el("label", { cls: `choice wish-choice${w.requirement ? " merged" : ""}`, attrs: { for: `wish-${w.id}` } }, [
                  box,
                  el("span", { cls: "wish-choice-text" }, [
                    el("span", { text: w.text }),
                    el("span", { cls: "meta", text: w.requirement ? fmt(S.merged_into, { text: requirementText.get(w.requirement) || "" }) : S.unmerged }),
                  ]),
                ]);
              }),
            ]),
          )
        : [el("p", { cls: "meta", text: strings.roleplay.no_wishes })],
    );
    renderOnce(list, [state.requirements, state.packages, [...editing]], () => {
      if (!state.requirements.length) return [el("p", { cls: "meta", text: S.no_candidates })];
      const sources = new Map();
      for (const pack of state.packages) {
        for (const w of pack.wishes) {
          if (!w.requirement) continue;
          if (!sources.has(w.requirement)) sources.set(w.requirement, []);
          sources.get(w.requirement).push({ ...w, role_label: pack.role_label });
        }
      }
      return [
        el(
          "ol",
          { cls: "candidate-list" },
          state.requirements.map((r) => {
            const open = editing.has(r.id);
            return el("li", { cls: `candidate status-${r.status}` }, [
              el("p", { cls: "candidate-text" }, [el("span", { text: r.text }), r.status !== "candidate" ? statusBadge(r) : ""]),
              el("p", { cls: "meta", text: askedBy(r) }),
              el("p", { cls: "meta", text: fmt(S.sources, { n: r.sources || 0 }) }),
              el(
                "ul",
                { cls: "source-list" },
                (sources.get(r.id) || []).map((w) =>
                  el("li", {}, [
                    el("span", { text: `${w.text} — ${w.role_label}` }),
                    el("button", { cls: "button small", text: S.unmerge, attrs: { type: "button", "data-action": "unmerge", "data-id": w.id, "data-focus": `unmerge-${w.id}`, "aria-label": fmt(S.unmerge_label, { text: w.text }) } }),
                  ]),
                ),
              ),
              el("button", { cls: "button small", text: strings.rephrase, attrs: { type: "button", "data-action": "edit", "data-id": r.id, "aria-expanded": String(open), "data-focus": `edit-${r.id}` } }),
              open ? rephraseForm(r.id, r.text, drafts, { reasonLabel: strings.reason_optional }) : "",
            ]);
          }),
        ),
      ];
    });
  }

  return {
    update(next) {
      state = next;
      draw();
    },
  };
}

// --- voting -------------------------------------------------------------------------------

function vote(container, socket) {
  const intro = el("p", { cls: "hint" });
  const progress = el("p", { cls: "vote-progress", attrs: { "aria-live": "polite" } });
  const list = el("ol", { cls: "vote-list" });
  const cards = oneAtATime(list);
  const results = el("div", { cls: "phone-results" });
  container.append(intro, progress, cards.nav, list, results);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-choice]");
    if (!button || button.disabled) return;
    const choice = button.getAttribute("aria-pressed") === "true" ? "" : button.dataset.choice;
    socket.send("vote.moscow", { requirement: Number(button.dataset.requirement), choice }).catch(() => {});
  });
  onDots(list, (requirement, dots) => socket.send("vote.dots", { requirement, dots }));
  return {
    update(state, me) {
      const voting = state.voting;
      const votes = (me && me.votes) || {};
      const locked = state.phase.locked;
      const requirements = voting.requirements;
      const spent = voting.method === "moscow" ? 0 : spentDots(votes);
      intro.textContent = me ? fmt(S.vote_as_yourself, { layer: me.layer }) : "";
      if (!requirements.length) progress.textContent = S.no_requirements;
      else if (voting.method === "moscow") {
        const done = requirements.filter((r) => votes[String(r.id)]).length;
        progress.textContent = `${fmt(S.voted_progress, { n: done, total: requirements.length })} · ${strings.take_back_hint}`;
      } else progress.textContent = dotsLeft(spent, voting.dots);
      renderOnce(list, [voting.method, voting.dots, requirements, votes, locked], () =>
        requirements.map((r) => {
          const mine = votes[String(r.id)];
          const body = [el("p", { cls: "vote-text", text: r.text, attrs: { id: `req-${r.id}` } })];
          if (voting.method === "moscow") {
            body.push(
              el(
                "div",
                { cls: "moscow-buttons", attrs: { role: "group", "aria-labelledby": `req-${r.id}` } },
                MOSCOW.map((choice) =>
                  el("button", {
                    cls: `button moscow moscow-${choice}`,
                    text: S.moscow[choice],
                    attrs: { type: "button", "aria-pressed": String(mine === choice), "data-requirement": r.id, "data-choice": choice, "data-focus": `${choice}-${r.id}`, ...disabledIf(locked) },
                  }),
                ),
              ),
            );
          } else {
            body.push(dotStepper(r.id, { name: shortName(r.text), count: Number(mine || 0), full: spent >= voting.dots, locked, group: { "aria-labelledby": `req-${r.id}` } }));
          }
          return el("li", { cls: `vote-item${mine ? " voted" : ""}` }, body);
        }),
      );
      cards.show();
      renderOnce(results, state.results, () => (state.results ? [el("h2", { text: S.ranking }), rankingList(state.results, { withStatus: false })] : []));
    },
  };
}

function runVote(container, socket) {
  const controls = el("div", { cls: "controls vote-controls" });
  const voters = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const grid = el("div");
  container.append(controls, voters, grid);
  let state = null;
  controls.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button || button.disabled) return;
    if (button.dataset.method) socket.send("vote.method", { method: button.dataset.method }).catch(() => {});
    if (button.id === "reveal-votes") socket.send("votes.reveal", { revealed: !state.voting.revealed }).catch(() => {});
  });
  return {
    update(next) {
      state = next;
      const v = state.voting;
      const fixed = v.voters > 0;
      renderOnce(controls, [v.method, v.dots, v.revealed, fixed], () => [
        el("div", { cls: "method-group", attrs: { role: "group", "aria-labelledby": "method-label" } }, [
          el("span", { cls: "group-label", text: S.method, attrs: { id: "method-label" } }),
          // Once votes exist the method is fixed: the other one is disabled, the chosen one
          // stays readable (a disabled pressed button would look faded).
          toggle(S.method_moscow, v.method === "moscow", { "data-method": "moscow", "data-focus": "method-moscow", ...disabledIf(fixed && v.method !== "moscow") }),
          toggle(fmt(S.method_dots, { n: v.dots }), v.method === "dots", { "data-method": "dots", "data-focus": "method-dots", ...disabledIf(fixed && v.method !== "dots") }),
          fixed ? el("span", { cls: "meta", text: S.method_fixed }) : "",
        ]),
        toggle(S.votes_visible, v.revealed, { id: "reveal-votes", "data-focus": "reveal-votes" }),
      ]);
      voters.textContent = `${fmt(S.voters, { n: v.voters, total: state.participant_count })} · ${v.revealed ? strings.revealed : strings.hidden_results}`;
      renderOnce(grid, state.results, () => (state.results ? supportGrid(state.results) : []));
    },
  };
}

const projectVote = snapshotView(
  (state) => [state.voting, state.results],
  (state) => (state.results ? supportGrid(state.results) : [el("p", { cls: "waiting", text: S.voting_open }), candidateList(state.voting.requirements)]),
  "s2-wide",
);

// --- results ------------------------------------------------------------------------------

const ranking = snapshotView(
  (state) => state.results,
  ({ results }) => (results ? [el("h2", { text: S.ranking }), rankingList(results), el("p", { cls: "hint", text: results.rule })] : [el("p", { cls: "meta", text: S.results_hidden })]),
);

// --- deciding and adopting ----------------------------------------------------------------

const adopted = snapshotView((state) => state.adopted, (state) => adoptedList(state.adopted), "adopted");

function decide(container, socket) {
  const list = el("div", { cls: "decisions" });
  const adoptButton = el("button", { cls: "button primary", text: S.adopt, attrs: { type: "button", id: "adopt-programme" } });
  const version = el("p", { cls: "meta adopt-status", attrs: { "aria-live": "polite" } });
  const adoptedBox = el("div", { cls: "adopted" });
  container.append(list, el("div", { cls: "controls adopt-controls" }, [adoptButton, version]), adoptedBox);
  const editing = new Set();
  const drafts = fieldDrafts(list);
  let state = null;
  // The order the facilitator first saw: dropping a requirement moves it to the end of the
  // results, but the row under the pointer should not jump away while deciding.
  const seen = [];
  const stable = (items) => {
    for (const item of items) if (!seen.includes(item.id)) seen.push(item.id);
    return items.slice().sort((a, b) => seen.indexOf(a.id) - seen.indexOf(b.id));
  };
  const itemOf = (id) => state.results && state.results.items.find((i) => i.id === id);

  adoptButton.addEventListener("click", () => {
    if (confirm(fmt(S.confirm_adopt, { n: state.adopted.version + 1 }))) socket.send("programme.adopt").catch(() => {});
  });
  onAction(list, {
    edit: (id) => toggleEditing(editing, id, draw, list, `#f-text-${id}`),
    decide(id, button) {
      const item = itemOf(id);
      if (!item) return;
      const args = { requirement: id, decision: button.dataset.decision };
      const text = drafts.get(`text-${id}`, item.text);
      if (editing.has(id) && text.trim() && text.trim() !== item.text) {
        args.text = text;
        args.reason = drafts.get(`reason-${id}`, "");
      }
      socket
        .send("requirement.decide", args)
        .then(() => closeEditing(editing, id, draw, drafts, [`text-${id}`, `reason-${id}`]))
        .catch(() => {});
    },
    note(id) {
      const item = itemOf(id);
      if (!item) return;
      const note = drafts.get(`note-${id}`, item.discussion_note);
      socket
        .send("requirement.note", { requirement: id, note })
        .then(() => drafts.clear(`note-${id}`))
        .catch(() => {});
    },
  });

  function draw(force = false) {
    if (force) forget(list);
    const results = state.results;
    renderOnce(list, [results, [...editing]], () => {
      if (!results || !results.items.length) return [el("p", { cls: "meta", text: S.no_candidates })];
      return [
        el(
          "ol",
          { cls: "decision-list" },
          stable(results.items).map((item) => {
            const open = editing.has(item.id);
            const headingId = `decide-${item.id}`;
            return el("li", { cls: `decision status-${item.status}` }, [
              el("p", { cls: "decision-text", attrs: { id: headingId } }, [el("span", { cls: "row-rank", text: item.rank ? `${item.rank}.` : "–" }), el("span", { text: item.text }), statusBadge(item)]),
              el("p", { cls: "meta", text: priorityText(item) }),
              item.flagged ? flagLine(flagText(results, item)) : "",
              el("div", { cls: "row-actions", attrs: { role: "group", "aria-labelledby": headingId } }, [
                ...[
                  ["accept", S.accept, "accepted"],
                  ["drop", S.drop, "dropped"],
                  ["candidate", S.reopen, "candidate"],
                ].map(([decision, label, status]) =>
                  el("button", {
                    cls: `button small decide-${decision}`,
                    text: label,
                    attrs: { type: "button", "aria-pressed": String(item.status === status), "data-action": "decide", "data-decision": decision, "data-id": item.id, "data-focus": `${decision}-${item.id}` },
                  }),
                ),
                el("button", { cls: "button small", text: strings.rephrase, attrs: { type: "button", "data-action": "edit", "data-id": item.id, "aria-expanded": String(open), "data-focus": `edit-${item.id}` } }),
              ]),
              open
                ? el("div", { cls: "rephrase-form" }, [
                    textField(`text-${item.id}`, S.wording, drafts.get(`text-${item.id}`, item.text), { multiline: true, maxlength: limits.requirement }),
                    textField(`reason-${item.id}`, strings.reason_optional, drafts.get(`reason-${item.id}`, ""), { maxlength: limits.reason }),
                  ])
                : "",
              item.flagged || item.discussion_note
                ? el("div", { cls: "note-field" }, [
                    textField(`note-${item.id}`, S.discussion_note, drafts.get(`note-${item.id}`, item.discussion_note), { multiline: true, maxlength: limits.discussion_note }),
                    el("button", { cls: "button small", text: S.save_discussion_note, attrs: { type: "button", "data-action": "note", "data-id": item.id, "data-focus": `save-note-${item.id}` } }),
                  ])
                : "",
            ]);
          }),
        ),
      ];
    });
  }

  return {
    update(next) {
      state = next;
      draw();
      const accepted = state.results ? state.results.items.filter((i) => i.status === "accepted").length : 0;
      adoptButton.disabled = accepted === 0;
      version.textContent = `${fmt(S.accepted_count, { n: accepted })} · ${state.adopted.version ? fmt(S.adopted_version, { n: state.adopted.version }) : S.not_adopted}`;
      renderOnce(adoptedBox, state.adopted, () => (state.adopted.version ? adoptedList(state.adopted) : []));
    },
  };
}

const projectAdopted = snapshotView(
  (state) => [state.adopted, state.results],
  (state) => (state.adopted && state.adopted.version ? adoptedList(state.adopted) : [el("p", { cls: "waiting", text: S.adopt_pending }), state.results ? rankingList(state.results) : ""]),
  "s2-wide",
);

export const views = {
  merge: { phone: candidates(""), console: merge, screen: candidates("s2-wide") },
  prioritise: { phone: vote, console: runVote, screen: projectVote },
  results: { phone: ranking, console: gridView(""), screen: gridView("s2-wide") },
  adopt: { phone: adopted, console: decide, screen: projectAdopted },
};
