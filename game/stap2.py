"""Stap 2 — De game: in de schoenen van een ander: the services that deal roles, run the case,
collect reactions and wishes, merge them into requirements, count the votes and adopt the
gedeeld programma van eisen. Each raises GameError with a code the live layer localises.

Two kinds of role meet here on purpose: the *played* role (RoleAssignment) is who you write as —
reactions and wishes carry it — while a vote counts in your *own* layer (Participant.layer),
because prioritising is where every layer speaks for itself again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from game.dots import place_dots
from game.errors import GameError
from game.models import (
    Case,
    Development,
    Layer,
    Participant,
    ProgrammeVersion,
    Reaction,
    Requirement,
    RequirementRevision,
    RequirementVote,
    RoleAssignment,
    Traject,
    Wish,
)
from game.roles import assign_roles
from game.stap1 import clean_text
from game.tallies import (
    MOSCOW_CHOICES,
    DotResult,
    MoscowResult,
    dot_ranking,
    dot_tally,
    explain_disagreement,
    moscow_ranking,
    moscow_tally,
)

REACTION_MAX = 500
WISH_MAX = 200
REQUIREMENT_MAX = 300
REASON_MAX = 300
DISCUSSION_NOTE_MAX = 2000
VOTE_METHODS = ("moscow", "dots")
DECISIONS = {
    "accept": Requirement.Status.ACCEPTED,
    "drop": Requirement.Status.DROPPED,
    "candidate": Requirement.Status.CANDIDATE,
}
# From a MoSCoW score (the mean weight, must 3 … won't 0) back to a label for the document: the
# nearest weight, i.e. halfway between two weights is the boundary. A score of 2.5 (half must,
# half should) reads as must, 1.5 as should, 0.5 as could; below that the room said won't.
PRIORITY_THRESHOLDS: tuple[tuple[float, str], ...] = (
    (2.5, "must"),
    (1.5, "should"),
    (0.5, "could"),
)


def priority_label(score: float | None) -> str | None:
    """The MoSCoW label a mean score stands for (see PRIORITY_THRESHOLDS); None without votes."""
    if score is None:
        return None
    for threshold, label in PRIORITY_THRESHOLDS:
        if score >= threshold:
            return label
    return "wont"


# --- roles ------------------------------------------------------------------------------------


@transaction.atomic
def deal_roles(*, traject: Traject, seed: int) -> dict[int, str]:
    """Deal every participant a played role, replacing all earlier assignments (a re-deal).

    Every layer is a role of the case (the joinable ones and the inwoner), so the guarantees of
    `game.roles.assign_roles` hold: nobody plays their own layer, someone plays the inwoner,
    groups stay even and people play far from home. Returns {participant_id: role_key}.
    """
    layers = list(Layer.objects.order_by("order"))
    line = [layer.key for layer in layers]
    people = list(traject.participants.values_list("pk", "layer__key"))
    if not people:
        raise GameError("no_participants")
    dealt = assign_roles(people=people, roles=line, seed=seed, order=line)
    by_key = {layer.key: layer for layer in layers}
    traject.role_assignments.all().delete()
    now = timezone.now()
    RoleAssignment.objects.bulk_create(
        RoleAssignment(traject=traject, participant_id=pid, role=by_key[key], dealt_at=now)
        for pid, key in sorted(dealt.items())
    )
    return dealt


def override_role(*, traject: Traject, participant_id: int, role_key: str) -> bool:
    """The facilitator gives someone another role (or a first one, for a latecomer).

    Their own layer stays refused: standing where someone else stands is the game, and the
    inwoner is always free for anyone.
    """
    participant = traject.participants.filter(pk=participant_id).first()
    if participant is None:
        raise GameError("participant_unknown")
    role = Layer.objects.filter(key=role_key).first()
    if role is None:
        raise GameError("role_unknown")
    if role.pk == participant.layer_id:
        raise GameError("own_layer")
    row = RoleAssignment.objects.filter(traject=traject, participant=participant).first()
    if row is not None and row.role_id == role.pk:
        return False
    RoleAssignment.objects.update_or_create(
        traject=traject,
        participant=participant,
        defaults={"role": role, "overridden": True, "dealt_at": timezone.now()},
    )
    return True


def reveal_roles(*, traject: Traject, revealed: bool) -> bool:
    if traject.roles_revealed == revealed:
        return False
    traject.roles_revealed = revealed
    traject.save(update_fields=["roles_revealed"])
    return True


def played_role(participant: Participant) -> Layer | None:
    """The role this participant plays in the game, or None before the roles are dealt."""
    row = (
        RoleAssignment.objects.select_related("role")
        .filter(traject_id=participant.traject_id, participant=participant)
        .first()
    )
    return row.role if row else None


# --- the case ---------------------------------------------------------------------------------


def choose_case(*, traject: Traject, case_key: str) -> bool:
    """Put a case on the screen; its developments start hidden again."""
    case = Case.objects.filter(key=case_key).first()
    if case is None:
        raise GameError("case_unknown")
    if traject.case_id == case.pk and traject.developments_revealed == 0:
        return False
    traject.case, traject.developments_revealed = case, 0
    traject.save(update_fields=["case", "developments_revealed"])
    return True


def reveal_next_development(*, traject: Traject) -> Development:
    if traject.case_id is None:
        raise GameError("no_case")
    upcoming = (
        Development.objects.filter(case_id=traject.case_id)
        .order_by("order")[traject.developments_revealed : traject.developments_revealed + 1]
        .first()
    )
    if upcoming is None:
        raise GameError("no_more_developments")
    traject.developments_revealed += 1
    traject.save(update_fields=["developments_revealed"])
    return upcoming


def hide_last_development(*, traject: Traject) -> bool:
    """Take back the last development shown (a mis-click); nothing to hide changes nothing."""
    if traject.developments_revealed == 0:
        return False
    traject.developments_revealed -= 1
    traject.save(update_fields=["developments_revealed"])
    return True


def revealed_developments(traject: Traject) -> list[Development]:
    """The developments the room has seen, in order (for the screen, phones and document)."""
    if traject.case_id is None:
        return []
    developments = Development.objects.filter(case_id=traject.case_id).order_by("order")
    return list(developments[: traject.developments_revealed])


# --- reactions and wishes ---------------------------------------------------------------------


def role_or_refuse(participant: Participant) -> Layer:
    role = played_role(participant)
    if role is None:
        raise GameError("no_role")
    return role


def write_reaction(*, participant: Participant, text: str) -> Reaction:
    """Write or rewrite one's reaction to the case, labelled with the role played now."""
    role = role_or_refuse(participant)
    text = clean_text(
        text, limit=REACTION_MAX, empty="reaction_empty", too_long="reaction_too_long"
    )
    reaction, created = Reaction.objects.get_or_create(
        traject_id=participant.traject_id,
        participant=participant,
        defaults={"role": role, "text": text},
    )
    if not created:
        reaction.text, reaction.role, reaction.updated_at = text, role, timezone.now()
        reaction.save(update_fields=["text", "role", "updated_at"])
    return reaction


