"""Testing against practice (Stap 3): own cases checked for personal data, picking cases by
dots, judging every requirement against each picked case, conclusions, and adjusting the
requirements. Each raises GameError with a code the live layer localises."""

from __future__ import annotations

import re
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone

from game.core.dots import place_dots
from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.core.text import clean_text
from game.practice import gate as gate_rules
from game.practice.gate import case_findings, gate
from game.practice.models import (
    VERDICTS,
    CaseConclusion,
    CaseDot,
    Judgement,
    PracticeCase,
    RequirementAddition,
)
from game.practice.selectors import own_case
from game.requirements import services as requirements_services
from game.requirements.models import Requirement

CASE_TITLE_MAX = 120


CASE_SITUATION_MAX = 2000


CASE_QUESTION_MAX = 500


REDACTION_MAX = 300


COMMENT_MAX = 300


CONCLUSION_MAX = 2000


# Dots per participant for choosing cases: enough to back two or three of them, few enough
# that the dots say something. A constant, not a traject setting: nobody asked to tune it.
CASE_DOTS = 3


PICK_MIN, PICK_MAX = 1, 3  # the group picks one to three cases


STANCES: tuple[str, ...] = ("agree", "concern")


def clean_block(raw: object, *, limit: int, empty: str, too_long: str) -> str:
    """Like `clean_text` but keeps paragraphs: a case's situation is often a few of them.

    Spaces within a line collapse, lines are trimmed, and more than one empty line in a row
    becomes one.
    """
    lines = [" ".join(line.split()) for line in str(raw or "").splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not text:
        raise GameError(empty)
    if len(text) > limit:
        raise GameError(too_long, max=limit)
    return text


def clean_optional(raw: object, *, limit: int, too_long: str) -> str:
    text = " ".join(str(raw or "").split())
    if len(text) > limit:
        raise GameError(too_long, max=limit)
    return text


def clean_reason(raw: object) -> str:
    """A change of the kader needs a reason: the document shows what changed *and why*."""
    return clean_text(
        raw,
        limit=requirements_services.REASON_MAX,
        empty="reason_empty",
        too_long="reason_too_long",
    )


def clean_case(title: object, situation: object, question: object) -> tuple[str, str, str]:
    return (
        clean_text(
            title, limit=CASE_TITLE_MAX, empty="case_title_empty", too_long="case_title_too_long"
        ),
        clean_block(
            situation,
            limit=CASE_SITUATION_MAX,
            empty="case_situation_empty",
            too_long="case_situation_too_long",
        ),
        clean_block(
            question,
            limit=CASE_QUESTION_MAX,
            empty="case_question_empty",
            too_long="case_question_too_long",
        ),
    )


def submit_case(
    *, participant: Participant, title: str, situation: str, question: str, privacy_reason: str
) -> PracticeCase:
    """Save a case from one's own practice, through the personal-data gate (`gate`).

    A case that looks like it holds personal data is refused with the findings, so the phone
    can point at them and the author can change the text; or the author says what they are
    ("an invented example", "not personal data"), because the detector has false positives.
    Such a case waits in quarantine for the facilitator.
    """
    title, situation, question = clean_case(title, situation, question)
    findings = gate(
        case_findings(title=title, situation=situation, question=question), privacy_reason
    )
    return PracticeCase.objects.create(
        traject_id=participant.traject_id,
        author=participant,
        title=title,
        situation=situation,
        question=question,
        privacy_confirmed=bool(findings),
        privacy_findings=findings,
    )


def edit_case(
    *,
    participant: Participant,
    case_id: int,
    title: str,
    situation: str,
    question: str,
    privacy_reason: str,
) -> bool:
    """Change one's own case; the text goes through the personal-data gate again."""
    case = own_case(participant, case_id)
    title, situation, question = clean_case(title, situation, question)
    findings = gate(
        case_findings(title=title, situation=situation, question=question), privacy_reason
    )
    if (case.title, case.situation, case.question) == (title, situation, question):
        return False
    case.title, case.situation, case.question = title, situation, question
    case.privacy_confirmed, case.privacy_findings = bool(findings), findings
    case.updated_at = timezone.now()
    case.save(
        update_fields=[
            "title",
            "situation",
            "question",
            "privacy_confirmed",
            "privacy_findings",
            "updated_at",
        ]
    )
    return True


def withdraw_case(*, participant: Participant, case_id: int) -> None:
    """Take one's own case back (with its dots) before it is picked."""
    own_case(participant, case_id).delete()


def redact_case(
    *,
    case: PracticeCase,
    situation: str,
    question: str,
    note: str,
    title: str | None = None,
    redacted_by_id: int | None = None,
) -> bool:
    """The facilitator rewrites a case to take personal data out, also once it is picked.

    No personal-data refusal here: the facilitator is the one removing it, and a remaining
    false positive must not block the redaction. The note says what was taken out and why.
    """
    new_title, situation, question = clean_case(
        case.title if title is None else title, situation, question
    )
    note = clean_optional(note, limit=REDACTION_MAX, too_long="redaction_too_long")
    if (case.title, case.situation, case.question) == (new_title, situation, question):
        return False
    now = timezone.now()
    case.title, case.situation, case.question = new_title, situation, question
    case.redacted_at, case.redacted_by_id, case.redaction_note = now, redacted_by_id, note
    case.updated_at = now
    # The facilitator has read the text and rewritten it.
    gate_rules.clear_all(case.privacy_findings, cleared_by_id=redacted_by_id)
    case.save(
        update_fields=[
            "title",
            "situation",
            "question",
            "redacted_at",
            "redacted_by",
            "redaction_note",
            "privacy_findings",
            "updated_at",
        ]
    )
    return True


def set_case_dots(*, participant: Participant, case: PracticeCase, dots: int) -> bool:
    """Put `dots` dots on a case (0 removes them); at most CASE_DOTS per person in total."""
    if case.traject_id != participant.traject_id:
        raise GameError("practice_case_unknown")
    if case.quarantined and case.author_id != participant.pk:
        raise GameError("practice_case_unknown")  # for the others it is not there yet
    return place_dots(
        model=CaseDot, participant=participant, item={"case": case}, dots=dots, allowed=CASE_DOTS
    )


@transaction.atomic
def pick_cases(*, traject: Traject, case_ids: Sequence[int]) -> bool:
    """The facilitator picks one to three cases, in the order the room discusses them.

    Picking again replaces the selection; judgements on a case that is no longer picked are
    kept (picking it back brings them back). The case on the table stays when it is still
    picked, otherwise the first picked case goes on the table.
    """
    ids = list(dict.fromkeys(case_ids))
    if not PICK_MIN <= len(ids) <= PICK_MAX:
        raise GameError("pick_count")
    cases = traject.practice_cases.all()
    chosen = list(cases.filter(pk__in=ids))
    if len(chosen) != len(ids):
        raise GameError("practice_case_unknown")
    if any(case.quarantined for case in chosen):
        raise GameError("case_quarantined")
    before = list(
        cases.filter(selected=True).order_by("selected_order").values_list("pk", flat=True)
    )
    table = cases.filter(on_table=True).values_list("pk", flat=True).first()
    if before == ids:
        return False
    cases.update(selected=False, selected_order=None, on_table=False)
    for position, case_id in enumerate(ids, start=1):
        cases.filter(pk=case_id).update(selected=True, selected_order=position)
    cases.filter(pk=table if table in ids else ids[0]).update(on_table=True)
    return True


@transaction.atomic
def put_on_table(*, traject: Traject, case: PracticeCase) -> bool:
    """Show this picked case on the screen and phones: the room judges it now."""
    if case.traject_id != traject.pk:
        raise GameError("practice_case_unknown")
    if not case.selected:
        raise GameError("case_not_picked")
    if case.on_table:
        return False
    # Clear first: the partial unique index allows one case on the table at any moment.
    traject.practice_cases.filter(on_table=True).update(on_table=False)
    traject.practice_cases.filter(pk=case.pk).update(on_table=True)
    case.on_table = True
    return True


def judge(
    *,
    participant: Participant,
    case: PracticeCase,
    requirement: Requirement,
    verdict: str,
    comment: str = "",
    privacy_reason: str = "",
) -> bool:
    """Say whether a requirement helps, gets in the way or leaves something missing in a
    picked case; judging again changes it, an empty verdict takes it back. The comment goes
    through the personal-data gate (game.practice.gate).

    Any picked case can be judged, not only the one on the table, so a verdict sent just as
    the facilitator moves to the next case still lands.
    """
    if case.traject_id != participant.traject_id:
        raise GameError("practice_case_unknown")
    if requirement.traject_id != participant.traject_id:
        raise GameError("requirement_unknown")
    if not case.selected:
        raise GameError("case_not_picked")
    row = Judgement.objects.filter(
        case=case, requirement=requirement, participant=participant
    ).first()
    if not verdict:
        return row is not None and row.delete()[0] > 0
    if verdict not in VERDICTS:
        raise GameError("verdict_unknown")
    if requirement.status == Requirement.Status.DROPPED:
        raise GameError("requirement_closed")
    comment = clean_optional(comment, limit=COMMENT_MAX, too_long="comment_too_long")
    findings = gate_rules.gated({"comment": comment}, privacy_reason)
    if row is None:
        Judgement.objects.create(
            case=case,
            requirement=requirement,
            participant=participant,
            verdict=verdict,
            comment=comment,
            privacy_findings=findings,
        )
        return True
    if (row.verdict, row.comment) == (verdict, comment):
        return False
    row.verdict, row.comment, row.updated_at = verdict, comment, timezone.now()
    row.privacy_findings = findings
    row.save(update_fields=["verdict", "comment", "privacy_findings", "updated_at"])
    return True


def set_conclusion(*, case: PracticeCase, text: str) -> bool:
    """The facilitator's conclusions for a case; empty text removes them."""
    text = str(text or "").strip()
    if len(text) > CONCLUSION_MAX:
        raise GameError("conclusion_too_long", max=CONCLUSION_MAX)
    row = CaseConclusion.objects.filter(case=case).first()
    if not text:
        return row is not None and row.delete()[0] > 0
    if row is None:
        CaseConclusion.objects.create(case=case, text=text)
        return True
    if row.text == text:
        return False
    row.text, row.updated_at = text, timezone.now()
    row.save(update_fields=["text", "updated_at"])
    return True


@transaction.atomic
def add_requirement(
    *, traject: Traject, text: str, reason: str, case: PracticeCase | None = None
) -> Requirement:
    """A requirement the cases showed was missing. It is accepted at once — the facilitator
    adds what the room agreed — and tagged with the reason (and case) for the document."""
    reason = clean_reason(reason)
    if case is not None and case.traject_id != traject.pk:
        raise GameError("practice_case_unknown")
    requirement = requirements_services.add_requirement(traject=traject, text=text)
    requirement.status = Requirement.Status.ACCEPTED
    requirement.save(update_fields=["status"])
    RequirementAddition.objects.create(requirement=requirement, reason=reason, case=case)
    return requirement


def rephrase_requirement(*, requirement: Requirement, text: str, reason: str) -> bool:
    """Stap 2's rephrasing (it keeps the old text in a RequirementRevision), with the reason
    made obligatory: in Stap 3 every adjustment has to say what the practice showed."""
    return requirements_services.rephrase_requirement(
        requirement=requirement, text=text, reason=clean_reason(reason)
    )
