"""Dag 2 rules: recognising returning participants, reviewing the kader, revising it into v2,
and the difference between two versions."""

from __future__ import annotations

import pytest
from django.contrib.sessions.backends.db import SessionStore

from game.followup import selectors as followup_selectors
from game.followup import services as followup_services
from game.followup.models import DeviceClaim, Review
from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.framework.models import DecisionRule, FrameworkVersion
from game.practice.models import RequirementAddition
from game.requirements import services as requirements_services
from game.requirements.models import Requirement, RequirementRevision
from sessions.claims import bind_device, device_claim, request_claim
from sessions.live import open_session, participant_for
from sessions.models import Device
from tests.conftest import make_participant
from tests.unit.helpers import error_code

pytestmark = pytest.mark.django_db

RULE = {
    "who_decides": "De wijkprofessional",
    "what": "Een voorziening buiten de catalogus",
    "budget_or_mandate": "Tot € 2.500",
    "accountability": "Achteraf in het teamoverleg",
    "escalation": "Boven € 2.500 de teamleider",
}


@pytest.fixture
def v1(traject):
    """Kader v1: two requirements and one agreed rule."""
    for text in ("Eén loket", "Eigen budget"):
        requirement = requirements_services.add_requirement(traject=traject, text=text)
        requirements_services.decide_requirement(requirement=requirement, decision="accept")
    rule = framework_services.propose_rule(traject=traject, **RULE)
    framework_services.set_rule_status(rule=rule, status="agreed")
    return framework_services.freeze_framework(traject=traject)


def keys(version) -> dict[str, str]:
    """Text → key of every item of a version."""
    return {item["text"]: item["key"] for item in framework_selectors.framework_items(version)}


# --- recognising returning participants -------------------------------------------------------


def test_a_claim_waits_for_the_facilitator_and_is_confirmed_once(traject, facilitator, alice):
    claim = followup_services.claim_identity(
        traject=traject, participant_id=alice.pk, token_hash="h" * 64
    )
    assert claim.pending
    assert len(claim.check_code) == 4 and claim.check_code.isdigit()
    assert followup_selectors.pending_claims(traject) == [claim]
    followup_services.confirm_claim(claim=claim, confirmed_by_id=facilitator.pk)
    claim.refresh_from_db()
    assert (claim.pending, claim.confirmed_by) == (False, facilitator)
    assert followup_selectors.pending_claims(traject) == []
    assert error_code(followup_services.confirm_claim, claim=claim) == "claim_decided"
    assert error_code(followup_services.reject_claim, claim=claim) == "claim_decided"


def test_a_rejected_claim_stays_on_record_and_is_no_longer_pending(traject, alice):
    claim = followup_services.claim_identity(
        traject=traject, participant_id=alice.pk, token_hash="h" * 64
    )
    followup_services.reject_claim(claim=claim)
    claim.refresh_from_db()
    assert claim.rejected_at is not None and not claim.pending
    assert error_code(followup_services.confirm_claim, claim=claim) == "claim_decided"


def test_nobody_claims_a_participant_of_another_traject(traject, mallory):
    kwargs = {"traject": traject, "participant_id": mallory[0].pk, "token_hash": "h" * 64}
    assert error_code(followup_services.claim_identity, **kwargs) == "participant_unknown"
    claim = followup_services.claim_identity(
        traject=mallory[2].traject, participant_id=mallory[0].pk, token_hash="m" * 64
    )
    assert (
        error_code(followup_selectors.claim_of, traject=traject, claim_id=claim.pk)
        == "claim_unknown"
    )


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("alice", "Alice"),
        ("  de  Vries ", "De Vries"),
        ("jose", "José"),
        ("José", "Jose"),
        ("ANNE-MARIE VAN DÜREN", "Anne-Marie van Duren"),
        ("Zoë\tÇelik", "zoe celik"),
    ],
)
def test_a_typed_name_is_compared_without_case_accents_or_extra_spaces(typed, stored):
    assert followup_selectors.name_key(typed) == followup_selectors.name_key(stored)


def test_different_names_stay_different():
    assert followup_selectors.name_key("Jos") != followup_selectors.name_key("José")
    assert followup_selectors.name_key("Devries") != followup_selectors.name_key("De Vries")


def returning(traject, name: str, layer_key: str):
    return followup_selectors.returning_participant(traject, name=name, layer_key=layer_key)


