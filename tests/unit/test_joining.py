"""Joining through the real pages: codes, names, layers, and an identity that persists."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from game.core.models import Participant
from sessions.live import close_session
from sessions.models import Attendance

pytestmark = pytest.mark.django_db


def join(client: Client, code: str, name: str, layer: str = "raad"):
    return client.post(reverse("join", args=[code]), {"name": name, "layer": layer})


def test_the_home_page_sends_a_known_code_to_its_join_form(live):
    response = Client().post(reverse("home"), {"code": live.code.lower()})
    assert response.status_code == 302
    assert response["Location"] == reverse("join", args=[live.code])


def test_an_unknown_code_gets_a_clear_message_on_the_page(live):
    response = Client().post(reverse("home"), {"code": "ZZZZZZ"})
    assert response.status_code == 200
    assert "Er is geen open sessie met deze code" in response.content.decode()


def test_an_unknown_code_in_english_gets_the_english_message(live):
    response = Client(headers={"accept-language": "en"}).post(reverse("home"), {"code": "ZZZZZZ"})
    assert "There is no open session with this code" in response.content.decode()


def test_a_closed_session_cannot_be_joined(live):
    close_session(live)
    live.save()
    response = Client().get(reverse("join", args=[live.code]))
    assert response.status_code == 404
    assert "Sessie niet gevonden" in response.content.decode()


def test_joining_creates_a_participant_in_their_own_layer_and_opens_the_phone(live):
    client = Client()
    response = join(client, live.code, "  Alice   de Vries ", "raad")
    assert response.status_code == 302
    assert response["Location"] == reverse("phone", args=[live.code])
    alice = Participant.objects.get()
    assert (alice.name, alice.layer.key) == ("Alice de Vries", "raad")
    assert Attendance.objects.filter(live_session=live, participant=alice).exists()
    page = client.get(reverse("phone", args=[live.code])).content.decode()
    assert "Alice de Vries" in page


@pytest.mark.parametrize(
    ("name", "message"),
    [("   ", "Vul je naam in."), ("x" * 61, "Je naam mag hoogstens 60 tekens lang zijn.")],
)
def test_an_empty_or_overlong_name_is_refused_on_the_page(live, name, message):
    response = join(Client(), live.code, name)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Participant.objects.exists()


def test_a_missing_layer_is_refused_on_the_page(live):
    response = Client().post(reverse("join", args=[live.code]), {"name": "Alice"})
    assert "Kies de laag waarin je werkt." in response.content.decode()


def test_an_empty_form_names_both_missing_answers(live):
    page = Client().post(reverse("join", args=[live.code]), {"name": " "}).content.decode()
    assert "Vul je naam in." in page
    assert "Kies de laag waarin je werkt." in page


def test_nobody_can_join_as_the_inwoner(live):
    response = join(Client(), live.code, "Alice", "inwoner")
    assert response.status_code == 200
    assert not Participant.objects.exists()


def test_another_device_typing_the_same_name_does_not_take_it_over(live):
    join(Client(), live.code, "Alice")
    response = join(Client(), live.code, "alice")
    assert response.status_code == 200
    assert "gebruikt deze naam al" in response.content.decode()
    assert Participant.objects.count() == 1


def test_a_refresh_resumes_the_same_participant(live):
    client = Client()
    join(client, live.code, "Alice")
    again = client.get(reverse("join", args=[live.code]))
    assert again["Location"] == reverse("phone", args=[live.code])
    assert Participant.objects.count() == 1


def test_the_phone_page_without_an_identity_sends_you_to_join(live):
    response = Client().get(reverse("phone", args=[live.code]))
    assert response["Location"] == reverse("join", args=[live.code])


def test_on_day_two_a_new_device_claims_a_name_and_resumes_once_confirmed(live):
    from game.followup import services as followup_services
    from sessions.claims import bind_device
    from sessions.live import open_session

    join(Client(), live.code, "Alice")
    day2 = open_session(traject=live.traject, day=2)
    phone = Client()
    page = phone.get(reverse("join", args=[day2.code])).content.decode()
    assert "Was je er de vorige keer bij?" in page and "Alice" in page
    alice = Participant.objects.get(name="Alice")
    waiting = phone.post(reverse("join", args=[day2.code]), {"claim": alice.pk}, follow=True)
    claim = alice.device_claims.get()
    assert claim.check_code in waiting.content.decode()
    assert phone.get(reverse("phone", args=[day2.code]))["Location"].endswith(f"/j/{day2.code}/")
    bind_device(followup_services.confirm_claim(claim=claim))
    assert phone.get(reverse("join", args=[day2.code]))["Location"] == reverse(
        "phone", args=[day2.code]
    )
    assert Participant.objects.count() == 1


def test_on_day_one_the_join_page_lists_no_names(live):
    join(Client(), live.code, "Alice")
    assert "Alice" not in Client().get(reverse("join", args=[live.code])).content.decode()
