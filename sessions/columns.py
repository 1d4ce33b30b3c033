"""The columns of a per-layer breakdown as the pages get them: game.core.anonymity's columns
with their label in the page's language."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from typing_extensions import TypedDict

from game.core.anonymity import Column, with_labels
from game.core.models import Layer


class ResultColumn(TypedDict):
    key: str
    label: str  # a layer, a group ("Bestuur (raad + college)") or all layers together
    layers: list[str]
    voters: int
    too_few: bool  # the only column, on fewer voters than the traject's smallest group


def labelled_columns(found: Sequence[Column | Mapping], lang: str) -> list[ResultColumn]:
    labels = {layer.key: layer.text("label", lang) for layer in Layer.objects.filter(joinable=True)}
    plain = [c.as_dict() if isinstance(c, Column) else c for c in found]
    return with_labels(plain, labels=labels, lang=lang)
