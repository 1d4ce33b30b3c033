"""Stap 3 and Dag 2 snapshot sections: own cases, picking cases, the judgement grid, decision
rules, the frozen kader, the day-2 review, the revision, and pending device claims.

Anonymity as elsewhere: the author of a case is known to the console only (to ask them about
it, and to redact); verdicts, reactions and reviews reach the projector and phones only as
counts and unsigned comments; a phone gets its own cases, dots, verdicts, reactions and
reviews, never anyone else's.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from game.followup import selectors as followup_selectors
from game.followup import services as followup_services
from game.followup.models import Review
from game.framework import selectors as framework_selectors
from game.framework.models import FrameworkVersion, RuleReaction
from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.practice.models import CaseDot, Judgement, PracticeCase
from sessions.registry import FACILITATOR, PARTICIPANT
from sessions.sections import View, section


def privacy_reminder() -> str:
    return _(
        "Keep your case anonymous: no names, addresses, citizen service numbers (BSN) or dates "
        "of birth. Text that looks like personal data is pointed out before it is saved."
    )


def case_text(case: PracticeCase) -> dict:
    """What anyone may read of a case: never its author."""
    return {
        "id": case.pk,
        "title": case.title,
        "situation": case.situation,
        "question": case.question,
    }


# --- own cases --------------------------------------------------------------------------------


@section("own-cases")
def own_cases(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    cases = list(traject.practice_cases.select_related("author__layer"))
    shared: dict = {
        "practice": {
            "reminder": privacy_reminder(),
            "kinds": {kind: str(label) for kind, label in practice_services.KIND_LABELS.items()},
            "limits": {
                "title": practice_services.CASE_TITLE_MAX,
                "situation": practice_services.CASE_SITUATION_MAX,
                "question": practice_services.CASE_QUESTION_MAX,
            },
            "count": len(cases),
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"my_cases": []} for p in view.people}
        for case in cases:
            if case.author_id in personal:
                personal[case.author_id]["my_cases"].append(
                    {
                        **case_text(case),
                        "privacy_confirmed": case.privacy_confirmed,
                        "redacted": case.redacted_at is not None,
                        "picked": case.selected,
                    }
                )
    elif view.audience == FACILITATOR:
        shared["practice"]["cases"] = [
            {
                **case_text(case),
                "author": case.author.name,
                "author_layer": case.author.layer.text("label", view.lang),
                "privacy_confirmed": case.privacy_confirmed,
                # Read again now: the facilitator sees what the author chose to keep.
                "flags": [
                    f["kind"]
                    for f in practice_services.case_findings(
                        title=case.title, situation=case.situation, question=case.question
                    )
                ],
                "redacted_at": case.redacted_at.isoformat() if case.redacted_at else None,
                "redaction_note": case.redaction_note,
                "picked": case.selected,
            }
            for case in cases
        ]
    return shared, personal


# --- picking cases ----------------------------------------------------------------------------


@section("case-pick")
def case_pick(view: View) -> tuple[dict, dict[int, dict]]:
    """Dot totals reach the room once the facilitator has picked, so nobody follows the crowd
    while dotting; the console sees them all along."""
    traject = view.live.traject
    cases = list(traject.practice_cases.select_related("author"))
    picked_any = any(case.selected for case in cases)
    shown = view.audience == FACILITATOR or picked_any
    totals = practice_selectors.case_dot_totals(traject) if shown else {}
    items = []
    for case in cases:
        item = {
            **case_text(case),
            "dots": totals.get(case.pk, 0) if shown else None,
            "picked": case.selected,
            "order": case.selected_order,
        }
        if view.audience == FACILITATOR:
            item["author"] = case.author.name
            item["privacy_confirmed"] = case.privacy_confirmed
        items.append(item)
    if view.audience == FACILITATOR:
        items.sort(key=lambda item: -item["dots"])
    shared = {
        "practice": {
            "dots_per_participant": practice_services.CASE_DOTS,
            "pick_max": practice_services.PICK_MAX,
            "picked_any": picked_any,
            "cases": items,
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"case_dots": {}} for p in view.people}
        rows = CaseDot.objects.filter(case__traject=traject).values_list(
            "participant_id", "case_id", "dots"
        )
        for pid, case_id, dots in rows:
            if pid in personal:
                personal[pid]["case_dots"][str(case_id)] = dots
    return shared, personal


# --- judging ----------------------------------------------------------------------------------


def verdict_labels() -> dict[str, str]:
    return {
        "helpt": _("Helps"),
        "knelt": _("Gets in the way"),
        "ontbreekt": _("Something is missing"),
    }


@section("judge")
def judging(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    picked = practice_selectors.picked_cases(traject)
    table = next((case for case in picked if case.on_table), None)
    shared: dict = {
        "judging": {
            "labels": verdict_labels(),
            "table": {**case_text(table), "order": table.selected_order} if table else None,
            "picked": [{"id": c.pk, "title": c.title, "order": c.selected_order} for c in picked],
            "requirements": [
                {"id": r.pk, "text": r.text}
                for r in practice_selectors.judgeable_requirements(traject)
            ],
            "comment_max": practice_services.COMMENT_MAX,
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"judgements": {}} for p in view.people}
        rows = Judgement.objects.filter(case__traject=traject).values_list(
            "participant_id", "case_id", "requirement_id", "verdict", "comment"
        )
        for pid, case_id, requirement_id, verdict, comment in rows:
            if pid in personal:
                personal[pid]["judgements"].setdefault(str(case_id), {})[str(requirement_id)] = {
                    "verdict": verdict,
                    "comment": comment,
                }
    elif view.audience == FACILITATOR:
        conclusions = {
            case.pk: getattr(case, "conclusion", None)
            for case in traject.practice_cases.filter(selected=True).select_related("conclusion")
        }
        shared["judging"]["grids"] = [
            {
                "case": case.pk,
                "title": case.title,
                "grid": practice_selectors.judgement_grid(case),
                "conclusion": conclusions[case.pk].text if conclusions.get(case.pk) else "",
            }
            for case in picked
        ]
        shared["judging"]["all_requirements"] = [
            {"id": r.pk, "text": r.text, "status": r.status} for r in traject.requirements.all()
        ]
    else:
        shared["judging"]["grid"] = practice_selectors.judgement_grid(table) if table else None
    return shared, personal


# --- decision rules ---------------------------------------------------------------------------


@section("rules")
def rules(view: View) -> tuple[dict, dict[int, dict]]:
    traject = view.live.traject
    shared = {
        "rules": {
            "labels": {
                "agree": _("Agree"),
                "concern": _("I have a concern"),
            },
            "items": framework_selectors.rule_summaries(
                traject, include_dropped=view.audience == FACILITATOR
            ),
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"rule_reactions": {}} for p in view.people}
        rows = RuleReaction.objects.filter(rule__traject=traject).values_list(
            "participant_id", "rule_id", "stance", "comment"
        )
        for pid, rule_id, stance, comment in rows:
            if pid in personal:
                personal[pid]["rule_reactions"][str(rule_id)] = {
                    "stance": stance,
                    "comment": comment,
                }
    return shared, personal


# --- the kader op maat ------------------------------------------------------------------------


def version_dict(version: FrameworkVersion) -> dict:
    content = version.content
    return {
        "number": version.number,
        "frozen_at": version.frozen_at.isoformat(),
        "requirements": content.get("requirements", []),
        "rules": content.get("rules", []),
        "cases": content.get("cases", []),
    }


@section("framework")
def framework(view: View) -> tuple[dict, dict[int, dict]]:
    """The latest frozen version; before freezing, the console sees what would be frozen."""
    traject = view.live.traject
    latest = framework_selectors.latest_framework(traject)
    shared: dict = {"framework": version_dict(latest) if latest else None}
    if view.audience == FACILITATOR and latest is None:
        shared["framework_draft"] = framework_selectors.framework_draft(traject)
    return shared, {}


# --- Dag 2 ------------------------------------------------------------------------------------


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
