"""The system checks refuse an incomplete programme and a command or error code claimed twice,
and the real project passes them."""

from __future__ import annotations

from pathlib import Path

from django.core.management import call_command

from game.checks import error_codes_are_unique
from game.core.errors import CATALOGUE, DUPLICATE_CODES, register_messages
from sessions.arguments import NoArgs
from sessions.checks import ProgrammePhase, phase_kind_errors
from sessions.registry import COMMANDS, DUPLICATE_COMMANDS, command

NOTES_VIEW = """
export const views = {
  notes: { phone: notesPhone, console: notesConsole },
  "shared-picture": { console: picture },
};
"""


def errors_for(tmp_path: Path, *, phases, kinds=None, sections=None, commands=None, dupes=()):
    views = tmp_path / "views"
    views.mkdir(exist_ok=True)
    (views / "notes.js").write_text(NOTES_VIEW)
    return [
        error.id
        for error in phase_kind_errors(
            phases=phases,
            kinds=kinds or {"notes": ["notes", "shared-picture"]},
            sections=sections or {"notes": [object()], "shared-picture": [object()]},
            commands=commands if commands is not None else COMMANDS,
            duplicates=dupes,
            views_dir=views,
        )
    ]


def test_the_project_passes_every_system_check():
    call_command("check")  # raises SystemCheckError on any error


def test_a_complete_example_passes(tmp_path):
    phases = [
        ProgrammePhase("p/s/notities", "notes", accepts_input=True),
        ProgrammePhase("p/s/beeld", "shared-picture", accepts_input=False),
    ]
    assert errors_for(tmp_path, phases=phases) == []


def test_a_phase_kind_nobody_declares_is_refused(tmp_path):
    phases = [ProgrammePhase("p/s/x", "notse", accepts_input=False)]  # a typo in programmes.json
    assert errors_for(tmp_path, phases=phases) == ["live.E003"]


def test_a_phase_kind_without_its_section_is_refused(tmp_path):
    phases = [ProgrammePhase("p/s/beeld", "shared-picture", accepts_input=False)]
    assert errors_for(tmp_path, phases=phases, sections={"notes": [object()]}) == ["live.E004"]


def test_an_input_phase_without_an_input_command_of_its_kind_is_refused(tmp_path):
    phases = [ProgrammePhase("p/s/beeld", "shared-picture", accepts_input=True)]
    assert errors_for(tmp_path, phases=phases) == ["live.E005"]


def test_a_phase_kind_without_its_client_view_is_refused(tmp_path):
    phases = [ProgrammePhase("p/s/stippen", "dots", accepts_input=False)]
    kinds = {"notes": ["notes", "dots"]}
    sections = {"dots": [object()]}
    assert errors_for(tmp_path, phases=phases, kinds=kinds, sections=sections) == ["live.E006"]


def test_a_missing_view_module_is_refused(tmp_path):
    phases = [ProgrammePhase("p/s/rollen", "roles", accepts_input=False)]
    kinds = {"roleplay": ["roles"]}
    sections = {"roles": [object()]}
    assert errors_for(tmp_path, phases=phases, kinds=kinds, sections=sections) == ["live.E006"]


def test_a_kind_two_concepts_declare_is_refused(tmp_path):
    kinds = {"notes": ["notes"], "statements": ["notes"]}
    assert errors_for(tmp_path, phases=[], kinds=kinds) == ["live.E002"]


def test_two_commands_with_one_name_are_refused_at_start_up(tmp_path):
    name = "test.duplicate"
    try:
        for _ in range(2):
            command(name, audiences={"facilitator"}, args=NoArgs)(lambda ctx, args: False)
        assert name in DUPLICATE_COMMANDS
        assert errors_for(tmp_path, phases=[], dupes=DUPLICATE_COMMANDS) == ["live.E001"]
    finally:
        COMMANDS.pop(name, None)
        DUPLICATE_COMMANDS.discard(name)


def test_an_error_code_two_concepts_declare_is_refused():
    original = CATALOGUE["phase_locked"]
    try:
        register_messages({"phase_locked": "again"})
        assert [error.id for error in error_codes_are_unique()] == ["game.E001"]
    finally:
        CATALOGUE["phase_locked"] = original
        DUPLICATE_CODES.discard("phase_locked")
    assert error_codes_are_unique() == []
