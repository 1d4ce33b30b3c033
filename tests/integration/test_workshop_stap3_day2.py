"""Stap 3 and Dag 2 end to end: six phones test the adopted programme of requirements against
their own cases into the kader op maat v1, and weeks later the same traject meets again in a new
live session, where the phones come back (one on a new phone, recognised by the facilitator),
review every item of v1 and see the facilitator revise it into v2.

The gedeeld programma van eisen of Stap 2 is set up quickly through the game's services in the
test process (the day-1 test plays Stap 1 and 2 for real); everything after that goes through
the real pages and sockets of one daphne process on PostgreSQL + Redis. The room's input is a
fixed table (below), so every count, dominant verdict and diff is known in advance and asserted
exactly.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
from channels.db import database_sync_to_async

from game.core.models import Participant, Reveal, Traject
from game.core.services import set_revealed
from game.followup.models import DeviceClaim, Review
from game.framework.models import FrameworkVersion
from game.practice.models import PracticeCase
from game.requirements import services as requirements_services
from game.requirements.models import Requirement
from sessions.models import Device, LiveSession
from tests.integration.client import Browser, Refused, join
from tests.integration.room import (
    WAIT,
    Room,
    Seat,
    assert_no_other_errors,
    console_and_screen,
    open_room,
    participant_ids,
    stored_version,
)

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

WHOLE_TEST_SECONDS = 60
CLOSE_NOT_JOINED = 4401

# --- the room ---------------------------------------------------------------------------------

# Six phones on day 1, joined in this order (the index is "the phone" everywhere below).
PEOPLE: list[tuple[str, str]] = [
    ("Ria Verhoef", "raad"),
    ("Bart de Wit", "bestuur"),
    ("Mo Kaya", "management"),
    ("Bo Jansen", "beleid"),
    ("Tim Bakker", "teamleiding"),
    ("Uma Peters", "uitvoering"),
]
LABELS = {
    "raad": "Raadslid",
    "bestuur": "Bestuurder / wethouder",
    "management": "Manager sociaal domein",
    "beleid": "Beleidsambtenaar",
    "teamleiding": "Teamleider wijkteam",
    "uitvoering": "Professional wijkteam",
}
# Day 2: phones 0–3 come back on the same browser, phone 4 on a new one (it claims its name),
# phone 5 stays away, and someone new joins.
SAME_BROWSER = [0, 1, 2, 3]
NEW_BROWSER = 4
RETURNING = [*SAME_BROWSER, NEW_BROWSER]
NEWCOMER = ("Nina Dekker", "uitvoering")

# --- the programme of requirements Stap 2 adopted (set up through the services) ---------------

PROGRAMME = {
    "P1": "De professional beslist zelf tot € 2.500 per huishouden en verantwoordt dat achteraf",
    "P2": "Elke afwijking van de standaard wordt in twee zinnen uitgelegd in het dossier",
    "P3": "De inwoner vertelt zijn verhaal één keer, aan één vast aanspreekpunt",
    "P4": "Budgetten van Wmo, Jeugdwet en Participatiewet zijn per casus te combineren",
}
PROGRAMME_VOTES = {  # per phone
    "P1": ["must"] * 6,
    "P2": ["could", "could", "should", "could", "should", "could"],
    "P3": ["should"] * 6,
    "P4": ["wont"] * 6,
}
ACCEPTED = ["P1", "P2", "P3"]  # P4 is dropped
# The adopted ranking: P1 (score 3.0) must, P3 (2.0) should, P2 (1.33) could.
ADOPTED = [("P1", "must"), ("P3", "should"), ("P2", "could")]

# --- Stap 3: own cases ------------------------------------------------------------------------

EMAIL = "ouder.drie@voorbeeld.nl"
CASES = {  # key: (phone, title, situation, question)
    "A": (
        0,
        "Huishoudelijke hulp of een gezinscoach",
        "Een moeder met drie kinderen onder de tien redt het huishouden niet meer sinds haar "
        "operatie. Ze laat weten dat het zo niet langer gaat.\n\nDe verordening biedt alleen "
        "huishoudelijke hulp, terwijl een gezinscoach voor zes weken goedkoper is.",
        "Mag het wijkteam de gezinscoach inzetten in plaats van huishoudelijke hulp?",
    ),
    "B": (
        1,
        "Schulden en een dreigende uithuiszetting",
        # Nine digits that fail the elfproef: a dossier number, not a BSN.
        "Een gezin heeft € 2.400 huurachterstand; de verhuurder dreigt met ontruiming. "
        "Schuldhulp, jeugdhulp en Werk en Inkomen hebben elk een eigen plan. In het oude "
        "systeem staat de zaak onder dossiernummer 123456789.",
        "Mag het wijkteam de huurachterstand in één keer betalen om rust te brengen?",
    ),
    "C": (
        2,
        "Traplift of verhuizing",
        "Een inwoner met reuma kan de trap niet meer op. De standaardoplossing is verhuizen "
        "naar een aangepaste woning; een traplift kost een derde daarvan.",
        "Wie mag besluiten tot de goedkopere traplift buiten de catalogus?",
    ),
}
# Case A as first typed: with the mother's e-mail address in its second sentence.
A_DIRTY = CASES["A"][2].replace(
    "Ze laat weten dat het zo niet langer gaat.",
    f"Ze schreef vanaf {EMAIL} dat het zo niet langer gaat.",
)
# Dots per phone (3 each at most); the totals rank B (8), A (5), C (3).
CASE_DOTS = [{"B": 2, "C": 1}, {"A": 1, "B": 2}, {"A": 3}, {"B": 1, "C": 2}, {"B": 3}, {"A": 1}]
DOT_TOTALS = {"A": 5, "B": 8, "C": 3}
PICKED = ["B", "A"]  # by dots; B goes on the table first, then the facilitator puts A there
TABLE = "A"

# --- Stap 3: judging case A -------------------------------------------------------------------

# Per requirement (in the programme's order of entry, as the grid lists them), per phone.
VERDICTS = {
    "P1": ["helpt", "helpt", "helpt", "knelt", "helpt", "ontbreekt"],
    "P2": ["knelt", "knelt", "helpt", "helpt", "ontbreekt", "knelt"],
    "P3": ["helpt", "ontbreekt", "ontbreekt", "helpt", "knelt", "knelt"],
}
# (requirement, phone) -> comment; at most one per requirement and verdict, so the grid's
# order of comments (by verdict, then writing order) does not depend on which phone was faster.
COMMENTS = {
    ("P1", 0): "Zo kan het wijkteam dezelfde week handelen",
    ("P1", 3): "Een gezinscoach voor zes weken kost meer dan € 2.500",
    ("P1", 5): "Wie vult het budget aan als het op is?",
    ("P2", 1): "Extra schrijfwerk dat niemand leest",
    ("P2", 2): "Maakt de keuze uitlegbaar aan de raad",
    ("P3", 1): "Bij de schuldhulp is er geen vast aanspreekpunt",
}
GRID_COUNTS = {  # counts, total, dominant
    "P1": ({"helpt": 4, "knelt": 1, "ontbreekt": 1}, 6, "helpt"),
    "P2": ({"helpt": 2, "knelt": 3, "ontbreekt": 1}, 6, "knelt"),
    "P3": ({"helpt": 2, "knelt": 2, "ontbreekt": 2}, 6, None),  # a three-way tie: divided
}
GRID_COMMENTS = {
    "P1": [
        {"verdict": "helpt", "text": COMMENTS[("P1", 0)]},
        {"verdict": "knelt", "text": COMMENTS[("P1", 3)]},
        {"verdict": "ontbreekt", "text": COMMENTS[("P1", 5)]},
    ],
    "P2": [
        {"verdict": "helpt", "text": COMMENTS[("P2", 2)]},
        {"verdict": "knelt", "text": COMMENTS[("P2", 1)]},
    ],
    "P3": [{"verdict": "ontbreekt", "text": COMMENTS[("P3", 1)]}],
}
CONCLUSION = "Het eigen budget is te krap voor een gezinscoach; de wetten zitten elkaar in de weg."

# --- Stap 3: adjusting ------------------------------------------------------------------------

P2_V1 = "Elke afwijking wordt in twee zinnen uitgelegd en in het teamoverleg besproken"
P2_REASON = "In de casus hielp uitleg in het dossier alleen niemand; bespreken wel"
A1 = "Er is één budget per huishouden over Wmo, Jeugdwet en Participatiewet heen"
A1_REASON = "In de casus knelden de schotten tussen de wetten"

# --- Stap 3: beslisregels ---------------------------------------------------------------------

RULES = {
    "R1": {
        "who_decides": "De wijkprofessional",
        "what": "Een voorziening buiten de catalogus",
        "budget_or_mandate": "Tot € 2.500 per huishouden per jaar",
        "accountability": "Achteraf in het teamoverleg, twee zinnen in het dossier",
        "escalation": "Boven € 2.500 beslist de teamleider binnen vijf werkdagen",
    },
    "R2": {
        "who_decides": "De teamleider",
        "what": "Elke afwijking vooraf goedkeuren",
        "budget_or_mandate": "",
        "accountability": "Maandelijks aan de manager",
        "escalation": "",
    },
}
STANCES = {
    "R1": ["agree", "agree", "concern", "agree", "agree", "agree"],
    "R2": ["concern", "concern", "agree", "concern", "concern", "agree"],
}
RULE_COMMENTS = {  # one per rule: the comments list is in reacting order
    ("R1", 2): "Wat als het budget halverwege het jaar op is?",
    ("R2", 0): "Vooraf goedkeuren maakt maatwerk traag",
}
RULE_STATUS = {"R1": "agreed", "R2": "dropped"}

# --- Dag 2: reviews of v1 ---------------------------------------------------------------------

# v1's items in order: P1, P3, P2 (rephrased), A1 (added), R1. Per returning phone (RETURNING
# order): (applied, how it went, what must improve); at most one text per item and field.
REVIEWS = {
    "P1": [
        ("ja", "Drie keer binnen een week geregeld", ""),
        ("ja", "", ""),
        ("deels", "", ""),
        ("ja", "", ""),
        ("nee", "", "Het bedrag moet omhoog voor grote gezinnen"),
    ],
    "P3": [
        ("deels", "", ""),
        ("deels", "", "Vervanging bij verlof regelen"),
        ("nee", "Het aanspreekpunt wisselde na de zomer", ""),
        ("ja", "", ""),
        ("deels", "", ""),
    ],
    "P2": [
        ("nee", "", ""),
        ("deels", "", ""),
        ("nee", "", ""),
        ("nee", "Niemand had tijd voor het teamoverleg", "Uitleg in het dossier is genoeg"),
        ("ja", "", ""),
    ],
    "A1": [
        ("ja", "", "De Participatiewet doet nog niet mee"),
        ("deels", "", ""),
        ("ja", "", ""),
        ("deels", "", ""),
        ("ja", "", ""),
    ],
    "R1": [
        ("ja", "", ""),
        ("ja", "De teamleider was snel bereikbaar", ""),
        ("ja", "", ""),
        ("ja", "", ""),
        ("deels", "", ""),
    ],
}
V1_ORDER = ["P1", "P3", "P2", "A1", "R1"]

# --- Dag 2: the revision ----------------------------------------------------------------------

KEEP_REASON = "Werkt in de praktijk"
P3_V2 = "De inwoner houdt één vast aanspreekpunt, ook bij verlof en vervanging"
P3_REASON = "Het aanspreekpunt wisselde bij verlof"
DROP_REASON = "Nauwelijks toegepast; het teamoverleg had er geen tijd voor"
NEW = "Nieuwe professionals krijgen binnen een maand uitleg over het kader"
NEW_REASON = "Nieuwe collega's kenden het kader niet"
R1_V2_FIELDS = {
    "budget_or_mandate": "Tot € 3.000 per huishouden per jaar",
    "escalation": "Boven € 3.000 beslist de teamleider binnen vijf werkdagen",
}
R1_REASON = "Grote gezinnen kwamen met € 2.500 niet uit"


def rule_line(fields: dict[str, str]) -> str:
    """A rule as one line, as the kader's items show it: the filled parts joined."""
    names = ("who_decides", "what", "budget_or_mandate", "accountability", "escalation")
    return " · ".join(fields[name] for name in names if fields.get(name))


