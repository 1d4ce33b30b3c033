"""Stap 3 and Dag 2 over the WebSocket: audiences, locks, what each audience's snapshot
carries, and a whole afternoon from own cases to kader v1 and a day-2 revision to v2."""

from __future__ import annotations

import json

import pytest
from channels.db import database_sync_to_async
from django.contrib.sessions.backends.db import SessionStore

from game.core.selectors import phase_by_key
from game.document.model import build_document
from game.followup import services as followup_services
from game.followup.models import Review
from game.framework import services as framework_services
from game.framework.models import DecisionRule, FrameworkVersion
from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.practice.models import CaseConclusion, Judgement, PracticeCase
from game.requirements import services as requirements_services
from game.requirements.models import Requirement
from sessions.claims import request_claim
from sessions.live import open_session
from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.snapshots import build_snapshot
from tests.conftest import make_participant
from tests.live.helpers import connect, reply_to, send, state_at_least
from tests.live.test_live_session import facilitator_socket, paths

pytestmark = pytest.mark.django_db(transaction=True)

CASE = {
    "title": "Traplift of verhuizing",
    "situation": "Een inwoner met reuma kan de trap niet meer op.",
    "question": "Mag het wijkteam de goedkopere traplift regelen?",
}
RULE = {
    "who_decides": "De wijkprofessional",
    "what": "Een voorziening buiten de catalogus",
    "budget_or_mandate": "Tot € 2.500",
    "accountability": "Achteraf in het teamoverleg",
    "escalation": "Boven € 2.500 de teamleider",
}

FACILITATOR_ONLY = [
    ("practice.redact", {"case": 1, "situation": "S", "question": "V", "note": "N"}),
    ("practice.pick", {"cases": [1]}),
    ("practice.table", {"case": 1}),
    ("practice.conclude", {"case": 1, "text": "Conclusie"}),
    ("adjust.add", {"text": "Termijn", "reason": "Te traag"}),
    ("adjust.rephrase", {"requirement": 1, "text": "Eén loket", "reason": "Korter"}),
    ("rule.propose", RULE),
    ("rule.edit", {"rule": 1, **RULE}),
    ("rule.status", {"rule": 1, "status": "agreed"}),
    ("framework.freeze", {}),
    ("claim.confirm", {"claim": 1}),
    ("claim.reject", {"claim": 1}),
    (
        "framework.revise",
        {"changes": [{"kind": "requirement", "item": "req-1", "action": "keep"}]},
    ),
]
PARTICIPANT_ONLY = [
    ("practice.submit", CASE),
    ("practice.edit", {"case": 1, **CASE}),
    ("practice.withdraw", {"case": 1}),
    ("practice.dots", {"case": 1, "dots": 1}),
    ("judgement.set", {"case": 1, "requirement": 1, "verdict": "helpt"}),
    ("rule.react", {"rule": 1, "stance": "agree"}),
    ("review.write", {"item": "req-1", "applied": "ja"}),
]
# Participant input and the phase whose lock refuses it.
LOCKED_INPUT = [
    ("stap3", "casussen", "practice.submit", CASE),
    ("stap3", "casussen", "practice.edit", {"case": 1, **CASE}),
    ("stap3", "casussen", "practice.withdraw", {"case": 1}),
    ("stap3", "kiezen", "practice.dots", {"case": 1, "dots": 1}),
    ("stap3", "toetsen", "judgement.set", {"case": 1, "requirement": 1, "verdict": "helpt"}),
    ("stap3", "beslisregels", "rule.react", {"rule": 1, "stance": "agree"}),
    ("stap4", "terugblik", "review.write", {"item": "req-1", "applied": "ja"}),
]


@database_sync_to_async
def db(query):
    return query()


async def ok(comm, cmd: str, args: dict | None = None) -> dict:
    reply = await reply_to(comm, await send(comm, cmd, args))
    assert "ack" in reply, (cmd, reply)
    return reply


