"""What each audience sees, built once per state version per audience and language.

The shared part of a snapshot is serialised once; a participant's connection only adds its own
small personal part (`me`), picked from a dict built in the same pass. So 1,000 phones cost one
build per version, not 1,000.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from django.utils import translation
from typing_extensions import TypedDict

from game.core.models import Layer, Participant, Reveal
from game.core.selectors import is_revealed, missing_required_layers, phases_of
from sessions.models import LiveSession, PhaseReady
from sessions.presence import online_participant_ids
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.sections import View, build_sections


@dataclass(frozen=True)
class Snapshot:
    version: int
    shared_json: str
    personal: dict[int, dict]
    # Made once per build, so each connection can tell cheaply whether the shared part differs
    # from the one it sent last (sessions.consumers sends only the version when nothing does).
    shared_digest: bytes = field(init=False, repr=False)

    def __post_init__(self) -> None:
        digest = hashlib.blake2b(self.shared_json.encode(), digest_size=16).digest()
        object.__setattr__(self, "shared_digest", digest)

    def me_json(self, participant_id: int | None) -> str:
        return json.dumps(self.personal.get(participant_id)) if participant_id else "null"

    def message(self, *, me_json: str, server_time_ms: int) -> str:
        """The text frame for one connection, splicing the pre-serialised shared part."""
        return (
            f'{{"type":"state","version":{self.version},"server_time":{server_time_ms},'
            f'"me":{me_json},"state":{self.shared_json}}}'
        )

    def version_message(self) -> str:
        """The frame for a connection whose picture this version does not change."""
        return f'{{"type":"version","version":{self.version}}}'


# The parts every snapshot is made of besides its sections; sessions.schema makes the snapshot's
# JSON Schema from these types and the sections' own.


class SessionInfo(TypedDict):
    code: str
    gemeente: str
    title: str
    closed: bool
    document_released: bool
    revealed: list[str]  # what the facilitator has shown the room (Reveal.What), for announcing
    screen_language: str  # the projector's language ("nl", "en"); it reloads when this changes
    screen_page: int | None  # the page the console turned the projector to; None: automatic


class StepInfo(TypedDict):
    key: str
    title: str
    outcome: str
    day: int


class PhaseInfo(TypedDict):
    key: str
    kind: str
    title: str
    instruction: str
    accepts_input: bool
    locked: bool
    position: int
    count: int


class Timer(TypedDict):
    ends_at: int  # epoch milliseconds
    seconds: int


class Common(TypedDict):
    """What every audience sees."""

    session: SessionInfo
    step: StepInfo
    phase: PhaseInfo
    timer: Timer | None


class LayerCount(TypedDict):
    key: str
    label: str
    joined: int
    online: int


class ScreenPart(TypedDict):
    layers: list[LayerCount]


class ParticipantRow(TypedDict):
    id: int
    name: str
    layer: str
    layer_label: str
    online: bool
    ready: bool


class OutlinePhase(TypedDict):
    key: str
    title: str
    current: bool
    locked: bool


class OutlineStep(TypedDict):
    key: str
    title: str
    phases: list[OutlinePhase]


class FacilitatorPart(TypedDict):
    participants: list[ParticipantRow]  # the first PEOPLE_LISTED of participant_count
    participant_count: int
    layers: list[LayerCount]
    missing_layers: list[str]
    ready_count: int
    outline: list[OutlineStep]


class Me(TypedDict):
    """A phone's own part, before the sections add theirs."""

    name: str
    layer: str
    ready: bool
    name_consent: bool  # may be named in the outcome document (the phone's toggle shows it)


def epoch_ms(moment: datetime | None) -> int | None:
    return int(moment.timestamp() * 1000) if moment else None


def build_snapshot(*, live_id: int, audience: str, lang: str) -> Snapshot:
    with translation.override(lang):
        # Read the version before the data: data newer than its label is harmless, the
        # reverse would leave a stale picture until the next change. The reveals are read
        # once here for every section that asks the game what this audience may see.
        live = (
            LiveSession.objects.select_related("traject__programme", "phase__step")
            .prefetch_related("traject__reveals")
            .get(pk=live_id)
        )
        state = common_state(live, lang)
        people = attendees(live)
        personal: dict[int, dict] = {}
        if audience == FACILITATOR:
            state |= facilitator_state(live, lang, people)
        elif audience == SCREEN:
            state |= ScreenPart(layers=layer_counts(people, online_participant_ids(live.pk), lang))
        elif audience == PARTICIPANT:
            personal = participant_parts(live, lang, people)
        shared, parts = build_sections(View(live=live, audience=audience, lang=lang, people=people))
        state |= shared
        for pid, part in parts.items():
            if pid in personal:
                personal[pid] |= part
        return Snapshot(
            version=live.version,
            shared_json=json.dumps(state, ensure_ascii=False, separators=(",", ":")),
            personal=personal,
        )


