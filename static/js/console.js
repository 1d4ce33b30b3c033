// The facilitator's console: moves through the programme, runs the timer, locks input, shows
// who is in (per layer, online/offline, done with this phase) and, on day 2, who comes back on
// a new device. What each phase shows is in the concepts' views (views/*.js).
import { byId, el, fmt, livePage, redraw, renderLayerCounts, setText, show, strings } from "./ui.js";
import { viewsFor } from "./views/index.js";
import { plural, renderOnce, timeOf } from "./widgets.js";

// The claims panel's texts belong to day 2 (sessions/concepts/followup.py).
const S = strings.followup;
const root = byId("console");

// Returning participants, above whatever phase is on, in any phase whose snapshot carries
// `claims` (sessions/concepts/followup.py): a new device says it is someone from day 1 and
// shows a check code; the facilitator compares the code and confirms or rejects.
function claimsPanel(send) {
  const list = el("ul", { cls: "claims" });
  const announce = el("p", { cls: "visually-hidden", attrs: { "aria-live": "polite" } });
  const node = el("section", { cls: "claims-panel", attrs: { "aria-labelledby": "claims-heading", hidden: "" } }, [
    el("h2", { text: S.claims_heading, attrs: { id: "claims-heading" } }),
    el("p", { cls: "hint", text: S.claims_help }),
    list,
    announce,
  ]);
  let claims = [];
  let seen = null;
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-claim]");
    if (!button) return;
    const claim = claims.find((c) => c.id === Number(button.dataset.claim));
    if (!claim) return;
    if (button.dataset.action === "confirm") send("claim.confirm", { claim: claim.id });
    else if (confirm(fmt(S.confirm_reject, { name: claim.name }))) send("claim.reject", { claim: claim.id });
  });
  return {
    node,
    update(state) {
      claims = state.claims || [];
      node.hidden = !state.claims || (!claims.length && state.step.day !== 2);
      const ids = claims.map((c) => c.id).join(",");
      if (seen !== null && ids !== seen && claims.length) announce.textContent = plural(S.claims_waiting, claims.length);
      seen = ids;
      renderOnce(list, claims, () =>
        claims.length
          ? claims.map((claim) =>
              el("li", { cls: "claim" }, [
                el("div", { cls: "claim-who" }, [
                  el("strong", { cls: "claim-name", text: claim.name }),
                  el("span", { cls: "meta", text: `${claim.layer_label} · ${fmt(S.claim_since, { time: timeOf(claim.created_at) })}` }),
                ]),
                el("p", { cls: "claim-code" }, [
                  el("span", { cls: "claim-code-label", text: S.check_code }),
                  el("strong", { cls: "check-code-value" }, [
                    el("span", { text: claim.check_code, attrs: { "aria-hidden": "true" } }),
                    el("span", { cls: "visually-hidden", text: claim.check_code.split("").join(" ") }),
                  ]),
                ]),
                el("div", { cls: "row-actions" }, [
                  el("button", {
                    cls: "button small primary",
                    text: S.claim_confirm,
                    attrs: { type: "button", "data-claim": claim.id, "data-action": "confirm", "data-focus": `confirm-${claim.id}`, "aria-label": fmt(S.claim_confirm_label, { name: claim.name, code: claim.check_code }) },
                  }),
                  el("button", {
                    cls: "button small danger",
                    text: S.claim_reject,
                    attrs: { type: "button", "data-claim": claim.id, "data-action": "reject", "data-focus": `reject-${claim.id}`, "aria-label": fmt(S.claim_reject_label, { name: claim.name }) },
                  }),
                ]),
              ]),
            )
          : [el("li", { cls: "meta", text: S.no_claims })],
      );
    },
  };
}

// Texts in quarantine (sessions/concepts/practice.py `quarantined`), above the phase in every
// phase participants write in: what was found, what the author says it is, and a button to
// let each finding through. The room sees none of these until every finding is cleared.
function quarantinePanel(send) {
  const P = strings.practice;
  const list = el("ul", { cls: "quarantine" });
  const announce = el("p", { cls: "visually-hidden", attrs: { "aria-live": "polite" } });
  const node = el("section", { cls: "quarantine-panel", attrs: { "aria-labelledby": "quarantine-heading", hidden: "" } }, [
    el("h2", { text: P.quarantine_heading, attrs: { id: "quarantine-heading" } }),
    el("p", { cls: "hint", text: P.quarantine_help }),
    list,
    announce,
  ]);
  let count = null;
  list.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-finding]");
    if (button) send("privacy.clear", { kind: button.dataset.kind, id: Number(button.dataset.id), finding: Number(button.dataset.finding) });
  });
  const item = (text) =>
    el("li", { cls: "quarantined-text" }, [
      el("p", { cls: "meta", text: P.quarantine_kind[text.kind] }),
      ...Object.values(text.texts)
        .filter(Boolean)
        .map((value) => el("p", { cls: "pre-line", text: value })),
      el(
        "ul",
        { cls: "finding-review" },
        text.findings.map((finding, index) =>
          el("li", {}, [
            el("mark", { text: `“${finding.excerpt}”` }),
            el("span", { text: ` ${P.finding_kinds[finding.kind] || finding.kind} — ${P.privacy_reason[finding.author_says]}. ` }),
            finding.cleared_at
              ? el("span", { cls: "meta", text: P.finding_cleared })
              : el("button", { cls: "button small", text: P.clear_finding, attrs: { type: "button", "data-kind": text.kind, "data-id": text.id, "data-finding": index, "data-focus": `clear-${text.kind}-${text.id}-${index}` } }),
          ]),
        ),
      ),
    ]);
  return {
    node,
    update(state) {
      const texts = state.quarantine || [];
      node.hidden = !texts.length;
      if (count !== null && texts.length > count) announce.textContent = fmt(P.quarantine_waiting, { n: texts.length });
      count = texts.length;
      renderOnce(list, texts, () => texts.map(item));
    },
  };
}

