// Notes, clusters, dots and the shared picture (Stap 1, sessions/concepts/notes.py). The phone
// writes notes (anonymous unless signed; drafts in localStorage until the server has them),
// spends its dots and reads the shared picture. The console watches the notes arrive, clusters
// them (drag and drop, or the keyboard through each note's "move to" list), runs the dots and
// writes the shared picture. The projector shows the wall, the clusters, the dot results once
// revealed and the picture.
import { el, fmt, limits, showError, strings } from "../ui.js";
import {
  bars,
  dotStepper,
  dotsLeft,
  layerTable,
  addForm,
  onAction,
  onDots,
  onOwnItems,
  plural,
  ownItemActions,
  renderOnce,
  showCount,
  snapshotView,
  spentDots,
  storedDraft,
} from "../widgets.js";

const S = strings.notes;

// The picture's parts, in the string table's order.
const PICTURE_FIELDS = Object.keys(S.picture);

const promptText = (prompts, key) => (prompts.find((p) => p.key === key) || {}).text || "";

// --- notes --------------------------------------------------------------------------------

function write(container, socket) {
  const store = storedDraft("note");
  const draft = store.get() || { prompt: "", text: "", signed: false, note: null };
  const form = el("form", { cls: "note-form", attrs: { novalidate: "" } });
  const promptSelect = el("select", { attrs: { id: "note-prompt", required: "" } });
  const help = el("p", { cls: "hint", attrs: { id: "note-prompt-help" } });
  const textarea = el("textarea", { attrs: { id: "note-text", rows: "4", "aria-describedby": "note-counter" } });
  const counter = el("p", { cls: "counter", attrs: { id: "note-counter", "aria-live": "polite" } });
  const signed = el("input", { attrs: { type: "checkbox", id: "note-signed" } });
  const submit = el("button", { cls: "button primary wide", attrs: { type: "submit" } });
  const cancel = el("button", { cls: "button wide", text: strings.cancel_edit, attrs: { type: "button" } });
  const mine = el("ul", { cls: "my-notes" });
  form.append(
    el("div", { cls: "field" }, [el("label", { text: S.prompt, attrs: { for: "note-prompt" } }), promptSelect, help]),
    el("div", { cls: "field" }, [el("label", { text: S.your_note, attrs: { for: "note-text" } }), textarea, counter]),
    el("label", { cls: "choice" }, [signed, el("span", { text: S.sign_note })]),
    submit,
    cancel,
  );
  container.append(form, el("h2", { text: S.my_notes }), mine);
  let max = 0; // the server's length limit, from the snapshot
  let promptsShown = "";
  let prompts = [];
  let own = [];

  function save() {
    draft.prompt = promptSelect.value;
    draft.text = textarea.value;
    draft.signed = signed.checked;
    if (draft.text.trim()) store.set(draft);
    else store.clear();
    showCount(counter, textarea.value.length, max);
    submit.textContent = draft.note ? strings.save_changes : S.add_note;
    cancel.hidden = !draft.note;
    const prompt = prompts.find((p) => p.key === promptSelect.value);
    help.textContent = prompt ? prompt.help : "";
  }
  function reset() {
    Object.assign(draft, { text: "", signed: false, note: null });
    textarea.value = "";
    signed.checked = false;
    save();
  }
  function send() {
    const args = { prompt: promptSelect.value, text: textarea.value, signed: signed.checked };
    const request = draft.note ? socket.send("note.edit", { note: draft.note, text: args.text, signed: args.signed }) : socket.send("note.write", args);
    return request.then(reset);
  }
  textarea.value = draft.text;
  signed.checked = draft.signed;
  form.addEventListener("input", save);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    send().catch(() => textarea.focus());
  });
  cancel.addEventListener("click", reset);
  onOwnItems(mine, () => own, {
    confirmText: () => S.confirm_delete_note,
    remove: (id) => socket.send("note.delete", { note: id }),
    edit(note) {
      Object.assign(draft, { note: note.id, prompt: note.prompt, text: note.text, signed: note.signed });
      promptSelect.value = note.prompt;
      textarea.value = note.text;
      signed.checked = note.signed;
      save();
      textarea.focus();
    },
  });
  return {
    update(state, me) {
      max = state.note_max;
      textarea.maxLength = max;
      prompts = state.prompts || [];
      const key = prompts.map((p) => p.key + p.text).join("|");
      if (key !== promptsShown) {
        promptSelect.replaceChildren(...prompts.map((p) => el("option", { text: p.text, attrs: { value: p.key } })));
        promptSelect.value = draft.prompt || (prompts[0] && prompts[0].key) || "";
        promptsShown = key;
      }
      const locked = state.phase.locked;
      for (const node of [promptSelect, textarea, signed, submit]) node.disabled = locked;
      save();
      own = (me && me.notes) || [];
      renderOnce(mine, [own, prompts, locked], () =>
        own
          .slice()
          .reverse()
          .map((note) =>
            el("li", { cls: "note" }, [
              el("p", { cls: "note-prompt", text: promptText(prompts, note.prompt) }),
              el("p", { cls: "note-text", text: note.text }),
              el("p", { cls: "meta", text: note.signed ? S.signed : S.anonymous }),
              locked ? "" : ownItemActions(note.id, { cls: "note-actions" }),
            ]),
          ),
      );
    },
    // The facilitator moved on: an unsent draft is sent now (the notes phase accepts it until
    // it is locked); if that fails it stays in localStorage and comes back next time.
    leave() {
      if (textarea.value.trim()) send().catch((error) => showError(error));
    },
  };
}

