"""Reads of practice: own and picked cases, dot totals and who sees them, and the judgement grid
per case."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db.models import QuerySet, Sum

from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.core.selectors import sees_results
from game.practice.gate import in_quarantine
from game.practice.models import VERDICTS, CaseDot, Judgement, PracticeCase
from game.requirements.models import Requirement


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


def case_dot_totals(traject: Traject) -> dict[int, int]:
    """Dots per case id (cases without dots are absent)."""
    rows = (
        CaseDot.objects.filter(case__traject=traject)
        .values("case_id")
        .annotate(total=Sum("dots"))
        .values_list("case_id", "total")
    )
    return dict(rows)


def case_dots_shown(audience: str, *, picked_any: bool) -> bool:
    """The facilitator's pick reveals the dot totals: until then the room dots without seeing
    where the others put theirs."""
    return sees_results(audience, revealed=picked_any)


def picked_cases(traject: Traject) -> list[PracticeCase]:
    return list(traject.practice_cases.filter(selected=True).order_by("selected_order"))


def case_on_table(traject: Traject) -> PracticeCase | None:
    return traject.practice_cases.filter(on_table=True).first()


def judgeable_requirements(traject: Traject) -> QuerySet[Requirement]:
    """The requirements a case is judged against: all that were not dropped, in order."""
    return traject.requirements.exclude(status=Requirement.Status.DROPPED)


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


def judgement_grid(case: PracticeCase, *, with_dropped: bool = False) -> list[dict]:
    """Per requirement (not dropped, in order): helpt/knelt/ontbreekt counts, total, the
    dominant verdict and the comments — anonymous: verdict and text, never who wrote it. A
    comment in quarantine (game.practice.gate) is left out; its verdict still counts.

    `with_dropped` also keeps the requirements dropped since that were judged, marked
    "dropped", so the record of Stap 3 does not lose the verdicts a later decision made moot.
    Comments are grouped by verdict (helpt, knelt, ontbreekt) and then in writing order.
    """
    rows = [
        (requirement, verdict, "" if in_quarantine(findings) else comment)
        for requirement, verdict, comment, findings in Judgement.objects.filter(case=case)
        .order_by("created_at", "pk")
        .values_list("requirement_id", "verdict", "comment", "privacy_findings")
    ]
    judged = {rid for rid, _, _ in rows}
    requirements = (
        case.traject.requirements.all() if with_dropped else judgeable_requirements(case.traject)
    )
    grid = []
    for requirement in requirements:
        dropped = requirement.status == Requirement.Status.DROPPED
        if dropped and requirement.pk not in judged:
            continue
        mine = [(verdict, comment) for rid, verdict, comment in rows if rid == requirement.pk]
        counts, total, dominant = verdict_tally(verdict for verdict, _ in mine)
        comments = sorted(
            ({"verdict": verdict, "text": comment} for verdict, comment in mine if comment),
            key=lambda c: VERDICTS.index(c["verdict"]),
        )
        row = {
            "id": requirement.pk,
            "text": requirement.text,
            "counts": counts,
            "total": total,
            "dominant": dominant,
            "comments": comments,
        }
        grid.append({**row, "dropped": True} if dropped else row)
    return grid
