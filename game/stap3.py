"""Stap 3 — Toetsen aan de praktijk: own cases (checked for personal data), picking cases by
dots, judging every requirement against each picked case, conclusions, adjusting the
requirements, beslisregels, and freezing the kader op maat as version 1.

Each service raises GameError with a code the live layer localises. Reads that shape data for
a screen (`judgement_grid`, `rule_summaries`, `framework_draft`) are selectors: plain dicts and
lists, so the same values feed the snapshots, the frozen version and the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from game import stap2
from game.dots import place_dots
from game.errors import GameError
from game.models import (
    CaseConclusion,
    CaseDot,
    DecisionRule,
    FrameworkVersion,
    Judgement,
    Participant,
    PracticeCase,
    ProgrammeVersion,
    Requirement,
    RequirementAddition,
    RequirementRevision,
    RuleReaction,
    Traject,
)
from game.privacy import find_personal_data
from game.stap1 import clean_text

CASE_TITLE_MAX = 120
CASE_SITUATION_MAX = 2000
CASE_QUESTION_MAX = 500
REDACTION_MAX = 300
COMMENT_MAX = 300
CONCLUSION_MAX = 2000
# Dots per participant for choosing cases: enough to back two or three of them, few enough
# that the dots say something. A constant, not a traject setting: nobody asked to tune it.
CASE_DOTS = 3
PICK_MIN, PICK_MAX = 1, 3  # domain.md: "The group picks one to three cases."
VERDICTS: tuple[str, ...] = ("helpt", "knelt", "ontbreekt")
STANCES: tuple[str, ...] = ("agree", "concern")
RULE_FIELDS: dict[str, int] = {  # field → max length, in the order a rule reads
    "who_decides": 200,
    "what": 300,
    "budget_or_mandate": 200,
    "accountability": 300,
    "escalation": 300,
}

KIND_LABELS = {
    "bsn": _("citizen service number (BSN)"),
    "email": _("e-mail address"),
    "phone": _("phone number"),
    "postcode_house": _("postcode with house number"),
    "birthdate": _("date of birth"),
}
POSSIBLE_BIRTHDATE = _("possible date of birth")


# --- cleaning ---------------------------------------------------------------------------------


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
    return clean_text(raw, limit=stap2.REASON_MAX, empty="reason_empty", too_long="reason_too_long")


# --- personal data ----------------------------------------------------------------------------


def check_case_text(text: str) -> list[dict]:
    """What in `text` looks like personal data, as plain dicts the phone can show.

    Each finding: kind, excerpt, start, end and `certain` (False only for a date that *may* be
    a date of birth). The detector is `game.privacy`; this only shapes its answer.
    """
    return [
        {
            "kind": f.kind,
            "excerpt": f.excerpt,
            "start": f.start,
            "end": f.end,
            "certain": f.certain,
        }
        for f in find_personal_data(text)
    ]


def case_findings(*, title: str, situation: str, question: str) -> list[dict]:
    """Findings over all three fields of a case, each tagged with its field."""
    return [
        {**finding, "field": field}
        for field, text in (("title", title), ("situation", situation), ("question", question))
        for finding in check_case_text(text)
    ]


class FoundText:
    """The findings as a sentence fragment, translated when the message is rendered.

    GameError messages are localised by the live layer in the reader's language, after the
    service ran; building the text here would freeze it in whatever language was active.
    """

    def __init__(self, findings: Sequence[dict]) -> None:
        self.findings = list(findings)

    def __str__(self) -> str:
        parts = []
        for finding in self.findings:
            if finding["kind"] == "birthdate" and not finding["certain"]:
                label = POSSIBLE_BIRTHDATE
            else:
                label = KIND_LABELS[finding["kind"]]
            parts.append(f"“{finding['excerpt']}” ({label})")
        return ", ".join(parts)


def refuse_unconfirmed(findings: list[dict], confirm_privacy: bool) -> bool:
    """Raise `personal_data` (carrying the findings) unless the author confirmed; return
    whether the author confirmed *after a warning* (what `privacy_confirmed` records)."""
    if not findings:
        return False
    if not confirm_privacy:
        raise GameError("personal_data", found=FoundText(findings), findings=findings)
    return True


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


# --- own cases --------------------------------------------------------------------------------


def submit_case(
    *, participant: Participant, title: str, situation: str, question: str, confirm_privacy: bool
) -> PracticeCase:
    """Save a case from one's own practice, unless it looks like it holds personal data.

    Then it is refused with `personal_data` and the findings (kind and excerpt), so the phone
    can show them and the author can take them out — or confirm, because the detector has
    false positives and the author knows the case. A confirmed warning is recorded, so the
    facilitator knows which cases to read before they go on the screen.
    """
    title, situation, question = clean_case(title, situation, question)
    findings = case_findings(title=title, situation=situation, question=question)
    confirmed = refuse_unconfirmed(findings, confirm_privacy)
    return PracticeCase.objects.create(
        traject_id=participant.traject_id,
        author=participant,
        title=title,
        situation=situation,
        question=question,
        privacy_confirmed=confirmed,
    )


def practice_case_of(traject: Traject, case_id: int) -> PracticeCase:
    case = traject.practice_cases.filter(pk=case_id).first()
    if case is None:
        raise GameError("practice_case_unknown")
    return case


def own_case(participant: Participant, case_id: int) -> PracticeCase:
    """One's own case, while it is still one's own: once picked, the room works on it."""
    case = PracticeCase.objects.filter(pk=case_id, traject_id=participant.traject_id).first()
    if case is None:
        raise GameError("practice_case_unknown")
    if case.author_id != participant.pk:
        raise GameError("not_yours")
    if case.selected:
        raise GameError("case_picked")
    return case


def edit_case(
    *,
    participant: Participant,
    case_id: int,
    title: str,
    situation: str,
    question: str,
    confirm_privacy: bool,
) -> bool:
    """Change one's own case; the personal-data check runs again on the new text."""
    case = own_case(participant, case_id)
    title, situation, question = clean_case(title, situation, question)
    findings = case_findings(title=title, situation=situation, question=question)
    confirmed = refuse_unconfirmed(findings, confirm_privacy)
    if (case.title, case.situation, case.question) == (title, situation, question):
        return False
    case.title, case.situation, case.question = title, situation, question
    case.privacy_confirmed, case.updated_at = confirmed, timezone.now()
    case.save(update_fields=["title", "situation", "question", "privacy_confirmed", "updated_at"])
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
    case.save(
        update_fields=[
            "title",
            "situation",
            "question",
            "redacted_at",
            "redacted_by",
            "redaction_note",
            "updated_at",
        ]
    )
    return True