// A note on the console; `clusters` given, with a "move to" list for the keyboard.
function noteCard(note, prompts, clusters = null) {
  const children = [
    el("p", { cls: "note-prompt", text: promptText(prompts, note.prompt) }),
    el("p", { cls: "note-text", text: note.text }),
    note.author ? el("p", { cls: "meta", text: note.author }) : "",
  ];
  if (clusters) {
    const select = el("select", { attrs: { "data-note": note.id, "data-focus": `move-${note.id}`, "aria-label": fmt(S.move_note, { text: note.text.slice(0, 40) }) } }, [
      el("option", { text: S.unsorted, attrs: { value: "" } }),
      ...clusters.map((c) => el("option", { text: c.name, attrs: { value: String(c.id) } })),
    ]);
    select.value = note.cluster ? String(note.cluster) : "";
    children.push(select);
  }
  return el("li", { cls: "note", attrs: clusters ? { draggable: "true", "data-note": note.id } : {} }, children);
}

const watch = snapshotView(
  (state) => [state.notes, state.prompts],
  (state) => [
    el("p", { cls: "meta", text: plural(S.note_count, state.notes.length) }),
    ...state.prompts.map((prompt) => {
      const mine = state.notes.filter((n) => n.prompt === prompt.key);
      return el("section", { cls: "note-column" }, [el("h2", { text: `${prompt.text} (${mine.length})` }), el("ul", { cls: "notes" }, mine.map((n) => noteCard(n, state.prompts)))]);
    }),
  ],
  "note-wall",
);

// The wall on the projector: per prompt (with the signed authors), or per cluster.
function wall(state, grouped) {
  const card = (n, withAuthor) => el("li", { cls: "note" }, [el("p", { cls: "note-text", text: n.text }), withAuthor && n.author ? el("p", { cls: "meta", text: n.author }) : ""]);
  const column = (title, notes, withAuthor) => el("section", { cls: "note-column" }, [el("h2", { text: title }), el("ul", { cls: "notes" }, notes.map((n) => card(n, withAuthor)))]);
  if (!grouped) return state.prompts.map((prompt) => column(prompt.text, state.notes.filter((n) => n.prompt === prompt.key), true));
  return [
    ...state.clusters.map((c) => column(c.name, state.notes.filter((n) => n.cluster === c.id), false)),
    column(S.unsorted, state.notes.filter((n) => !n.cluster), false),
  ];
}