# --- the ids the table's keys stand for -------------------------------------------------------


@dataclass
class Ids:
    """Database ids the table's keys stand for, learnt as the game goes."""

    requirements: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    rules: dict[str, int] = field(default_factory=dict)

    def item(self, key: str) -> str:
        """The key of a table entry in the kader: "req-12" or "rule-3"."""
        if key in self.rules:
            return f"rule-{self.rules[key]}"
        return f"req-{self.requirements[key]}"


# --- database reads and the quick Stap 2 ------------------------------------------------------


@database_sync_to_async
def adopt_programme(traject_id: int, voters: list[int]) -> tuple[dict[str, int], dict]:
    """Stap 2 in a minute: the phones' MoSCoW votes, P4 dropped, the programme adopted."""
    traject = Traject.objects.get(pk=traject_id)
    requirements_services.set_vote_method(traject=traject, method="moscow")
    requirements = {
        key: requirements_services.add_requirement(traject=traject, text=text)
        for key, text in PROGRAMME.items()
    }
    people = [Participant.objects.get(pk=pid) for pid in voters]
    for key, choices in PROGRAMME_VOTES.items():
        for person, choice in zip(people, choices, strict=True):
            requirements_services.cast_moscow(
                participant=person, requirement=requirements[key], choice=choice
            )
    set_revealed(traject=traject, what=Reveal.What.VOTES, revealed=True)
    for key, requirement in requirements.items():
        decision = "accept" if key in ACCEPTED else "drop"
        requirements_services.decide_requirement(requirement=requirement, decision=decision)
    version = requirements_services.adopt_programme(traject=traject)
    return {key: r.pk for key, r in requirements.items()}, version.content