async def refused(comm, cmd: str, args: dict | None = None) -> dict:
    reply = await reply_to(comm, await send(comm, cmd, args))
    assert "error" in reply, (cmd, reply)
    return reply["error"]


async def goto(console, step: str, phase: str) -> None:
    await ok(console, "phase.goto", {"step": step, "phase": phase})


# --- audiences and locks ----------------------------------------------------------------------


@pytest.mark.parametrize(("cmd", "args"), FACILITATOR_ONLY)
async def test_a_participant_cannot_send_facilitator_stap3_commands(live, alice, cmd, args):
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    assert (await refused(phone, cmd, args))["code"] == "forbidden"
    await phone.disconnect()


@pytest.mark.parametrize(("cmd", "args"), PARTICIPANT_ONLY)
async def test_the_facilitator_cannot_send_stap3_participant_input(live, facilitator, cmd, args):
    console, _ = await facilitator_socket(live, facilitator)
    assert (await refused(console, cmd, args))["code"] == "forbidden"
    await console.disconnect()


async def test_the_screen_sends_no_stap3_command(live):
    screen, _ = await connect(paths(live)["screen"])
    for cmd, args in FACILITATOR_ONLY + PARTICIPANT_ONLY:
        assert (await refused(screen, cmd, args))["code"] == "forbidden", cmd
    await screen.disconnect()


@pytest.mark.parametrize(("step", "phase", "cmd", "args"), LOCKED_INPUT)
async def test_a_locked_stap3_phase_refuses_its_input_from_anywhere(
    live, facilitator, alice, step, phase, cmd, args
):
    console, _ = await facilitator_socket(live, facilitator)
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    await goto(console, step, phase)
    await ok(console, "phase.lock", {"locked": True})
    await goto(console, "stap3", "kader")  # moved on; the lock stays with its phase
    assert (await refused(phone, cmd, args))["code"] == "phase_locked"
    await phone.disconnect()
    await console.disconnect()


async def test_a_revision_needs_a_list_of_change_objects(live, facilitator):
    console, _ = await facilitator_socket(live, facilitator)
    for changes in ([], "keep", [1], [{"kind": "rule", "fields": "x"}], [{"text": 3}]):
        error = await refused(console, "framework.revise", {"changes": changes})
        assert error["code"] == "bad_args", changes
    await console.disconnect()


# --- snapshots --------------------------------------------------------------------------------


def go(live, step: str, phase: str) -> None:
    live.phase = phase_by_key(live.traject.programme, step, phase)
    live.version += 1
    live.save()


def snap(live, audience: str) -> tuple[dict, dict]:
    snapshot = build_snapshot(live_id=live.pk, audience=audience, lang="en")
    return json.loads(snapshot.shared_json), snapshot.personal


@pytest.fixture
def room(live):
    alice = make_participant(live, "Alice", "raad")[0]
    bob = make_participant(live, "Bob", "uitvoering")[0]
    requirement = requirements_services.add_requirement(traject=live.traject, text="Eén loket")
    requirements_services.decide_requirement(requirement=requirement, decision="accept")
    return live, alice, bob, requirement


def test_own_cases_reach_their_author_and_the_console_only(room):
    live, alice, bob, _ = room
    practice_services.submit_case(participant=alice, privacy_reason="not_personal", **CASE)
    go(live, "stap3", "casussen")
    shared, personal = snap(live, PARTICIPANT)
    assert [case["title"] for case in personal[alice.pk]["my_cases"]] == [CASE["title"]]
    assert personal[bob.pk]["my_cases"] == []
    assert "cases" not in shared["practice"]
    assert "citizen service numbers (BSN)" in shared["practice"]["reminder"]
    screen, _ = snap(live, SCREEN)
    assert screen["practice"]["count"] == 1
    assert "Alice" not in json.dumps(screen)
    console, _ = snap(live, FACILITATOR)
    [case] = console["practice"]["cases"]
    assert (case["author"], case["flags"]) == ("Alice", [])


BSN_CASE = {**CASE, "question": "Mag het wijkteam voor BSN 123456782 de traplift regelen?"}


