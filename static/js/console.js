// The facilitator's console: moves through the programme, runs the timer, locks input, and
// shows who is in (per layer, online/offline, done with this phase).
import { kinds as stap1 } from "./console-stap1.js";
import { kinds as stap2 } from "./console-stap2.js";
import { claimsPanel, kinds as stap3 } from "./console-stap3.js";
import { LiveSocket } from "./live-socket.js";
import { activityHost, byId, el, fmt, renderPhase, renderStatus, runTimer, setText, show, showError, socketUrl, strings } from "./ui.js";

const root = byId("console");
let state = null;

const socket = new LiveSocket(socketUrl(root.dataset.socket), {
  onState(nextState) {
    state = nextState;
    render();
  },
  onStatus: renderStatus,
  onError: showError,
  onFinal() {
    show("session-ended", true);
  },
});
const tickTimer = runTimer(socket, () => state && state.timer);
const renderActivity = activityHost(byId("activity"), { ...stap1, ...stap2, ...stap3 }, socket);
// Day 2: returning participants waiting to be recognised, above whatever phase is on.
const claims = claimsPanel(socket);
byId("activity").before(claims.node);

function render() {
  renderPhase(state);
  tickTimer();
  renderActivity(state, null);
  claims.update(state);
  renderOutline();
  renderParticipants();
  const locked = state.phase.locked;
  const lockButton = byId("lock-button");
  lockButton.setAttribute("aria-pressed", locked ? "true" : "false");
  lockButton.textContent = locked ? strings.unlock : strings.lock;
  byId("prev-button").disabled = state.phase.position <= 1;
  byId("next-button").disabled = state.phase.position >= state.phase.count;
  show("timer-stop", Boolean(state.timer));
  byId("release-button").setAttribute("aria-pressed", String(state.session.document_released));
  show("missing-layers", state.missing_layers.length > 0);
  setText("missing-layers-list", state.missing_layers.join(", "));
  setText("ready-count", strings.ready_count.replace("%(n)s", state.ready_count).replace("%(total)s", state.participants.length));
}

function renderOutline() {
  byId("outline").replaceChildren(
    ...state.outline.map((step) =>
      el("li", {}, [
        el("span", { cls: "outline-step", text: step.title }),
        el(
          "ol",
          {},
          step.phases.map((phase) => {
            const button = el("button", {
              text: phase.title,
              cls: "outline-phase",
              attrs: { type: "button", "data-step": step.key, "data-phase": phase.key },
            });
            if (phase.current) button.setAttribute("aria-current", "step");
            if (phase.locked) button.append(el("span", { cls: "badge", text: strings.locked }));
            return el("li", {}, [button]);
          }),
        ),
      ]),
    ),
  );
}

function renderParticipants() {
  const count = state.participants.length;
  setText("people-heading", fmt(count === 1 ? strings.participants.one : strings.participants.other, { n: count }));
  byId("layer-counts").replaceChildren(
    ...state.layers.map((layer) =>
      el("li", { cls: layer.joined ? "" : "empty" }, [
        el("span", { cls: "layer-label", text: layer.label }),
        el("span", { cls: "layer-count", text: `${layer.online}/${layer.joined}` }),
      ]),
    ),
  );
  byId("participants").replaceChildren(
    ...state.participants.map((person) =>
      el("li", { cls: person.online ? "online" : "offline" }, [
        el("span", { cls: "presence-dot", attrs: { "aria-hidden": "true" } }),
        el("span", { cls: "person-name", text: person.name }),
        el("span", { cls: "person-layer", text: person.layer_label }),
        el("span", { cls: "visually-hidden", text: person.online ? strings.online : strings.offline }),
        person.ready ? el("span", { cls: "badge", text: strings.done }) : "",
      ]),
    ),
  );
}

function command(cmd, args) {
  return socket.send(cmd, args).catch(() => {});
}

byId("next-button").addEventListener("click", () => command("phase.next"));
byId("prev-button").addEventListener("click", () => command("phase.prev"));
byId("lock-button").addEventListener("click", () => command("phase.lock", { locked: !state.phase.locked }));
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
byId("release-button").addEventListener("click", () => command("document.release", { released: !state.session.document_released }));
byId("close-button").addEventListener("click", () => {
  if (confirm(strings.confirm_close)) command("session.close");
});
