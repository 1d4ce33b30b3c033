"""The snapshot contract (sessions.schema): every frame of every phase, for every audience and
every phone, fits the schema of its audience, and a frame that does not fit is caught."""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from io import StringIO

import jsonschema
import pytest
from django.core.management import call_command
from django.utils import timezone

from game.core.selectors import phases_of
from game.followup import services as followup_services
from game.sample import populate
from sessions.concepts.followup import ClaimsState
from sessions.live import attend
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.schema import snapshot_schema
from sessions.sections import SECTIONS, NoPersonal, View
from sessions.snapshots import Snapshot, build_snapshot

pytestmark = pytest.mark.django_db

AUDIENCES = (FACILITATOR, SCREEN, PARTICIPANT)


def validator(audience: str, part: str | None = None) -> jsonschema.Draft202012Validator:
    """The audience's frame schema, or one of its definitions (`Me`)."""
    schema = snapshot_schema(audience)
    jsonschema.Draft202012Validator.check_schema(schema)
    if part is not None:
        schema = {"$defs": schema["$defs"], "$ref": f"#/$defs/{part}"}
    return jsonschema.Draft202012Validator(schema)


def frame(snapshot: Snapshot, participant_id: int | None = None) -> dict:
    return json.loads(snapshot.message(me_json=snapshot.me_json(participant_id), server_time_ms=1))


def errors(check: jsonschema.Draft202012Validator, instance: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in check.iter_errors(instance)]


@pytest.fixture
def room(traject, live, request):
    """The sample traject played through `request.param` (None: nothing played), everyone in
    the room, a running timer and a device claim waiting for the facilitator."""
    people = populate(traject, through=request.param) if request.param else []
    for person in people:
        attend(live, person)
    if people:
        followup_services.claim_identity(
            traject=traject, participant_id=people[0].pk, token_hash="a-new-phone"
        )
    live.timer_seconds = 300
    live.timer_ends_at = timezone.now() + timedelta(seconds=300)
    live.save()
    return live


@pytest.mark.parametrize("room", [None, "programme", "review"], indirect=True)
def test_every_phase_fits_the_schema_of_every_audience(room):
    live = room
    checks = {audience: validator(audience) for audience in AUDIENCES}
    me = validator(PARTICIPANT, "Me")
    phases = phases_of(live.traject.programme)
    assert {phase.step.day for phase in phases} == {1, 2}
    for phase in phases:
        live.phase = phase
        live.locked_phases = [phase.pk]
        live.version += 1
        live.save()
        for audience in AUDIENCES:
            snapshot = build_snapshot(live_id=live.pk, audience=audience, lang="nl")
            pids = sorted(snapshot.personal) or [None]  # only phones have a personal part
            where = f"{phase.step.key}/{phase.key} for {audience}"
            assert errors(checks[audience], frame(snapshot, pids[0])) == [], where
            for pid in pids[1:]:
                assert errors(me, snapshot.personal[pid]) == [], f"{where}, participant {pid}"


def test_the_schema_is_printed_for_the_client_side():
    out = StringIO()
    call_command("snapshot_schema", SCREEN, stdout=out)
    assert json.loads(out.getvalue()) == snapshot_schema(SCREEN)


@pytest.mark.parametrize("room", ["review"], indirect=True)
def test_a_frame_that_breaks_the_contract_is_caught(room, monkeypatch):
    live = room
    live.phase = next(p for p in phases_of(live.traject.programme) if p.kind == "review")
    live.save()
    console = frame(build_snapshot(live_id=live.pk, audience=FACILITATOR, lang="nl"))
    check = validator(FACILITATOR)
    assert errors(check, console) == []

    wrong_type = copy.deepcopy(console)
    wrong_type["state"]["phase"]["position"] = "1"
    unknown_key = copy.deepcopy(console)
    unknown_key["state"]["review"]["items"][0]["author"] = "Alice"
    missing_key = copy.deepcopy(console)
    del missing_key["state"]["session"]["code"]
    for broken in (wrong_type, unknown_key, missing_key):
        assert errors(check, broken) != []

    # The console's list of people is no part of what a phone may get.
    phone = build_snapshot(live_id=live.pk, audience=PARTICIPANT, lang="nl")
    leaked = frame(phone, next(iter(phone.personal)))
    leaked["state"]["participants"] = console["state"]["participants"]
    assert errors(validator(PARTICIPANT), leaked) != []

    # A section that does not return what it declares.
    def broken_claims(view: View) -> tuple[ClaimsState, dict[int, NoPersonal]]:
        return {"claims": [{"id": "first", "name": "Alice"}]}, {}

    monkeypatch.setitem(SECTIONS, "review", [*SECTIONS["review"], broken_claims])
    broken = frame(build_snapshot(live_id=live.pk, audience=FACILITATOR, lang="nl"))
    assert any("claims" in error for error in errors(validator(FACILITATOR), broken))
