"""Spotting personal data in the cases participants bring to Stap 3, before they are saved.

Cases come from real wijkteam work, so a BSN, a phone number or a date of birth slips in
easily. This detector is a safety net for the privacy reminder, not a guarantee: it flags what
*looks like* personal data so the author can take it out, and it is tuned to stay quiet on the
numbers a case about maatwerk is full of (amounts, budgets, years, article numbers, times), so
that its warnings are not clicked away by habit. Names are out of reach of patterns and stay
with the reminder.

Pure functions over a string; the service decides what a finding means (warn, or refuse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

KINDS: tuple[str, ...] = ("bsn", "email", "phone", "postcode_house", "birthdate")


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
# Dutch numbers are ten digits starting with 0 (06-12345678, 010-1234567, 020 123 4567), or
# +31 / 0031 followed by the nine digits without that 0 (+31 6 12345678, +31 (0)6 12345678).
# The digit after the 0 or country code is 1–9 (area codes and 06 never start with 0). Between
# digits at most three separators (space, dash, dot, bracket), so "(010) - 123 45 67" works but
# two numbers in a sentence do not fuse into one.
_PHONE_SEP = r"[ \u00a0\-.()]{0,3}"


_PHONE = re.compile(
    rf"""
    (?<![\w+.,-])                                       # not glued to a word or number
    (?:
        (?:\+|00)31{_PHONE_SEP}(?:\(0\){_PHONE_SEP})?   # country code, optional (0)
      | 0{_PHONE_SEP}                                   # or the trunk 0
    )
    [1-9](?:{_PHONE_SEP}\d){{8}}
    (?!\d|[.,:]\d)                                      # not part of a longer number or time
    """,
    re.VERBOSE,
)


# --- BSN ---
# Nine digits, together or as 3-3-3 with dots or spaces (the same separator twice), that pass
# the elfproef; a number glued to other digits, a decimal or a currency sign is not a BSN.
_BSN = re.compile(
    rf"(?<![\w.,/+-])\d{{3}}([.]|{_SPACE})?\d{{3}}(?(1)\1)\d{{3}}(?![\w]|[.,]\d)",
)


_DATE_AND_MORE = re.compile(r"\d{2}([-.])\d{2}\1\d{4}\D")


_CURRENCY_BEFORE = re.compile(r"(?:€|eur|euro)\s*$", re.IGNORECASE)


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


# Where two findings overlap, the earlier kind wins: an e-mail address can hold digits, a date
# is more telling than the phone-like digits around it, and "+31 612345678" is a phone, not a
# BSN "612345678".
_PRIORITY = ("email", "birthdate", "phone", "bsn", "postcode_house")


def find_personal_data(text: str, *, today: date | None = None) -> list[Finding]:
    """Everything in `text` that looks like personal data, in order of position.

    Kinds and rules:
      - "bsn": nine digits (123456782, 123.456.782, 123 456 782) passing the elfproef
        (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11, not all zeros); not after a currency sign.
      - "email": name@domain.tld.
      - "phone": Dutch numbers, mobile or landline: ten digits starting with 0 once the
        separators are gone (06-12345678, 06 1234 5678, 010-1234567, 020 123 4567), or +31 /
        0031 and nine digits (+31 6 12345678, +31 (0)20 1234567, 0031612345678).
      - "postcode_house": a postcode (1234 AB, 1234AB) with a house number next to it — just
        before ("Dorpsstraat 12, 1234 AB", also across a line break), just after ("1234 AB
        12", "1234 AB, nr. 12", but not "1234 AB, 12 huishoudens") or after the place
        ("1234 AB Dorp, Dorpsstraat 12"). The span covers both. A postcode alone (about 20
        addresses) is not flagged: it is how a case says which neighbourhood it is about.
      - "birthdate": a real calendar date (12-03-1985, 12/03/1985, 12.03.1985, 1985-03-12,
        12 maart 1985, 12 mrt. 1985, March 12, 1985; Dutch and English month names and common
        abbreviations). Certain when a birth word ("geboren", "geb.", "geboortedatum", "born",
        "date of birth", "DOB") is within 30 characters before or 20 after it; then two-digit
        years (12-03-85) count too. Without a birth word, a date with a four-digit year from
        1900 up to `today` counts as a *possible* date of birth (`certain=False`): a case's
        dates are often about the person. Future dates are never birth dates.

    Not flagged: amounts (€ 1.250,00, € 12.000), years alone ("in 2023"), article numbers
    ("artikel 2.3.5 Wmo"), times ("10:30"), and nine-digit numbers that fail the elfproef.
    `today` is for tests; it defaults to the real date.
    """
    today = today or date.today()
    found = [
        *_emails(text),
        *_phones(text),
        *_bsns(text),
        *_postcode_houses(text),
        *_birthdates(text, today),
    ]
    found.sort(key=lambda f: (_PRIORITY.index(f.kind), f.start))
    kept: list[Finding] = []
    for finding in found:
        if all(finding.end <= other.start or finding.start >= other.end for other in kept):
            kept.append(finding)
    return sorted(kept, key=lambda f: (f.start, f.end))


def elfproef(digits: str) -> bool:
    """The BSN check: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(w * int(d) for w, d in zip(weights, digits, strict=True)) % 11 == 0


def _finding(kind: str, text: str, start: int, end: int, certain: bool = True) -> Finding:
    return Finding(kind=kind, start=start, end=end, excerpt=text[start:end], certain=certain)


def _emails(text: str) -> list[Finding]:
    return [_finding("email", text, m.start(), m.end()) for m in _EMAIL.finditer(text)]


def _phones(text: str) -> list[Finding]:
    return [
        _finding("phone", text, m.start(), m.end())
        for m in _PHONE.finditer(text)
        if not _DATE_AND_MORE.match(m.group())  # "01-03-2030 12 mensen": a date, not a phone
    ]


def _bsns(text: str) -> list[Finding]:
    found = []
    for m in _BSN.finditer(text):
        if _CURRENCY_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if elfproef(re.sub(r"\D", "", m.group())):
            found.append(_finding("bsn", text, m.start(), m.end()))
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
        elif not short_year and day.year >= 1900:
            found.append(_finding("birthdate", text, m.start(), m.end(), certain=False))
    return found


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