# --- picking cases ----------------------------------------------------------------------------


def set_case_dots(*, participant: Participant, case: PracticeCase, dots: int) -> bool:
    """Put `dots` dots on a case (0 removes them); at most CASE_DOTS per person in total."""
    if case.traject_id != participant.traject_id:
        raise GameError("practice_case_unknown")
    return place_dots(
        model=CaseDot, participant=participant, item={"case": case}, dots=dots, allowed=CASE_DOTS
    )


def case_dot_totals(traject: Traject) -> dict[int, int]:
    """Dots per case id (cases without dots are absent)."""
    rows = (
        CaseDot.objects.filter(case__traject=traject)
        .values("case_id")
        .annotate(total=Sum("dots"))
        .values_list("case_id", "total")
    )
    return dict(rows)


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
    if cases.filter(pk__in=ids).count() != len(ids):
        raise GameError("practice_case_unknown")
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


def picked_cases(traject: Traject) -> list[PracticeCase]:
    return list(traject.practice_cases.filter(selected=True).order_by("selected_order"))


def case_on_table(traject: Traject) -> PracticeCase | None:
    return traject.practice_cases.filter(on_table=True).first()


# --- judging ----------------------------------------------------------------------------------


def judgeable_requirements(traject: Traject) -> QuerySet[Requirement]:
    """The requirements a case is judged against: all that were not dropped, in order."""
    return traject.requirements.exclude(status=Requirement.Status.DROPPED)


