"""Requirements live (Stap 2): merging wishes into candidates, voting, the vertical-support
results and adopting the programme.

Results reach phones and the projector once the facilitator reveals them (the console sees them
all along); a phone sees only its own votes.
"""

from __future__ import annotations

from typing import Literal, NotRequired

from django.db.models import Count
from django.utils.translation import gettext as _
from typing_extensions import TypedDict

from game.core import selectors as core_selectors
from game.core import services as core_services
from game.core.anonymity import rule_text as grouping_rule
from game.core.models import Layer, Reveal
from game.core.support import mark as support_mark
from game.core.support import moscow_labels
from game.core.support import rule_text as support_rule
from game.requirements import selectors as requirements_selectors
from game.requirements import services as requirements_services
from game.requirements.models import RequirementVote
from sessions.arguments import Args, Dots, Id, Ids, Line, NoArgs, Text
from sessions.columns import ResultColumn, labelled_columns
from sessions.concepts.roleplay import layer_labels
from sessions.models import LiveSession
from sessions.registry import FACILITATOR, PARTICIPANT, Actor, Context, bulk_command, command, me
from sessions.sections import NoPersonal, View, section

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/requirements.js.
PHASE_KINDS = ("merge", "prioritise", "results", "adopt")


class RequirementMerge(Args):
    wishes: Ids()
    text: Text(2000) = ""


@command("requirement.merge", audiences={FACILITATOR}, args=RequirementMerge)
def merge_wishes(ctx: Context, args: RequirementMerge) -> bool:
    requirements_services.merge_wishes(
        traject=ctx.live.traject, wish_ids=args.wishes, text=args.text
    )
    return True


class RequirementAdd(Args):
    text: Text(2000) = ""


@command("requirement.add", audiences={FACILITATOR}, args=RequirementAdd)
def add_requirement(ctx: Context, args: RequirementAdd) -> bool:
    requirements_services.add_requirement(traject=ctx.live.traject, text=args.text)
    return True


class RequirementRephrase(Args):
    requirement: Id
    text: Text(2000) = ""
    reason: Text(2000) = ""


@command("requirement.rephrase", audiences={FACILITATOR}, args=RequirementRephrase)
def rephrase_requirement(ctx: Context, args: RequirementRephrase) -> bool:
    return requirements_services.rephrase_requirement(
        requirement=requirements_selectors.requirement_of(ctx.live.traject, args.requirement),
        text=args.text,
        reason=args.reason,
    )


class WishUnmerge(Args):
    wish: Id


@command("wish.unmerge", audiences={FACILITATOR}, args=WishUnmerge)
def unmerge_wish(ctx: Context, args: WishUnmerge) -> bool:
    return requirements_services.unmerge_wish(traject=ctx.live.traject, wish_id=args.wish)


class VoteMethod(Args):
    method: Line(20)


@command("vote.method", audiences={FACILITATOR}, args=VoteMethod)
def set_vote_method(ctx: Context, args: VoteMethod) -> bool:
    return requirements_services.set_vote_method(traject=ctx.live.traject, method=args.method)


class VoteMoscow(Args):
    requirement: Id
    choice: Text(10) = ""


@bulk_command("vote.moscow", audiences={PARTICIPANT}, args=VoteMoscow, input_kind="prioritise")
def cast_moscow(live: LiveSession, items: list[tuple[Actor, VoteMoscow]]) -> list:
    """`choice` must/should/could/wont; an empty choice takes the vote back."""
    votes = [(actor.participant_id, args.requirement, args.choice) for actor, args in items]
    return requirements_services.cast_moscow_votes(traject=live.traject, votes=votes)


class VoteDots(Args):
    requirement: Id
    dots: Dots


@command("vote.dots", audiences={PARTICIPANT}, args=VoteDots, input_kind="prioritise")
def set_requirement_dots(ctx: Context, args: VoteDots) -> bool:
    return requirements_services.set_requirement_dots(
        participant=me(ctx),
        requirement=requirements_selectors.requirement_of(ctx.live.traject, args.requirement),
        dots=args.dots,
    )


class VotesReveal(Args):
    revealed: bool


@command("votes.reveal", audiences={FACILITATOR}, args=VotesReveal)
def reveal_votes(ctx: Context, args: VotesReveal) -> bool:
    return core_services.set_revealed(
        traject=ctx.live.traject, what=Reveal.What.VOTES, revealed=args.revealed
    )


class RequirementDecide(Args):
    requirement: Id
    decision: Line(20)
    text: Text(2000) = ""
    reason: Text(2000) = ""


@command("requirement.decide", audiences={FACILITATOR}, args=RequirementDecide)
def decide_requirement(ctx: Context, args: RequirementDecide) -> bool:
    """Accept, drop or reopen; with `text` (and a `reason`) it is rephrased in the same step."""
    return requirements_services.decide_requirement(
        requirement=requirements_selectors.requirement_of(ctx.live.traject, args.requirement),
        decision=args.decision,
        text=args.text,
        reason=args.reason,
    )


class RequirementNote(Args):
    requirement: Id
    note: Text() = ""


