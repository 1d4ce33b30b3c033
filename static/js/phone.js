// The participant's phone: follows the current step and phase, shows the connection state,
// lets the participant say they are done with a phase and, in their own menu under their name,
// whether they may be named in the outcome document. What each phase shows is in the
// concepts' views (views/*.js).
import { byId, livePage, setText, show, strings } from "./ui.js";
import { viewsFor } from "./views/index.js";

const root = byId("phone");
const readyButton = byId("ready-button");
const consentBox = byId("me-consent");

const page = livePage(root, viewsFor("phone"), {
  render(state, me) {
    show("session-ended", state.session.closed);
    show("document-links", state.session.document_released);
    // "I'm done" only where there is something to do: not while reading along or listening.
    readyButton.hidden = state.phase.locked || !state.phase.accepts_input;
    if (me) {
      setText("me-name", me.name);
      setText("me-layer", me.layer);
      readyButton.setAttribute("aria-pressed", me.ready ? "true" : "false");
      readyButton.textContent = me.ready ? strings.programme.ready_done : strings.programme.ready;
      consentBox.checked = me.name_consent;
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

// A refused change (the session closed meanwhile) shows its error and puts the box back to what
// the server holds.
consentBox.addEventListener("change", () => {
  page.socket.send("me.consent", { name_consent: consentBox.checked }).catch(() => {
    const me = page.me();
    consentBox.checked = Boolean(me && me.name_consent);
  });
});
