// Stap 2 on the facilitator's console: deal, override and reveal the roles; choose the case and
// reveal its developments; follow reactions and wishes; merge wishes into candidate
// requirements; set up and reveal the vote; read the vertical-support grid; decide on each
// requirement and adopt the gedeeld programma van eisen.
import { adoptedList, caseView, flagNote, priorityText, renderOnce } from "./phone-stap2.js";
import { packageColumns, reactionGroups, supportGrid } from "./screen-stap2.js";
import { closeEditing, el, fieldDrafts, fmt, onRephrase, strings, toggleEditing } from "./ui.js";

const S = strings.stap2;

const disabledIf = (condition) => (condition ? { disabled: "" } : {});

function textField(key, label, value, { multiline = false, maxlength = 300 } = {}) {
  const id = `f-${key}`;
  const input = multiline
    ? el("textarea", { attrs: { id, rows: "3", maxlength: String(maxlength), "data-focus": key } })
    : el("input", { attrs: { id, type: "text", maxlength: String(maxlength), "data-focus": key } });
  input.value = value;
  return el("div", { cls: "field" }, [el("label", { text: label, attrs: { for: id } }), input]);
}

function toggle(label, pressed, attrs = {}) {
  return el("button", { cls: "button toggle", text: label, attrs: { type: "button", "aria-pressed": String(Boolean(pressed)), ...attrs } });
}

// --- roles --------------------------------------------------------------------------------

function roles(container, socket) {
  const controls = el("div", { cls: "controls" });
  const seed = el("input", { attrs: { id: "roles-seed", type: "number", min: "0", step: "1", inputmode: "numeric" } });
  const deal = el("button", { cls: "button primary", attrs: { type: "button", id: "deal-roles" } });
  const reveal = toggle(S.roles_visible, false, { id: "reveal-roles" });
  const status = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  controls.append(el("div", { cls: "field seed-field" }, [el("label", { text: S.seed, attrs: { for: "roles-seed" } }), seed]), deal, reveal);
  const table = el("div");
  const counts = el("div");
  container.append(controls, status, table, counts);
  let state = null;
  const errors = new Map(); // participant id -> refusal message, shown in their row

  deal.addEventListener("click", () => {
    if (state.roles.dealt && !confirm(S.confirm_redeal)) return;
    const args = seed.value === "" ? {} : { seed: Number(seed.value) };
    socket.send("roles.deal", args).catch(() => {});
  });
  reveal.addEventListener("click", () => socket.send("roles.reveal", { revealed: !state.roles.revealed }).catch(() => {}));
  table.addEventListener("change", (event) => {
    const select = event.target.closest("select[data-participant]");
    if (!select) return;
    const participant = Number(select.dataset.participant);
    errors.delete(participant);
    socket
      .send("roles.override", { participant, role: select.value })
      .catch((error) => {
        select.value = select.dataset.current; // refused: show what is really assigned
        errors.set(participant, error.message);
        draw(true);
      });
  });

  function draw(force = false) {
    const roleLabels = state.roles.layers || [];
    const byPerson = new Map((state.roles.assignments || []).map((a) => [a.participant, a]));
    if (force) renderOnce(table, null, () => []);
    renderOnce(table, [state.participants, state.roles, [...errors]], () => [
      el("div", { cls: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": S.assignments } }, [
        el("table", { cls: "table assignments" }, [
          el("caption", { text: S.assignments }),
          el("thead", {}, [el("tr", {}, [S.col_name, S.col_own, S.col_plays].map((text) => el("th", { text, attrs: { scope: "col" } })))]),
          el(
            "tbody",
            {},
            state.participants.map((person) => {
              const row = byPerson.get(person.id);
              const select = el(
                "select",
                { attrs: { "data-participant": person.id, "data-current": row ? row.role : "", "data-focus": `role-${person.id}`, "aria-label": fmt(S.role_for, { name: person.name }) } },
                [
                  row ? "" : el("option", { text: S.no_role, attrs: { value: "" } }),
                  ...roleLabels.map((layer) =>
                    el("option", {
                      text: layer.key === person.layer ? fmt(S.own_layer_option, { label: layer.label }) : layer.label,
                      attrs: { value: layer.key, ...disabledIf(layer.key === person.layer) },
                    }),
                  ),
                ],
              );
              select.value = row ? row.role : "";
              const error = errors.get(person.id);
              return el("tr", {}, [
                el("th", { text: person.name, attrs: { scope: "row" } }),
                el("td", { text: person.layer_label }),
                el("td", { cls: "plays" }, [
                  select,
                  row && row.overridden ? el("span", { cls: "badge", text: S.overridden }) : "",
                  error ? el("span", { cls: "error", text: error }) : "",
                ]),
              ]);
            }),
          ),
        ]),
      ]),
    ]);
  }

  return {
    update(next) {
      state = next;
      const r = state.roles;
      deal.textContent = r.dealt ? S.redeal : S.deal;
      deal.disabled = state.participants.length === 0;
      reveal.setAttribute("aria-pressed", String(r.revealed));
      reveal.disabled = !r.dealt;
      status.textContent = !r.dealt ? S.not_dealt : r.revealed ? S.roles_shown : S.roles_hidden;
      draw();
      renderOnce(counts, [r.assignments, r.layers], () => {
        if (!r.dealt) return [];
        const tally = new Map();
        for (const a of r.assignments) tally.set(a.role, (tally.get(a.role) || 0) + 1);
        return [
          el("table", { cls: "table role-counts compact-table" }, [
            el("caption", { text: S.players_per_role }),
            el("thead", {}, [el("tr", {}, [el("th", { text: S.col_role, attrs: { scope: "col" } }), el("th", { text: S.col_players, attrs: { scope: "col" } })])]),
            el("tbody", {}, r.layers.map((layer) => el("tr", {}, [el("th", { text: layer.label, attrs: { scope: "row" } }), el("td", { text: String(tally.get(layer.key) || 0) })]))),
          ]),
        ];
      });
    },
  };
}

