// Stap 1 on the facilitator's console: run stellingen, watch notes arrive, cluster them (drag
// and drop, or the keyboard through each note's "move to" list), dots, and the shared picture.
import { statementBars } from "./phone-stap1.js";
import { el, fmt, keepFocus, strings } from "./ui.js";

function layerTable(caption, layers, rows) {
  // rows: [{label, cells: {layerKey: text}}]
  const table = el("table", { cls: "table grid-table" }, [
    el("caption", { text: caption }),
    el("thead", {}, [el("tr", {}, [el("th", { text: "", attrs: { scope: "col" } }), ...layers.map((l) => el("th", { text: l.label, attrs: { scope: "col" } }))])]),
    el("tbody", {}, rows.map((row) => el("tr", {}, [el("th", { text: row.label, attrs: { scope: "row" } }), ...layers.map((l) => el("td", { text: row.cells[l.key] ?? "–" }))]))),
  ]);
  return el("div", { cls: "table-scroll", attrs: { tabindex: "0", role: "region", "aria-label": caption } }, [table]);
}

// A one-line form that adds something: send(value) goes to the server and the field empties once
// it is accepted.
function addForm(id, label, maxlength, send) {
  const input = el("input", { attrs: { id, type: "text", maxlength } });
  const form = el("form", { cls: "inline-form" }, [
    el("label", { text: label, attrs: { for: id } }),
    input,
    el("button", { cls: "button", text: strings.add, attrs: { type: "submit" } }),
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send(input.value).then(() => (input.value = "")).catch(() => {});
  });
  return form;
}

function statements(container, socket) {
  const form = addForm("statement-text", strings.new_statement, "300", (text) => socket.send("statement.add", { text }));
  const current = el("div", { cls: "current-statement" });
  const list = el("ol", { cls: "statement-list" });
  container.append(current, el("h2", { text: strings.statements }), list, form);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-cmd]");
    if (button) socket.send(button.dataset.cmd, { statement: Number(button.dataset.id) }).catch(() => {});
  });
  return {
    update(state) {
      const s = state.statement;
      current.replaceChildren(
        ...(s
          ? [
              el("p", { cls: "statement-text", text: s.text }),
              el("p", { cls: "meta", text: fmt(strings.answered, { n: s.answered }) + (s.status === "revealed" ? ` · ${strings.revealed}` : ` · ${strings.hidden_results}`) }),
              statementBars(s.results),
              layerTable(strings.per_layer, state.layers, ["eens", "oneens", "weet-niet"].map((key) => ({
                label: strings.answers[key],
                cells: Object.fromEntries(Object.entries(s.by_layer).map(([layer, r]) => [layer, r.total ? `${r.percentages[key]}%` : "–"])),
              }))),
            ]
          : [el("p", { cls: "meta", text: strings.no_statement_console })]),
      );
      keepFocus(list, () =>
        list.replaceChildren(
          ...state.statements.map((item) =>
            el("li", { cls: `statement-item status-${item.status}` }, [
              el("span", { text: item.text }),
              el("span", { cls: "badge", text: strings.statement_status[item.status] }),
              el("span", { cls: "row-actions" }, [
                ...(item.status === "draft" || item.status === "closed" ? [["statement.open", strings.open_statement]] : []),
                ...(item.status === "open" ? [["statement.reveal", strings.reveal]] : []),
                ...(item.status === "open" || item.status === "revealed" ? [["statement.close", strings.close]] : []),
              ].map(([cmd, label]) => el("button", { cls: "button small", text: label, attrs: { type: "button", "data-cmd": cmd, "data-id": item.id, "data-focus": `${cmd}-${item.id}` } }))),
            ]),
          ),
        ),
      );
    },
  };
}

function noteCard(note, prompts, clusters, draggable) {
  const prompt = (prompts.find((p) => p.key === note.prompt) || {}).text || "";
  const children = [
    el("p", { cls: "note-prompt", text: prompt }),
    el("p", { cls: "note-text", text: note.text }),
    note.author ? el("p", { cls: "meta", text: note.author }) : "",
  ];
  if (draggable) {
    const select = el("select", { attrs: { "data-note": note.id, "data-focus": `move-${note.id}`, "aria-label": fmt(strings.move_note, { text: note.text.slice(0, 40) }) } }, [
      el("option", { text: strings.unsorted, attrs: { value: "" } }),
      ...clusters.map((c) => el("option", { text: c.name, attrs: { value: String(c.id) } })),
    ]);
    select.value = note.cluster ? String(note.cluster) : "";
    children.push(select);
  }
  return el("li", { cls: "note", attrs: draggable ? { draggable: "true", "data-note": note.id } : {} }, children);
}

function notes(container) {
  const wall = el("div", { cls: "note-wall" });
  container.append(wall);
  return {
    update(state) {
      wall.replaceChildren(
        el("p", { cls: "meta", text: fmt(strings.note_count, { n: state.notes.length }) }),
        ...state.prompts.map((prompt) => {
          const mine = state.notes.filter((n) => n.prompt === prompt.key);
          return el("section", { cls: "note-column" }, [
            el("h2", { text: `${prompt.text} (${mine.length})` }),
            el("ul", { cls: "notes" }, mine.map((n) => noteCard(n, state.prompts, state.clusters, false))),
          ]);
        }),
      );
    },
  };
}

