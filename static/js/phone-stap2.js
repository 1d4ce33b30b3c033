// Stap 2 on the phone: the role card, the case with its developments, a reaction and wishes
// written in the played role (drafts kept in localStorage until the server acknowledges them),
// the candidate requirements, voting as oneself (MoSCoW or dots), the ranking and the adopted
// programme. Also the pieces the console and the projector share (case, ranking, grid).
import { el, fmt, showError, strings } from "./ui.js";

const S = strings.stap2;
const MOSCOW = ["must", "should", "could", "wont"];
// The disagreement rule's thresholds (game/tallies.py explain_disagreement), for the help text.
const WANT = 0.6;
const REJECT = 0.25;

const lang = document.documentElement.lang || "nl";
export const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
export const percent = (share) => `${Math.round(share * 100)}%`;

// Re-render `node` only when `data` changed, keeping keyboard focus (and the caret) on the
// element with the same data-focus key: snapshots arrive for every vote in the room.
const shown = new WeakMap();
export function renderOnce(node, data, build) {
  const key = JSON.stringify(data);
  if (shown.get(node) === key) return false;
  shown.set(node, key);
  const active = document.activeElement;
  const focusKey = active && node.contains(active) ? active.dataset.focus : null;
  let selection = null;
  try {
    if (focusKey && typeof active.selectionStart === "number") selection = [active.selectionStart, active.selectionEnd];
  } catch {
    selection = null;
  }
  node.replaceChildren(...build().filter(Boolean));
  if (focusKey) {
    const again = node.querySelector(`[data-focus="${CSS.escape(focusKey)}"]`);
    if (again) {
      again.focus();
      if (selection && again.setSelectionRange) {
        try {
          again.setSelectionRange(...selection);
        } catch {
          /* not a text field */
        }
      }
    }
  }
  return true;
}

// A draft that survives a reload and a phase change: localStorage until the server has it.
function storedDraft(name) {
  const key = `verticaal-${name}-draft-${location.pathname}`;
  return {
    get: () => JSON.parse(localStorage.getItem(key) || "null"),
    set: (value) => localStorage.setItem(key, JSON.stringify(value)),
    clear: () => localStorage.removeItem(key),
  };
}

// --- shared pieces ------------------------------------------------------------------------

export function roleCard(role, { headingLevel = "h2" } = {}) {
  return el("article", { cls: "role-card", attrs: { "aria-label": `${S.you_play}: ${role.label}` } }, [
    el("p", { cls: "eyebrow", text: S.you_play }),
    el(headingLevel, { cls: "role-label", text: role.label }),
    el("p", { cls: "hint", text: S.role_hint }),
    ...["interests", "worries", "room"].map((field) =>
      el("section", { cls: "role-part" }, [el("h3", { text: S.card[field] }), el("p", { text: role[field] })]),
    ),
    el("section", { cls: "role-part role-question" }, [el("h3", { text: S.card.question }), el("blockquote", { text: role.question })]),
  ]);
}

// "Your role: X" at the top of a phase, opening to the whole card.
function roleChip(role) {
  if (!role) return null;
  return el("details", { cls: "role-chip" }, [
    el("summary", { text: fmt(S.your_role, { role: role.label }) }),
    roleCard(role, { headingLevel: "h3" }),
  ]);
}

export function caseView(chosen) {
  if (!chosen) return [el("p", { cls: "waiting", text: S.no_case_wait })];
  const developments = chosen.developments || [];
  const last = developments.length - 1;
  return [
    el("h2", { cls: "case-title", text: chosen.title }),
    el("div", { cls: "case-body" }, [
      el("div", { cls: "case-main" }, [
        el("section", { cls: "case-part" }, [el("h3", { text: S.situation }), el("p", { cls: "case-text", text: chosen.situation })]),
        el("section", { cls: "case-part case-question" }, [el("h3", { text: S.question }), el("p", { cls: "case-text", text: chosen.question })]),
      ]),
      developments.length
        ? el("section", { cls: "case-part developments" }, [
            el("h3", { text: S.developments }),
            el(
              "ol",
              { cls: "development-list" },
              developments.map((text, index) =>
                el("li", { cls: index === last ? "development newest" : "development" }, [
                  el("p", { cls: "development-head" }, [
                    el("span", { text: fmt(S.development_n, { n: index + 1 }) }),
                    index === last ? el("span", { cls: "badge badge-new", text: S.newest }) : "",
                  ]),
                  el("p", { cls: "case-text", text }),
                ]),
              ),
            ),
          ])
        : "",
    ]),
  ];
}

