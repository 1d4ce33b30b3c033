import assert from "node:assert/strict";
import { test } from "node:test";

import { fmt, plural } from "../../static/js/text.js";

const FORMS = { one: "%(n)s notitie", other: "%(n)s notities" };

test("fmt fills every placeholder and leaves no trace of a missing one", () => {
  assert.equal(fmt("Pagina %(n)s van %(total)s", { n: 2, total: 5 }), "Pagina 2 van 5");
  assert.equal(fmt("%(n)s van %(total)s", { n: 0 }), "0 van ");
  assert.equal(fmt("geen plaatshouders", { n: 1 }), "geen plaatshouders");
});

test("plural picks the form by the language's rules, for Dutch and English", () => {
  for (const locale of ["nl-NL", "en-GB"]) {
    const rules = new Intl.PluralRules(locale);
    assert.equal(plural(FORMS, 1, rules), "1 notitie");
    assert.equal(plural(FORMS, 0, rules), "0 notities");
    assert.equal(plural(FORMS, 7, rules), "7 notities");
  }
});

test("a form the table lacks falls back to other", () => {
  const polish = new Intl.PluralRules("pl"); // has "few" and "many"
  assert.equal(plural(FORMS, 3, polish), "3 notities");
});
