// The projector: read-only. The current step and phase, the timer, counts per layer, and what
// each phase shows (the concepts' views, views/*.js); while people join, the code and QR big.
import { screenPager } from "./screen-fit.js";
import { byId, livePage, renderLayerCounts, setText, show } from "./ui.js";
import { viewsFor } from "./views/index.js";

const root = byId("screen");
const paginate = screenPager(byId("activity"), byId("screen-page"));

livePage(root, viewsFor("screen"), {
  render(state) {
    // The console chose another language for the projector: the page's texts come with it.
    if (state.session.screen_language !== document.documentElement.lang) location.reload();
    // The code in the corner; the join phase's view (views/programme.js) shows it big instead.
    root.classList.remove("joining");
    show("join-panel", false);
    show("corner-code", true);
    setText("joined-total", String(state.layers.reduce((sum, layer) => sum + layer.joined, 0)));
    renderLayerCounts(state.layers, (layer) => String(layer.joined));
  },
  rendered: paginate,
});