// Announce a newly revealed development to screen readers without re-reading the whole case.
function developmentAnnouncer(container) {
  const live = el("p", { cls: "visually-hidden", attrs: { "aria-live": "polite" } });
  container.append(live);
  let count = null;
  return (chosen) => {
    const developments = (chosen && chosen.developments) || [];
    if (count !== null && developments.length > count) {
      live.textContent = `${fmt(S.development_n, { n: developments.length })}: ${developments[developments.length - 1]}`;
    }
    count = developments.length;
  };
}

export function candidateList(requirements) {
  if (!requirements.length) return el("p", { cls: "meta", text: S.no_candidates });
  return el(
    "ol",
    { cls: "candidate-list" },
    requirements.map((r) =>
      el("li", { cls: `candidate status-${r.status}` }, [
        el("p", { cls: "candidate-text", text: r.text }),
        el("p", { cls: "meta", text: r.roles.length ? fmt(S.asked_by, { roles: r.roles.join(", ") }) : S.asked_by_none }),
      ]),
    ),
  );
}

export const dotsText = (n) => fmt(n === 1 ? S.dots.one : S.dots.other, { n });

export function priorityText(item) {
  if (item.method === "moscow") {
    if (!item.totals.votes) return S.no_votes;
    const label = item.priority ? S.moscow[item.priority] : "";
    return `${label} · ${fmt(S.score, { score: decimal.format(item.totals.score) })} · ${fmt(S.votes_total, { n: item.totals.votes })}`;
  }
  if (!item.totals.dots) return S.no_votes;
  return `${dotsText(item.totals.dots)} · ${fmt(S.layers_with_dots, { n: item.totals.layers })}`;
}

export function layerNames(results, keys) {
  const labels = Object.fromEntries(results.layers.map((l) => [l.key, l.label]));
  return keys.map((key) => labels[key] || key).join(", ");
}

export function flagText(results, item) {
  return fmt(S.flag, { wanting: layerNames(results, item.disagreement.wanting), rejecting: layerNames(results, item.disagreement.rejecting) });
}

export function flagRule() {
  return fmt(S.flag_rule, { want: percent(WANT), reject: percent(REJECT) });
}

export function flagNote(results, item) {
  return el("p", { cls: "flag" }, [el("span", { cls: "flag-icon", text: "⚠", attrs: { "aria-hidden": "true" } }), el("span", { text: flagText(results, item) })]);
}

export function rankingList(results, { withStatus = true } = {}) {
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
            withStatus && item.status !== "candidate" ? el("span", { cls: `badge badge-${item.status}`, text: S.status[item.status] }) : "",
          ]),
          el("p", { cls: "meta", text: priorityText(item) }),
          item.disagreement.flagged ? flagNote(results, item) : "",
        ]),
      ]),
    ),
  );
}

export function adoptedList(adopted) {
  if (!adopted || !adopted.version) return [el("p", { cls: "waiting", text: S.adopt_pending })];
  return [
    el("h2", { cls: "adopted-title", text: fmt(S.adopted_title, { n: adopted.version }) }),
    el("ol", { cls: "adopted-list" }, adopted.requirements.map((text) => el("li", { text }))),
  ];
}

// --- phase kinds --------------------------------------------------------------------------

