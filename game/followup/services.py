"""Dag 2 — Stap 4, Terugkombijeenkomst: claims of returning participants, the check-in, reviews,
and revising the kader op maat into the next version.

Versions are only ever created: v(n+1) is v(n) plus exactly the recorded changes, each with its
reason. Each raises GameError with a code the live layer localises.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence

from django.db import transaction
from django.utils import timezone

from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.document.model import freeze_document
from game.followup.models import APPLIED, CheckIn, DeviceClaim, Review
from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.framework.models import RULE_FIELDS, DecisionRule, FrameworkVersion
from game.framework.selectors import framework_items, item_text
from game.practice import services as practice_services
from game.practice.gate import gated
from game.requirements import services as requirements_services
from game.requirements.models import Requirement

CHECKIN_MAX = 280

REVIEW_TEXT_MAX = 500


KINDS: tuple[str, ...] = ("requirement", "rule")


ACTIONS: tuple[str, ...] = ("keep", "rephrase", "drop", "add")


# Every change says why, except keeping an item as it is (a reason there is welcome, not needed).
REASON_OPTIONAL: frozenset[str] = frozenset({"keep"})


CHANGES_MAX = 200


def claim_identity(*, traject: Traject, participant_id: int, token_hash: str) -> DeviceClaim:
    """A new device says it belongs to a participant of this traject; the facilitator decides.

    `token_hash` stands for the device (the live layer makes the token and keeps it in the
    device's cookie; game only stores the hash). The check code is shown on the device and on
    the console so the facilitator can tell two claims for the same name apart.
    """
    participant = traject.participants.filter(pk=participant_id).first()
    if participant is None:
        raise GameError("participant_unknown")
    if not token_hash:
        raise GameError("claim_unknown")
    return DeviceClaim.objects.create(
        participant=participant,
        token_hash=token_hash,
        check_code=f"{secrets.randbelow(10_000):04d}",
    )


def confirm_claim(*, claim: DeviceClaim, confirmed_by_id: int | None = None) -> DeviceClaim:
    """The facilitator recognises the person behind the claim. The live layer then lets the
    claiming device's token speak for the participant (`sessions.claims.bind_device`)."""
    if not claim.pending:
        raise GameError("claim_decided")
    claim.confirmed_at, claim.confirmed_by_id = timezone.now(), confirmed_by_id
    claim.save(update_fields=["confirmed_at", "confirmed_by"])
    return claim


def reject_claim(*, claim: DeviceClaim) -> DeviceClaim:
    """Not this person: the device stays unrecognised and may claim again or join anew."""
    if not claim.pending:
        raise GameError("claim_decided")
    claim.rejected_at = timezone.now()
    claim.save(update_fields=["rejected_at"])
    return claim


def write_checkin(
    *, traject: Traject, participant: Participant, text: str, privacy_reason: str = ""
) -> bool:
    """One's answer to the check-in question: written, rewritten, or withdrawn by an empty
    text. Returns whether anything changed. Only a participant of `traject` answers in it, and
    only ever their own answer; the text goes through the personal-data gate."""
    if participant.traject_id != traject.pk:
        raise GameError("participant_unknown")
    text = practice_services.clean_optional(text, limit=CHECKIN_MAX, too_long="review_too_long")
    mine = CheckIn.objects.filter(traject=traject, participant=participant)
    if not text:
        deleted, _ = mine.delete()
        return bool(deleted)
    findings = gated({"text": text}, privacy_reason)
    row = mine.first()
    if row is None:
        CheckIn.objects.create(
            traject=traject, participant=participant, text=text, privacy_findings=findings
        )
        return True
    if row.text == text:
        return False
    row.text, row.privacy_findings, row.updated_at = text, findings, timezone.now()
    row.save(update_fields=["text", "privacy_findings", "updated_at"])
    return True


def write_review(
    *,
    participant: Participant,
    version: FrameworkVersion | None,
    item_key: str,
    applied: str,
    how_it_went: str = "",
    improve: str = "",
    privacy_reason: str = "",
) -> bool:
    """Was this item applied (ja / deels / nee), how did it go, what must improve? Reviewing
    the same item again changes the review. `version` is the one under review
    (`followup_selectors.version_under_review`): None before the first freeze."""
    if version is None or version.traject_id != participant.traject_id:
        raise GameError("not_frozen")
    kinds = {item["key"]: item["kind"] for item in framework_items(version)}
    if item_key not in kinds:
        raise GameError("review_item_unknown")
    if applied not in APPLIED:
        raise GameError("applied_unknown")
    how_it_went = practice_services.clean_optional(
        how_it_went, limit=REVIEW_TEXT_MAX, too_long="review_too_long"
    )
    improve = practice_services.clean_optional(
        improve, limit=REVIEW_TEXT_MAX, too_long="review_too_long"
    )
    findings = gated({"how_it_went": how_it_went, "improve": improve}, privacy_reason)
    values = {"applied": applied, "how_it_went": how_it_went, "improve": improve}
    row = Review.objects.filter(version=version, item_key=item_key, participant=participant).first()
    if row is None:
        Review.objects.create(
            version=version,
            item_key=item_key,
            item_kind=kinds[item_key],
            participant=participant,
            privacy_findings=findings,
            **values,
        )
        return True
    if all(getattr(row, name) == value for name, value in values.items()):
        return False
    for name, value in values.items():
        setattr(row, name, value)
    row.privacy_findings, row.updated_at = findings, timezone.now()
    row.save(update_fields=[*values, "privacy_findings", "updated_at"])
    return True


def clean_changes(content: Mapping, changes: Sequence[Mapping]) -> list[dict]:
    """Check the facilitator's list of changes against the version they revise.

    Each change: kind (requirement/rule), action (keep/rephrase/drop/add), item (the key in
    the version; not for add), reason (required except for keep), and the new wording: `text`
    for a requirement, `fields` (who_decides, what, …; partial for a rephrase) for a rule.
    """
    if not changes:
        raise GameError("changes_none")
    if len(changes) > CHANGES_MAX:
        raise GameError("change_invalid")
    keys = {item["key"]: item["kind"] for item in framework_items(content)}
    cleaned, seen = [], set()
    for change in changes:
        if not isinstance(change, Mapping):
            raise GameError("change_invalid")
        kind, action = change.get("kind"), change.get("action")
        if kind not in KINDS or action not in ACTIONS:
            raise GameError("change_invalid")
        item = None
        if action != "add":
            item = change.get("item")
            if keys.get(item) != kind:
                raise GameError("review_item_unknown")
            if item in seen:
                raise GameError("change_twice")
            seen.add(item)
        reason = (
            practice_services.clean_optional(
                change.get("reason"),
                limit=requirements_services.REASON_MAX,
                too_long="reason_too_long",
            )
            if action in REASON_OPTIONAL
            else practice_services.clean_reason(change.get("reason"))
        )
        entry = {"kind": kind, "action": action, "item": item, "reason": reason}
        if action in ("rephrase", "add"):
            if kind == "requirement":
                entry["text"] = requirements_services.clean_requirement(change.get("text"))
            else:
                fields = change.get("fields")
                if not isinstance(fields, Mapping) or set(fields) - set(RULE_FIELDS):
                    raise GameError("change_invalid")
                entry["fields"] = dict(fields)
        cleaned.append(entry)
    return cleaned


def apply_changes(content: Mapping, changes: Sequence[Mapping], *, number: int, at: str) -> dict:
    """The content of the next version: `content` with exactly these changes, nothing else.

    Pure. Each change must be resolved already: it carries the item's `key` (also for an
    addition) and `after`, the item as it is in the new version (None when dropped). Items
    without a change carry over unchanged; kept items are recorded as changes only so their
    reason reaches the document. Added items go at the end of their list.
    """
    by_key = {change["key"]: change for change in changes}
    new: dict = {
        "number": number,
        "frozen_at": at,
        "based_on": content.get("number"),
        "programme_version": content.get("programme_version"),
        "cases": list(content.get("cases", [])),
    }
    for kind, field in (("requirement", "requirements"), ("rule", "rules")):
        items = []
        for item in content.get(field, []):
            change = by_key.get(item["key"])
            if change is None or change["action"] == "keep":
                items.append(dict(item))
            elif change["action"] == "rephrase":
                items.append(dict(change["after"]))
            # "drop": left out
        items += [dict(c["after"]) for c in changes if c["kind"] == kind and c["action"] == "add"]
        new[field] = items
    new["changes"] = [
        {
            "kind": change["kind"],
            "key": change["key"],
            "action": change["action"],
            "reason": change["reason"],
            "before": change["before"],
            "after": item_text(change["kind"], change["after"]) if change["after"] else None,
        }
        for change in changes
    ]
    return new


@transaction.atomic
def revise_framework(*, traject: Traject, changes: Sequence[Mapping]) -> FrameworkVersion:
    """Write version n + 1 of the kader: the latest version plus these changes, each recorded
    with its reason. Earlier versions are untouched (they cannot be changed at all).

    The live rows follow, so the next revision, the document and Stap 3's history agree: a
    rephrased requirement gets a RequirementRevision, a dropped one status dropped, an added
    one is accepted and tagged with its reason; rules likewise. The new version's items are
    the previous version's items with the changes applied — not a fresh read of the live rows
    — so v2 differs from v1 by exactly what is listed and nothing that slipped in between.
    """
    latest = framework_selectors.latest_framework(traject)
    if latest is None:
        raise GameError("not_frozen")
    content = latest.content
    items = {
        item["key"]: item for field in ("requirements", "rules") for item in content.get(field, [])
    }
    resolved = []
    for change in clean_changes(content, changes):
        kind, action, reason = change["kind"], change["action"], change["reason"]
        before_item = items.get(change["item"]) if change["item"] else None
        if kind == "requirement":
            key, after = _revise_requirement(traject, change, before_item)
        else:
            key, after = _revise_rule(traject, change, before_item)
        resolved.append(
            {
                "kind": kind,
                "key": key,
                "action": action,
                "reason": reason,
                "before": item_text(kind, before_item) if before_item else None,
                "after": after,
            }
        )
    number = latest.number + 1
    frozen_at = timezone.now()
    new_content = apply_changes(content, resolved, number=number, at=frozen_at.isoformat())
    version = FrameworkVersion.objects.create(
        traject=traject, number=number, frozen_at=frozen_at, content=new_content
    )
    freeze_document(version)  # the record as the room saw it now
    return version


def _live_requirement(traject: Traject, item: Mapping) -> Requirement:
    requirement = traject.requirements.filter(pk=item["id"]).first()
    if requirement is None:
        raise GameError("review_item_unknown")
    return requirement


def _revise_requirement(
    traject: Traject, change: Mapping, before: Mapping | None
) -> tuple[str, dict | None]:
    action, reason = change["action"], change["reason"]
    if action == "add":
        requirement = practice_services.add_requirement(
            traject=traject, text=change["text"], reason=reason
        )
        return framework_selectors.requirement_key(requirement.pk), {
            "key": framework_selectors.requirement_key(requirement.pk),
            "id": requirement.pk,
            "text": requirement.text,
            "priority": None,
            "rank": None,
            "roles": [],
            "origin": "day2",  # added at the follow-up meeting, not while testing in Stap 3
            "reason": reason,
            "history": [],
        }
    assert before is not None  # clean_changes made sure the item exists
    if action == "keep":
        return before["key"], dict(before)
    requirement = _live_requirement(traject, before)
    if action == "drop":
        requirements_services.decide_requirement(requirement=requirement, decision="drop")
        return before["key"], None
    requirements_services.rephrase_requirement(
        requirement=requirement, text=change["text"], reason=reason
    )
    history = [
        *before.get("history", []),
        {"before": before["text"], "after": change["text"], "reason": reason},
    ]
    return before["key"], {**before, "text": change["text"], "history": history}


def _revise_rule(
    traject: Traject, change: Mapping, before: Mapping | None
) -> tuple[str, dict | None]:
    action = change["action"]
    if action == "add":
        rule = framework_services.propose_rule(
            traject=traject, **_rule_fields({}, change["fields"])
        )
        framework_services.set_rule_status(rule=rule, status=DecisionRule.Status.AGREED)
        return framework_selectors.rule_key(rule.pk), framework_selectors.rule_item(rule)
    assert before is not None
    if action == "keep":
        return before["key"], dict(before)
    rule = traject.decision_rules.filter(pk=before["id"]).first()
    if rule is None:
        raise GameError("review_item_unknown")
    if action == "drop":
        framework_services.set_rule_status(rule=rule, status=DecisionRule.Status.DROPPED)
        return before["key"], None
    fields = _rule_fields(before, change["fields"])
    framework_services.edit_rule(rule=rule, **fields)
    rule.refresh_from_db()
    return before["key"], {**before, **framework_selectors.rule_fields(rule)}


def _rule_fields(before: Mapping, new: Mapping) -> dict[str, str]:
    """A rule's fields after a (partial) rephrase: the new parts over the old ones, cleaned."""
    merged = {name: before.get(name, "") for name in RULE_FIELDS} | dict(new)
    return framework_services.clean_rule(**merged)
