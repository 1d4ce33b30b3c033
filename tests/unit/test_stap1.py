"""Stap 1 rules: stellingen, notes, clusters, dots and the shared picture."""

from __future__ import annotations

import pytest

from game.notes import selectors as notes_selectors
from game.notes import services as notes_services
from game.notes.models import DotVote, Note, Prompt
from game.statements import services as statements_services
from game.statements.models import Statement, StatementAnswer
from tests.unit.helpers import error_code

pytestmark = pytest.mark.django_db


def test_a_new_traject_gets_the_six_library_statements_in_its_language(traject):
    statements_services.seed_statements(traject)
    texts = list(traject.statements.values_list("text", flat=True))
    assert len(texts) == 6
    assert texts[0].startswith("Maatwerk betekent")


def test_an_english_traject_gets_english_statements(traject):
    traject.language = "en"
    statements_services.seed_statements(traject)
    assert traject.statements.first().text.startswith("Maatwerk means")


def test_opening_a_statement_closes_the_one_that_was_on(traject):
    first = statements_services.add_statement(traject=traject, text="Eerste")
    second = statements_services.add_statement(traject=traject, text="Tweede")
    statements_services.open_statement(statement=first)
    statements_services.open_statement(statement=second)
    first.refresh_from_db()
    assert (first.status, second.status) == (Statement.Status.CLOSED, Statement.Status.OPEN)


def test_an_answer_can_be_changed_but_counts_once(traject, alice):
    statement = statements_services.add_statement(traject=traject, text="Stelling")
    statements_services.open_statement(statement=statement)
    assert statements_services.answer_statement(
        statement=statement, participant=alice, answer="eens"
    )
    assert not statements_services.answer_statement(
        statement=statement, participant=alice, answer="eens"
    )
    assert statements_services.answer_statement(
        statement=statement, participant=alice, answer="oneens"
    )
    assert list(StatementAnswer.objects.values_list("answer", flat=True)) == ["oneens"]


def test_a_closed_or_draft_statement_takes_no_answers(traject, alice):
    statement = statements_services.add_statement(traject=traject, text="Stelling")
    kwargs = {"statement": statement, "participant": alice, "answer": "eens"}
    assert error_code(statements_services.answer_statement, **kwargs) == "statement_closed"
    statements_services.open_statement(statement=statement)
    statements_services.close_statement(statement=statement)
    assert error_code(statements_services.answer_statement, **kwargs) == "statement_closed"


def test_an_unknown_answer_is_refused(traject, alice):
    statement = statements_services.add_statement(traject=traject, text="Stelling")
    statements_services.open_statement(statement=statement)
    code = error_code(
        statements_services.answer_statement,
        statement=statement,
        participant=alice,
        answer="misschien",
    )
    assert code == "answer_unknown"


def test_notes_are_anonymous_unless_signed_and_limited_in_length(alice):
    note = notes_services.write_note(
        participant=alice, prompt_key="wat-is", text=" Luisteren ", signed=False
    )
    assert (note.text, note.signed) == ("Luisteren", False)
    too_long = {"participant": alice, "prompt_key": "wat-is", "text": "x" * 281, "signed": False}
    assert error_code(notes_services.write_note, **too_long) == "note_too_long"
    empty = {**too_long, "text": "   "}
    assert error_code(notes_services.write_note, **empty) == "note_empty"


def test_only_the_author_edits_or_deletes_a_note(alice, bob):
    note = notes_services.write_note(
        participant=alice, prompt_key="schaduw", text="Willekeur", signed=False
    )
    kwargs = {"participant": bob, "note_id": note.pk}
    assert error_code(notes_services.edit_note, text="Anders", signed=True, **kwargs) == "not_yours"
    assert error_code(notes_services.delete_note, **kwargs) == "not_yours"
    notes_services.edit_note(participant=alice, note_id=note.pk, text="Willekeur!", signed=True)
    note.refresh_from_db()
    assert (note.text, note.signed) == ("Willekeur!", True)
    notes_services.delete_note(participant=alice, note_id=note.pk)
    assert not Note.objects.exists()


def test_deleting_a_cluster_returns_its_notes_to_the_pile(traject, alice):
    note = notes_services.write_note(
        participant=alice, prompt_key="wat-is", text="Ruimte", signed=False
    )
    cluster = notes_services.create_cluster(traject=traject, name="Vertrouwen")
    assert notes_services.move_note(traject=traject, note_id=note.pk, cluster=cluster)
    assert not notes_services.move_note(traject=traject, note_id=note.pk, cluster=cluster)
    notes_services.delete_cluster(cluster=cluster)
    note.refresh_from_db()
    assert note.cluster_id is None


def test_dots_stack_up_to_the_limit_and_can_be_moved(traject, alice):
    traject.dots_per_participant = 3
    traject.save()
    a = notes_services.create_cluster(traject=traject, name="A")
    b = notes_services.create_cluster(traject=traject, name="B")
    assert notes_services.set_dots(participant=alice, cluster=a, dots=2)
    code = error_code(notes_services.set_dots, participant=alice, cluster=b, dots=2)
    assert code == "dots_exhausted"
    assert notes_services.set_dots(participant=alice, cluster=b, dots=1)
    assert notes_services.set_dots(participant=alice, cluster=a, dots=0)
    assert notes_services.set_dots(participant=alice, cluster=b, dots=3)
    assert list(DotVote.objects.values_list("cluster__name", "dots")) == [("B", 3)]