function roles(container) {
  const box = el("div", { cls: "stap2-roles" });
  container.append(box);
  return {
    update(state, me) {
      const role = state.roles.revealed && me && me.role;
      renderOnce(box, role || null, () => (role ? [roleCard(role)] : [el("p", { cls: "waiting", text: S.wait_roles })]));
    },
  };
}

function caseKind(container) {
  const head = el("div");
  const body = el("div", { cls: "case" });
  container.append(head, body);
  const announce = developmentAnnouncer(container);
  return {
    update(state, me) {
      renderOnce(head, (me && me.role) || null, () => [roleChip(me && me.role)]);
      renderOnce(body, state.case, () => caseView(state.case));
      announce(state.case);
    },
  };
}

// The case to reread while writing, folded away.
function caseReminder(chosen) {
  if (!chosen) return null;
  return el("details", { cls: "case-reminder" }, [el("summary", { text: S.read_case }), el("div", { cls: "case" }, caseView(chosen))]);
}

function reactions(container, socket) {
  const store = storedDraft("reaction");
  let draft = store.get(); // text typed but not yet acknowledged, or null
  let saved = "";
  const head = el("div");
  const label = el("label", { attrs: { for: "reaction-text" } });
  const textarea = el("textarea", { attrs: { id: "reaction-text", rows: "7", "aria-describedby": "reaction-counter reaction-status" } });
  let limit = 0; // the server's length limit, from the snapshot
  const counter = el("p", { cls: "counter", attrs: { id: "reaction-counter" } });
  const status = el("p", { cls: "meta save-status", attrs: { id: "reaction-status", "aria-live": "polite" } });
  const submit = el("button", { cls: "button primary wide", text: S.save_reaction, attrs: { type: "submit" } });
  const form = el("form", { cls: "reaction-form", attrs: { novalidate: "" } }, [el("div", { cls: "field" }, [label, textarea, counter]), status, submit]);
  container.append(head, form);
  if (draft !== null) textarea.value = draft;

  function refresh() {
    counter.textContent = fmt(strings.counter, { n: textarea.value.length, max: limit });
    counter.classList.toggle("over", textarea.value.length > limit);
    const changed = textarea.value.trim() !== saved.trim();
    status.textContent = changed && textarea.value.trim() ? S.reaction_unsaved : saved ? S.reaction_saved : "";
  }
  function send() {
    const text = textarea.value;
    return socket.send("reaction.write", { text }).then(() => {
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
    send().catch(() => textarea.focus());
  });
  return {
    update(state, me) {
      const role = me && me.role;
      renderOnce(head, [role || null, state.case], () => [roleChip(role), caseReminder(state.case)]);
      label.textContent = role ? fmt(S.reaction_label, { role: role.label }) : S.reaction_label_plain;
      limit = state.reaction_max;
      textarea.maxLength = limit;
      saved = (me && me.reaction) || "";
      if (draft === null && document.activeElement !== textarea) textarea.value = saved;
      textarea.disabled = submit.disabled = state.phase.locked;
      refresh();
    },
    // The facilitator moved on: an unsent reaction is sent now (accepted until the reactions
    // phase is locked); if that fails the draft stays in localStorage.
    leave() {
      if (draft !== null && textarea.value.trim() && textarea.value.trim() !== saved.trim()) send().catch((error) => showError(error));
    },
  };
}

function wishes(container, socket) {
  const store = storedDraft("wish");
  const prefix = `${S.wish_start} `;
  const draft = store.get() || { text: "", wish: null };
  const head = el("div");
  const textarea = el("textarea", { attrs: { id: "wish-text", rows: "3", "aria-describedby": "wish-counter wish-status" } });
  let limit = 0; // the server's length limit, from the snapshot
  const counter = el("p", { cls: "counter", attrs: { id: "wish-counter" } });
  const status = el("p", { cls: "meta save-status", attrs: { id: "wish-status", "aria-live": "polite" } });
  const submit = el("button", { cls: "button primary wide", attrs: { type: "submit" } });
  const cancel = el("button", { cls: "button wide", text: strings.cancel_edit, attrs: { type: "button" } });
  const form = el("form", { cls: "wish-form", attrs: { novalidate: "" } }, [
    el("div", { cls: "field" }, [el("label", { text: S.wish_label, attrs: { for: "wish-text" } }), textarea, counter]),
    status,
    submit,
    cancel,
  ]);
  const mine = el("ol", { cls: "my-wishes" });
  container.append(head, form, el("h2", { text: S.my_wishes }), mine);
  let written = 0;
  let max = 3;
  let locked = false;
  textarea.value = draft.text || prefix;

  const typed = () => textarea.value.trim() && textarea.value.trim() !== prefix.trim();
  function refresh() {
    counter.textContent = fmt(strings.counter, { n: textarea.value.length, max: limit });
    counter.classList.toggle("over", textarea.value.length > limit);
    const full = written >= max && !draft.wish;
    status.textContent = full ? S.wishes_full : fmt(S.wishes_written, { n: written, max });
    submit.textContent = draft.wish ? S.save_wish : S.add_wish;
    cancel.hidden = !draft.wish;
    textarea.disabled = submit.disabled = locked || full;
  }
  function keep() {
    draft.text = textarea.value;
    if (typed()) store.set(draft);
    else store.clear();
  }
  function reset() {
    Object.assign(draft, { text: "", wish: null });
    store.clear();
    textarea.value = prefix;
    refresh();
  }
  function send() {
    const text = textarea.value;
    const request = draft.wish ? socket.send("wish.edit", { wish: draft.wish, text }) : socket.send("wish.write", { text });
    return request.then(() => {
      if (textarea.value === text) reset();
    });
  }
  textarea.addEventListener("input", () => {
    keep();
    refresh();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!typed()) return textarea.focus();
    send().catch(() => textarea.focus());
  });
  cancel.addEventListener("click", reset);
  mine.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.wish);
    if (button.dataset.action === "delete") {
      if (confirm(S.confirm_delete_wish)) socket.send("wish.delete", { wish: id }).catch(() => {});
      return;
    }
    Object.assign(draft, { wish: id, text: button.dataset.text });
    textarea.value = draft.text;
    keep();
    refresh();
    textarea.focus();
  });
  return {
    update(state, me) {
      const role = me && me.role;
      renderOnce(head, [role || null, state.case || null], () => [roleChip(role), caseReminder(state.case)]);
      const own = (me && me.wishes) || [];
      written = own.length;
      max = state.max_wishes || max;
      limit = state.wish_max;
      textarea.maxLength = limit;
      locked = state.phase.locked;
      if (draft.wish && !own.some((w) => w.id === draft.wish)) reset(); // deleted meanwhile
      refresh();
      renderOnce(mine, [own, locked], () =>
        own.map((wish) =>
          el("li", { cls: "wish" }, [
            el("p", { cls: "wish-text", text: wish.text }),
            locked
              ? ""
              : el("div", { cls: "row-actions" }, [
                  el("button", { cls: "button small", text: strings.edit, attrs: { type: "button", "data-action": "edit", "data-wish": wish.id, "data-text": wish.text, "data-focus": `edit-${wish.id}` } }),
                  el("button", { cls: "button small danger", text: strings.delete, attrs: { type: "button", "data-action": "delete", "data-wish": wish.id, "data-focus": `delete-${wish.id}` } }),
                ]),
          ]),
        ),
      );
    },
    leave() {
      if (typed()) send().catch((error) => showError(error));
    },
  };
}

