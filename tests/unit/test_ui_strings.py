"""The live pages' string table (sessions/strings.py live_strings): the texts several concepts
share at the top level, each concept's own under its name, no namespace per step — and every
text the JavaScript reads is in it, in Dutch and in English.

A key the table lacks renders as "undefined" on the page without any error, so the JavaScript
is scanned. The scan is deliberately simple (regular expressions, not a parser):

- a line that starts with `//` is a comment and skipped;
- `const <alias> = strings.<path>;` declares an alias (`const S = strings.requirements;`);
- a reference is `strings` or an alias followed by a chain of `.name`s; the chain is followed
  through the table while it names dicts, so a dynamic part after it (`S.moscow[key]`) is
  allowed, and a part after a text (`.length`) belongs to JavaScript, not to the table;
- the table is read with dots only: `strings[...]` or `S[...]` is refused, because the scan
  could not check it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from sessions import concepts
from sessions.strings import common_strings, live_strings

JS_DIR = Path(settings.BASE_DIR) / "static" / "js"
ALIAS = re.compile(r"^\s*const\s+(\w+)\s*=\s*strings((?:\.\w+)+)\s*;", re.M)
LANGUAGES = ("nl", "en")


def table(lang: str) -> dict:
    with translation.override(lang):
        return live_strings()


def references(source: str) -> list[tuple[int, tuple[str, ...], bool]]:
    """(line, path from the table's root, read with brackets) for each reference in a JS
    source; see the module's docstring for what counts."""
    lines = ["" if line.lstrip().startswith("//") else line for line in source.splitlines()]
    code = "\n".join(lines)
    aliases = {"strings": ()}
    for match in ALIAS.finditer(code):
        aliases[match.group(1)] = tuple(match.group(2).split(".")[1:])
    names = "|".join(re.escape(name) for name in aliases)
    reference = re.compile(rf"(?<![\w.$])({names})((?:\.\w+)+|\s*\[)")
    found = []
    for match in reference.finditer(code):
        line = code.count("\n", 0, match.start()) + 1
        chain = match.group(2)
        bracket = not chain.startswith(".")
        path = aliases[match.group(1)] + (() if bracket else tuple(chain.split(".")[1:]))
        found.append((line, path, bracket))
    return found


def unresolved(strings: dict, source: str) -> list[str]:
    """What a JS source reads that the table does not have, one message per reference."""
    problems = []
    for line, path, bracket in references(source):
        name = ".".join(("strings", *path))
        if bracket:
            problems.append(f"line {line}: {name}[...] is read with brackets; use dots")
            continue
        node = strings
        for depth, part in enumerate(path, start=1):
            if not isinstance(node, dict):
                break  # a property of a text, e.g. `.length`
            if part not in node:
                problems.append(f"line {line}: {'.'.join(('strings', *path[:depth]))} is missing")
                break
            node = node[part]
    return problems


def js_files() -> list[Path]:
    return sorted(JS_DIR.rglob("*.js"))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_table_is_arranged_by_concept_without_step_namespaces(lang):
    strings = table(lang)
    assert [key for key in strings if key.startswith("stap")] == []
    named = {name for name, module in concepts.modules().items() if hasattr(module, "strings")}
    assert named  # the discovery found the concept modules
    for name in named:
        assert isinstance(strings[name], dict) and strings[name], f"strings.{name} is empty"
    # A common text named like a concept would be overwritten by the concept's namespace.
    assert set(common_strings()) & set(concepts.modules()) == set()


def test_the_texts_are_translated_when_the_page_asks():
    dutch, english = table("nl"), table("en")
    for name, module in concepts.modules().items():
        if hasattr(module, "strings"):
            assert dutch[name] != english[name], f"strings.{name} is not translated"
    assert dutch["save"] != english["save"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_the_javascript_reads_is_in_the_table(lang):
    strings = table(lang)
    problems = [
        f"{path.relative_to(JS_DIR)} {problem}"
        for path in js_files()
        for problem in unresolved(strings, path.read_text(encoding="utf-8"))
    ]
    assert problems == []
    # The scan sees the pages' texts at all (a broken pattern would find nothing and pass).
    assert sum(len(references(path.read_text(encoding="utf-8"))) for path in js_files()) > 300


def test_the_scan_refuses_an_unknown_key():
    source = """
import { el, strings } from "../ui.js";
const S = strings.requirements;
// strings.commented_out is a comment, not a reference
el("p", { text: S.merge });
el("p", { text: S.no_such_text });
el("p", { text: strings.no_such_common_text });
el("p", { text: strings.requirements.moscow[key] + strings.save.length });
el("p", { text: S.moscow.nope });
el("p", { text: S[key] });
"""
    assert unresolved(table("en"), source) == [
        "line 6: strings.requirements.no_such_text is missing",
        "line 7: strings.no_such_common_text is missing",
        "line 9: strings.requirements.moscow.nope is missing",
        "line 10: strings.requirements[...] is read with brackets; use dots",
    ]
