"""The kader op maat live: beslisregels and reactions to them, and freezing the framework.

Reactions reach the room as counts and unsigned concerns; a phone gets its own reactions.
"""

from __future__ import annotations

from typing import NotRequired

from django.utils.translation import gettext as _
from pydantic import create_model
from typing_extensions import TypedDict

from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.framework.models import RULE_FIELDS, FrameworkVersion, RuleReaction
from sessions.arguments import Args, Id, Line, NoArgs, PrivacyReason, Text
from sessions.registry import FACILITATOR, PARTICIPANT, Context, command, me
from sessions.sections import NoPersonal, View, section

# The phase kinds this concept runs. sessions/checks.py proves each has its snapshot sections,
# its input commands and its client view in static/js/views/framework.js.
PHASE_KINDS = ("rules", "framework")


# A rule's texts, one argument per field the game declares (the service gives each its limit).
RuleText = create_model("RuleText", __base__=Args, **{name: (Text(), "") for name in RULE_FIELDS})


@command("rule.propose", audiences={FACILITATOR}, args=RuleText)
def propose_rule(ctx: Context, args: RuleText) -> bool:
    framework_services.propose_rule(traject=ctx.live.traject, **args.model_dump())
    return True


class RuleEdit(RuleText):
    rule: Id


@command("rule.edit", audiences={FACILITATOR}, args=RuleEdit)
def edit_rule(ctx: Context, args: RuleEdit) -> bool:
    return framework_services.edit_rule(
        rule=framework_selectors.rule_of(ctx.live.traject, args.rule),
        **args.model_dump(exclude={"rule"}),
    )


class RuleStatus(Args):
    rule: Id
    status: Line(20)


@command("rule.status", audiences={FACILITATOR}, args=RuleStatus)
def set_rule_status(ctx: Context, args: RuleStatus) -> bool:
    return framework_services.set_rule_status(
        rule=framework_selectors.rule_of(ctx.live.traject, args.rule), status=args.status
    )


class RuleReact(Args):
    rule: Id
    stance: Text(20) = ""
    comment: Text() = ""
    # Sending anyway what the detector found: the author says what it is (game.practice.gate).
    privacy_reason: PrivacyReason = ""


@command("rule.react", audiences={PARTICIPANT}, args=RuleReact, input_kind="rules")
def react_to_rule(ctx: Context, args: RuleReact) -> bool:
    """`stance` agree/concern with an optional `comment`; an empty stance takes it back."""
    return framework_services.react_to_rule(
        participant=me(ctx),
        rule=framework_selectors.rule_of(ctx.live.traject, args.rule),
        stance=args.stance,
        comment=args.comment,
        privacy_reason=args.privacy_reason,
    )


@command("framework.freeze", audiences={FACILITATOR}, args=NoArgs)
def freeze_framework(ctx: Context, args: NoArgs) -> bool:
    framework_services.freeze_framework(traject=ctx.live.traject)
    return True


# A rule's parts as the game names them (RULE_FIELDS), in snapshots and frozen versions alike.
RuleWording = TypedDict("RuleWording", dict.fromkeys(RULE_FIELDS, str))


class RuleComment(TypedDict):
    stance: str
    text: str


class RuleSummary(RuleWording):
    """A row of framework_selectors.rule_summaries: reactions counted, comments unsigned."""

    id: int
    status: str
    agree: int
    concern: int
    comments: list[RuleComment]


class RulesBoard(TypedDict):
    labels: dict[str, str]
    items: list[RuleSummary]  # dropped ones for the console only
    comment_max: int


class RulesState(TypedDict):
    rules: RulesBoard


class MyReaction(TypedDict):
    stance: str
    comment: str


class RulesMine(TypedDict):
    rule_reactions: dict[str, MyReaction]  # rule id → own reaction


@section("rules")
def rules(view: View) -> tuple[RulesState, dict[int, RulesMine]]:
    traject = view.live.traject
    shared = {
        "rules": {
            "labels": {
                "agree": _("Agree"),
                "concern": _("I have a concern"),
            },
            "items": framework_selectors.rule_summaries(
                traject, include_dropped=view.audience == FACILITATOR
            ),
            "comment_max": framework_services.COMMENT_MAX,
        }
    }
    personal: dict[int, dict] = {}
    if view.audience == PARTICIPANT:
        personal = {p.pk: {"rule_reactions": {}} for p in view.people}
        rows = RuleReaction.objects.filter(rule__traject=traject).values_list(
            "participant_id", "rule_id", "stance", "comment"
        )
        for pid, rule_id, stance, comment in rows:
            if pid in personal:
                personal[pid]["rule_reactions"][str(rule_id)] = {
                    "stance": stance,
                    "comment": comment,
                }
    return shared, personal


# The items of a frozen version (and of the draft), as framework_selectors writes them.


