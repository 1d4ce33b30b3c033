"""The role-play live (Stap 2): dealing roles, the case and its developments, reactions and
wishes written in the played role.

A participant sees only their own role card, reaction and wishes; the projector shows reactions
and wishes per role without names.
"""

from __future__ import annotations

from typing import Annotated, NotRequired

from django.utils.translation import gettext as _
from pydantic import Field
from typing_extensions import TypedDict

from game.core import selectors as core_selectors
from game.core import services as core_services
from game.core.models import Layer, Reveal
from game.roleplay import selectors as roleplay_selectors
from game.roleplay import services as roleplay_services
from game.roleplay.models import Case, Development, Reaction, RoleAssignment
from sessions.arguments import Args, Id, Key, NoArgs, Text
from sessions.registry import FACILITATOR, PARTICIPANT, Context, command, me
from sessions.sections import NoPersonal, View, section

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/roleplay.js.
PHASE_KINDS = ("roles", "case", "reactions", "wishes")


class RolesDeal(Args):
    seed: Annotated[int, Field(ge=0, le=roleplay_services.SEED_MAX)] | None = None


@command("roles.deal", audiences={FACILITATOR}, args=RolesDeal)
def deal_roles(ctx: Context, args: RolesDeal) -> bool:
    """Deal (or re-deal) the roles; without a seed each deal is a fresh draw (the service draws
    and stores it). A retried command id is not applied twice (dispatch), so a fresh seed
    cannot deal twice by accident."""
    roleplay_services.deal_roles(traject=ctx.live.traject, seed=args.seed)
    return True


class RolesOverride(Args):
    participant: Id
    role: Key


@command("roles.override", audiences={FACILITATOR}, args=RolesOverride)
def override_role(ctx: Context, args: RolesOverride) -> bool:
    return roleplay_services.override_role(
        traject=ctx.live.traject, participant_id=args.participant, role_key=args.role
    )


class RolesReveal(Args):
    revealed: bool


@command("roles.reveal", audiences={FACILITATOR}, args=RolesReveal)
def reveal_roles(ctx: Context, args: RolesReveal) -> bool:
    return core_services.set_revealed(
        traject=ctx.live.traject, what=Reveal.What.ROLES, revealed=args.revealed
    )


class CaseChoose(Args):
    case: Key


@command("case.choose", audiences={FACILITATOR}, args=CaseChoose)
def choose_case(ctx: Context, args: CaseChoose) -> bool:
    return roleplay_services.choose_case(traject=ctx.live.traject, case_key=args.case)


@command("case.reveal_next", audiences={FACILITATOR}, args=NoArgs)
def reveal_next_development(ctx: Context, args: NoArgs) -> bool:
    roleplay_services.reveal_next_development(traject=ctx.live.traject)
    return True


@command("case.hide_last", audiences={FACILITATOR}, args=NoArgs)
def hide_last_development(ctx: Context, args: NoArgs) -> bool:
    return roleplay_services.hide_last_development(traject=ctx.live.traject)


class ReactionWrite(Args):
    text: Text(4000) = ""


@command("reaction.write", audiences={PARTICIPANT}, args=ReactionWrite, input_kind="reactions")
def write_reaction(ctx: Context, args: ReactionWrite) -> bool:
    roleplay_services.write_reaction(participant=me(ctx), text=args.text)
    return True


class WishWrite(Args):
    text: Text(2000) = ""


@command("wish.write", audiences={PARTICIPANT}, args=WishWrite, input_kind="wishes")
def write_wish(ctx: Context, args: WishWrite) -> bool:
    roleplay_services.write_wish(participant=me(ctx), text=args.text)
    return True


class WishEdit(Args):
    wish: Id
    text: Text(2000) = ""


@command("wish.edit", audiences={PARTICIPANT}, args=WishEdit, input_kind="wishes")
def edit_wish(ctx: Context, args: WishEdit) -> bool:
    return roleplay_services.edit_wish(participant=me(ctx), wish_id=args.wish, text=args.text)


class WishRef(Args):
    wish: Id


@command("wish.delete", audiences={PARTICIPANT}, args=WishRef, input_kind="wishes")
def delete_wish(ctx: Context, args: WishRef) -> bool:
    roleplay_services.delete_wish(participant=me(ctx), wish_id=args.wish)
    return True


CASE_KINDS = ("roles", "case", "reactions", "wishes")


class RoleCard(TypedDict):
    key: str
    label: str
    interests: str
    worries: str
    room: str
    question: str


class LayerLabel(TypedDict):
    key: str
    label: str
    joinable: bool


def role_card(layer: Layer, lang: str) -> RoleCard:
    return {
        "key": layer.key,
        "label": layer.text("label", lang),
        "interests": layer.text("interests", lang),
        "worries": layer.text("worries", lang),
        "room": layer.text("room", lang),
        "question": layer.text("question", lang),
    }


