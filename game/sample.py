"""A realistic traject played through, for the demo, the document bench and the document tests.

It drives the same services the live session uses (nothing is written around them), so what it
produces is what a real room would produce: 40 people across the seven layers, stellingen,
notes, clusters and dots, a shared picture, the role-play with wishes, merged requirements with
MoSCoW votes that show vertical disagreement, and an adopted programme of requirements.
"""

from __future__ import annotations

import random

from game.core.models import Participant, Reveal, Traject
from game.core.services import join_traject, set_revealed
from game.followup import services as followup_services
from game.framework import selectors as framework_selectors
from game.framework import services as framework_services
from game.notes import selectors as notes_selectors
from game.notes import services as notes_services
from game.practice import selectors as practice_selectors
from game.practice import services as practice_services
from game.requirements import selectors as requirements_selectors
from game.requirements import services as requirements_services
from game.roleplay import services as roleplay_services
from game.roleplay.models import Case
from game.statements import services as statements_services

# (layer, how many) for a 40-person room, heavy on the front line as in real sessions.
ROOM = [
    ("raad", 5),
    ("bestuur", 2),
    ("directie", 2),
    ("management", 5),
    ("beleid", 8),
    ("teamleiding", 6),
    ("uitvoering", 12),
]
FIRST_NAMES = [
    "Anouk", "Bas", "Carmen", "Daan", "Eline", "Fatima", "Gert", "Hanneke", "Ilse", "Joost",
    "Karin", "Lars", "Mirjam", "Niels", "Olga", "Pieter", "Qadira", "Ruud", "Sanne", "Thijs",
    "Ursula", "Vincent", "Wendy", "Xander", "Yvonne", "Zeynep", "Arjen", "Bregje", "Cor",
    "Dewi", "Evert", "Fleur", "Gijs", "Hatice", "Ingrid", "Jeroen", "Kees", "Lotte", "Mehmet",
    "Nadia",
]  # fmt: skip
NOTES = {
    "wat-is": [
        "Kijken naar wat deze inwoner echt nodig heeft, niet naar het product",
        "Samen met de inwoner een passende oplossing zoeken",
        "Ruimte om af te wijken van de standaard als dat beter werkt",
    ],
    "wat-niet": [
        "Willekeur: iedereen krijgt iets anders zonder reden",
        "Een extra product bovenop het standaardaanbod",
    ],
    "schaduw": [
        "Ongelijke behandeling is lastig uit te leggen aan de raad",
        "Hogere kosten als niemand het budget bewaakt",
    ],
    "weerhoudt": [
        "Angst om afgerekend te worden op een afwijking",
        "De verordening laat weinig ruimte",
        "Niemand weet wie mag beslissen",
    ],
    "hoe-werkt": ["Een professional met mandaat en een teamleider die meedenkt"],
}
WISHES = [
    "Maatwerk moet uitlegbaar zijn aan de raad en aan andere inwoners",
    "Maatwerk moet binnen een vast budget per casus door de professional besloten kunnen worden",
    "Maatwerk moet de inwoner één keer laten vertellen wat er speelt",
    "Maatwerk moet achteraf verantwoord worden, niet vooraf goedgekeurd",
    "Maatwerk moet over de grenzen van Wmo, Jeugdwet en Participatiewet heen kunnen",
    "Maatwerk moet een duidelijke escalatieroute hebben als het duurder wordt",
]
REQUIREMENTS = [  # (text, indexes into WISHES of the wishes merged into it)
    (
        "De professional beslist zelf tot € 2.500 per huishouden en verantwoordt dat achteraf",
        [1, 3],
    ),
    ("Elke afwijking van de standaard wordt in twee zinnen uitgelegd in het dossier", [0]),
    ("De inwoner vertelt zijn verhaal één keer; het wijkteam deelt het met toestemming", [2]),
    ("Budgetten van Wmo, Jeugdwet en Participatiewet zijn per casus te combineren", [4]),
    ("Boven € 10.000 beslist de teamleider binnen vijf werkdagen", [5]),
]  # fmt: skip
# How each layer tends to vote on each requirement (must/should/could/wont weights), so the
# grid shows real vertical disagreement: the council wants explanation, the front line budget.
TENDENCY = {
    "raad": ["could", "must", "should", "could", "should"],
    "bestuur": ["should", "must", "should", "should", "must"],
    "directie": ["should", "should", "must", "must", "should"],
    "management": ["should", "should", "must", "should", "must"],
    "beleid": ["could", "must", "must", "should", "should"],
    "teamleiding": ["must", "should", "must", "must", "must"],
    "uitvoering": ["must", "wont", "must", "must", "could"],
}


