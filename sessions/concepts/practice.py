"""Testing against practice live (Stap 3): own cases, picking cases, the judgement grid and the
adjustments to the requirements.

The author of a case is known to the console only (to ask them about it, and to redact);
verdicts reach the projector and phones only as counts and unsigned comments; a phone gets its
own cases, dots and verdicts, never anyone else's.
"""

from __future__ import annotations

from typing import Annotated, Literal, NotRequired

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pydantic import Field
from typing_extensions import TypedDict

from game.practice import gate as practice_gate
from game.practice import quarantine
from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.practice.models import CaseDot, Judgement, PracticeCase
from game.requirements import selectors as requirements_selectors
from sessions.arguments import Args, Dots, Id, Ids, Line, PrivacyReason, Text
from sessions.registry import FACILITATOR, PARTICIPANT, Context, command, me
from sessions.sections import NoPersonal, View, section

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/practice.js.
PHASE_KINDS = ("own-cases", "case-pick", "judge")


class CaseSubmit(Args):
    title: Text() = ""
    situation: Text() = ""
    question: Text() = ""
    # Sending anyway what the detector found: the author says what it is (game.practice.gate).
    privacy_reason: PrivacyReason = ""


@command("practice.submit", audiences={PARTICIPANT}, args=CaseSubmit, input_kind="own-cases")
def submit_case(ctx: Context, args: CaseSubmit) -> bool:
    """Refused with `personal_data` (the findings in the details) until the text is clean or
    the author sends it again with a `privacy_reason`; then it waits in quarantine."""
    practice_services.submit_case(
        participant=me(ctx),
        title=args.title,
        situation=args.situation,
        question=args.question,
        privacy_reason=args.privacy_reason,
    )
    return True


class CaseEdit(CaseSubmit):
    case: Id


@command("practice.edit", audiences={PARTICIPANT}, args=CaseEdit, input_kind="own-cases")
def edit_case(ctx: Context, args: CaseEdit) -> bool:
    return practice_services.edit_case(
        participant=me(ctx),
        case_id=args.case,
        title=args.title,
        situation=args.situation,
        question=args.question,
        privacy_reason=args.privacy_reason,
    )


class CaseRef(Args):
    case: Id


@command("practice.withdraw", audiences={PARTICIPANT}, args=CaseRef, input_kind="own-cases")
def withdraw_case(ctx: Context, args: CaseRef) -> bool:
    practice_services.withdraw_case(participant=me(ctx), case_id=args.case)
    return True


class CaseRedact(Args):
    case: Id
    title: Text() | None = None  # None keeps the author's title
    situation: Text() = ""
    question: Text() = ""
    note: Text() = ""


@command("practice.redact", audiences={FACILITATOR}, args=CaseRedact)
def redact_case(ctx: Context, args: CaseRedact) -> bool:
    return practice_services.redact_case(
        case=practice_selectors.practice_case_of(ctx.live.traject, args.case),
        title=args.title,
        situation=args.situation,
        question=args.question,
        note=args.note,
        redacted_by_id=ctx.actor.user_id,
    )


class FindingRef(Args):
    kind: Line(20)  # a kind of game.practice.quarantine.KINDS: case, judgement, reaction …
    id: Id
    finding: Annotated[int, Field(ge=0, le=1000)]  # its position in the row's findings


@command("privacy.clear", audiences={FACILITATOR}, args=FindingRef)
def clear_finding(ctx: Context, args: FindingRef) -> bool:
    return quarantine.clear_finding(
        traject=ctx.live.traject,
        kind=args.kind,
        row_id=args.id,
        index=args.finding,
        cleared_by_id=ctx.actor.user_id,
    )


class CaseDots(Args):
    case: Id
    dots: Dots


@command("practice.dots", audiences={PARTICIPANT}, args=CaseDots, input_kind="case-pick")
def set_case_dots(ctx: Context, args: CaseDots) -> bool:
    return practice_services.set_case_dots(
        participant=me(ctx),
        case=practice_selectors.practice_case_of(ctx.live.traject, args.case),
        dots=args.dots,
    )


class CasePick(Args):
    cases: Ids(10)