def layer_labels(lang: str) -> list[LayerLabel]:
    return [
        {"key": layer.key, "label": layer.text("label", lang), "joinable": layer.joinable}
        for layer in Layer.objects.order_by("order")
    ]


class Assignment(TypedDict):
    participant: int
    name: str
    role: str
    role_label: str
    overridden: bool


class RoleCount(TypedDict):
    key: str
    label: str
    players: int


class RolesBoard(TypedDict):
    revealed: bool
    dealt: bool
    layers: NotRequired[list[LayerLabel]]  # the console
    assignments: NotRequired[list[Assignment]]  # the console
    counts: NotRequired[list[RoleCount]]  # the console and the projector, once shown


class RolesState(TypedDict):
    roles: RolesBoard


class RolesMine(TypedDict):
    role: RoleCard  # once revealed


@section(*CASE_KINDS)
def roles(view: View) -> tuple[RolesState, dict[int, RolesMine]]:
    traject = view.live.traject
    rows = list(
        RoleAssignment.objects.filter(traject=traject).select_related("role", "participant")
    )
    shown = core_selectors.shows(traject, Reveal.What.ROLES, view.audience)
    revealed = core_selectors.is_revealed(traject, Reveal.What.ROLES)
    shared: dict = {"roles": {"revealed": revealed, "dealt": bool(rows)}}
    personal: dict[int, dict] = {}
    if view.audience == FACILITATOR:
        shared["roles"]["layers"] = layer_labels(view.lang)
        shared["roles"]["assignments"] = [
            {
                "participant": row.participant_id,
                "name": row.participant.name,
                "role": row.role.key,
                "role_label": row.role.text("label", view.lang),
                "overridden": row.overridden,
            }
            for row in rows
        ]
    elif view.audience == PARTICIPANT and shown:
        cards: dict[int, dict] = {}
        for row in rows:
            cards.setdefault(row.role_id, role_card(row.role, view.lang))
            personal[row.participant_id] = {"role": cards[row.role_id]}
    # Players per role: the console follows the deal before it is revealed; the projector after.
    if shown and view.audience != PARTICIPANT:
        counts: dict[str, int] = {}
        for row in rows:
            counts[row.role.key] = counts.get(row.role.key, 0) + 1
        shared["roles"]["counts"] = [
            {"key": layer["key"], "label": layer["label"], "players": counts.get(layer["key"], 0)}
            for layer in layer_labels(view.lang)
        ]
    return shared, personal


class CaseCard(TypedDict):
    key: str
    title: str
    situation: str
    question: str
    developments: list[str]  # those revealed so far
    development_count: int


class CaseOption(TypedDict):
    key: str
    title: str


class CaseState(TypedDict):
    case: CaseCard | None
    upcoming: NotRequired[list[str]]  # the console: the next development
    cases: NotRequired[list[CaseOption]]  # the console


@section(*CASE_KINDS)
def case(view: View) -> tuple[CaseState, dict[int, NoPersonal]]:
    traject = view.live.traject
    shared: dict = {"case": None}
    if traject.case_id:
        chosen = traject.case
        shared["case"] = {
            "key": chosen.key,
            "title": chosen.text("title", view.lang),
            "situation": chosen.text("situation", view.lang),
            "question": chosen.text("question", view.lang),
            "developments": [
                d.text("text", view.lang) for d in roleplay_selectors.revealed_developments(traject)
            ],
            "development_count": chosen.developments.count(),
        }
    if view.audience == FACILITATOR:
        upcoming = Development.objects.filter(case_id=traject.case_id).order_by("order")
        following = upcoming[traject.developments_revealed : traject.developments_revealed + 1]
        shared["upcoming"] = [d.text("text", view.lang) for d in following]
        shared["cases"] = [
            {"key": c.key, "title": c.text("title", view.lang)} for c in Case.objects.all()
        ]
    return shared, {}


class RoleTexts(TypedDict):
    role: str
    texts: list[str]


class ReactionsState(TypedDict):
    reaction_max: NotRequired[int]  # phones
    reactions: NotRequired[list[RoleTexts]]  # the console and the projector


class ReactionsMine(TypedDict):
    reaction: str


@section("reactions")
def reactions(view: View) -> tuple[ReactionsState, dict[int, ReactionsMine]]:
    rows = list(Reaction.objects.filter(traject=view.live.traject).select_related("role"))
    if view.audience == PARTICIPANT:
        mine = {row.participant_id: {"reaction": row.text} for row in rows}
        return {"reaction_max": roleplay_services.REACTION_MAX}, mine
    by_role: dict[str, dict] = {}
    for row in sorted(rows, key=lambda r: (r.role.order, r.created_at)):
        group = by_role.setdefault(
            row.role.key, {"role": row.role.text("label", view.lang), "texts": []}
        )
        group["texts"].append(row.text)
    return {"reactions": list(by_role.values())}, {}