def test_a_quarantined_case_is_seen_by_its_author_and_the_console_only(room, facilitator):
    live, alice, bob, _ = room
    case = practice_services.submit_case(participant=alice, privacy_reason="invented", **BSN_CASE)
    assert case.quarantined
    go(live, "stap3", "kiezen")
    for audience in (SCREEN, PARTICIPANT):
        shared, _ = snap(live, audience)
        assert shared["practice"]["cases"] == []
        assert "123456782" not in json.dumps(shared)
    console, _ = snap(live, FACILITATOR)
    [item] = console["practice"]["cases"]
    assert item["quarantined"]
    go(live, "stap3", "casussen")
    _, personal = snap(live, PARTICIPANT)
    [mine] = personal[alice.pk]["my_cases"]
    assert mine["quarantined"] and mine["question"] == BSN_CASE["question"]
    assert "123456782" not in json.dumps(personal[bob.pk])
    console, _ = snap(live, FACILITATOR)
    assert console["practice"]["cases"][0]["flags"] == ["bsn"]
    [waiting] = console["quarantine"]
    assert (waiting["kind"], waiting["id"]) == ("case", case.pk)
    [finding] = waiting["findings"]
    assert (finding["kind"], finding["author_says"], finding["cleared_at"]) == (
        "bsn",
        "invented",
        None,
    )
    assert "quarantine" not in snap(live, SCREEN)[0]


async def test_a_quarantined_case_is_refused_for_picking_until_the_facilitator_clears_it(
    live, facilitator, alice
):
    participant, _ = alice
    case = await db(
        lambda: practice_services.submit_case(
            participant=participant, privacy_reason="not_personal", **BSN_CASE
        )
    )
    console, _ = await facilitator_socket(live, facilitator)
    await goto(console, "stap3", "kiezen")
    error = await refused(console, "practice.pick", {"cases": [case.pk]})
    assert error["code"] == "case_quarantined"
    assert not await db(lambda: PracticeCase.objects.get(pk=case.pk).selected)
    await ok(console, "privacy.clear", {"kind": "case", "id": case.pk, "finding": 0})
    cleared = await db(lambda: PracticeCase.objects.get(pk=case.pk))
    assert not cleared.quarantined
    assert cleared.privacy_findings[0]["cleared_by"] == facilitator.pk
    await ok(console, "practice.pick", {"cases": [case.pk]})
    await console.disconnect()


def test_a_quarantined_case_never_reaches_the_document(room):
    live, alice, _, _ = room
    kept = practice_services.submit_case(participant=alice, privacy_reason="", **CASE)
    practice_services.submit_case(participant=alice, privacy_reason="invented", **BSN_CASE)
    practice_services.pick_cases(traject=live.traject, case_ids=[kept.pk])
    document = build_document(live.traject)
    assert "123456782" not in json.dumps(document.as_dict())


def test_dot_totals_reach_the_room_only_once_cases_are_picked(room):
    live, alice, bob, _ = room
    case = practice_services.submit_case(participant=alice, privacy_reason="", **CASE)
    practice_services.set_case_dots(participant=bob, case=case, dots=2)
    go(live, "stap3", "kiezen")
    screen, _ = snap(live, SCREEN)
    assert screen["practice"]["cases"][0]["dots"] is None
    assert "Alice" not in json.dumps(screen)
    assert snap(live, FACILITATOR)[0]["practice"]["cases"][0]["dots"] == 2
    assert snap(live, PARTICIPANT)[1][bob.pk]["case_dots"] == {str(case.pk): 2}
    practice_services.pick_cases(traject=live.traject, case_ids=[case.pk])
    live.version += 1
    live.save()
    assert snap(live, SCREEN)[0]["practice"]["cases"][0]["dots"] == 2


