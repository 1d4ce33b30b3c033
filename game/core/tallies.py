"""Counting votes: MoSCoW, dots and stellingen, in total and per layer.

Pure functions over plain tuples, so the same numbers feed the projector, the phones and the
outcome document, and every rule below is pinned by fast unit tests. Each tally keeps the
per-layer breakdown because the point of voting "verticaal" is not only *what* the room wants
but *which layers* want it: the requirements × layers grid (its statistic: game.core.support).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

MOSCOW_CHOICES: tuple[str, ...] = ("must", "should", "could", "wont")


# The score is the mean of these weights over all votes on a requirement: 3.0 means everyone
# said must, 0.0 everyone said won't. A mean (not a sum) so that requirements with fewer votes
# (a latecomer, an abstention) are compared fairly; `total` shows how many votes it rests on.
MOSCOW_WEIGHTS: dict[str, int] = {"must": 3, "should": 2, "could": 1, "wont": 0}


STATEMENT_ANSWERS: tuple[str, ...] = ("eens", "oneens", "weet-niet")


@dataclass(frozen=True)
class MoscowLayer:
    """How one layer voted on one requirement."""

    counts: dict[str, int]  # every choice present, also when 0
    total: int


@dataclass(frozen=True)
class MoscowResult:
    """The tally of one requirement: overall counts, score, and the per-layer breakdown."""

    key: str
    counts: dict[str, int]
    total: int
    score: float | None  # mean of MOSCOW_WEIGHTS, 0..3; None without votes
    by_layer: dict[str, MoscowLayer]


def moscow_tally(
    votes: Iterable[tuple[str, str, str]],
    *,
    requirements: Iterable[str] = (),
    layers: Iterable[str] = (),
) -> dict[str, MoscowResult]:
    """Tally (requirement_key, voter_layer_key, choice) votes, one result per requirement.

    `requirements` and `layers` list keys that must appear even without votes (so the grid
    shows an empty row or column instead of silently dropping it); their order is kept, and
    keys only seen in votes follow in sorted order. A requirement without votes has score None;
    a layer that did not vote on a requirement has a total of 0 there. Raises ValueError for a
    choice outside MOSCOW_CHOICES — stored votes are validated on the way in, so a bad one here
    is a bug, not user input.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    per_layer: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    requirement_keys = list(dict.fromkeys(requirements))
    layer_keys = list(dict.fromkeys(layers))
    for requirement, layer, choice in votes:
        if choice not in MOSCOW_WEIGHTS:
            raise ValueError(f"unknown MoSCoW choice {choice!r}")
        counts[requirement][choice] += 1
        per_layer[(requirement, layer)][choice] += 1
    requirement_keys += sorted(set(counts) - set(requirement_keys))
    layer_keys += sorted({layer for _, layer in per_layer} - set(layer_keys))

    results = {}
    for requirement in requirement_keys:
        by_layer = {}
        for layer in layer_keys:
            layer_counts = per_layer.get((requirement, layer), Counter())
            layer_total = layer_counts.total()
            by_layer[layer] = MoscowLayer(
                counts=_all_choices(layer_counts, MOSCOW_CHOICES),
                total=layer_total,
            )
        overall = counts.get(requirement, Counter())
        total = overall.total()
        results[requirement] = MoscowResult(
            key=requirement,
            counts=_all_choices(overall, MOSCOW_CHOICES),
            total=total,
            score=(
                sum(MOSCOW_WEIGHTS[choice] * n for choice, n in overall.items()) / total
                if total
                else None
            ),
            by_layer=by_layer,
        )
    return results


def moscow_ranking(results: Iterable[MoscowResult]) -> list[MoscowResult]:
    """Highest score first; ties go to more musts, then the key (stable for the document).

    Requirements without votes come last. Equal scores are exactly equal: a score is an
    integer sum divided by an integer count, and the division is correctly rounded.
    """
    return sorted(
        results,
        key=lambda r: (r.score is None, -(r.score or 0.0), -r.counts["must"], r.key),
    )


@dataclass(frozen=True)
class DotLayer:
    """How one layer spent its dots on one item."""

    dots: int
    share: float | None  # of all dots this layer spent, the part on this item; None: no dots


@dataclass(frozen=True)
class DotResult:
    key: str
    total: int
    by_layer: dict[str, DotLayer]

    @property
    def layers_with_dots(self) -> int:
        return sum(1 for tally in self.by_layer.values() if tally.dots)