PRACTICE_CASES = [
    (
        "Mantelzorger op het randje",
        "Een vrouw van 58 zorgt voor haar man met beginnende dementie en werkt zelf nog drie "
        "dagen. Dagbesteding weigert hij; een buurman wil twee middagen per week klussen met hem.",
        "Mogen we de buurman een vergoeding geven in plaats van dagbesteding in te kopen?",
    ),
    (
        "Huurachterstand en een schoolverlater",
        "Een alleenstaande vader heeft twee maanden huurachterstand; zijn zoon van 16 gaat "
        "nauwelijks naar school. Drie loketten hebben elk een eigen plan.",
        "Kan het wijkteam de achterstand betalen om de jeugdhulp te voorkomen?",
    ),
]
VERDICTS = ["helpt", "helpt", "knelt", "ontbreekt"]
IMPROVE = "Maak de grens van het budget bekend bij de inwoner"
JUDGEMENT_COMMENTS = {  # what a participant adds to a verdict now and then
    "helpt": "Dit gaf de professional de ruimte die de inwoner nodig had.",
    "knelt": "Hier wringt de verordening.",
    "ontbreekt": "Niemand spreekt af wie de inwoner daarna belt.",
}
CONCERNS = {  # what a layer says when it has a concern about a proposed rule
    "raad": "Waar ligt de grens tussen maatwerk en willekeur?",
    "uitvoering": "Wie vangt het op als het budget halverwege het jaar op is?",
}
RULES = [
    {
        "who_decides": "De professional van het wijkteam",
        "what": "Maatwerk buiten de verordening, in overleg met de inwoner",
        "budget_or_mandate": "Tot € 2.500 per huishouden per jaar",
        "accountability": "Twee zinnen in het dossier; elk kwartaal een overzicht aan de raad",
        "escalation": "Boven € 2.500 of bij twijfel: de teamleider, binnen vijf werkdagen",
    },
    {
        "who_decides": "De teamleider wijkteam",
        "what": "Combineren van budgetten uit Wmo, Jeugdwet en Participatiewet",
        "budget_or_mandate": "Tot € 10.000 per huishouden",
        "accountability": "Verantwoording via de kwartaalrapportage sociaal domein",
        "escalation": "Daarboven beslist de manager sociaal domein",
    },
]


STAGES = ("programme", "framework", "review")


