"""The Dutch catalogue is complete and compiled: every string of the .po file is translated and
the committed .mo carries the same translations (no gettext needed on a fresh machine)."""

from __future__ import annotations

import gettext
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