def dot_tally(
    votes: Iterable[tuple[str, str, int]],
    *,
    items: Iterable[str] = (),
    layers: Iterable[str] = (),
) -> dict[str, DotResult]:
    """Tally (item_key, voter_layer_key, dots) votes, one result per item.

    Per layer and item: the dots, the `share` of the layer's dots spent on the item (the
    layer's priorities, comparable across layers of different size). A layer that spent no
    dots at all has share None.
    `items`/`layers` behave as in `moscow_tally`. Raises ValueError for negative dots.
    """
    per_item_layer: Counter[tuple[str, str]] = Counter()
    item_keys = list(dict.fromkeys(items))
    layer_keys = list(dict.fromkeys(layers))
    seen_items: set[str] = set()
    seen_layers: set[str] = set()
    for item, layer, dots in votes:
        if dots < 0:
            raise ValueError("dots cannot be negative")
        per_item_layer[(item, layer)] += dots
        seen_items.add(item)
        seen_layers.add(layer)
    item_keys += sorted(seen_items - set(item_keys))
    layer_keys += sorted(seen_layers - set(layer_keys))

    spent: Counter[str] = Counter()
    for (_, layer), dots in per_item_layer.items():
        spent[layer] += dots

    results = {}
    for item in item_keys:
        by_layer = {}
        for layer in layer_keys:
            dots = per_item_layer.get((item, layer), 0)
            by_layer[layer] = DotLayer(
                dots=dots,
                share=dots / spent[layer] if spent[layer] else None,
            )
        results[item] = DotResult(
            key=item, total=sum(tally.dots for tally in by_layer.values()), by_layer=by_layer
        )
    return results


def dot_ranking(results: Iterable[DotResult]) -> list[DotResult]:
    """Most dots first; ties go to the item more layers gave dots to (broader vertical
    support), then the key."""
    return sorted(results, key=lambda r: (-r.total, -r.layers_with_dots, r.key))


@dataclass(frozen=True)
class StatementCounts:
    counts: dict[str, int]  # every answer present, also when 0
    total: int
    percentages: dict[str, int]  # whole percentages summing to 100; all 0 when total is 0


@dataclass(frozen=True)
class StatementResult:
    overall: StatementCounts
    by_layer: dict[str, StatementCounts]


def statement_tally(
    answers: Iterable[tuple[str, str]], *, layers: Iterable[str] = ()
) -> StatementResult:
    """Tally (layer_key, answer) pairs of one stelling, overall and per layer.

    Percentages are whole numbers that add up to exactly 100 (see `largest_remainder`), so the
    projector never shows 33 + 33 + 33. `layers` keeps layers without answers in the result
    (in that order; others follow sorted). One pass, no per-answer objects: fine for the
    thousands of phones of plenary mode. Raises ValueError for an unknown answer.
    """
    overall: Counter[str] = Counter()
    per_layer: dict[str, Counter[str]] = defaultdict(Counter)
    for layer, answer in answers:
        if answer not in STATEMENT_ANSWERS:
            raise ValueError(f"unknown answer {answer!r}")
        overall[answer] += 1
        per_layer[layer][answer] += 1
    layer_keys = list(dict.fromkeys(layers))
    layer_keys += sorted(set(per_layer) - set(layer_keys))
    return StatementResult(
        overall=_statement_counts(overall),
        by_layer={
            layer: _statement_counts(per_layer.get(layer, Counter())) for layer in layer_keys
        },
    )


def largest_remainder(counts: Mapping[str, int]) -> dict[str, int]:
    """Whole percentages that sum to 100 (Hamilton's largest-remainder method).

    Everyone gets the floor of their exact percentage; the points still missing go to the
    largest remainders. Ties go to the larger count, then to the earlier key in `counts`
    (STATEMENT_ANSWERS order: eens before oneens). Integer arithmetic only, so 1/3 each gives
    34/33/33 on every machine. All zeros when nobody answered.
    """
    total = sum(counts.values())
    if total == 0:
        return dict.fromkeys(counts, 0)
    floors = {key: count * 100 // total for key, count in counts.items()}
    remainders = {key: count * 100 % total for key, count in counts.items()}
    missing = 100 - sum(floors.values())
    position = {key: index for index, key in enumerate(counts)}
    for key in sorted(counts, key=lambda k: (-remainders[k], -counts[k], position[k]))[:missing]:
        floors[key] += 1
    return floors


def _statement_counts(counter: Counter[str]) -> StatementCounts:
    counts = _all_choices(counter, STATEMENT_ANSWERS)
    return StatementCounts(
        counts=counts, total=sum(counts.values()), percentages=largest_remainder(counts)
    )


def _all_choices(counter: Mapping[str, int], choices: tuple[str, ...]) -> dict[str, int]:
    return {choice: counter.get(choice, 0) for choice in choices}
