// The role-play (Stap 2, sessions/concepts/roleplay.py): roles dealt and revealed, the case and
// its developments, a reaction and wishes written in the played role. The phone shows its own
// role card and keeps drafts in localStorage until the server has them; the console deals,
// overrides and reveals the roles, chooses the case and reveals its developments, and follows
// the reactions and wishes; the projector shows how many play each role, the case, and the
// reactions and wish packages per role (never names).
import { el, fmt, showError, strings } from "../ui.js";
import { disabledIf, forget, onOwnItems, ownItemActions, ownText, renderOnce, showCount, snapshotView, storedDraft, toggle } from "../widgets.js";

const S = strings.roleplay;

// --- pieces -------------------------------------------------------------------------------

function roleCard(role, { headingLevel = "h2" } = {}) {
  return el("article", { cls: "role-card", attrs: { "aria-label": `${S.you_play}: ${role.label}` } }, [
    el("p", { cls: "eyebrow", text: S.you_play }),
    el(headingLevel, { cls: "role-label", text: role.label }),
    el("p", { cls: "hint", text: S.role_hint }),
    ...["interests", "worries", "room"].map((part) => el("section", { cls: "role-part" }, [el("h3", { text: S.card[part] }), el("p", { text: role[part] })])),
    el("section", { cls: "role-part role-question" }, [el("h3", { text: S.card.question }), el("blockquote", { text: role.question })]),
  ]);
}

// "Your role: X" at the top of a phase, opening to the whole card.
function roleChip(role) {
  if (!role) return null;
  return el("details", { cls: "role-chip" }, [el("summary", { text: fmt(S.your_role, { role: role.label }) }), roleCard(role, { headingLevel: "h3" })]);
}

// Players per role: rows of {label, players}.
function roleCounts(rows, cls = "") {
  return el("table", { cls: `table role-counts${cls}` }, [
    el("caption", { text: S.players_per_role }),
    el("thead", {}, [el("tr", {}, [el("th", { text: S.col_role, attrs: { scope: "col" } }), el("th", { text: S.col_players, attrs: { scope: "col" } })])]),
    el("tbody", {}, rows.map((row) => el("tr", {}, [el("th", { text: row.label, attrs: { scope: "row" } }), el("td", { text: String(row.players) })]))),
  ]);
}