function renderOutline(state) {
  redraw(
    byId("outline"),
    state.outline.map((step) =>
      el("li", {}, [
        el("span", { cls: "outline-step", text: step.title }),
        el(
          "ol",
          {},
          step.phases.map((phase) => {
            const button = el("button", { text: phase.title, cls: "outline-phase", attrs: { type: "button", "data-step": step.key, "data-phase": phase.key } });
            if (phase.current) button.setAttribute("aria-current", "step");
            if (phase.locked) button.append(el("span", { cls: "badge", text: strings.locked }));
            return el("li", {}, [button]);
          }),
        ),
      ]),
    ),
  );
}

function renderParticipants(state) {
  setText("people-heading", plural(strings.participants, state.participant_count));
  renderLayerCounts(state.layers, (layer) => `${layer.online}/${layer.joined}`);
  const unlisted = state.participant_count - state.participants.length;
  redraw(
    byId("participants"),
    state.participants.map((person) =>
      el("li", { cls: person.online ? "online" : "offline" }, [
        el("span", { cls: "presence-dot", attrs: { "aria-hidden": "true" } }),
        el("span", { cls: "person-name", text: person.name }),
        el("span", { cls: "person-layer", text: person.layer_label }),
        el("span", { cls: "visually-hidden", text: person.online ? strings.online : strings.offline }),
        person.ready ? el("span", { cls: "badge", text: strings.done }) : "",
      ]),
    ),
  );
  if (unlisted > 0) byId("participants").append(el("li", { cls: "more-people", text: fmt(strings.more_people, { n: unlisted }) }));
}

const page = livePage(root, viewsFor("console"), {
  render(state) {
    claims.update(state);
    quarantined.update(state);
    renderOutline(state);
    renderParticipants(state);
    const locked = state.phase.locked;
    const lockButton = byId("lock-button");
    lockButton.setAttribute("aria-pressed", locked ? "true" : "false");
    lockButton.textContent = locked ? strings.programme.unlock : strings.programme.lock;
    byId("prev-button").disabled = state.phase.position <= 1;
    byId("next-button").disabled = state.phase.position >= state.phase.count;
    show("timer-stop", Boolean(state.timer));
    byId("release-button").setAttribute("aria-pressed", String(state.session.document_released));
    show("screen-page-auto", state.session.screen_page !== null);
    const language = byId("screen-language");
    if (document.activeElement !== language) language.value = state.session.screen_language;
    show("missing-layers", state.missing_layers.length > 0);
    setText("missing-layers-list", state.missing_layers.join(", "));
    // Who pressed "Ik ben klaar": only where phones have that button (phases with input).
    setText("ready-count", fmt(strings.programme.ready_count, { n: state.ready_count, total: state.participant_count }));
    show("ready-count", state.phase.accepts_input);
  },
  onFinal() {
    show("session-ended", true);
  },
});
const { command } = page;
const claims = claimsPanel(command);
byId("activity").before(claims.node);
const quarantined = quarantinePanel(command);
byId("activity").before(quarantined.node);

byId("next-button").addEventListener("click", () => command("phase.next"));
byId("prev-button").addEventListener("click", () => command("phase.prev"));
byId("lock-button").addEventListener("click", () => command("phase.lock", { locked: !page.state().phase.locked }));
byId("outline").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-phase]");
  if (button) command("phase.goto", { step: button.dataset.step, phase: button.dataset.phase });
});
byId("timer-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const minutes = Number(byId("timer-minutes").value);
  command("timer.start", { seconds: Math.round(minutes * 60) });
});
byId("timer-stop").addEventListener("click", () => command("timer.stop"));
document.querySelector(".screen-paging").addEventListener("click", (event) => {
  const button = event.target.closest("button[data-turn]");
  if (button) command("screen.page", { turn: Number(button.dataset.turn) });
});
byId("screen-language").addEventListener("change", (event) => command("screen.language", { language: event.target.value }));
byId("release-button").addEventListener("click", () => command("document.release", { released: !page.state().session.document_released }));
byId("close-button").addEventListener("click", () => {
  if (confirm(strings.programme.confirm_close)) command("session.close");
});
