// Stap 1 on the projector: the stelling with its results once revealed, the notes wall
// (anonymous unless signed), the clusters, dot results once revealed, the shared picture.
import { pictureSections, statementBars } from "./phone-stap1.js";
import { bars, el, fmt, strings } from "./ui.js";

function statements(container) {
  return {
    update(state) {
      const s = state.statement;
      container.replaceChildren(
        ...(s
          ? [
              el("p", { cls: "statement-text big", text: s.text }),
              s.results ? statementBars(s.results) : el("p", { cls: "meta", text: fmt(strings.answered, { n: s.answered }) }),
            ]
          : []),
      );
    },
  };
}

function wall(state, grouped) {
  if (!grouped) {
    return state.prompts.map((prompt) => {
      const notes = state.notes.filter((n) => n.prompt === prompt.key);
      return el("section", { cls: "note-column" }, [
        el("h2", { text: prompt.text }),
        el("ul", { cls: "notes" }, notes.map((n) => el("li", { cls: "note" }, [el("p", { cls: "note-text", text: n.text }), n.author ? el("p", { cls: "meta", text: n.author }) : ""]))),
      ]);
    });
  }
  const column = (title, notes) =>
    el("section", { cls: "note-column" }, [
      el("h2", { text: title }),
      el("ul", { cls: "notes" }, notes.map((n) => el("li", { cls: "note" }, [el("p", { cls: "note-text", text: n.text })]))),
    ]);
  return [
    ...state.clusters.map((c) => column(c.name, state.notes.filter((n) => n.cluster === c.id))),
    column(strings.unsorted, state.notes.filter((n) => !n.cluster)),
  ];
}

const notesView = (grouped) => (container) => {
  const board = el("div", { cls: "note-wall" });
  container.append(board);
  return { update: (state) => board.replaceChildren(...wall(state, grouped)) };
};

function dots(container) {
  return {
    update(state) {
      const d = state.dots;
      if (!d.revealed) {
        container.replaceChildren(el("ul", { cls: "cluster-names" }, d.clusters.map((c) => el("li", { text: c.name }))));
        return;
      }
      // Revealed clusters arrive ranked by the game (sessions/sections_stap1.py).
      const most = Math.max(1, ...d.clusters.map((c) => c.total));
      container.replaceChildren(bars(d.clusters.map((c) => ({ key: "dots", label: c.name, percent: (100 * c.total) / most, value: fmt(strings.dots_total, { n: c.total }) }))));
    },
  };
}

function sharedPicture(container) {
  return { update: (state) => container.replaceChildren(...pictureSections(state.picture)) };
}

export const kinds = { statements, notes: notesView(false), clusters: notesView(true), dots, "shared-picture": sharedPicture };
