// Stap 2 on the projector: how many play each role, the case with its developments, reactions
// and wensenpakketten per role (never names), the candidate requirements with the roles that
// asked for them, voting progress, and the vertical-support grid once the results are shown.
// The grid and the per-role views are shared with the console.
import { adoptedList, candidateList, caseView, decimal, dotsText, flagRule, flagText, percent, rankingList, renderOnce } from "./phone-stap2.js";
import { el, fmt, strings } from "./ui.js";

const S = strings.stap2;

// The requirements × layers grid: a real table, every cell a written-out share, a bar and a
// symbol for "wants"/"rejects", so nothing rests on colour.
export function supportGrid(results, { id = "support-grid" } = {}) {
  const layers = results.layers;
  const items = results.items;
  if (!items.length) return [el("p", { cls: "meta", text: S.no_requirements })];
  const moscow = items[0].method === "moscow";
  const helpId = `${id}-help`;
  const cell = (item, row, layer) => {
    if (row.support === null || row.support === undefined) {
      return el("td", { cls: "cell-none" }, [el("span", { text: "–", attrs: { "aria-hidden": "true" } }), el("span", { cls: "visually-hidden", text: S.did_not_vote })]);
    }
    const wants = item.disagreement.wanting.includes(layer.key);
    const rejects = item.disagreement.rejecting.includes(layer.key);
    const share = percent(row.support);
    const figure = moscow ? fmt(S.n_of_total, { n: row.counts.must + row.counts.should, total: row.votes }) : dotsText(row.dots);
    return el("td", { cls: `cell${wants ? " cell-want" : ""}${rejects ? " cell-reject" : ""}` }, [
      el("span", { cls: "cell-top" }, [
        el("strong", { cls: "cell-pct", text: share }),
        wants ? el("span", { cls: "cell-mark", text: "▲", attrs: { "aria-hidden": "true" } }) : "",
        rejects ? el("span", { cls: "cell-mark", text: "▼", attrs: { "aria-hidden": "true" } }) : "",
        wants || rejects ? el("span", { cls: "visually-hidden", text: wants ? S.wants : S.rejects }) : "",
      ]),
      el("span", { cls: "cell-bar", attrs: { "aria-hidden": "true" } }, [el("span", { attrs: { style: `width:${Math.round(row.support * 100)}%` } })]),
      el("span", { cls: "cell-n", text: figure }),
    ]);
  };
  const table = el("table", { cls: "table support-grid", attrs: { id, "aria-describedby": helpId } }, [
    el("caption", { text: S.grid_caption }),
    el("thead", {}, [
      el("tr", {}, [
        el("th", { text: S.col_requirement, attrs: { scope: "col" } }),
        el("th", { text: S.col_priority, attrs: { scope: "col" } }),
        ...layers.map((layer) => el("th", { text: layer.label, attrs: { scope: "col" } })),
      ]),
    ]),
    el(
      "tbody",
      {},
      items.map((item) =>
        el("tr", { cls: `status-${item.status}${item.disagreement.flagged ? " flagged" : ""}` }, [
          el("th", { attrs: { scope: "row" } }, [
            el("span", { cls: "row-rank", text: item.rank ? `${item.rank}.` : "–" }),
            el("span", { cls: "row-text", text: item.text }),
            item.status !== "candidate" ? el("span", { cls: `badge badge-${item.status}`, text: S.status[item.status] }) : "",
            item.disagreement.flagged ? el("span", { cls: "row-flag" }, [el("span", { text: "⚠", attrs: { "aria-hidden": "true" } }), el("span", { text: flagText(results, item) })]) : "",
          ]),
          el("td", { cls: "cell-priority" }, priorityCell(item)),
          ...layers.map((layer) => cell(item, item.grid.find((g) => g.layer === layer.key) || {}, layer)),
        ]),
      ),
    ),
  ]);
  return [
    el("div", { cls: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": S.grid_caption } }, [table]),
    el("p", { cls: "hint grid-help", attrs: { id: helpId } }, [
      el("span", { text: `${moscow ? S.grid_help_moscow : S.grid_help_dots} ` }),
      el("span", { cls: "legend", text: `▲ ${S.wants} · ▼ ${S.rejects}. ⚠ ${flagRule()}` }),
    ]),
  ];
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
  return [
    el("strong", { cls: "priority-label", text: dotsText(item.totals.dots) }),
    el("span", { cls: "cell-n", text: fmt(S.layers_with_dots, { n: item.totals.layers }) }),
  ];
}

// One column per role: `columns` is a list of [role, texts]; `empty` is said when there are none.
function roleColumns(columns, empty) {
  if (!columns.length) return [el("p", { cls: "meta", text: empty })];
  return [
    el(
      "div",
      { cls: "role-columns" },
      columns.map(([role, texts]) =>
        el("section", { cls: "role-column" }, [
          el("h2", { text: `${role} (${texts.length})` }),
          el("ul", { cls: "notes" }, texts.map((text) => el("li", { cls: "note", text }))),
        ]),
      ),
    ),
  ];
}

// Reactions per role, without names.
export function reactionGroups(groups) {
  return roleColumns(groups.map((group) => [group.role, group.texts]), S.no_reactions);
}

// The wensenpakketten, one column per role.
export function packageColumns(packages) {
  return roleColumns(packages.map((pack) => [pack.role_label, pack.wishes.map((wish) => wish.text)]), S.no_wishes);
}

// A view that renders one function of the state, only when that part changed.
const view = (pick, build, cls = "") => (container) => {
  const box = el("div", { cls });
  container.append(box);
  return { update: (state) => renderOnce(box, pick(state), () => build(state)) };
};

const roles = view(
  (state) => state.roles,
  (state) => {
    if (!state.roles.revealed || !state.roles.counts) return [el("p", { cls: "waiting big", text: S.wait_roles })];
    const rows = state.roles.counts.filter((row) => row.players > 0);
    return [
      el("table", { cls: "table role-counts" }, [
        el("caption", { text: S.players_per_role }),
        el("thead", {}, [el("tr", {}, [el("th", { text: S.col_role, attrs: { scope: "col" } }), el("th", { text: S.col_players, attrs: { scope: "col" } })])]),
        el("tbody", {}, rows.map((row) => el("tr", {}, [el("th", { text: row.label, attrs: { scope: "row" } }), el("td", { text: String(row.players) })]))),
      ]),
    ];
  },
  "s2-wide",
);

const caseKind = view((state) => state.case, (state) => caseView(state.case), "case s2-wide");
const reactions = view((state) => state.reactions, (state) => reactionGroups(state.reactions), "s2-wide");
const wishes = view((state) => state.packages, (state) => packageColumns(state.packages), "s2-wide");
const merge = view((state) => state.requirements, (state) => [el("h2", { text: S.candidates }), candidateList(state.requirements)], "s2-wide");

const prioritise = view(
  (state) => [state.voting, state.results],
  (state) =>
    state.results
      ? supportGrid(state.results)
      : [el("p", { cls: "waiting", text: S.voting_open }), candidateList(state.voting.requirements)],
  "s2-wide",
);

const resultsKind = view((state) => state.results, (state) => (state.results ? supportGrid(state.results) : []), "s2-wide");

const adopt = view(
  (state) => [state.adopted, state.results],
  (state) =>
    state.adopted && state.adopted.version
      ? adoptedList(state.adopted)
      : [el("p", { cls: "waiting", text: S.adopt_pending }), state.results ? rankingList(state.results) : ""],
  "s2-wide",
);

export const kinds = { roles, case: caseKind, reactions, wishes, merge, prioritise, results: resultsKind, adopt };
