"""Votes by group commit: commands arriving together for one session are applied in one
transaction (sessions.batching, sessions.dispatch.execute_batch), each still on its own."""

from __future__ import annotations

import asyncio

import pytest
from channels.db import database_sync_to_async

from game.core.errors import GameError
from game.statements import services as statements_services
from game.statements.models import StatementAnswer
from sessions.arguments import NoArgs
from sessions.batching import batcher
from sessions.dispatch import Outcome, Request, execute_batch
from sessions.models import CommandRecord, LiveSession, PhaseReady
from sessions.protocol import Envelope, ProtocolError
from sessions.registry import COMMANDS, FACILITATOR, PARTICIPANT, Actor, Command
from tests.conftest import make_participant
from tests.live.helpers import connect, reply_to, send
from tests.live.test_live_session import facilitator_socket, paths, reload
from tests.live.test_stap1_commands import goto

pytestmark = pytest.mark.django_db(transaction=True)


async def open_statement(live, console):
    statement = await database_sync_to_async(statements_services.add_statement)(
        traject=live.traject, text="Iedereen mag meedoen"
    )
    await goto(console, "stellingen")
    ack = await reply_to(
        console, await send(console, "statement.open", {"statement": statement.pk})
    )
    assert "ack" in ack, ack
    return statement


async def phones_of(live, count: int):
    people = [
        await database_sync_to_async(make_participant)(live, f"Deelnemer {i}", "beleid")
        for i in range(count)
    ]
    return [(await connect(paths(live)["participant"], session_key=key))[0] for _, key in people]


async def replies(phones, ids: list[str]) -> list[dict]:
    return await asyncio.gather(
        *(
            reply_to(phone, client_id, timeout=30)
            for phone, client_id in zip(phones, ids, strict=True)
        )
    )


def stored_answers(statement) -> list[int]:
    return list(
        StatementAnswer.objects.filter(statement=statement).values_list("participant", flat=True)
    )


async def test_fifty_phones_voting_at_once_are_stored_once_each_in_far_fewer_transactions(
    live, facilitator
):
    console, _ = await facilitator_socket(live, facilitator)
    statement = await open_statement(live, console)
    phones = await phones_of(live, 50)
    version_before = (await reload(live)).version
    batches_before = batcher.batches
    answer = {"statement": statement.pk, "answer": "eens"}

    ids = await asyncio.gather(*(send(phone, "statement.answer", answer) for phone in phones))
    answers = await replies(phones, ids)

    assert all("ack" in reply for reply in answers), answers
    participants = await database_sync_to_async(stored_answers)(statement)
    assert len(participants) == len(set(participants)) == 50
    records = await database_sync_to_async(CommandRecord.objects.filter(client_id__in=ids).count)()
    assert records == 50
    assert batcher.batches - batches_before < 50 / 5
    # One version bump per batch: the acks share a handful of versions.
    assert len({reply["version"] for reply in answers}) < 50 / 5
    assert (await reload(live)).version - version_before < 50
    for comm in [*phones, console]:
        await comm.disconnect()


async def test_an_invalid_vote_among_valid_ones_gets_its_error_and_the_others_are_stored(
    live, facilitator
):
    console, _ = await facilitator_socket(live, facilitator)
    statement = await open_statement(live, console)
    phones = await phones_of(live, 10)
    valid = {"statement": statement.pk, "answer": "oneens"}
    unknown = {"statement": statement.pk + 1000, "answer": "oneens"}

    ids = await asyncio.gather(
        *(
            send(phone, "statement.answer", unknown if i == 3 else valid)
            for i, phone in enumerate(phones)
        )
    )
    answers = await replies(phones, ids)

    assert answers[3]["error"]["code"] == "statement_unknown"
    assert all("ack" in reply for i, reply in enumerate(answers) if i != 3), answers
    assert len(await database_sync_to_async(stored_answers)(statement)) == 9
    assert not await database_sync_to_async(CommandRecord.objects.filter(client_id=ids[3]).exists)()
    for comm in [*phones, console]:
        await comm.disconnect()


async def test_one_client_id_sent_twice_at_once_is_applied_once_with_one_ack_version(
    live, facilitator, alice
):
    console, _ = await facilitator_socket(live, facilitator)
    statement = await open_statement(live, console)
    # The phone reconnected while its old socket was still open, and retried on the new one.
    old, _ = await connect(paths(live)["participant"], session_key=alice[1])
    new, _ = await connect(paths(live)["participant"], session_key=alice[1])
    answer = {"statement": statement.pk, "answer": "eens"}

    await asyncio.gather(
        *(send(comm, "statement.answer", answer, id="vote-1") for comm in (old, new))
    )
    first, second = await asyncio.gather(*(reply_to(comm, "vote-1") for comm in (old, new)))

    assert first["ack"] == second["ack"] == "vote-1"
    assert first["version"] == second["version"]
    assert await database_sync_to_async(stored_answers)(statement) == [alice[0].pk]
    assert (
        await database_sync_to_async(CommandRecord.objects.filter(client_id="vote-1").count)() == 1
    )
    for comm in (old, new, console):
        await comm.disconnect()