def test_cluster_results_rank_by_dots_with_the_layers_behind_them(traject, alice, bob):
    a = notes_services.create_cluster(traject=traject, name="A")
    b = notes_services.create_cluster(traject=traject, name="B")
    notes_services.set_dots(participant=alice, cluster=b, dots=3)
    notes_services.set_dots(participant=bob, cluster=b, dots=1)
    notes_services.set_dots(participant=bob, cluster=a, dots=2)
    ranked = notes_selectors.cluster_results(traject)
    assert [(r.key, r.total) for r in ranked] == [(str(b.pk), 4), (str(a.pk), 2)]
    assert ranked[0].by_layer["raad"].dots == 3


def test_the_shared_picture_is_prefilled_from_the_top_clusters_and_versioned(traject, alice):
    shadow = notes_services.write_note(
        participant=alice, prompt_key="schaduw", text="Ongelijk", signed=False
    )
    is_ = notes_services.write_note(
        participant=alice, prompt_key="wat-is", text="Luisteren", signed=False
    )
    willekeur = notes_services.create_cluster(traject=traject, name="Risico op willekeur")
    luisteren = notes_services.create_cluster(traject=traject, name="Echt luisteren")
    notes_services.move_note(traject=traject, note_id=shadow.pk, cluster=willekeur)
    notes_services.move_note(traject=traject, note_id=is_.pk, cluster=luisteren)
    draft = notes_selectors.draft_shared_picture(traject)
    assert draft["shadow_sides"] == "• Risico op willekeur"
    assert draft["what_it_is"] == "• Echt luisteren"
    first = notes_services.save_shared_picture(traject=traject, texts=draft)
    second = notes_services.save_shared_picture(
        traject=traject, texts={**draft, "obstacles": "Regels"}
    )
    assert (first.version, second.version) == (1, 2)
    assert notes_selectors.draft_shared_picture(traject)["obstacles"] == "Regels"


def cluster_of_notes(traject, author, name, prompt_keys):
    """A cluster holding one note per prompt key given (a key twice gives two notes)."""
    cluster = notes_services.create_cluster(traject=traject, name=name)
    for index, key in enumerate(prompt_keys):
        note = notes_services.write_note(
            participant=author, prompt_key=key, text=f"{name} {index}", signed=False
        )
        notes_services.move_note(traject=traject, note_id=note.pk, cluster=cluster)
    return cluster


def test_an_obstacle_cluster_is_prefilled_under_obstacles_even_with_the_most_dots(
    traject, alice, bob
):
    rules = cluster_of_notes(traject, alice, "Regels, budgetten", ["weerhoudt", "weerhoudt"])
    cluster_of_notes(traject, alice, "Echt luisteren", ["wat-is"])
    notes_services.set_dots(participant=bob, cluster=rules, dots=3)
    draft = notes_selectors.draft_shared_picture(traject)
    assert draft["obstacles"] == "• Regels, budgetten"
    assert draft["what_it_is"] == "• Echt luisteren"


def test_a_mixed_cluster_is_prefilled_under_the_prompt_most_of_its_notes_came_from(traject, alice):
    cluster_of_notes(traject, alice, "Regels", ["wat-is", "weerhoudt", "hoe-werkt", "weerhoudt"])
    draft = notes_selectors.draft_shared_picture(traject)
    assert draft["obstacles"] == "• Regels"
    assert draft["what_it_is"] == ""


@pytest.mark.parametrize(
    ("prompt_keys", "section"),
    [
        (["weerhoudt", "wat-is"], "what_it_is"),
        (["schaduw", "wat-niet"], "what_it_is_not"),
        (["weerhoudt", "schaduw"], "shadow_sides"),
        (["weerhoudt", "wat-niet"], "what_it_is_not"),
        (["schaduw", "wat-is"], "what_it_is"),
        # hoe-werkt comes last among the prompts, although its heading is read first
        (["hoe-werkt", "weerhoudt"], "obstacles"),
    ],
)
def test_a_tie_goes_to_the_prompt_that_comes_first(traject, alice, prompt_keys, section):
    cluster_of_notes(traject, alice, "Gelijk", prompt_keys)
    draft = notes_selectors.draft_shared_picture(traject)
    assert {field for field, text in draft.items() if text} == {section}


def test_a_cluster_is_never_prefilled_under_a_prompt_none_of_its_notes_came_from(traject, alice):
    Prompt.objects.create(key="extra", order=9, text_nl="Nog iets?")
    cluster_of_notes(traject, alice, "Los", ["extra"])
    notes_services.create_cluster(traject=traject, name="Leeg")
    assert set(notes_selectors.draft_shared_picture(traject).values()) == {""}


def test_a_burst_of_answers_is_applied_in_order_with_each_its_own_outcome(traject, alice, bob):
    statement = statements_services.add_statement(traject=traject, text="Stelling")
    draft = statements_services.add_statement(traject=traject, text="Nog niet open")
    statements_services.open_statement(statement=statement)
    statements_services.answer_statement(statement=statement, participant=bob, answer="eens")
    results = statements_services.answer_statements(
        traject=traject,
        answers=[
            (alice.pk, statement.pk, "eens"),  # new
            (alice.pk, statement.pk, "eens"),  # the same again
            (alice.pk, statement.pk, "weet-niet"),  # changed before it was ever stored
            (bob.pk, statement.pk, "oneens"),  # changed
            (bob.pk, statement.pk, "misschien"),
            (bob.pk, draft.pk, "eens"),
            (bob.pk, 10**9, "eens"),
        ],
    )
    codes = [r.code if isinstance(r, Exception) else r for r in results]
    assert codes == [
        True,
        False,
        True,
        True,
        "answer_unknown",
        "statement_closed",
        "statement_unknown",
    ]
    assert sorted(StatementAnswer.objects.values_list("participant", "answer")) == sorted(
        [(alice.pk, "weet-niet"), (bob.pk, "oneens")]
    )
