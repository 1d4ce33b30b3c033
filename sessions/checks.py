"""System checks: every phase kind of the programme is complete before anyone joins.

A phase kind is complete when exactly one concept module (sessions/concepts/<concept>.py) runs
it, at least one snapshot section is registered for it, a phase that accepts input has at least
one input command of its kind, and the concept's client view (static/js/views/<concept>.js)
renders it. A typo in programmes.json, in `input_kind=`, in `@section` or in a view's key then
stops start-up and the test suite instead of rendering nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core import checks

from game.core.content import read
from sessions import concepts
from sessions.registry import COMMANDS, DUPLICATE_COMMANDS, Command
from sessions.sections import SECTIONS

VIEWS_DIR = Path(settings.BASE_DIR) / "static" / "js" / "views"
# `export const views = { <kind>: { phone, console, screen }, ... };` in a concept's view module.
VIEWS_EXPORT = re.compile(r"^export const views = \{(.*?)^\};", re.M | re.S)
VIEW_KEY = re.compile(r"""^\s*["']?([a-z][a-z-]*)["']?\s*:\s*\{""", re.M)


@dataclass(frozen=True)
class ProgrammePhase:
    """A phase as the programme content declares it."""

    where: str  # "programme/step/phase", for the message
    kind: str
    accepts_input: bool


def programme_phases() -> list[ProgrammePhase]:
    return [
        ProgrammePhase(
            where=f"{programme['key']}/{step['key']}/{phase['key']}",
            kind=phase.get("kind", "info"),
            accepts_input=bool(phase.get("accepts_input")),
        )
        for programme in read("programmes.json")
        for step in programme["steps"]
        for phase in step["phases"]
    ]


def concept_kinds() -> dict[str, list[str]]:
    """concept → the phase kinds its module declares in PHASE_KINDS."""
    return {name: list(module.PHASE_KINDS) for name, module in concepts.modules().items()}


def view_keys(concept: str, views_dir: Path) -> set[str] | None:
    """The kinds a concept's client view module names as keys of its `views`, or None."""
    path = views_dir / f"{concept}.js"
    if not path.exists():
        return None
    block = VIEWS_EXPORT.search(path.read_text())
    return set(VIEW_KEY.findall(block.group(1))) if block else set()


def phase_kind_errors(
    *,
    phases: Iterable[ProgrammePhase],
    kinds: Mapping[str, list[str]],
    sections: Mapping[str, list],
    commands: Mapping[str, Command],
    duplicates: Iterable[str],
    views_dir: Path,
) -> list[checks.CheckMessage]:
    errors = [
        checks.Error(f"Two commands are registered as {name!r}.", id="live.E001")
        for name in sorted(duplicates)
    ]
    owner: dict[str, str] = {}
    for concept, names in kinds.items():
        for kind in names:
            if kind in owner:
                errors.append(
                    checks.Error(
                        f"Phase kind {kind!r} is declared by both {owner[kind]} and {concept}.",
                        id="live.E002",
                    )
                )
            owner.setdefault(kind, concept)
    input_kinds = {c.input_kind for c in commands.values() if c.input_kind}
    views = {concept: view_keys(concept, views_dir) for concept in kinds}
    reported: set[tuple[str, str]] = set()

    def once(subject: str, problem: str, message: str, error_id: str) -> None:
        """Report each problem of a kind (or of a concept's view file) once, at its first phase."""
        if (subject, problem) not in reported:
            reported.add((subject, problem))
            errors.append(checks.Error(message, id=error_id))

    for phase in phases:
        kind, at = phase.kind, phase.where
        concept = owner.get(kind)
        if concept is None:
            once(kind, "owner", f"Phase {at}: no concept declares kind {kind!r}.", "live.E003")
            continue
        if not sections.get(kind):
            once(
                kind, "section", f"Phase {at}: kind {kind!r} has no snapshot section.", "live.E004"
            )
        if phase.accepts_input and kind not in input_kinds:
            once(
                kind,
                "input",
                f"Phase {at} accepts input, but no command takes input of kind {kind!r}.",
                "live.E005",
            )
        keys = views[concept]
        if keys is None:
            missing = f"Client view static/js/views/{concept}.js is missing."
            once(concept, "file", missing, "live.E006")
        elif kind not in keys:
            once(
                kind,
                "view",
                f"Phase {at}: static/js/views/{concept}.js has no view for {kind!r}.",
                "live.E006",
            )
    return errors


@checks.register()
def phase_kinds_are_complete(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    return phase_kind_errors(
        phases=programme_phases(),
        kinds=concept_kinds(),
        sections=SECTIONS,
        commands=COMMANDS,
        duplicates=DUPLICATE_COMMANDS,
        views_dir=VIEWS_DIR,
    )