@command("practice.pick", audiences={FACILITATOR}, args=CasePick)
def pick_cases(ctx: Context, args: CasePick) -> bool:
    """`cases`: the ids in discussion order; the service wants one to three of them."""
    return practice_services.pick_cases(traject=ctx.live.traject, case_ids=args.cases)


@command("practice.table", audiences={FACILITATOR}, args=CaseRef)
def put_on_table(ctx: Context, args: CaseRef) -> bool:
    traject = ctx.live.traject
    return practice_services.put_on_table(
        traject=traject, case=practice_selectors.practice_case_of(traject, args.case)
    )


class JudgementSet(Args):
    case: Id
    requirement: Id
    verdict: Text(20) = ""
    comment: Text() = ""
    # Sending anyway what the detector found: the author says what it is (game.practice.gate).
    privacy_reason: PrivacyReason = ""


@command("judgement.set", audiences={PARTICIPANT}, args=JudgementSet, input_kind="judge")
def judge(ctx: Context, args: JudgementSet) -> bool:
    """`verdict` helpt/knelt/ontbreekt with an optional `comment`; an empty verdict takes the
    judgement back."""
    traject = ctx.live.traject
    return practice_services.judge(
        participant=me(ctx),
        case=practice_selectors.practice_case_of(traject, args.case),
        requirement=requirements_selectors.requirement_of(traject, args.requirement),
        verdict=args.verdict,
        comment=args.comment,
        privacy_reason=args.privacy_reason,
    )


class CaseConclude(Args):
    case: Id
    text: Text() = ""


@command("practice.conclude", audiences={FACILITATOR}, args=CaseConclude)
def set_conclusion(ctx: Context, args: CaseConclude) -> bool:
    return practice_services.set_conclusion(
        case=practice_selectors.practice_case_of(ctx.live.traject, args.case), text=args.text
    )


class AdjustAdd(Args):
    text: Text() = ""
    reason: Text() = ""
    case: Id | None = None


@command("adjust.add", audiences={FACILITATOR}, args=AdjustAdd)
def add_requirement(ctx: Context, args: AdjustAdd) -> bool:
    """A requirement the cases showed was missing, with why (and optionally which case)."""
    traject = ctx.live.traject
    case = (
        practice_selectors.practice_case_of(traject, args.case) if args.case is not None else None
    )
    practice_services.add_requirement(
        traject=traject, text=args.text, reason=args.reason, case=case
    )
    return True


class AdjustRephrase(Args):
    requirement: Id
    text: Text() = ""
    reason: Text() = ""


@command("adjust.rephrase", audiences={FACILITATOR}, args=AdjustRephrase)
def rephrase_requirement(ctx: Context, args: AdjustRephrase) -> bool:
    return practice_services.rephrase_requirement(
        requirement=requirements_selectors.requirement_of(ctx.live.traject, args.requirement),
        text=args.text,
        reason=args.reason,
    )


def privacy_reminder() -> str:
    return _(
        "Keep your case anonymous: no names, addresses, citizen service numbers (BSN) or dates "
        "of birth. Text that looks like personal data is pointed out before it is saved."
    )


class CaseBody(TypedDict):
    id: int
    title: str
    situation: str
    question: str


def case_text(case: PracticeCase) -> CaseBody:
    """What anyone may read of a case: never its author."""
    return {
        "id": case.pk,
        "title": case.title,
        "situation": case.situation,
        "question": case.question,
    }


class CaseLimits(TypedDict):
    title: int
    situation: int
    question: int


class Finding(TypedDict):
    kind: str
    field: str
    excerpt: str
    start: int
    end: int
    certain: bool
    author_says: Literal["invented", "not_personal"]
    cleared_by: int | None
    cleared_at: str | None


class ConsoleCase(CaseBody):
    author: str
    author_layer: str
    privacy_confirmed: bool
    quarantined: bool  # a finding is not cleared yet: hidden from the room, cannot be picked
    flags: list[str]  # kinds of personal data found and not cleared yet
    redacted_at: str | None
    redaction_note: str
    picked: bool


class OwnCasesBoard(TypedDict):
    reminder: str
    kinds: dict[str, str]  # kind of personal data → its label
    limits: CaseLimits
    count: int
    cases: NotRequired[list[ConsoleCase]]  # the console


