// Stap 3 and Dag 2 on the projector: never a name. While cases come in, the privacy reminder
// and how many there are; the cases to dot and then the picked ones; the case on the table with
// the judgement grid live; the beslisregels with their reactions; the kader op maat; on day 2
// the review summary live and what changed from v1 to v2.
import { renderOnce } from "./phone-stap2.js";
import { diffView, frameworkView, judgementGrid, plural, reactionCounts, reviewSummary, ruleFields, ruleStatusBadge } from "./phone-stap3.js";
import { el, fmt, strings } from "./ui.js";

const S = strings.stap3;
const S2 = strings.stap2;

// A view that renders one function of the state, only when that part changed; full width.
const view = (pick, build, cls = "") => (container) => {
  const box = el("div", { cls: `s2-wide s3 ${cls}` });
  container.append(box);
  return { update: (state) => renderOnce(box, pick(state), () => build(state)) };
};

const ownCases = view(
  (state) => state.practice,
  (state) => [
    el("div", { cls: "privacy-reminder big" }, [
      el("p", {}, [el("strong", { text: `${S.privacy}: ` }), el("span", { text: state.practice.reminder })]),
    ]),
    el("p", { cls: "big-count" }, [el("strong", { text: String(state.practice.count || 0) }), el("span", { text: ` ${plural(S.cases_sent_word, state.practice.count || 0)}` })]),
  ],
);

function caseTile(item) {
  return el("li", { cls: `case-tile${item.picked ? " picked" : ""}` }, [
    el("h3", { cls: "case-tile-title" }, [
      item.picked ? el("span", { cls: "tile-order", text: fmt(S.picked_n, { n: item.order }) }) : "",
      el("span", { text: item.title }),
    ]),
    el("p", { cls: "case-tile-question", text: item.question }),
    item.dots !== null ? el("p", { cls: "meta", text: plural(S2.dots, item.dots) }) : "",
  ]);
}

const casePick = view(
  (state) => state.practice,
  (state) => {
    const practice = state.practice;
    if (!practice.cases.length) return [el("p", { cls: "waiting big", text: S.no_cases })];
    if (!practice.picked_any) {
      return [el("p", { cls: "hint", text: fmt(S.dot_on_phone, { n: practice.dots_per_participant }) }), el("ol", { cls: "case-tiles" }, practice.cases.map(caseTile))];
    }
    const picked = practice.cases.filter((c) => c.picked).sort((a, b) => a.order - b.order);
    const rest = practice.cases.filter((c) => !c.picked);
    return [
      el("h2", { text: S.picked_heading }),
      el("ol", { cls: "case-tiles picked-tiles" }, picked.map(caseTile)),
      rest.length ? el("p", { cls: "meta rest-cases", text: `${S.not_picked}: ${rest.map((c) => `${c.title} (${plural(S2.dots, c.dots)})`).join(" · ")}` }) : "",
    ];
  },
);

const judge = view(
  (state) => state.judging,
  (state) => {
    const j = state.judging;
    if (!j.table) return [el("p", { cls: "waiting big", text: S.no_table })];
    const votes = (j.grid || []).reduce((n, row) => Math.max(n, row.total), 0);
    return [
      el("div", { cls: "table-case" }, [
        el("p", { cls: "eyebrow", text: fmt(S.case_n_of, { n: j.table.order, total: j.picked.length }) }),
        el("h2", { cls: "case-title", text: j.table.title }),
        el("p", { cls: "case-tile-question", text: j.table.question }),
      ]),
      ...judgementGrid(j.grid, j.labels, { caption: `${S.grid_caption} · ${fmt(S.judges_count, { n: votes })}` }),
    ];
  },
);

const rules = view(
  (state) => state.rules,
  (state) => {
    const items = state.rules.items;
    if (!items.length) return [el("p", { cls: "waiting big", text: S.no_rules_yet })];
    return [
      el(
        "ol",
        { cls: "rule-tiles" },
        items.map((rule, index) =>
          el("li", { cls: `rule-item status-${rule.status}` }, [
            el("h3", { cls: "rule-heading" }, [el("span", { text: fmt(S.rule_n, { n: index + 1 }) }), ruleStatusBadge(rule.status)]),
            ruleFields(rule),
            reactionCounts(rule, state.rules.labels),
          ]),
        ),
      ),
    ];
  },
);

const framework = view(
  (state) => state.framework,
  (state) => (state.framework ? frameworkView(state.framework) : [el("p", { cls: "waiting big", text: S.freeze_pending })]),
  "framework",
);

const review = view(
  (state) => state.review,
  (state) => (state.review ? reviewSummary(state.review.summary, state.review.labels, { maxTexts: 2 }) : [el("p", { cls: "waiting big", text: S.no_framework })]),
);

const revise = view(
  (state) => state.revision,
  (state) => (state.revision && state.revision.diff ? diffView(state.revision) : [el("p", { cls: "waiting big", text: state.revision ? S.revise_pending : S.no_framework })]),
);

export const kinds = {
  "own-cases": ownCases,
  "case-pick": casePick,
  judge,
  rules,
  framework,
  review,
  revise,
};
