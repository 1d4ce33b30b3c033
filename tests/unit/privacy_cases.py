"""A labelled set of Stap 3 cases for measuring the personal-data detector, and its scoring.

Each case is the kind of text a wijkteam professional, beleidsmedewerker or raadslid types in
Stap 3 (schulden, Wmo, jeugdhulp, mantelzorg, participatiewet, wonen), with what the detector
should find in it as (kind, excerpt). About half of them hold only traps: the amounts, times,
article numbers, case numbers, recent dates, roles and organisation names that such a case is
full of and that must pass without a warning. All identifiers are made up; the BSNs pass the
elfproef and the IBANs their check digits, as real ones would.

Only the kinds the detector claims are labelled; a bare first name, for one, stays with the
privacy reminder. A finding counts as correct when its kind matches a labelled one and the
two spans overlap, so "Mevrouw De Vries" and "De Vries" are the same hit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

TODAY = date(2026, 11, 23)  # the dates below are recent or past relative to this day


# The identifiers that point at one person by themselves; recall is promised on these.
DIRECT_IDENTIFIERS = ("bsn", "email", "phone", "iban", "postcode_house", "name")


class Case(NamedTuple):
    text: str
    expected: tuple[tuple[str, str], ...] = ()


CASES: tuple[Case, ...] = (
    # --- cases holding personal data ---------------------------------------------------------
    Case(
        "Mevrouw De Vries (BSN 123456782) heeft een huurachterstand van € 2.400. "
        "Zij is bereikbaar op 06-12345678.",
        (("name", "Mevrouw De Vries"), ("bsn", "123456782"), ("phone", "06-12345678")),
    ),
    Case(
        "Dhr. J. Jansen woont op Dorpsstraat 12, 1234 AB Dorp en vraagt via de Wmo een "
        "traplift aan.",
        (("name", "Dhr. J. Jansen"), ("postcode_house", "Dorpsstraat 12, 1234 AB")),
    ),
    Case(
        "Schuldhulp: meneer Bakker betaalt zijn huur van rekening NL91 ABNA 0417 1643 00, "
        "maar de energierekening loopt al maanden achter.",
        (("name", "meneer Bakker"), ("iban", "NL91 ABNA 0417 1643 00")),
    ),
    Case(
        "Mw. A. el Amrani (geb. 14-07-1979) is mantelzorger voor haar moeder. "
        "Mail: a.elamrani@hotmail.com.",
        (
            ("name", "Mw. A. el Amrani"),
            ("birthdate", "14-07-1979"),
            ("email", "a.elamrani@hotmail.com"),
        ),
    ),
    Case(
        "De jongere woont bij zijn oma aan de Kerkweg 3a. Oma is te bereiken op 0031 6 1234 5678.",
        (("address", "Kerkweg 3a"), ("phone", "0031 6 1234 5678")),
    ),
    Case(
        "Aanvraag bijzondere bijstand van mevrouw K. Yılmaz, burgerservicenummer 111.222.333, "
        "voor een wasmachine van € 450.",
        (("name", "mevrouw K. Yılmaz"), ("bsn", "111.222.333")),
    ),
    Case(
        "De heer Van den Berg (87) woont alleen in een seniorenwoning en wil een scootmobiel. "
        "Zijn dochter belt vaak: +31 (0)6 12345678.",
        (("name", "De heer Van den Berg"), ("age", "87"), ("phone", "+31 (0)6 12345678")),
    ),
    Case(
        "Een gezin met drie kinderen in de schuldsanering; de moeder, mevrouw Öztürk, is "
        "bereikbaar via oz.turk1982@gmail.com.",
        (("name", "mevrouw Öztürk"), ("email", "oz.turk1982@gmail.com")),
    ),
    Case(
        "Postcode en huisnummer voor het dossier: 3511 LK 8, gemeente Utrecht.",
        (("postcode_house", "3511 LK 8"),),
    ),
    Case(
        "Participatiewet: dhr. M. Haddou, 0612345678, wil parttime werken met behoud van een "
        "deel van zijn uitkering.",
        (("name", "dhr. M. Haddou"), ("phone", "0612345678")),
    ),
    Case(
        "Jeugdhulp voor een jongen, geboren op 3 februari 2014, die thuis vastloopt. "
        "Moeder: 06 12 34 56 78.",
        (("birthdate", "3 februari 2014"), ("phone", "06 12 34 56 78")),
    ),
    Case(
        "De huurder aan de Lindenlaan 45 heeft schimmel in huis en de corporatie reageert niet. "
        "Contact via lindenlaan45@ziggo.nl.",
        (("address", "Lindenlaan 45"), ("email", "lindenlaan45@ziggo.nl")),
    ),
    Case(
        "Betalingsregeling getroffen voor rekening NL20INGB0001234567 (op naam van "
        "mevrouw S. Pinas).",
        (("iban", "NL20INGB0001234567"), ("name", "mevrouw S. Pinas")),
    ),
    Case(
        "Mantelzorger mevr. Hoekstra (tel. 020 123 4567) zorgt al acht jaar voor haar man "
        "met dementie.",
        (("name", "mevr. Hoekstra"), ("phone", "020 123 4567")),
    ),
    Case(
        "Een inwoner van 94 jaar wil thuis blijven wonen; de thuiszorg komt drie keer per dag.",
        (("age", "94"),),
    ),
    Case(
        "Dossier: dhr. P. de Boer, Molenstraat 8, 7411 AB Deventer, BSN 691400507.",
        (
            ("name", "dhr. P. de Boer"),
            ("postcode_house", "Molenstraat 8, 7411 AB"),
            ("bsn", "691400507"),
        ),
    ),
    Case(
        "De vader werkt in Duitsland en is alleen bereikbaar op +49 151 23456789; de kinderen "
        "wonen bij de moeder.",
        (("phone", "+49 151 23456789"),),
    ),
    Case(
        "Een Belgische grensarbeider met een schuld bij de Belastingdienst, telefoon "
        "+32 470 12 34 56.",
        (("phone", "+32 470 12 34 56"),),
    ),
    Case(
        "Mevrouw Nguyen, geboortedatum 1990-05-17, heeft een indicatie voor begeleiding van "
        "4 uur per week.",
        (("name", "Mevrouw Nguyen"), ("birthdate", "1990-05-17")),
    ),
    Case(
        "Schulden van € 23.000. IBAN van de bewindvoerder: nl44rabo0123456789. Vraag: mag de "
        "gemeente rechtstreeks betalen?",
        (("iban", "nl44rabo0123456789"),),
    ),
    Case(
        "meneer Visser (Hoofdweg 101) kan de trap niet meer op en wil verhuizen naar een "
        "gelijkvloerse woning.",
        (("name", "meneer Visser"), ("address", "Hoofdweg 101")),
    ),
    Case(
        "Het adres is 2514 GL, huisnummer 4; de woning is te klein voor het gezin van zes.",
        (("postcode_house", "2514 GL, huisnummer 4"),),
    ),
    Case(
        "Bel de zus van mevrouw op 010-1234567 of mail naar zus.jansen@outlook.com.",
        (("phone", "010-1234567"), ("email", "zus.jansen@outlook.com")),
    ),
    Case(
        "Mw. drs. E. van Dijk, huisarts, verwijst naar het wijkteam.",
        (("name", "Mw. drs. E. van Dijk"),),
    ),
    Case(
        "Gezin met vier kinderen; vader dhr. R. Doekhie, geboren 02-11-1975, woont op "
        "Oudegracht 231 in Utrecht.",
        (
            ("name", "dhr. R. Doekhie"),
            ("birthdate", "02-11-1975"),
            ("address", "Oudegracht 231"),
        ),
    ),
    Case(
        "Mijn collega mevrouw Bos (wijkcoach) vraagt of de eigen bijdrage van € 21,20 per "
        "maand kan vervallen.",
        (("name", "mevrouw Bos"),),
    ),
    Case(
        "De casus van meneer Jansen, 1234AB 7, gaat over een woningaanpassing van € 12.000.",
        (("name", "meneer Jansen"), ("postcode_house", "1234AB 7")),
    ),
    Case(
        "Als raadslid kreeg ik een mail van een inwoner (h.demir@planet.nl, 06-28765432) over "
        "de wachtlijst in de jeugdhulp.",
        (("email", "h.demir@planet.nl"), ("phone", "06-28765432")),
    ),
    Case(
        "De zoon (14) van mevrouw Pietersen zit al maanden thuis; leerplicht en jeugdhulp "
        "wijzen naar elkaar.",
        (("name", "mevrouw Pietersen"),),
    ),
    Case(
        "Mevrouw Jansen, 67 jaar, woont op Kerkplein 3-hs, 1011 AA Amsterdam en krijgt "
        "huishoudelijke hulp.",
        (
            ("name", "Mevrouw Jansen"),
            ("age", "67"),
            ("postcode_house", "Kerkplein 3-hs, 1011 AA"),
        ),
    ),
    Case(
        "BSN 116 263 684 stond in de mail van de school; graag verwijderen.",
        (("bsn", "116 263 684"),),
    ),
    Case(
        "Sofinummer (oud) 999999990 en het nieuwe dossiernummer 2025-1187.",
        (("bsn", "999999990"),),
    ),
    Case(
        "Aanvrager: J. de Boer, Wilhelminastraat 17, telefoon 0513-612345.",
        (
            ("name", "J. de Boer"),
            ("address", "Wilhelminastraat 17"),
            ("phone", "0513-612345"),
        ),
    ),
    Case(
        "De statushouder woont tijdelijk op de De Savornin Lohmanlaan 30; zijn broer belt "
        "vanuit Marokko met +212 612 345678.",
        (("address", "Lohmanlaan 30"), ("phone", "+212 612 345678")),
    ),
    Case(
        "Vraag van een raadslid: waarom kreeg mevrouw Schouten (geb. 12-03-1961) geen urgentie?",
        (("name", "mevrouw Schouten"), ("birthdate", "12-03-1961")),
    ),
    Case(
        "Budgetbeheer loopt via rekening BE71 0961 2345 6769 van haar Belgische partner.",
        (("iban", "BE71 0961 2345 6769"),),
    ),
    Case(
        "Het wijkteam heeft contact met dhr. Van der Meer op +31 20 123 45 67 en met zijn "
        "dochter op 06-87654321.",
        (
            ("name", "dhr. Van der Meer"),
            ("phone", "+31 20 123 45 67"),
            ("phone", "06-87654321"),
        ),
    ),
    Case(
        "Aanmelding: mevrouw Bulut, Schoolstraat 5b, 5611 AB Eindhoven, mail bulut.h@gmail.com.",
        (
            ("name", "mevrouw Bulut"),
            ("postcode_house", "Schoolstraat 5b, 5611 AB"),
            ("email", "bulut.h@gmail.com"),
        ),
    ),
    Case(
        "Een 92-jarige inwoner heeft een pgb van € 1.800 per maand; zijn zoon regelt de "
        "administratie.",
        (("age", "92"),),
    ),
    Case(
        "Vader (dhr. T. Mulder) en moeder leven gescheiden; de kinderen wonen op "
        "Prinsengracht 263.",
        (("name", "dhr. T. Mulder"), ("address", "Prinsengracht 263")),
    ),
    Case(
        "Terugvordering bijstand: mw. Rahimi heeft vijf maanden inkomsten niet gemeld. "
        "Haar BSN is 204640775.",
        (("name", "mw. Rahimi"), ("bsn", "204640775")),
    ),
    Case(
        "Geboren 5 mei 1958, weduwnaar, woont zelfstandig maar vereenzaamt.",
        (("birthdate", "5 mei 1958"),),
    ),
    Case(
        "De zorgaanbieder belde met 030-2345678 over de herindicatie van meneer Smit.",
        (("phone", "030-2345678"), ("name", "meneer Smit")),
    ),
    Case(
        "Contactgegevens ouders: 06 1234 5678 (moeder), +31 6 12345678 (vader).",
        (("phone", "06 1234 5678"), ("phone", "+31 6 12345678")),
    ),
    Case(
        "Huurschuld van € 3.150 bij de corporatie; huurder dhr. El Idrissi, Havenweg 2, "
        "IBAN NL52 ASNB 0708 0910 11.",
        (
            ("name", "dhr. El Idrissi"),
            ("address", "Havenweg 2"),
            ("iban", "NL52 ASNB 0708 0910 11"),
        ),
    ),
    Case(
        "Van: pieter.devries@gemeente-voorbeeld.nl. Onderwerp: casus Wmo, tweede gesprek.",
        (("email", "pieter.devries@gemeente-voorbeeld.nl"),),
    ),
    Case(
        "Oom en tante (Hoofdstraat 44, 9401 AB Assen) willen pleegouder worden voor hun nichtje.",
        (("postcode_house", "Hoofdstraat 44, 9401 AB"),),
    ),
    Case(
        "Dossier mevrouw Wuyts (17-09-1949): na een val kan zij niet meer zelfstandig wonen.",
        (("name", "mevrouw Wuyts"), ("birthdate", "17-09-1949")),
    ),
    Case(
        "Een bewoner van de Stationsweg 14 klaagt over overlast van de buren; de politie is "
        "twee keer langs geweest.",
        (("address", "Stationsweg 14"),),
    ),
    Case(
        "Vraag van ing. Kramer (woningcorporatie): mag de gemeente de verhuiskosten van "
        "€ 2.500 vergoeden?",
        (("name", "ing. Kramer"),),
    ),
    Case(
        "De schuldeiser stuurde een aanmaning naar Burgemeester Roelenweg 3; de "
        "inwoner opende de post niet.",
        (("address", "Roelenweg 3"),),
    ),
    Case(
        "Dochter (tel. (010) 123 45 67) is overbelast: zij zorgt voor haar vader en werkt 32 uur.",
        (("phone", "(010) 123 45 67"),),
    ),
    Case(
        "Inwoner met schulden, rekening DE89 3704 0044 0532 0130 00 bij een Duitse bank, "
        "BSN: 145944372.",
        (("iban", "DE89 3704 0044 0532 0130 00"), ("bsn", "145944372")),
    ),
    Case(
        "Fam. Yılmaz (Grote Markt 3) heeft sinds de scheiding een huurachterstand.",
        (("name", "Fam. Yılmaz"), ("address", "Grote Markt 3")),
    ),
    Case(
        "Mevrouw van der Linden-Bakker belt over haar pgb; de zorgverlener is gestopt.",
        (("name", "Mevrouw van der Linden-Bakker"),),
    ),
    Case(
        "Dhr. O.A. Bakker wil een gesprek, tel. 06 - 123 456 78 (na 17 uur).",
        (("name", "Dhr. O.A. Bakker"), ("phone", "06 - 123 456 78")),
    ),
    Case(
        "Op haar telefoon getypt: adres 1234 ab 12, bovenwoning zonder lift.",
        (("postcode_house", "1234 ab 12"),),
    ),
    Case(
        "De dochter woont op Spui 12 in Den Haag en komt elk weekend.",
        (("address", "Spui 12"),),
    ),
    Case(
        "De heer Ben Ali (55) komt sinds zijn ontslag niet meer buiten.",
        (("name", "De heer Ben Ali"), ("age", "55")),
    ),
    Case(
        "Schuldeisers schrijven naar mevrouw de Graaf, die haar post niet meer opent.",
        (("name", "mevrouw de Graaf"),),
    ),
    # --- cases holding only traps ------------------------------------------------------------
    Case(
        "Het maatwerkbudget is € 2.400 per jaar; voor de traplift vragen we € 1.250,00 eigen "
        "bijdrage."
    ),
    Case("De gemeente heeft EUR 12.000 gereserveerd voor vroegsignalering van schulden in 2023."),
    Case("Het keukentafelgesprek is om 09.30 uur, het teamoverleg om 10:30."),
    Case("Volgens artikel 2.3.5 Wmo moet de gemeente het onderzoek binnen zes weken afronden."),
    Case("Op grond van art. 1.2.1 Jeugdwet is de gemeente verantwoordelijk voor de jeugdhulp."),
    Case("Dit bespreken we in het overleg op 12 maart 2026 met het Sociaal Domein."),
    Case("In 2023 kwamen er 340 aanvragen binnen, in 2024 al 410."),
    Case("De buurvrouw doet de boodschappen en de wijkcoach komt eens per week langs."),
    Case("Een moeder van 38 met drie kinderen en een schuld van € 18.000 bij zes schuldeisers."),
    Case("Mevrouw wil graag thuis blijven wonen, maar de trap is een probleem."),
    Case("Wijkteam Noord werkt samen met het Sociaal Domein en de GGD."),
    Case("Een gezin in Utrecht wacht al acht maanden op een passende woning."),
    Case("Dossiernummer 123456789 is gesloten; het nieuwe nummer is 111222334."),
    Case("Zie zaaknummer 2024-0042 en het bezwaar onder kenmerk 2024/118."),
    Case("De schuldhulp is gratis te bellen op 0800-1234, ook voor anonieme vragen."),
    Case("Het wijkteam is voor alle inwoners bereikbaar op 088-1234567."),
    Case("Sinds 1 januari 2015 voert de gemeente de Participatiewet uit."),
    Case("Per 1 juli 2025 stopt de toeslag en verliest de inwoner € 150 per maand."),
    Case("De indicatie is 6 uur begeleiding per week en 2,5 uur huishoudelijke hulp."),
    Case("Het raadsvoorstel 2025-123 over de eigen bijdrage komt op 14 januari 2027 in de raad."),
    Case("In de wijk rond 1234 AB wonen veel ouderen alleen."),
    Case("Versie 1.2.10 van de beleidsregels gaat uit van 12 uur per maand."),
    Case("Een jongere van 17 wordt volgend jaar 18 en valt dan onder de Wmo, niet de Jeugdwet."),
    Case("Het totale budget voor beschermd wonen is 1.250.000 euro."),
    Case("In de periode 2015-2023 verdubbelde het aantal aanvragen voor jeugdhulp."),
    Case("De vader werkt 32 uur per week, de moeder 0,5 fte."),
    Case("Meneer wil zijn woning laten aanpassen; de offerte is € 7.850 inclusief btw."),
    Case("Een alleenstaande ouder met een netto-inkomen van € 1.650 en een huur van € 920."),
    Case("De motie 2024/17 vraagt om een bereikbaarheid van het wijkteam tot 17.00 uur."),
    Case("Bijlage B bevat de criteria; Stap 3 gaat over de uitzonderingen."),
    Case("Volgens artikel 160 van de Gemeentewet beslist het college."),
    Case("Een statushouder uit Syrië wacht in het azc in Ter Apel op een woning in Groningen."),
    Case("De thuiszorgorganisatie levert 3 keer per week 45 minuten hulp."),
    Case("Het gesprek vond plaats op 04-11-2026 om 14:00 uur met de moeder en de consulent."),
    Case("De bewindvoerder vraagt € 1.125,00 per jaar aan beloning."),
    Case("Zij heeft in Rotterdam 2 jaar gewoond en is daarna naar Schiedam verhuisd."),
    Case("Zij heeft de Belastingdienst 3 keer gebeld over de toeslagen."),
    Case("Het ene kind is 8 jaar en zit op de basisschool, het andere is 12 jaar."),
    Case("De mantelzorger is al 15 jaar de enige die helpt."),
    Case("De Wmo 2015 en de Jeugdwet traden op dezelfde dag in werking."),
    Case("Wijkteam West heeft in kwartaal 3 twaalf casussen over schulden besproken."),
    Case("Het aantal huishoudens in de bijstand daalde van 1.200 naar 1.050."),
    Case("Meneer belt vaak naar het Klantcontactcentrum (14 030) met vragen over zijn post."),
    Case("Het convenant met de woningcorporatie loopt van 2022 tot en met 2026."),
    Case("Aanvragen boven € 5.000 gaan naar de teamleider; daaronder beslist de consulent."),
    Case("Op 7 november 2026 kwam de aanvraag binnen; de beslistermijn is 8 weken."),
    Case("Een man van 45 jaar met een WW-uitkering en € 9.400 schuld."),
    Case("Van de 1.850 mantelzorgers ontving 62% het mantelzorgcompliment van € 100."),
    Case("Ik sprak mevrouw. Daarna belde ik de huisarts over de medicatie."),
    Case("De 38-jarige moeder krijgt sinds maart schuldhulp van Wijkteam Oost."),
    Case("Meneer de wethouder zegde toe dat de regeling per 2027 verandert."),
    Case("De heer des huizes wil geen hulp, zijn vrouw wel."),
    Case("Het gebouw aan de Dr. Schaepmanstraat wordt een wooncomplex voor jongeren."),
    Case("De cliëntenraad vergadert op dinsdag; de voorzitter is een mevrouw uit de wijk."),
)


@dataclass
class Tally:
    """Per kind: findings and how many were right; labels and how many were found."""

    found: int = 0
    right: int = 0
    labelled: int = 0
    hit: int = 0

    @property
    def precision(self) -> float:
        return self.right / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hit / self.labelled if self.labelled else 1.0


def labelled_spans(case: Case) -> list[tuple[str, int, int]]:
    """(kind, start, end) of each label; a repeated excerpt is looked for after the last one."""
    spans, after = [], {}
    for kind, excerpt in case.expected:
        start = case.text.index(excerpt, after.get(excerpt, 0))
        after[excerpt] = start + len(excerpt)
        spans.append((kind, start, start + len(excerpt)))
    return spans


def score(
    find: Callable[[str], Iterable], cases: Sequence[Case] = CASES
) -> tuple[dict[str, Tally], list[str]]:
    """Tallies per kind for `find` (text → findings with kind, start, end) over `cases`, and
    a line for every miss and every false alarm, to read when a figure drops."""
    tallies: dict[str, Tally] = {}
    mistakes = []
    for case in cases:
        found = [(f.kind, f.start, f.end) for f in find(case.text)]
        labels = labelled_spans(case)
        for kind, start, end in found:
            tally = tallies.setdefault(kind, Tally())
            tally.found += 1
            if any(_same(label, (kind, start, end)) for label in labels):
                tally.right += 1
            else:
                mistakes.append(f"false alarm {kind} {case.text[start:end]!r} in {case.text!r}")
        for label in labels:
            tally = tallies.setdefault(label[0], Tally())
            tally.labelled += 1
            if any(_same(label, finding) for finding in found):
                tally.hit += 1
            else:
                mistakes.append(f"missed {label[0]} {case.text[label[1] : label[2]]!r}")
    return tallies, mistakes


def total(tallies: dict[str, Tally], kinds: Iterable[str] | None = None) -> Tally:
    """The tallies of `kinds` (all by default) added up."""
    summed = Tally()
    for kind, tally in tallies.items():
        if kinds is None or kind in kinds:
            summed.found += tally.found
            summed.right += tally.right
            summed.labelled += tally.labelled
            summed.hit += tally.hit
    return summed


def _same(a: tuple[str, int, int], b: tuple[str, int, int]) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]
