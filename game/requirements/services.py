"""Requirements (Stap 2): merging wishes into candidates, rephrasing, voting as oneself in one's
own layer, deciding and adopting the gedeeld programma van eisen. Each raises GameError with a
code the live layer localises."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from game.core.bursts import Burst, only
from game.core.dots import place_dots
from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.core.tallies import (
    MOSCOW_CHOICES,
)
from game.core.text import clean_text
from game.requirements.models import (
    ProgrammeVersion,
    Requirement,
    RequirementRevision,
    RequirementVote,
)
from game.requirements.selectors import requirement_results
from game.roleplay.selectors import wish_of

REQUIREMENT_MAX = 300


REASON_MAX = 300


DISCUSSION_NOTE_MAX = 2000


VOTE_METHODS = ("moscow", "dots")


DECISIONS = {
    "accept": Requirement.Status.ACCEPTED,
    "drop": Requirement.Status.DROPPED,
    "candidate": Requirement.Status.CANDIDATE,
}


def clean_requirement(text: str) -> str:
    return clean_text(
        text, limit=REQUIREMENT_MAX, empty="requirement_empty", too_long="requirement_too_long"
    )


def next_order(traject: Traject) -> int:
    return (traject.requirements.aggregate(last=Max("order"))["last"] or 0) + 1


def discard_emptied(requirement_ids: Iterable[int]) -> None:
    """Delete candidates that lost their last wish and hold no votes: nothing is left of them.

    Accepted or dropped requirements, and candidates people already voted on, stay.
    """
    Requirement.objects.filter(
        pk__in=set(requirement_ids),
        status=Requirement.Status.CANDIDATE,
        sources__isnull=True,
        votes__isnull=True,
    ).delete()


@transaction.atomic
def merge_wishes(*, traject: Traject, wish_ids: Iterable[int], text: str) -> Requirement:
    """A new candidate requirement whose sources are these wishes (so it knows its roles).

    A wish already in another candidate moves over; a candidate left without wishes and votes
    disappears, so merging again is how the facilitator regroups.
    """
    ids = list(dict.fromkeys(wish_ids))
    if not ids:
        raise GameError("wishes_none")
    text = clean_requirement(text)
    wishes = list(traject.wishes.filter(pk__in=ids))
    if len(wishes) != len(ids):
        raise GameError("wish_unknown")
    previous = {wish.requirement_id for wish in wishes if wish.requirement_id}
    requirement = Requirement.objects.create(traject=traject, text=text, order=next_order(traject))
    traject.wishes.filter(pk__in=ids).update(requirement=requirement)
    discard_emptied(previous)
    return requirement


def add_requirement(*, traject: Traject, text: str) -> Requirement:
    """A candidate the facilitator adds without a wish behind it (it has no roles)."""
    return Requirement.objects.create(
        traject=traject, text=clean_requirement(text), order=next_order(traject)
    )


@transaction.atomic
def unmerge_wish(*, traject: Traject, wish_id: int) -> bool:
    """Return a wish to the unmerged pile; its candidate goes when nothing is left of it."""
    wish = wish_of(traject, wish_id)
    if wish.requirement_id is None:
        return False
    previous = wish.requirement_id
    wish.requirement = None
    wish.save(update_fields=["requirement"])
    discard_emptied([previous])
    return True


@transaction.atomic
def rephrase_requirement(*, requirement: Requirement, text: str, reason: str = "") -> bool:
    """Change the wording and keep the old one with the reason, for the document's history."""
    text = clean_requirement(text)
    reason = " ".join(str(reason or "").split())
    if len(reason) > REASON_MAX:
        raise GameError("reason_too_long", max=REASON_MAX)
    if text == requirement.text:
        return False
    RequirementRevision.objects.create(
        requirement=requirement, text_before=requirement.text, text_after=text, reason=reason
    )
    requirement.text, requirement.updated_at = text, timezone.now()
    requirement.save(update_fields=["text", "updated_at"])
    return True


@transaction.atomic
def decide_requirement(
    *, requirement: Requirement, decision: str, text: str = "", reason: str = ""
) -> bool:
    """Accept, drop or reopen a requirement, optionally rephrasing it in the same move."""
    status = DECISIONS.get(decision)
    if status is None:
        raise GameError("decision_unknown")
    changed = False
    if text and text.strip():
        changed = rephrase_requirement(requirement=requirement, text=text, reason=reason)
    if requirement.status != status:
        requirement.status, requirement.updated_at = status, timezone.now()
        requirement.save(update_fields=["status", "updated_at"])
        changed = True
    return changed


def set_discussion_note(*, requirement: Requirement, note: str) -> bool:
    """What the room said about a (usually flagged) requirement; empty clears it."""
    note = str(note or "").strip()
    if len(note) > DISCUSSION_NOTE_MAX:
        raise GameError("discussion_note_too_long", max=DISCUSSION_NOTE_MAX)
    if note == requirement.discussion_note:
        return False
    requirement.discussion_note, requirement.updated_at = note, timezone.now()
    requirement.save(update_fields=["discussion_note", "updated_at"])
    return True


