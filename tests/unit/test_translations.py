"""The Dutch catalogue is complete and compiled: every string of the .po file is translated and
the committed .mo carries the same translations (no gettext needed on a fresh machine)."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES"


def po_entries() -> dict[str, str]:
    """A small reader for the .po format as `makemessages` writes it."""
    entries, key, current, field = {}, None, [], None
    lines = (LOCALE / "django.po").read_text(encoding="utf-8").splitlines() + [""]
    for line in lines:
        match = re.match(r'^(msgid|msgstr) "(.*)"$', line)
        if match:
            if match.group(1) == "msgstr":
                key, current = "".join(current), []
            field = match.group(1)
            current.append(match.group(2))
        elif line.startswith('"') and field:
            current.append(line[1:-1])
        elif not line.strip() and field == "msgstr":
            entries[key] = "".join(current)
            field, current = None, []
    entries.pop("", None)
    return {k.replace('\\"', '"'): v.replace('\\"', '"') for k, v in entries.items()}


def test_every_dutch_string_is_translated():
    untranslated = [msgid for msgid, msgstr in po_entries().items() if not msgstr]
    assert untranslated == []


def test_the_compiled_catalogue_matches_the_po_file():
    with open(LOCALE / "django.mo", "rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = [m for m, s in po_entries().items() if catalogue.gettext(m) != s]
    assert stale == [], "run `make messages` and commit the .mo file"