def write_wish(*, participant: Participant, text: str) -> Wish:
    """Add a wish to one's wensenpakket, in the role played now; a few each (max_wishes)."""
    role = role_or_refuse(participant)
    text = clean_text(text, limit=WISH_MAX, empty="wish_empty", too_long="wish_too_long")
    limit = participant.traject.max_wishes
    written = Wish.objects.filter(traject_id=participant.traject_id, participant=participant)
    if written.count() >= limit:
        raise GameError("too_many_wishes", max=limit)
    return Wish.objects.create(
        traject_id=participant.traject_id, participant=participant, role=role, text=text
    )


def own_wish(participant: Participant, wish_id: int) -> Wish:
    wish = Wish.objects.filter(pk=wish_id, traject_id=participant.traject_id).first()
    if wish is None:
        raise GameError("wish_unknown")
    if wish.participant_id != participant.pk:
        raise GameError("not_yours")
    return wish


def edit_wish(*, participant: Participant, wish_id: int, text: str) -> bool:
    """Change one's own wish. Also once merged: the requirement keeps its own text."""
    wish = own_wish(participant, wish_id)
    text = clean_text(text, limit=WISH_MAX, empty="wish_empty", too_long="wish_too_long")
    if wish.text == text:
        return False
    wish.text = text
    wish.save(update_fields=["text"])
    return True