@database_sync_to_async
def stored_cases(traject_id: int) -> list[tuple[str, int, bool]]:
    return list(
        PracticeCase.objects.filter(traject_id=traject_id).values_list(
            "title", "author_id", "privacy_confirmed"
        )
    )


@database_sync_to_async
def framework_versions(traject_id: int) -> list[tuple[int, dict]]:
    return list(
        FrameworkVersion.objects.filter(traject_id=traject_id)
        .order_by("number")
        .values_list("number", "content")
    )


@database_sync_to_async
def live_session(code: str) -> LiveSession:
    return LiveSession.objects.select_related("phase__step").get(code=code)


@database_sync_to_async
def the_claim(participant_id: int) -> DeviceClaim:
    return DeviceClaim.objects.get(participant_id=participant_id)


@database_sync_to_async
def devices_of(participant_id: int) -> int:
    return Device.objects.filter(participant_id=participant_id).count()


@database_sync_to_async
def reviewers(traject_id: int) -> Counter[int]:
    return Counter(
        Review.objects.filter(version__traject_id=traject_id).values_list(
            "participant_id", flat=True
        )
    )


@database_sync_to_async
def requirement_rows(traject_id: int) -> list[tuple[int, str, str]]:
    return list(
        Requirement.objects.filter(traject_id=traject_id)
        .order_by("order", "pk")
        .values_list("pk", "text", "status")
    )


# --- the room, day 1 --------------------------------------------------------------------------


async def open_day_one(server, live, facilitator, password: str) -> tuple[Room, Browser]:
    room, facilitator_browser = await open_room(server, live, facilitator, password, PEOPLE)
    assert sorted(await participant_ids(live.traject_id)) == sorted(name for name, _ in PEOPLE)
    return room, facilitator_browser


# --- Stap 3 -----------------------------------------------------------------------------------


async def bring_cases(room: Room, ids: Ids, traject_id: int) -> None:
    seen = await room.goto("stap3", "casussen")
    for state in [seen.console, *seen.room]:
        assert state["practice"]["count"] == 0
        assert "BSN" in state["practice"]["reminder"]  # the privacy reminder, before writing

    # Phone 0 types the mother's e-mail address: refused before saving, with the finding.
    _, title, situation, question = CASES["A"]
    dirty = {"title": title, "situation": A_DIRTY, "question": question}
    error = await room.phones[0].refused("practice.submit", dirty)
    start = A_DIRTY.index(EMAIL)
    assert error["code"] == "personal_data"
    assert error["details"] == {
        "findings": [
            {
                "kind": "email",
                "excerpt": EMAIL,
                "start": start,
                "end": start + len(EMAIL),
                "certain": True,
                "field": "situation",
            }
        ]
    }
    assert EMAIL in error["message"]
    assert await stored_cases(traject_id) == []  # nothing was saved

    # It takes the address out and sends the case again; B (a dossier number that fails the
    # elfproef, sent with the privacy confirmation) and C follow, one after the other so the
    # order of entry is the table's.
    for key, (who, title, situation, question) in CASES.items():
        args = {"title": title, "situation": situation, "question": question}
        if key == "B":
            args["privacy_reason"] = "not_personal"
        version = await room.phones[who].do("practice.submit", args)
    seen = await room.sync(version)
    console = seen.console["practice"]
    assert console["count"] == 3
    by_title = {case["title"]: case for case in console["cases"]}
    for key, (who, title, situation, question) in CASES.items():
        case = by_title[title]
        ids.cases[key] = case["id"]
        assert case | {"id": 0, "redacted_at": None} == {
            "id": 0,
            "title": title,
            "situation": situation,
            "question": question,
            "author": PEOPLE[who][0],
            "author_layer": LABELS[PEOPLE[who][1]],
            # No finding, so nothing was confirmed: a confirmation counts only after a warning.
            "privacy_confirmed": False,
            "quarantined": False,  # nothing found: nothing waits for the facilitator
            "flags": [],
            "redacted_at": None,
            "redaction_note": "",
            "picked": False,
        }
    assert sorted(await stored_cases(traject_id)) == sorted(
        (title, room.phones[who].pid, False) for who, title, _, _ in CASES.values()
    )
    assert "cases" not in seen.screen["practice"] and seen.screen["practice"]["count"] == 3
    for index, message in enumerate(seen.phones):
        assert "cases" not in message["state"]["practice"]
        assert message["me"]["my_cases"] == [
            {
                "id": ids.cases[key],
                "title": title,
                "situation": situation,
                "question": question,
                "privacy_confirmed": False,
                "quarantined": False,
                "redacted": False,
                "picked": False,
            }
            for key, (who, title, situation, question) in CASES.items()
            if who == index
        ]


