"""Stap 3 rules: own cases and the personal-data check, picking cases, judging and the grid,
adjusting requirements, decision rules, and freezing the kader op maat."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.framework.models import FrameworkVersion, FrozenVersionError
from game.practice import gate as practice_gate
from game.practice import quarantine
from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.practice.models import (
    CaseConclusion,
    CaseDot,
    Judgement,
    PracticeCase,
    RequirementAddition,
)
from game.requirements import services as requirements_services
from game.requirements.models import Requirement, RequirementRevision
from tests.conftest import make_participant
from tests.unit.helpers import error_code, error_of

pytestmark = pytest.mark.django_db

CLEAN = {
    "title": "Traplift of verhuizing",
    "situation": "Een inwoner met reuma kan de trap niet meer op. Een traplift kost € 4.500.",
    "question": "Mag het wijkteam de goedkopere traplift regelen?",
}


@pytest.fixture
def dave(live):
    """Dave is a teamleider."""
    return make_participant(live, "Dave", "teamleiding")[0]


def clear(row, index: int, cleared_by_id: int, kind: str = "case") -> bool:
    traject = row.traject if kind == "case" else row.case.traject
    return quarantine.clear_finding(
        traject=traject, kind=kind, row_id=row.pk, index=index, cleared_by_id=cleared_by_id
    )


def submit(participant, reason: str = "", **fields) -> PracticeCase:
    return practice_services.submit_case(
        participant=participant, privacy_reason=reason, **{**CLEAN, **fields}
    )


def accepted(traject, *texts: str) -> list[Requirement]:
    """Requirements the room accepted in Stap 2 (not yet adopted as a programme)."""
    made = []
    for text in texts:
        requirement = requirements_services.add_requirement(traject=traject, text=text)
        requirements_services.decide_requirement(requirement=requirement, decision="accept")
        made.append(requirement)
    return made


def picked_case(traject, author) -> PracticeCase:
    case = submit(author)
    practice_services.pick_cases(traject=traject, case_ids=[case.pk])
    case.refresh_from_db()
    return case


# --- the personal-data check ------------------------------------------------------------------


def test_check_case_text_returns_kinds_excerpts_and_positions():
    assert practice_gate.check_text("Bel 06-12345678 vandaag") == [
        {"kind": "phone", "excerpt": "06-12345678", "start": 4, "end": 15, "certain": True}
    ]


def test_a_case_with_a_bsn_is_refused_with_the_findings_until_confirmed(traject, alice):
    situation = "Mevrouw (BSN 123456782) belt vaak. Mail: j.jansen@example.nl"
    error = error_of(
        practice_services.submit_case,
        participant=alice,
        title=CLEAN["title"],
        situation=situation,
        question=CLEAN["question"],
        privacy_reason="",
    )
    assert error.code == "personal_data"
    assert [(f["field"], f["kind"], f["excerpt"]) for f in error.params["findings"]] == [
        ("situation", "bsn", "123456782"),
        ("situation", "email", "j.jansen@example.nl"),
    ]
    assert not PracticeCase.objects.exists()


def test_the_personal_data_message_names_what_was_found_in_the_readers_language(alice):
    error = error_of(submit, participant=alice, situation="Bel haar op 06-12345678.")
    with translation.override("en"):
        assert error.message() == (
            "This looks like personal data: “06-12345678” (phone number). Change the text, or "
            "say what it is if you send it anyway."
        )


def test_sent_anyway_with_a_reason_the_case_is_saved_in_quarantine(alice):
    case = submit(alice, reason="invented", situation="Bel haar op 06-12345678.")
    assert case.privacy_confirmed is True and case.quarantined
    [finding] = case.privacy_findings
    assert (finding["kind"], finding["excerpt"], finding["author_says"]) == (
        "phone",
        "06-12345678",
        "invented",
    )
    assert finding["cleared_at"] is None


def test_an_unknown_reason_does_not_open_the_gate(alice):
    error = error_of(submit, participant=alice, reason="yes", situation="Bel 06-12345678.")
    assert error.code == "personal_data"
    assert not PracticeCase.objects.exists()


def test_a_clean_case_is_saved_without_a_warning_even_with_a_reason(alice):
    case = submit(alice, reason="not_personal")
    assert case.privacy_confirmed is False and not case.quarantined
    assert (case.traject_id, case.author_id) == (alice.traject_id, alice.pk)


def test_a_quarantined_case_cannot_be_picked_or_dotted_until_each_finding_is_cleared(
    traject, alice, bob, facilitator
):
    text = "Bel haar op 06-12345678 of mail j.jansen@example.nl."
    case = submit(alice, reason="not_personal", situation=text)
    pick = {"traject": traject, "case_ids": [case.pk]}
    assert error_code(practice_services.pick_cases, **pick) == "case_quarantined"
    dot = {"participant": bob, "case": case, "dots": 1}
    assert error_code(practice_services.set_case_dots, **dot) == "practice_case_unknown"
    assert clear(case, 0, cleared_by_id=facilitator.pk)
    assert not clear(case, 0, cleared_by_id=facilitator.pk)
    assert error_code(practice_services.pick_cases, **pick) == "case_quarantined"  # one left
    kwargs = {"traject": traject, "kind": "case", "row_id": case.pk, "index": 5}
    kwargs["cleared_by_id"] = facilitator.pk
    assert error_code(quarantine.clear_finding, **kwargs) == "finding_unknown"
    clear(case, 1, cleared_by_id=facilitator.pk)
    case.refresh_from_db()
    assert not case.quarantined
    assert [f["cleared_by"] for f in case.privacy_findings] == [facilitator.pk] * 2
    assert all(f["cleared_at"] for f in case.privacy_findings)
    assert practice_services.pick_cases(**pick)


def test_redacting_a_quarantined_case_ends_the_quarantine(alice, facilitator):
    case = submit(alice, reason="not_personal", situation="Bel haar op 06-12345678.")
    assert practice_services.redact_case(
        case=case,
        situation="Bel het wijkteam.",
        question=case.question,
        note="Nummer weggehaald",
        redacted_by_id=facilitator.pk,
    )
    case.refresh_from_db()
    assert not case.quarantined
    assert case.privacy_findings[0]["cleared_by"] == facilitator.pk


@pytest.mark.parametrize(
    "situation",
    [
        "Sinds 2023 krijgt zij € 1.250,00 per maand; de traplift kost € 12.000.",
        "Artikel 2.3.5 Wmo staat het niet toe; overleg om 10:30 in 1234 AB.",
        "Het dossiernummer 123456789 (geen BSN: de elfproef faalt).",
    ],
)
def test_ordinary_numbers_in_a_case_pass_without_a_warning(alice, situation):
    assert submit(alice, situation=situation).privacy_confirmed is False


def test_a_possible_birth_date_also_asks_for_confirmation(alice):
    error = error_of(submit, participant=alice, situation="Op 12-03-1985 verhuisde zij.")
    [finding] = error.params["findings"]
    assert (finding["kind"], finding["certain"]) == ("birthdate", False)
    with translation.override("en"):
        assert "(possible date of birth)" in error.message()


def test_personal_data_in_the_title_or_question_is_found_too(alice):
    error = error_of(submit, participant=alice, question="Mag ik info@example.nl mailen?")
    assert [(f["field"], f["kind"]) for f in error.params["findings"]] == [("question", "email")]


def test_a_case_keeps_its_paragraphs_but_not_stray_spaces(alice):
    case = submit(alice, situation="  Eerste   alinea.\n\n\n\nTweede  alinea.  ")
    assert case.situation == "Eerste alinea.\n\nTweede alinea."


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"title": " "}, "case_title_empty"),
        ({"title": "x" * 121}, "case_title_too_long"),
        ({"situation": ""}, "case_situation_empty"),
        ({"situation": "x" * 2001}, "case_situation_too_long"),
        ({"question": ""}, "case_question_empty"),
        ({"question": "x" * 501}, "case_question_too_long"),
    ],
)
def test_a_case_needs_a_title_a_situation_and_a_question_within_limits(alice, fields, code):
    assert error_code(submit, participant=alice, **fields) == code


# --- own cases --------------------------------------------------------------------------------


def test_editing_checks_for_personal_data_again(alice):
    case = submit(alice)
    kwargs = {"participant": alice, "case_id": case.pk, **CLEAN}
    kwargs["situation"] = "Zij woont op Dorpsstraat 12, 1234 AB Dorp."
    assert error_code(practice_services.edit_case, privacy_reason="", **kwargs) == "personal_data"
    assert practice_services.edit_case(privacy_reason="not_personal", **kwargs)
    case.refresh_from_db()
    assert case.privacy_confirmed is True
    assert not practice_services.edit_case(
        privacy_reason="not_personal", **kwargs
    )  # nothing changed


def test_only_the_author_edits_or_withdraws_a_case(alice, bob):
    case = submit(alice)
    edit = {"participant": bob, "case_id": case.pk, "privacy_reason": "", **CLEAN}
    assert error_code(practice_services.edit_case, **edit) == "not_yours"
    assert (
        error_code(practice_services.withdraw_case, participant=bob, case_id=case.pk) == "not_yours"
    )
    practice_services.withdraw_case(participant=alice, case_id=case.pk)
    assert not PracticeCase.objects.exists()


def test_a_picked_case_can_no_longer_be_edited_or_withdrawn_by_its_author(traject, alice):
    case = picked_case(traject, alice)
    edit = {"participant": alice, "case_id": case.pk, "privacy_reason": "", **CLEAN}
    assert error_code(practice_services.edit_case, **edit) == "case_picked"
    assert (
        error_code(practice_services.withdraw_case, participant=alice, case_id=case.pk)
        == "case_picked"
    )


def test_a_case_of_another_session_is_unknown(traject, mallory):
    other = submit(mallory[0])
    kwargs = {"participant": mallory[0], "case_id": other.pk}
    assert practice_selectors.practice_case_of(mallory[2].traject, other.pk) == other
    assert error_code(practice_selectors.practice_case_of, traject=traject, case_id=other.pk) == (
        "practice_case_unknown"
    )
    practice_services.withdraw_case(**kwargs)


def test_the_facilitator_redacts_a_picked_case_and_the_redaction_is_recorded(
    traject, facilitator, alice
):
    case = practice_services.submit_case(
        participant=alice,
        title=CLEAN["title"],
        situation="Mevrouw Jansen, 06-12345678, kan de trap niet op.",
        question=CLEAN["question"],
        privacy_reason="not_personal",
    )
    for index in range(len(case.privacy_findings)):  # read and let through by the facilitator
        clear(case, index, cleared_by_id=facilitator.pk)
    practice_services.pick_cases(traject=traject, case_ids=[case.pk])
    case.refresh_from_db()
    changed = practice_services.redact_case(
        case=case,
        situation="Mevrouw J., [telefoon], kan de trap niet op.",
        question=CLEAN["question"],
        note="Naam en telefoonnummer weggehaald",
        redacted_by_id=facilitator.pk,
    )
    case.refresh_from_db()
    assert changed
    assert case.situation == "Mevrouw J., [telefoon], kan de trap niet op."
    assert case.redacted_at is not None
    assert (case.redacted_by, case.redaction_note) == (
        facilitator,
        "Naam en telefoonnummer weggehaald",
    )
    assert case.title == CLEAN["title"]  # no title given: it stays


def test_a_redaction_is_not_refused_for_what_still_looks_like_personal_data(alice):
    case = submit(alice)
    assert practice_services.redact_case(
        case=case, situation="Een datum: 12-03-2020.", question="Vraag?", note=""
    )


# --- picking cases ----------------------------------------------------------------------------


def test_case_dots_are_capped_per_participant_and_zero_removes_them(alice, bob):
    first, second = submit(alice), submit(bob)
    assert practice_services.set_case_dots(participant=alice, case=first, dots=2)
    assert not practice_services.set_case_dots(participant=alice, case=first, dots=2)
    assert (
        error_code(practice_services.set_case_dots, participant=alice, case=second, dots=2)
        == "dots_exhausted"
    )
    assert practice_services.set_case_dots(participant=alice, case=second, dots=1)
    assert practice_services.set_case_dots(participant=alice, case=first, dots=0)
    assert list(CaseDot.objects.values_list("case_id", "dots")) == [(second.pk, 1)]
    assert practice_selectors.case_dot_totals(alice.traject) == {second.pk: 1}


def test_dots_cannot_go_on_a_case_of_another_session(alice, mallory):
    other = submit(mallory[0])
    assert (
        error_code(practice_services.set_case_dots, participant=alice, case=other, dots=1)
        == "practice_case_unknown"
    )


def test_one_to_three_cases_are_picked_in_discussion_order(traject, alice, bob):
    cases = [submit(alice, title=f"Casus {n}") for n in range(4)]
    ids = [case.pk for case in cases]
    assert error_code(practice_services.pick_cases, traject=traject, case_ids=[]) == "pick_count"
    assert error_code(practice_services.pick_cases, traject=traject, case_ids=ids) == "pick_count"
    assert practice_services.pick_cases(traject=traject, case_ids=[ids[2], ids[0]])
    assert [(c.pk, c.selected_order) for c in practice_selectors.picked_cases(traject)] == [
        (ids[2], 1),
        (ids[0], 2),
    ]
    assert practice_selectors.case_on_table(traject).pk == ids[2]  # the first goes on the table
    assert not practice_services.pick_cases(traject=traject, case_ids=[ids[2], ids[0]])


def test_repicking_keeps_the_case_on_the_table_when_it_is_still_picked(traject, alice):
    a, b, c = (submit(alice, title=t) for t in "ABC")
    practice_services.pick_cases(traject=traject, case_ids=[a.pk, b.pk])
    practice_services.put_on_table(traject=traject, case=PracticeCase.objects.get(pk=b.pk))
    practice_services.pick_cases(traject=traject, case_ids=[c.pk, b.pk])
    assert practice_selectors.case_on_table(traject).pk == b.pk
    practice_services.pick_cases(traject=traject, case_ids=[c.pk])
    assert practice_selectors.case_on_table(traject).pk == c.pk
    assert not PracticeCase.objects.get(pk=a.pk).selected


def test_picking_an_unknown_case_changes_nothing(traject, alice, mallory):
    mine, other = submit(alice), submit(mallory[0])
    code = error_code(practice_services.pick_cases, traject=traject, case_ids=[mine.pk, other.pk])
    assert code == "practice_case_unknown"
    assert not PracticeCase.objects.filter(selected=True).exists()


def test_only_a_picked_case_goes_on_the_table(traject, alice):
    case = submit(alice)
    assert (
        error_code(practice_services.put_on_table, traject=traject, case=case) == "case_not_picked"
    )


def test_the_database_allows_one_case_on_the_table(traject, alice):
    a, b = submit(alice), submit(alice)
    practice_services.pick_cases(traject=traject, case_ids=[a.pk, b.pk])
    with pytest.raises(IntegrityError), transaction.atomic():
        PracticeCase.objects.filter(pk=b.pk).update(on_table=True)


# --- judging ----------------------------------------------------------------------------------


def test_judging_needs_a_picked_case_and_an_open_requirement(traject, alice):
    first, dropped = accepted(traject, "Eén loket", "Alles op papier")
    requirements_services.decide_requirement(requirement=dropped, decision="drop")
    case = submit(alice)
    kwargs = {"participant": alice, "case": case, "verdict": "helpt"}
    assert error_code(practice_services.judge, requirement=first, **kwargs) == "case_not_picked"
    practice_services.pick_cases(traject=traject, case_ids=[case.pk])
    case.refresh_from_db()
    assert (
        error_code(practice_services.judge, requirement=dropped, **kwargs) == "requirement_closed"
    )
    assert practice_services.judge(requirement=first, **kwargs)


def test_judging_again_changes_the_verdict_and_an_empty_one_takes_it_back(traject, alice):
    [requirement] = accepted(traject, "Eén loket")
    case = picked_case(traject, alice)
    kwargs = {"participant": alice, "case": case, "requirement": requirement}
    assert practice_services.judge(verdict="helpt", comment="Scheelt gedoe", **kwargs)
    assert not practice_services.judge(verdict="helpt", comment="Scheelt  gedoe", **kwargs)
    assert practice_services.judge(verdict="knelt", **kwargs)
    row = Judgement.objects.get()
    assert (row.verdict, row.comment) == ("knelt", "")
    assert practice_services.judge(verdict="", **kwargs)
    assert not Judgement.objects.exists()
    assert error_code(practice_services.judge, verdict="misschien", **kwargs) == "verdict_unknown"
    code = error_code(practice_services.judge, verdict="helpt", comment="x" * 301, **kwargs)
    assert code == "comment_too_long"


def test_the_database_keeps_one_judgement_per_cell_per_participant(traject, alice):
    [requirement] = accepted(traject, "Eén loket")
    case = picked_case(traject, alice)
    practice_services.judge(participant=alice, case=case, requirement=requirement, verdict="helpt")
    with pytest.raises(IntegrityError), transaction.atomic():
        Judgement.objects.create(
            case=case, requirement=requirement, participant=alice, verdict="knelt"
        )


def test_the_grid_counts_every_verdict_names_the_dominant_one_and_hides_who(
    traject, alice, bob, carol, dave
):
    loket, budget, papier = accepted(traject, "Eén loket", "Eigen budget", "Alles op papier")
    case = picked_case(traject, alice)
    votes = {
        loket: [
            (alice, "helpt", "Scheelt gedoe"),
            (bob, "helpt", ""),
            (carol, "knelt", "Wie betaalt?"),
            (dave, "ontbreekt", "Geen termijn"),
        ],
        budget: [(alice, "knelt", ""), (bob, "helpt", "Ruimte"), (carol, "ontbreekt", "")],
        papier: [(alice, "helpt", ""), (bob, "knelt", "")],
    }
    for requirement, rows in votes.items():
        for person, verdict, comment in rows:
            practice_services.judge(
                participant=person,
                case=case,
                requirement=requirement,
                verdict=verdict,
                comment=comment,
            )
    requirements_services.decide_requirement(requirement=papier, decision="drop")
    assert practice_selectors.judgement_grid(case) == [
        {
            "id": loket.pk,
            "text": "Eén loket",
            "counts": {"helpt": 2, "knelt": 1, "ontbreekt": 1},
            "total": 4,
            "dominant": "helpt",
            "comments": [
                {"verdict": "helpt", "text": "Scheelt gedoe"},
                {"verdict": "knelt", "text": "Wie betaalt?"},
                {"verdict": "ontbreekt", "text": "Geen termijn"},
            ],
        },
        {
            "id": budget.pk,
            "text": "Eigen budget",
            "counts": {"helpt": 1, "knelt": 1, "ontbreekt": 1},
            "total": 3,
            "dominant": None,  # a three-way tie: the room is divided
            "comments": [{"verdict": "helpt", "text": "Ruimte"}],
        },
        # "Alles op papier" was dropped: it leaves the grid
    ]


def test_the_grid_lists_requirements_nobody_judged_yet(traject, alice):
    [requirement] = accepted(traject, "Eén loket")
    case = picked_case(traject, alice)
    [row] = practice_selectors.judgement_grid(case)
    assert (row["id"], row["total"], row["dominant"]) == (requirement.pk, 0, None)
    assert row["counts"] == {"helpt": 0, "knelt": 0, "ontbreekt": 0}


@pytest.mark.parametrize(
    ("verdicts", "dominant"),
    [
        ([], None),
        (["knelt"], "knelt"),
        (["helpt", "knelt"], None),
        (["helpt", "knelt", "knelt"], "knelt"),
        (["ontbreekt", "ontbreekt", "helpt", "helpt"], None),
        (["ontbreekt", "ontbreekt", "helpt"], "ontbreekt"),
    ],
)
def test_the_dominant_verdict_needs_a_strict_plurality(verdicts, dominant):
    counts, total, found = practice_selectors.verdict_tally(verdicts)
    assert (total, found) == (len(verdicts), dominant)
    assert sum(counts.values()) == total


def test_a_conclusion_is_written_replaced_and_cleared(traject, alice):
    case = picked_case(traject, alice)
    assert practice_services.set_conclusion(case=case, text="De traplift is goedkoper en past.")
    assert not practice_services.set_conclusion(case=case, text="De traplift is goedkoper en past.")
    assert practice_services.set_conclusion(case=case, text="Anders")
    assert CaseConclusion.objects.get().text == "Anders"
    assert practice_services.set_conclusion(case=case, text=" ")
    assert not CaseConclusion.objects.exists()
    code = error_code(practice_services.set_conclusion, case=case, text="x" * 2001)
    assert code == "conclusion_too_long"


# --- adjusting the requirements ---------------------------------------------------------------


def test_a_requirement_added_in_stap3_is_accepted_and_keeps_its_reason(traject, alice):
    case = picked_case(traject, alice)
    assert error_code(
        practice_services.add_requirement, traject=traject, text="Termijn", reason=""
    ) == ("reason_empty")
    requirement = practice_services.add_requirement(
        traject=traject,
        text="Maatwerk heeft een beslistermijn",
        reason="De casus liep maanden",
        case=case,
    )
    assert requirement.status == Requirement.Status.ACCEPTED
    addition = RequirementAddition.objects.get()
    assert (addition.requirement, addition.reason, addition.case) == (
        requirement,
        "De casus liep maanden",
        case,
    )


def test_rephrasing_in_stap3_needs_a_reason_and_keeps_the_old_text(traject):
    [requirement] = accepted(traject, "Eén loket")
    kwargs = {"requirement": requirement, "text": "Eén loket voor alles"}
    assert (
        error_code(practice_services.rephrase_requirement, reason=" ", **kwargs) == "reason_empty"
    )
    assert practice_services.rephrase_requirement(reason="Breder maken", **kwargs)
    revision = RequirementRevision.objects.get()
    assert (revision.text_before, revision.text_after, revision.reason) == (
        "Eén loket",
        "Eén loket voor alles",
        "Breder maken",
    )


# --- decision rules ---------------------------------------------------------------------------

RULE = {
    "who_decides": "De wijkprofessional",
    "what": "Een voorziening buiten de catalogus",
    "budget_or_mandate": "Tot € 2.500 per huishouden",
    "accountability": "Achteraf in het teamoverleg",
    "escalation": "Boven € 2.500 de teamleider",
}


def test_a_rule_needs_who_decides_and_what(traject):
    assert error_code(
        framework_services.propose_rule, traject=traject, who_decides="", what="Iets"
    ) == ("rule_empty")
    code = error_code(
        framework_services.propose_rule, traject=traject, who_decides="Ik", what="x" * 301
    )
    assert code == "rule_too_long"
    rule = framework_services.propose_rule(
        traject=traject, who_decides="Teamleider", what="Uitzonderingen"
    )
    assert (rule.status, rule.order, rule.escalation) == ("proposed", 1, "")


def test_a_rule_is_edited_and_agreed_and_its_status_must_be_known(traject):
    rule = framework_services.propose_rule(traject=traject, **RULE)
    assert not framework_services.edit_rule(rule=rule, **RULE)
    assert framework_services.edit_rule(rule=rule, **{**RULE, "escalation": "Boven € 5.000"})
    assert framework_services.set_rule_status(rule=rule, status="agreed")
    assert not framework_services.set_rule_status(rule=rule, status="agreed")
    assert (
        error_code(framework_services.set_rule_status, rule=rule, status="maybe")
        == "rule_status_unknown"
    )


def test_reactions_to_a_rule_are_counted_with_anonymous_comments(traject, alice, bob, carol):
    rule = framework_services.propose_rule(traject=traject, **RULE)
    framework_services.react_to_rule(participant=alice, rule=rule, stance="agree")
    framework_services.react_to_rule(
        participant=bob, rule=rule, stance="concern", comment="Te laag"
    )
    framework_services.react_to_rule(participant=carol, rule=rule, stance="concern")
    assert framework_services.react_to_rule(
        participant=carol, rule=rule, stance="agree", comment="Prima"
    )
    [summary] = framework_selectors.rule_summaries(traject, include_dropped=False)
    assert (summary["agree"], summary["concern"]) == (2, 1)
    assert summary["comments"] == [
        {"stance": "concern", "text": "Te laag"},
        {"stance": "agree", "text": "Prima"},
    ]
    assert "participant" not in str(summary)


def test_a_dropped_rule_takes_no_reactions_but_one_can_be_taken_back(traject, alice):
    rule = framework_services.propose_rule(traject=traject, **RULE)
    framework_services.react_to_rule(participant=alice, rule=rule, stance="agree")
    framework_services.set_rule_status(rule=rule, status="dropped")
    kwargs = {"participant": alice, "rule": rule}
    assert error_code(framework_services.react_to_rule, stance="concern", **kwargs) == "rule_closed"
    assert framework_services.react_to_rule(stance="", **kwargs)
    assert error_code(framework_services.react_to_rule, stance="meh", **kwargs) == "stance_unknown"
    assert framework_selectors.rule_summaries(traject, include_dropped=False) == []


# --- freezing the kader op maat ---------------------------------------------------------------


@pytest.fixture
def adopted(traject, alice, bob):
    """An adopted programme: 'Eén loket' (must) and 'Eigen budget' (could)."""
    loket, budget = accepted(traject, "Eén loket", "Eigen budget")
    for person in (alice, bob):
        requirements_services.cast_moscow(participant=person, requirement=loket, choice="must")
        requirements_services.cast_moscow(participant=person, requirement=budget, choice="could")
    requirements_services.adopt_programme(traject=traject)
    return loket, budget


def test_freezing_takes_the_adopted_programme_plus_the_changes_made_since(traject, adopted):
    loket, budget = adopted
    practice_services.rephrase_requirement(
        requirement=loket, text="Eén loket, één plan", reason="De casus had drie loketten"
    )
    requirements_services.decide_requirement(requirement=budget, decision="drop")
    added = practice_services.add_requirement(
        traject=traject, text="Maatwerk heeft een beslistermijn", reason="Het duurde maanden"
    )
    agreed = framework_services.propose_rule(traject=traject, **RULE)
    framework_services.set_rule_status(rule=agreed, status="agreed")
    framework_services.propose_rule(
        traject=traject, who_decides="Raad", what="Alles"
    )  # only proposed

    version = framework_services.freeze_framework(traject=traject)

    assert (version.number, version.content["number"], version.content["based_on"]) == (1, 1, None)
    assert version.content["programme_version"] == 1
    assert version.content["requirements"] == [
        {
            "key": f"req-{loket.pk}",
            "id": loket.pk,
            "text": "Eén loket, één plan",
            "priority": "must",
            "rank": 1,
            "roles": [],
            "origin": "programme",
            "reason": "",
            "history": [
                {
                    "before": "Eén loket",
                    "after": "Eén loket, één plan",
                    "reason": "De casus had drie loketten",
                }
            ],
        },
        {
            "key": f"req-{added.pk}",
            "id": added.pk,
            "text": "Maatwerk heeft een beslistermijn",
            "priority": None,
            "rank": None,
            "roles": [],
            "origin": "added",
            "reason": "Het duurde maanden",
            "history": [],
        },
    ]
    assert version.content["rules"] == [{"key": f"rule-{agreed.pk}", "id": agreed.pk, **RULE}]
    assert version.content["changes"] == []


def test_without_an_adopted_programme_the_accepted_requirements_are_frozen(traject, alice):
    [requirement] = accepted(traject, "Eén loket")
    requirements_services.cast_moscow(participant=alice, requirement=requirement, choice="should")
    [item] = framework_services.freeze_framework(traject=traject).content["requirements"]
    assert (item["text"], item["priority"], item["rank"]) == ("Eén loket", "should", 1)


def test_an_empty_framework_is_not_frozen(traject):
    assert error_code(framework_services.freeze_framework, traject=traject) == "framework_empty"


def test_freezing_again_is_refused_because_changes_go_into_a_revision(traject, adopted):
    framework_services.freeze_framework(traject=traject)
    assert error_code(framework_services.freeze_framework, traject=traject) == "already_frozen"
    assert FrameworkVersion.objects.count() == 1


def test_a_frozen_version_cannot_be_changed(traject, adopted):
    version = framework_services.freeze_framework(traject=traject)
    original = FrameworkVersion.objects.get(pk=version.pk).content

    version.content["requirements"][0]["text"] = "Iets anders"
    with pytest.raises(FrozenVersionError):
        version.save()
    with pytest.raises(FrozenVersionError):
        version.save(update_fields=["content"])
    with pytest.raises(FrozenVersionError):
        FrameworkVersion.objects.filter(pk=version.pk).update(content={})
    with pytest.raises(FrozenVersionError):
        FrameworkVersion.objects.bulk_update([version], ["content"])

    assert FrameworkVersion.objects.get(pk=version.pk).content == original
    assert original["requirements"][0]["text"] == "Eén loket"


def test_a_frozen_version_does_not_follow_later_changes(traject, adopted):
    loket, _ = adopted
    version = framework_services.freeze_framework(traject=traject)
    practice_services.rephrase_requirement(requirement=loket, text="Anders", reason="Later")
    version.refresh_from_db()
    assert version.content["requirements"][0]["text"] == "Eén loket"
