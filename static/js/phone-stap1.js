// Stap 1 on the phone: answer a stelling, write notes (anonymous unless signed), spend dots,
// read the shared picture. Drafts live in localStorage until the server acknowledges them.
import { bars, el, fmt, keepFocus, showError, strings } from "./ui.js";

const ANSWERS = ["eens", "oneens", "weet-niet"];

function statementBars(results) {
  return bars(
    ANSWERS.map((key) => ({
      key,
      label: strings.answers[key],
      percent: results.percentages[key],
      value: `${results.percentages[key]}% (${results.counts[key]})`,
    })),
  );
}

function statements(container, socket) {
  const text = el("p", { cls: "statement-text" });
  const buttons = ANSWERS.map((key) =>
    el("button", { text: strings.answers[key], cls: `button answer answer-${key}`, attrs: { type: "button", "aria-pressed": "false" } }),
  );
  const group = el("div", { cls: "answer-buttons", attrs: { role: "group", "aria-label": strings.your_answer } }, buttons);
  const waiting = el("p", { cls: "meta", text: strings.no_statement });
  const results = el("div", { cls: "results" });
  container.append(waiting, text, group, results);
  let statement = null;
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
      const answer = me && me.answer;
      buttons.forEach((button, index) => button.setAttribute("aria-pressed", String(answer === ANSWERS[index])));
      results.replaceChildren(...(statement.results ? [el("h2", { text: strings.results }), statementBars(statement.results)] : []));
    },
  };
}