const wallView = (grouped) => snapshotView((state) => [state.notes, state.prompts, state.clusters], (state) => wall(state, grouped), "note-wall");

// --- clusters -----------------------------------------------------------------------------

function cluster(container, socket) {
  const form = addForm("cluster-name", S.new_cluster, limits.cluster_name, (name) => socket.send("cluster.create", { name }));
  const board = el("div", { cls: "cluster-board" });
  container.append(el("p", { cls: "hint", text: S.cluster_help }), form, board);
  const move = (note, to) => socket.send("note.move", { note, cluster: to }).catch(() => {});
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
  onAction(board, {
    delete(id) {
      if (confirm(S.confirm_delete_cluster)) socket.send("cluster.delete", { cluster: id }).catch(() => {});
    },
    rename(id, button) {
      const name = prompt(S.rename_cluster, button.dataset.name);
      if (name) socket.send("cluster.rename", { cluster: id, name }).catch(() => {});
    },
  });
  return {
    update(state) {
      const column = (title, id, items, actions) =>
        el("section", { cls: "cluster", attrs: { "data-drop": id ?? "", "aria-label": title } }, [
          el("h2", { text: `${title} (${items.length})` }),
          actions,
          el("ul", { cls: "notes" }, items.map((n) => noteCard(n, state.prompts, state.clusters))),
        ]);
      renderOnce(board, [state.notes, state.prompts, state.clusters], () => [
        column(S.unsorted, null, state.notes.filter((n) => !n.cluster), ""),
        ...state.clusters.map((c) =>
          column(
            c.name,
            c.id,
            state.notes.filter((n) => n.cluster === c.id),
            el("div", { cls: "row-actions" }, [
              el("button", { cls: "button small", text: S.rename, attrs: { type: "button", "data-id": c.id, "data-name": c.name, "data-action": "rename", "data-focus": `rename-${c.id}` } }),
              el("button", { cls: "button small danger", text: strings.delete, attrs: { type: "button", "data-id": c.id, "data-action": "delete", "data-focus": `delete-${c.id}` } }),
            ]),
          ),
        ),
      ]);
    },
  };
}

// --- dots ---------------------------------------------------------------------------------

function spend(container, socket) {
  const left = el("p", { cls: "dots-left", attrs: { "aria-live": "polite" } });
  const list = el("ul", { cls: "dot-list" });
  container.append(left, list);
  const opened = new Set(); // clusters whose notes the participant unfolded: kept across updates
  list.addEventListener(
    "toggle",
    (event) => {
      const id = event.target.dataset.notes;
      if (id) event.target.open ? opened.add(id) : opened.delete(id);
    },
    true,
  );
  onDots(list, (id, dots) => socket.send("dots.set", { cluster: id, dots }));
  return {
    update(state, me) {
      const mine = (me && me.dots) || {};
      const spent = spentDots(mine);
      const total = state.dots.per_participant;
      left.textContent = dotsLeft(spent, total);
      const locked = state.phase.locked;
      renderOnce(list, [state.dots.clusters, mine, total, locked], () =>
        state.dots.clusters.map((c) => {
          const count = mine[String(c.id)] || 0;
          return el("li", { cls: "dot-item" }, [
            el("div", { cls: "dot-name" }, [
              el("strong", { text: c.name }),
              c.total !== null ? el("span", { cls: "meta", text: plural(S.dots_total, c.total) }) : "",
              // What the cluster holds, so people vote on content and not on a name alone.
              c.notes.length
                ? el("details", { cls: "cluster-notes", attrs: { "data-notes": String(c.id), ...(opened.has(String(c.id)) ? { open: "" } : {}) } }, [
                    el("summary", { text: plural(S.cluster_notes, c.notes.length) }),
                    el("ul", {}, c.notes.map((text) => el("li", { text }))),
                  ])
                : "",
            ]),
            dotStepper(c.id, { name: c.name, count, full: spent >= total, locked, group: { "aria-label": c.name } }),
          ]);
        }),
      );
    },
  };
}