def test_the_typed_name_and_layer_find_the_participant(live, traject, alice, bob):
    jose = make_participant(live, "José de Vries", "beleid")[0]
    assert returning(traject, "  ALICE ", "raad") == alice
    assert returning(traject, "jose  de   vries", "beleid") == jose
    assert returning(traject, "Bob", "uitvoering") == bob


def test_a_name_in_another_layer_is_not_found_like_an_unknown_name(traject, alice):
    kwargs = {"traject": traject, "name": "Alice"}
    other_layer = error_code(followup_selectors.returning_participant, layer_key="beleid", **kwargs)
    kwargs["name"] = "Alicia"
    unknown = error_code(followup_selectors.returning_participant, layer_key="raad", **kwargs)
    assert other_layer == unknown == "claim_no_match"


def test_a_participant_of_another_traject_is_never_found(traject, alice, mallory):
    kwargs = {"traject": traject, "name": "Mallory", "layer_key": "beleid"}
    assert error_code(followup_selectors.returning_participant, **kwargs) == "claim_no_match"
    assert returning(mallory[2].traject, "mallory", "beleid") == mallory[0]


def test_names_alike_in_one_layer_are_told_apart_by_their_spelling_or_refused(live, traject):
    accented = make_participant(live, "José", "raad")[0]
    plain = make_participant(live, "Jose", "raad")[0]
    other_layer = make_participant(live, "Josè", "beleid")[0]
    assert returning(traject, "JOSÉ", "raad") == accented
    assert returning(traject, " jose ", "raad") == plain
    assert returning(traject, "jose", "beleid") == other_layer  # alone in its layer
    kwargs = {"traject": traject, "name": "Josè", "layer_key": "raad"}  # neither spelling
    assert error_code(followup_selectors.returning_participant, **kwargs) == "claim_ambiguous"


def test_a_new_device_speaks_for_the_participant_only_after_confirmation(traject, alice):
    day2 = open_session(traject=traject, day=2)
    browser: dict = {}
    claim = request_claim(browser, live=day2, participant_id=alice.pk)
    assert participant_for(browser, traject.pk) is None  # not before the facilitator says so
    assert device_claim(browser, traject.pk) == claim
    followup_services.confirm_claim(claim=claim)
    bind_device(claim)
    bind_device(claim)  # a retried confirmation binds once
    assert participant_for(browser, traject.pk) == alice
    assert Device.objects.filter(participant=alice).count() == 2  # day 1's phone still works


def test_claiming_again_from_the_same_browser_replaces_the_pending_claim(traject, alice, bob):
    day2 = open_session(traject=traject, day=2)
    browser: dict = {}
    request_claim(browser, live=day2, participant_id=bob.pk)
    claim = request_claim(browser, live=day2, participant_id=alice.pk)
    assert list(DeviceClaim.objects.all()) == [claim]


def test_a_claim_bumps_the_live_version_so_the_console_sees_it(traject, alice):
    day2 = open_session(traject=traject, day=2)
    request_claim({}, live=day2, participant_id=alice.pk)
    day2.refresh_from_db()
    assert day2.version == 2


def test_the_same_device_simply_resumes_on_day_2(live, traject):
    alice, session_key = make_participant(live, "Alice", "raad")
    open_session(traject=traject, day=2)
    assert participant_for(SessionStore(session_key=session_key), traject.pk) == alice


# --- reviewing --------------------------------------------------------------------------------


def test_a_review_names_an_item_of_the_version_and_a_known_answer(v1, alice):
    loket = keys(v1)["Eén loket"]
    kwargs = {"participant": alice, "version": v1}
    assert error_code(followup_services.write_review, item_key="req-0", applied="ja", **kwargs) == (
        "review_item_unknown"
    )
    assert error_code(followup_services.write_review, item_key=loket, applied="soms", **kwargs) == (
        "applied_unknown"
    )
    code = error_code(
        followup_services.write_review, item_key=loket, applied="ja", improve="x" * 501, **kwargs
    )
    assert code == "review_too_long"
    assert followup_services.write_review(
        item_key=loket, applied="ja", how_it_went="Goed", **kwargs
    )
    assert not followup_services.write_review(
        item_key=loket, applied="ja", how_it_went="Goed", **kwargs
    )
    assert followup_services.write_review(item_key=loket, applied="deels", **kwargs)
    review = Review.objects.get()
    assert (review.item_kind, review.applied, review.how_it_went) == ("requirement", "deels", "")