def delete_wish(*, participant: Participant, wish_id: int) -> None:
    """Withdraw one's own wish. A requirement merged from it stays: it is the facilitator's work
    now, and may rest on other wishes or on votes already cast."""
    own_wish(participant, wish_id).delete()


def wish_of(traject: Traject, wish_id: int) -> Wish:
    wish = traject.wishes.filter(pk=wish_id).first()
    if wish is None:
        raise GameError("wish_unknown")
    return wish


def wish_packages(traject: Traject) -> list[tuple[Layer, list[Wish]]]:
    """The wensenpakketten: the wishes grouped by the role they were written in, top to bottom."""
    packages: dict[int, list[Wish]] = defaultdict(list)
    roles: dict[int, Layer] = {}
    for wish in traject.wishes.select_related("role").order_by("role__order", "created_at", "pk"):
        packages[wish.role_id].append(wish)
        roles[wish.role_id] = wish.role
    return [(roles[role_id], wishes) for role_id, wishes in packages.items()]


# --- requirements -----------------------------------------------------------------------------


def clean_requirement(text: str) -> str:
    return clean_text(
        text, limit=REQUIREMENT_MAX, empty="requirement_empty", too_long="requirement_too_long"
    )


def requirement_of(traject: Traject, requirement_id: int) -> Requirement:
    requirement = traject.requirements.filter(pk=requirement_id).first()
    if requirement is None:
        raise GameError("requirement_unknown")
    return requirement


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


# --- voting -----------------------------------------------------------------------------------


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
    """A vote must match the traject's method and the requirement must still be open. Taking a
    vote back is allowed on a dropped requirement, so its dots are not stuck there."""
    if requirement.traject_id != participant.traject_id:
        raise GameError("requirement_unknown")
    if participant.traject.vote_method != method:
        raise GameError("wrong_vote_method")
    if adding and requirement.status == Requirement.Status.DROPPED:
        raise GameError("requirement_closed")


def cast_moscow(*, participant: Participant, requirement: Requirement, choice: str) -> bool:
    """Vote must/should/could/won't, or change the vote; an empty choice takes it back.

    Returns False when nothing changed (the same choice again)."""
    if choice and choice not in MOSCOW_CHOICES:
        raise GameError("choice_unknown")
    check_votable(participant, requirement, method="moscow", adding=bool(choice))
    row = RequirementVote.objects.filter(requirement=requirement, participant=participant).first()
    if not choice:
        return row is not None and row.delete()[0] > 0
    if row is None:
        RequirementVote.objects.create(
            requirement=requirement, participant=participant, choice=choice
        )
        return True
    if row.choice == choice:
        return False
    row.choice, row.voted_at = choice, timezone.now()
    row.save(update_fields=["choice", "voted_at"])
    return True


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


def reveal_votes(*, traject: Traject, revealed: bool) -> bool:
    if traject.votes_revealed == revealed:
        return False
    traject.votes_revealed = revealed
    traject.save(update_fields=["votes_revealed"])
    return True


# --- results and the programme ----------------------------------------------------------------


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


@transaction.atomic
def adopt_programme(*, traject: Traject) -> ProgrammeVersion:
    """Freeze the accepted requirements as version n + 1 of the gedeeld programma van eisen.

    The content is a self-contained snapshot (texts, priorities, totals, roles, grid and
    disagreement as they were at this moment), so later rephrasing or votes never change what
    was adopted; earlier versions are never touched.
    """
    accepted = [r for r in requirement_results(traject) if r["status"] == "accepted"]
    if not accepted:
        raise GameError("nothing_accepted")
    number = (traject.programme_versions.aggregate(last=Max("number"))["last"] or 0) + 1
    adopted_at = timezone.now()
    content = {
        "number": number,
        "adopted_at": adopted_at.isoformat(),
        "case": traject.case.key if traject.case_id else None,
        "vote_method": traject.vote_method,
        "layers": list(
            Layer.objects.filter(joinable=True).order_by("order").values_list("key", flat=True)
        ),
        "requirements": [
            {**{k: v for k, v in item.items() if k != "status"}, "rank": position}
            for position, item in enumerate(accepted, start=1)
        ],
    }
    return ProgrammeVersion.objects.create(
        traject=traject, number=number, adopted_at=adopted_at, content=content
    )
