"""Day 2 live (Stap 4): recognising returning devices, the check-in that opens the day,
reviewing every item of the kader and revising it into the next version.

Check-in answers and reviews reach the console and the projector unsigned (reviews as counts
and texts); a phone gets its own and how many answered.
"""

from __future__ import annotations

from typing import Annotated, NotRequired

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pydantic import Field
from typing_extensions import TypedDict

from game.followup import selectors as followup_selectors
from game.followup import services as followup_services
from game.followup.models import Review
from game.framework import selectors as framework_selectors
from game.framework.models import RULE_FIELDS
from sessions.arguments import Args, Id, Line, PrivacyReason, Text
from sessions.claims import bind_device
from sessions.concepts.framework import FrameworkItem, RuleWording
from sessions.live import attend
from sessions.registry import FACILITATOR, PARTICIPANT, Context, command, me
from sessions.sections import NoPersonal, View, section

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/followup.js.
PHASE_KINDS = ("check-in", "review", "revise")


class ClaimRef(Args):
    claim: Id


@command("claim.confirm", audiences={FACILITATOR}, args=ClaimRef)
def confirm_claim(ctx: Context, args: ClaimRef) -> bool:
    """Recognise a returning participant: their new device speaks for them from now on, and
    they count as present in this session."""
    claim = followup_services.confirm_claim(
        claim=followup_selectors.claim_of(ctx.live.traject, args.claim),
        confirmed_by_id=ctx.actor.user_id,
    )
    bind_device(claim)
    attend(ctx.live, claim.participant)
    return True


@command("claim.reject", audiences={FACILITATOR}, args=ClaimRef)
def reject_claim(ctx: Context, args: ClaimRef) -> bool:
    followup_services.reject_claim(claim=followup_selectors.claim_of(ctx.live.traject, args.claim))
    return True


class CheckInWrite(Args):
    text: Text(2000) = ""
    # Sending anyway what the detector found: the author says what it is (game.practice.gate).
    privacy_reason: PrivacyReason = ""


@command("checkin.write", audiences={PARTICIPANT}, args=CheckInWrite, input_kind="check-in")
def write_checkin(ctx: Context, args: CheckInWrite) -> bool:
    """One's answer to the check-in question; an empty text withdraws it."""
    return followup_services.write_checkin(
        traject=ctx.live.traject,
        participant=me(ctx),
        text=args.text,
        privacy_reason=args.privacy_reason,
    )


class ReviewWrite(Args):
    item: Line(20)
    applied: Line(10)
    how_it_went: Text() = ""
    improve: Text() = ""
    # Sending anyway what the detector found: the author says what it is (game.practice.gate).
    privacy_reason: PrivacyReason = ""


@command("review.write", audiences={PARTICIPANT}, args=ReviewWrite, input_kind="review")
def write_review(ctx: Context, args: ReviewWrite) -> bool:
    """`item` is the key in the kader ("req-12", "rule-3"); `applied` ja/deels/nee."""
    return followup_services.write_review(
        participant=me(ctx),
        version=followup_selectors.version_under_review(ctx.live.traject),
        item_key=args.item,
        applied=args.applied,
        how_it_went=args.how_it_went,
        improve=args.improve,
        privacy_reason=args.privacy_reason,
    )


class Change(Args):
    """One change of a revision: only strings here, and a `fields` dict of strings for a rule.
    What they mean is checked by the service (`followup_services.clean_changes`)."""

    kind: Text() | None = None
    item: Text() | None = None
    action: Text() | None = None
    text: Text() | None = None
    reason: Text() | None = None
    fields: dict[Text(50), Text()] | None = None


class FrameworkRevise(Args):
    changes: Annotated[list[Change], Field(min_length=1, max_length=followup_services.CHANGES_MAX)]


@command("framework.revise", audiences={FACILITATOR}, args=FrameworkRevise)
def revise_framework(ctx: Context, args: FrameworkRevise) -> bool:
    followup_services.revise_framework(
        traject=ctx.live.traject,
        changes=[change.model_dump(exclude_none=True) for change in args.changes],
    )
    return True


class CheckInBoard(TypedDict):
    text_max: int
    count: int  # answers so far
    answers: NotRequired[list[str]]  # the console and the projector: newest first, unsigned
    answered: NotRequired[int]  # the console: how many of the people present answered


