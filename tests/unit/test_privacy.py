"""The personal-data detector for Stap 3 cases: what it must catch and what it must leave alone,
notation by notation, and how well it does over a labelled set of realistic cases."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from game.practice import privacy
from game.practice.privacy import Finding, find_personal_data
from tests.unit.privacy_cases import (
    CASES,
    DIRECT_IDENTIFIERS,
    TODAY,
    labelled_spans,
    score,
    total,
)


def found(text: str) -> list[tuple[str, str]]:
    """(kind, excerpt) of every finding, in order."""
    return [(f.kind, f.excerpt) for f in find_personal_data(text, today=TODAY)]


def kinds(text: str) -> list[str]:
    return [kind for kind, _ in found(text)]


# --- the elfproef ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "is_bsn"),
    [
        ("111222333", True),  # the textbook example
        ("123456782", True),
        ("999999990", True),
        ("123456789", False),
        ("111222334", False),
        ("000000000", False),  # passes the sum, but is no number
        ("12345678", False),
        ("12345678a", False),
    ],
)
def test_nine_digits_are_a_bsn_when_they_pass_the_elfproef(digits, is_bsn):
    assert found(f"BSN {digits}.") == ([("bsn", digits)] if is_bsn else [])


# --- true positives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind", "excerpt"),
    [
        # BSN
        ("Haar BSN is 123456782.", "bsn", "123456782"),
        ("BSN: 111.222.333", "bsn", "111.222.333"),
        ("bsn 111 222 333 staat in het dossier", "bsn", "111 222 333"),
        ("(sofinummer 999999990)", "bsn", "999999990"),
        # e-mail
        ("Mail naar j.de.vries@gmail.com voor info.", "email", "j.de.vries@gmail.com"),
        ("contact: piet+wmo@gemeente-voorbeeld.nl", "email", "piet+wmo@gemeente-voorbeeld.nl"),
        ("KLANT@Example.CO.UK", "email", "KLANT@Example.CO.UK"),
        # phone
        ("Bel mevrouw op 06-12345678.", "phone", "06-12345678"),
        ("Bel mevrouw op 06 1234 5678 na vijven", "phone", "06 1234 5678"),
        ("mobiel 0612345678", "phone", "0612345678"),
        ("telefoon 06 12 34 56 78", "phone", "06 12 34 56 78"),
        ("tel. +31 6 12345678", "phone", "+31 6 12345678"),
        ("tel. +31 (0)6 12345678", "phone", "+31 (0)6 12345678"),
        ("tel. +31612345678", "phone", "+31612345678"),
        ("tel. 0031 6 1234 5678", "phone", "0031 6 1234 5678"),
        ("vast 010-1234567", "phone", "010-1234567"),
        ("vast 020 123 4567", "phone", "020 123 4567"),
        ("vast (010) 123 45 67", "phone", "(010) 123 45 67"),
        ("vast 0591-123456", "phone", "0591-123456"),
        ("vast +31 (0)20 1234567", "phone", "+31 (0)20 1234567"),
        ("België: +32 470 12 34 56", "phone", "+32 470 12 34 56"),
        ("Brussel +32 2 512 34 56", "phone", "+32 2 512 34 56"),
        ("Berlijn +49 30 12345678", "phone", "+49 30 12345678"),
        ("Keulen 0049 221 1234567", "phone", "0049 221 1234567"),
        # IBAN
        ("IBAN NL91 ABNA 0417 1643 00 staat op haar naam", "iban", "NL91 ABNA 0417 1643 00"),
        ("rekening NL91ABNA0417164300.", "iban", "NL91ABNA0417164300"),
        ("rekening nl91abna0417164300", "iban", "nl91abna0417164300"),
        ("Belgische rekening BE71 0961 2345 6769", "iban", "BE71 0961 2345 6769"),
        ("DE89 3704 0044 0532 0130 00 (Duitse bank)", "iban", "DE89 3704 0044 0532 0130 00"),
        # street and house number
        ("Zij woont aan de Dorpsstraat 12 in Dorp.", "address", "Dorpsstraat 12"),
        ("Kerkweg 3a", "address", "Kerkweg 3a"),
        ("post naar Burgemeester Roelenweg 3 gestuurd", "address", "Roelenweg 3"),
        # names with a title or initials
        ("Ik sprak mevrouw De Vries over haar huur.", "name", "mevrouw De Vries"),
        ("Aanvrager: dhr. J. Jansen", "name", "dhr. J. Jansen"),
        ("meneer Bakker kan de trap niet op", "name", "meneer Bakker"),
        ("Mw. A. el Amrani is mantelzorger", "name", "Mw. A. el Amrani"),
        ("De heer Van den Berg belt vaak", "name", "De heer Van den Berg"),
        ("Op afspraak: J. de Boer", "name", "J. de Boer"),
        ("De fam. Yılmaz heeft een huurachterstand", "name", "fam. Yılmaz"),
        # postcode with house number
        ("Woont op Dorpsstraat 12, 1234 AB Dorp", "postcode_house", "Dorpsstraat 12, 1234 AB"),
        ("Dorpsstraat 12a 1234AB", "postcode_house", "Dorpsstraat 12a 1234AB"),
        ("Kerkplein 3-hs, 1011 AA Amsterdam", "postcode_house", "Kerkplein 3-hs, 1011 AA"),
        ("Dorpsstraat 12\n1234 AB  Dorp", "postcode_house", "Dorpsstraat 12\n1234 AB"),
        ("adres: 1234 AB 12", "postcode_house", "1234 AB 12"),
        ("adres: 1234 AB, nr. 12", "postcode_house", "1234 AB, nr. 12"),
        ("1234ab 7", "postcode_house", "1234ab 7"),
        (
            "1234 AB Dorp, Dorpsstraat 12 is het adres",
            "postcode_house",
            "1234 AB Dorp, Dorpsstraat 12",
        ),
        # birth date, certain
        ("geboren op 12-03-1985", "birthdate", "12-03-1985"),
        ("geb. 12/03/1985", "birthdate", "12/03/1985"),
        ("Geboortedatum: 1985-03-12", "birthdate", "1985-03-12"),
        ("geboren 12 maart 1985 in Tiel", "birthdate", "12 maart 1985"),
        ("geboren 3 mrt. 1985", "birthdate", "3 mrt. 1985"),
        ("born on March 12, 1985", "birthdate", "March 12, 1985"),
        ("born 12th March 1985", "birthdate", "12th March 1985"),
        ("date of birth 12.03.1985", "birthdate", "12.03.1985"),
        ("DOB: 1 May 1990", "birthdate", "1 May 1990"),
        ("geb. 12-03-85", "birthdate", "12-03-85"),
        ("op 12-03-1985 (geboren) kwam", "birthdate", "12-03-1985"),
    ],
)
def test_it_finds_personal_data(text, kind, excerpt):
    assert found(text) == [(kind, excerpt)]


@pytest.mark.parametrize(
    "text",
    [
        "geboren op 12-03-1985",
        "geb. 12 maart 1985",
        "born on March 12, 1985",
    ],
)
def test_a_date_near_a_birth_word_is_a_certain_birthdate(text):
    (finding,) = find_personal_data(text, today=TODAY)
    assert finding.kind == "birthdate"
    assert finding.certain is True


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("Op 12-03-1985 verhuisde zij.", "12-03-1985"),
        ("Dossier (17-09-1949): na een val", "17-09-1949"),
        ("in 1900-01-01", "1900-01-01"),
        ("op 23-11-2008", "23-11-2008"),  # exactly 18 years before TODAY
    ],
)
def test_a_date_at_least_18_years_back_is_a_possible_birthdate(text, excerpt):
    (finding,) = find_personal_data(text, today=TODAY)
    assert (finding.kind, finding.excerpt, finding.certain) == ("birthdate", excerpt, False)


def test_findings_carry_their_position_in_the_text():
    text = "Bel 06-12345678 of mail a@b.nl"
    assert find_personal_data(text, today=TODAY) == [
        Finding(kind="phone", start=4, end=15, excerpt="06-12345678"),
        Finding(kind="email", start=24, end=30, excerpt="a@b.nl"),
    ]


def test_it_finds_several_kinds_in_one_case():
    text = (
        "Mevrouw (geb. 12-03-1985, BSN 111222333) woont op Dorpsstraat 12, 1234 AB Dorp. "
        "Zij is bereikbaar op 06-12345678 en via m.jansen@example.nl."
    )
    assert kinds(text) == ["birthdate", "bsn", "postcode_house", "phone", "email"]


def test_it_finds_the_new_kinds_in_one_case():
    text = (
        "Meneer Bakker (87) woont op Kerkweg 3a en betaalt van NL91ABNA0417164300; "
        "een 94-jarige buurman helpt hem."
    )
    assert found(text) == [
        ("name", "Meneer Bakker"),
        ("age", "87"),
        ("address", "Kerkweg 3a"),
        ("iban", "NL91ABNA0417164300"),
        ("age", "94"),
    ]


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Mevrouw De Vries (87) woont alleen.", "87"),
        ("dhr. Bakker, 92 jaar, wil thuis blijven.", "92"),
        ("Een inwoner van 94 jaar", "94"),
        ("een 101-jarige inwoonster", "101"),
    ],
)
def test_an_age_is_flagged_next_to_a_name_or_from_90(text, age):
    assert ("age", age) in found(text)


# --- false positives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # amounts and budgets
        "Het maatwerk kost € 1.250,00 per maand.",
        "Een budget van € 12.000 per jaar.",
        "Het budget is €12.000,- en de indicatie € 850.",
        "Een tender van € 123.456.782 voor de hele regio.",
        "EUR 111222333 is het totaalbudget",
        "Het kost 1.250.000,00 euro.",
        "0,5 fte extra en 12,5 uur per week",
        # years, periods, article numbers, times
        "In 2023 zijn er 120 aanvragen geweest.",
        "In de periode 2015-2023 veranderde veel.",
        "Zie artikel 2.3.5 Wmo en artikel 2.1.3 lid 2.",
        "Het overleg is om 10:30 en duurt tot 12.00 uur.",
        "De wijkteams (12) spraken 1.200 inwoners.",
        # nine digits that fail the elfproef, and longer numbers
        "Dossiernummer 123456789 is gesloten.",
        "Zaaknummer 111 222 334 is afgerond.",
        "Referentie 1234567890123",
        # phones that are not (quite) phones
        "Bel 06-1234567 (te kort).",
        "Nummer 061234567890 is te lang.",
        "Zie 0800-0000000",
        # postcodes without a house number, and look-alikes
        "De wijk rond 1234 AB heeft veel ouderen.",
        "In 2023 de kosten, in 2024 de baten.",
        "Hij woont in 1234 SA 12",
        "De wijk 1234 AB, 12 huishoudens, kreeg hulp.",
        "In week 12 belde 1234 AB 12 keer.",
        # dates that are not birth dates
        "De evaluatie is op 12-03-2030.",
        "Het gesprek was op 31-02-1990.",
        "Versie 1.2.10 van het protocol",
        "geboren in 1985",
        "Op 12-03-85 was er overleg.",
        "De vergadering van 01-03-2030 12 deelnemers",
        "Rond 1850-05-12 stichtte men het gasthuis.",
        # recent dates are what a case is about: meetings, decisions, meldingen
        "Dit bespreken we in het overleg op 12 maart 2026.",
        "Sinds 1 januari 2015 is de gemeente verantwoordelijk.",
        "melding 2024-02-29",
        "7 November 2026 kwam de aanvraag binnen",
        "op 24-11-2008",  # a day short of 18 years before TODAY
        # more amounts, times, articles and case numbers
        "De huurschuld is € 2.400 en de gemeente reserveert EUR 12.000.",
        "Het gesprek begint om 09.30 uur.",
        "Zie art. 1.2.1 Jeugdwet.",
        "Zie zaaknummer 2024-0042.",
        "IBAN NL91ABNA0417164301 (één cijfer fout)",
        # service numbers of organisations
        "De schuldhulp is gratis te bellen op 0800-1234.",
        "Het wijkteam is bereikbaar op 088-1234567 of via 14 030.",
        "Informatielijn 0900-8844",
        # roles, titles alone, organisations and places
        "De buurvrouw doet de boodschappen en de wijkcoach komt langs.",
        "Mevrouw wil thuis blijven wonen.",
        "Ik sprak mevrouw. Daarna belde ik de huisarts.",
        "Wijkteam Noord werkt samen met het Sociaal Domein.",
        "Een gezin in Utrecht wacht op een woning.",
        "Het gebouw aan de Dr. Schaepmanstraat wordt verbouwd.",
        # street-like words that are no street, and ages that identify nobody
        "Zij heeft in Amsterdam 2023 doorgebracht.",
        "Wijkteam Oost 2 keer gebeld.",
        "Zij heeft de Belastingdienst 3 keer gebeld.",
        "Een moeder van 38 met drie kinderen.",
        "De 38-jarige moeder en een man van 45 jaar.",
    ],
)
def test_it_leaves_ordinary_case_text_alone(text):
    assert found(text) == []


def test_a_number_next_to_a_postcode_is_a_house_number_even_when_it_is_a_year():
    """Documented trade-off: "1234 AB 2019" reads as an address; such text is rare."""
    assert kinds("1234 AB 2019") == ["postcode_house"]


def test_two_phone_numbers_with_a_slash_are_both_found():
    assert found("tel: 06-12345678/010-1234567") == [
        ("phone", "06-12345678"),
        ("phone", "010-1234567"),
    ]


def test_a_phone_number_is_not_also_a_bsn():
    assert found("tel. +31 612345678 (mobiel)") == [("phone", "+31 612345678")]
    assert found("+31 111222333") == [("phone", "+31 111222333")]


def test_an_email_address_with_digits_is_only_an_email_address():
    assert found("mail 0612345678@sms.example.nl") == [("email", "0612345678@sms.example.nl")]


def test_today_is_the_last_possible_birthdate():
    assert kinds("geboren op 23-11-2026") == ["birthdate"]
    assert kinds("geboren op 24-11-2026") == []


def test_empty_text_has_no_findings():
    assert find_personal_data("") == []


def test_deduce_is_built_once_per_process_however_many_threads_ask():
    with ThreadPoolExecutor(max_workers=8) as pool:
        engines = set(pool.map(lambda _: id(privacy._deduce()), range(32)))
    assert len(engines) == 1
    assert privacy._build_deduce.cache_info().misses == 1


# --- the labelled set -------------------------------------------------------------------------


def test_the_labelled_set_is_large_and_half_of_it_traps():
    assert len(CASES) >= 80
    traps_only = sum(1 for case in CASES if not case.expected)
    assert 0.4 <= traps_only / len(CASES) <= 0.6
    assert all(labelled_spans(case) for case in CASES if case.expected)  # excerpts are in it


def test_over_the_labelled_set_it_finds_the_direct_identifiers_and_few_else():
    tallies, mistakes = score(lambda text: find_personal_data(text, today=TODAY))
    assert total(tallies, DIRECT_IDENTIFIERS).recall >= 0.95, mistakes
    assert total(tallies).precision >= 0.9, mistakes


def test_a_remembered_answer_comes_as_a_fresh_list():
    """The detector remembers recent texts (the facilitator's view checks them again and
    again); what a caller does with one answer must not change the next."""
    find_personal_data("Bel 06-12345678", today=TODAY).clear()
    assert found("Bel 06-12345678") == [("phone", "06-12345678")]