def set_vote_method(*, traject: Traject, method: str) -> bool:
    """MoSCoW or dots; fixed once the first vote is cast, so no vote is silently reinterpreted."""
    if method not in VOTE_METHODS:
        raise GameError("vote_method_unknown")
    if traject.vote_method == method:
        return False
    if RequirementVote.objects.filter(requirement__traject=traject).exists():
        raise GameError("votes_exist")
    traject.vote_method = method
    traject.save(update_fields=["vote_method"])
    return True


def check_votable(
    participant: Participant, requirement: Requirement, *, method: str, adding: bool
) -> None:
    refusal = votable_refusal(participant.traject, requirement, method=method, adding=adding)
    if refusal:
        raise GameError(refusal)


def votable_refusal(
    traject: Traject, requirement: Requirement | None, *, method: str, adding: bool
) -> str | None:
    """A vote must match the traject's method and the requirement must still be open. Taking a
    vote back is allowed on a dropped requirement, so its dots are not stuck there."""
    if requirement is None or requirement.traject_id != traject.pk:
        return "requirement_unknown"
    if traject.vote_method != method:
        return "wrong_vote_method"
    if adding and requirement.status == Requirement.Status.DROPPED:
        return "requirement_closed"
    return None


def cast_moscow(*, participant: Participant, requirement: Requirement, choice: str) -> bool:
    """Vote must/should/could/won't, or change the vote; an empty choice takes it back.

    Returns False when nothing changed (the same choice again)."""
    votes = [(participant.pk, requirement.pk, choice)]
    return only(cast_moscow_votes(traject=participant.traject, votes=votes))


def cast_moscow_votes(
    *, traject: Traject, votes: Sequence[tuple[int, int, str]]
) -> list[bool | GameError]:
    """(participant id, requirement id, choice) in order, as a room sends them in one burst:
    per vote whether it changed something, or the GameError that refused it (and stored nothing
    of it). A few queries for the whole burst instead of a few per vote."""
    requirements = traject.requirements.in_bulk({rid for _, rid, _ in votes})
    burst = Burst.load(
        RequirementVote,
        ("requirement_id", "participant_id"),
        requirement__in=list(requirements),
        participant_id__in={pid for pid, _, _ in votes},
    )
    results = []
    for participant_id, requirement_id, choice in votes:
        requirement = requirements.get(requirement_id)
        refusal = (
            "choice_unknown"
            if choice and choice not in MOSCOW_CHOICES
            else votable_refusal(traject, requirement, method="moscow", adding=bool(choice))
        )
        if refusal:
            results.append(GameError(refusal))
            continue
        key = (requirement_id, participant_id)
        row = burst.rows.get(key)
        if not choice:  # taken back
            results.append(row is not None)
            if row is not None:
                burst.remove(key)
            continue
        if row is None:
            burst.add(
                key,
                RequirementVote(
                    requirement=requirement, participant_id=participant_id, choice=choice
                ),
            )
        elif row.choice == choice:
            results.append(False)
            continue
        else:
            row.choice, row.voted_at = choice, timezone.now()
            burst.changed(key)
        results.append(True)
    burst.save(["choice", "voted_at"])
    return results


def set_requirement_dots(*, participant: Participant, requirement: Requirement, dots: int) -> bool:
    """Put `dots` dots on a requirement (0 removes them); the total per person is capped."""
    check_votable(participant, requirement, method="dots", adding=dots > 0)
    return place_dots(
        model=RequirementVote,
        participant=participant,
        item={"requirement": requirement},
        dots=dots,
        allowed=participant.traject.requirement_dots,
        touch={"voted_at": timezone.now()},
    )


@transaction.atomic
def adopt_programme(*, traject: Traject) -> ProgrammeVersion:
    """Freeze the accepted requirements as version n + 1 of the gedeeld programma van eisen.

    The content is a self-contained snapshot (texts, priorities, totals, roles, grid and
    vertical support as they were at this moment), so later rephrasing or votes never change what
    was adopted; earlier versions are never touched.
    """
    results = requirement_results(traject)
    accepted = [r for r in results["items"] if r["status"] == "accepted"]
    if not accepted:
        raise GameError("nothing_accepted")
    number = (traject.programme_versions.aggregate(last=Max("number"))["last"] or 0) + 1
    adopted_at = timezone.now()
    content = {
        "number": number,
        "adopted_at": adopted_at.isoformat(),
        "case": traject.case.key if traject.case_id else None,
        "vote_method": traject.vote_method,
        "columns": results["columns"],
        "requirements": [
            {**{k: v for k, v in item.items() if k != "status"}, "rank": position}
            for position, item in enumerate(accepted, start=1)
        ],
    }
    return ProgrammeVersion.objects.create(
        traject=traject, number=number, adopted_at=adopted_at, content=content
    )
