// Pure text helpers (no page, no DOM), shared by every page and unit-tested with `node --test`
// (tests/js): filling the server's translated strings and choosing their plural form.

// Fill %(name)s placeholders of a translated string; a missing value leaves nothing behind.
export function fmt(text, params = {}) {
  return text.replace(/%\((\w+)\)s/g, (_, key) => String(params[key] ?? ""));
}

// A count in words: `forms` holds the string table's forms by CLDR category ({one, other}),
// `rules` the language's Intl.PluralRules; a category the table lacks falls back to "other".
export function plural(forms, n, rules) {
  const category = rules.select(n);
  return fmt(forms[category] ?? forms.other, { n });
}