function caseView(chosen) {
  if (!chosen) return [el("p", { cls: "waiting", text: S.no_case_wait })];
  const developments = chosen.developments || [];
  const last = developments.length - 1;
  return [
    el("h2", { cls: "case-title", text: chosen.title }),
    el("div", { cls: "case-body" }, [
      el("div", { cls: "case-main" }, [
        el("section", { cls: "case-part" }, [el("h3", { text: strings.case_part.situation }), el("p", { cls: "case-text", text: chosen.situation })]),
        el("section", { cls: "case-part case-question" }, [el("h3", { text: strings.case_part.question }), el("p", { cls: "case-text", text: chosen.question })]),
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

// The case to reread while writing, folded away.
function caseReminder(chosen) {
  if (!chosen) return null;
  return el("details", { cls: "case-reminder" }, [el("summary", { text: S.read_case }), el("div", { cls: "case" }, caseView(chosen))]);
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

// One column per role: `columns` is a list of [role, texts]; `empty` is said when there are none.
function roleColumns(columns, empty) {
  if (!columns.length) return [el("p", { cls: "meta", text: empty })];
  return [
    el(
      "div",
      { cls: "role-columns" },
      columns.map(([role, texts]) =>
        el("section", { cls: "role-column" }, [el("h2", { text: `${role} (${texts.length})` }), el("ul", { cls: "notes" }, texts.map((text) => el("li", { cls: "note", text })))]),
      ),
    ),
  ];
}

// Reactions per role, without names.
const reactionGroups = (groups) => roleColumns(groups.map((group) => [group.role, group.texts]), S.no_reactions);

// The wensenpakketten, one column per role.
const packageColumns = (packages) => roleColumns(packages.map((pack) => [pack.role_label, pack.wishes.map((wish) => wish.text)]), S.no_wishes);

// --- roles --------------------------------------------------------------------------------

// The role card once the roles are revealed.
const revealedRole = (state, me) => (state.roles.revealed && me && me.role) || null;
const myRole = snapshotView(
  revealedRole,
  (state, me) => (revealedRole(state, me) ? [roleCard(me.role)] : [el("p", { cls: "waiting", text: S.wait_roles })]),
  "stap2-roles",
);

function dealRoles(container, socket) {
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
    socket.send("roles.override", { participant, role: select.value }).catch((error) => {
      select.value = select.dataset.current; // refused: show what is really assigned
      errors.set(participant, error.message);
      forget(table);
      draw();
    });
  });

  function draw() {
    const roleLabels = state.roles.layers || [];
    const byPerson = new Map((state.roles.assignments || []).map((a) => [a.participant, a]));
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
                el("td", { cls: "plays" }, [select, row && row.overridden ? el("span", { cls: "badge", text: S.overridden }) : "", error ? el("span", { cls: "error", text: error }) : ""]),
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
      // The server counts the players per role (sessions/concepts/roleplay.py).
      renderOnce(counts, [r.dealt, r.counts], () => (r.dealt ? [roleCounts(r.counts, " compact-table")] : []));
    },
  };
}

const projectRoles = snapshotView(
  (state) => state.roles,
  (state) =>
    state.roles.revealed && state.roles.counts ? [roleCounts(state.roles.counts.filter((row) => row.players > 0))] : [el("p", { cls: "waiting big", text: S.wait_roles })],
  "s2-wide",
);

// --- the case -----------------------------------------------------------------------------

function readCase(container) {
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

function runCase(container, socket) {
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

const projectCase = snapshotView((state) => state.case, (state) => caseView(state.case), "case s2-wide");

// --- reactions ----------------------------------------------------------------------------

function react(container, socket) {
  const head = el("div");
  const reaction = ownText("reaction", { submitText: S.save_reaction, savedText: S.reaction_saved, send: (text) => socket.send("reaction.write", { text }) });
  container.append(head, reaction.form);
  return {
    update(state, me) {
      const role = me && me.role;
      renderOnce(head, [role || null, state.case], () => [roleChip(role), caseReminder(state.case)]);
      reaction.update({
        label: role ? fmt(S.reaction_label, { role: role.label }) : S.reaction_label_plain,
        saved: (me && me.reaction) || "",
        limit: state.reaction_max,
        locked: state.phase.locked,
      });
    },
    // The facilitator moved on: an unsent reaction is sent now (see ownText).
    leave: reaction.leave,
  };
}

const followReactions = snapshotView(
  (state) => state.reactions,
  ({ reactions }) => [el("p", { cls: "meta", text: fmt(S.reactions_count, { n: reactions.reduce((n, g) => n + g.texts.length, 0) }) }), ...reactionGroups(reactions)],
);

const projectReactions = snapshotView((state) => state.reactions, (state) => reactionGroups(state.reactions), "s2-wide");

// --- wishes -------------------------------------------------------------------------------

function wish(container, socket) {
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
  let own = [];
  let max = 0;
  let locked = false;
  textarea.value = draft.text || prefix;

  const typed = () => textarea.value.trim() && textarea.value.trim() !== prefix.trim();
  function refresh() {
    showCount(counter, textarea.value.length, limit);
    const full = own.length >= max && !draft.wish;
    status.textContent = full ? S.wishes_full : fmt(S.wishes_written, { n: own.length, max });
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
  onOwnItems(mine, () => own, {
    confirmText: () => S.confirm_delete_wish,
    remove: (id) => socket.send("wish.delete", { wish: id }),
    edit(item) {
      Object.assign(draft, { wish: item.id, text: item.text });
      textarea.value = draft.text;
      keep();
      refresh();
      textarea.focus();
    },
  });
  return {
    update(state, me) {
      const role = me && me.role;
      renderOnce(head, [role || null, state.case || null], () => [roleChip(role), caseReminder(state.case)]);
      own = (me && me.wishes) || [];
      max = state.max_wishes;
      limit = state.wish_max;
      textarea.maxLength = limit;
      locked = state.phase.locked;
      if (draft.wish && !own.some((w) => w.id === draft.wish)) reset(); // deleted meanwhile
      refresh();
      renderOnce(mine, [own, locked], () => own.map((item) => el("li", { cls: "wish" }, [el("p", { cls: "wish-text", text: item.text }), locked ? "" : ownItemActions(item.id)])));
    },
    leave() {
      if (typed()) send().catch((error) => showError(error));
    },
  };
}

const followWishes = snapshotView(
  (state) => state.packages,
  ({ packages }) => [
    el("h2", { text: S.packages }),
    el("p", { cls: "meta", text: fmt(S.wishes_count, { n: packages.reduce((n, p) => n + p.wishes.length, 0) }) }),
    ...packageColumns(packages),
  ],
);

const projectWishes = snapshotView((state) => state.packages, (state) => packageColumns(state.packages), "s2-wide");

export const views = {
  roles: { phone: myRole, console: dealRoles, screen: projectRoles },
  case: { phone: readCase, console: runCase, screen: projectCase },
  reactions: { phone: react, console: followReactions, screen: projectReactions },
  wishes: { phone: wish, console: followWishes, screen: projectWishes },
};
