"""The kader op maat live: beslisregels and reactions to them, and freezing the framework.

Reactions reach the room as counts and unsigned concerns; a phone gets its own reactions.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.framework.models import RULE_FIELDS, FrameworkVersion, RuleReaction
from sessions.registry import (
    FACILITATOR,
    PARTICIPANT,
    Context,
    command,
    id_arg,
    me,
    str_arg,
    text_arg,
)
from sessions.sections import View, section


def rule_args(args: dict) -> dict[str, str]:
    return {name: text_arg(args, name) for name in RULE_FIELDS}


@command("rule.propose", audiences={FACILITATOR})
def propose_rule(ctx: Context, args: dict) -> bool:
    framework_services.propose_rule(traject=ctx.live.traject, **rule_args(args))
    return True


@command("rule.edit", audiences={FACILITATOR})
def edit_rule(ctx: Context, args: dict) -> bool:
    return framework_services.edit_rule(
        rule=framework_selectors.rule_of(ctx.live.traject, id_arg(args, "rule")), **rule_args(args)
    )


@command("rule.status", audiences={FACILITATOR})
def set_rule_status(ctx: Context, args: dict) -> bool:
    return framework_services.set_rule_status(
        rule=framework_selectors.rule_of(ctx.live.traject, id_arg(args, "rule")),
        status=str_arg(args, "status", max_length=20),
    )


@command("rule.react", audiences={PARTICIPANT}, input_kind="rules")
def react_to_rule(ctx: Context, args: dict) -> bool:
    """`stance` agree/concern with an optional `comment`; an empty stance takes it back."""
    return framework_services.react_to_rule(
        participant=me(ctx),
        rule=framework_selectors.rule_of(ctx.live.traject, id_arg(args, "rule")),
        stance=str_arg(args, "stance", max_length=20, required=False),
        comment=text_arg(args, "comment"),
    )


@command("framework.freeze", audiences={FACILITATOR})
def freeze_framework(ctx: Context, args: dict) -> bool:
    framework_services.freeze_framework(traject=ctx.live.traject)
    return True


@section("rules")
def rules(view: View) -> tuple[dict, dict[int, dict]]:
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


def version_dict(version: FrameworkVersion) -> dict:
    content = version.content
    return {
        "number": version.number,
        "frozen_at": version.frozen_at.isoformat(),
        "requirements": content.get("requirements", []),
        "rules": content.get("rules", []),
        "cases": content.get("cases", []),
    }


@section("framework")
def framework(view: View) -> tuple[dict, dict[int, dict]]:
    """The latest frozen version; before freezing, the console sees what would be frozen."""
    traject = view.live.traject
    latest = framework_selectors.latest_framework(traject)
    shared: dict = {"framework": version_dict(latest) if latest else None}
    if view.audience == FACILITATOR and latest is None:
        shared["framework_draft"] = framework_selectors.framework_draft(traject)
    return shared, {}
