"""Joining through the real pages: codes, names, layers, and an identity that persists."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from game.core.models import Participant
from game.core.services import set_name_consent
from game.followup import services as followup_services
from game.followup.models import DeviceClaim
from sessions import claims
from sessions.claims import bind_device
from sessions.live import close_session, open_session
from sessions.models import Attendance
from tests.conftest import make_participant

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


# --- day 2: a returning participant on a new device ------------------------------------------

DAY_ONE = [("Alice", "raad"), ("Bob", "uitvoering"), ("José de Vries", "beleid"), ("Ria", "raad")]
NO_MATCH = {
    "nl": "We vinden niemand met deze naam en laag van dag 1. Controleer de spelling, of meld "
    "je aan als nieuwe deelnemer.",
    "en": "We cannot find anyone from day 1 with this name and layer. Check the spelling, or "
    "join as a new participant.",
}
TOO_MANY = {
    "nl": "Te veel pogingen. Vraag het de begeleider, of probeer het later opnieuw.",
    "en": "Too many attempts. Ask the facilitator, or try again later.",
}


@pytest.fixture
def day2(live):
    """A follow-up session of a traject whose day 1 had the people of DAY_ONE."""
    for name, layer in DAY_ONE:
        make_participant(live, name, layer)
    return open_session(traject=live.traject, day=2)


def claim(client: Client, code: str, name: str, layer: str = "raad"):
    fields = {"form": "claim", "claim-name": name, "claim-layer": layer}
    return client.post(reverse("join", args=[code]), fields)


def english() -> Client:
    return Client(headers={"accept-language": "en"})


class Elements(HTMLParser):
    """The attributes of every element of a page, and which of them have an id."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.elements: list[dict[str, str | None]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append({"tag": tag, **dict(attrs)})

    def by(self, **wanted: str) -> dict[str, str | None]:
        found = [e for e in self.elements if all(e.get(k) == v for k, v in wanted.items())]
        assert len(found) == 1, (wanted, found)
        return found[0]

    def ids(self) -> set[str]:
        return {e["id"] for e in self.elements if e.get("id")}


def error_text(page: str) -> str:
    """The text of the claim form's error (the one element linked from its name field)."""
    found = re.search(r'<p class="error" id="id_claim-name_error" role="alert">([^<]*)</p>', page)
    assert found, page
    return html.unescape(found.group(1))


@pytest.mark.parametrize("client", [Client, english])
def test_the_day_two_join_page_names_nobody_from_day_one(day2, client):
    page = client().get(reverse("join", args=[day2.code])).content.decode()
    assert 'name="claim-name"' in page and 'name="claim-layer"' in page
    for name, _ in DAY_ONE:
        assert name not in page and html.escape(name) not in page
    assert "De Vries" not in page and "Jos" not in page


def test_a_new_device_claims_its_name_by_typing_it_and_resumes_once_confirmed(day2):
    phone = Client()
    response = claim(phone, day2.code, "  aLIce ", "raad")
    assert response.status_code == 302
    assert response["Location"] == reverse("join", args=[day2.code])
    alice = Participant.objects.get(name="Alice")
    pending = alice.device_claims.get()
    assert pending.pending
    waiting = phone.get(reverse("join", args=[day2.code])).content.decode()
    assert pending.check_code in waiting and "Welkom terug, Alice" in waiting
    assert phone.get(reverse("phone", args=[day2.code]))["Location"].endswith(f"/j/{day2.code}/")
    bind_device(followup_services.confirm_claim(claim=pending))
    assert phone.get(reverse("join", args=[day2.code]))["Location"] == reverse(
        "phone", args=[day2.code]
    )
    assert Participant.objects.count() == len(DAY_ONE)
    assert DeviceClaim.objects.get() == pending


