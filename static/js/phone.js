// The participant's phone: follows the current step and phase, shows the connection state,
// and lets the participant say they are done with a phase.
import { LiveSocket } from "./live-socket.js";
import { kinds as stap1 } from "./phone-stap1.js";
import { kinds as stap2 } from "./phone-stap2.js";
import { kinds as stap3 } from "./phone-stap3.js";
import { activityHost, byId, renderPhase, renderStatus, runTimer, setText, show, showError, socketUrl, strings } from "./ui.js";

const root = byId("phone");
let state = null;
let me = null;

const socket = new LiveSocket(socketUrl(root.dataset.socket), {
  onState(nextState, nextMe) {
    state = nextState;
    me = nextMe;
    render();
  },
  onStatus: renderStatus,
  onError: showError,
  onFinal(code) {
    if (code === 4401) location.href = root.dataset.joinUrl;
    else show("session-ended", true);
  },
});
const tickTimer = runTimer(socket, () => state && state.timer);
const renderActivity = activityHost(byId("activity"), { ...stap1, ...stap2, ...stap3 }, socket);

function render() {
  renderPhase(state);
  tickTimer();
  renderActivity(state, me);
  // While people join, the programme's text tells newcomers how to join; this phone is in.
  if (state.phase.kind === "join") setText("phase-instruction", strings.joined_wait);
  show("session-ended", state.session.closed);
  show("document-links", state.session.document_released);
  const readyButton = byId("ready-button");
  const canSignal = state.phase.kind !== "join" && !state.phase.locked;
  readyButton.hidden = !canSignal;
  if (me) {
    setText("me-name", me.name);
    setText("me-layer", me.layer);
    readyButton.setAttribute("aria-pressed", me.ready ? "true" : "false");
    readyButton.textContent = me.ready ? strings.ready_done : strings.ready;
  }
}

byId("ready-button").addEventListener("click", () => {
  const ready = !(me && me.ready);
  socket.send("phase.ready", { ready }).catch(() => {});
});
