"""Declared command arguments: every command has a model, and whatever does not fit it is refused
with one localised `bad_args` before the handler runs, changing nothing."""

from __future__ import annotations

import inspect

import pytest
from channels.db import database_sync_to_async

from sessions.arguments import ID_MAX, Args
from sessions.models import CommandRecord, LiveSession
from sessions.registry import COMMANDS
from tests.live.helpers import connect, reply_to, send
from tests.live.test_live_session import facilitator_socket, paths

BAD_FOR_THE_CONSOLE = [
    # a wrong type: no coercion of "true", 1, "2" or a float
    ("phase.lock", {"locked": 1}),
    ("document.release", {"released": "true"}),
    ("dots.configure", {"per_participant": "2"}),
    ("statement.open", {"statement": 1.0}),
    ("statement.open", {"statement": True}),
    ("picture.save", {"texts": {"obstacles": 3}}),
    # a required argument missing or blank
    ("phase.goto", {"step": "stap1"}),
    ("statement.add", {}),
    ("statement.add", {"text": "   "}),
    ("cluster.rename", {"cluster": 1}),
    # too long
    ("statement.add", {"text": "x" * 2001}),
    ("phase.goto", {"step": "stap1", "phase": "x" * 51}),
    ("requirement.note", {"requirement": 1, "note": "x" * 8001}),
    ("practice.pick", {"cases": list(range(1, 12))}),
    # an id out of range
    ("statement.open", {"statement": 0}),
    ("statement.open", {"statement": ID_MAX + 1}),
    ("cluster.delete", {"cluster": -3}),
    ("requirement.merge", {"wishes": [1, 0]}),
    ("dots.configure", {"per_participant": 0}),
]
BAD_FOR_A_PHONE = [
    ("dots.set", {"cluster": 1, "dots": "2"}),
    ("dots.set", {"cluster": 1, "dots": 101}),
    ("note.edit", {"note": 1, "text": "Luisteren"}),  # `signed` is required here
    ("note.write", {"prompt": "wat-is", "text": "x" * 2001}),
    ("note.write", {"prompt": "wat-is", "signed": "yes"}),
    ("wish.delete", {"wish": ID_MAX + 1}),
    ("phase.ready", {"ready": None}),
]

pytestmark = pytest.mark.django_db(transaction=True)


def test_every_command_declares_the_model_its_handler_receives():
    assert len(COMMANDS) > 60
    for name, command in COMMANDS.items():
        assert issubclass(command.args, Args), name
        assert command.args.model_config["strict"], name
        if command.bulk is None:
            annotation = inspect.signature(command.handler).parameters["args"].annotation
            assert annotation == command.args.__name__, name
        else:  # (actor, args) pairs
            annotation = inspect.signature(command.bulk).parameters["items"].annotation
            assert annotation == f"list[tuple[Actor, {command.args.__name__}]]", name


@database_sync_to_async
def recorded(live) -> tuple[int, int]:
    """The session's version and how many commands it applied."""
    return LiveSession.objects.get(pk=live.pk).version, CommandRecord.objects.count()


@pytest.mark.parametrize(("cmd", "args"), BAD_FOR_THE_CONSOLE)
async def test_the_console_gets_bad_args_for_arguments_that_do_not_fit(
    live, facilitator, cmd, args
):
    console, _ = await facilitator_socket(live, facilitator)
    before = await recorded(live)
    reply = await reply_to(console, await send(console, cmd, args))
    assert reply["error"]["code"] == "bad_args", reply
    assert await recorded(live) == before
    await console.disconnect()


@pytest.mark.parametrize(("cmd", "args"), BAD_FOR_A_PHONE)
async def test_a_phone_gets_a_localised_bad_args_and_nothing_changes(live, alice, cmd, args):
    phone, _ = await connect(paths(live)["participant"] + "?lang=en", session_key=alice[1])
    before = await recorded(live)
    reply = await reply_to(phone, await send(phone, cmd, args))
    assert reply["error"] == {
        "code": "bad_args",
        "message": "Some of what was sent is missing or not valid.",
    }
    assert await recorded(live) == before
    await phone.disconnect()


async def test_a_timer_out_of_range_or_of_the_wrong_type_says_what_a_timer_may_be(
    live, facilitator
):
    console, _ = await facilitator_socket(live, facilitator)
    for seconds in (9, 3 * 3600 + 1, "60", True, None):
        reply = await reply_to(console, await send(console, "timer.start", {"seconds": seconds}))
        assert reply["error"]["code"] == "timer_invalid", seconds
    assert "ack" in await reply_to(console, await send(console, "timer.start", {"seconds": 10}))
    await console.disconnect()


async def test_keys_a_command_does_not_declare_are_ignored(live, facilitator):
    console, _ = await facilitator_socket(live, facilitator)
    reply = await reply_to(console, await send(console, "phase.next", {"unknown": [1, 2]}))
    assert "ack" in reply, reply
    await console.disconnect()
