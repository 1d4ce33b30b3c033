"""Small-group anonymity: which columns a per-layer result may have.

One councillor in the room is one vote: a "Raadslid" column would make it public. So every
per-layer breakdown (the vertical-support grid, stellingen, dots) is shown in columns that
each rest on at least K voters (the traject's `min_group_size`, 3 by default):

1. A layer with at least K voters (or none at all: there is nothing to hide) keeps its own
   column.
2. When a layer has fewer than K voters, its whole group (game/content/layer_groups.json:
   raad + college, directie + management + beleid, teamleiding + professionals) becomes one
   column: the whole group, so that no member's votes can be recovered by subtracting the
   others.
3. A column that still rests on fewer than K voters merges with its smaller neighbour, until
   every column has K voters or one column is left; a single column of fewer than K voters
   says "too few votes to show separately".

Voters, not votes, decide: the columns are chosen once per breakdown, so every row of a grid
has the same columns.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import get_language
from django.utils.translation import gettext as _

DEFAULT_MIN_GROUP_SIZE = 3

GROUPS_FILE = Path(__file__).resolve().parent.parent / "content" / "layer_groups.json"


@dataclass(frozen=True)
class Column:
    key: str  # the layer's key, or the keys of the merged layers joined by "+"
    layers: tuple[str, ...]  # top to bottom
    voters: int
    too_few: bool = False  # the one column left rests on fewer than K voters

    @property
    def merged(self) -> bool:
        return len(self.layers) > 1

    def as_dict(self) -> dict:
        """As stored and sent: plain JSON values."""
        return {
            "key": self.key,
            "layers": list(self.layers),
            "voters": self.voters,
            "too_few": self.too_few,
        }


@cache
def layer_groups() -> tuple[dict, ...]:
    """The groups layers merge into, as data; each with its layers and labels per language."""
    return tuple(json.loads(GROUPS_FILE.read_text(encoding="utf-8")))


def columns_of_voters(
    voted: Iterable[tuple[str, int]], *, layers: Sequence[str], min_group_size: int
) -> tuple[list[Column], dict[str, str]]:
    """`columns` from (layer key, voter id) pairs (a voter may appear many times), and the
    column key of every layer."""
    voters: dict[str, set[int]] = defaultdict(set)
    for layer, voter in voted:
        voters[layer].add(voter)
    shown = columns(
        {layer: len(ids) for layer, ids in voters.items()},
        layers=layers,
        min_group_size=min_group_size,
    )
    return shown, {layer: column.key for column in shown for layer in column.layers}


def columns(
    voters: Mapping[str, int],
    *,
    layers: Sequence[str],
    min_group_size: int = DEFAULT_MIN_GROUP_SIZE,
) -> list[Column]:
    """The columns for a breakdown over `layers` (top to bottom) with `voters` per layer."""
    small = {layer for layer in layers if 0 < voters.get(layer, 0) < min_group_size}
    group_of = {layer: g["key"] for g in layer_groups() for layer in g["layers"]}
    units: list[list[str]] = []
    for layer in layers:
        group = group_of.get(layer)
        merge_group = group is not None and any(group_of.get(m) == group for m in small)
        if merge_group and units and group_of.get(units[-1][-1]) == group:
            units[-1].append(layer)
        else:
            units.append([layer])

    def count(unit: list[str]) -> int:
        return sum(voters.get(layer, 0) for layer in unit)

    while len(units) > 1:
        below = [i for i, unit in enumerate(units) if 0 < count(unit) < min_group_size]
        if not below:
            break
        i = min(below, key=lambda j: (count(units[j]), j))
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(units)]
        j = min(neighbours, key=lambda n: (count(units[n]), n))
        first = min(i, j)
        units[first : first + 2] = [units[first] + units[first + 1]]
        _keep_groups_whole(units, group_of)

    together = len(units) == 1 and len(layers) > 1
    return [
        Column(
            key="+".join(unit),
            layers=tuple(unit),
            voters=count(unit),
            too_few=together and 0 < count(unit) < min_group_size,
        )
        for unit in units
    ]


def _keep_groups_whole(units: list[list[str]], group_of: Mapping[str, str]) -> None:
    """Merge neighbouring units in place while a group is split across them."""
    i = 0
    while i < len(units) - 1:
        group = group_of.get(units[i][-1])
        if group is not None and group == group_of.get(units[i + 1][0]):
            units[i : i + 2] = [units[i] + units[i + 1]]
        else:
            i += 1


def column_label(layers: Sequence[str], *, labels: Mapping[str, str], lang: str) -> str:
    """A layer's own label; for merged layers the labels of the whole groups in it ("Bestuur
    (raad + college)") and of any other layer, top to bottom; "All layers together" when the
    column holds every layer in `labels` (the joinable ones)."""
    if len(layers) > 1 and set(labels) <= set(layers):
        return _("All layers together")
    names: list[str] = []
    unit = list(layers)
    for layer in unit:
        group = next((g for g in layer_groups() if layer in g["layers"]), None)
        if group is not None and set(group["layers"]) <= set(unit):
            name = group.get(f"label_{lang}") or group["label_nl"]
        else:
            name = labels.get(layer, layer)
        if name not in names:
            names.append(name)
    return " + ".join(names)


def with_labels(found: Sequence[Mapping], *, labels: Mapping[str, str], lang: str) -> list[dict]:
    """Columns as stored (key, layers, voters, too_few) with their label in `lang`; `labels`
    holds the joinable layers' labels."""
    return [{**c, "label": column_label(c["layers"], labels=labels, lang=lang)} for c in found]


def rule_text(min_group_size: int) -> str:
    """The rule in plain words, for the help under a breakdown and for the document."""
    lang = (get_language() or "nl")[:2]
    groups = "; ".join(group.get(f"label_{lang}") or group["label_nl"] for group in layer_groups())
    return _(
        "To keep votes anonymous, a layer with fewer than %(k)s voters is shown together with "
        "its group (%(groups)s), and groups that are still too small together with their "
        "neighbour."
    ) % {"k": min_group_size, "groups": groups}
