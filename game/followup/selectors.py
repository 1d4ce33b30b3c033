"""Reads of day 2: whom a returning participant's typed name means and the claims, the check-in
answers, the version under review and the review summary per item, and what changed from one
version to the next (`framework_diff`)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Mapping

from game.core.errors import GameError
from game.core.models import Participant, Traject
from game.followup.models import APPLIED, CheckIn, DeviceClaim, Review
from game.framework.models import FrameworkVersion
from game.framework.selectors import (
    content_of,
    framework_items,
    item_text,
    latest_framework,
    wording,
)
from game.practice.gate import in_quarantine


def name_key(name: str) -> str:
    """A name as it is compared when someone claims it on a new device: without case, accents
    or extra spaces, because a phone's keyboard weeks later rarely types it the same way
    ("  jose  de vries " finds "José de Vries")."""
    letters = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in letters if not unicodedata.combining(ch)).split())


def returning_participant(traject: Traject, *, name: str, layer_key: str) -> Participant:
    """The participant of `traject` a new device means by the name and layer it typed.

    Nobody sees the traject's names, so the device must know both. A name that exists only in
    another layer is reported exactly like an unknown one ("claim_no_match"), so the answer
    never tells who was there. Two people of the layer whose names differ only in accents or
    case are told apart by the exact spelling (case aside); if that does not single one out,
    the claim is refused ("claim_ambiguous") rather than made for a guess.
    """
    typed = name_key(name)
    found = [
        p for p in traject.participants.filter(layer__key=layer_key) if name_key(p.name) == typed
    ]
    if not found:
        raise GameError("claim_no_match")
    if len(found) == 1:
        return found[0]
    spelled = " ".join(name.split()).casefold()
    exact = [p for p in found if p.name.casefold() == spelled]
    if len(exact) != 1:
        raise GameError("claim_ambiguous")
    return exact[0]


def claim_of(traject: Traject, claim_id: int) -> DeviceClaim:
    claim = (
        DeviceClaim.objects.select_related("participant")
        .filter(pk=claim_id, participant__traject=traject)
        .first()
    )
    if claim is None:
        raise GameError("claim_unknown")
    return claim


def pending_claims(traject: Traject) -> list[DeviceClaim]:
    return list(
        DeviceClaim.objects.select_related("participant__layer")
        .filter(participant__traject=traject, confirmed_at__isnull=True, rejected_at__isnull=True)
        .order_by("created_at", "pk")
    )


def checkin_answers(traject: Traject) -> list[str]:
    """The check-in answers of the traject, newest first, without who wrote them (a rewritten
    answer keeps its place; one withdrawn and written again counts as new). An answer in
    quarantine (game.practice.gate) is left out."""
    rows = CheckIn.objects.filter(traject=traject).order_by("-created_at", "-pk")
    return [
        text
        for text, findings in rows.values_list("text", "privacy_findings")
        if not in_quarantine(findings)
    ]


def checkins_by_participant(traject: Traject) -> dict[int, str]:
    """participant id → their own check-in answer, for their phone."""
    return dict(CheckIn.objects.filter(traject=traject).values_list("participant_id", "text"))


def version_under_review(traject: Traject) -> FrameworkVersion | None:
    """Reviews are about the latest frozen version of the kader (None before the first freeze):
    after a revision the room reviews the new version, not the one it replaced."""
    return latest_framework(traject)


def review_summary(version: FrameworkVersion) -> list[dict]:
    """Per item of the version, in order: applied counts (ja/deels/nee), total, and what was
    said about how it went and what must improve — anonymous, in writing order. The texts of
    a review in quarantine (game.practice.gate) are left out; its answer still counts."""
    rows = [
        (key, applied, *(("", "") if in_quarantine(findings) else (how, improve)))
        for key, applied, how, improve, findings in Review.objects.filter(version=version)
        .order_by("created_at", "pk")
        .values_list("item_key", "applied", "how_it_went", "improve", "privacy_findings")
    ]
    summary = []
    for item in framework_items(version):
        mine = [row for row in rows if row[0] == item["key"]]
        counter = Counter(applied for _, applied, _, _ in mine)
        counts = {answer: counter.get(answer, 0) for answer in APPLIED}
        summary.append(
            {
                **item,
                "counts": counts,
                "total": sum(counts.values()),
                "how_it_went": [text for _, _, text, _ in mine if text],
                "improve": [text for _, _, _, text in mine if text],
            }
        )
    return summary


def framework_diff(
    old: FrameworkVersion | Mapping, new: FrameworkVersion | Mapping
) -> dict[str, list[dict]]:
    """What changed from `old` to `new`: added, removed, changed (before → after) and
    unchanged items, each with its kind and key, and — where `new` recorded one — the reason.

    Pure: it compares the two contents by item key, so it works for any two versions (v1 → v3
    too; the reasons then come from the newer version's own changes only). An item counts as
    changed when its wording differs (the text of a requirement, any part of a rule);
    priorities are not revised on day 2, so they do not make an item changed.
    """
    before, after = content_of(old), content_of(new)
    reasons = {change["key"]: change.get("reason", "") for change in after.get("changes", [])}
    diff: dict[str, list[dict]] = {"added": [], "removed": [], "changed": [], "unchanged": []}
    for kind, field in (("requirement", "requirements"), ("rule", "rules")):
        old_items = {item["key"]: item for item in before.get(field, [])}
        new_items = {item["key"]: item for item in after.get(field, [])}
        for key, item in old_items.items():
            text = item_text(kind, item)
            if key not in new_items:
                diff["removed"].append(
                    {"kind": kind, "key": key, "before": text, "reason": reasons.get(key, "")}
                )
                continue
            new_text = item_text(kind, new_items[key])
            if wording(kind, new_items[key]) != wording(kind, item):
                diff["changed"].append(
                    {
                        "kind": kind,
                        "key": key,
                        "before": text,
                        "after": new_text,
                        "reason": reasons.get(key, ""),
                    }
                )
            else:
                diff["unchanged"].append({"kind": kind, "key": key, "text": text})
        for key, item in new_items.items():
            if key not in old_items:
                diff["added"].append(
                    {
                        "kind": kind,
                        "key": key,
                        "after": item_text(kind, item),
                        "reason": reasons.get(key, ""),
                    }
                )
    return diff
