// The participant's phone: follows the current step and phase, shows the connection state,
// and lets the participant say they are done with a phase. What each phase shows is in the
// concepts' views (views/*.js).
import { byId, livePage, setText, show, strings } from "./ui.js";
import { viewsFor } from "./views/index.js";

const root = byId("phone");
const readyButton = byId("ready-button");

const page = livePage(root, viewsFor("phone"), {
  render(state, me) {
    show("session-ended", state.session.closed);
    show("document-links", state.session.document_released);
    readyButton.hidden = state.phase.locked;
    if (me) {
      setText("me-name", me.name);
      setText("me-layer", me.layer);
      readyButton.setAttribute("aria-pressed", me.ready ? "true" : "false");
      readyButton.textContent = me.ready ? strings.programme.ready_done : strings.programme.ready;
    }
  },
  onFinal(code) {
    if (code === 4401) location.href = root.dataset.joinUrl;
    else show("session-ended", true);
  },
});

readyButton.addEventListener("click", () => {
  const me = page.me();
  page.command("phase.ready", { ready: !(me && me.ready) });
});