async def test_a_lone_command_is_a_batch_of_its_own(live, facilitator):
    console, _ = await facilitator_socket(live, facilitator)
    batches_before = batcher.batches
    version_before = (await reload(live)).version
    ack = await reply_to(console, await send(console, "phase.next"))
    assert batcher.batches - batches_before == 1
    assert ack["version"] == version_before + 1 == (await reload(live)).version
    await console.disconnect()


# The batch itself, without sockets: which command lands in which batch is then certain.


def participant(person) -> Actor:
    return Actor(audience=PARTICIPANT, key=f"p:{person.pk}", participant_id=person.pk)


def facilitator_actor(user) -> Actor:
    return Actor(audience=FACILITATOR, key=f"f:{user.pk}", user_id=user.pk)


def request(actor: Actor, cmd: str, args: dict | None = None, *, id: str) -> Request:
    return Request(actor, Envelope(cmd=cmd, id=id, args=args or {}))


def test_a_refused_command_in_a_batch_changes_nothing_and_the_others_share_one_new_version(
    live, alice, bob
):
    statement = statements_services.add_statement(traject=live.traject, text="S")
    statements_services.open_statement(statement=statement)
    version = LiveSession.objects.get(pk=live.pk).version
    results = execute_batch(
        live_id=live.pk,
        requests=[
            request(
                participant(alice[0]),
                "statement.answer",
                {"statement": statement.pk, "answer": "eens"},
                id="a",
            ),
            request(
                participant(bob[0]),
                "statement.answer",
                {"statement": statement.pk, "answer": "nope"},
                id="b",
            ),
            request(participant(bob[0]), "phase.next", id="c"),
            request(
                participant(bob[0]),
                "statement.answer",
                {"statement": statement.pk, "answer": "oneens"},
                id="d",
            ),
        ],
    )
    assert results[0] == results[3] == Outcome(version=version + 1, changed=True)
    assert isinstance(results[1], GameError) and results[1].code == "answer_unknown"
    assert isinstance(results[2], ProtocolError) and results[2].code == "forbidden"
    assert LiveSession.objects.get(pk=live.pk).version == version + 1
    assert sorted(stored_answers(statement)) == sorted([alice[0].pk, bob[0].pk])
    assert set(CommandRecord.objects.values_list("client_id", flat=True)) == {"a", "d"}


def test_two_copies_of_one_id_in_a_batch_are_applied_once(live, alice):
    ready = {"ready": True}
    first, second = execute_batch(
        live_id=live.pk,
        requests=[request(participant(alice[0]), "phase.ready", ready, id="x")] * 2,
    )
    assert first.changed and not second.changed
    assert first.version == second.version
    assert PhaseReady.objects.count() == CommandRecord.objects.count() == 1
    (again,) = execute_batch(
        live_id=live.pk, requests=[request(participant(alice[0]), "phase.ready", ready, id="x")]
    )
    assert again == Outcome(version=first.version, changed=False)


def test_a_batch_of_no_changes_keeps_the_version(live, alice):
    version = LiveSession.objects.get(pk=live.pk).version
    results = execute_batch(
        live_id=live.pk,
        requests=[request(participant(alice[0]), "phase.ready", {"ready": False}, id="n")],
    )
    assert results == [Outcome(version=version, changed=False)]
    assert LiveSession.objects.get(pk=live.pk).version == version


def test_a_command_that_wrote_and_then_failed_leaves_nothing_for_the_next_one(
    live, alice, monkeypatch
):
    def lock_then_fail(ctx, args):
        ctx.live.locked_phases = [ctx.live.phase_id]
        ctx.live.save()
        raise RuntimeError("half way")

    monkeypatch.setitem(
        COMMANDS,
        "test.fail",
        Command("test.fail", frozenset({PARTICIPANT}), lock_then_fail, NoArgs, False, None),
    )
    failed, ready = execute_batch(
        live_id=live.pk,
        requests=[
            request(participant(alice[0]), "test.fail", id="f"),
            request(participant(alice[0]), "phase.ready", {"ready": True}, id="r"),
        ],
    )
    assert isinstance(failed, RuntimeError)
    assert ready.changed  # the phase it saw was not locked
    assert LiveSession.objects.get(pk=live.pk).locked_phases == []
    assert PhaseReady.objects.count() == 1


