"""Day 2 live (Stap 4): recognising returning devices, reviewing every item of the kader and
revising it into the next version.

Reviews reach the projector and phones as counts and unsigned answers; a phone gets its own.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from game.core.errors import GameError
from game.followup import selectors as followup_selectors
from game.followup import services as followup_services
from game.followup.models import Review
from game.framework import selectors as framework_selectors
from game.framework.models import FrameworkVersion
from sessions.claims import bind_device
from sessions.live import attend
from sessions.protocol import ProtocolError
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    TEXT_ARG_MAX,
    Context,
    command,
    id_arg,
    me,
    str_arg,
    text_arg,
)
from sessions.sections import View, section


@command("claim.confirm", audiences={FACILITATOR})
def confirm_claim(ctx: Context, args: dict) -> bool:
    """Recognise a returning participant: their new device speaks for them from now on, and
    they count as present in this session."""
    claim = followup_services.confirm_claim(
        claim=followup_selectors.claim_of(ctx.live.traject, id_arg(args, "claim")),
        confirmed_by_id=ctx.actor.user_id,
    )
    bind_device(claim)
    attend(ctx.live, claim.participant)
    return True


@command("claim.reject", audiences={FACILITATOR})
def reject_claim(ctx: Context, args: dict) -> bool:
    followup_services.reject_claim(
        claim=followup_selectors.claim_of(ctx.live.traject, id_arg(args, "claim"))
    )
    return True


def version_under_review(ctx: Context) -> FrameworkVersion:
    """Reviews are about the latest frozen version of the kader."""
    version = framework_selectors.latest_framework(ctx.live.traject)
    if version is None:
        raise GameError("not_frozen")
    return version


@command("review.write", audiences={PARTICIPANT}, input_kind="review")
def write_review(ctx: Context, args: dict) -> bool:
    """`item` is the key in the kader ("req-12", "rule-3"); `applied` ja/deels/nee."""
    return followup_services.write_review(
        participant=me(ctx),
        version=version_under_review(ctx),
        item_key=str_arg(args, "item", max_length=20),
        applied=str_arg(args, "applied", max_length=10),
        how_it_went=text_arg(args, "how_it_went"),
        improve=text_arg(args, "improve"),
    )


def changes_arg(args: dict) -> list[dict]:
    """The revision's list of changes: only strings, and a `fields` dict of strings for rules.
    What they mean is checked by the service (`followup_services.clean_changes`)."""
    value = args.get("changes")
    if not isinstance(value, list) or not 1 <= len(value) <= followup_services.CHANGES_MAX:
        raise ProtocolError("bad_args")
    changes = []
    for raw in value:
        if not isinstance(raw, dict):
            raise ProtocolError("bad_args")
        change = {}
        for name in ("kind", "item", "action", "text", "reason"):
            if raw.get(name) is not None:
                change[name] = str_arg(raw, name, max_length=TEXT_ARG_MAX, required=False)
        if raw.get("fields") is not None:
            fields = raw["fields"]
            if not isinstance(fields, dict):
                raise ProtocolError("bad_args")
            change["fields"] = {
                str(key)[:50]: str_arg(fields, key, max_length=TEXT_ARG_MAX, required=False)
                for key in fields
            }
        changes.append(change)
    return changes


@command("framework.revise", audiences={FACILITATOR})
def revise_framework(ctx: Context, args: dict) -> bool:
    followup_services.revise_framework(traject=ctx.live.traject, changes=changes_arg(args))
    return True


def applied_labels() -> dict[str, str]:
    return {"ja": _("Yes"), "deels": _("Partly"), "nee": _("No")}


@section("review")
def review(view: View) -> tuple[dict, dict[int, dict]]:
    """Every item of the latest version; the console and projector see the answers counted
    (and the texts, unsigned) as they come in; a phone sees its own reviews."""
    latest = framework_selectors.latest_framework(view.live.traject)
    if latest is None:
        return {"review": None}, {}
    shared: dict = {
        "review": {
            "version": latest.number,
            "labels": applied_labels(),
            "text_max": followup_services.REVIEW_TEXT_MAX,
            "items": framework_selectors.framework_items(latest),
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"reviews": {}} for p in view.people}
        rows = Review.objects.filter(version=latest).values_list(
            "participant_id", "item_key", "applied", "how_it_went", "improve"
        )
        for pid, key, applied, how_it_went, improve in rows:
            if pid in personal:
                personal[pid]["reviews"][key] = {
                    "applied": applied,
                    "how_it_went": how_it_went,
                    "improve": improve,
                }
    else:
        shared["review"]["summary"] = followup_selectors.review_summary(latest)
    return shared, personal


@section("revise")
def revise(view: View) -> tuple[dict, dict[int, dict]]:
    """Once a revision exists, everyone sees what changed and why (the diff with the version
    it revised). The console also gets the reviewed version's items with their review summary,
    to write the changes from."""
    traject = view.live.traject
    latest = framework_selectors.latest_framework(traject)
    if latest is None:
        return {"revision": None}, {}
    based_on = latest.content.get("based_on")
    previous = traject.framework_versions.filter(number=based_on).first() if based_on else None
    shared: dict = {
        "revision": {
            "version": latest.number,
            "based_on": based_on,
            "diff": followup_selectors.framework_diff(previous, latest) if previous else None,
        }
    }
    if view.audience == FACILITATOR:
        reviewed = previous or latest
        shared["revision"]["reviewed"] = {
            "version": reviewed.number,
            "summary": followup_selectors.review_summary(reviewed),
        }
    return shared, {}


@section("join", "info", "review", "revise")
def claims(view: View) -> tuple[dict, dict[int, dict]]:
    """Returning participants on a new device, waiting to be recognised (console only)."""
    if view.audience != FACILITATOR:
        return {}, {}
    return {
        "claims": [
            {
                "id": claim.pk,
                "participant": claim.participant_id,
                "name": claim.participant.name,
                "layer_label": claim.participant.layer.text("label", view.lang),
                "check_code": claim.check_code,
                "created_at": claim.created_at.isoformat(),
            }
            for claim in followup_selectors.pending_claims(view.live.traject)
        ]
    }, {}
