"""Reads of requirements: the roles that asked for each, the results with their priority and
vertical support, shaped once for the screens and the document, and who sees them when."""

from __future__ import annotations

from collections import defaultdict

from game.core.errors import GameError
from game.core.models import Layer, Reveal, Traject
from game.core.selectors import shows
from game.core.tallies import (
    DotResult,
    MoscowResult,
    dot_ranking,
    dot_tally,
    explain_disagreement,
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


def requirement_results(traject: Traject) -> list[dict]:
    """Every requirement of the traject with its priority and vertical support, ranked.

    Open requirements (candidate, accepted) come first in ranking order (see the tallies);
    dropped ones follow, without a rank. Votes count in the voter's own layer. The grid has
    a cell for every joinable layer top to bottom, also where that layer did not vote (support
    None: silence is not rejection). Plain dicts and lists only, so the same value feeds the
    snapshots and is stored as-is in an adopted ProgrammeVersion.
    """
    layers = list(
        Layer.objects.filter(joinable=True).order_by("order").values_list("key", flat=True)
    )
    requirements = list(traject.requirements.all())
    # Tally keys sort like the requirements' own order, so ties keep the facilitator's order.
    key_of = {req.pk: f"{index:05d}" for index, req in enumerate(requirements)}
    by_key = {key_of[req.pk]: req for req in requirements}
    roles = roles_by_requirement(traject)
    votes = RequirementVote.objects.filter(requirement__traject=traject).values_list(
        "requirement_id", "participant__layer__key", "choice", "dots"
    )
    method = traject.vote_method
    ranked: list[MoscowResult] | list[DotResult]
    if method == "moscow":
        tally = moscow_tally(
            ((key_of[req], layer, choice) for req, layer, choice, _ in votes if choice),
            requirements=by_key,
            layers=layers,
        )
        ranked = moscow_ranking(tally.values())
    else:
        tally = dot_tally(
            ((key_of[req], layer, dots) for req, layer, _, dots in votes if dots),
            items=by_key,
            layers=layers,
        )
        ranked = dot_ranking(tally.values())

    dropped = Requirement.Status.DROPPED
    ordered = [r for r in ranked if by_key[r.key].status != dropped]
    ordered += [r for r in ranked if by_key[r.key].status == dropped]
    results = []
    for position, result in enumerate(ordered, start=1):
        requirement = by_key[result.key]
        flag = explain_disagreement({layer: result.support[layer] for layer in layers})
        figures = (
            _moscow_figures(result, layers)
            if isinstance(result, MoscowResult)
            else _dot_figures(result, layers)
        )
        results.append(
            {
                "id": requirement.pk,
                "rank": position if requirement.status != dropped else None,
                "text": requirement.text,
                "status": requirement.status,
                "roles": roles.get(requirement.pk, []),
                "method": method,
                **figures,
                "disagreement": {
                    "flagged": flag.flagged,
                    "wanting": list(flag.wanting),
                    "rejecting": list(flag.rejecting),
                },
                "discussion_note": requirement.discussion_note,
            }
        )
    return results


def _moscow_figures(result: MoscowResult, layers: list[str]) -> dict:
    return {
        "priority": priority_label(result.score),
        "totals": {"votes": result.total, "counts": result.counts, "score": result.score},
        "grid": [
            {
                "layer": layer,
                "votes": result.by_layer[layer].total,
                "counts": result.by_layer[layer].counts,
                "support": result.by_layer[layer].support,  # must + should share, 0..1
            }
            for layer in layers
        ],
    }


def _dot_figures(result: DotResult, layers: list[str]) -> dict:
    return {
        "priority": None,  # dots rank, they do not label
        "totals": {"dots": result.total, "layers": result.layers_with_dots},
        "grid": [
            {
                "layer": layer,
                "dots": result.by_layer[layer].dots,
                "support": result.by_layer[layer].support,  # relative to the layer's favourite
            }
            for layer in layers
        ],
    }


def results_shown(traject: Traject, audience: str, *, voting: bool) -> bool:
    """While the room votes, the results wait for the facilitator's reveal; once voting is over
    (discussing the results, adopting) they are what the room talks about."""
    return not voting or shows(traject, Reveal.What.VOTES, audience)