def test_a_participant_of_another_traject_cannot_review_this_kader(v1, mallory):
    kwargs = {"participant": mallory[0], "version": v1, "item_key": keys(v1)["Eén loket"]}
    assert error_code(followup_services.write_review, applied="ja", **kwargs) == "not_frozen"


def test_nothing_is_under_review_before_the_kader_is_frozen(traject, alice):
    version = followup_selectors.version_under_review(traject)
    assert version is None
    kwargs = {"participant": alice, "version": version, "item_key": "req-1", "applied": "ja"}
    assert error_code(followup_services.write_review, **kwargs) == "not_frozen"


def test_reviews_are_about_the_latest_frozen_version(traject, v1):
    assert followup_selectors.version_under_review(traject) == v1
    v2 = revise_v2(traject, v1)
    assert followup_selectors.version_under_review(traject) == v2


def test_the_review_summary_counts_every_answer_per_item_anonymously(v1, alice, bob, carol):
    k = keys(v1)
    rule_key = next(
        item["key"] for item in framework_selectors.framework_items(v1) if item["kind"] == "rule"
    )
    answers = [
        (alice, k["Eén loket"], "ja", "Werkte goed", ""),
        (bob, k["Eén loket"], "deels", "", "Sneller"),
        (carol, k["Eén loket"], "ja", "", ""),
        (alice, rule_key, "nee", "Niemand kende de regel", "Bekendmaken"),
    ]
    for person, key, applied, how, improve in answers:
        followup_services.write_review(
            participant=person,
            version=v1,
            item_key=key,
            applied=applied,
            how_it_went=how,
            improve=improve,
        )
    summary = {row["key"]: row for row in followup_selectors.review_summary(v1)}
    assert [row["kind"] for row in followup_selectors.review_summary(v1)] == [
        "requirement",
        "requirement",
        "rule",
    ]
    assert summary[k["Eén loket"]] | {"text": "…"} == {
        "kind": "requirement",
        "key": k["Eén loket"],
        "text": "…",
        "counts": {"ja": 2, "deels": 1, "nee": 0},
        "total": 3,
        "how_it_went": ["Werkte goed"],
        "improve": ["Sneller"],
    }
    assert summary[k["Eigen budget"]]["total"] == 0
    assert summary[rule_key]["counts"] == {"ja": 0, "deels": 0, "nee": 1}
    assert summary[rule_key]["improve"] == ["Bekendmaken"]
    assert "Alice" not in str(summary)


# --- revising ---------------------------------------------------------------------------------


def revise_v2(traject, v1) -> FrameworkVersion:
    k = keys(v1)
    rule_key = next(
        item["key"] for item in framework_selectors.framework_items(v1) if item["kind"] == "rule"
    )
    return followup_services.revise_framework(
        traject=traject,
        changes=[
            {
                "kind": "requirement",
                "item": k["Eén loket"],
                "action": "rephrase",
                "text": "Eén loket, één plan",
                "reason": "Inwoners kregen nog twee plannen",
            },
            {
                "kind": "requirement",
                "item": k["Eigen budget"],
                "action": "drop",
                "reason": "Niet toegepast, niet gemist",
            },
            {
                "kind": "requirement",
                "action": "add",
                "text": "Maatwerk wordt binnen vier weken besloten",
                "reason": "Het duurde te lang",
            },
            {
                "kind": "rule",
                "item": rule_key,
                "action": "rephrase",
                "fields": {"budget_or_mandate": "Tot € 5.000"},
                "reason": "€ 2.500 was te krap",
            },
        ],
    )


