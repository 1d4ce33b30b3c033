"""Moving the room through the programme: next, back and to a phase, the timer, locking input,
closing the session, releasing the document, participants saying they are ready, and whether
they may be named in the outcome document.

The programme's own snapshot part (step, phase, timer) is built by sessions.snapshots for every
phase kind; this module holds the commands."""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Annotated, Literal

from django.utils import timezone
from django.utils.translation import gettext as _
from pydantic import Field

from game.core import services as core_services
from game.core.bursts import Burst
from game.core.errors import GameError
from game.core.models import Reveal
from game.core.selectors import neighbour_phase, phase_by_key
from sessions.arguments import Args, Key, NoArgs
from sessions.live import close_session
from sessions.models import LiveSession, PhaseReady
from sessions.registry import FACILITATOR, PARTICIPANT, Actor, Context, bulk_command, command, me

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/programme.js.
PHASE_KINDS = ("join", "info")

TIMER_MIN_SECONDS = 10


TIMER_MAX_SECONDS = 3 * 3600


def move_to(live: LiveSession, phase) -> None:
    """The session moves to `phase`; the projector starts again at its first page."""
    live.phase = phase
    live.screen_page = None


@command("phase.next", audiences={FACILITATOR}, args=NoArgs)
def next_phase(ctx: Context, args: NoArgs) -> bool:
    move_to(ctx.live, neighbour_phase(ctx.live.traject.programme, ctx.live.phase, offset=1))
    return True


@command("phase.prev", audiences={FACILITATOR}, args=NoArgs)
def previous_phase(ctx: Context, args: NoArgs) -> bool:
    move_to(ctx.live, neighbour_phase(ctx.live.traject.programme, ctx.live.phase, offset=-1))
    return True


class PhaseGoto(Args):
    step: Key
    phase: Key


@command("phase.goto", audiences={FACILITATOR}, args=PhaseGoto)
def goto_phase(ctx: Context, args: PhaseGoto) -> bool:
    phase = phase_by_key(ctx.live.traject.programme, args.step, args.phase)
    if phase.pk == ctx.live.phase_id:
        return False
    move_to(ctx.live, phase)
    return True


class PhaseLock(Args):
    locked: bool


@command("phase.lock", audiences={FACILITATOR}, args=PhaseLock)
def lock_phase(ctx: Context, args: PhaseLock) -> bool:
    current = set(ctx.live.locked_phases)
    wanted = current | {ctx.live.phase_id} if args.locked else current - {ctx.live.phase_id}
    if wanted == current:
        return False
    ctx.live.locked_phases = sorted(wanted)
    return True


class TimerStart(Args):
    seconds: Annotated[int, Field(ge=TIMER_MIN_SECONDS, le=TIMER_MAX_SECONDS)]

    refusal = partial(GameError, "timer_invalid")  # tells the facilitator the allowed range


@command("timer.start", audiences={FACILITATOR}, args=TimerStart)
def start_timer(ctx: Context, args: TimerStart) -> bool:
    ctx.live.timer_seconds = args.seconds
    ctx.live.timer_ends_at = timezone.now() + timedelta(seconds=args.seconds)
    return True


@command("timer.stop", audiences={FACILITATOR}, args=NoArgs)
def stop_timer(ctx: Context, args: NoArgs) -> bool:
    if ctx.live.timer_ends_at is None:
        return False
    ctx.live.timer_seconds = ctx.live.timer_ends_at = None
    return True


@command("session.close", audiences={FACILITATOR}, args=NoArgs)
def close(ctx: Context, args: NoArgs) -> bool:
    close_session(ctx.live)
    return True


class DocumentRelease(Args):
    released: bool


@command("document.release", audiences={FACILITATOR}, args=DocumentRelease)
def release_document(ctx: Context, args: DocumentRelease) -> bool:
    return core_services.set_revealed(
        traject=ctx.live.traject, what=Reveal.What.DOCUMENT, revealed=args.released
    )


class ScreenLanguage(Args):
    language: Literal["nl", "en"]


@command("screen.language", audiences={FACILITATOR}, args=ScreenLanguage)
def set_screen_language(ctx: Context, args: ScreenLanguage) -> bool:
    """The projector's language; the projector reloads itself in it."""
    if ctx.live.projector_language == args.language:
        return False
    ctx.live.screen_language = args.language
    return True


class ScreenPage(Args):
    turn: Literal[-1, 0, 1]  # back, automatic again, forward


@command("screen.page", audiences={FACILITATOR}, args=ScreenPage)
def turn_screen_page(ctx: Context, args: ScreenPage) -> bool:
    """Turn the projector's page (it wraps round after its last page, which only it knows),
    or let pages turn by themselves again."""
    page = None if args.turn == 0 else max(0, (ctx.live.screen_page or 0) + args.turn)
    if page == ctx.live.screen_page:
        return False
    ctx.live.screen_page = page
    return True


class Readiness(Args):
    ready: bool


@bulk_command("phase.ready", audiences={PARTICIPANT}, args=Readiness)
def mark_ready(live: LiveSession, items: list[tuple[Actor, Readiness]]) -> list:
    """Participants say they are done (or not yet) with the current phase; a room of phones
    saying so at once costs a few queries."""
    burst = Burst.load(
        PhaseReady,
        ("participant_id",),
        live_session=live,
        phase=live.phase,
        participant_id__in={actor.participant_id for actor, _ in items},
    )
    results = []
    for actor, args in items:
        key = (actor.participant_id,)
        if args.ready == (key in burst.rows):
            results.append(False)
            continue
        if args.ready:
            row = PhaseReady(live_session=live, participant_id=key[0], phase=live.phase)
            burst.add(key, row)
        else:
            burst.remove(key)
        results.append(True)
    burst.save([])
    return results


class NameConsent(Args):
    name_consent: bool


@command("me.consent", audiences={PARTICIPANT}, args=NameConsent)
def consent_to_name(ctx: Context, args: NameConsent) -> bool:
    """A participant changes their mind about being named in the outcome document. Not phase
    input: it is about the person, so a locked phase does not stop it."""
    return core_services.set_name_consent(participant=me(ctx), consent=args.name_consent)


def strings() -> dict:
    """The programme's texts: where the room is, saying one is done, locking input and
    closing the session. The pages read them as `strings.programme` (sessions/strings.py)."""
    return {
        "position": _("Part %(n)s of %(total)s"),
        "ready": _("I'm done"),
        "ready_done": _("Done ✓ (tap to undo)"),
        "ready_count": _("%(n)s of %(total)s done"),
        "lock": _("Lock input"),
        "unlock": _("Unlock input"),
        "joined_wait": _(
            "You're in. The workshop starts in a moment: keep this page open, it follows the "
            "screen by itself."
        ),
        "confirm_close": _("Close this session? Phones can no longer send anything."),
    }
