// The programme itself (sessions/concepts/programme.py): joining and the phases that only
// inform. Moving through the programme, the timer and who is in are the pages' own parts
// (phone.js, console.js, screen.js); here is only what joining changes about them.
import { byId, setText, show, strings } from "../ui.js";

const S = strings.programme;

// The phone is in: instead of the programme's text on how to join, it says to wait, and there
// is nothing to be done with yet.
function joinedPhone() {
  return {
    update() {
      setText("phase-instruction", S.joined_wait);
      show("ready-button", false);
    },
  };
}

// The projector shows the join code and QR code big; screen.js puts them back in the corner
// outside this phase.
function joinScreen() {
  return {
    update() {
      byId("screen").classList.add("joining");
      show("join-panel", true);
      show("corner-code", false);
    },
  };
}

export const views = {
  join: { phone: joinedPhone, screen: joinScreen },
  info: {},
};