def test_revising_writes_v2_with_every_change_and_its_reason_and_leaves_v1_intact(traject, v1):
    before = FrameworkVersion.objects.get(pk=v1.pk).content
    v2 = revise_v2(traject, v1)
    k = keys(v1)
    added = Requirement.objects.get(text="Maatwerk wordt binnen vier weken besloten")
    rule = DecisionRule.objects.get()

    assert (v2.number, v2.content["number"], v2.content["based_on"]) == (2, 2, 1)
    assert [item["text"] for item in v2.content["requirements"]] == [
        "Eén loket, één plan",
        "Maatwerk wordt binnen vier weken besloten",
    ]
    assert v2.content["rules"][0]["budget_or_mandate"] == "Tot € 5.000"
    assert v2.content["rules"][0]["escalation"] == RULE["escalation"]
    assert [(c["kind"], c["key"], c["action"], c["reason"]) for c in v2.content["changes"]] == [
        ("requirement", k["Eén loket"], "rephrase", "Inwoners kregen nog twee plannen"),
        ("requirement", k["Eigen budget"], "drop", "Niet toegepast, niet gemist"),
        ("requirement", f"req-{added.pk}", "add", "Het duurde te lang"),
        ("rule", f"rule-{rule.pk}", "rephrase", "€ 2.500 was te krap"),
    ]
    assert v2.content["changes"][0]["before"] == "Eén loket"
    assert v2.content["changes"][0]["after"] == "Eén loket, één plan"
    assert v2.content["changes"][1]["after"] is None
    assert FrameworkVersion.objects.get(pk=v1.pk).content == before


def test_revising_brings_the_live_rows_along(traject, v1):
    revise_v2(traject, v1)
    loket = Requirement.objects.get(text="Eén loket, één plan")
    assert RequirementRevision.objects.get(requirement=loket).reason == (
        "Inwoners kregen nog twee plannen"
    )
    assert Requirement.objects.get(text="Eigen budget").status == "dropped"
    added = Requirement.objects.get(text="Maatwerk wordt binnen vier weken besloten")
    assert added.status == "accepted"
    assert RequirementAddition.objects.get(requirement=added).reason == "Het duurde te lang"
    assert DecisionRule.objects.get().budget_or_mandate == "Tot € 5.000"


def test_a_revision_is_based_on_the_latest_version(traject, v1):
    v2 = revise_v2(traject, v1)
    added_key = keys(v2)["Maatwerk wordt binnen vier weken besloten"]
    change = {"kind": "requirement", "item": added_key, "action": "drop", "reason": "Toch niet"}
    v3 = followup_services.revise_framework(traject=traject, changes=[change])
    assert (v3.number, v3.content["based_on"]) == (3, 2)
    assert [item["text"] for item in v3.content["requirements"]] == ["Eén loket, één plan"]


def test_a_kept_item_carries_over_and_its_reason_is_recorded(traject, v1):
    change = {"kind": "requirement", "item": keys(v1)["Eén loket"], "action": "keep"}
    v2 = followup_services.revise_framework(
        traject=traject, changes=[{**change, "reason": "Werkt"}]
    )
    assert v2.content["requirements"] == v1.content["requirements"]
    assert v2.content["changes"][0]["reason"] == "Werkt"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"kind": "eis", "item": "req-1", "action": "drop", "reason": "R"}, "change_invalid"),
        ({"kind": "requirement", "item": "req-1", "action": "merge"}, "change_invalid"),
        (
            {"kind": "requirement", "item": "req-0", "action": "drop", "reason": "R"},
            "review_item_unknown",
        ),
        ({"kind": "requirement", "action": "add", "text": "Nieuw"}, "reason_empty"),
        ({"kind": "requirement", "action": "add", "text": "", "reason": "R"}, "requirement_empty"),
        (
            {"kind": "rule", "action": "add", "fields": {"wie": "x"}, "reason": "R"},
            "change_invalid",
        ),
        (
            {"kind": "rule", "action": "add", "fields": {"what": "Iets"}, "reason": "R"},
            "rule_empty",
        ),
    ],
)
def test_a_revision_refuses_an_invalid_change_and_writes_nothing(traject, v1, change, code):
    assert error_code(followup_services.revise_framework, traject=traject, changes=[change]) == code
    assert FrameworkVersion.objects.count() == 1


def test_a_revision_changes_each_item_once_and_needs_a_frozen_kader(traject, v1, mallory):
    item = keys(v1)["Eén loket"]
    drop = {"kind": "requirement", "item": item, "action": "drop", "reason": "R"}
    assert error_code(
        followup_services.revise_framework, traject=traject, changes=[drop, drop]
    ) == ("change_twice")
    assert (
        error_code(followup_services.revise_framework, traject=traject, changes=[])
        == "changes_none"
    )
    other = mallory[2].traject
    assert (
        error_code(followup_services.revise_framework, traject=other, changes=[drop])
        == "not_frozen"
    )


