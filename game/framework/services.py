"""Beslisregels and freezing the kader op maat (end of Stap 3). Each raises GameError with a
code the live layer localises."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.document.model import freeze_document
from game.framework.models import RULE_FIELDS, DecisionRule, FrameworkVersion, RuleReaction
from game.framework.selectors import framework_draft
from game.practice.gate import gated
from game.practice.services import COMMENT_MAX, STANCES, clean_optional


def clean_rule(**fields: object) -> dict[str, str]:
    if set(fields) - set(RULE_FIELDS):
        raise GameError("rule_unknown")
    cleaned = {
        name: clean_optional(fields.get(name), limit=limit, too_long="rule_too_long")
        for name, limit in RULE_FIELDS.items()
    }
    if not cleaned["who_decides"] or not cleaned["what"]:
        raise GameError("rule_empty")
    return cleaned


def propose_rule(*, traject: Traject, **fields: str) -> DecisionRule:
    """Put a beslisregel to the room; `fields` are RULE_FIELDS (who decides and what are
    required, the rest may follow)."""
    fields = clean_rule(**fields)
    last = traject.decision_rules.aggregate(last=Max("order"))["last"] or 0
    return DecisionRule.objects.create(traject=traject, order=last + 1, **fields)


def edit_rule(*, rule: DecisionRule, **fields: str) -> bool:
    """Rewrite a rule; its status and the reactions so far stay (the room sees the new text)."""
    fields = clean_rule(**fields)
    if all(getattr(rule, name) == value for name, value in fields.items()):
        return False
    for name, value in fields.items():
        setattr(rule, name, value)
    rule.updated_at = timezone.now()
    rule.save(update_fields=[*fields, "updated_at"])
    return True


def set_rule_status(*, rule: DecisionRule, status: str) -> bool:
    if status not in DecisionRule.Status.values:
        raise GameError("rule_status_unknown")
    if rule.status == status:
        return False
    rule.status, rule.updated_at = status, timezone.now()
    rule.save(update_fields=["status", "updated_at"])
    return True


def react_to_rule(
    *,
    participant: Participant,
    rule: DecisionRule,
    stance: str,
    comment: str = "",
    privacy_reason: str = "",
) -> bool:
    """Agree with a rule or voice a concern; reacting again changes it, an empty stance takes
    it back (also on a dropped rule, so nobody is stuck with a reaction there). The comment
    goes through the personal-data gate (game.practice.gate)."""
    if rule.traject_id != participant.traject_id:
        raise GameError("rule_unknown")
    row = RuleReaction.objects.filter(rule=rule, participant=participant).first()
    if not stance:
        return row is not None and row.delete()[0] > 0
    if stance not in STANCES:
        raise GameError("stance_unknown")
    if rule.status == DecisionRule.Status.DROPPED:
        raise GameError("rule_closed")
    comment = clean_optional(comment, limit=COMMENT_MAX, too_long="comment_too_long")
    findings = gated({"comment": comment}, privacy_reason)
    if row is None:
        RuleReaction.objects.create(
            rule=rule,
            participant=participant,
            stance=stance,
            comment=comment,
            privacy_findings=findings,
        )
        return True
    if (row.stance, row.comment) == (stance, comment):
        return False
    row.stance, row.comment, row.reacted_at = stance, comment, timezone.now()
    row.privacy_findings = findings
    row.save(update_fields=["stance", "comment", "privacy_findings", "reacted_at"])
    return True


@transaction.atomic
def freeze_framework(*, traject: Traject) -> FrameworkVersion:
    """Write the kader op maat as version 1: an immutable snapshot of `framework_draft`.

    Freezing happens once. A second freeze is refused with `already_frozen`: from then on the
    kader changes only through `dag2.revise_framework`, which writes v2, v3 … with every change
    and its reason — so "v1" always means what the room agreed on day 1.
    """
    if traject.framework_versions.exists():
        raise GameError("already_frozen")
    draft = framework_draft(traject)
    if not draft["requirements"] and not draft["rules"]:
        raise GameError("framework_empty")
    frozen_at = timezone.now()
    content = {
        "number": 1,
        "frozen_at": frozen_at.isoformat(),
        "based_on": None,
        **draft,
        "changes": [],
    }
    version = FrameworkVersion.objects.create(
        traject=traject, number=1, frozen_at=frozen_at, content=content
    )
    freeze_document(version)  # the record as the room saw it now
    return version
