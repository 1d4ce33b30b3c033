// Stellingen (Stap 1, sessions/concepts/statements.py): the phone answers the open statement;
// the console adds statements, opens, reveals and closes them and reads the answers per layer;
// the projector shows the statement with its results once they are revealed.
import { announce, el, fmt, limits, strings } from "../ui.js";
import { addForm, bars, layerTable, renderOnce, snapshotView } from "../widgets.js";

const S = strings.statements;

// eens, oneens, weet-niet: in the string table's order (the server's).
const ANSWERS = Object.keys(S.answers);

function statementBars(results) {
  return bars(
    ANSWERS.map((key) => ({
      key,
      label: S.answers[key],
      percent: results.percentages[key],
      value: `${results.percentages[key]}% (${results.counts[key]})`,
    })),
  );
}

function answer(container, socket) {
  const text = el("p", { cls: "statement-text" });
  const buttons = ANSWERS.map((key) =>
    el("button", { text: S.answers[key], cls: `button answer answer-${key}`, attrs: { type: "button", "aria-pressed": "false" } }),
  );
  const group = el("div", { cls: "answer-buttons", attrs: { role: "group", "aria-label": S.your_answer } }, buttons);
  const waiting = el("p", { cls: "meta", text: S.no_statement });
  const results = el("div", { cls: "results" });
  container.append(waiting, text, group, results);
  let statement = null;
  let shown = null; // the statement whose results this phone shows
  buttons.forEach((button, index) =>
    button.addEventListener("click", () => {
      if (statement) socket.send("statement.answer", { statement: statement.id, answer: ANSWERS[index] }).catch(() => {});
    }),
  );
  return {
    update(state, me) {
      statement = state.statement;
      waiting.hidden = Boolean(statement);
      text.hidden = group.hidden = !statement;
      if (!statement) return results.replaceChildren();
      text.textContent = statement.text;
      const mine = me && me.answer;
      buttons.forEach((button, index) => button.setAttribute("aria-pressed", String(mine === ANSWERS[index])));
      results.replaceChildren(...(statement.results ? [el("h2", { text: S.results }), statementBars(statement.results)] : []));
      if (statement.results && shown !== null && shown !== statement.id) announce(S.results_shown);
      shown = statement.results ? statement.id : -1;
    },
  };
}

function run(container, socket) {
  const form = addForm("statement-text", S.new_statement, limits.statement, (text) => socket.send("statement.add", { text }));
  const current = el("div", { cls: "current-statement" });
  const list = el("ol", { cls: "statement-list" });
  container.append(current, el("h2", { text: S.statements }), list, form);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-cmd]");
    if (button) socket.send(button.dataset.cmd, { statement: Number(button.dataset.id) }).catch(() => {});
  });
  return {
    update(state) {
      const s = state.statement;
      renderOnce(current, s, () =>
        s
          ? [
              el("p", { cls: "statement-text", text: s.text }),
              el("p", { cls: "meta", text: fmt(S.answered, { n: s.answered }) + (s.status === "revealed" ? ` · ${strings.revealed}` : ` · ${strings.hidden_results}`) }),
              statementBars(s.results),
              layerTable(
                S.per_layer,
                s.columns,
                ANSWERS.map((key) => ({
                  label: S.answers[key],
                  cells: Object.fromEntries(Object.entries(s.by_column).map(([column, r]) => [column, r.total ? `${r.percentages[key]}%` : "–"])),
                })),
              ),
            ]
          : [el("p", { cls: "meta", text: S.no_statement_console })],
      );
      renderOnce(list, state.statements, () =>
        state.statements.map((item) =>
          el("li", { cls: `statement-item status-${item.status}` }, [
            el("span", { text: item.text }),
            el("span", { cls: "badge", text: S.statement_status[item.status] }),
            el(
              "span",
              { cls: "row-actions" },
              [
                ...(item.status === "draft" || item.status === "closed" ? [["statement.open", S.open_statement]] : []),
                ...(item.status === "open" ? [["statement.reveal", strings.reveal]] : []),
                ...(item.status === "open" || item.status === "revealed" ? [["statement.close", S.close]] : []),
              ].map(([cmd, label]) => el("button", { cls: "button small", text: label, attrs: { type: "button", "data-cmd": cmd, "data-id": item.id, "data-focus": `${cmd}-${item.id}` } })),
            ),
          ]),
        ),
      );
    },
  };
}

const project = snapshotView(
  (state) => state.statement,
  ({ statement: s }) => (s ? [el("p", { cls: "statement-text big", text: s.text }), s.results ? statementBars(s.results) : el("p", { cls: "meta", text: fmt(S.answered, { n: s.answered }) })] : []),
);

export const views = {
  statements: { phone: answer, console: run, screen: project },
};
