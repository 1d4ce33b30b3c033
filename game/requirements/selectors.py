"""Reads of requirements: the roles that asked for each, the results with their priority and
vertical support, shaped once for the screens and the document, and who sees them when."""

from __future__ import annotations

from collections import Counter, defaultdict

from django.db.models import Q

from game.core.anonymity import Column, columns_of_voters
from game.core.errors import GameError
from game.core.models import Layer, Reveal, Traject
from game.core.selectors import joinable_layer_keys, shows
from game.core.support import GroupSupport, Sides, vertical_support
from game.core.tallies import (
    DotResult,
    MoscowResult,
    dot_ranking,
    dot_tally,
    moscow_ranking,
    moscow_tally,
)
from game.requirements.models import PRIORITY_THRESHOLDS, Requirement, RequirementVote


def priority_label(score: float | None) -> str | None:
    """The MoSCoW label a mean score stands for (see PRIORITY_THRESHOLDS); None without votes."""
    if score is None:
        return None
    for threshold, label in PRIORITY_THRESHOLDS:
        if score >= threshold:
            return label
    return "wont"


def requirement_of(traject: Traject, requirement_id: int) -> Requirement:
    requirement = traject.requirements.filter(pk=requirement_id).first()
    if requirement is None:
        raise GameError("requirement_unknown")
    return requirement


def requirement_roles(requirement: Requirement) -> list[str]:
    """The distinct roles whose wishes this requirement came from, top to bottom (traceability)."""
    return list(
        Layer.objects.filter(wishes__requirement=requirement)
        .order_by("order")
        .values_list("key", flat=True)
        .distinct()
    )


def roles_by_requirement(traject: Traject) -> dict[int, list[str]]:
    """`requirement_roles` for every requirement of a traject in one query."""
    rows = (
        traject.wishes.filter(requirement__isnull=False)
        .order_by("requirement_id", "role__order")
        .values_list("requirement_id", "role__key")
    )
    roles: dict[int, list[str]] = defaultdict(list)
    for requirement_id, key in rows:
        if key not in roles[requirement_id]:
            roles[requirement_id].append(key)
    return roles


def requirement_results(traject: Traject) -> dict:
    """Every requirement of the traject with its priority and vertical support, ranked, and the
    columns its grid is shown in.

    Open requirements (candidate, accepted) come first in ranking order (see the tallies);
    dropped ones follow, without a rank. Votes count in the voter's own layer. The columns are
    the joinable layers top to bottom, merged where a layer has fewer voters than the
    traject's `min_group_size` (game.core.anonymity); every row has a cell per column, also
    where nobody in it voted (no support: silence is not rejection). Each row carries the
    vertical-support statistic over those columns (game.core.support). Plain dicts and lists
    only, so the same value feeds the snapshots and is stored as-is in an adopted
    ProgrammeVersion.
    """
    layers = joinable_layer_keys()
    requirements = list(traject.requirements.all())
    # Tally keys sort like the requirements' own order, so ties keep the facilitator's order.
    key_of = {req.pk: f"{index:05d}" for index, req in enumerate(requirements)}
    by_key = {key_of[req.pk]: req for req in requirements}
    roles = roles_by_requirement(traject)
    votes = list(
        RequirementVote.objects.filter(requirement__traject=traject)
        .filter(Q(choice__gt="") | Q(dots__gt=0))
        .values_list(
            "requirement_id", "participant_id", "participant__layer__key", "choice", "dots"
        )
    )
    shown, column_of = columns_of_voters(
        ((layer, participant) for _, participant, layer, _, _ in votes),
        layers=layers,
        min_group_size=traject.min_group_size,
    )
    method = traject.vote_method
    ranked: list[MoscowResult] | list[DotResult]
    if method == "moscow":
        tally = moscow_tally(
            (
                (key_of[req], column_of[layer], choice)
                for req, _, layer, choice, _ in votes
                if choice
            ),
            requirements=by_key,
            layers=column_of.values(),
        )
        ranked = moscow_ranking(tally.values())
    else:
        tally = dot_tally(
            ((key_of[req], column_of[layer], dots) for req, _, layer, _, dots in votes if dots),
            items=by_key,
            layers=column_of.values(),
        )
        ranked = dot_ranking(tally.values())
        backers = Counter(
            (key_of[req], column_of[layer]) for req, _, layer, _, dots in votes if dots
        )

    dropped = Requirement.Status.DROPPED
    ordered = [r for r in ranked if by_key[r.key].status != dropped]
    ordered += [r for r in ranked if by_key[r.key].status == dropped]
    items = []
    for position, result in enumerate(ordered, start=1):
        requirement = by_key[result.key]
        if isinstance(result, MoscowResult):
            sides = {c.key: Sides.of_moscow(result.by_layer[c.key].counts) for c in shown}
            figures = _moscow_figures(result)
        else:
            voted = {c.key: c.voters for c in shown}
            sides = {
                key: Sides(agree=backers[(result.key, key)], neutral=n - backers[(result.key, key)])
                for key, n in voted.items()
            }
            figures = _dot_figures(result)
        support = vertical_support(sides)
        items.append(
            {
                "id": requirement.pk,
                "rank": position if requirement.status != dropped else None,
                "text": requirement.text,
                "status": requirement.status,
                "roles": roles.get(requirement.pk, []),
                "method": method,
                **figures,
                "draagvlak": support.draagvlak,
                "grid": [
                    {**cell, **_support_cell(support.groups[cell["column"]])}
                    for cell in _cells(result, shown)
                ],
                "flagged": support.flagged,
                "discussion_note": requirement.discussion_note,
            }
        )
    return {
        "columns": [column.as_dict() for column in shown],
        "items": items,
    }


def _cells(result: MoscowResult | DotResult, shown: list[Column]) -> list[dict]:
    if isinstance(result, MoscowResult):
        return [
            {
                "column": c.key,
                "votes": result.by_layer[c.key].total,
                "counts": result.by_layer[c.key].counts,
            }
            for c in shown
        ]
    return [{"column": c.key, "dots": result.by_layer[c.key].dots} for c in shown]


def _support_cell(group: GroupSupport) -> dict:
    return {
        "support": group.p,  # (agree + 1) / (votes + 2), 0..1; None when nobody here voted
        "enough": group.enough,
        "apart": group.apart,
        "veto": group.veto,
    }


def _moscow_figures(result: MoscowResult) -> dict:
    return {
        "priority": priority_label(result.score),
        "totals": {"votes": result.total, "counts": result.counts, "score": result.score},
    }


def _dot_figures(result: DotResult) -> dict:
    return {
        "priority": None,  # dots rank, they do not label
        "totals": {"dots": result.total, "layers": result.layers_with_dots},
    }


def results_shown(traject: Traject, audience: str, *, voting: bool) -> bool:
    """While the room votes, the results wait for the facilitator's reveal; once voting is over
    (discussing the results, adopting) they are what the room talks about."""
    return not voting or shows(traject, Reveal.What.VOTES, audience)