// --- the case -----------------------------------------------------------------------------

function caseKind(container, socket) {
  const picker = el("form", { cls: "inline-form case-picker" });
  const controls = el("div", { cls: "controls" });
  const shownCount = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const next = el("button", { cls: "button primary", text: S.reveal_next, attrs: { type: "button", id: "reveal-next" } });
  const back = el("button", { cls: "button", text: S.hide_last, attrs: { type: "button", id: "hide-last" } });
  controls.append(next, back, shownCount);
  const body = el("div", { cls: "case" });
  container.append(picker, controls, body);
  picker.addEventListener("submit", (event) => {
    event.preventDefault();
    const key = picker.querySelector("select").value;
    if (key) socket.send("case.choose", { case: key }).catch(() => {});
  });
  next.addEventListener("click", () => socket.send("case.reveal_next").catch(() => {}));
  back.addEventListener("click", () => socket.send("case.hide_last").catch(() => {}));
  return {
    update(state) {
      const chosen = state.case;
      renderOnce(picker, [state.cases, chosen && chosen.key], () => {
        const select = el("select", { attrs: { id: "case-select", "data-focus": "case-select" } }, state.cases.map((c) => el("option", { text: c.title, attrs: { value: c.key } })));
        if (chosen) select.value = chosen.key;
        return [el("label", { text: S.case_label, attrs: { for: "case-select" } }), select, el("button", { cls: "button", text: S.choose_case, attrs: { type: "submit", "data-focus": "choose" } })];
      });
      const n = chosen ? chosen.developments.length : 0;
      const total = chosen ? chosen.development_count : 0;
      shownCount.textContent = chosen ? fmt(S.developments_shown, { n, total }) : S.no_case;
      next.disabled = !chosen || n >= total;
      back.disabled = !chosen || n === 0;
      renderOnce(body, chosen, () => (chosen ? caseView(chosen) : []));
    },
  };
}

// --- reactions and wishes -----------------------------------------------------------------

function reactions(container) {
  const count = el("p", { cls: "meta" });
  const box = el("div");
  container.append(count, box);
  return {
    update(state) {
      count.textContent = fmt(S.reactions_count, { n: state.reactions.reduce((n, g) => n + g.texts.length, 0) });
      renderOnce(box, state.reactions, () => reactionGroups(state.reactions));
    },
  };
}

function wishes(container) {
  const count = el("p", { cls: "meta" });
  const box = el("div");
  container.append(el("h2", { text: S.packages }), count, box);
  return {
    update(state) {
      count.textContent = fmt(S.wishes_count, { n: state.packages.reduce((n, p) => n + p.wishes.length, 0) });
      renderOnce(box, state.packages, () => packageColumns(state.packages));
    },
  };
}

