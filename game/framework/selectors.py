"""Reads of the kader op maat: the beslisregels, the draft of the next version, and the items
of a frozen version by their keys ("req-12", "rule-3"), so reviews and revisions stay meaningful
whatever happens to the live rows afterwards."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from game.core.errors import GameError
from game.core.models import Traject
from game.framework.models import RULE_FIELDS, DecisionRule, FrameworkVersion, RuleReaction
from game.practice.gate import in_quarantine
from game.practice.models import RequirementAddition
from game.practice.selectors import picked_cases
from game.requirements import selectors as requirements_selectors
from game.requirements.models import ProgrammeVersion, Requirement, RequirementRevision


def rule_of(traject: Traject, rule_id: int) -> DecisionRule:
    rule = traject.decision_rules.filter(pk=rule_id).first()
    if rule is None:
        raise GameError("rule_unknown")
    return rule


def rule_fields(rule: DecisionRule) -> dict[str, str]:
    return {name: getattr(rule, name) for name in RULE_FIELDS}


def rule_summaries(traject: Traject, *, include_dropped: bool) -> list[dict]:
    """Every rule with its reactions counted and the comments (anonymous), in order; a comment
    in quarantine (game.practice.gate) is left out, its stance still counts."""
    rules = traject.decision_rules.all()
    if not include_dropped:
        rules = rules.exclude(status=DecisionRule.Status.DROPPED)
    reactions = list(
        RuleReaction.objects.filter(rule__traject=traject)
        .order_by("reacted_at", "pk")
        .values_list("rule_id", "stance", "comment", "privacy_findings")
    )
    summaries = []
    for rule in rules:
        mine = [
            (stance, "" if in_quarantine(findings) else comment)
            for rid, stance, comment, findings in reactions
            if rid == rule.pk
        ]
        counts = Counter(stance for stance, _ in mine)
        summaries.append(
            {
                "id": rule.pk,
                **rule_fields(rule),
                "status": rule.status,
                "agree": counts["agree"],
                "concern": counts["concern"],
                "comments": [{"stance": s, "text": c} for s, c in mine if c],
            }
        )
    return summaries


def requirement_key(requirement_id: int) -> str:
    return f"req-{requirement_id}"


def rule_key(rule_id: int) -> str:
    return f"rule-{rule_id}"


def rule_item(rule: DecisionRule) -> dict:
    return {"key": rule_key(rule.pk), "id": rule.pk, **rule_fields(rule)}


def framework_draft(traject: Traject) -> dict:
    """What freezing would write now: the accepted requirements and the agreed rules.

    The requirements start from the latest adopted programme (Stap 2), keeping its priority
    and rank, with the wording as it is now and the rephrasings made since (with reasons);
    requirements accepted since then — added in Stap 3 — follow, with why they were added.
    Without an adopted programme the accepted requirements and their current priority count.
    """
    programme = traject.programme_versions.order_by("-number").first()
    current = {r.pk: r for r in traject.requirements.all()}
    accepted = Requirement.Status.ACCEPTED
    since = programme.adopted_at if programme else None
    revisions = RequirementRevision.objects.filter(requirement__traject=traject)
    if since is not None:
        revisions = revisions.filter(at__gt=since)
    history: dict[int, list[dict]] = {}
    for revision in revisions.order_by("at", "pk"):
        history.setdefault(revision.requirement_id, []).append(
            {
                "before": revision.text_before,
                "after": revision.text_after,
                "reason": revision.reason,
            }
        )
    additions = {
        a.requirement_id: a
        for a in RequirementAddition.objects.filter(requirement__traject=traject)
    }
    base = programme_items(programme) if programme else current_priorities(traject)
    items: list[dict] = []
    for entry in base:
        requirement = current.get(entry["id"])
        if requirement is None or requirement.status != accepted:
            continue
        items.append(
            {
                "key": requirement_key(requirement.pk),
                "id": requirement.pk,
                "text": requirement.text,
                "priority": entry.get("priority"),
                "rank": entry.get("rank"),
                "roles": entry.get("roles", []),
                "origin": "programme",
                "reason": "",
                "history": history.get(requirement.pk, []),
            }
        )
    listed = {item["id"] for item in items}
    for requirement in current.values():
        if requirement.status != accepted or requirement.pk in listed:
            continue
        addition = additions.get(requirement.pk)
        items.append(
            {
                "key": requirement_key(requirement.pk),
                "id": requirement.pk,
                "text": requirement.text,
                "priority": None,  # nobody voted on it: it came from the practice
                "rank": None,
                "roles": [],
                "origin": "added",
                "reason": addition.reason if addition else "",
                "history": history.get(requirement.pk, []),
            }
        )
    rules = traject.decision_rules.filter(status=DecisionRule.Status.AGREED)
    return {
        "programme_version": programme.number if programme else None,
        "requirements": items,
        "rules": [rule_item(rule) for rule in rules],
        "cases": [{"id": c.pk, "title": c.title} for c in picked_cases(traject)],
    }


def programme_items(programme: ProgrammeVersion) -> list[dict]:
    return list(programme.content.get("requirements", []))


def current_priorities(traject: Traject) -> list[dict]:
    """Accepted requirements with their priority now, when no programme was adopted."""
    results = [
        r
        for r in requirements_selectors.requirement_results(traject)["items"]
        if r["status"] == "accepted"
    ]
    return [{**r, "rank": position} for position, r in enumerate(results, start=1)]


def latest_framework(traject: Traject) -> FrameworkVersion | None:
    return traject.framework_versions.order_by("-number").first()


def content_of(version: FrameworkVersion | Mapping) -> Mapping:
    return version.content if isinstance(version, FrameworkVersion) else version


def item_text(kind: str, item: Mapping) -> str:
    """One line for an item: the requirement's text, or the rule's parts joined."""
    if kind == "requirement":
        return str(item.get("text", ""))
    return " · ".join(str(item[name]) for name in RULE_FIELDS if item.get(name))


def wording(kind: str, item: Mapping) -> tuple[str, ...]:
    """What a revision can change about an item: a requirement's text, a rule's five parts."""
    if kind == "requirement":
        return (str(item.get("text", "")),)
    return tuple(str(item.get(name, "")) for name in RULE_FIELDS)


def framework_items(version: FrameworkVersion | Mapping) -> list[dict]:
    """Every item of a version as {kind, key, text}, requirements first, in order."""
    content = content_of(version)
    return [
        {"kind": kind, "key": item["key"], "text": item_text(kind, item)}
        for kind, field in (("requirement", "requirements"), ("rule", "rules"))
        for item in content.get(field, [])
    ]
