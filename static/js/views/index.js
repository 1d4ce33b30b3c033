// The concepts' client views, one module per concept (sessions/concepts/<concept>.py runs the
// same phase kinds on the server). Each exports `views = {<kind>: {phone, console, screen}}`;
// an audience left out shows nothing special in that kind.
import { views as followup } from "./followup.js";
import { views as framework } from "./framework.js";
import { views as notes } from "./notes.js";
import { views as practice } from "./practice.js";
import { views as programme } from "./programme.js";
import { views as requirements } from "./requirements.js";
import { views as roleplay } from "./roleplay.js";
import { views as statements } from "./statements.js";

const CONCEPTS = [programme, statements, notes, roleplay, requirements, practice, framework, followup];

// One audience's views ("phone", "console" or "screen"): phase kind → view factory.
export function viewsFor(audience) {
  const kinds = {};
  for (const views of CONCEPTS) {
    for (const [kind, audiences] of Object.entries(views)) {
      if (kind in kinds) throw new Error(`phase kind ${kind} has two views`);
      if (audiences[audience]) kinds[kind] = audiences[audience];
    }
  }
  return kinds;
}
