"""What each audience sees, built once per state version per audience and language.

The shared part of a snapshot is serialised once; a participant's connection only adds its own
small personal part (`me`), picked from a dict built in the same pass. So 1,000 phones cost one
build per version, not 1,000.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from django.utils import translation

from game.core.models import Layer, Participant
from game.core.selectors import missing_required_layers, phases_of
from sessions.models import LiveSession, PhaseReady
from sessions.presence import online_participant_ids
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.sections import View, build_sections


@dataclass(frozen=True)
class Snapshot:
    version: int
    shared_json: str
    personal: dict[int, dict]

    def message(self, *, participant_id: int | None, server_time_ms: int) -> str:
        """The text frame for one connection, splicing the pre-serialised shared part."""
        me = json.dumps(self.personal.get(participant_id)) if participant_id else "null"
        return (
            f'{{"type":"state","version":{self.version},"server_time":{server_time_ms},'
            f'"me":{me},"state":{self.shared_json}}}'
        )


def epoch_ms(moment: datetime | None) -> int | None:
    return int(moment.timestamp() * 1000) if moment else None


def build_snapshot(*, live_id: int, audience: str, lang: str) -> Snapshot:
    with translation.override(lang):
        # Read the version before the data: data newer than its label is harmless, the
        # reverse would leave a stale picture until the next change.
        live = LiveSession.objects.select_related("traject__programme", "phase__step").get(
            pk=live_id
        )
        state = common_state(live, lang)
        people = attendees(live)
        personal: dict[int, dict] = {}
        if audience == FACILITATOR:
            state |= facilitator_state(live, lang, people)
        elif audience == SCREEN:
            state |= {"layers": layer_counts(people, online_participant_ids(live.pk), lang)}
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


def common_state(live: LiveSession, lang: str) -> dict:
    phase, step, traject = live.phase, live.phase.step, live.traject
    phases = phases_of(traject.programme)
    position = next(i for i, p in enumerate(phases) if p.pk == phase.pk)
    return {
        "session": {
            "code": live.code,
            "gemeente": traject.gemeente,
            "title": traject.title,
            "closed": not live.is_open,
            "document_released": traject.document_released,
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


def layer_counts(people: list[Participant], online: set[int], lang: str) -> list[dict]:
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


def facilitator_state(live: LiveSession, lang: str, people: list[Participant]) -> dict:
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
            for p in people
        ],
        "layers": layer_counts(people, online, lang),
        "missing_layers": [
            layer.text("label", lang)
            for layer in missing_required_layers(p.layer_id for p in people)
        ],
        "ready_count": len(ready),
        "outline": outline,
    }


def participant_parts(live: LiveSession, lang: str, people: list[Participant]) -> dict[int, dict]:
    ready = set(
        PhaseReady.objects.filter(live_session=live, phase=live.phase).values_list(
            "participant_id", flat=True
        )
    )
    return {
        p.pk: {"name": p.name, "layer": p.layer.text("label", lang), "ready": p.pk in ready}
        for p in people
    }