function notes(container, socket) {
  const storeKey = `verticaal-note-draft-${location.pathname}`;
  const draft = JSON.parse(localStorage.getItem(storeKey) || "null") || { prompt: "", text: "", signed: false, note: null };
  const form = el("form", { cls: "note-form", attrs: { novalidate: "" } });
  const promptSelect = el("select", { attrs: { id: "note-prompt", required: "" } });
  const help = el("p", { cls: "hint", attrs: { id: "note-prompt-help" } });
  const textarea = el("textarea", { attrs: { id: "note-text", rows: "4", maxlength: "280", "aria-describedby": "note-counter" } });
  const counter = el("p", { cls: "counter", attrs: { id: "note-counter", "aria-live": "polite" } });
  const signed = el("input", { attrs: { type: "checkbox", id: "note-signed" } });
  const submit = el("button", { cls: "button primary wide", attrs: { type: "submit" } });
  const cancel = el("button", { cls: "button wide", text: strings.cancel_edit, attrs: { type: "button" } });
  const mine = el("ul", { cls: "my-notes" });
  form.append(
    el("div", { cls: "field" }, [el("label", { text: strings.prompt, attrs: { for: "note-prompt" } }), promptSelect, help]),
    el("div", { cls: "field" }, [el("label", { text: strings.your_note, attrs: { for: "note-text" } }), textarea, counter]),
    el("label", { cls: "choice" }, [signed, el("span", { text: strings.sign_note })]),
    submit,
    cancel,
  );
  container.append(form, el("h2", { text: strings.my_notes }), mine);
  let max = 280;
  let promptsShown = "";
  let prompts = [];

  function save() {
    draft.prompt = promptSelect.value;
    draft.text = textarea.value;
    draft.signed = signed.checked;
    if (draft.text.trim()) localStorage.setItem(storeKey, JSON.stringify(draft));
    else localStorage.removeItem(storeKey);
    counter.textContent = fmt(strings.counter, { n: textarea.value.length, max });
    counter.classList.toggle("over", textarea.value.length > max);
    submit.textContent = draft.note ? strings.save_note : strings.add_note;
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
  mine.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (!button) return;
    const id = Number(button.dataset.note);
    if (button.dataset.action === "delete") {
      if (confirm(strings.confirm_delete_note)) socket.send("note.delete", { note: id }).catch(() => {});
      return;
    }
    const note = JSON.parse(button.dataset.json);
    Object.assign(draft, { note: id, prompt: note.prompt, text: note.text, signed: note.signed });
    promptSelect.value = note.prompt;
    textarea.value = note.text;
    signed.checked = note.signed;
    save();
    textarea.focus();
  });
  return {
    update(state, me) {
      max = state.note_max || max;
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
      keepFocus(mine, () =>
        mine.replaceChildren(
          ...((me && me.notes) || []).slice().reverse().map((note) =>
            el("li", { cls: "note" }, [
              el("p", { cls: "note-prompt", text: (prompts.find((p) => p.key === note.prompt) || {}).text || "" }),
              el("p", { cls: "note-text", text: note.text }),
              el("p", { cls: "meta", text: note.signed ? strings.signed : strings.anonymous }),
              el("div", { cls: "note-actions" }, locked ? [] : [
                el("button", { cls: "button small", text: strings.edit, attrs: { type: "button", "data-action": "edit", "data-note": note.id, "data-json": JSON.stringify(note), "data-focus": `edit-${note.id}` } }),
                el("button", { cls: "button small danger", text: strings.delete, attrs: { type: "button", "data-action": "delete", "data-note": note.id, "data-focus": `delete-${note.id}` } }),
              ]),
            ]),
          ),
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

function dots(container, socket) {
  const left = el("p", { cls: "dots-left", attrs: { "aria-live": "polite" } });
  const list = el("ul", { cls: "dot-list" });
  container.append(left, list);
  const opened = new Set(); // clusters whose notes the participant unfolded: kept across updates
  list.addEventListener("toggle", (event) => {
    const id = event.target.dataset.notes;
    if (id) event.target.open ? opened.add(id) : opened.delete(id);
  }, true);
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-cluster]");
    if (button) socket.send("dots.set", { cluster: Number(button.dataset.cluster), dots: Number(button.dataset.dots) }).catch(() => {});
  });
  return {
    update(state, me) {
      const mine = (me && me.dots) || {};
      const spent = Object.values(mine).reduce((a, b) => a + b, 0);
      const total = state.dots.per_participant;
      left.textContent = fmt(strings.dots_left, { n: total - spent, total });
      const locked = state.phase.locked;
      keepFocus(list, () =>
        list.replaceChildren(
          ...state.dots.clusters.map((cluster) => {
            const count = mine[String(cluster.id)] || 0;
            return el("li", { cls: "dot-item" }, [
              el("div", { cls: "dot-name" }, [
                el("strong", { text: cluster.name }),
                cluster.total !== null ? el("span", { cls: "meta", text: fmt(strings.dots_total, { n: cluster.total }) }) : "",
                // What the cluster holds, so people vote on content and not on a name alone.
                cluster.notes.length
                  ? el("details", { cls: "cluster-notes", attrs: { "data-notes": String(cluster.id), ...(opened.has(String(cluster.id)) ? { open: "" } : {}) } }, [
                      el("summary", { text: fmt(strings.cluster_notes, { n: cluster.notes.length }) }),
                      el("ul", {}, cluster.notes.map((text) => el("li", { text }))),
                    ])
                  : "",
              ]),
              el("div", { cls: "stepper", attrs: { role: "group", "aria-label": cluster.name } }, [
                el("button", { cls: "button round", text: "−", attrs: { type: "button", "aria-label": fmt(strings.dot_remove, { name: cluster.name }), "data-cluster": cluster.id, "data-dots": count - 1, "data-focus": `minus-${cluster.id}`, ...(count === 0 || locked ? { disabled: "" } : {}) } }),
                el("span", { cls: "dot-count", text: String(count), attrs: { "aria-label": fmt(strings.dots_mine, { n: count }) } }),
                el("button", { cls: "button round", text: "+", attrs: { type: "button", "aria-label": fmt(strings.dot_add, { name: cluster.name }), "data-cluster": cluster.id, "data-dots": count + 1, "data-focus": `plus-${cluster.id}`, ...(spent >= total || locked ? { disabled: "" } : {}) } }),
              ]),
            ]);
          }),
        ),
      );
    },
  };
}

export function pictureSections(picture) {
  return ["what_it_is", "what_it_is_not", "shadow_sides", "obstacles"].map((field) =>
    el("section", { cls: "picture-part" }, [
      el("h2", { text: strings.picture[field] }),
      el("p", { cls: "picture-text", text: (picture.texts && picture.texts[field]) || "…" }),
    ]),
  );
}

function sharedPicture(container) {
  return {
    update(state) {
      container.replaceChildren(...(state.picture.texts ? pictureSections(state.picture) : [el("p", { cls: "meta", text: strings.picture_pending })]));
    },
  };
}

export const kinds = { statements, notes, dots, "shared-picture": sharedPicture };
export { statementBars };
