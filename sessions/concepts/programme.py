"""Moving the room through the programme: next, back and to a phase, the timer, locking input,
closing the session, releasing the document, and participants saying they are ready.

The programme's own snapshot part (step, phase, timer) is built by sessions.snapshots for every
phase kind; this module holds the commands."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from game.core import services as core_services
from game.core.errors import GameError
from game.core.selectors import neighbour_phase, phase_by_key
from sessions.live import close_session
from sessions.models import PhaseReady
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    bool_arg,
    command,
    int_arg,
    str_arg,
)

TIMER_MIN_SECONDS = 10


TIMER_MAX_SECONDS = 3 * 3600


@command("phase.next", audiences={FACILITATOR})
def next_phase(ctx: Context, args: dict) -> bool:
    ctx.live.phase = neighbour_phase(ctx.live.traject.programme, ctx.live.phase, offset=1)
    return True


@command("phase.prev", audiences={FACILITATOR})
def previous_phase(ctx: Context, args: dict) -> bool:
    ctx.live.phase = neighbour_phase(ctx.live.traject.programme, ctx.live.phase, offset=-1)
    return True


@command("phase.goto", audiences={FACILITATOR})
def goto_phase(ctx: Context, args: dict) -> bool:
    phase = phase_by_key(
        ctx.live.traject.programme,
        str_arg(args, "step", max_length=50),
        str_arg(args, "phase", max_length=50),
    )
    if phase.pk == ctx.live.phase_id:
        return False
    ctx.live.phase = phase
    return True


@command("phase.lock", audiences={FACILITATOR})
def lock_phase(ctx: Context, args: dict) -> bool:
    locked = bool_arg(args, "locked")
    current = set(ctx.live.locked_phases)
    wanted = current | {ctx.live.phase_id} if locked else current - {ctx.live.phase_id}
    if wanted == current:
        return False
    ctx.live.locked_phases = sorted(wanted)
    return True


@command("timer.start", audiences={FACILITATOR})
def start_timer(ctx: Context, args: dict) -> bool:
    try:
        seconds = int_arg(args, "seconds", low=TIMER_MIN_SECONDS, high=TIMER_MAX_SECONDS)
    except GameError as exc:
        raise GameError("timer_invalid") from exc
    ctx.live.timer_seconds = seconds
    ctx.live.timer_ends_at = timezone.now() + timedelta(seconds=seconds)
    return True


@command("timer.stop", audiences={FACILITATOR})
def stop_timer(ctx: Context, args: dict) -> bool:
    if ctx.live.timer_ends_at is None:
        return False
    ctx.live.timer_seconds = ctx.live.timer_ends_at = None
    return True


@command("session.close", audiences={FACILITATOR})
def close(ctx: Context, args: dict) -> bool:
    close_session(ctx.live)
    return True


@command("document.release", audiences={FACILITATOR})
def release_document(ctx: Context, args: dict) -> bool:
    return core_services.release_document(
        traject=ctx.live.traject, released=bool_arg(args, "released")
    )


@command("phase.ready", audiences={PARTICIPANT}, is_input=True)
def mark_ready(ctx: Context, args: dict) -> bool:
    """A participant says they are done (or not yet) with the current phase."""
    ready = bool_arg(args, "ready")
    rows = PhaseReady.objects.filter(
        live_session=ctx.live, participant_id=ctx.actor.participant_id, phase=ctx.live.phase
    )
    if not ready:
        return rows.delete()[0] > 0
    if rows.exists():
        return False
    PhaseReady.objects.create(
        live_session=ctx.live, participant_id=ctx.actor.participant_id, phase=ctx.live.phase
    )
    return True