def populate(traject: Traject, *, seed: int = 7, through: str = "review") -> list[Participant]:
    """Play a 40-person room into `traject` up to and including `through`: "programme" (Stap 1
    and 2, an adopted programme of requirements), "framework" (Stap 3 up to kader op maat v1)
    or "review" (the day-2 review and v2). Returns the participants."""
    stages = STAGES[: STAGES.index(through) + 1]
    rng = random.Random(seed)
    names = iter(FIRST_NAMES)
    people = [
        join_traject(traject=traject, name=next(names), layer_key=layer)
        for layer, count in ROOM
        for _ in range(count)
    ]
    for person in people[::3]:
        person.name_consent = True
        person.save(update_fields=["name_consent"])

    statements_services.seed_statements(traject)
    statement = traject.statements.first()
    statements_services.open_statement(statement=statement)
    for person in people:
        answer = rng.choice(["eens", "eens", "oneens", "weet-niet"])
        statements_services.answer_statement(statement=statement, participant=person, answer=answer)
    statements_services.reveal_statement(statement=statement)

    notes = []
    for index, person in enumerate(people):
        prompt = list(NOTES)[index % len(NOTES)]
        text = NOTES[prompt][index % len(NOTES[prompt])]
        notes.append(
            notes_services.write_note(
                participant=person, prompt_key=prompt, text=text, signed=index % 4 == 0
            )
        )
    clusters = {
        name: notes_services.create_cluster(traject=traject, name=name)
        for name in (
            "Echt luisteren",
            "Ruimte en mandaat",
            "Risico op willekeur",
            "Regels en angst",
        )
    }
    homes = {
        "wat-is": "Echt luisteren",
        "hoe-werkt": "Ruimte en mandaat",
        "wat-niet": "Risico op willekeur",
        "schaduw": "Risico op willekeur",
        "weerhoudt": "Regels en angst",
    }
    for note in notes:
        notes_services.move_note(
            traject=traject, note_id=note.pk, cluster=clusters[homes[note.prompt.key]]
        )
    for person in people:
        for cluster in rng.sample(list(clusters.values()), 2):
            notes_services.set_dots(participant=person, cluster=cluster, dots=rng.randint(1, 2))
    set_revealed(traject=traject, what=Reveal.What.DOTS, revealed=True)
    notes_services.save_shared_picture(
        traject=traject, texts=notes_selectors.draft_shared_picture(traject)
    )

    # The fixed seed keeps the demo the same on every run; it is recorded like a drawn one.
    roleplay_services.deal_roles(traject=traject, seed=seed)
    set_revealed(traject=traject, what=Reveal.What.ROLES, revealed=True)
    roleplay_services.choose_case(traject=traject, case_key=Case.objects.first().key)
    roleplay_services.reveal_next_development(traject=traject)
    wishes = []
    for index, person in enumerate(people):
        roleplay_services.write_reaction(
            participant=person, text="Vanuit mijn rol zie ik vooral risico's."
        )
        wishes.append(
            roleplay_services.write_wish(participant=person, text=WISHES[index % len(WISHES)])
        )
    for text, sources in REQUIREMENTS:
        ids = [w.pk for w in wishes if WISHES.index(w.text) in sources]
        requirements_services.merge_wishes(traject=traject, wish_ids=ids, text=text)
    requirements = list(traject.requirements.order_by("order"))
    for person in people:
        for requirement, choice in zip(requirements, TENDENCY[person.layer.key], strict=True):
            if rng.random() < 0.15:  # not everyone agrees with their own layer
                choice = rng.choice(["must", "should", "could", "wont"])
            requirements_services.cast_moscow(
                participant=person, requirement=requirement, choice=choice
            )
    set_revealed(traject=traject, what=Reveal.What.VOTES, revealed=True)
    for requirement in requirements[:4]:
        requirements_services.decide_requirement(requirement=requirement, decision="accept")
    requirements_services.decide_requirement(requirement=requirements[4], decision="drop")
    flagged = [
        r for r in requirements_selectors.requirement_results(traject)["items"] if r["flagged"]
    ]
    for item in flagged:
        requirements_services.set_discussion_note(
            requirement=traject.requirements.get(pk=item["id"]),
            note="Besproken: de raad wil uitlegbaarheid, het wijkteam vreest extra administratie.",
        )
    requirements_services.adopt_programme(traject=traject)
    if "framework" in stages:
        practice(traject, people, rng)
    if "review" in stages:
        review(traject, people, rng)
    return people


