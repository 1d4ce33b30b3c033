"""Whether every vote of a room voting at once counts: N phones answer a stelling, and N phones cast
a MoSCoW vote, each spread over about one second.

For each set-up (bench/harness.py) and each N (1,000 by default), it prints ack latency p50/p95/
p99/max, the ingestion rate (acked votes per second from the first vote sent to the last ack),
refusals, and from the database afterwards: votes lost (acked, not stored) and doubled (more
than one row for a phone). It prints figures and asserts nothing.

    .venv/bin/python bench/votes.py --phones 1000
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

SPREAD_SECONDS = 1.0
ACK_TIMEOUT_SECONDS = 30


def parse_args():
    parser = harness.parser(__doc__)
    parser.add_argument("--phones", type=int, nargs="+", default=[1000])
    return parser.parse_args()


def prepare(kind: str, count: int):
    """A room in the phase where its votes are open: returns the room, the command, its
    arguments per phone, and how to read the stored votes (participant ids) afterwards."""
    from game.core.models import Phase
    from game.requirements.models import RequirementVote
    from game.requirements.services import add_requirement
    from game.statements.models import StatementAnswer
    from game.statements.services import add_statement, open_statement

    programme = "plenair" if kind == "stelling" else "verticaal"
    room = harness.create_room(count, programme=programme)
    traject = room.live.traject
    phase_kind = "statements" if kind == "stelling" else "prioritise"
    room.live.phase = Phase.objects.filter(step__programme=traject.programme, kind=phase_kind)[0]
    room.live.save(update_fields=["phase"])
    if kind == "stelling":
        statement = add_statement(traject=traject, text="Maatwerk vraagt lef van iedere laag.")
        open_statement(statement=statement)
        answers = ["eens", "oneens", "weet-niet"]
        return (
            room,
            "statement.answer",
            lambda n: {"statement": statement.pk, "answer": answers[n % 3]},
            lambda: StatementAnswer.objects.filter(statement=statement),
        )
    requirement = add_requirement(traject=traject, text="Eén vast aanspreekpunt per huishouden.")
    choices = ["must", "should", "could", "wont"]
    return (
        room,
        "vote.moscow",
        lambda n: {"requirement": requirement.pk, "choice": choices[n % 4]},
        lambda: RequirementVote.objects.filter(requirement=requirement),
    )


async def vote(servers, room, command: str, arguments) -> tuple[list, list, float]:
    phones = [
        harness.Phone(
            harness.live_url(servers[n % len(servers)], room.live.code, "participant"),
            cookie=f"sessionid={key}",
        )
        for n, key in enumerate(room.keys)
    ]
    await harness.connect_all(phones, within=180)
    await asyncio.sleep(1)  # the room has settled: what follows is only the vote
    start = time.monotonic()

    async def one(number: int, phone: harness.Phone):
        await asyncio.sleep(start + SPREAD_SECONDS * number / len(phones) - time.monotonic())
        client_id, at = await phone.send(command, arguments(number))
        reply = await phone.reply(client_id, timeout=ACK_TIMEOUT_SECONDS)
        return at, reply

    results = await asyncio.gather(*(one(n, p) for n, p in enumerate(phones)))
    await asyncio.gather(*(p.close() for p in phones))
    return results, phones, start


def measure(kind: str, count: int, processes: int, workdir: Path) -> None:
    from django.db import connections
    from django.db.models import Count

    room, command, arguments, stored = prepare(kind, count)
    connections.close_all()
    servers = [harness.daphne(workdir / f"daphne-{kind}-{n}.log") for n in range(processes)]
    try:
        results, _, start = asyncio.run(vote(servers, room, command, arguments))
    finally:
        for server in servers:
            server.stop()
    acked = [
        (room.participants[n], at, reply)
        for n, (at, reply) in enumerate(results)
        if reply is not None and "ack" in reply[1]
    ]
    refused = [reply[1] for _, reply in results if reply is not None and "error" in reply[1]]
    unanswered = sum(1 for _, reply in results if reply is None)
    rows = stored().count()
    per_phone = dict(stored().values_list("participant_id").annotate(n=Count("id")))
    lost = sum(1 for pid, _, _ in acked if pid not in per_phone)
    doubled = sum(n - 1 for n in per_phone.values() if n > 1)
    latencies = [reply[0] - at for _, at, reply in acked]
    last = max((reply[0] for _, _, reply in acked), default=start)
    harness.forget_room(room)
    print(
        f"{kind:>8} | {count:>5} phones | ack {harness.ms(latencies)} | "
        f"{len(acked) / max(last - start, 1e-6):.0f} votes/s | acked {len(acked)}, "
        f"refused {len(refused)}, unanswered {unanswered} | stored {rows}: "
        f"lost {lost}, doubled {doubled}" + (f" | first refusal {refused[0]}" if refused else ""),
        flush=True,
    )


def main() -> None:
    args = parse_args()

    def each(processes: int, workdir: Path) -> None:
        for count in args.phones:
            for kind in ("stelling", "moscow"):
                measure(kind, count, processes, workdir)

    harness.run(__file__, args.setup, ["--phones", *map(str, args.phones)], each)


if __name__ == "__main__":
    main()