function merge(container) {
  const box = el("div");
  container.append(el("h2", { text: S.candidates }), box);
  return { update: (state) => renderOnce(box, state.requirements, () => [candidateList(state.requirements)]) };
}

function prioritise(container, socket) {
  const intro = el("p", { cls: "hint" });
  const progress = el("p", { cls: "vote-progress", attrs: { "aria-live": "polite" } });
  const list = el("ol", { cls: "vote-list" });
  const results = el("div", { cls: "phone-results" });
  container.append(intro, progress, list, results);
  let current = {};
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-requirement]");
    if (!button || button.disabled) return;
    const requirement = Number(button.dataset.requirement);
    if (button.dataset.choice !== undefined) {
      const choice = button.getAttribute("aria-pressed") === "true" ? "" : button.dataset.choice;
      socket.send("vote.moscow", { requirement, choice }).catch(() => {});
    } else {
      socket.send("vote.dots", { requirement, dots: Number(button.dataset.dots) }).catch(() => {});
    }
  });
  return {
    update(state, me) {
      const voting = state.voting;
      const votes = (me && me.votes) || {};
      current = votes;
      const locked = state.phase.locked;
      const requirements = voting.requirements;
      intro.textContent = me ? fmt(S.vote_as_yourself, { layer: me.layer }) : "";
      if (voting.method === "moscow") {
        const done = requirements.filter((r) => current[String(r.id)]).length;
        progress.textContent = requirements.length ? `${fmt(S.voted_progress, { n: done, total: requirements.length })} · ${S.take_back_hint}` : S.no_requirements;
      } else {
        const spent = Object.values(current).reduce((a, b) => a + Number(b || 0), 0);
        progress.textContent = requirements.length ? fmt(strings.dots_left, { n: voting.dots - spent, total: voting.dots }) : S.no_requirements;
      }
      renderOnce(list, [voting.method, voting.dots, requirements, votes, locked], () =>
        requirements.map((r) => {
          const mine = current[String(r.id)];
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
                    attrs: {
                      type: "button",
                      "aria-pressed": String(mine === choice),
                      "data-requirement": r.id,
                      "data-choice": choice,
                      "data-focus": `${choice}-${r.id}`,
                      ...(locked ? { disabled: "" } : {}),
                    },
                  }),
                ),
              ),
            );
          } else {
            const count = Number(mine || 0);
            const spent = Object.values(current).reduce((a, b) => a + Number(b || 0), 0);
            const name = r.text.length > 60 ? `${r.text.slice(0, 57)}…` : r.text;
            body.push(
              el("div", { cls: "stepper", attrs: { role: "group", "aria-labelledby": `req-${r.id}` } }, [
                el("button", { cls: "button round", text: "−", attrs: { type: "button", "aria-label": fmt(strings.dot_remove, { name }), "data-requirement": r.id, "data-dots": count - 1, "data-focus": `minus-${r.id}`, ...(count === 0 || locked ? { disabled: "" } : {}) } }),
                el("span", { cls: "dot-count", text: String(count), attrs: { "aria-label": fmt(strings.dots_mine, { n: count }) } }),
                el("button", { cls: "button round", text: "+", attrs: { type: "button", "aria-label": fmt(strings.dot_add, { name }), "data-requirement": r.id, "data-dots": count + 1, "data-focus": `plus-${r.id}`, ...(spent >= voting.dots || locked ? { disabled: "" } : {}) } }),
              ]),
            );
          }
          return el("li", { cls: `vote-item${mine ? " voted" : ""}` }, body);
        }),
      );
      renderOnce(results, state.results, () => (state.results ? [el("h2", { text: S.ranking }), rankingList(state.results, { withStatus: false })] : []));
    },
  };
}

function resultsKind(container) {
  const box = el("div");
  container.append(box);
  return {
    update(state) {
      renderOnce(box, state.results, () =>
        state.results ? [el("h2", { text: S.ranking }), rankingList(state.results), el("p", { cls: "hint", text: flagRule() })] : [el("p", { cls: "meta", text: S.results_hidden })],
      );
    },
  };
}

function adopt(container) {
  const box = el("div", { cls: "adopted" });
  container.append(box);
  return { update: (state) => renderOnce(box, state.adopted, () => adoptedList(state.adopted)) };
}

export const kinds = {
  roles,
  case: caseKind,
  reactions,
  wishes,
  merge,
  prioritise,
  results: resultsKind,
  adopt,
};