class PackageWish(TypedDict):
    text: str
    id: NotRequired[int]  # the console
    requirement: NotRequired[int | None]  # the console: the candidate it was merged into


class Package(TypedDict):
    role: str
    role_label: str
    wishes: list[PackageWish]


class WishesState(TypedDict):
    max_wishes: NotRequired[int]  # phones
    wish_max: NotRequired[int]  # phones
    packages: NotRequired[list[Package]]  # the console and the projector


class MyWish(TypedDict):
    id: int
    text: str


class WishesMine(TypedDict):
    wishes: list[MyWish]


@section("wishes", "merge")
def wishes(view: View) -> tuple[WishesState, dict[int, WishesMine]]:
    traject = view.live.traject
    if view.audience == PARTICIPANT:
        personal: dict[int, dict] = {p.pk: {"wishes": []} for p in view.people}
        for wish in traject.wishes.order_by("created_at", "pk"):
            if wish.participant_id in personal:
                personal[wish.participant_id]["wishes"].append({"id": wish.pk, "text": wish.text})
        return {"max_wishes": traject.max_wishes, "wish_max": roleplay_services.WISH_MAX}, personal
    packages = [
        {
            "role": role.key,
            "role_label": role.text("label", view.lang),
            "wishes": [
                {"id": w.pk, "text": w.text, "requirement": w.requirement_id}
                if view.audience == FACILITATOR
                else {"text": w.text}
                for w in items
            ],
        }
        for role, items in roleplay_selectors.wish_packages(traject)
    ]
    return {"packages": packages}, {}


def strings() -> dict:
    """The role-play's texts: roles, the case and its developments, reactions and wishes. The
    pages read them as `strings.roleplay` (sessions/strings.py)."""
    return {
        # roles
        "deal": _("Deal roles"),
        "redeal": _("Deal again"),
        "confirm_redeal": _(
            "Deal all roles again? Every current assignment, also the ones changed by hand, "
            "is replaced."
        ),
        "seed": _("Draw number (optional: the same number gives the same deal)"),
        "roles_visible": _("Roles visible on phones"),
        "roles_shown": _("Participants see their role card."),
        "roles_hidden": _("Role cards are hidden from participants."),
        "not_dealt": _("No roles dealt yet."),
        "assignments": _("Who plays which role"),
        "col_name": _("Name"),
        "col_own": _("Own layer"),
        "col_plays": _("Plays"),
        "role_for": _("Role for %(name)s"),
        "no_role": _("— no role —"),
        "overridden": _("changed by hand"),
        "own_layer_option": _("%(label)s (own layer)"),
        "players_per_role": _("Players per role"),
        "col_role": _("Role"),
        "col_players": _("Players"),
        "wait_roles": _("Wait a moment: the facilitator is dealing the roles."),
        "you_play": _("You play"),
        "role_hint": _("Not your own layer: stand where someone else stands."),
        "card": {
            "interests": _("What matters to me"),
            "worries": _("What I worry about"),
            "room": _("My room to act"),
            "question": _("The question I typically ask"),
        },
        # the case
        "case_label": _("Case"),
        "choose_case": _("Show this case"),
        "no_case": _("No case chosen yet."),
        "no_case_wait": _("The case appears here in a moment."),
        "developments": _("Developments"),
        "developments_shown": _("%(n)s of %(total)s developments shown"),
        "reveal_next": _("Reveal next development"),
        "hide_last": _("Take back the last one"),
        "newest": _("New"),
        "development_n": _("Development %(n)s"),
        "read_case": _("Read the case again"),
        "your_role": _("Your role: %(role)s"),
        # reactions
        "reaction_label": _("How do you see this case as %(role)s?"),
        "reaction_label_plain": _("How does your role see this case?"),
        "save_reaction": _("Save reaction"),
        "reaction_saved": _("Saved. You can still change it."),
        "reactions_count": _("Reactions: %(n)s"),
        "no_reactions": _("No reactions yet."),
        # wishes
        "wish_start": _("Maatwerk must"),
        "wish_label": _("Your wish, from your role"),
        "add_wish": _("Add wish"),
        "save_wish": _("Save wish"),
        "wishes_written": _("%(n)s of %(max)s wishes written"),
        "wishes_full": _("You have written all your wishes. Change or delete one to add another."),
        "my_wishes": _("My wishes"),
        "confirm_delete_wish": _("Delete this wish?"),
        "packages": _("Wish packages per role"),
        "no_wishes": _("No wishes yet."),
        "wishes_count": _("Wishes: %(n)s"),
    }
