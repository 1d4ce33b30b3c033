"""Day 2: a returning participant on a new device claims their name from day 1.

The claim itself is a workshop record (game.DeviceClaim, decided by the facilitator through
`game.dag2`); what lives here is the device side of it, because tokens, cookies and Device rows
belong to the live layer: the device gets a fresh token at once (kept in its cookie, exactly
where `register_device` keeps one), the claim stores only the token's hash, and when the
facilitator confirms, `bind_device` turns that hash into a Device. From then on
`participant_for` finds the participant through the token the device already holds, so the
phone needs no second step. A device that already speaks for someone simply resumes.

The device says who it is by typing a name and choosing a layer (nobody sees the list of
names), so a browser may only miss a limited number of times (`claims_blocked`).
"""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import transaction

from game.followup import services as followup_services
from game.followup.models import DeviceClaim
from sessions.broadcast import group_name, state_changed
from sessions.live import DEVICE_SESSION_KEY
from sessions.models import Device, LiveSession, hash_token, new_token
from sessions.versions import bump_version

# A browser whose typed names found nobody this many times is refused for the rest of the
# window (counted from its first miss): enough for typos, too few to try a list of names.
FAILED_CLAIMS_MAX = 10
FAILED_CLAIMS_WINDOW_SECONDS = 10 * 60


def _token(session, traject_id: int) -> str | None:
    return (session.get(DEVICE_SESSION_KEY) or {}).get(str(traject_id))


def device_claim(session, traject_id: int) -> DeviceClaim | None:
    """The claim this browser made in a traject (pending, confirmed or rejected), if any."""
    token = _token(session, traject_id)
    if not token:
        return None
    return (
        DeviceClaim.objects.select_related("participant")
        .filter(token_hash=hash_token(token), participant__traject_id=traject_id)
        .first()
    )


def request_claim(session, *, live: LiveSession, participant_id: int) -> DeviceClaim:
    """This browser claims to be participant `participant_id`; the console is told at once.

    A pending claim this browser made before is replaced (it changed its mind about the name).
    The HTTP view calls this on the join page of a day-2 session and then shows the claim's
    check code while the facilitator decides.
    """
    with transaction.atomic():
        previous = device_claim(session, live.traject_id)
        if previous is not None and previous.pending:
            previous.delete()
        token = new_token()
        claim = followup_services.claim_identity(
            traject=live.traject, participant_id=participant_id, token_hash=hash_token(token)
        )
        version = bump_version(live.pk)
    devices = dict(session.get(DEVICE_SESSION_KEY, {}))
    devices[str(live.traject_id)] = token
    session[DEVICE_SESSION_KEY] = devices
    announce(live.pk, version)
    return claim


def claims_blocked(session) -> bool:
    """Whether this browser missed too often lately to be answered at all: a correct name then
    gets the same refusal, so a run of guesses cannot end in a telling success."""
    if session.session_key is None:
        return False
    return cache.get(_failures_key(session.session_key), 0) >= FAILED_CLAIMS_MAX


def record_failed_claim(session) -> None:
    """Count a typed name and layer that found nobody, against this browser's session (created
    now if the browser had none, so the count follows its cookie)."""
    if session.session_key is None:
        session.save()
    key = _failures_key(session.session_key)
    if cache.add(key, 1, timeout=FAILED_CLAIMS_WINDOW_SECONDS):
        return
    try:
        cache.incr(key)
    except ValueError:  # the window ended between add and incr: this miss opens a new one
        cache.add(key, 1, timeout=FAILED_CLAIMS_WINDOW_SECONDS)


def _failures_key(session_key: str) -> str:
    return f"claims:failed:{session_key}"


def bind_device(claim: DeviceClaim) -> Device:
    """After the facilitator confirmed: the claiming device's token speaks for the participant.

    Idempotent (the token hash is unique), so confirming through a retried command is safe.
    """
    device, _ = Device.objects.get_or_create(
        token_hash=claim.token_hash, defaults={"participant_id": claim.participant_id}
    )
    return device


def announce(live_id: int, version: int) -> None:
    """Tell the session's connections about a change made outside a WebSocket command (from
    a plain HTTP request, where the consumer's coalescer is not at hand)."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group_name(live_id), state_changed(live_id, version))