def test_the_grid_reaches_screen_and_console_and_a_phone_gets_its_own_verdicts(room):
    live, alice, bob, requirement = room
    case = practice_services.submit_case(participant=alice, privacy_reason="", **CASE)
    practice_services.pick_cases(traject=live.traject, case_ids=[case.pk])
    case.refresh_from_db()
    practice_services.judge(
        participant=alice, case=case, requirement=requirement, verdict="knelt", comment="Te stijf"
    )
    go(live, "stap3", "toetsen")
    screen, _ = snap(live, SCREEN)
    assert screen["judging"]["table"]["title"] == CASE["title"]
    assert screen["judging"]["grid"][0]["counts"] == {"helpt": 0, "knelt": 1, "ontbreekt": 0}
    assert "Alice" not in json.dumps(screen)
    console, _ = snap(live, FACILITATOR)
    assert console["judging"]["grids"][0]["grid"][0]["comments"] == [
        {"verdict": "knelt", "text": "Te stijf"}
    ]
    shared, personal = snap(live, PARTICIPANT)
    assert "grid" not in shared["judging"] and "grids" not in shared["judging"]
    assert personal[alice.pk]["judgements"] == {
        str(case.pk): {str(requirement.pk): {"verdict": "knelt", "comment": "Te stijf"}}
    }
    assert personal[bob.pk]["judgements"] == {}


def test_rules_show_reaction_counts_and_a_phone_its_own_reaction(room):
    live, alice, bob, _ = room
    rule = framework_services.propose_rule(traject=live.traject, **RULE)
    framework_services.react_to_rule(
        participant=alice, rule=rule, stance="concern", comment="Te laag"
    )
    go(live, "stap3", "beslisregels")
    screen, _ = snap(live, SCREEN)
    assert (screen["rules"]["items"][0]["concern"], screen["rules"]["items"][0]["agree"]) == (1, 0)
    assert "Alice" not in json.dumps(screen)
    personal = snap(live, PARTICIPANT)[1]
    assert personal[alice.pk]["rule_reactions"] == {
        str(rule.pk): {"stance": "concern", "comment": "Te laag"}
    }
    assert personal[bob.pk]["rule_reactions"] == {}


def test_the_console_previews_the_kader_before_it_is_frozen(room):
    live, *_ = room
    go(live, "stap3", "kader")
    console, _ = snap(live, FACILITATOR)
    assert console["framework"] is None
    assert [r["text"] for r in console["framework_draft"]["requirements"]] == ["Eén loket"]
    assert "framework_draft" not in snap(live, SCREEN)[0]
    framework_services.freeze_framework(traject=live.traject)
    live.version += 1
    live.save()
    assert snap(live, SCREEN)[0]["framework"]["number"] == 1


def test_reviews_reach_the_room_counted_and_a_phone_gets_its_own(room):
    live, alice, bob, requirement = room
    version = framework_services.freeze_framework(traject=live.traject)
    key = f"req-{requirement.pk}"
    followup_services.write_review(
        participant=alice, version=version, item_key=key, applied="deels", improve="Sneller"
    )
    go(live, "stap4", "terugblik")
    screen, _ = snap(live, SCREEN)
    [item] = screen["review"]["summary"]
    assert (item["counts"], item["improve"]) == ({"ja": 0, "deels": 1, "nee": 0}, ["Sneller"])
    assert "Alice" not in json.dumps(screen)
    personal = snap(live, PARTICIPANT)[1]
    assert personal[alice.pk]["reviews"][key]["applied"] == "deels"
    assert personal[bob.pk]["reviews"] == {}


def test_pending_claims_reach_the_console_only(room):
    live, alice, *_ = room
    day2 = open_session(traject=live.traject, day=2)
    claim = request_claim({}, live=day2, participant_id=alice.pk)
    console, _ = snap(day2, FACILITATOR)
    assert console["claims"] == [
        {
            "id": claim.pk,
            "participant": alice.pk,
            "name": "Alice",
            "layer_label": "Council member",
            "check_code": claim.check_code,
            "created_at": claim.created_at.isoformat(),
        }
    ]
    assert "claims" not in snap(day2, SCREEN)[0]
    assert "claims" not in snap(day2, PARTICIPANT)[0]


# --- a whole afternoon, and the return meeting ------------------------------------------------