def common_state(live: LiveSession, lang: str) -> Common:
    phase, step, traject = live.phase, live.phase.step, live.traject
    phases = phases_of(traject.programme)
    position = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
    return {
        "session": {
            "code": live.code,
            "gemeente": traject.gemeente,
            "title": traject.title,
            "closed": not live.is_open,
            "document_released": is_revealed(traject, Reveal.What.DOCUMENT),
            "revealed": sorted({r.what for r in traject.reveals.all()}),
            "screen_language": live.projector_language,
            "screen_page": live.screen_page,
        },
        "step": {
            "key": step.key,
            "title": step.text("title", lang),
            "outcome": step.text("outcome", lang),
            "day": step.day,
        },
        "phase": {
            "key": phase.key,
            "kind": phase.kind,
            "title": phase.text("title", lang),
            "instruction": phase.text("instruction", lang),
            "accepts_input": phase.accepts_input,
            "locked": live.is_locked(phase),
            "position": position + 1,
            "count": len(phases),
        },
        "timer": {
            "ends_at": epoch_ms(live.timer_ends_at),
            "seconds": live.timer_seconds,
        }
        if live.timer_ends_at
        else None,
    }


def attendees(live: LiveSession) -> list[Participant]:
    return list(
        Participant.objects.filter(attendances__live_session=live)
        .select_related("layer")
        .order_by("layer__order", "name")
    )


def layer_counts(people: list[Participant], online: set[int], lang: str) -> list[LayerCount]:
    joined = Counter(p.layer_id for p in people)
    present = Counter(p.layer_id for p in people if p.pk in online)
    return [
        {
            "key": layer.key,
            "label": layer.text("label", lang),
            "joined": joined[layer.pk],
            "online": present[layer.pk],
        }
        for layer in Layer.objects.filter(joinable=True)
    ]


# The console names at most this many people (a workshop room); a congress hall is shown by its
# counts per layer, so the console's picture stays a few KB instead of 230 KB at 2,000 phones.
PEOPLE_LISTED = 100


def facilitator_state(live: LiveSession, lang: str, people: list[Participant]) -> FacilitatorPart:
    online = online_participant_ids(live.pk)
    ready = set(
        PhaseReady.objects.filter(live_session=live, phase=live.phase).values_list(
            "participant_id", flat=True
        )
    )
    outline = [
        {
            "key": step.key,
            "title": step.text("title", lang),
            "phases": [
                {
                    "key": phase.key,
                    "title": phase.text("title", lang),
                    "current": phase.pk == live.phase_id,
                    "locked": phase.pk in live.locked_phases,
                }
                for phase in step.phases.all()
            ],
        }
        for step in live.traject.programme.steps.prefetch_related("phases")
    ]
    return {
        "participants": [
            {
                "id": p.pk,
                "name": p.name,
                "layer": p.layer.key,
                "layer_label": p.layer.text("label", lang),
                "online": p.pk in online,
                "ready": p.pk in ready,
            }
            for p in people[:PEOPLE_LISTED]
        ],
        "participant_count": len(people),
        "layers": layer_counts(people, online, lang),
        "missing_layers": [
            layer.text("label", lang)
            for layer in missing_required_layers(p.layer_id for p in people)
        ],
        "ready_count": len(ready),
        "outline": outline,
    }


def participant_parts(live: LiveSession, lang: str, people: list[Participant]) -> dict[int, Me]:
    ready = set(
        PhaseReady.objects.filter(live_session=live, phase=live.phase).values_list(
            "participant_id", flat=True
        )
    )
    return {
        p.pk: {
            "name": p.name,
            "layer": p.layer.text("label", lang),
            "ready": p.pk in ready,
            "name_consent": p.name_consent,
        }
        for p in people
    }