def test_a_claim_finds_the_name_without_its_accents_case_or_spaces(day2):
    phone = Client()
    assert claim(phone, day2.code, "jose  DE vries ", "beleid").status_code == 302
    assert DeviceClaim.objects.get().participant.name == "José de Vries"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(
    ("name", "layer"),
    [("Alicia", "raad"), ("Alice", "uitvoering"), ("Mallory", "beleid")],
    ids=["unknown name", "name of another layer", "name of another traject"],
)
def test_a_name_and_layer_that_find_nobody_get_one_neutral_answer(day2, mallory, lang, name, layer):
    response = claim(Client(headers={"accept-language": lang}), day2.code, name, layer)
    assert response.status_code == 200
    page = response.content.decode()
    assert error_text(page) == NO_MATCH[lang]
    elements = Elements(page)
    typed = elements.by(tag="input", name="claim-name")
    assert typed["value"] == name  # what was typed stays
    assert typed["aria-describedby"] == "id_claim-name_error" and typed["aria-invalid"] == "true"
    assert "checked" in elements.by(tag="input", name="claim-layer", value=layer)
    assert not DeviceClaim.objects.exists()
    for other, _ in DAY_ONE:
        assert other == name or other not in page


def test_the_claim_form_is_labelled_and_links_its_errors(day2):
    page = Client().get(reverse("join", args=[day2.code])).content.decode()
    elements = Elements(page)
    name = elements.by(tag="input", name="claim-name")
    assert name["autocomplete"] == "name"
    assert elements.by(tag="label", **{"for": name["id"]})
    for radio in [e for e in elements.elements if e.get("name") == "claim-layer"]:
        assert elements.by(tag="label", **{"for": radio["id"]})
    assert "Je laag van de vorige keer" in page  # the radio group's legend
    refused = claim(Client(), day2.code, " ", "")
    elements = Elements(refused.content.decode())
    described = [e["aria-describedby"] for e in elements.elements if e.get("aria-describedby")]
    assert described
    linked = {target for ids in described for target in ids.split()}
    assert {"id_claim-name_error", "id_claim-layer_error"} <= linked
    assert linked <= elements.ids()
    assert 'id="id_claim-layer_error"' in refused.content.decode()


def test_names_alike_in_one_layer_are_not_guessed_between(live, day2):
    make_participant(live, "José", "bestuur")
    make_participant(live, "Jose", "bestuur")
    page = claim(Client(), day2.code, "Josè", "bestuur").content.decode()
    assert "meer dan één persoon" in error_text(page)
    assert not DeviceClaim.objects.exists()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_browser_that_misses_too_often_is_refused_even_for_a_right_name(day2, lang):
    phone = Client(headers={"accept-language": lang})
    for attempt in range(claims.FAILED_CLAIMS_MAX):
        assert (
            error_text(claim(phone, day2.code, f"Naam {attempt}").content.decode())
            == (NO_MATCH[lang])
        )
    refused = claim(phone, day2.code, "Alice", "raad")
    assert refused.status_code == 200
    assert error_text(refused.content.decode()) == TOO_MANY[lang]
    assert not DeviceClaim.objects.exists()
    # Another browser is not held up by this one.
    assert claim(Client(), day2.code, "Alice", "raad").status_code == 302


def test_a_form_sent_without_a_name_or_layer_is_no_miss(day2):
    phone = Client()
    for _ in range(claims.FAILED_CLAIMS_MAX):
        assert "Vul je naam in." in claim(phone, day2.code, " ", "").content.decode()
    assert claim(phone, day2.code, "Alice", "raad").status_code == 302


def test_a_rejected_claim_brings_back_the_form_with_a_word_why(day2):
    phone = Client()
    claim(phone, day2.code, "Alice", "raad")
    followup_services.reject_claim(claim=DeviceClaim.objects.get())
    page = phone.get(reverse("join", args=[day2.code])).content.decode()
    assert "niet bevestigd voor deze telefoon. Probeer het opnieuw" in page
    assert 'name="claim-name"' in page
    assert claim(phone, day2.code, "Ria", "raad").status_code == 302
    assert DeviceClaim.objects.filter(rejected_at__isnull=True).get().participant.name == "Ria"


