"""Snapshot sections per phase kind: only what the current phase needs is built.

A section builder returns the shared part for its audience and a dict of personal parts per
participant id, built in one pass for everyone (never one query per phone). Its return
annotation names both as TypedDicts, `tuple[NotesState, dict[int, NotesMine]]`: they are the
section's part of the snapshot contract (sessions.schema). A key that only some audiences get is
NotRequired, with who gets it beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from typing_extensions import TypedDict

from game.core.models import Participant
from sessions.models import LiveSession


@dataclass(frozen=True)
class View:
    """What a section builder gets: the session, who is looking, in which language, and who is
    in the room (already loaded once for the whole snapshot)."""

    live: LiveSession
    audience: str
    lang: str
    people: list[Participant]


class NoPersonal(TypedDict):
    """The personal part of a section that gives phones nothing of their own."""


Section = Callable[[View], tuple[dict, dict[int, dict]]]
SECTIONS: dict[str, list[Section]] = {}


def section(*kinds: str):
    def register(builder: Section) -> Section:
        for kind in kinds:
            SECTIONS.setdefault(kind, []).append(builder)
        return builder

    return register


def build_sections(view: View) -> tuple[dict, dict[int, dict]]:
    shared: dict = {}
    personal: dict[int, dict] = {}
    for builder in SECTIONS.get(view.live.phase.kind, []):
        part, parts = builder(view)
        shared |= part
        for pid, mine in parts.items():
            personal.setdefault(pid, {}).update(mine)
    return shared, personal