class OwnCasesState(TypedDict):
    practice: OwnCasesBoard


class MyCase(CaseBody):
    privacy_confirmed: bool
    quarantined: bool
    redacted: bool
    picked: bool


class OwnCasesMine(TypedDict):
    my_cases: list[MyCase]


@section("own-cases")
def own_cases(view: View) -> tuple[OwnCasesState, dict[int, OwnCasesMine]]:
    traject = view.live.traject
    cases = list(traject.practice_cases.select_related("author__layer"))
    shared: dict = {
        "practice": {
            "reminder": privacy_reminder(),
            "kinds": {kind: str(label) for kind, label in practice_gate.KIND_LABELS.items()},
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
                        "quarantined": case.quarantined,
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
                "quarantined": case.quarantined,
                # As stored when the author sent it anyway (the detector does not run again
                # for every picture of the console).
                "flags": [f["kind"] for f in case.privacy_findings if f["cleared_at"] is None],
                "redacted_at": case.redacted_at.isoformat() if case.redacted_at else None,
                "redaction_note": case.redaction_note,
                "picked": case.selected,
            }
            for case in cases
        ]
    return shared, personal


class PickCase(CaseBody):
    dots: int | None  # once shown
    picked: bool
    order: int | None
    author: NotRequired[str]  # the console
    privacy_confirmed: NotRequired[bool]  # the console
    quarantined: NotRequired[bool]  # the console; the room never gets a quarantined case


class CasePickBoard(TypedDict):
    dots_per_participant: int
    pick_max: int
    picked_any: bool
    cases: list[PickCase]


class CasePickState(TypedDict):
    practice: CasePickBoard


class CasePickMine(TypedDict):
    case_dots: dict[str, int]  # case id → own dots


@section("case-pick")
def case_pick(view: View) -> tuple[CasePickState, dict[int, CasePickMine]]:
    """Dot totals reach the room once the facilitator has picked, so nobody follows the crowd
    while dotting; the console sees them all along."""
    traject = view.live.traject
    cases = list(traject.practice_cases.select_related("author"))
    picked_any = any(case.selected for case in cases)
    shown = practice_selectors.case_dots_shown(view.audience, picked_any=picked_any)
    totals = practice_selectors.case_dot_totals(traject) if shown else {}
    if view.audience != FACILITATOR:
        cases = [case for case in cases if not case.quarantined]
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
            item["quarantined"] = case.quarantined
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


class TableCase(CaseBody):
    order: int | None


class PickedCase(TypedDict):
    id: int
    title: str
    order: int | None


class RequirementText(TypedDict):
    id: int
    text: str


class RequirementStatus(RequirementText):
    status: str


class GridComment(TypedDict):
    verdict: str
    text: str


class GridRow(TypedDict):
    """A row of practice_selectors.judgement_grid: one requirement, counted and unsigned."""

    id: int
    text: str
    counts: dict[str, int]
    total: int
    dominant: str | None
    comments: list[GridComment]


class CaseGrid(TypedDict):
    case: int
    title: str
    grid: list[GridRow]
    conclusion: str


class Judging(TypedDict):
    labels: dict[str, str]
    table: TableCase | None
    picked: list[PickedCase]
    requirements: list[RequirementText]
    comment_max: int
    grids: NotRequired[list[CaseGrid]]  # the console: every picked case
    all_requirements: NotRequired[list[RequirementStatus]]  # the console
    reason_required: NotRequired[bool]  # the console
    grid: NotRequired[list[GridRow] | None]  # the projector: the case on the table


class JudgingState(TypedDict):
    judging: Judging


class MyVerdict(TypedDict):
    verdict: str
    comment: str


class JudgingMine(TypedDict):
    judgements: dict[str, dict[str, MyVerdict]]  # case id → requirement id → own verdict


@section("judge")
def judging(view: View) -> tuple[JudgingState, dict[int, JudgingMine]]:
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
        # Adjusting the programme here (adjust.rephrase, adjust.add) always needs a reason: both
        # go through practice_services.clean_reason.
        shared["judging"]["reason_required"] = True
    else:
        shared["judging"]["grid"] = practice_selectors.judgement_grid(table) if table else None
    return shared, personal


