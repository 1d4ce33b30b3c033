// The projector: read-only. Big code and QR while people join, counts per layer, the current
// step and phase, and the timer.
import { kinds as stap1 } from "./screen-stap1.js";
import { kinds as stap2 } from "./screen-stap2.js";
import { kinds as stap3 } from "./screen-stap3.js";
import { LiveSocket } from "./live-socket.js";
import { activityHost, byId, el, renderPhase, renderStatus, runTimer, setText, show, socketUrl } from "./ui.js";

const root = byId("screen");
let state = null;

const socket = new LiveSocket(socketUrl(root.dataset.socket), {
  onState(nextState) {
    state = nextState;
    render();
  },
  onStatus: renderStatus,
});
const tickTimer = runTimer(socket, () => state && state.timer);
const renderActivity = activityHost(byId("activity"), { ...stap1, ...stap2, ...stap3 }, socket);

function render() {
  renderPhase(state);
  tickTimer();
  renderActivity(state, null);
  const joining = state.phase.kind === "join";
  root.classList.toggle("joining", joining);
  show("join-panel", joining);
  show("corner-code", !joining);
  const total = state.layers.reduce((sum, layer) => sum + layer.joined, 0);
  setText("joined-total", String(total));
  byId("layer-counts").replaceChildren(
    ...state.layers.map((layer) =>
      el("li", { cls: layer.joined ? "" : "empty" }, [
        el("span", { cls: "layer-label", text: layer.label }),
        el("span", { cls: "layer-count", text: String(layer.joined) }),
      ]),
    ),
  );
}
