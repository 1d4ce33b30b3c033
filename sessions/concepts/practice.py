"""Testing against practice live (Stap 3): own cases, picking cases, the judgement grid and the
adjustments to the requirements.

The author of a case is known to the console only (to ask them about it, and to redact);
verdicts reach the projector and phones only as counts and unsigned comments; a phone gets its
own cases, dots and verdicts, never anyone else's.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.practice.models import CaseDot, Judgement, PracticeCase
from game.requirements import selectors as requirements_selectors
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    command,
    id_arg,
    ids_arg,
    int_arg,
    me,
    optional_bool,
    str_arg,
    text_arg,
)
from sessions.sections import View, section


@command("practice.submit", audiences={PARTICIPANT}, input_kind="own-cases")
def submit_case(ctx: Context, args: dict) -> bool:
    """Refused with `personal_data` (the excerpts in the message) until the text is clean or
    the author sends it again with `confirm_privacy: true`."""
    practice_services.submit_case(
        participant=me(ctx),
        title=text_arg(args, "title"),
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        confirm_privacy=optional_bool(args, "confirm_privacy"),
    )
    return True


@command("practice.edit", audiences={PARTICIPANT}, input_kind="own-cases")
def edit_case(ctx: Context, args: dict) -> bool:
    return practice_services.edit_case(
        participant=me(ctx),
        case_id=id_arg(args, "case"),
        title=text_arg(args, "title"),
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        confirm_privacy=optional_bool(args, "confirm_privacy"),
    )


@command("practice.withdraw", audiences={PARTICIPANT}, input_kind="own-cases")
def withdraw_case(ctx: Context, args: dict) -> bool:
    practice_services.withdraw_case(participant=me(ctx), case_id=id_arg(args, "case"))
    return True


@command("practice.redact", audiences={FACILITATOR})
def redact_case(ctx: Context, args: dict) -> bool:
    return practice_services.redact_case(
        case=practice_selectors.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        title=text_arg(args, "title") if "title" in args else None,
        situation=text_arg(args, "situation"),
        question=text_arg(args, "question"),
        note=text_arg(args, "note"),
        redacted_by_id=ctx.actor.user_id,
    )


@command("practice.dots", audiences={PARTICIPANT}, input_kind="case-pick")
def set_case_dots(ctx: Context, args: dict) -> bool:
    return practice_services.set_case_dots(
        participant=me(ctx),
        case=practice_selectors.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        dots=int_arg(args, "dots", low=0, high=100),
    )


@command("practice.pick", audiences={FACILITATOR})
def pick_cases(ctx: Context, args: dict) -> bool:
    """`cases`: the ids in discussion order; the service wants one to three of them."""
    return practice_services.pick_cases(
        traject=ctx.live.traject, case_ids=ids_arg(args, "cases", max_items=10)
    )


@command("practice.table", audiences={FACILITATOR})
def put_on_table(ctx: Context, args: dict) -> bool:
    traject = ctx.live.traject
    return practice_services.put_on_table(
        traject=traject, case=practice_selectors.practice_case_of(traject, id_arg(args, "case"))
    )


@command("judgement.set", audiences={PARTICIPANT}, input_kind="judge")
def judge(ctx: Context, args: dict) -> bool:
    """`verdict` helpt/knelt/ontbreekt with an optional `comment`; an empty verdict takes the
    judgement back."""
    traject = ctx.live.traject
    return practice_services.judge(
        participant=me(ctx),
        case=practice_selectors.practice_case_of(traject, id_arg(args, "case")),
        requirement=requirements_selectors.requirement_of(traject, id_arg(args, "requirement")),
        verdict=str_arg(args, "verdict", max_length=20, required=False),
        comment=text_arg(args, "comment"),
    )


@command("practice.conclude", audiences={FACILITATOR})
def set_conclusion(ctx: Context, args: dict) -> bool:
    return practice_services.set_conclusion(
        case=practice_selectors.practice_case_of(ctx.live.traject, id_arg(args, "case")),
        text=text_arg(args, "text"),
    )


@command("adjust.add", audiences={FACILITATOR})
def add_requirement(ctx: Context, args: dict) -> bool:
    """A requirement the cases showed was missing, with why (and optionally which case)."""
    traject = ctx.live.traject
    case = (
        practice_selectors.practice_case_of(traject, id_arg(args, "case"))
        if args.get("case") is not None
        else None
    )
    practice_services.add_requirement(
        traject=traject, text=text_arg(args, "text"), reason=text_arg(args, "reason"), case=case
    )
    return True


@command("adjust.rephrase", audiences={FACILITATOR})
def rephrase_requirement(ctx: Context, args: dict) -> bool:
    return practice_services.rephrase_requirement(
        requirement=requirements_selectors.requirement_of(
            ctx.live.traject, id_arg(args, "requirement")
        ),
        text=text_arg(args, "text"),
        reason=text_arg(args, "reason"),
    )


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
