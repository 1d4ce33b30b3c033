"""Starting a traject: it gets its own editable copy of the library's stellingen."""

from __future__ import annotations

from django.db import transaction

from game.models import Traject
from game.stap1 import seed_statements


@transaction.atomic
def create_traject(*, facilitator, **fields) -> Traject:
    traject = Traject.objects.create(facilitator=facilitator, **fields)
    seed_statements(traject)
    return traject


def release_document(*, traject: Traject, released: bool) -> bool:
    """Let participants download the outcome document on their phone (or stop that)."""
    if traject.document_released == released:
        return False
    traject.document_released = released
    traject.save(update_fields=["document_released"])
    return True