async def pick_cases(room: Room, ids: Ids) -> None:
    seen = await room.goto("stap3", "kiezen")
    for state in seen.room:
        assert state["practice"]["picked_any"] is False
        assert {case["dots"] for case in state["practice"]["cases"]} == {None}

    async def dot(index: int, phone: Seat) -> int:
        versions = [
            await phone.do("practice.dots", {"case": ids.cases[key], "dots": dots})
            for key, dots in CASE_DOTS[index].items()
        ]
        return max(versions)

    seen = await room.sync(await room.all_phones(dot))
    # The console sees the dots as they come in, the most dotted case first.
    assert [(c["id"], c["dots"]) for c in seen.console["practice"]["cases"]] == [
        (ids.cases[key], DOT_TOTALS[key]) for key in ("B", "A", "C")
    ]
    for index, message in enumerate(seen.phones):
        assert message["me"]["case_dots"] == {
            str(ids.cases[key]): dots for key, dots in CASE_DOTS[index].items()
        }
        assert {case["dots"] for case in message["state"]["practice"]["cases"]} == {None}
    assert {case["dots"] for case in seen.screen["practice"]["cases"]} == {None}

    picked = [ids.cases[key] for key in PICKED]
    seen = await room.sync(await room.console.do("practice.pick", {"cases": picked}))
    order = {key: position for position, key in enumerate(PICKED, start=1)}
    for state in seen.room:  # picked: now the room sees the dots too, in the order of entry
        assert state["practice"]["picked_any"] is True
        assert [
            (c["id"], c["dots"], c["picked"], c["order"]) for c in state["practice"]["cases"]
        ] == [(ids.cases[key], DOT_TOTALS[key], key in order, order.get(key)) for key in CASES]
        assert all("author" not in case for case in state["practice"]["cases"])

    seen = await room.goto("stap3", "toetsen")
    for state in seen.room:  # the first picked case went on the table
        assert state["judging"]["table"]["id"] == ids.cases[PICKED[0]]
    seen = await room.sync(await room.console.do("practice.table", {"case": ids.cases[TABLE]}))
    _, title, situation, question = CASES[TABLE]
    for state in [seen.console, *seen.room]:
        assert state["judging"]["table"] == {
            "id": ids.cases[TABLE],
            "title": title,
            "situation": situation,
            "question": question,
            "order": order[TABLE],
        }
        assert state["judging"]["picked"] == [
            {"id": ids.cases[key], "title": CASES[key][1], "order": order[key]} for key in PICKED
        ]
        assert state["judging"]["requirements"] == [
            {"id": ids.requirements[key], "text": PROGRAMME[key]} for key in ACCEPTED
        ]


def grid_row(ids: Ids, key: str, text: str, *, judged: bool = True) -> dict:
    counts, total, dominant = GRID_COUNTS[key] if judged else ({}, 0, None)
    return {
        "id": ids.requirements[key],
        "text": text,
        "counts": {"helpt": 0, "knelt": 0, "ontbreekt": 0} | counts,
        "total": total,
        "dominant": dominant,
        "comments": GRID_COMMENTS[key] if judged else [],
    }


