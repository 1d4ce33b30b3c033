"""The personal-data gate on every short text of Stap 3 and day 2: a judgement comment, a
reaction to a beslisregel, a check-in and a review are refused when they look like personal
data, may be sent anyway only saying what it is, and then stay out of what the room and the
document see until the facilitator clears each finding."""

from __future__ import annotations

import pytest

from game.followup import selectors as followup_selectors
from game.followup import services as followup_services
from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.practice import quarantine
from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.requirements import services as requirements_services
from tests.unit.helpers import error_code

pytestmark = pytest.mark.django_db

PHONE = "Bel mevrouw op 06-12345678."
RULE = {"who_decides": "De wijkprofessional", "what": "Een voorziening buiten de catalogus"}
CASE = {
    "title": "Traplift of verhuizing",
    "situation": "Een inwoner met reuma kan de trap niet meer op.",
    "question": "Mag het wijkteam de goedkopere traplift regelen?",
}


@pytest.fixture
def requirement(traject):
    requirement = requirements_services.add_requirement(traject=traject, text="Eén loket")
    requirements_services.decide_requirement(requirement=requirement, decision="accept")
    return requirement


@pytest.fixture
def picked(traject, alice):
    case = practice_services.submit_case(participant=alice, privacy_reason="", **CASE)
    practice_services.pick_cases(traject=traject, case_ids=[case.pk])
    case.refresh_from_db()
    return case


def clear_all(traject, kind: str, facilitator) -> None:
    for text in quarantine.quarantined_texts(traject):
        if text["kind"] == kind:
            for index in range(len(text["findings"])):
                quarantine.clear_finding(
                    traject=traject,
                    kind=kind,
                    row_id=text["id"],
                    index=index,
                    cleared_by_id=facilitator.pk,
                )


def test_a_judgement_comment_is_gated_and_held_back_until_cleared(
    traject, alice, bob, requirement, picked, facilitator
):
    judge = {"participant": bob, "case": picked, "requirement": requirement, "verdict": "knelt"}
    assert error_code(practice_services.judge, comment=PHONE, **judge) == "personal_data"
    assert practice_services.judge(comment=PHONE, privacy_reason="invented", **judge)
    [row] = practice_selectors.judgement_grid(picked)
    assert row["counts"]["knelt"] == 1  # the verdict counts
    assert row["comments"] == []  # the text waits
    assert [t["kind"] for t in quarantine.quarantined_texts(traject)] == ["judgement"]
    clear_all(traject, "judgement", facilitator)
    [row] = practice_selectors.judgement_grid(picked)
    assert row["comments"] == [{"verdict": "knelt", "text": PHONE}]
    assert quarantine.quarantined_texts(traject) == []


def test_a_reaction_to_a_rule_is_gated_and_held_back_until_cleared(traject, bob, facilitator):
    rule = framework_services.propose_rule(traject=traject, **RULE)
    react = {"participant": bob, "rule": rule, "stance": "concern", "comment": PHONE}
    assert error_code(framework_services.react_to_rule, **react) == "personal_data"
    assert framework_services.react_to_rule(privacy_reason="not_personal", **react)
    [summary] = framework_selectors.rule_summaries(traject, include_dropped=False)
    assert (summary["concern"], summary["comments"]) == (1, [])
    clear_all(traject, "reaction", facilitator)
    [summary] = framework_selectors.rule_summaries(traject, include_dropped=False)
    assert summary["comments"] == [{"stance": "concern", "text": PHONE}]


def test_a_check_in_is_gated_and_held_back_until_cleared(traject, bob, facilitator):
    write = {"traject": traject, "participant": bob, "text": PHONE}
    assert error_code(followup_services.write_checkin, **write) == "personal_data"
    assert followup_services.write_checkin(privacy_reason="invented", **write)
    assert followup_selectors.checkin_answers(traject) == []
    assert followup_selectors.checkins_by_participant(traject) == {bob.pk: PHONE}  # the author
    clear_all(traject, "checkin", facilitator)
    assert followup_selectors.checkin_answers(traject) == [PHONE]


def test_a_review_is_gated_and_its_texts_held_back_until_cleared(
    traject, bob, requirement, facilitator
):
    version = framework_services.freeze_framework(traject=traject)
    [item] = framework_selectors.framework_items(version)
    review = {
        "participant": bob,
        "version": version,
        "item_key": item["key"],
        "applied": "deels",
        "how_it_went": PHONE,
        "improve": "Sneller beslissen",
    }
    assert error_code(followup_services.write_review, **review) == "personal_data"
    assert followup_services.write_review(privacy_reason="not_personal", **review)
    [summary] = followup_selectors.review_summary(version)
    assert summary["counts"]["deels"] == 1
    assert (summary["how_it_went"], summary["improve"]) == ([], [])
    clear_all(traject, "review", facilitator)
    [summary] = followup_selectors.review_summary(version)
    assert (summary["how_it_went"], summary["improve"]) == ([PHONE], ["Sneller beslissen"])


def test_a_clean_text_needs_no_reason_and_rewriting_it_clean_ends_the_quarantine(traject, bob):
    write = {"traject": traject, "participant": bob}
    followup_services.write_checkin(text=PHONE, privacy_reason="invented", **write)
    assert quarantine.quarantined_texts(traject)
    followup_services.write_checkin(text="Ik heb twee keer afgeweken.", **write)
    assert quarantine.quarantined_texts(traject) == []


def test_clearing_is_only_within_the_traject_and_of_a_known_kind(traject, bob, mallory):
    participant = mallory[0]
    followup_services.write_checkin(
        traject=participant.traject, participant=participant, text=PHONE, privacy_reason="invented"
    )
    [other] = quarantine.quarantined_texts(participant.traject)
    clear = {"index": 0, "cleared_by_id": None}
    assert (
        error_code(
            quarantine.clear_finding, traject=traject, kind="checkin", row_id=other["id"], **clear
        )
        == "finding_unknown"
    )
    assert (
        error_code(quarantine.clear_finding, traject=traject, kind="note", row_id=1, **clear)
        == "finding_unknown"
    )
