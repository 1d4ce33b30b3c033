"""Opening and closing live sessions, and recognising a participant's device."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone

from game.core.models import Participant, Traject
from game.core.selectors import first_phase
from sessions.models import Attendance, Device, LiveSession, hash_token, new_code, new_token

DEVICE_SESSION_KEY = "verticaal_devices"


@transaction.atomic
def open_session(*, traject: Traject, day: int = 1) -> LiveSession:
    """A new live session with a fresh join code, unique among open sessions."""
    phase = first_phase(traject.programme, day=day)
    for _attempt in range(20):
        try:
            with transaction.atomic():
                return LiveSession.objects.create(traject=traject, code=new_code(), phase=phase)
        except IntegrityError:  # the code is in use by another open session: draw again
            continue
    raise RuntimeError("Could not draw a free join code")  # 25^6 codes: practically unreachable


def find_open_session(code: str) -> LiveSession | None:
    code = (code or "").strip().upper().replace(" ", "")
    return (
        LiveSession.objects.select_related("traject", "phase__step")
        .filter(code=code, closed_at__isnull=True)
        .first()
    )


def close_session(live: LiveSession) -> None:
    live.closed_at = timezone.now()


def register_device(session: dict, participant: Participant) -> None:
    """Give this browser a device token that speaks for `participant` from now on."""
    token = new_token()
    Device.objects.create(participant=participant, token_hash=hash_token(token))
    devices = dict(session.get(DEVICE_SESSION_KEY, {}))
    devices[str(participant.traject_id)] = token
    session[DEVICE_SESSION_KEY] = devices


def participant_for(session, traject_id: int) -> Participant | None:
    """The participant this browser speaks for in a traject, if any."""
    token = (session.get(DEVICE_SESSION_KEY) or {}).get(str(traject_id))
    if not token:
        return None
    device = (
        Device.objects.select_related("participant__layer")
        .filter(token_hash=hash_token(token), participant__traject_id=traject_id)
        .first()
    )
    return device.participant if device else None


def attend(live: LiveSession, participant: Participant) -> None:
    Attendance.objects.get_or_create(live_session=live, participant=participant)