class Rephrasing(TypedDict):
    before: str
    after: str
    reason: str


class FrameworkRequirement(TypedDict):
    key: str
    id: int
    text: str
    priority: str | None
    rank: int | None
    roles: list[str]
    origin: str  # "programme" or "added"
    reason: str
    history: list[Rephrasing]


class FrameworkRule(RuleWording):
    key: str
    id: int


class CaseTitle(TypedDict):
    id: int
    title: str


class FrozenFramework(TypedDict):
    number: int
    frozen_at: str
    requirements: list[FrameworkRequirement]
    rules: list[FrameworkRule]
    cases: list[CaseTitle]


class FrameworkDraft(TypedDict):
    programme_version: int | None
    requirements: list[FrameworkRequirement]
    rules: list[FrameworkRule]
    cases: list[CaseTitle]


class FrameworkItem(TypedDict):
    """An item of a version by its key, as framework_selectors.framework_items lists it."""

    kind: str
    key: str
    text: str


class FrameworkState(TypedDict):
    framework: FrozenFramework | None
    framework_draft: NotRequired[FrameworkDraft]  # the console, before the first freeze


def version_dict(version: FrameworkVersion) -> FrozenFramework:
    content = version.content
    return {
        "number": version.number,
        "frozen_at": version.frozen_at.isoformat(),
        "requirements": content.get("requirements", []),
        "rules": content.get("rules", []),
        "cases": content.get("cases", []),
    }


@section("framework")
def framework(view: View) -> tuple[FrameworkState, dict[int, NoPersonal]]:
    """The latest frozen version; before freezing, the console sees what would be frozen."""
    traject = view.live.traject
    latest = framework_selectors.latest_framework(traject)
    shared: dict = {"framework": version_dict(latest) if latest else None}
    if view.audience == FACILITATOR and latest is None:
        shared["framework_draft"] = framework_selectors.framework_draft(traject)
    return shared, {}


def strings() -> dict:
    """The kader's texts: decision rules (their parts are read by followup's views too), the
    reactions to them and the recorded framework. The pages read them as `strings.framework`
    (sessions/strings.py)."""
    rule_parts = {
        "who_decides": _("Who decides"),
        "what": _("What they may decide"),
        "budget_or_mandate": _("Budget or mandate"),
        "accountability": _("How it is accounted for"),
        "escalation": _("When to escalate"),
    }
    return {
        # decision rules
        "rules": _("Decision rules"),
        "rules_hint": _("Do you agree with each rule, or do you have a concern?"),
        "rule_n": _("Rule %(n)s"),
        "rule_field": rule_parts,
        "rule_field_label": {
            **rule_parts,
            "who_decides": _("Who decides (required)"),
            "what": _("What they may decide (required)"),
        },
        "rule_field_hint": {
            "who_decides": _("A role, not a name: e.g. the neighbourhood team professional."),
            "what": _("E.g. a one-off payment that prevents a more expensive provision."),
            "budget_or_mandate": _("E.g. up to € 2,500 per household per year."),
            "accountability": _("E.g. noted in the file, reported quarterly to the manager."),
            "escalation": _("E.g. above the budget, or when the resident disagrees."),
        },
        "rule_form_help": _(
            "Who may decide what, within which budget, how is it accounted "
            "for and when do we escalate?"
        ),
        "new_rule": _("New decision rule"),
        "edit_rule": _("Change rule %(n)s"),
        "propose_rule": _("Put to the room"),
        "concern_label": _("What is your concern? (optional)"),
        "rule_status": {
            "proposed": _("proposed"),
            "agreed": _("agreed"),
            "dropped": _("dropped"),
        },
        "rule_set_status": {
            "proposed": _("Proposed"),
            "agreed": _("Agreed"),
            "dropped": _("Drop"),
        },
        "no_rules_yet": _("The facilitator is writing the first decision rule."),
        "no_rules_console": _("No decision rules yet. Write the first one with the room."),
        # the kader
        "framework_title": _("Tailored framework — version %(n)s"),
        "draft_title": _("What version 1 will hold"),
        "frozen_on": _("Recorded on %(date)s"),
        "requirements": _("Requirements"),
        "priority": _("Priority: %(label)s"),
        "added": _("Added while testing against practice"),
        "added_because": _("Added: %(reason)s"),
        "freeze": _("Record the tailored framework as version 1"),
        "confirm_freeze": _(
            "Record the tailored framework as version 1? It cannot be changed afterwards; "
            "changes go into a revision on day 2."
        ),
        "freeze_hint": _(
            "Accepted requirements and agreed decision rules go in; proposed and dropped rules "
            "do not."
        ),
        "freeze_empty": _("Nothing to record yet: accept a requirement or agree on a rule."),
        "freeze_pending": _("The facilitator records the tailored framework in a moment."),
    }
