"""Visibility is a game rule: the facilitator sees results all along, the room (projector and
phones) once the facilitator reveals them; the outcome document is released to participants."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from game.core.models import Audience, Reveal
from game.core.selectors import is_revealed, shows, shows_by_layer
from game.core.services import set_revealed
from game.practice.selectors import case_dots_shown
from game.requirements.selectors import results_shown as vote_results_shown
from game.statements import services as statements_services
from game.statements.selectors import results_shown as statement_results_shown

pytestmark = pytest.mark.django_db

FACILITATOR, SCREEN, PARTICIPANT = Audience.FACILITATOR, Audience.SCREEN, Audience.PARTICIPANT
DOTS, DOCUMENT = Reveal.What.DOTS, Reveal.What.DOCUMENT


def test_revealing_twice_changes_nothing_the_second_time(traject):
    assert set_revealed(traject=traject, what=DOTS, revealed=True)
    first = list(traject.reveals.values_list("audience", "revealed_at"))
    assert not set_revealed(traject=traject, what=DOTS, revealed=True)
    assert list(traject.reveals.values_list("audience", "revealed_at")) == first


def test_hiding_again_takes_the_results_back_from_the_room(traject):
    set_revealed(traject=traject, what=DOTS, revealed=True)
    assert set_revealed(traject=traject, what=DOTS, revealed=False)
    assert not is_revealed(traject, DOTS)
    assert not shows(traject, DOTS, SCREEN)
    assert not set_revealed(traject=traject, what=DOTS, revealed=False)


def test_the_facilitator_sees_unrevealed_results_and_the_screen_and_participants_do_not(traject):
    assert shows(traject, DOTS, FACILITATOR)
    assert not shows(traject, DOTS, SCREEN)
    assert not shows(traject, DOTS, PARTICIPANT)


def test_revealed_results_reach_the_screen_and_the_participants(traject):
    set_revealed(traject=traject, what=DOTS, revealed=True)
    assert is_revealed(traject, DOTS)
    assert all(shows(traject, DOTS, audience) for audience in (FACILITATOR, SCREEN, PARTICIPANT))
    assert not is_revealed(traject, Reveal.What.VOTES)  # one reveal reveals one thing


def test_the_document_is_released_to_the_participants_not_the_projector(traject):
    set_revealed(traject=traject, what=DOCUMENT, revealed=True)
    assert is_revealed(traject, DOCUMENT)
    assert shows(traject, DOCUMENT, PARTICIPANT)
    assert not shows(traject, DOCUMENT, SCREEN)


def test_a_stelling_shows_its_results_to_the_room_once_revealed(traject):
    statement = statements_services.add_statement(traject=traject, text="Stelling")
    statements_services.open_statement(statement=statement)
    assert statement_results_shown(statement, FACILITATOR)
    assert not statement_results_shown(statement, SCREEN)
    statements_services.reveal_statement(statement=statement)
    assert statement_results_shown(statement, SCREEN)
    assert statement_results_shown(statement, PARTICIPANT)


def test_vote_results_wait_for_the_reveal_only_while_the_room_votes(traject):
    assert vote_results_shown(traject, FACILITATOR, voting=True)
    assert not vote_results_shown(traject, PARTICIPANT, voting=True)
    assert vote_results_shown(traject, PARTICIPANT, voting=False)
    set_revealed(traject=traject, what=Reveal.What.VOTES, revealed=True)
    assert vote_results_shown(traject, PARTICIPANT, voting=True)


def test_the_facilitators_pick_reveals_the_dots_on_the_cases():
    assert case_dots_shown(FACILITATOR, picked_any=False)
    assert not case_dots_shown(SCREEN, picked_any=False)
    assert case_dots_shown(SCREEN, picked_any=True)


def test_the_split_per_layer_stays_with_the_facilitator_even_once_revealed():
    assert shows_by_layer(FACILITATOR)
    assert not shows_by_layer(SCREEN)
    assert not shows_by_layer(PARTICIPANT)


@pytest.mark.django_db(transaction=True)
def test_the_migration_carries_the_four_switches_over_and_back():
    before, after = [("game", "0006_document_release")], [("game", "0007_reveal")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    user = old.get_model("auth", "User").objects.create(username="facilitator")
    programme = old.get_model("game", "Programme").objects.create(key="p", title_nl="P")
    traject = old.get_model("game", "Traject").objects.create(
        facilitator=user,
        programme=programme,
        gemeente="Gemeente Voorbeeldstad",
        title="Verticaal",
        date=date(2026, 11, 23),
        dots_revealed=True,
        document_released=True,
    )
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        reveals = executor.loader.project_state(after).apps.get_model("game", "Reveal")
        assert set(reveals.objects.values_list("what", "audience")) == {
            ("dots", "screen"),
            ("dots", "participant"),
            ("document", "participant"),
        }
        executor = MigrationExecutor(connection)
        executor.migrate(before)
        back = executor.loader.project_state(before).apps.get_model("game", "Traject")
        flags = back.objects.values_list(
            "dots_revealed", "roles_revealed", "votes_revealed", "document_released"
        ).get(pk=traject.pk)
        assert flags == (True, False, False, True)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