def prepare_programme(traject) -> list[Requirement]:
    """Stap 2 ended with an adopted programme of two requirements."""
    made = []
    for text in ("Eén loket", "Eigen budget"):
        requirement = requirements_services.add_requirement(traject=traject, text=text)
        requirements_services.decide_requirement(requirement=requirement, decision="accept")
        made.append(requirement)
    requirements_services.adopt_programme(traject=traject)
    return made


def new_device_claims(day2, participant) -> str:
    """Alice comes back with a new phone and picks her name; returns the phone's session key."""
    store = SessionStore()
    request_claim(store, live=day2, participant_id=participant.pk)
    store.save()
    return store.session_key


async def test_from_own_cases_to_kader_v1_and_on_day_2_to_v2(live, facilitator, alice, bob):
    (alice_p, alice_key), (_, bob_key) = alice, bob
    loket, budget = await db(lambda: prepare_programme(live.traject))
    console, _ = await facilitator_socket(live, facilitator)
    alice_phone, _ = await connect(paths(live)["participant"] + "?lang=en", session_key=alice_key)
    bob_phone, _ = await connect(paths(live)["participant"], session_key=bob_key)

    # Own cases: Alice's phone number is pointed out; she confirms it is the wijkteam's.
    await goto(console, "stap3", "casussen")
    with_phone = {**CASE, "situation": "Bel het wijkteam op 06-12345678 voor overleg."}
    error = await refused(alice_phone, "practice.submit", with_phone)
    assert error["code"] == "personal_data"
    assert "“06-12345678” (phone number)" in error["message"]
    [finding] = error["details"]["findings"]
    assert (finding["kind"], finding["field"]) == ("phone", "situation")
    assert await db(PracticeCase.objects.count) == 0
    await ok(alice_phone, "practice.submit", {**with_phone, "privacy_reason": "not_personal"})
    await ok(bob_phone, "practice.submit", {**CASE, "title": "Schuldhulp zonder wachtlijst"})
    alice_case, bob_case = await db(lambda: list(PracticeCase.objects.order_by("pk")))
    assert (alice_case.privacy_confirmed, bob_case.privacy_confirmed) == (True, False)
    redaction = {
        "case": alice_case.pk,
        "situation": "Bel het wijkteam voor overleg.",
        "question": CASE["question"],
        "note": "Telefoonnummer weggehaald",
    }
    await ok(console, "practice.redact", redaction)

    # Picking: dots, then the facilitator picks two in order.
    await goto(console, "stap3", "kiezen")
    await ok(alice_phone, "practice.dots", {"case": bob_case.pk, "dots": 2})
    error = await refused(bob_phone, "practice.dots", {"case": alice_case.pk, "dots": 4})
    assert error["code"] == "dots_exhausted"
    await ok(console, "practice.pick", {"cases": [bob_case.pk, alice_case.pk]})
    assert (await refused(console, "practice.pick", {"cases": [1, 2, 3, 4]}))["code"] == (
        "pick_count"
    )

    # Judging: verdicts per requirement, the grid, a conclusion, adjustments.
    await goto(console, "stap3", "toetsen")
    cell = {"case": bob_case.pk, "requirement": loket.pk}
    await ok(alice_phone, "judgement.set", {**cell, "verdict": "helpt", "comment": "Eén plan"})
    await ok(bob_phone, "judgement.set", {**cell, "verdict": "knelt"})
    await ok(bob_phone, "judgement.set", {**cell, "verdict": "helpt"})  # changed his mind
    await ok(console, "practice.table", {"case": alice_case.pk})
    await ok(console, "practice.conclude", {"case": bob_case.pk, "text": "Eén loket helpt."})
    grid = await db(
        lambda: practice_selectors.judgement_grid(PracticeCase.objects.get(pk=bob_case.pk))
    )
    assert grid[0]["counts"] == {"helpt": 2, "knelt": 0, "ontbreekt": 0}
    assert await db(Judgement.objects.count) == 2
    assert await db(lambda: CaseConclusion.objects.get().text) == "Eén loket helpt."
    await ok(
        console,
        "adjust.add",
        {"text": "Maatwerk heeft een termijn", "reason": "Het duurde maanden", "case": bob_case.pk},
    )
    rephrase = {"requirement": loket.pk, "text": "Eén loket, één plan", "reason": "Casus 1"}
    await ok(console, "adjust.rephrase", rephrase)

    # Decision rules: proposed, reacted to, agreed.
    await goto(console, "stap3", "beslisregels")
    await ok(console, "rule.propose", RULE)
    rule = await db(DecisionRule.objects.get)
    await ok(alice_phone, "rule.react", {"rule": rule.pk, "stance": "agree"})
    await ok(bob_phone, "rule.react", {"rule": rule.pk, "stance": "concern", "comment": "Laag"})
    await ok(console, "rule.edit", {"rule": rule.pk, **RULE, "budget_or_mandate": "Tot € 3.000"})
    await ok(console, "rule.status", {"rule": rule.pk, "status": "agreed"})

    # Freezing v1; a second freeze is refused.
    await goto(console, "stap3", "kader")
    await ok(console, "framework.freeze")
    assert (await refused(console, "framework.freeze"))["code"] == "already_frozen"
    v1 = await db(FrameworkVersion.objects.get)
    assert [r["text"] for r in v1.content["requirements"]] == [
        "Eén loket, één plan",
        "Eigen budget",
        "Maatwerk heeft een termijn",
    ]
    assert v1.content["rules"][0]["budget_or_mandate"] == "Tot € 3.000"
    for comm in (alice_phone, bob_phone, console):
        await comm.disconnect()

    # Day 2: a new session; Alice returns on a new phone, Bob on his old one.
    day2 = await db(lambda: open_session(traject=live.traject, day=2))
    new_phone_key = await db(lambda: new_device_claims(day2, alice_p))
    console, first = await facilitator_socket(day2, facilitator)
    [claim] = first["state"]["claims"]
    assert claim["name"] == "Alice"
    await ok(console, "claim.confirm", {"claim": claim["id"]})
    alice_phone, first = await connect(paths(day2)["participant"], session_key=new_phone_key)
    assert first["me"]["name"] == "Alice"
    bob_phone, first = await connect(paths(day2)["participant"], session_key=bob_key)
    assert first["me"]["name"] == "Bob"
    assert first["state"]["phase"]["key"] == "welkom-terug"  # the code and QR are up
    moved = await ok(console, "phase.goto", {"step": "stap4", "phase": "terugblik"})
    state = await state_at_least(bob_phone, moved["version"])
    assert state["state"]["review"]["version"] == 1

    loket_key, budget_key = f"req-{loket.pk}", f"req-{budget.pk}"
    review = {"item": loket_key, "applied": "ja", "how_it_went": "Werkte", "improve": ""}
    await ok(alice_phone, "review.write", review)
    await ok(bob_phone, "review.write", {"item": budget_key, "applied": "nee"})
    assert await db(Review.objects.count) == 2

    await goto(console, "stap4", "herzien")
    changes = [
        {"kind": "requirement", "item": budget_key, "action": "drop", "reason": "Niet gebruikt"},
        {"kind": "requirement", "item": loket_key, "action": "keep", "reason": "Werkt"},
    ]
    reply = await ok(console, "framework.revise", {"changes": changes})
    versions = await db(lambda: list(FrameworkVersion.objects.order_by("number")))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].content == v1.content
    assert budget_key not in {r["key"] for r in versions[1].content["requirements"]}
    assert await db(lambda: Requirement.objects.get(pk=budget.pk).status) == "dropped"

    state = await state_at_least(bob_phone, reply["version"])
    diff = state["state"]["revision"]["diff"]
    assert [(r["before"], r["reason"]) for r in diff["removed"]] == [
        ("Eigen budget", "Niet gebruikt")
    ]
    for comm in (alice_phone, bob_phone, console):
        await comm.disconnect()