@command("requirement.note", audiences={FACILITATOR}, args=RequirementNote)
def set_discussion_note(ctx: Context, args: RequirementNote) -> bool:
    return requirements_services.set_discussion_note(
        requirement=requirements_selectors.requirement_of(ctx.live.traject, args.requirement),
        note=args.note,
    )


@command("programme.adopt", audiences={FACILITATOR}, args=NoArgs)
def adopt_programme(ctx: Context, args: NoArgs) -> bool:
    requirements_services.adopt_programme(traject=ctx.live.traject)
    return True


class Candidate(TypedDict):
    id: int
    text: str
    status: str
    roles: list[str]  # labels of the roles whose wishes it came from
    sources: int | None  # how many wishes; the console only


def requirement_list(view: View) -> list[Candidate]:
    roles = requirements_selectors.roles_by_requirement(view.live.traject)
    labels = {layer.key: layer.text("label", view.lang) for layer in Layer.objects.all()}
    return [
        {
            "id": r.pk,
            "text": r.text,
            "status": r.status,
            "roles": [labels[key] for key in roles.get(r.pk, [])],
            "sources": r.source_count if view.audience == FACILITATOR else None,
        }
        for r in view.live.traject.requirements.annotate(source_count=Count("sources"))
    ]


class CandidatesState(TypedDict):
    requirements: list[Candidate]


@section("merge")
def candidates(view: View) -> tuple[CandidatesState, dict[int, NoPersonal]]:
    return {"requirements": requirement_list(view)}, {}


class Voting(TypedDict):
    method: str
    dots: int
    revealed: bool
    requirements: list[Candidate]  # those not dropped
    voters: NotRequired[int]  # the console and the projector


class VotingState(TypedDict):
    voting: Voting


class VotingMine(TypedDict):
    votes: dict[str, str | int]  # requirement id → own MoSCoW choice or dots


@section("prioritise")
def prioritise(view: View) -> tuple[VotingState, dict[int, VotingMine]]:
    traject = view.live.traject
    open_ones = [r for r in requirement_list(view) if r["status"] != "dropped"]
    shared = {
        "voting": {
            "method": traject.vote_method,
            "dots": traject.requirement_dots,
            "revealed": core_selectors.is_revealed(traject, Reveal.What.VOTES),
            "requirements": open_ones,
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"votes": {}} for p in view.people}
        rows = RequirementVote.objects.filter(requirement__traject=traject).values_list(
            "participant_id", "requirement_id", "choice", "dots"
        )
        for pid, requirement_id, choice, dots in rows:
            if pid in personal:
                personal[pid]["votes"][str(requirement_id)] = choice or dots
    if view.audience != PARTICIPANT:  # voting progress for the console and the projector
        shared["voting"]["voters"] = (
            RequirementVote.objects.filter(requirement__traject=traject)
            .values("participant")
            .distinct()
            .count()
        )
    return shared, personal


# The rows of requirements_selectors.requirement_results: one shape per voting method.


class ResultRow(TypedDict):
    id: int
    rank: int | None  # None when dropped
    text: str
    status: str
    roles: list[str]  # role keys
    draagvlak: float | None  # game.core.support: geometric mean of the columns' support
    flagged: bool  # a column differs or vetoes
    discussion_note: str


class SupportCell(TypedDict):
    column: str  # a key of Results.columns
    support: float | None  # (agree + 1) / (votes + 2); None when nobody in the column voted
    enough: bool  # enough votes to be marked at all
    apart: Literal["more", "less"] | None
    veto: bool
    mark: str  # game.core.support.mark: "▲", "▼", "✖" or ""
    mark_text: str  # … and what it means, in the page's language


class MoscowTotals(TypedDict):
    votes: int
    counts: dict[str, int]
    score: float | None


class MoscowCell(SupportCell):
    votes: int
    counts: dict[str, int]  # must, should, could, wont


class MoscowRow(ResultRow):
    method: Literal["moscow"]
    priority: str | None
    totals: MoscowTotals
    grid: list[MoscowCell]


class DotTotals(TypedDict):
    dots: int
    layers: int


class DotCell(SupportCell):
    dots: int


class DotRow(ResultRow):
    method: Literal["dots"]
    priority: None
    totals: DotTotals
    grid: list[DotCell]


class Results(TypedDict):
    columns: list[ResultColumn]  # joinable layers top to bottom, merged below the smallest group
    role_labels: dict[str, str]
    items: list[MoscowRow | DotRow]
    rule: str  # game.core.support's rule in words, for the help under the grid
    grouping: str  # game.core.anonymity's rule in words, with the traject's smallest group


class ResultsState(TypedDict):
    results: Results | None  # None while voting, until revealed (the console sees them)


def marked(cell: dict) -> dict:
    symbol, words = support_mark(cell)
    return {"mark": symbol, "mark_text": words}