async def judge(room: Room, ids: Ids) -> None:
    case = ids.cases[TABLE]

    async def judge_all(index: int, phone: Seat) -> int:
        versions = [
            await phone.do(
                "judgement.set",
                {
                    "case": case,
                    "requirement": ids.requirements[key],
                    "verdict": verdicts[index],
                    "comment": COMMENTS.get((key, index), ""),
                },
            )
            for key, verdicts in VERDICTS.items()
        ]
        return max(versions)

    seen = await room.sync(await room.all_phones(judge_all))
    grid = [grid_row(ids, key, PROGRAMME[key]) for key in ACCEPTED]
    assert seen.screen["judging"]["grid"] == grid
    for message in seen.phones:  # a phone judges for itself: no running totals to follow
        assert "grid" not in message["state"]["judging"]
    assert seen.console["judging"]["grids"] == [
        {
            "case": ids.cases["B"],
            "title": CASES["B"][1],
            "grid": [grid_row(ids, key, PROGRAMME[key], judged=False) for key in ACCEPTED],
            "conclusion": "",
        },
        {"case": case, "title": CASES[TABLE][1], "grid": grid, "conclusion": ""},
    ]
    for index, message in enumerate(seen.phones):
        assert message["me"]["judgements"] == {
            str(case): {
                str(ids.requirements[key]): {
                    "verdict": verdicts[index],
                    "comment": COMMENTS.get((key, index), ""),
                }
                for key, verdicts in VERDICTS.items()
            }
        }

    await room.console.do("practice.conclude", {"case": case, "text": CONCLUSION})
    # Adjust: P2 rephrased with the reason, A1 added because of this case.
    await room.console.do(
        "adjust.rephrase",
        {"requirement": ids.requirements["P2"], "text": P2_V1, "reason": P2_REASON},
    )
    seen = await room.sync(
        await room.console.do("adjust.add", {"text": A1, "reason": A1_REASON, "case": case})
    )
    requirements = {r["text"]: r for r in seen.console["judging"]["all_requirements"]}
    ids.requirements["A1"] = requirements[A1]["id"]
    assert seen.console["judging"]["all_requirements"] == [
        {"id": ids.requirements["P1"], "text": PROGRAMME["P1"], "status": "accepted"},
        {"id": ids.requirements["P2"], "text": P2_V1, "status": "accepted"},
        {"id": ids.requirements["P3"], "text": PROGRAMME["P3"], "status": "accepted"},
        {"id": ids.requirements["P4"], "text": PROGRAMME["P4"], "status": "dropped"},
        {"id": ids.requirements["A1"], "text": A1, "status": "accepted"},
    ]
    adjusted = [
        grid_row(ids, "P1", PROGRAMME["P1"]),
        grid_row(ids, "P2", P2_V1),  # the verdicts stay with the requirement, now reworded
        grid_row(ids, "P3", PROGRAMME["P3"]),
        {
            "id": ids.requirements["A1"],
            "text": A1,
            "counts": {"helpt": 0, "knelt": 0, "ontbreekt": 0},
            "total": 0,
            "dominant": None,
            "comments": [],
        },
    ]
    assert seen.screen["judging"]["grid"] == adjusted
    assert seen.console["judging"]["grids"][1] == {
        "case": case,
        "title": CASES[TABLE][1],
        "grid": adjusted,
        "conclusion": CONCLUSION,
    }


def rule_summary(ids: Ids, key: str, status: str) -> dict:
    stances = Counter(STANCES[key])
    comments = [
        {"stance": STANCES[key][who], "text": text}
        for (rule, who), text in RULE_COMMENTS.items()
        if rule == key
    ]
    return {
        "id": ids.rules[key],
        **RULES[key],
        "status": status,
        "agree": stances["agree"],
        "concern": stances["concern"],
        "comments": comments,
    }


async def agree_on_rules(room: Room, ids: Ids) -> None:
    await room.goto("stap3", "beslisregels")
    for fields in RULES.values():
        version = await room.console.do("rule.propose", fields)
    seen = await room.sync(version)
    assert [rule["what"] for rule in seen.console["rules"]["items"]] == [
        fields["what"] for fields in RULES.values()
    ]
    ids.rules.update(
        {key: rule["id"] for key, rule in zip(RULES, seen.console["rules"]["items"], strict=True)}
    )

    async def react(index: int, phone: Seat) -> int:
        versions = [
            await phone.do(
                "rule.react",
                {
                    "rule": ids.rules[key],
                    "stance": stances[index],
                    "comment": RULE_COMMENTS.get((key, index), ""),
                },
            )
            for key, stances in STANCES.items()
        ]
        return max(versions)

    seen = await room.sync(await room.all_phones(react))
    proposed = [rule_summary(ids, key, "proposed") for key in RULES]
    for state in [seen.console, *seen.room]:
        assert state["rules"]["items"] == proposed
    for index, message in enumerate(seen.phones):
        assert message["me"]["rule_reactions"] == {
            str(ids.rules[key]): {
                "stance": stances[index],
                "comment": RULE_COMMENTS.get((key, index), ""),
            }
            for key, stances in STANCES.items()
        }

    for key, status in RULE_STATUS.items():
        version = await room.console.do("rule.status", {"rule": ids.rules[key], "status": status})
    seen = await room.sync(version)
    decided = {key: rule_summary(ids, key, status) for key, status in RULE_STATUS.items()}
    assert seen.console["rules"]["items"] == list(decided.values())
    for state in seen.room:  # a dropped rule leaves the room's screens
        assert state["rules"]["items"] == [decided["R1"]]


def v1_requirements(ids: Ids, programme: dict) -> list[dict]:
    """The requirements the kader v1 must hold: the programme's, in its ranking, with today's
    wording and the Stap 3 rephrasing; then the one added from the practice."""
    adopted = {item["id"]: item for item in programme["requirements"]}
    items = []
    for key, priority in ADOPTED:
        entry = adopted[ids.requirements[key]]
        assert entry["priority"] == priority
        items.append(
            {
                "key": ids.item(key),
                "id": ids.requirements[key],
                "text": P2_V1 if key == "P2" else PROGRAMME[key],
                "priority": priority,
                "rank": entry["rank"],
                "roles": [],
                "origin": "programme",
                "reason": "",
                "history": (
                    [{"before": PROGRAMME["P2"], "after": P2_V1, "reason": P2_REASON}]
                    if key == "P2"
                    else []
                ),
            }
        )
    items.append(
        {
            "key": ids.item("A1"),
            "id": ids.requirements["A1"],
            "text": A1,
            "priority": None,
            "rank": None,
            "roles": [],
            "origin": "added",
            "reason": A1_REASON,
            "history": [],
        }
    )
    return items


