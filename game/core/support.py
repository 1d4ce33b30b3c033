"""Vertical support: how much each group of the room backs a requirement, and when one stands
apart. The one place this rule and its thresholds live; the pages and the document show what it
returns and state it with `rule_text`.

Borrowed from Pol.is' group-informed consensus, with the room's columns (layers, or merged
layers, see game.core.anonymity) as the groups:

- A vote agrees (Moet, Zou moeten), rejects (Niet nu) or is neutral (Zou kunnen). A neutral
  vote is a vote that does not back the requirement; it never counts as opposition.
- Per group, p = (agree + 1) / (votes + 2): the share that agrees, pulled towards one half
  when a group is small, so one voter is not "100 %" and a silent group is not "0 %".
- The draagvlak is the geometric mean of p over the groups that voted: one opposing group
  pulls it down visibly, and unlike a product it does not shrink because groups are added.
- A group "wijkt af" when its agreement among the votes that take a side (agree or reject)
  differs from that of all other groups together with a two-proportion z (continuity
  corrected) beyond Z_APART; a
  "veto" when more than VETO_SHARE of its votes reject while more than half of the rest agree.
  A group with fewer than MIN_VOTES votes has too few votes: it is never flagged.

Because neutral votes are left out of the comparison, a lone Zou kunnen never raises a flag,
and the flag of a group does not depend on the order of the groups.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

# How each MoSCoW choice counts; dots only agree (a dot cannot say no).
SIDES: dict[str, str] = {"must": "agree", "should": "agree", "could": "neutral", "wont": "reject"}

MIN_VOTES = 3
Z_APART = 1.28  # one-sided 90 %: a difference a room should talk about, not a proof
VETO_SHARE = 0.5


def moscow_labels() -> dict[str, str]:
    """The MoSCoW choices as every screen and the document name them (Moet, Zou moeten …)."""
    return {"must": _("Must"), "should": _("Should"), "could": _("Could"), "wont": _("Won't")}


@dataclass(frozen=True)
class Sides:
    """A group's votes on one requirement by side."""

    agree: int = 0
    neutral: int = 0
    reject: int = 0

    @property
    def votes(self) -> int:
        return self.agree + self.neutral + self.reject

    @property
    def taking_a_side(self) -> int:
        return self.agree + self.reject

    def __add__(self, other: Sides) -> Sides:
        return Sides(
            self.agree + other.agree, self.neutral + other.neutral, self.reject + other.reject
        )

    @classmethod
    def of_moscow(cls, counts: Mapping[str, int]) -> Sides:
        by_side = {"agree": 0, "neutral": 0, "reject": 0}
        for choice, n in counts.items():
            by_side[SIDES[choice]] += n
        return cls(**by_side)


@dataclass(frozen=True)
class GroupSupport:
    key: str
    votes: int
    p: float | None  # (agree + 1) / (votes + 2); None when the group did not vote
    enough: bool  # at least MIN_VOTES votes; below that the group is never flagged
    apart: str | None  # "more" or "less" agreement than the rest, when z is beyond Z_APART
    veto: bool


@dataclass(frozen=True)
class Support:
    draagvlak: float | None  # geometric mean of p over the groups that voted; None: no votes
    groups: dict[str, GroupSupport]

    @property
    def flagged(self) -> bool:
        return any(g.apart or g.veto for g in self.groups.values())


def vertical_support(sides: Mapping[str, Sides]) -> Support:
    """The statistic of one requirement from its votes per group (in the groups' order)."""
    total = sum(sides.values(), Sides())
    groups = {}
    for key, own in sides.items():
        rest = Sides(
            total.agree - own.agree, total.neutral - own.neutral, total.reject - own.reject
        )
        enough = own.votes >= MIN_VOTES
        comparable = enough and rest.votes >= MIN_VOTES
        z = _two_proportion_z(own, rest) if comparable else 0.0
        groups[key] = GroupSupport(
            key=key,
            votes=own.votes,
            p=(own.agree + 1) / (own.votes + 2) if own.votes else None,
            enough=enough,
            apart=("more" if z > 0 else "less") if abs(z) > Z_APART else None,
            veto=comparable
            and own.reject / own.votes > VETO_SHARE
            and rest.agree / rest.votes > 0.5,
        )
    voted = [g.p for g in groups.values() if g.p is not None]
    draagvlak = math.exp(sum(math.log(p) for p in voted) / len(voted)) if voted else None
    return Support(draagvlak=draagvlak, groups=groups)


def _two_proportion_z(own: Sides, rest: Sides) -> float:
    """z of the difference in agreement (among votes taking a side) between a group and the
    rest, with Yates' continuity correction: next to a unanimous rest, one dissenting vote among
    many is not a difference on its own (uncorrected, 14 of 15 against 30 of 30 gives z = 1.4).
    0 when either has no such votes, when everyone is on the same side, or when the corrected
    difference vanishes."""
    n1, n2 = own.taking_a_side, rest.taking_a_side
    if not n1 or not n2:
        return 0.0
    pooled = (own.agree + rest.agree) / (n1 + n2)
    if pooled in (0.0, 1.0):
        return 0.0
    spread = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    difference = own.agree / n1 - rest.agree / n2
    corrected = max(0.0, abs(difference) - (1 / n1 + 1 / n2) / 2)
    return math.copysign(corrected, difference) / spread


def mark(cell: Mapping) -> tuple[str, str]:
    """The symbol and the words for what this statistic marked in a result cell (its `apart`
    and `veto`), for every screen and format alike: ("", "") when nothing is marked. A veto
    also differs; it is the one named."""
    if cell["veto"]:
        return "✖", _("veto: mostly %(wont)s") % {"wont": moscow_labels()["wont"]}
    if cell["apart"] == "more":
        return "▲", _("differs: more support than the rest")
    if cell["apart"] == "less":
        return "▼", _("differs: less support than the rest")
    return "", ""


def rule_text() -> str:
    """The rule in plain words, for the help under the grid and for the document."""
    return _(
        "%(must)s and %(should)s count as support, %(wont)s as rejection; %(could)s is "
        "neutral. Overall support is the average over the groups that voted, taken so that "
        "one opposing group pulls it down (a geometric mean of (support + 1) / (votes + 2) per "
        "group). A group is marked “differs” when its support clearly differs from the other "
        "groups together (two-proportion z beyond %(z)s, with continuity correction, %(could)s "
        "left out), and “veto” when more than half of its votes are %(wont)s while the rest "
        "agree. A group with fewer than %(min)s votes has too few votes and is never marked."
    ) % {"z": number_format(Z_APART, 2), "min": MIN_VOTES, **moscow_labels()}
