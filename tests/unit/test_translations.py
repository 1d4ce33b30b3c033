"""The Dutch catalogue is complete and compiled: every string of the .po file is translated and
the committed .mo carries the same translations (no gettext needed on a fresh machine)."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES"
LINE = re.compile(r'^(msgid|msgid_plural|msgstr|msgstr\[\d\]) "(.*)"$')


def po_entries() -> dict[str, list[str]]:
    """msgid → its translations (one, or one per plural form), read from the .po file."""
    entries: dict[str, list[str]] = {}
    fields: dict[str, str] = {}
    current = None
    lines = (LOCALE / "django.po").read_text(encoding="utf-8").splitlines() + [""]
    for line in lines:
        match = LINE.match(line)
        if match:
            current = match.group(1)
            fields[current] = match.group(2)
        elif line.startswith('"') and current:
            fields[current] += line[1:-1]
        elif not line.strip() and fields:
            strings = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            entries[fields["msgid"].replace('\\"', '"')] = [s.replace('\\"', '"') for s in strings]
            fields, current = {}, None
    entries.pop("", None)
    return entries


def test_the_reader_sees_the_whole_catalogue():
    entries = po_entries()
    assert len(entries) > 100
    assert entries["Please enter your name."] == ["Vul je naam in."]
    assert entries["%(n)s participant"] == ["%(n)s deelnemer", "%(n)s deelnemers"]


def test_every_dutch_string_is_translated():
    untranslated = [m for m, strings in po_entries().items() if not all(strings)]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_po_file():
    with open(LOCALE / "django.mo", "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = []
    for msgid, strings in po_entries().items():
        if len(strings) == 1:
            compiled = [catalogue.gettext(msgid)]
        else:
            compiled = [catalogue.ngettext(msgid, msgid, n) for n in (1, 2)]
        if compiled != strings:
            stale.append(msgid)
    assert stale == [], "run `make messages` and commit the .mo file"


def test_no_dutch_entry_is_fuzzy():
    """A fuzzy entry is a guess by makemessages from a string that changed: gettext ignores it,
    so the Dutch UI would show English there."""
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    fuzzy = [line for line in text.splitlines() if line.startswith("#,") and "fuzzy" in line]
    assert fuzzy == []


# Dutch words the English UI must not show (its own words for them: workshop, step,
# neighbourhood team, statement, case, framework …). "maatwerk", "draagvlak" and the product's
# name are the programme's terms and stay; placeholders like %(gemeente)s are code, not text.
DUTCH_WORDS = re.compile(
    r"\b(trajecten|traject|stap|wijkteam|stellingen|stelling|casus|casussen|kader|peiling|"
    r"plenaire|terugblik|beslisregels?|eisen|eis|moet|zou moeten|zou kunnen|niet nu|gemeente|"
    r"inwoner|raad|wethouder|begeleider|deelnemers?|volgende|vorige|klaar)\b",
    re.IGNORECASE,
)
PLACEHOLDER = re.compile(r"%\(\w+\)s")


def english_texts():
    """Every English text of the UI: the catalogue's msgids (English is the source language)
    and the programme content's *_en fields."""
    for msgid in po_entries():
        yield "catalogue", msgid
    content = Path(__file__).resolve().parents[2] / "game" / "content"
    for path in sorted(content.glob("*.json")):
        stack = [json.loads(path.read_text(encoding="utf-8"))]
        while stack:
            value = stack.pop()
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(item, dict | list):
                    stack.append(item)
                elif isinstance(item, str) and str(key).endswith("_en"):
                    yield path.name, item


def test_the_english_ui_speaks_english():
    texts = list(english_texts())
    assert len(texts) > 700 and any(where != "catalogue" for where, _ in texts)
    dutch = [
        (where, found.group(0), text[:80])
        for where, text in texts
        if (found := DUTCH_WORDS.search(PLACEHOLDER.sub("", text)))
    ]
    assert dutch == []