async def freeze(room: Room, ids: Ids, programme: dict, traject_id: int) -> dict:
    """Freeze the kader op maat v1; its content as stored."""
    seen = await room.goto("stap3", "kader")
    requirements = v1_requirements(ids, programme)
    rules = [{"key": ids.item("R1"), "id": ids.rules["R1"], **RULES["R1"]}]
    cases = [{"id": ids.cases[key], "title": CASES[key][1]} for key in PICKED]
    assert seen.console["framework"] is None
    assert seen.console["framework_draft"] == {
        "programme_version": 1,
        "requirements": requirements,
        "rules": rules,
        "cases": cases,
    }
    for state in seen.room:
        assert state["framework"] is None and "framework_draft" not in state

    seen = await room.sync(await room.console.do("framework.freeze"))
    [(number, content)] = await framework_versions(traject_id)
    assert number == 1
    assert content == {
        "number": 1,
        "frozen_at": content["frozen_at"],
        "based_on": None,
        "programme_version": 1,
        "requirements": requirements,
        "rules": rules,
        "cases": cases,
        "changes": [],
    }
    shown = {key: content[key] for key in ("number", "frozen_at", "requirements", "rules", "cases")}
    for state in [seen.console, *seen.room]:
        assert state["framework"] == shown
    assert "framework_draft" not in seen.console

    error = await room.console.refused("framework.freeze")
    assert error["code"] == "already_frozen"
    assert [number for number, _ in await framework_versions(traject_id)] == [1]
    return content


# --- Dag 2 ------------------------------------------------------------------------------------

_CLAIM_FORM = re.compile(r'<input type="hidden" name="form" value="claim">')
_CHECK_CODE = re.compile(r'<p class="check-code">(\d{4})</p>')


async def open_day_two(facilitator_browser: Browser, traject_id: int, day_one: str) -> str:
    """The facilitator opens the follow-up meeting on the traject's page; the new code."""
    page = await asyncio.to_thread(facilitator_browser.get, f"/begeleider/traject/{traject_id}/")
    assert page.status == 200, (page.status, page.text[:500])
    console = await asyncio.to_thread(
        facilitator_browser.post,
        f"/begeleider/traject/{traject_id}/open/",
        {"csrfmiddlewaretoken": page.csrf_token(), "day": "2"},
    )
    found = re.fullmatch(r"/begeleider/live/([A-Z0-9]+)/", console.path)
    assert console.status == 200 and found, (console.url, console.text[:1000])
    code = found.group(1)
    assert code != day_one
    live = await live_session(code)
    assert (live.traject_id, live.phase.step.key, live.phase.key) == (
        traject_id,
        "stap4",
        "welkom-terug",
    )
    return code


async def come_back(
    server, day_one: Room, facilitator_browser: Browser, code: str, traject_id: int
) -> Room:
    live = await live_session(code)
    console, screen = await console_and_screen(server, facilitator_browser, code, live.screen_token)
    phones: list[Seat] = []

    # Same browser: the device cookie resumes straight to the phone page and its socket.
    for index in SAME_BROWSER:
        before = day_one.phones[index]
        page = await asyncio.to_thread(before.browser.get, f"/j/{code}/")
        assert page.status == 200 and page.path == f"/j/{code}/live/", (page.url, page.text[:500])
        socket = before.browser.socket(f"/ws/live/{code}/participant/")
        phone = Seat(before.name, socket, pid=before.pid, browser=before.browser)
        first = await phone.socket.connect(within=WAIT)
        assert first["me"]["name"] == before.name
        phones.append(phone)

    # A new browser: the page names nobody from day 1, so it types its name (in other case and
    # spacing) and chooses its layer, and waits for the facilitator.
    name, layer = PEOPLE[NEW_BROWSER]
    pid = day_one.phones[NEW_BROWSER].pid
    browser = Browser(server.url)
    page = await asyncio.to_thread(browser.get, f"/j/{code}/")
    assert page.status == 200 and page.path == f"/j/{code}/", (page.url, page.text[:500])
    assert _CLAIM_FORM.search(page.text), page.text[:2000]
    assert [person for person, _ in PEOPLE if person in page.text] == []
    fields = {"csrfmiddlewaretoken": page.csrf_token(), "form": "claim"}
    typed = {"claim-name": f"  {name.upper()} ", "claim-layer": layer}
    wait = await asyncio.to_thread(browser.post, f"/j/{code}/", fields | typed)
    assert wait.status == 200 and wait.path == f"/j/{code}/", (wait.url, wait.text[:500])
    check_code = _CHECK_CODE.search(wait.text)
    assert check_code and name in wait.text, wait.text[:2000]
    # Not yet recognised: the phone page sends it back, its socket is refused.
    back = await asyncio.to_thread(browser.get, f"/j/{code}/live/")
    assert back.path == f"/j/{code}/" and _CHECK_CODE.search(back.text)
    refused = browser.socket(f"/ws/live/{code}/participant/")
    with pytest.raises(Refused):
        await refused.connect(within=WAIT)
    assert refused.close_code == CLOSE_NOT_JOINED
    await refused.close()

    # The console gets the claim with the same check code, and confirms it.
    message = await console.socket.state(where=lambda m: m["state"].get("claims"), timeout=WAIT)
    claim = await the_claim(pid)
    assert message["state"]["claims"] == [
        {
            "id": claim.pk,
            "participant": pid,
            "name": name,
            "layer_label": LABELS[layer],
            "check_code": check_code.group(1),
            "created_at": claim.created_at.isoformat(),
        }
    ]
    state = (await console.sees(await console.do("claim.confirm", {"claim": claim.pk})))["state"]
    assert state["claims"] == []
    page = await asyncio.to_thread(browser.get, f"/j/{code}/")
    assert page.status == 200 and page.path == f"/j/{code}/live/", (page.url, page.text[:500])
    phone = Seat(name, browser.socket(f"/ws/live/{code}/participant/"), pid=pid, browser=browser)
    assert (await phone.socket.connect(within=WAIT))["me"]["name"] == name
    phones.append(phone)
    assert await devices_of(pid) == 2  # the day-1 phone and this one, for the same person
    assert len(await participant_ids(traject_id)) == len(PEOPLE)  # nobody new so far

    # Someone new joins as on day 1.
    new_name, new_layer = NEWCOMER
    browser = await asyncio.to_thread(join, server.url, code=code, name=new_name, layer=new_layer)
    newcomer = Seat(new_name, browser.socket(f"/ws/live/{code}/participant/"))
    assert (await newcomer.socket.connect(within=WAIT))["me"]["name"] == new_name
    ids = await participant_ids(traject_id)
    assert len(ids) == len(PEOPLE) + 1
    newcomer.pid = ids[new_name]
    phones.append(newcomer)

    room = Room(console=console, screen=screen, phones=phones)
    version = await stored_version(code)
    await room.sync(version)
    people = [(p.pid, p.name) for p in day_one.phones if p.pid in {s.pid for s in phones}]
    people.append((newcomer.pid, new_name))
    everyone = sorted((pid, name, True) for pid, name in people)

    def listed(picture: dict) -> list[tuple[int, str, bool]]:
        return sorted((p["id"], p["name"], p["online"]) for p in picture["state"]["participants"])

    # Presence reaches the console at the next presence tick, at the same version.
    await console.socket.state(
        min_version=version, where=lambda picture: listed(picture) == everyone, timeout=WAIT
    )
    return room