function runDots(container, socket) {
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
      renderOnce(controls, [d.per_participant, d.revealed], () => [
        el("label", { text: S.dots_per, attrs: { for: "dots-per" } }),
        el("input", { attrs: { id: "dots-per", type: "number", min: "1", max: String(limits.dots_per_participant), value: String(d.per_participant), "data-focus": "dots-per" } }),
        el("button", { cls: "button", text: d.revealed ? S.hide_results : strings.reveal, attrs: { type: "button", "data-reveal": d.revealed ? "0" : "1", "data-focus": "reveal" } }),
      ]);
      // Clusters arrive ranked by the game (sessions/concepts/notes.py).
      renderOnce(results, d, () => [
        el("p", { cls: "meta", text: d.revealed ? strings.revealed : strings.hidden_results }),
        d.columns ? layerTable(S.dots_per_layer, d.columns, d.clusters.map((c) => ({ label: `${c.name} — ${c.total}`, cells: c.by_column }))) : "",
      ]);
    },
  };
}

const projectDots = snapshotView(
  (state) => state.dots,
  ({ dots: d }) => {
    if (!d.revealed) return [el("ul", { cls: "cluster-names" }, d.clusters.map((c) => el("li", { text: c.name })))];
    // Revealed clusters arrive ranked by the game (sessions/concepts/notes.py).
    const most = Math.max(1, ...d.clusters.map((c) => c.total));
    return [bars(d.clusters.map((c) => ({ key: "dots", label: c.name, percent: (100 * c.total) / most, value: plural(S.dots_total, c.total) })))];
  },
);

// --- the shared picture -------------------------------------------------------------------

function pictureSections(picture) {
  return PICTURE_FIELDS.map((name) =>
    el("section", { cls: "picture-part" }, [
      el("h2", { text: S.picture[name] }),
      el("p", { cls: "picture-text", text: (picture.texts && picture.texts[name]) || "…" }),
    ]),
  );
}

const readPicture = snapshotView(
  (state) => state.picture,
  ({ picture }) => (picture.texts ? pictureSections(picture) : [el("p", { cls: "meta", text: S.picture_pending })]),
);

function writePicture(container, socket) {
  const form = el("form", { cls: "picture-form" });
  const inputs = {};
  for (const name of PICTURE_FIELDS) {
    inputs[name] = el("textarea", { attrs: { id: `picture-${name}`, rows: "5", maxlength: "4000" } });
    form.append(el("div", { cls: "field" }, [el("label", { text: S.picture[name], attrs: { for: `picture-${name}` } }), inputs[name]]));
  }
  const version = el("p", { cls: "meta", attrs: { "aria-live": "polite" } });
  form.append(version, el("button", { cls: "button primary", text: S.save_version, attrs: { type: "submit" } }));
  container.append(form);
  let dirty = false;
  form.addEventListener("input", () => (dirty = true));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const texts = Object.fromEntries(PICTURE_FIELDS.map((name) => [name, inputs[name].value]));
    socket
      .send("picture.save", { texts })
      .then(() => (dirty = false))
      .catch(() => {});
  });
  return {
    update(state) {
      const p = state.picture;
      version.textContent = p.version ? fmt(S.picture_version, { n: p.version }) : S.picture_unsaved;
      if (dirty) return; // never overwrite what the facilitator is typing
      for (const name of PICTURE_FIELDS) inputs[name].value = (p.texts || p.draft)[name] || "";
    },
  };
}

const projectPicture = snapshotView(
  (state) => state.picture,
  ({ picture }) => pictureSections(picture),
);

export const views = {
  notes: { phone: write, console: watch, screen: wallView(false) },
  clusters: { console: cluster, screen: wallView(true) },
  dots: { phone: spend, console: runDots, screen: projectDots },
  "shared-picture": { phone: readPicture, console: writePicture, screen: projectPicture },
};