def test_someone_new_joins_a_day_two_session_with_the_usual_form(day2):
    response = join(Client(), day2.code, "Nina", "uitvoering")
    assert response["Location"] == reverse("phone", args=[day2.code])
    assert Participant.objects.filter(name="Nina", layer__key="uitvoering").exists()
    taken = join(Client(), day2.code, "alice", "raad").content.decode()
    assert "gebruikt deze naam al" in taken
    assert not DeviceClaim.objects.exists()


def test_on_day_one_the_join_page_lists_no_names(live):
    join(Client(), live.code, "Alice")
    assert "Alice" not in Client().get(reverse("join", args=[live.code])).content.decode()


# --- consent to be named in the outcome document ---------------------------------------------


@pytest.mark.parametrize(
    ("lang", "label", "hint"),
    [
        ("nl", "Mijn naam mag in het verslag", "Het uitkomstdocument noemt dan je naam"),
        ("en", "My name may appear in the record", "The outcome document then lists your name"),
    ],
)
def test_the_join_form_asks_for_consent_unticked_with_a_linked_hint(live, lang, label, hint):
    page = Client(headers={"accept-language": lang}).get(reverse("join", args=[live.code]))
    elements = Elements(page.content.decode())
    box = elements.by(tag="input", name="name_consent")
    assert box["type"] == "checkbox" and "checked" not in box
    assert elements.by(tag="label", **{"for": box["id"]})
    assert elements.by(tag="p", id=box["aria-describedby"])
    text = html.unescape(page.content.decode())
    assert label in text and hint in text


@pytest.mark.parametrize(("ticked", "stored"), [({}, False), ({"name_consent": "on"}, True)])
def test_joining_stores_the_consent_only_when_ticked(live, ticked, stored):
    fields = {"name": "Alice", "layer": "raad", **ticked}
    assert Client().post(reverse("join", args=[live.code]), fields).status_code == 302
    assert Participant.objects.get().name_consent is stored


def test_a_refused_join_keeps_the_tick(live):
    fields = {"name": " ", "layer": "raad", "name_consent": "on"}
    page = Client().post(reverse("join", args=[live.code]), fields).content.decode()
    assert "checked" in Elements(page).by(tag="input", name="name_consent")
    assert not Participant.objects.exists()


def test_the_phone_menu_shows_the_consent_given_when_joining(live):
    for name, ticked in (("Alice", {"name_consent": "on"}), ("Bob", {})):
        phone = Client()
        phone.post(reverse("join", args=[live.code]), {"name": name, "layer": "raad", **ticked})
        elements = Elements(phone.get(reverse("phone", args=[live.code])).content.decode())
        box = elements.by(tag="input", id="me-consent")
        assert ("checked" in box) is bool(ticked)
        assert elements.by(tag="label", **{"for": "me-consent"})
        assert elements.by(tag="p", id=box["aria-describedby"])


def test_a_claimed_identity_keeps_its_consent_and_is_not_asked_again(day2):
    set_name_consent(participant=Participant.objects.get(name="Alice"), consent=True)
    page = Elements(Client().get(reverse("join", args=[day2.code])).content.decode())
    assert [e["name"] for e in page.elements if e.get("type") == "checkbox"] == ["name_consent"]
    # Whatever a claim sends about consent, the day-1 answer stands.
    for name, sent in (("Alice", {}), ("Ria", {"name_consent": "on", "claim-name_consent": "on"})):
        fields = {"form": "claim", "claim-name": name, "claim-layer": "raad", **sent}
        assert Client().post(reverse("join", args=[day2.code]), fields).status_code == 302
        followup_services.confirm_claim(claim=DeviceClaim.objects.get(participant__name=name))
    consent = dict(Participant.objects.values_list("name", "name_consent"))
    assert consent == {"Alice": True, "Bob": False, "José de Vries": False, "Ria": False}