def review_summary(ids: Ids, v1: dict) -> list[dict]:
    texts = {
        **{item["key"]: item["text"] for item in v1["requirements"]},
        ids.item("R1"): rule_line(RULES["R1"]),
    }
    summary = []
    for key in V1_ORDER:
        rows = REVIEWS[key]
        counts = Counter(applied for applied, _, _ in rows)
        summary.append(
            {
                "kind": "rule" if key in ids.rules else "requirement",
                "key": ids.item(key),
                "text": texts[ids.item(key)],
                "counts": {answer: counts[answer] for answer in ("ja", "deels", "nee")},
                "total": len(rows),
                "how_it_went": [how for _, how, _ in rows if how],
                "improve": [improve for _, _, improve in rows if improve],
            }
        )
    return summary


async def review(room: Room, ids: Ids, v1: dict) -> list[dict]:
    seen = await room.goto("stap4", "terugblik")
    items = [
        {"kind": row["kind"], "key": row["key"], "text": row["text"]}
        for row in review_summary(ids, v1)
    ]
    for state in [seen.console, *seen.room]:
        assert state["review"]["version"] == 1
        assert state["review"]["items"] == items

    async def write(position: int, phone: Seat) -> int:
        versions = []
        for key in V1_ORDER:
            applied, how, improve = REVIEWS[key][position]
            args = {
                "item": ids.item(key),
                "applied": applied,
                "how_it_went": how,
                "improve": improve,
            }
            versions.append(await phone.do("review.write", args))
        return max(versions)

    seen = await room.sync(await room.on(list(range(len(RETURNING))), write))
    summary = review_summary(ids, v1)
    assert seen.console["review"]["summary"] == summary
    assert seen.screen["review"]["summary"] == summary
    for position, message in enumerate(seen.phones):
        assert "summary" not in message["state"]["review"]
        expected = {}
        if position < len(RETURNING):
            for key in V1_ORDER:
                applied, how, improve = REVIEWS[key][position]
                expected[ids.item(key)] = {
                    "applied": applied,
                    "how_it_went": how,
                    "improve": improve,
                }
        assert message["me"]["reviews"] == expected
    return summary


def reviewed_v1(ids: Ids, summary: list[dict]) -> dict:
    """What the console revises from: v1's review summary, its rules' parts, and which actions
    need a reason (all but keeping an item as it is)."""
    return {
        "version": 1,
        "summary": summary,
        "rule_fields": {ids.item("R1"): RULES["R1"]},
        "reason_required": {"keep": False, "rephrase": True, "drop": True, "add": True},
    }