def practice(traject: Traject, people: list[Participant], rng: random.Random) -> None:
    """Stap 3: own cases, judged against the programme, adjustments, rules, kader v1."""
    professionals = [p for p in people if p.layer.key == "uitvoering"]
    cases = [
        practice_services.submit_case(
            participant=author, title=title, situation=situation, question=question,
            privacy_reason="",
        )
        for author, (title, situation, question) in zip(professionals, PRACTICE_CASES, strict=False)
    ]  # fmt: skip
    for person in people:
        practice_services.set_case_dots(participant=person, case=rng.choice(cases), dots=1)
    practice_services.pick_cases(traject=traject, case_ids=[case.pk for case in cases])
    requirements = list(practice_selectors.judgeable_requirements(traject))
    for case in practice_selectors.picked_cases(traject):
        practice_services.put_on_table(traject=traject, case=case)
        for person in people[::2]:
            for requirement in requirements:
                verdict = rng.choice(VERDICTS)
                practice_services.judge(
                    participant=person, case=case, requirement=requirement, verdict=verdict,
                    comment=JUDGEMENT_COMMENTS[verdict] if rng.random() < 0.05 else "",
                )  # fmt: skip
        practice_services.set_conclusion(
            case=case,
            text="De eisen helpen, maar wie over het budget beslist moet scherper.",
        )
    practice_services.rephrase_requirement(
        requirement=requirements[0],
        text=requirements[0].text + ", ook bij jongeren",
        reason="De tweede casus liet zien dat jongeren er ook onder vallen",
    )
    practice_services.add_requirement(
        traject=traject,
        text="Bij een acute crisis mag het wijkteam eerst handelen en daarna verantwoorden",
        reason="Beide casussen liepen vast op wachttijd",
        case=practice_selectors.picked_cases(traject)[0],
    )
    for n, fields in enumerate(RULES):
        rule = framework_services.propose_rule(traject=traject, **fields)
        for person in people[::3]:
            worried = n == 0 and person.layer.key == "raad"  # the council fears willekeur
            stance = "agree" if rng.random() < 0.8 and not worried else "concern"
            framework_services.react_to_rule(
                participant=person, rule=rule, stance=stance,
                comment=CONCERNS.get(person.layer.key, "") if stance == "concern" else "",
            )  # fmt: skip
        framework_services.set_rule_status(rule=rule, status="agreed")
    framework_services.freeze_framework(traject=traject)


def review(traject: Traject, people: list[Participant], rng: random.Random) -> None:
    """Dag 2: everyone who came back reviews v1; the facilitator revises it into v2."""
    v1 = framework_selectors.latest_framework(traject)
    items = framework_selectors.framework_items(v1)
    for person in people[::2]:
        for item in items:
            followup_services.write_review(
                participant=person, version=v1, item_key=item["key"],
                applied=rng.choice(["ja", "ja", "deels", "nee"]),
                how_it_went="Werkte goed in het wijkteam" if rng.random() < 0.1 else "",
                improve=IMPROVE if rng.random() < 0.05 else "",
            )  # fmt: skip
    requirement_items = [i for i in items if i["kind"] == "requirement"]
    rule_items = [i for i in items if i["kind"] == "rule"]
    followup_services.revise_framework(
        traject=traject,
        changes=[
            {
                "kind": "requirement",
                "action": "rephrase",
                "item": requirement_items[0]["key"],
                "text": requirement_items[0]["text"] + " binnen twee weken",
                "reason": "Inwoners wachtten in de praktijk te lang",
            },
            {
                "kind": "rule",
                "action": "rephrase",
                "item": rule_items[0]["key"],
                "fields": {"budget_or_mandate": "Tot € 3.000 per huishouden per jaar"},
                "reason": "€ 2.500 bleek in drie van de vijf gevallen te krap",
            },
            {
                "kind": "requirement",
                "action": "drop",
                "item": requirement_items[1]["key"],
                "reason": "Opgenomen in beslisregel 2 over het combineren van budgetten",
            },
            {
                "kind": "requirement",
                "action": "keep",
                "item": requirement_items[3]["key"],
                "reason": "Werd overal toegepast; niemand wilde het anders",
            },
            {
                "kind": "requirement",
                "action": "add",
                "text": "Het wijkteam meldt elk kwartaal aan de raad hoeveel maatwerk het leverde",
                "reason": "De raad wil kunnen volgen wat maatwerk oplevert",
            },
        ],
    )