class CheckInState(TypedDict):
    checkin: CheckInBoard


class CheckInMine(TypedDict):
    checkin: str  # one's own answer, "" when none


@section("check-in")
def checkin(view: View) -> tuple[CheckInState, dict[int, CheckInMine]]:
    """The answers to the check-in question without names: the console and the projector see
    them all, newest first; a phone sees its own answer and how many there are."""
    traject = view.live.traject
    board: dict = {"text_max": followup_services.CHECKIN_MAX}
    by_participant = followup_selectors.checkins_by_participant(traject)
    board["count"] = len(by_participant)
    if view.audience == PARTICIPANT:
        mine = {p.pk: {"checkin": by_participant.get(p.pk, "")} for p in view.people}
        return {"checkin": board}, mine
    board["answers"] = followup_selectors.checkin_answers(traject)
    if view.audience == FACILITATOR:
        board["answered"] = sum(p.pk in by_participant for p in view.people)
    return {"checkin": board}, {}


def applied_labels() -> dict[str, str]:
    return {"ja": _("Yes"), "deels": _("Partly"), "nee": _("No")}


class ReviewSummary(FrameworkItem):
    """A row of followup_selectors.review_summary: answers counted, texts unsigned."""

    counts: dict[str, int]
    total: int
    how_it_went: list[str]
    improve: list[str]


class ReviewBoard(TypedDict):
    version: int
    labels: dict[str, str]
    text_max: int
    items: list[FrameworkItem]
    summary: NotRequired[list[ReviewSummary]]  # the console and the projector


class ReviewState(TypedDict):
    review: ReviewBoard | None  # None before the first freeze


class MyReview(TypedDict):
    applied: str
    how_it_went: str
    improve: str


class ReviewMine(TypedDict):
    reviews: dict[str, MyReview]  # item key → own review


@section("review")
def review(view: View) -> tuple[ReviewState, dict[int, ReviewMine]]:
    """Every item of the latest version; the console and projector see the answers counted
    (and the texts, unsigned) as they come in; a phone sees its own reviews."""
    latest = followup_selectors.version_under_review(view.live.traject)
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


# followup_selectors.framework_diff: every item of the two versions, in one of four lists.


class Added(TypedDict):
    kind: str
    key: str
    after: str
    reason: str


class Removed(TypedDict):
    kind: str
    key: str
    before: str
    reason: str


class Changed(Added):
    before: str


class Diff(TypedDict):
    added: list[Added]
    removed: list[Removed]
    changed: list[Changed]
    unchanged: list[FrameworkItem]


class Reviewed(TypedDict):
    version: int
    summary: list[ReviewSummary]
    rule_fields: dict[str, RuleWording]  # rule item key → its parts
    reason_required: dict[str, bool]  # action → whether it needs a reason


class Revision(TypedDict):
    version: int
    based_on: int | None
    diff: Diff | None  # once a revision exists
    reviewed: NotRequired[Reviewed]  # the console


class RevisionState(TypedDict):
    revision: Revision | None  # None before the first freeze


@section("revise")
def revise(view: View) -> tuple[RevisionState, dict[int, NoPersonal]]:
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
            # Each rule's parts by item key, to start a rephrase from (its text joins them).
            "rule_fields": {
                rule["key"]: dict(
                    zip(RULE_FIELDS, framework_selectors.wording("rule", rule), strict=True)
                )
                for rule in reviewed.content.get("rules", [])
            },
            # Which actions need a reason (followup_services.clean_changes).
            "reason_required": {
                action: action not in followup_services.REASON_OPTIONAL
                for action in followup_services.ACTIONS
            },
        }
    return shared, {}


class Claim(TypedDict):
    id: int
    participant: int
    name: str
    layer_label: str
    check_code: str
    created_at: str


class ClaimsState(TypedDict):
    claims: NotRequired[list[Claim]]  # the console


@section("join", "info", "check-in", "review", "revise")
def claims(view: View) -> tuple[ClaimsState, dict[int, NoPersonal]]:
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