// --- merging ------------------------------------------------------------------------------

function merge(container, socket) {
  const wishesBox = el("div", { cls: "wish-picker" });
  const mergeText = el("textarea", { attrs: { id: "merge-text", rows: "2", maxlength: "300" } });
  const ticked = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  const mergeButton = el("button", { cls: "button primary", text: S.merge, attrs: { type: "submit", id: "merge-button" } });
  const mergeForm = el("form", { cls: "merge-form" }, [el("div", { cls: "field" }, [el("label", { text: S.candidate_text, attrs: { for: "merge-text" } }), mergeText]), ticked, mergeButton]);
  const list = el("div", { cls: "candidates" });
  const addInput = el("input", { attrs: { id: "add-requirement", type: "text", maxlength: "300" } });
  const addForm = el("form", { cls: "inline-form" }, [el("label", { text: S.add_requirement, attrs: { for: "add-requirement" } }), addInput, el("button", { cls: "button", text: strings.add, attrs: { type: "submit" } })]);
  container.append(
    el("div", { cls: "merge-board" }, [
      el("section", { cls: "merge-wishes", attrs: { "aria-labelledby": "packages-heading" } }, [
        el("h2", { text: S.packages, attrs: { id: "packages-heading" } }),
        el("p", { cls: "hint", text: S.merge_help }),
        wishesBox,
        mergeForm,
      ]),
      el("section", { cls: "merge-candidates", attrs: { "aria-labelledby": "candidates-heading" } }, [el("h2", { text: S.candidates, attrs: { id: "candidates-heading" } }), list, addForm]),
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
  addForm.addEventListener("submit", (event) => {
    event.preventDefault();
    socket.send("requirement.add", { text: addInput.value }).then(() => (addInput.value = "")).catch(() => addInput.focus());
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.id);
    if (button.dataset.action === "unmerge") socket.send("wish.unmerge", { wish: id }).catch(() => {});
    if (button.dataset.action === "edit") toggleEditing(editing, id, draw, list, `#f-text-${id}`);
  });
  onRephrase(list, editing, draw, drafts, (requirement, text, reason) => socket.send("requirement.rephrase", { requirement, text, reason }));

  function draw(force = false) {
    if (force) {
      renderOnce(wishesBox, null, () => []);
      renderOnce(list, null, () => []);
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
              ...pack.wishes.map((wish) => {
                const box = el("input", { attrs: { type: "checkbox", id: `wish-${wish.id}`, "data-wish": wish.id, "data-focus": `wish-${wish.id}` } });
                box.checked = selected.has(wish.id);
                return el("label", { cls: `choice wish-choice${wish.requirement ? " merged" : ""}`, attrs: { for: `wish-${wish.id}` } }, [
                  box,
                  el("span", { cls: "wish-choice-text" }, [
                    el("span", { text: wish.text }),
                    el("span", { cls: "meta", text: wish.requirement ? fmt(S.merged_into, { text: requirementText.get(wish.requirement) || "" }) : S.unmerged }),
                  ]),
                ]);
              }),
            ]),
          )
        : [el("p", { cls: "meta", text: S.no_wishes })],
    );
    renderOnce(list, [state.requirements, state.packages, [...editing]], () => {
      if (!state.requirements.length) return [el("p", { cls: "meta", text: S.no_candidates })];
      const sources = new Map();
      for (const pack of state.packages) {
        for (const wish of pack.wishes) {
          if (!wish.requirement) continue;
          if (!sources.has(wish.requirement)) sources.set(wish.requirement, []);
          sources.get(wish.requirement).push({ ...wish, role_label: pack.role_label });
        }
      }
      return [
        el(
          "ol",
          { cls: "candidate-list" },
          state.requirements.map((r) => {
            const open = editing.has(r.id);
            return el("li", { cls: `candidate status-${r.status}` }, [
              el("p", { cls: "candidate-text" }, [el("span", { text: r.text }), r.status !== "candidate" ? el("span", { cls: `badge badge-${r.status}`, text: S.status[r.status] }) : ""]),
              el("p", { cls: "meta", text: r.roles.length ? fmt(S.asked_by, { roles: r.roles.join(", ") }) : S.asked_by_none }),
              el("p", { cls: "meta", text: fmt(S.sources, { n: r.sources || 0 }) }),
              el(
                "ul",
                { cls: "source-list" },
                (sources.get(r.id) || []).map((wish) =>
                  el("li", {}, [
                    el("span", { text: `${wish.text} — ${wish.role_label}` }),
                    el("button", { cls: "button small", text: S.unmerge, attrs: { type: "button", "data-action": "unmerge", "data-id": wish.id, "data-focus": `unmerge-${wish.id}`, "aria-label": fmt(S.unmerge_label, { text: wish.text }) } }),
                  ]),
                ),
              ),
              el("button", { cls: "button small", text: S.rephrase, attrs: { type: "button", "data-action": "edit", "data-id": r.id, "aria-expanded": String(open), "data-focus": `edit-${r.id}` } }),
              open
                ? el("form", { cls: "rephrase-form", attrs: { "data-id": r.id } }, [
                    textField(`text-${r.id}`, S.new_text, drafts.value(`text-${r.id}`, r.text), { multiline: true }),
                    textField(`reason-${r.id}`, S.reason, drafts.value(`reason-${r.id}`, "")),
                    el("button", { cls: "button primary small", text: S.save, attrs: { type: "submit" } }),
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
    },
  };
}

// --- voting and results -------------------------------------------------------------------

function prioritise(container, socket) {
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
      voters.textContent = `${fmt(S.voters, { n: v.voters, total: state.participants.length })} · ${v.revealed ? strings.revealed : strings.hidden_results}`;
      renderOnce(grid, state.results, () => (state.results ? supportGrid(state.results) : []));
    },
  };
}

function resultsKind(container) {
  const box = el("div");
  container.append(box);
  return { update: (state) => renderOnce(box, state.results, () => (state.results ? supportGrid(state.results) : [])) };
}

// --- deciding and adopting ----------------------------------------------------------------

function adopt(container, socket) {
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

  adoptButton.addEventListener("click", () => {
    if (confirm(fmt(S.confirm_adopt, { n: state.adopted.version + 1 }))) socket.send("programme.adopt").catch(() => {});
  });
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.id);
    const item = state.results.items.find((i) => i.id === id);
    if (!item) return;
    if (button.dataset.action === "edit") {
      toggleEditing(editing, id, draw, list, `#f-text-${id}`);
    } else if (button.dataset.action === "decide") {
      const args = { requirement: id, decision: button.dataset.decision };
      const text = drafts.value(`text-${id}`, item.text);
      if (editing.has(id) && text.trim() && text.trim() !== item.text) {
        args.text = text;
        args.reason = drafts.value(`reason-${id}`, "");
      }
      socket
        .send("requirement.decide", args)
        .then(() => closeEditing(editing, id, draw, drafts, [`text-${id}`, `reason-${id}`]))
        .catch(() => {});
    } else if (button.dataset.action === "note") {
      const note = drafts.value(`note-${id}`, item.discussion_note);
      socket.send("requirement.note", { requirement: id, note }).then(() => drafts.clear(`note-${id}`)).catch(() => {});
    }
  });

  function draw(force = false) {
    if (force) renderOnce(list, null, () => []);
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
              el("p", { cls: "decision-text", attrs: { id: headingId } }, [
                el("span", { cls: "row-rank", text: item.rank ? `${item.rank}.` : "–" }),
                el("span", { text: item.text }),
                el("span", { cls: `badge badge-${item.status}`, text: S.status[item.status] }),
              ]),
              el("p", { cls: "meta", text: priorityText(item) }),
              item.disagreement.flagged ? flagNote(results, item) : "",
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
                el("button", { cls: "button small", text: S.rephrase, attrs: { type: "button", "data-action": "edit", "data-id": item.id, "aria-expanded": String(open), "data-focus": `edit-${item.id}` } }),
              ]),
              open
                ? el("div", { cls: "rephrase-form" }, [
                    textField(`text-${item.id}`, S.wording, drafts.value(`text-${item.id}`, item.text), { multiline: true }),
                    textField(`reason-${item.id}`, S.reason, drafts.value(`reason-${item.id}`, "")),
                  ])
                : "",
              item.disagreement.flagged || item.discussion_note
                ? el("div", { cls: "note-field" }, [
                    textField(`note-${item.id}`, S.discussion_note, drafts.value(`note-${item.id}`, item.discussion_note), { multiline: true, maxlength: 2000 }),
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

export const kinds = { roles, case: caseKind, reactions, wishes, merge, prioritise, results: resultsKind, adopt };