function clusters(container, socket) {
  const form = addForm("cluster-name", strings.new_cluster, "120", (name) => socket.send("cluster.create", { name }));
  const board = el("div", { cls: "cluster-board" });
  container.append(el("p", { cls: "hint", text: strings.cluster_help }), form, board);
  const move = (note, cluster) => socket.send("note.move", { note, cluster }).catch(() => {});
  board.addEventListener("change", (event) => {
    const select = event.target.closest("select[data-note]");
    if (select) move(Number(select.dataset.note), select.value ? Number(select.value) : null);
  });
  board.addEventListener("dragstart", (event) => {
    const card = event.target.closest("[data-note]");
    if (card) event.dataTransfer.setData("text/plain", card.dataset.note);
  });
  board.addEventListener("dragover", (event) => {
    if (event.target.closest("[data-drop]")) event.preventDefault();
  });
  board.addEventListener("drop", (event) => {
    const zone = event.target.closest("[data-drop]");
    if (!zone) return;
    event.preventDefault();
    move(Number(event.dataTransfer.getData("text/plain")), zone.dataset.drop ? Number(zone.dataset.drop) : null);
  });
  board.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-cluster]");
    if (!button) return;
    const id = Number(button.dataset.cluster);
    if (button.dataset.action === "delete") {
      if (confirm(strings.confirm_delete_cluster)) socket.send("cluster.delete", { cluster: id }).catch(() => {});
    } else {
      const name = prompt(strings.rename_cluster, button.dataset.name);
      if (name) socket.send("cluster.rename", { cluster: id, name }).catch(() => {});
    }
  });
  return {
    update(state) {
      const column = (title, id, items, actions) =>
        el("section", { cls: "cluster", attrs: { "data-drop": id ?? "", "aria-label": title } }, [
          el("h2", { text: `${title} (${items.length})` }),
          actions,
          el("ul", { cls: "notes" }, items.map((n) => noteCard(n, state.prompts, state.clusters, true))),
        ]);
      keepFocus(board, () =>
        board.replaceChildren(
          column(strings.unsorted, null, state.notes.filter((n) => !n.cluster), ""),
          ...state.clusters.map((c) =>
            column(c.name, c.id, state.notes.filter((n) => n.cluster === c.id), el("div", { cls: "row-actions" }, [
              el("button", { cls: "button small", text: strings.rename, attrs: { type: "button", "data-cluster": c.id, "data-name": c.name, "data-action": "rename", "data-focus": `rename-${c.id}` } }),
              el("button", { cls: "button small danger", text: strings.delete, attrs: { type: "button", "data-cluster": c.id, "data-action": "delete", "data-focus": `delete-${c.id}` } }),
            ])),
          ),
        ),
      );
    },
  };
}

function dots(container, socket) {
  const controls = el("div", { cls: "controls" });
  const results = el("div");
  container.append(controls, results);
  controls.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-reveal]");
    if (button) socket.send("dots.reveal", { revealed: button.dataset.reveal === "1" }).catch(() => {});
  });
  controls.addEventListener("change", (event) => {
    if (event.target.id === "dots-per") socket.send("dots.configure", { per_participant: Number(event.target.value) }).catch(() => {});
  });
  return {
    update(state) {
      const d = state.dots;
      keepFocus(controls, () =>
        controls.replaceChildren(
          el("label", { text: strings.dots_per, attrs: { for: "dots-per" } }),
          el("input", { attrs: { id: "dots-per", type: "number", min: "1", max: "20", value: String(d.per_participant), "data-focus": "dots-per" } }),
          el("button", { cls: "button", text: d.revealed ? strings.hide_results : strings.reveal, attrs: { type: "button", "data-reveal": d.revealed ? "0" : "1", "data-focus": "reveal" } }),
        ),
      );
      // Clusters arrive ranked by the game (sessions/sections_stap1.py).
      results.replaceChildren(
        el("p", { cls: "meta", text: d.revealed ? strings.revealed : strings.hidden_results }),
        layerTable(strings.dots_per_layer, state.layers, d.clusters.map((c) => ({ label: `${c.name} — ${c.total}`, cells: c.by_layer || {} }))),
      );
    },
  };
}

function sharedPicture(container, socket) {
  const fields = ["what_it_is", "what_it_is_not", "shadow_sides", "obstacles"];
  const form = el("form", { cls: "picture-form" });
  const inputs = {};
  for (const field of fields) {
    inputs[field] = el("textarea", { attrs: { id: `picture-${field}`, rows: "5", maxlength: "4000" } });
    form.append(el("div", { cls: "field" }, [el("label", { text: strings.picture[field], attrs: { for: `picture-${field}` } }), inputs[field]]));
  }
  const version = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  form.append(version, el("button", { cls: "button primary", text: strings.save_version, attrs: { type: "submit" } }));
  container.append(form);
  let dirty = false;
  form.addEventListener("input", () => (dirty = true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const texts = Object.fromEntries(fields.map((f) => [f, inputs[f].value]));
    socket.send("picture.save", { texts }).then(() => (dirty = false)).catch(() => {});
  });
  return {
    update(state) {
      const p = state.picture;
      version.textContent = p.version ? fmt(strings.picture_version, { n: p.version }) : strings.picture_unsaved;
      if (dirty) return; // never overwrite what the facilitator is typing
      for (const field of fields) inputs[field].value = (p.texts || p.draft)[field] || "";
    },
  };
}

export const kinds = { statements, notes, clusters, dots, "shared-picture": sharedPicture };