async def revise(room: Room, ids: Ids, v1: dict, summary: list[dict], traject_id: int) -> None:
    seen = await room.goto("stap4", "herzien")
    assert seen.console["revision"] == {
        "version": 1,
        "based_on": None,
        "diff": None,
        "reviewed": reviewed_v1(ids, summary),
    }
    for state in seen.room:
        assert state["revision"] == {"version": 1, "based_on": None, "diff": None}

    changes = [
        {"kind": "requirement", "item": ids.item("P1"), "action": "keep", "reason": KEEP_REASON},
        {
            "kind": "requirement",
            "item": ids.item("P3"),
            "action": "rephrase",
            "text": P3_V2,
            "reason": P3_REASON,
        },
        {"kind": "requirement", "item": ids.item("P2"), "action": "drop", "reason": DROP_REASON},
        {"kind": "requirement", "action": "add", "text": NEW, "reason": NEW_REASON},
        {
            "kind": "rule",
            "item": ids.item("R1"),
            "action": "rephrase",
            "fields": R1_V2_FIELDS,
            "reason": R1_REASON,
        },
    ]
    seen = await room.sync(await room.console.do("framework.revise", {"changes": changes}))
    rows = await requirement_rows(traject_id)
    new_id, new_text, new_status = rows[-1]
    assert (new_text, new_status) == (NEW, "accepted")
    new_key = f"req-{new_id}"

    versions = await framework_versions(traject_id)
    assert [number for number, _ in versions] == [1, 2]
    assert versions[0][1] == v1  # v1 is exactly what was frozen on day 1
    v2 = versions[1][1]
    r1_v2 = RULES["R1"] | R1_V2_FIELDS
    v1_items = {item["key"]: item for item in v1["requirements"]}
    p3_v2 = v1_items[ids.item("P3")] | {
        "text": P3_V2,
        "history": [{"before": PROGRAMME["P3"], "after": P3_V2, "reason": P3_REASON}],
    }
    assert v2 == {
        "number": 2,
        "frozen_at": v2["frozen_at"],
        "based_on": 1,
        "programme_version": 1,
        "cases": v1["cases"],
        "requirements": [
            v1_items[ids.item("P1")],
            p3_v2,
            v1_items[ids.item("A1")],
            {
                "key": new_key,
                "id": new_id,
                "text": NEW,
                "priority": None,
                "rank": None,
                "roles": [],
                "origin": "day2",  # added at the follow-up meeting, not while testing in Stap 3
                "reason": NEW_REASON,
                "history": [],
            },
        ],
        "rules": [{"key": ids.item("R1"), "id": ids.rules["R1"], **r1_v2}],
        "changes": [
            {
                "kind": "requirement",
                "key": ids.item("P1"),
                "action": "keep",
                "reason": KEEP_REASON,
                "before": PROGRAMME["P1"],
                "after": PROGRAMME["P1"],
            },
            {
                "kind": "requirement",
                "key": ids.item("P3"),
                "action": "rephrase",
                "reason": P3_REASON,
                "before": PROGRAMME["P3"],
                "after": P3_V2,
            },
            {
                "kind": "requirement",
                "key": ids.item("P2"),
                "action": "drop",
                "reason": DROP_REASON,
                "before": P2_V1,
                "after": None,
            },
            {
                "kind": "requirement",
                "key": new_key,
                "action": "add",
                "reason": NEW_REASON,
                "before": None,
                "after": NEW,
            },
            {
                "kind": "rule",
                "key": ids.item("R1"),
                "action": "rephrase",
                "reason": R1_REASON,
                "before": rule_line(RULES["R1"]),
                "after": rule_line(r1_v2),
            },
        ],
    }
    assert [(text, status) for _, text, status in rows] == [
        (PROGRAMME["P1"], "accepted"),
        (P2_V1, "dropped"),  # the live rows follow the revision
        (P3_V2, "accepted"),
        (PROGRAMME["P4"], "dropped"),
        (A1, "accepted"),
        (NEW, "accepted"),
    ]

    diff = {
        "added": [
            {"kind": "requirement", "key": new_key, "after": NEW, "reason": NEW_REASON},
        ],
        "removed": [
            {"kind": "requirement", "key": ids.item("P2"), "before": P2_V1, "reason": DROP_REASON},
        ],
        "changed": [
            {
                "kind": "requirement",
                "key": ids.item("P3"),
                "before": PROGRAMME["P3"],
                "after": P3_V2,
                "reason": P3_REASON,
            },
            {
                "kind": "rule",
                "key": ids.item("R1"),
                "before": rule_line(RULES["R1"]),
                "after": rule_line(r1_v2),
                "reason": R1_REASON,
            },
        ],
        "unchanged": [
            {"kind": "requirement", "key": ids.item("P1"), "text": PROGRAMME["P1"]},
            {"kind": "requirement", "key": ids.item("A1"), "text": A1},
        ],
    }
    for state in seen.room:
        assert state["revision"] == {"version": 2, "based_on": 1, "diff": diff}
    assert seen.console["revision"] == {
        "version": 2,
        "based_on": 1,
        "diff": diff,
        "reviewed": reviewed_v1(ids, summary),
    }


# --- what holds over both days ----------------------------------------------------------------


def assert_anonymous(rooms: list[Room], names: list[str]) -> None:
    """The projector never shows a name; a phone never shows anyone's name but its own."""
    for room in rooms:
        for message in room.screen.states():
            text = json.dumps(message, ensure_ascii=False)
            assert not [name for name in names if name in text], text
        for phone in room.phones:
            others = [name for name in names if name != phone.name]
            for message in phone.states():
                text = json.dumps(message, ensure_ascii=False)
                leaked = [name for name in others if name in text]
                assert not leaked, f"{phone.name} saw {leaked} in {text}"


async def assert_caught_up(room: Room, code: str) -> None:
    """Every socket has seen the version the database holds: nothing is left behind."""
    final = await stored_version(code)
    await room.sync(final)
    assert [seat.socket.seen_version for seat in room.seats] == [final] * len(room.seats)


# --- the test ---------------------------------------------------------------------------------


async def test_cases_test_the_programme_into_kader_v1_and_day_two_revises_it_to_v2(
    daphne, live, facilitator, facilitator_password
):
    started = time.monotonic()
    server = daphne("A")
    traject_id = live.traject_id
    day_one, facilitator_browser = await open_day_one(
        server, live, facilitator, facilitator_password
    )
    rooms = [day_one]
    try:
        ids = Ids()
        ids.requirements, programme = await adopt_programme(
            traject_id, [phone.pid for phone in day_one.phones]
        )
        assert [(item["id"], item["priority"]) for item in programme["requirements"]] == [
            (ids.requirements[key], priority) for key, priority in ADOPTED
        ]

        await bring_cases(day_one, ids, traject_id)
        await pick_cases(day_one, ids)
        await judge(day_one, ids)
        await agree_on_rules(day_one, ids)
        v1 = await freeze(day_one, ids, programme, traject_id)
        await assert_caught_up(day_one, live.code)
        assert_no_other_errors(
            day_one, {PEOPLE[0][0]: ["personal_data"], "console": ["already_frozen"]}
        )
        seen = await day_one.sync(await day_one.console.do("session.close"))
        assert {state["session"]["closed"] for state in [seen.console, *seen.room]} == {True}
        await day_one.close()

        code = await open_day_two(facilitator_browser, traject_id, live.code)
        day_two = await come_back(server, day_one, facilitator_browser, code, traject_id)
        rooms.append(day_two)
        summary = await review(day_two, ids, v1)
        await revise(day_two, ids, v1, summary, traject_id)
        await assert_caught_up(day_two, code)
        assert_no_other_errors(day_two)
        # The reviews are stored under the day-1 participants, also the one on a new phone.
        assert await reviewers(traject_id) == Counter(
            {day_one.phones[index].pid: len(V1_ORDER) for index in RETURNING}
        )
        assert_anonymous(rooms, [name for name, _ in [*PEOPLE, NEWCOMER]])
    finally:
        for room in rooms:
            await room.close()
    assert time.monotonic() - started < WHOLE_TEST_SECONDS