@section("prioritise", "results", "adopt")
def results(view: View) -> tuple[ResultsState, dict[int, NoPersonal]]:
    traject = view.live.traject
    voting = view.live.phase.kind == "prioritise"
    if not requirements_selectors.results_shown(traject, view.audience, voting=voting):
        return {"results": None}, {}
    every_layer = layer_labels(view.lang)
    found = requirements_selectors.requirement_results(traject)
    return {
        "results": {
            "columns": labelled_columns(found["columns"], view.lang),
            "role_labels": {layer["key"]: layer["label"] for layer in every_layer},
            "items": [
                {**item, "grid": [{**cell, **marked(cell)} for cell in item["grid"]]}
                for item in found["items"]
            ],
            "rule": support_rule(),
            "grouping": grouping_rule(traject.min_group_size),
        }
    }, {}


class Adopted(TypedDict):
    version: int  # 0 before the first adoption
    adopted_at: str | None
    requirements: list[str]


class AdoptedState(TypedDict):
    adopted: Adopted


@section("adopt")
def adopted(view: View) -> tuple[AdoptedState, dict[int, NoPersonal]]:
    versions = list(view.live.traject.programme_versions.order_by("-number")[:1])
    latest = versions[0] if versions else None
    return {
        "adopted": {
            "version": latest.number if latest else 0,
            "adopted_at": latest.adopted_at.isoformat() if latest else None,
            "requirements": [r["text"] for r in latest.content["requirements"]] if latest else [],
        }
    }, {}


def strings() -> dict:
    """The requirements' texts: merging wishes, voting, the results and adopting the programme.
    The pages read them as `strings.requirements` (sessions/strings.py)."""
    return {
        # merging
        "merge_help": _(
            "Tick the wishes that say the same thing, write the candidate requirement and "
            "merge them."
        ),
        "candidate_text": _("Candidate requirement"),
        "merge": _("Merge"),
        "ticked": _("Ticked: %(n)s"),
        "merged_into": _("merged into “%(text)s”"),
        "unmerged": _("not merged yet"),
        "candidates": _("Candidate requirements"),
        "no_candidates": _("No candidate requirements yet."),
        "asked_by": _("Asked for by: %(roles)s"),
        "asked_by_none": _("Added by the facilitator"),
        "sources": _("Merged wishes: %(n)s"),
        "unmerge": _("Take out"),
        "unmerge_label": _("Take out: %(text)s"),
        "add_requirement": _("Add a requirement without a wish"),
        "status": {
            "candidate": _("candidate"),
            "accepted": _("accepted"),
            "dropped": _("dropped"),
        },
        # voting
        "moscow": moscow_labels(),
        "vote_as_yourself": _("Vote as yourself, from your own layer: %(layer)s"),
        "voted_progress": _("%(n)s of %(total)s requirements voted"),
        "method": _("Way of voting"),
        "method_moscow": _("MoSCoW (must, should, could, won't)"),
        "method_dots": _("Dots (%(n)s per person)"),
        "method_fixed": _("Fixed now that votes have been cast."),
        "votes_visible": _("Results visible to the room"),
        "voters": _("%(n)s of %(total)s participants voted"),
        "voting_open": _("Voting is open. The results appear when the facilitator shows them."),
        "no_requirements": _("There are no requirements to vote on yet."),
        # results
        "ranking": _("Ranking"),
        "grid_caption": _("Vertical support: how each layer voted"),
        "grid_help_moscow": _(
            "Each cell: how many in that column said %(labels)s, and their support."
        )
        % {"labels": " · ".join(moscow_labels().values())},
        "grid_help_dots": _(
            "Each cell: that column's dots on this requirement, and the support of those who "
            "gave it dots among those who voted."
        ),
        "too_few_columns": _("Too few votes to show the layers separately."),
        "col_requirement": _("Requirement"),
        "col_priority": _("Priority"),
        "col_draagvlak": _("Support"),
        "flagged": _("Layers differ"),
        "did_not_vote": _("did not vote"),
        "too_few_votes": _("too few votes"),
        "legend_apart": _("differs from the other layers"),
        "legend_veto": _("veto"),
        "flag": _("Look at: %(columns)s"),
        "draagvlak": _("support %(pct)s"),
        "score": _("score %(score)s of 3"),
        "votes_total": _("Votes: %(n)s"),
        "layers_with_dots": _("Layers with dots: %(n)s"),
        "no_votes": _("No votes yet."),
        "results_hidden": _("The results are not shown yet."),
        "rank": _("No. %(n)s"),
        # adopting
        "accept": _("Accept"),
        "drop": _("Drop"),
        "reopen": _("Back to candidate"),
        "wording": _("Wording (change it to rephrase)"),
        "discussion_note": _("Discussion note"),
        "save_discussion_note": _("Save note"),
        "adopt": _("Adopt the programme"),
        "confirm_adopt": _("Adopt the accepted requirements as version %(n)s?"),
        "adopted_version": _("Adopted as version %(n)s"),
        "not_adopted": _("Not adopted yet."),
        "adopted_title": _("Shared programme of requirements — version %(n)s"),
        "adopt_pending": _("The facilitator is deciding on the requirements."),
        "accepted_count": _("Accepted: %(n)s"),
    }