def test_a_rule_item_cannot_be_changed_as_a_requirement(traject, v1):
    rule_key = next(
        item["key"] for item in framework_selectors.framework_items(v1) if item["kind"] == "rule"
    )
    change = {"kind": "requirement", "item": rule_key, "action": "drop", "reason": "R"}
    code = error_code(followup_services.revise_framework, traject=traject, changes=[change])
    assert code == "review_item_unknown"


# --- the difference between two versions ------------------------------------------------------

OLD = {
    "number": 1,
    "requirements": [
        {"key": "req-1", "text": "Eén loket"},
        {"key": "req-2", "text": "Eigen budget"},
        {"key": "req-3", "text": "Uitlegbaar"},
    ],
    "rules": [{"key": "rule-1", **RULE}],
    "changes": [],
}
NEW = {
    "number": 2,
    "based_on": 1,
    "requirements": [
        {"key": "req-1", "text": "Eén loket, één plan"},
        {"key": "req-3", "text": "Uitlegbaar"},
        {"key": "req-4", "text": "Binnen vier weken"},
    ],
    "rules": [{"key": "rule-1", **RULE, "budget_or_mandate": "Tot € 5.000"}],
    "changes": [
        {"key": "req-1", "action": "rephrase", "reason": "Twee plannen"},
        {"key": "req-2", "action": "drop", "reason": "Niet gemist"},
        {"key": "req-4", "action": "add", "reason": "Te traag"},
    ],
}


def test_the_diff_lists_added_removed_changed_and_unchanged_items_with_reasons():
    rule_before = (
        "De wijkprofessional · Een voorziening buiten de catalogus · Tot € 2.500 · "
        "Achteraf in het teamoverleg · Boven € 2.500 de teamleider"
    )
    assert followup_selectors.framework_diff(OLD, NEW) == {
        "added": [
            {
                "kind": "requirement",
                "key": "req-4",
                "after": "Binnen vier weken",
                "reason": "Te traag",
            }
        ],
        "removed": [
            {
                "kind": "requirement",
                "key": "req-2",
                "before": "Eigen budget",
                "reason": "Niet gemist",
            }
        ],
        "changed": [
            {
                "kind": "requirement",
                "key": "req-1",
                "before": "Eén loket",
                "after": "Eén loket, één plan",
                "reason": "Twee plannen",
            },
            {
                "kind": "rule",
                "key": "rule-1",
                "before": rule_before,
                "after": rule_before.replace("Tot € 2.500", "Tot € 5.000"),
                "reason": "",
            },
        ],
        "unchanged": [{"kind": "requirement", "key": "req-3", "text": "Uitlegbaar"}],
    }


def test_the_diff_of_a_version_with_itself_is_all_unchanged():
    diff = followup_selectors.framework_diff(OLD, OLD)
    assert diff["added"] == diff["removed"] == diff["changed"] == []
    assert [item["key"] for item in diff["unchanged"]] == ["req-1", "req-2", "req-3", "rule-1"]


def test_a_rule_whose_parts_move_between_fields_counts_as_changed():
    moved = {**OLD, "rules": [{"key": "rule-1", **RULE, "accountability": "", "escalation": ""}]}
    shifted = {
        **OLD,
        "rules": [
            {
                "key": "rule-1",
                **RULE,
                "accountability": "",
                "escalation": "",
                "budget_or_mandate": "",
                "what": f"{RULE['what']} · {RULE['budget_or_mandate']}",
            }
        ],
    }
    assert [c["key"] for c in followup_selectors.framework_diff(moved, shifted)["changed"]] == [
        "rule-1"
    ]


def test_the_diff_of_real_versions_shows_what_changed_from_v1_to_v2(traject, v1):
    v2 = revise_v2(traject, v1)
    diff = followup_selectors.framework_diff(v1, v2)
    assert [(c["before"], c["after"]) for c in diff["changed"] if c["kind"] == "requirement"] == [
        ("Eén loket", "Eén loket, één plan")
    ]
    assert [r["before"] for r in diff["removed"]] == ["Eigen budget"]
    assert [(a["after"], a["reason"]) for a in diff["added"]] == [
        ("Maatwerk wordt binnen vier weken besloten", "Het duurde te lang")
    ]
    assert diff["unchanged"] == []
