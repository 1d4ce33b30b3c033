"""Loads the library content (layers, role cards, programmes, cases) from the JSON files in
`game/content/` into the database.

Loading is idempotent and keyed by `key`: running it again updates texts in place and never
duplicates, so `make run` can call it on every start.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.db import transaction
from django.db.models import F

from game.core.models import Layer, Phase, Programme, Step
from game.notes.models import Prompt
from game.roleplay.models import Case, Development
from game.statements.models import Statement

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def read(name: str) -> list[dict]:
    return json.loads((CONTENT_DIR / name).read_text(encoding="utf-8"))


@transaction.atomic
def load_layers() -> None:
    for item in read("layers.json"):
        fields = dict(item)
        Layer.objects.update_or_create(key=fields.pop("key"), defaults=fields)


@transaction.atomic
def load_role_cards() -> None:
    for item in read("role_cards.json"):
        fields = dict(item)
        Layer.objects.filter(key=fields.pop("key")).update(**fields)


@transaction.atomic
def load_prompts() -> None:
    for order, item in enumerate(read("prompts.json"), start=1):
        fields = dict(item)
        Prompt.objects.update_or_create(key=fields.pop("key"), defaults={**fields, "order": order})


@transaction.atomic
def load_library_statements() -> None:
    """Library stellingen have no traject; only the first load adds them, so edits made in the
    admin afterwards are kept."""
    if Statement.objects.filter(traject__isnull=True).exists():
        return
    Statement.objects.bulk_create(
        Statement(text=item["text_nl"], text_en=item["text_en"], order=order)
        for order, item in enumerate(read("statements.json"), start=1)
    )


@transaction.atomic
def load_programmes() -> None:
    for item in read("programmes.json"):
        steps = item.pop("steps")
        programme, _ = Programme.objects.update_or_create(key=item.pop("key"), defaults=item)
        # Park existing orders out of the way so a reordered file cannot trip the unique orders.
        for step in programme.steps.all():
            step.order += 1000
            step.save(update_fields=["order"])
            step.phases.update(order=F("order") + 1000)
        for step_order, step_item in enumerate(steps, start=1):
            phases = step_item.pop("phases")
            step, _ = Step.objects.update_or_create(
                programme=programme,
                key=step_item.pop("key"),
                defaults={**step_item, "order": step_order},
            )
            for phase_order, phase_item in enumerate(phases, start=1):
                Phase.objects.update_or_create(
                    step=step,
                    key=phase_item.pop("key"),
                    defaults={**phase_item, "order": phase_order},
                )


@transaction.atomic
def load_cases() -> None:
    """Cases keyed by `key`, their developments by position in the file; a development removed
    from the file is removed from the library (developments_revealed counts what remains)."""
    for order, item in enumerate(read("cases.json"), start=1):
        fields = dict(item)
        developments = fields.pop("developments", [])
        case, _ = Case.objects.update_or_create(
            key=fields.pop("key"), defaults={**fields, "order": order}
        )
        for position, development in enumerate(developments, start=1):
            Development.objects.update_or_create(case=case, order=position, defaults=development)
        case.developments.filter(order__gt=len(developments)).delete()


def load_all() -> None:
    load_layers()
    load_role_cards()
    load_prompts()
    load_library_statements()
    load_programmes()
    load_cases()
