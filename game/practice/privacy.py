"""Spotting personal data in the cases participants bring to Stap 3, before they are saved.

Cases come from real wijkteam work, so a BSN, a phone number, a name or a date of birth slips
in easily. This detector is a safety net for the privacy reminder, not a guarantee: it flags
what *looks like* personal data so the author can take it out, and it is tuned to stay quiet
on the numbers a case about maatwerk is full of (amounts, budgets, years, article numbers,
times, case numbers), so that its warnings are not clicked away by habit.

Where a well-kept library knows the rules, it decides:

- python-stdnum checks BSNs (the elfproef) and IBANs (ISO 13616: per-country length and
  mod-97 check digits); a regex only proposes the candidates, stdnum says yes or no.
- phonenumbers (Google's libphonenumber data) knows which Dutch and foreign numbers exist, so
  "+32 470 12 34 56" and "+31 (0)20 1234567" are found and "06-1234567" (one digit short) is
  not. Leniency VALID: a number that could exist and, written nationally, has its trunk 0, so
  the nine digits of a BSN are no phone number; STRICT_GROUPING would miss the common
  "06 12 34 56 78" and "0031 6 1234 5678".
- deduce, the rule-based de-identifier for Dutch text, finds person names with a title or
  initials ("mevrouw De Vries", "dhr. J. Jansen", "Mw. A. el Amrani"), street + house number
  ("Dorpsstraat 12", "Kerkweg 3a") and ages ("92 jaar"), with its own lists of titles,
  initials, name particles, common words and place names, shipped in the package.

deduce is used as its parts, not as `deduce.Deduce()`. The stock class also loads lookup
tries of every Dutch street (150,000) and care institution (49,000). Measured here (Python
3.11, 2 cores, bench/privacy.py --stock-deduce): the first build after an install takes 72 s
or more and pickles 77 MB into site-packages (which raises where that is not writable), every
later process needs 6–9 s to load it and holds 0.8–1.0 GB more memory, per daphne process.
Those tries serve streets without a common suffix ("Spui 12") and institution names. Left out
too: its first-name and surname lists (names without a title stay with the reminder), and its
phone, BSN and e-mail patterns, which the libraries above do better (over the labelled set its
phone pattern found 11 of 19 numbers and no foreign one, its BSN pattern no dotted or spaced
BSN; it has no IBAN). The annotators used need only the small lists (titles, initials,
particles, the whitelist of common words, place names): built from those at first use they
take about 0.4 s and 25 MB, importing deduce and numpy included, and about 3 of the 5 ms the
whole detector spends on a case of 2,000 characters.

Three guards are added to deduce's street pattern: a common word or a place name is no street
("in Amsterdam 2023"), and neither is a word ending in "st", the abbreviation of "straat" in
deduce's medical notes that also ends Oost, West and every -dienst ("de Belastingdienst 3
keer gebeld"). "fam." and "familie" join its titles.

Still written here, because no library does it: e-mail addresses (a regex), a postcode with a
house number next to it, and dates of birth. deduce has date patterns too, but they know no
birth words, no English month names and no "3 mrt. 1985"; whether a date is someone's date of
birth is the question here, and that needs the words around it.

Pure functions over a string; the service decides what a finding means (warn, or refuse).
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import re
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import phonenumbers
from phonenumbers import PhoneNumberType
from stdnum import iban
from stdnum.nl import bsn

KINDS: tuple[str, ...] = (
    "bsn",
    "email",
    "phone",
    "iban",
    "postcode_house",
    "address",
    "name",
    "birthdate",
    "age",
)


@dataclass(frozen=True)
class Finding:
    """A stretch of `text[start:end]` that looks like personal data of one `kind`.

    `excerpt` is that stretch itself, so the form can show "remove 06-12345678?". `certain` is
    False only for a date without a birth word nearby: it *may* be a date of birth (and is then
    worth a gentler question), while everything else is flagged as found.
    """

    kind: str
    start: int
    end: int
    excerpt: str
    certain: bool = True


_SPACE = r"[ \u00a0]"  # a space as typed, or the no-break space Word likes to insert


# --- e-mail ---
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")


# --- phone ---
# Numbers of organisations, not of people: free, premium-rate and shared-cost service numbers
# (0800, 0900, 0906, 0909) and the one-number-for-the-whole-organisation ranges (088, 084).
_SERVICE_NUMBERS = frozenset(
    {
        PhoneNumberType.TOLL_FREE,
        PhoneNumberType.PREMIUM_RATE,
        PhoneNumberType.SHARED_COST,
        PhoneNumberType.UAN,
    }
)


# --- BSN ---
# Nine digits, together or as 3-3-3 with dots or spaces (the same separator twice); a number
# glued to other digits, a decimal or a currency sign is not a BSN. stdnum does the elfproef.
_BSN = re.compile(
    rf"(?<![\w.,/+-])\d{{3}}([.]|{_SPACE})?\d{{3}}(?(1)\1)\d{{3}}(?![\w]|[.,]\d)",
)


_CURRENCY_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)


# --- IBAN ---
# Country code and check digits, then the account number, grouped by four or not, in either
# case. The groups can run on into the next word ("NL91 ABNA 0417 1643 00 staat"), so a
# candidate is shortened to the longest stretch, ending at a word boundary, that stdnum takes.
_IBAN = re.compile(rf"(?<!\w)[A-Za-z]{{2}}\d{{2}}(?:{_SPACE}?[A-Za-z0-9]{{1,4}}){{3,8}}")


_IBAN_MIN_LENGTH = 15  # Norway's; the longest (34) fits in the candidate's eight groups


# --- postcode with house number ---
# A postcode: four digits (not starting with 0), then two capitals other than SA, SD and SS
# (never issued), with or without a space; lower case only when glued on ("1234ab"), because
# "in 2023 de" must not read as a postcode.
_POSTCODE = re.compile(
    rf"(?<![\w.,])[1-9]\d{{3}}(?:{_SPACE}?(?!SA|SD|SS)[A-Z]{{2}}|(?!sa|sd|ss)[a-z]{{2}})(?!\w)"
)


# A house number: 12, 12a, 12 A, 12-3, 12-hs, 12bis.
_HOUSE_NUMBER = rf"\d{{1,5}}(?:[a-zA-Z]{{1,3}}\b|{_SPACE}[A-Z]\b|[-/]\w{{1,4}}\b)?"


_GAP = r"[ \u00a0\t,]*\n?[ \u00a0\t]*"  # spaces, commas, at most one line break


# Directly before the postcode, maybe after the street: "Dorpsstraat 12, 1234 AB", also with
# the postcode on the next line. Searched in the text just before the postcode.
_NUMBER_BEFORE = re.compile(rf"(?:[A-Za-zÀ-ÿ][\w'.-]*{_SPACE}+)?(?<![\w.,]){_HOUSE_NUMBER}{_GAP}\Z")


# Right after it: "1234 AB 12", "1234 AB, nr. 12", or a capitalised street after up to two
# capitalised words of place: "1234 AB Dorp, Dorpsstraat 12". Matched on the text after it.
# A number followed by a lower-case word is a count ("1234 AB, 12 huishoudens"), not a house.
_NUMBER_AFTER = re.compile(
    rf"""
    {_GAP}
    (?:
        (?:nr|no|huisnummer)\.?{_SPACE}*{_HOUSE_NUMBER}
      | {_HOUSE_NUMBER}(?!{_SPACE}+[a-zà-ÿ])
      | (?:[A-Z][\w'-]+[ \u00a0\t,]+){{0,2}}\n?[ \u00a0\t]*[A-ZÀ-Ý][\w'.-]*{_SPACE}+{_HOUSE_NUMBER}
    )
    (?![\w:]|[.,]\d)
    """,
    re.VERBOSE,
)


# --- names, streets and ages: deduce ---
# The lookup lists of the deduce package that its annotators below consult: titles (prefix),
# initials, name particles (interfix), and for the whitelist of common words the surnames
# (taken out of it), common words, medical terms and stop words; and the place names.
_DEDUCE_LISTS = (
    "names/lst_prefix",
    "names/lst_initial",
    "names/lst_interfix",
    "names/lst_surname",
    "whitelist/lst_common_word",
    "whitelist/lst_medical_term",
    "whitelist/lst_stop_word",
    "locations/lst_placename",
)


# deduce's own annotators, by the names of its base config, in the order they run: names first
# (the context annotator then extends them with more initials and particles), then streets
# with their house number, then ages.
_DEDUCE_ANNOTATORS = {
    "names": (
        "prefix_with_initial",
        "prefix_with_interfix",
        "prefix_with_name",
        "initial_with_name",
        "initial_interfix",
        "name_context",
    ),
    "locations": ("street_pattern", "housenumber"),
    "ages": ("age",),
}


# "Familie Jansen", "fam. Yılmaz": how a wijkteam names a household, added to deduce's titles.
_HOUSEHOLD_TITLES = frozenset({"fam", "fam.", "familie"})


# What deduce's street pattern must also hold for; see the module docstring.
_STREET_GUARDS = (
    {"neg_lookup": "whitelist"},
    {"neg_lookup": "placename"},
    {"re_match": r"(?!.*st$)"},
)


# A written-out title closing a sentence ("Ik sprak mevrouw. Daarna ..."): deduce skips the
# full stop, as it must for "mw. Jansen", and would read the next sentence's first word as her
# name.
_TITLE_ENDS_SENTENCE = re.compile(r"(?:de\s+)?(?:mevrouw|meneer|mijnheer|heer|collega)\.", re.I)


# An age identifies together with a name ("Mevrouw De Vries (87)", "dhr. Bakker, 92 jaar"),
# or on its own when few people share it: from 90, the line the US HIPAA Safe Harbor rule
# draws. "Een moeder van 38" or "de 38-jarige moeder" is not flagged.
_AGE_AFTER_NAME_GAP = re.compile(r"[ \u00a0]*[,(]?[ \u00a0]*")


_AGE_IN_BRACKETS = re.compile(r"[ \u00a0]*\((\d{1,3})\)")


_RARE_AGE = 90


# --- dates ---
_MONTHS = {
    **dict.fromkeys(["januari", "january", "jan"], 1),
    **dict.fromkeys(["februari", "february", "feb", "febr"], 2),
    **dict.fromkeys(["maart", "march", "mrt", "mar", "maa"], 3),
    **dict.fromkeys(["april", "apr"], 4),
    **dict.fromkeys(["mei", "may"], 5),
    **dict.fromkeys(["juni", "june", "jun"], 6),
    **dict.fromkeys(["juli", "july", "jul"], 7),
    **dict.fromkeys(["augustus", "august", "aug"], 8),
    **dict.fromkeys(["september", "sep", "sept"], 9),
    **dict.fromkeys(["oktober", "october", "okt", "oct"], 10),
    **dict.fromkeys(["november", "nov"], 11),
    **dict.fromkeys(["december", "dec"], 12),
}


_MONTH_NAMES = "|".join(sorted(_MONTHS, key=len, reverse=True))  # longest first: maart, mar


def _month(group: str) -> str:
    return rf"(?P<{group}>{_MONTH_NAMES})\.?"


_DAY_SUFFIX = r"(?:st|nd|rd|th|e|ste|de)?"


_DATE = re.compile(
    rf"""
    (?<![\w.,/:-])
    (?:
        (?P<d1>\d{{1,2}})(?P<sep>[-/.])(?P<m1>\d{{1,2}})(?P=sep)(?P<y1>\d{{4}}|\d{{2}})
                                            # 12-03-1985, 12/3/85, 12.03.1985
      | (?P<y2>\d{{4}})-(?P<m2>\d{{1,2}})-(?P<d2>\d{{1,2}})
                                            # 1985-03-12
      | (?P<d3>\d{{1,2}}){_DAY_SUFFIX}{_SPACE}+{_month("month3")}{_SPACE}+(?P<y3>\d{{4}})
                                            # 12 maart 1985, 12 mrt. 1985, 12th March 1985
      | {_month("month4")}{_SPACE}+(?P<d4>\d{{1,2}}){_DAY_SUFFIX},?{_SPACE}+(?P<y4>\d{{4}})
                                            # March 12, 1985
    )
    (?![\w]|[-/.:]\d)
    """,
    re.VERBOSE | re.IGNORECASE,
)


# Words that make a nearby date a date of birth: in the 30 characters before the date
# ("geboren op", "geb.", "geboortedatum:", "born on", "date of birth", "DOB") or the 20 after
# ("(geboren)").
_BIRTH_WORD = re.compile(
    r"\b(?:geboren|geb\.|geb\b|geboortedatum|geboortedag|born|birth|dob|d\.o\.b\.)",
    re.IGNORECASE,
)


_BIRTH_BEFORE, _BIRTH_AFTER = 30, 20


# A date without a birth word is a *possible* date of birth only this many years back: the
# dates a case is about (the meeting, the decision, the melding, "sinds 1 januari 2015") are
# recent, an adult's date of birth is not. A child's date of birth needs its birth word.
_ADULT_YEARS = 18


# Where two findings overlap, the earlier kind wins: an e-mail address can hold digits, an
# IBAN holds a run of digits, a date is more telling than the phone-like digits around it,
# "+31 612345678" is a phone, not a BSN "612345678", and a postcode with the street before it
# is more than the street.
_PRIORITY = (
    "email",
    "iban",
    "birthdate",
    "phone",
    "bsn",
    "postcode_house",
    "address",
    "name",
    "age",
)


def find_personal_data(text: str, *, today: date | None = None) -> list[Finding]:
    """Everything in `text` that looks like personal data, in order of position.

    Kinds and rules:
      - "bsn": nine digits (123456782, 123.456.782, 123 456 782) passing the elfproef; not
        after a currency sign.
      - "email": name@domain.tld.
      - "phone": a number that exists in the numbering plan, Dutch (06-12345678, 06 1234 5678,
        010-1234567, 020 123 4567, +31 6 12345678, +31 (0)20 1234567, 0031 6 1234 5678) or
        foreign (+32 470 12 34 56, 0049 30 12345678); not service numbers (0800, 0900, 088).
      - "iban": NL91 ABNA 0417 1643 00, NL91ABNA0417164300, in lower case too, any country.
      - "postcode_house": a postcode (1234 AB, 1234AB) with a house number next to it — just
        before ("Dorpsstraat 12, 1234 AB", also across a line break), just after ("1234 AB
        12", "1234 AB, nr. 12", but not "1234 AB, 12 huishoudens") or after the place
        ("1234 AB Dorp, Dorpsstraat 12"). The span covers both. A postcode alone (about 20
        addresses) is not flagged: it is how a case says which neighbourhood it is about.
      - "address": a street with its house number ("Dorpsstraat 12", "Kerkweg 3a"), the street
        known by its suffix (-straat, -weg, -laan, -plein, -gracht, …).
      - "name": a person's name after a title or initials ("mevrouw De Vries", "dhr. J.
        Jansen", "meneer Bakker", "Mw. A. el Amrani", "J. de Boer"). A title alone
        ("mevrouw") or a role ("de buurvrouw", "de wijkcoach") is not a name.
      - "birthdate": a real calendar date (12-03-1985, 12/03/1985, 12.03.1985, 1985-03-12,
        12 maart 1985, 12 mrt. 1985, March 12, 1985). Certain when a birth word ("geboren",
        "geb.", "geboortedatum", "born", "date of birth", "DOB") is within 30 characters
        before or 20 after it; then two-digit years (12-03-85) count too. Without a birth
        word, a date with a four-digit year from 1900 and at least 18 years before `today` is
        a *possible* date of birth (`certain=False`). Future dates are never birth dates.
      - "age": an age right after a name ("Mevrouw De Vries (87)", "dhr. Bakker, 92 jaar"), or
        any age from 90 ("een 94-jarige inwoner").

    Not flagged: amounts (€ 1.250,00, EUR 12.000), years alone ("in 2023"), recent dates
    ("het overleg op 12 maart 2026"), article numbers ("artikel 2.3.5 Wmo"), times ("10:30",
    "09.30 uur"), case numbers ("zaaknummer 2024-0042"), nine-digit numbers that fail the
    elfproef, place names alone and organisation names. `today` is for tests; it defaults to
    the real date.
    """
    return list(_findings(text, today or date.today()))


# The facilitator's view checks every case again each time it is built, and the same few dozen
# texts come by over and over; at about 1 ms for a case of a few hundred characters (deduce
# most of it, see bench/privacy.py) that is worth remembering. Findings are frozen, so sharing
# them is safe.
@functools.lru_cache(maxsize=4096)
def _findings(text: str, today: date) -> tuple[Finding, ...]:
    names, addresses, ages = _deduce_findings(text)
    found = [
        *_emails(text),
        *_phones(text),
        *_bsns(text),
        *_ibans(text),
        *_postcode_houses(text),
        *addresses,
        *names,
        *_identifying_ages(text, ages, names),
        *_birthdates(text, today),
    ]
    found.sort(key=lambda f: (_PRIORITY.index(f.kind), f.start))
    kept: list[Finding] = []
    for finding in found:
        if all(finding.end <= other.start or finding.start >= other.end for other in kept):
            kept.append(finding)
    return tuple(sorted(kept, key=lambda f: (f.start, f.end)))


def _finding(kind: str, text: str, start: int, end: int, certain: bool = True) -> Finding:
    return Finding(kind=kind, start=start, end=end, excerpt=text[start:end], certain=certain)


def _emails(text: str) -> list[Finding]:
    return [_finding("email", text, m.start(), m.end()) for m in _EMAIL.finditer(text)]


def _phones(text: str) -> list[Finding]:
    return [
        _finding("phone", text, match.start, match.end)
        for match in phonenumbers.PhoneNumberMatcher(
            text, "NL", leniency=phonenumbers.Leniency.VALID
        )
        if phonenumbers.number_type(match.number) not in _SERVICE_NUMBERS
        # "01-03-2030 12 mensen": a date and a count, however well they dial
        and not _DATE.match(text, match.start)
    ]


def _bsns(text: str) -> list[Finding]:
    return [
        _finding("bsn", text, m.start(), m.end())
        for m in _BSN.finditer(text)
        if not _CURRENCY_BEFORE.search(text, max(0, m.start() - 8), m.start())
        and bsn.is_valid(m.group())
    ]


def _ibans(text: str) -> list[Finding]:
    found = []
    position = 0
    while m := _IBAN.search(text, position):
        end = next(
            (
                end
                for end in range(m.end(), m.start() + _IBAN_MIN_LENGTH - 1, -1)
                if not text[end : end + 1].isalnum() and iban.is_valid(text[m.start() : end])
            ),
            None,
        )
        if end is None:
            position = m.start() + 1
        else:
            found.append(_finding("iban", text, m.start(), end))
            position = end
    return found


def _postcode_houses(text: str) -> list[Finding]:
    found = []
    for m in _POSTCODE.finditer(text):
        window_start = max(0, m.start() - 60)
        before = _NUMBER_BEFORE.search(text[window_start : m.start()])
        if before:
            found.append(_finding("postcode_house", text, window_start + before.start(), m.end()))
            continue
        after = _NUMBER_AFTER.match(text[m.end() : m.end() + 60])
        if after:
            found.append(_finding("postcode_house", text, m.start(), m.end() + after.end()))
    return found


def _deduce_findings(text: str) -> tuple[list[Finding], list[Finding], list[Finding]]:
    """Names, addresses and ages (every age, identifying or not) as deduce annotates them.

    A title before a street named after someone ("de Dr. Schaepmanstraat") makes no person:
    a name that overlaps a street, with or without its number, is dropped.
    """
    annotations = _deduce().deidentify(text).annotations
    streets = [a for a in annotations if a.tag.startswith("straat")]
    names, addresses, ages = [], [], []
    for annotation in annotations:
        start, end = annotation.start_char, annotation.end_char
        if annotation.tag == "persoon":
            if not _TITLE_ENDS_SENTENCE.match(annotation.text) and not any(
                street.start_char < end and start < street.end_char for street in streets
            ):
                names.append(_finding("name", text, start, end))
        elif annotation.tag.startswith("straat+huisnummer"):
            addresses.append(_finding("address", text, start, end))
        elif annotation.tag == "leeftijd":
            ages.append(_finding("age", text, start, end))
    return names, addresses, ages


def _identifying_ages(text: str, ages: list[Finding], names: list[Finding]) -> list[Finding]:
    """The ages that identify: right after a name, "(87)" included, or from 90."""
    name_ends = {name.end for name in names}
    found = [
        age
        for age in ages
        if int(re.match(r"\d+", age.excerpt).group()) >= _RARE_AGE
        or any(
            _AGE_AFTER_NAME_GAP.fullmatch(text, end, age.start)
            for end in name_ends
            if end <= age.start
        )
    ]
    for end in name_ends:
        if m := _AGE_IN_BRACKETS.match(text, end):
            found.append(_finding("age", text, m.start(1), m.end(1)))
    return found


_DEDUCE_LOCK = threading.Lock()


def _deduce():
    """The deduce pipeline, built once per process on first use.

    Lazily, so that importing this module stays cheap for everything that never checks a case;
    under a lock, because the live server checks cases from several threads at once.
    """
    with _DEDUCE_LOCK:
        return _build_deduce()


@functools.cache
def _build_deduce():
    """deduce's annotators for titled names, streets and ages, on its small lookup lists."""
    with _contained_import_side_effects():
        import docdeid
        from deduce import lookup_struct_loader, utils
        from deduce.annotation_processor import PersonAnnotationConverter
        from deduce.lookup_structs import load_raw_itemsets
        from deduce.tokenizer import DeduceTokenizer

    package = Path(utils.__file__).parent
    raw = load_raw_itemsets(base_path=package / "data" / "lookup", subdirs=list(_DEDUCE_LISTS))
    raw["prefix"] |= _HOUSEHOLD_TITLES
    lookups = docdeid.ds.DsCollection()
    lookups["prefix"] = lookup_struct_loader.load_prefix_lookup(raw)
    lookups["interfix"] = lookup_struct_loader.load_interfix_lookup(raw)
    lookups["whitelist"] = lookup_struct_loader.load_whitelist_lookup(raw)
    for name in ("initial", "placename"):
        lookups[name] = docdeid.ds.LookupSet()
        lookups[name].add_items_from_iterable(raw[name])
    # As deduce does: a title or particle of several words ("de heer", "van der") is one token.
    merge_terms = [*lookups["prefix"].items(), *lookups["interfix"].items()]
    tokenizer = DeduceTokenizer(merge_terms=merge_terms)

    config = json.loads((package / "base_config.json").read_text(encoding="utf-8"))["annotators"]
    street = config["street_pattern"]["args"]
    street["pattern"] = [{"and": [*street["pattern"], *_STREET_GUARDS]}]
    extras = {"tokenizer": tokenizer, "ds": lookups}
    engine = docdeid.DocDeid()
    engine.tokenizers["default"] = tokenizer
    for group_name, annotator_names in _DEDUCE_ANNOTATORS.items():
        group = docdeid.process.DocProcessorGroup()
        for name in annotator_names:
            module, class_name = config[name]["annotator_type"].rsplit(".", 1)
            annotator_class = utils.class_for_name(module_name=module, class_name=class_name)
            group.add_processor(
                name, utils.initialize_class(annotator_class, dict(config[name]["args"]), extras)
            )
        if group_name == "names":
            # The name annotators overlap ("mevrouw De", "mevrouw De Vries"): keep the longest.
            group.add_processor("person_annotation_converter", PersonAnnotationConverter())
        engine.processors.add_processor(group_name, group)
    return engine


@contextlib.contextmanager
def _contained_import_side_effects() -> Iterator[None]:
    """Importing deduce sets up the root logger (DEBUG, to stdout) when nothing has yet, and
    resets the warning filters: both are the application's to decide, so both are put back."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        with warnings.catch_warnings():
            yield
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)


def _birthdates(text: str, today: date) -> list[Finding]:
    found = []
    for m in _DATE.finditer(text):
        day = _parse_date(m, today)
        if day is None or day > today:
            continue
        short_year = len(m.group("y1") or "") == 2
        near = (
            text[max(0, m.start() - _BIRTH_BEFORE) : m.start()]
            + " "
            + text[m.end() : m.end() + _BIRTH_AFTER]
        )
        if _BIRTH_WORD.search(near):
            found.append(_finding("birthdate", text, m.start(), m.end()))
        elif not short_year and day.year >= 1900 and _at_least_adult(day, today):
            found.append(_finding("birthdate", text, m.start(), m.end(), certain=False))
    return found


def _at_least_adult(day: date, today: date) -> bool:
    return (day.year + _ADULT_YEARS, day.month, day.day) <= (today.year, today.month, today.day)


def _parse_date(m: re.Match[str], today: date) -> date | None:
    """The calendar date a match spells, or None when it is no real date (31-02, 13/13)."""
    groups = m.groupdict()
    if groups["d1"]:
        day, month, year = int(groups["d1"]), int(groups["m1"]), groups["y1"]
    elif groups["y2"]:
        day, month, year = int(groups["d2"]), int(groups["m2"]), groups["y2"]
    elif groups["d3"]:
        day, month, year = int(groups["d3"]), _MONTHS[groups["month3"].lower()], groups["y3"]
    else:
        day, month, year = int(groups["d4"]), _MONTHS[groups["month4"].lower()], groups["y4"]
    full_year = int(year)
    if len(year) == 2:  # 85 → 1985, 12 → 2012: the most recent year with those digits
        full_year += 2000 if 2000 + full_year <= today.year else 1900
    try:
        return date(full_year, month, day)
    except ValueError:
        return None
