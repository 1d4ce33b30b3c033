"""Stap 2 commands over the WebSocket: audiences, locks, and a whole game from deal to adoption."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from game.requirements.models import ProgrammeVersion, Requirement, RequirementVote
from game.roleplay import selectors as roleplay_selectors
from game.roleplay.models import Reaction, RoleAssignment, Wish
from tests.live.helpers import connect, reply_to, send
from tests.live.test_live_session import facilitator_socket, paths

pytestmark = pytest.mark.django_db(transaction=True)

FACILITATOR_ONLY = [
    ("roles.deal", {"seed": 1}),
    ("roles.override", {"participant": 1, "role": "inwoner"}),
    ("roles.reveal", {"revealed": True}),
    ("case.choose", {"case": "mantelzorg-dementie"}),
    ("case.reveal_next", {}),
    ("case.hide_last", {}),
    ("requirement.merge", {"wishes": [1], "text": "Eén loket"}),
    ("requirement.add", {"text": "Eén loket"}),
    ("requirement.rephrase", {"requirement": 1, "text": "Eén loket", "reason": "Korter"}),
    ("wish.unmerge", {"wish": 1}),
    ("vote.method", {"method": "dots"}),
    ("votes.reveal", {"revealed": True}),
    ("requirement.decide", {"requirement": 1, "decision": "accept"}),
    ("requirement.note", {"requirement": 1, "note": "Besproken"}),
    ("programme.adopt", {}),
]
PARTICIPANT_ONLY = [
    ("reaction.write", {"text": "Ik wil gehoord worden"}),
    ("wish.write", {"text": "Maatwerk moet snel"}),
    ("wish.edit", {"wish": 1, "text": "Maatwerk moet sneller"}),
    ("wish.delete", {"wish": 1}),
    ("vote.moscow", {"requirement": 1, "choice": "must"}),
    ("vote.dots", {"requirement": 1, "dots": 1}),
]
# Participant input and the phase whose lock refuses it.
LOCKED_INPUT = [
    ("reageren", "reaction.write", {"text": "Ik wil gehoord worden"}),
    ("wensen", "wish.write", {"text": "Maatwerk moet snel"}),
    ("wensen", "wish.edit", {"wish": 1, "text": "Maatwerk moet sneller"}),
    ("wensen", "wish.delete", {"wish": 1}),
    ("prioriteren", "vote.moscow", {"requirement": 1, "choice": "must"}),
    ("prioriteren", "vote.dots", {"requirement": 1, "dots": 1}),
]


@pytest.mark.parametrize(("cmd", "args"), FACILITATOR_ONLY)
async def test_a_participant_cannot_send_facilitator_stap2_commands(live, alice, cmd, args):
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    reply = await reply_to(phone, await send(phone, cmd, args))
    assert reply["error"]["code"] == "forbidden"
    await phone.disconnect()


@pytest.mark.parametrize(("cmd", "args"), PARTICIPANT_ONLY)
async def test_the_facilitator_cannot_send_stap2_participant_input(live, facilitator, cmd, args):
    console, _ = await facilitator_socket(live, facilitator)
    reply = await reply_to(console, await send(console, cmd, args))
    assert reply["error"]["code"] == "forbidden"
    await console.disconnect()


async def test_the_screen_sends_no_stap2_command(live):
    screen, _ = await connect(paths(live)["screen"])
    for cmd, args in FACILITATOR_ONLY + PARTICIPANT_ONLY:
        reply = await reply_to(screen, await send(screen, cmd, args))
        assert reply["error"]["code"] == "forbidden", cmd
    await screen.disconnect()


async def ok(comm, cmd: str, args: dict | None = None) -> dict:
    reply = await reply_to(comm, await send(comm, cmd, args))
    assert "ack" in reply, (cmd, reply)
    return reply


async def goto(console, phase: str) -> None:
    await ok(console, "phase.goto", {"step": "stap2", "phase": phase})


@pytest.mark.parametrize(("phase", "cmd", "args"), LOCKED_INPUT)
async def test_a_locked_stap2_phase_refuses_its_input_from_anywhere(
    live, facilitator, alice, phase, cmd, args
):
    console, _ = await facilitator_socket(live, facilitator)
    phone, _ = await connect(paths(live)["participant"], session_key=alice[1])
    await goto(console, phase)
    await ok(console, "phase.lock", {"locked": True})
    await goto(console, "vaststellen")  # moved on; the lock stays with its phase
    reply = await reply_to(phone, await send(phone, cmd, args))
    assert reply["error"]["code"] == "phase_locked"
    await phone.disconnect()
    await console.disconnect()


async def test_a_participant_without_a_role_is_told_to_wait(live, alice):
    phone, _ = await connect(paths(live)["participant"] + "?lang=en", session_key=alice[1])
    reply = await reply_to(phone, await send(phone, "wish.write", {"text": "Maatwerk moet"}))
    assert reply["error"] == {
        "code": "no_role",
        "message": "You have no role yet. Wait until the facilitator deals the roles.",
    }
    await phone.disconnect()


async def test_a_merge_needs_a_list_of_wish_ids(live, facilitator):
    console, _ = await facilitator_socket(live, facilitator)
    for wishes in ([], "1", [1, "x"], [True]):
        reply = await reply_to(
            console, await send(console, "requirement.merge", {"wishes": wishes, "text": "T"})
        )
        assert reply["error"]["code"] == "bad_args", wishes
    await console.disconnect()


@database_sync_to_async
def db(query):
    return query()


async def test_dealing_from_the_console_records_a_fresh_seed_unless_one_is_given(
    live, facilitator, alice, bob
):
    console, _ = await facilitator_socket(live, facilitator)
    await goto(console, "rollen")
    seeds = []
    for _ in range(2):
        await ok(console, "roles.deal")
        seeds.append(await db(lambda: roleplay_selectors.deal_seed(live.traject)))
    assert None not in seeds and seeds[0] != seeds[1]
    await ok(console, "roles.deal", {"seed": 3})
    assert await db(lambda: roleplay_selectors.deal_seed(live.traject)) == 3
    await console.disconnect()


async def test_a_whole_game_from_dealing_to_an_adopted_programme(live, facilitator, alice, bob):
    (alice_p, alice_key), (bob_p, bob_key) = alice, bob
    console, _ = await facilitator_socket(live, facilitator)
    alice_phone, _ = await connect(paths(live)["participant"], session_key=alice_key)
    bob_phone, _ = await connect(paths(live)["participant"], session_key=bob_key)

    await goto(console, "rollen")
    await ok(console, "roles.deal", {"seed": 3})
    assert await db(RoleAssignment.objects.count) == 2
    await ok(console, "roles.override", {"participant": alice_p.pk, "role": "uitvoering"})
    await ok(console, "roles.override", {"participant": bob_p.pk, "role": "raad"})
    await ok(console, "roles.reveal", {"revealed": True})

    await goto(console, "casus")
    await ok(console, "case.choose", {"case": "mantelzorg-dementie"})
    await ok(console, "case.reveal_next")

    await goto(console, "reageren")
    await ok(alice_phone, "reaction.write", {"text": "Eindelijk ruimte om te doen wat werkt."})
    assert await db(lambda: Reaction.objects.get().role.key) == "uitvoering"

    await goto(console, "wensen")
    await ok(alice_phone, "wish.write", {"text": "Maatwerk moet zonder formulier kunnen"})
    await ok(bob_phone, "wish.write", {"text": "Maatwerk moet verantwoord worden"})
    wish_ids = await db(lambda: list(Wish.objects.values_list("pk", flat=True)))

    await goto(console, "samenvoegen")
    merged = {"wishes": wish_ids, "text": "Maatwerk is snel en verantwoord"}
    await ok(console, "requirement.merge", merged)
    requirement = await db(Requirement.objects.get)

    await goto(console, "prioriteren")
    await ok(alice_phone, "vote.moscow", {"requirement": requirement.pk, "choice": "must"})
    await ok(bob_phone, "vote.moscow", {"requirement": requirement.pk, "choice": "wont"})
    second = await ok(bob_phone, "vote.moscow", {"requirement": requirement.pk, "choice": "wont"})
    assert await db(RequirementVote.objects.count) == 2
    assert second["ack"]  # the same choice again is acknowledged, and changes nothing

    await goto(console, "resultaten")
    await ok(console, "votes.reveal", {"revealed": True})
    await goto(console, "vaststellen")
    decision = {"requirement": requirement.pk, "decision": "accept", "text": "", "reason": ""}
    await ok(console, "requirement.decide", decision)
    note = {"requirement": requirement.pk, "note": "Raad wil het, wijkteam niet: besproken."}
    await ok(console, "requirement.note", note)
    await ok(console, "programme.adopt")

    version = await db(ProgrammeVersion.objects.get)
    [item] = version.content["requirements"]
    assert version.number == 1
    assert item["roles"] == ["raad", "uitvoering"]
    # Two voters: no layer is shown on its own, not even in the adopted record.
    [column] = version.content["columns"]
    assert column["too_few"] and "raad" in column["layers"] and "uitvoering" in column["layers"]
    [cell] = item["grid"]
    assert cell["counts"] == {"must": 1, "should": 0, "could": 0, "wont": 1}
    assert not item["flagged"]
    for comm in (alice_phone, bob_phone, console):
        await comm.disconnect()