def test_a_command_after_the_session_closed_in_the_same_batch_is_refused(live, facilitator, alice):
    closed, late = execute_batch(
        live_id=live.pk,
        requests=[
            request(facilitator_actor(facilitator), "session.close", id="close"),
            request(participant(alice[0]), "phase.ready", {"ready": True}, id="late"),
        ],
    )
    assert closed.changed
    assert isinstance(late, ProtocolError) and late.code == "session_closed"
    assert PhaseReady.objects.count() == 0


def test_a_run_of_votes_is_applied_in_one_call_in_order_with_the_facilitator_in_between(
    live, facilitator, alice, bob
):
    """Votes before the facilitator closes the stelling count, votes after it are refused: a
    run stops at a command of another kind, so the order of the batch holds."""
    statement = statements_services.add_statement(traject=live.traject, text="S")
    statements_services.open_statement(statement=statement)
    answer = {"statement": statement.pk, "answer": "eens"}
    results = execute_batch(
        live_id=live.pk,
        requests=[
            request(participant(alice[0]), "statement.answer", answer, id="a1"),
            request(participant(alice[0]), "statement.answer", answer, id="a1"),  # a copy
            request(participant(bob[0]), "statement.answer", {**answer, "answer": "x"}, id="b1"),
            request(facilitator_actor(facilitator), "statement.close", answer, id="close"),
            request(participant(bob[0]), "statement.answer", answer, id="b2"),
        ],
    )
    assert results[0].changed and not results[1].changed
    assert results[0].version == results[1].version == results[3].version
    assert isinstance(results[2], GameError) and results[2].code == "answer_unknown"
    assert isinstance(results[4], GameError) and results[4].code == "statement_closed"
    assert stored_answers(statement) == [alice[0].pk]
    assert set(CommandRecord.objects.values_list("client_id", flat=True)) == {"a1", "close"}


def test_a_run_of_two_hundred_votes_costs_the_queries_of_a_few(live, django_assert_max_num_queries):
    """Counted, not timed: the queries of a batch do not grow with the votes in it."""
    statement = statements_services.add_statement(traject=live.traject, text="S")
    statements_services.open_statement(statement=statement)
    people = [make_participant(live, f"Deelnemer {n}", "beleid")[0] for n in range(200)]
    votes = [
        request(
            participant(person),
            "statement.answer",
            {"statement": statement.pk, "answer": "oneens"},
            id=f"v{n}",
        )
        for n, person in enumerate(people)
    ]
    with django_assert_max_num_queries(20):
        results = execute_batch(live_id=live.pk, requests=votes)
    assert all(result.changed for result in results)
    assert sorted(stored_answers(statement)) == sorted(person.pk for person in people)


def test_saying_done_and_undone_in_one_run_leaves_each_phone_as_it_last_said(live, alice, bob):
    results = execute_batch(
        live_id=live.pk,
        requests=[
            request(participant(alice[0]), "phase.ready", {"ready": True}, id="r1"),
            request(participant(bob[0]), "phase.ready", {"ready": True}, id="r2"),
            request(participant(alice[0]), "phase.ready", {"ready": False}, id="r3"),
            request(participant(bob[0]), "phase.ready", {"ready": True}, id="r4"),
        ],
    )
    assert [result.changed for result in results] == [True, True, True, False]
    assert list(PhaseReady.objects.values_list("participant", flat=True)) == [bob[0].pk]


def test_a_run_that_fails_as_a_whole_is_tried_again_one_by_one(live, alice, bob, monkeypatch):
    """A bulk call that raises (say, a row stored meanwhile by another session of the traject)
    refuses only the command that cannot be applied on its own, never the whole run."""

    def bulk(live, items):
        if len(items) > 1:
            raise RuntimeError("the burst as a whole failed")
        ((actor, args),) = items
        if actor.participant_id == bob[0].pk:
            raise RuntimeError("bob's own command fails")
        PhaseReady.objects.create(
            live_session=live, participant_id=actor.participant_id, phase=live.phase
        )
        return [True]

    monkeypatch.setitem(
        COMMANDS,
        "test.bulk",
        Command("test.bulk", frozenset({PARTICIPANT}), None, NoArgs, False, None, bulk=bulk),
    )
    first, second = execute_batch(
        live_id=live.pk,
        requests=[
            request(participant(alice[0]), "test.bulk", id="a"),
            request(participant(bob[0]), "test.bulk", id="b"),
        ],
    )
    assert first.changed
    assert isinstance(second, RuntimeError)
    assert list(PhaseReady.objects.values_list("participant", flat=True)) == [alice[0].pk]
    assert set(CommandRecord.objects.values_list("client_id", flat=True)) == {"a"}