class QuarantinedText(TypedDict):
    kind: str  # case, judgement, reaction, checkin or review (game.practice.quarantine.KINDS)
    id: int
    texts: dict[str, str]  # field → text
    findings: list[Finding]


class QuarantineState(TypedDict):
    quarantine: NotRequired[list[QuarantinedText]]  # the console


@section("own-cases", "case-pick", "judge", "rules", "check-in", "review")
def quarantined(view: View) -> tuple[QuarantineState, dict[int, NoPersonal]]:
    """The texts still in quarantine, in every phase participants write free text in, for the
    facilitator to read and clear (the room never gets them)."""
    if view.audience != FACILITATOR:
        return {}, {}
    return {"quarantine": quarantine.quarantined_texts(view.live.traject)}, {}


def strings() -> dict:
    """The texts of testing against practice: own cases, picking cases, judging and adjusting
    the requirements. The pages read them as `strings.practice` (sessions/strings.py)."""
    return {
        # own cases
        "privacy": _("Privacy"),
        "new_case": _("A case from your practice"),
        "edit_case": _("Change your case"),
        "case_field": {
            "title": _("Short title"),
            "situation": _("The situation"),
            "question": _("The maatwerk question"),
        },
        "case_hint": {
            "title": _("A few words the room can call it by."),
            "situation": _("What is going on, and who is involved? Without names or addresses."),
            "question": _("What should maatwerk make possible here?"),
        },
        "submit_case": _("Submit case"),
        "case_sent": _("Your case has been submitted. You can still change or withdraw it."),
        "case_saved": _("Your changes have been saved."),
        "warning_title": _("This looks like personal data"),
        "warning_maybe_title": _("Is this a date of birth?"),
        "warning_text": _(
            "Take it out of your case and submit again. Or, if it is not personal data, "
            "submit anyway."
        ),
        "warning_maybe_text": _(
            "A date can be a date of birth. If it is, take it out; if it is not, submit anyway."
        ),
        "possible_birthdate": _("possible date of birth"),
        "edit_text": _("Change the text"),
        "send_anyway": _("Send anyway"),
        "send_anyway_question": _("What is it?"),
        "privacy_reason": {
            reason: str(label) for reason, label in practice_gate.PRIVACY_REASON_LABELS.items()
        },
        "send_anyway_note": _(
            "Your case then waits for the facilitator, who reads it first: until then nobody "
            "else sees it."
        ),
        "warning_text_short": _(
            "Take it out of your text. Or, if it is no personal data, say what it is and send it "
            "anyway."
        ),
        "send_anyway_text_note": _(
            "Your text then waits for the facilitator, who reads it first: until then nobody "
            "else sees it."
        ),
        "quarantined": _("Waiting for the facilitator: nobody else sees this case yet."),
        "quarantine_console": _(
            "In quarantine: only you and the author see this case. Clear each finding (above) or "
            "redact the case before it can be picked."
        ),
        "clear_finding": _("Not personal data: let it through"),
        "finding_cleared": _("cleared"),
        "quarantine_badge": _("in quarantine: not yet pickable"),
        "finding_kinds": {kind: str(label) for kind, label in practice_gate.KIND_LABELS.items()},
        "quarantine_heading": _("Waiting for you: possible personal data"),
        "quarantine_help": _(
            "The authors sent these anyway. Nobody else sees them until you clear each finding."
        ),
        "quarantine_kind": {
            "case": _("Own case"),
            "judgement": _("Comment on a requirement"),
            "reaction": _("Reaction to a decision rule"),
            "checkin": _("Check-in"),
            "review": _("Review"),
        },
        "quarantine_waiting": _("Texts waiting for you to check for personal data: %(n)s."),
        "changed_recheck": _("You changed the text: submit it again to have it checked."),
        "my_cases": _("My cases"),
        "no_own_cases": _("You have not submitted a case yet."),
        "cases_in_room": {
            "one": ngettext(
                "%(n)s case submitted in the room", "%(n)s cases submitted in the room", 1
            ),
            "other": ngettext(
                "%(n)s case submitted in the room", "%(n)s cases submitted in the room", 2
            ),
        },
        "cases_sent_word": {
            "one": ngettext("case submitted", "cases submitted", 1),
            "other": ngettext("case submitted", "cases submitted", 2),
        },
        "picked": _("picked for discussion"),
        "picked_locked": _(
            "Picked for discussion: the room works on it now, so it stays as it is."
        ),
        "redacted": _("made anonymous by the facilitator"),
        "you_confirmed": _("You confirmed that it holds no personal data."),
        "withdraw": _("Withdraw"),
        "confirm_withdraw": _("Withdraw your case “%(title)s”? Its dots go too."),
        # own cases on the console
        "by_author": _("By %(name)s (%(layer)s) — only you see this"),
        "flags_found": _("Still looks like: %(kinds)s. Read it before it goes on the screen."),
        "author_confirmed": _("The author confirmed that this is not personal data."),
        "redaction_note_shown": _("Made anonymous: %(note)s"),
        "redact": _("Make anonymous"),
        "redact_help": _(
            "Take personal data out of the text. The author's words are replaced by yours; "
            "the note says what you changed."
        ),
        "redaction_note": _("What did you take out? (optional)"),
        "save_redaction": _("Save anonymous version"),
        "no_cases_console": _("No cases yet. Participants write them on their phones."),
        "read_situation": _("Read the situation"),
        "read_case": _("Read the case"),
        # picking cases
        "dots_hint": _("Put your dots on the cases you want to discuss."),
        "picked_note": _("The facilitator has picked the cases. The dots are shown."),
        "picked_n": _("No. %(n)s"),
        "no_cases": _("There are no cases yet."),
        "dot_on_phone": _("Put your %(n)s dots on your phone on the cases you want to discuss."),
        "picked_heading": _("The cases we discuss"),
        "not_picked": _("Not picked"),
        "pick_help": _(
            "Choose one to three cases in the order the room discusses them, then save the "
            "choice. The first one goes on the table."
        ),
        "pick": _("Pick"),
        "pick_save": _("Save choice (%(n)s)"),
        "pick_reset": _("Undo changes"),
        "pick_unsaved": _("Choice not saved yet."),
        "pick_saved": _("Choice saved: phones and the screen show it."),
        "pick_none": _("No cases picked yet."),
        "pick_full": _("At most %(max)s cases. Take one off first."),
        "dots_word": {
            "one": ngettext("dot", "dots", 1),
            "other": ngettext("dot", "dots", 2),
        },
        "by": _("by %(name)s"),
        "confirmed_badge": _("warning confirmed by the author"),
        # judging
        "case_n_of": _("Case %(n)s of %(total)s"),
        "no_table": _("The facilitator puts a case on the table in a moment."),
        "no_requirements": _("There are no requirements to judge."),
        "judged_progress": _("%(n)s of %(total)s requirements judged"),
        "add_comment": _("Add a comment"),
        "grid_caption": _("Helps, gets in the way or missing: the room's judgement"),
        "grid_caption_case": _("The room's judgement: %(title)s"),
        "col_comments": _("Comments"),
        "grid_help": _(
            "Numbers are participants. “Mostly” when one judgement has more votes than each "
            "of the others."
        ),
        "no_verdicts": _("No judgements yet"),
        "divided": {
            "one": ngettext("Divided (%(n)s judgement)", "Divided (%(n)s judgements)", 1),
            "other": ngettext("Divided (%(n)s judgement)", "Divided (%(n)s judgements)", 2),
        },
        "mostly": _("Mostly: %(verdict)s (%(n)s of %(total)s)"),
        "most": _("most votes"),
        "judges_count": _("judged by %(n)s"),
        "on_table": _("On the table"),
        "put_on_table": _("Put on the table"),
        "show_grid": _("Show the judgement grid and conclusions"),
        "nothing_picked": _("No cases picked yet. Pick them in the previous part."),
        "conclusion_label": _("Conclusions for this case"),
        "save_conclusion": _("Save conclusions"),
        # adjusting the requirements
        "adjust_heading": _("Adjust the requirements"),
        "adjust_help": _(
            "What did the cases show? Rephrase a requirement or add one that was missing, "
            "each with the reason: the document shows both."
        ),
        "add_requirement_button": _("Add requirement"),
        "from_case": _("Shown by case (optional)"),
        "no_case_option": _("— no particular case —"),
    }
