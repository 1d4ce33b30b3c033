"""The facilitator's pages: signing in, trajecten, opening a session, console and projector."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from game.core.models import Programme, Traject
from sessions.login_links import create_login_link
from sessions.models import CODE_ALPHABET, LiveSession

pytestmark = pytest.mark.django_db


@pytest.fixture
def console_client(facilitator):
    client = Client()
    client.force_login(facilitator)
    return client


@override_settings(DEBUG=True)
def test_a_login_link_signs_in_once(facilitator):
    token = create_login_link(facilitator)
    client = Client()
    first = client.get(reverse("login_link", args=[token]))
    assert first["Location"] == reverse("facilitator:home")
    assert client.get(reverse("facilitator:home")).status_code == 200
    second = Client().get(reverse("login_link", args=[token]), follow=True)
    assert "Deze inloglink is verlopen of al gebruikt." in second.content.decode()


def test_login_links_do_not_exist_outside_debug(facilitator):
    token = create_login_link(facilitator)
    assert Client().get(reverse("login_link", args=[token])).status_code == 404


def test_the_console_needs_a_signed_in_facilitator(live):
    response = Client().get(reverse("facilitator:console", args=[live.code]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_facilitator_creates_a_traject(console_client, content):
    response = console_client.post(
        reverse("facilitator:home"),
        {
            "gemeente": "Gemeente Maastricht",
            "title": "Congres sociaal domein",
            "date": "2026-12-01",
            "language": "en",
            "programme": Programme.objects.get(key="verticaal").pk,
            "min_group_size": "4",
        },
    )
    traject = Traject.objects.get(gemeente="Gemeente Maastricht")
    assert response["Location"] == reverse("facilitator:traject", args=[traject.pk])
    assert (traject.language, traject.min_group_size) == ("en", 4)


def test_the_smallest_group_cannot_be_one_person(console_client, content):
    response = console_client.post(
        reverse("facilitator:home"),
        {
            "gemeente": "Gemeente Maastricht",
            "title": "Congres",
            "date": "2026-12-01",
            "language": "nl",
            "programme": Programme.objects.get(key="verticaal").pk,
            "min_group_size": "1",
        },
    )
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Traject.objects.filter(gemeente="Gemeente Maastricht").exists()


def test_opening_a_session_draws_a_code_without_look_alikes(console_client, traject):
    response = console_client.post(reverse("facilitator:open", args=[traject.pk]), {"day": "1"})
    live = LiveSession.objects.get()
    assert response["Location"] == reverse("facilitator:console", args=[live.code])
    assert len(live.code) == 6
    assert set(live.code) <= set(CODE_ALPHABET)
    assert not set(live.code) & set("0O1IL5S2Z8B")
    assert live.phase.key == "aanmelden"


def test_the_follow_up_session_starts_at_day_two(console_client, traject):
    console_client.post(reverse("facilitator:open", args=[traject.pk]), {"day": "2"})
    phase = LiveSession.objects.get().phase
    assert (phase.step.key, phase.key, phase.kind) == ("stap4", "welkom-terug", "join")


def test_another_facilitator_cannot_open_the_console(live, mallory):
    _, _, other_live = mallory
    client = Client()
    client.force_login(other_live.traject.facilitator)
    assert client.get(reverse("facilitator:console", args=[live.code])).status_code == 404


def test_the_projector_shows_the_code_and_an_inline_qr(live, console_client):
    page = console_client.get(reverse("facilitator:console", args=[live.code])).content.decode()
    screen_url = reverse("screen", args=[live.code, live.screen_token])
    assert screen_url in page
    screen = Client().get(screen_url).content.decode()
    assert live.code in screen
    assert "<svg" in screen and f"/j/{live.code}/" in screen


def test_the_projector_needs_its_token(live):
    assert Client().get(reverse("screen", args=[live.code, "wrong-token-123"])).status_code == 404