def judge(
    *,
    participant: Participant,
    case: PracticeCase,
    requirement: Requirement,
    verdict: str,
    comment: str = "",
) -> bool:
    """Say whether a requirement helps, gets in the way or leaves something missing in a
    picked case; judging again changes it, an empty verdict takes it back.

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
    if row is None:
        Judgement.objects.create(
            case=case,
            requirement=requirement,
            participant=participant,
            verdict=verdict,
            comment=comment,
        )
        return True
    if (row.verdict, row.comment) == (verdict, comment):
        return False
    row.verdict, row.comment, row.updated_at = verdict, comment, timezone.now()
    row.save(update_fields=["verdict", "comment", "updated_at"])
    return True


def verdict_tally(verdicts: Iterable[str]) -> tuple[dict[str, int], int, str | None]:
    """(counts per verdict, total, dominant verdict) of one cell row of the grid.

    The dominant verdict is the one with strictly more votes than each other verdict; a tie
    at the top means the room is divided and gives None, as does no vote at all. Pure, so the
    rule is pinned by unit tests.
    """
    counter = Counter(verdicts)
    counts = {verdict: counter.get(verdict, 0) for verdict in VERDICTS}
    total = sum(counts.values())
    top = max(counts.values())
    leaders = [verdict for verdict, count in counts.items() if count == top]
    return counts, total, leaders[0] if total and len(leaders) == 1 else None


def judgement_grid(case: PracticeCase) -> list[dict]:
    """Per requirement (not dropped, in order): helpt/knelt/ontbreekt counts, total, the
    dominant verdict and the comments — anonymous: verdict and text, never who wrote it.

    Comments are grouped by verdict (helpt, knelt, ontbreekt) and then in writing order.
    """
    rows = list(
        Judgement.objects.filter(case=case)
        .order_by("created_at", "pk")
        .values_list("requirement_id", "verdict", "comment")
    )
    grid = []
    for requirement in judgeable_requirements(case.traject):
        mine = [(verdict, comment) for rid, verdict, comment in rows if rid == requirement.pk]
        counts, total, dominant = verdict_tally(verdict for verdict, _ in mine)
        comments = sorted(
            ({"verdict": verdict, "text": comment} for verdict, comment in mine if comment),
            key=lambda c: VERDICTS.index(c["verdict"]),
        )
        grid.append(
            {
                "id": requirement.pk,
                "text": requirement.text,
                "counts": counts,
                "total": total,
                "dominant": dominant,
                "comments": comments,
            }
        )
    return grid


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


# --- adjusting the requirements ---------------------------------------------------------------


@transaction.atomic
def add_requirement(
    *, traject: Traject, text: str, reason: str, case: PracticeCase | None = None
) -> Requirement:
    """A requirement the cases showed was missing. It is accepted at once — the facilitator
    adds what the room agreed — and tagged with the reason (and case) for the document."""
    reason = clean_reason(reason)
    if case is not None and case.traject_id != traject.pk:
        raise GameError("practice_case_unknown")
    requirement = stap2.add_requirement(traject=traject, text=text)
    requirement.status = Requirement.Status.ACCEPTED
    requirement.save(update_fields=["status"])
    RequirementAddition.objects.create(requirement=requirement, reason=reason, case=case)
    return requirement


def rephrase_requirement(*, requirement: Requirement, text: str, reason: str) -> bool:
    """Stap 2's rephrasing (it keeps the old text in a RequirementRevision), with the reason
    made obligatory: in Stap 3 every adjustment has to say what the practice showed."""
    return stap2.rephrase_requirement(
        requirement=requirement, text=text, reason=clean_reason(reason)
    )


# --- decision rules ---------------------------------------------------------------------------


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


def rule_of(traject: Traject, rule_id: int) -> DecisionRule:
    rule = traject.decision_rules.filter(pk=rule_id).first()
    if rule is None:
        raise GameError("rule_unknown")
    return rule


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
    *, participant: Participant, rule: DecisionRule, stance: str, comment: str = ""
) -> bool:
    """Agree with a rule or voice a concern; reacting again changes it, an empty stance takes
    it back (also on a dropped rule, so nobody is stuck with a reaction there)."""
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
    if row is None:
        RuleReaction.objects.create(
            rule=rule, participant=participant, stance=stance, comment=comment
        )
        return True
    if (row.stance, row.comment) == (stance, comment):
        return False
    row.stance, row.comment, row.reacted_at = stance, comment, timezone.now()
    row.save(update_fields=["stance", "comment", "reacted_at"])
    return True


def rule_fields(rule: DecisionRule) -> dict[str, str]:
    return {name: getattr(rule, name) for name in RULE_FIELDS}


def rule_summaries(traject: Traject, *, include_dropped: bool) -> list[dict]:
    """Every rule with its reactions counted and the comments (anonymous), in order."""
    rules = traject.decision_rules.all()
    if not include_dropped:
        rules = rules.exclude(status=DecisionRule.Status.DROPPED)
    reactions = list(
        RuleReaction.objects.filter(rule__traject=traject)
        .order_by("reacted_at", "pk")
        .values_list("rule_id", "stance", "comment")
    )
    summaries = []
    for rule in rules:
        mine = [(stance, comment) for rid, stance, comment in reactions if rid == rule.pk]
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


# --- the kader op maat ------------------------------------------------------------------------


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
    results = [r for r in stap2.requirement_results(traject) if r["status"] == "accepted"]
    return [{**r, "rank": position} for position, r in enumerate(results, start=1)]


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
    return FrameworkVersion.objects.create(
        traject=traject, number=1, frozen_at=frozen_at, content=content
    )


def latest_framework(traject: Traject) -> FrameworkVersion | None:
    return traject.framework_versions.order_by("-number").first()
