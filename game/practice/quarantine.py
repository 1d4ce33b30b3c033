"""The texts in quarantine (game.practice.gate) across Stap 3 and day 2, for the facilitator to
read and clear: own cases, judgement comments, reactions to beslisregels, check-ins, reviews.

One registry of what kind of row holds which text fields, so the console lists them all in one
place and one command clears a finding of any of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from game.core.errors import GameError
from game.core.models import Traject
from game.followup.models import CheckIn, Review
from game.framework.models import RuleReaction
from game.practice import gate
from game.practice.models import GatedText, Judgement, PracticeCase


@dataclass(frozen=True)
class Kind:
    model: type[GatedText]
    traject_path: str  # the lookup from a row to its traject
    fields: tuple[str, ...]  # the text fields its findings point into

    def rows(self, traject: Traject) -> QuerySet:
        return self.model.objects.filter(**{self.traject_path: traject})


KINDS: dict[str, Kind] = {
    "case": Kind(PracticeCase, "traject", ("title", "situation", "question")),
    "judgement": Kind(Judgement, "case__traject", ("comment",)),
    "reaction": Kind(RuleReaction, "rule__traject", ("comment",)),
    "checkin": Kind(CheckIn, "traject", ("text",)),
    "review": Kind(Review, "version__traject", ("how_it_went", "improve")),
}


def quarantined_texts(traject: Traject) -> list[dict]:
    """Every text of the traject still in quarantine, oldest kind first: what it says and what
    was found (with what the author said it is)."""
    found = []
    for name, kind in KINDS.items():
        for row in kind.rows(traject).exclude(privacy_findings=[]).order_by("pk"):
            if row.quarantined:
                found.append(
                    {
                        "kind": name,
                        "id": row.pk,
                        "texts": {field: getattr(row, field) for field in kind.fields},
                        "findings": row.privacy_findings,
                    }
                )
    return found


def clear_finding(
    *, traject: Traject, kind: str, row_id: int, index: int, cleared_by_id: int | None
) -> bool:
    """The facilitator read finding `index` of a text and lets it through; who and when are
    recorded with it. The last one cleared ends the quarantine."""
    if kind not in KINDS:
        raise GameError("finding_unknown")
    row = KINDS[kind].rows(traject).filter(pk=row_id).first()
    if row is None:
        raise GameError("finding_unknown")
    if not gate.clear(row.privacy_findings, index, cleared_by_id=cleared_by_id):
        return False
    row.save(update_fields=["privacy_findings"])
    return True