def strings() -> dict:
    """Day 2's texts: returning participants, the check-in, the review and the revision. The
    pages read them as `strings.followup` (sessions/strings.py)."""
    return {
        # returning participants (the console's claims panel)
        "claims_heading": _("Returning participants"),
        "claims_help": _(
            "Someone from last time on a new device. Ask for the check code on their phone "
            "before you confirm."
        ),
        "claims_waiting": {
            "one": ngettext(
                "%(n)s returning participant is waiting",
                "%(n)s returning participants are waiting",
                1,
            ),
            "other": ngettext(
                "%(n)s returning participant is waiting",
                "%(n)s returning participants are waiting",
                2,
            ),
        },
        "no_claims": _("Nobody is waiting to be recognised."),
        "check_code": _("Check code"),
        "claim_since": _("since %(time)s"),
        "claim_confirm": _("Confirm"),
        "claim_reject": _("Reject"),
        "claim_confirm_label": _("Confirm %(name)s with check code %(code)s"),
        "claim_reject_label": _("Reject the claim for %(name)s"),
        "confirm_reject": _(
            "This device is not %(name)s? It can choose again or join as someone new."
        ),
        # the check-in
        "checkin_label": _("Your answer"),
        "checkin_save": _("Save answer"),
        "checkin_saved": _("Saved. You can still change it."),
        "checkin_withdraw": _("Withdraw"),
        "confirm_checkin_withdraw": _("Withdraw your answer? The room no longer sees it."),
        "checkin_count": {
            "one": ngettext("%(n)s person has answered", "%(n)s people have answered", 1),
            "other": ngettext("%(n)s person has answered", "%(n)s people have answered", 2),
        },
        "checkin_progress": _("%(n)s of %(total)s answered"),
        "no_checkins": _("No answers yet."),
        # the review
        "no_framework": _("There is no recorded framework yet."),
        "reviewed_progress": _("%(n)s of %(total)s answered"),
        "applied_question": _("Applied?"),
        "applied_first": _("Answer “applied?” first; then you can say how it went."),
        "how_it_went": _("How did it go?"),
        "improve": _("What must improve?"),
        "save_answers": _("Save answers"),
        "no_reviews": _("No answers yet."),
        "more_texts": _("and %(n)s more on the console"),
        "review_title": _("Looking back on version %(n)s"),
        "review_count": _("%(n)s answers from %(people)s participants"),
        "applied_line": _("Applied — yes: %(ja)s · partly: %(deels)s · no: %(nee)s"),
        # the revision
        "kind": {"requirement": _("Requirement"), "rule": _("Decision rule")},
        "revise_title": _("From version %(from)s to version %(to)s"),
        "revise_help": _(
            "Per item: keep it, rephrase it or drop it, with the reason. Items you do not "
            "touch carry over unchanged."
        ),
        "action": {"keep": _("Keep"), "rephrase": _("Rephrase"), "drop": _("Drop")},
        "add_rule": _("Add a decision rule"),
        "add_to_revision": _("Add to the revision"),
        "to_add": _("To be added"),
        "remove": _("Remove"),
        "reason_needed": _("Give a reason for this change."),
        "reason_needed_all": _("Some changes have no reason yet. They are marked."),
        "no_changes": _("There is nothing to revise yet."),
        "changes_pending": {
            "one": ngettext("%(n)s change", "%(n)s changes", 1),
            "other": ngettext("%(n)s change", "%(n)s changes", 2),
        },
        "revise_button": _("Record version %(n)s"),
        "confirm_revise": _(
            "Record version %(n)s of the tailored framework with %(changes)s changes?"
        ),
        "revised_as": _("Recorded as version %(n)s."),
        "revise_pending": _("The facilitator is revising the framework."),
        "diff_title": _("What changed from version %(from)s to version %(to)s"),
        "diff": {"changed": _("Changed"), "added": _("Added"), "removed": _("Removed")},
        "diff_mark": {"changed": "✎", "added": "+", "removed": "−"},
        "before": _("Before"),
        "after": _("After"),
        "why": _("Why"),
        "unchanged_count": {
            "one": ngettext("%(n)s item unchanged.", "%(n)s items unchanged.", 1),
            "other": ngettext("%(n)s item unchanged.", "%(n)s items unchanged.", 2),
        },
        "no_differences": _("No item was changed, added or removed."),
    }
