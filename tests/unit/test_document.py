"""The outcome document: one model, five formats, read back with real parsers."""

from __future__ import annotations

import json
import re
from io import BytesIO

import jsonschema
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from docx import Document as WordDocument
from pypdf import PdfReader

from game.core.models import Reveal
from game.core.services import join_traject, set_name_consent, set_revealed
from game.document.html import render_html, render_pdf
from game.document.jsonfmt import render_json, schema
from game.document.markdown import md, render_markdown
from game.document.model import (
    Document,
    build_document,
    layer_labels,
    provenance,
    sentences,
)
from game.document.word import render_docx
from game.followup import services as followup_services
from game.framework import selectors as framework_selectors
from game.notes import services as notes_services
from game.practice import services as practice_services
from game.requirements import services as requirements_services
from game.requirements.models import Requirement
from game.roleplay import services as roleplay_services
from game.sample import populate
from tests.conftest import make_participant

pytestmark = pytest.mark.django_db

PAYLOAD = '<script>alert("x")</script><img src=x onerror=alert(1)> **vet** [link](http://e.vil)'


@pytest.fixture
def played(traject):
    populate(traject)
    return traject


def pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)
    return " ".join(text.split())


def squash(text: str) -> str:
    return " ".join(text.split())


def test_the_json_validates_against_its_schema(played):
    jsonschema.validate(json.loads(render_json(build_document(played))), schema())


def test_word_has_real_headings_and_the_requirement_table(played):
    doc = build_document(played)
    word = WordDocument(BytesIO(render_docx(doc)))
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [f"{s.number}. {s.title}" for s in doc.sections]
    table = next(t for t in word.tables if t.rows[0].cells[1].text == "Eis")
    texts = [row.cells[1].text.split(" ⚑")[0] for row in table.rows[1:]]
    assert texts == [item.text for item in doc.requirements]
    assert 'TOC \\o "1-2"' in word.element.xml


def test_the_pdf_contains_every_requirement(played):
    doc = build_document(played)
    text = pdf_text(render_pdf(doc))
    for item in doc.requirements:
        assert squash(item.text) in text
    assert "Inhoud" in text and doc.gemeente in text


def test_the_four_formats_carry_the_same_requirements_and_priorities(played):
    doc = build_document(played)
    expected = [(item.text, item.priority) for item in doc.requirements]
    assert len(expected) == 4
    from_json = [(r["text"], r["priority"]) for r in json.loads(render_json(doc))["requirements"]]
    markdown = render_markdown(doc)
    word = WordDocument(BytesIO(render_docx(doc)))
    table = next(t for t in word.tables if t.rows[0].cells[1].text == "Eis")
    from_word = [(r.cells[1].text.split(" ⚑")[0], r.cells[2].text) for r in table.rows[1:]]
    html = render_html(doc)
    assert from_json == expected
    assert from_word == expected
    for text, priority in expected:
        assert re.search(re.escape(text) + r".*?\| " + re.escape(priority), markdown)
        assert text in html


def test_participant_text_stays_inert_in_every_format(traject, live):
    participant = make_participant(live, "Alice", "raad")[0]
    note = notes_services.write_note(
        participant=participant, prompt_key="wat-is", text=PAYLOAD[:280], signed=False
    )
    cluster = notes_services.create_cluster(traject=traject, name="<b>Cluster</b>")
    notes_services.move_note(traject=traject, note_id=note.pk, cluster=cluster)
    notes_services.set_dots(participant=participant, cluster=cluster, dots=1)
    roleplay_services.deal_roles(traject=traject, seed=1)
    wish = roleplay_services.write_wish(participant=participant, text=PAYLOAD[:200])
    requirements_services.merge_wishes(traject=traject, wish_ids=[wish.pk], text=PAYLOAD[:300])
    doc = build_document(traject)
    html = render_html(doc)
    assert "<script>" not in html and "<img" not in html and "<b>Cluster" not in html
    assert "&lt;script&gt;" in html
    markdown = render_markdown(doc)
    assert "<script>" not in markdown and "[link](" not in markdown and "**vet**" not in markdown
    word = WordDocument(BytesIO(render_docx(doc)))
    assert any(PAYLOAD[:200] in p.text for p in word.paragraphs)  # kept as plain text
    assert json.loads(render_json(doc))["packages"][0]["wishes"][0]["text"] == PAYLOAD[:200]
    assert "alert" in pdf_text(render_pdf(doc))  # printed as text, never run


def test_names_appear_only_with_consent_and_notes_are_never_attributed(played):
    doc = build_document(played)
    consenting = set(played.participants.filter(name_consent=True).values_list("name", flat=True))
    others = set(played.participants.filter(name_consent=False).values_list("name", flat=True))
    everything = render_json(doc) + render_markdown(doc)
    assert consenting and all(name in everything for name in consenting)
    assert not [name for name in others if re.search(rf"\b{name}\b", everything)]


def test_the_document_speaks_the_language_of_the_traject(played):
    played.language = "en"
    played.save()
    doc = build_document(played)
    assert doc.title.startswith("Programme of requirements for maatwerk")
    assert "Shared programme of requirements" in render_markdown(doc)


def test_it_is_a_concept_until_the_kader_is_frozen(traject):
    populate(traject, through="programme")
    doc = build_document(traject)
    assert (doc.status, doc.framework_version) == ("concept", 0)
    assert [s.key for s in doc.sections if s.empty] == ["practice", "framework", "review"]


def test_a_frozen_kader_makes_it_final_and_v1_stays_downloadable_after_v2(played):
    latest, first = build_document(played), build_document(played, framework_number=1)
    assert (latest.status, latest.framework_version, first.framework_version) == ("final", 2, 1)
    assert [c.change for c in latest.changes] == [
        "Geherformuleerd",
        "Geherformuleerd",
        "Geschrapt",
        "Behouden",
        "Toegevoegd",
    ]
    assert first.changes == []
    first_texts = [r.text for r in first.framework_requirements]
    assert [r.text for r in latest.framework_requirements] != first_texts
    assert any(c.before in first_texts and c.after for c in latest.changes)


def test_the_pdf_contains_every_decision_rule_and_the_changes(played):
    doc = build_document(played)
    text = pdf_text(render_pdf(doc))
    for rule in doc.rules:
        assert squash(rule.who_decides) in text and squash(rule.what) in text
    for change in doc.changes:
        assert squash(change.reason) in text


def test_the_four_formats_carry_the_same_rules_and_case_grids(played):
    doc = build_document(played)
    as_json = json.loads(render_json(doc))
    markdown, html = render_markdown(doc), render_html(doc)
    word = "\n".join(
        cell.text for table in WordDocument(BytesIO(render_docx(doc))).tables for row in table.rows
        for cell in row.cells
    )  # fmt: skip
    assert [r["what"] for r in as_json["rules"]] == [r.what for r in doc.rules]
    for rule in doc.rules:
        for text in (rule.who_decides, rule.budget_or_mandate, rule.escalation):
            assert text in word and text in html and md(text) in markdown
    for case in doc.cases:
        for row in case.rows:
            counts = [str(row.helpt), str(row.knelt), str(row.ontbreekt)]
            assert f"| {md(row.requirement)} | " + " | ".join(counts) in markdown


def test_the_facilitator_downloads_every_format_of_both_versions(played, facilitator):
    client = Client()
    client.force_login(facilitator)
    preview = client.get(reverse("facilitator:document", args=[played.pk]))
    assert preview.status_code == 200
    assert "?kader=1" in preview.content.decode()
    for extension in ("pdf", "docx", "md", "json"):
        url = reverse("facilitator:document_file", args=[played.pk, extension])
        response = client.get(url + "?kader=1")
        assert response.status_code == 200
        assert f"-kader-v1.{extension}" in response["Content-Disposition"]
    assert client.get(url + "?kader=9").status_code == 404


def test_participants_download_only_once_released(traject, live):
    _, session_key = make_participant(live, "Alice", "raad")
    populate(traject, through="programme")
    phone = Client()
    phone.cookies["sessionid"] = session_key
    url = reverse("participant_document", args=[live.code, "pdf"])
    assert phone.get(url).status_code == 404
    set_revealed(traject=traject, what=Reveal.What.DOCUMENT, revealed=True)
    assert phone.get(url).status_code == 200
    assert Client().get(url).status_code == 404  # a browser that is no participant


def test_another_facilitator_gets_no_document(played, mallory):
    client = Client()
    client.force_login(mallory[2].traject.facilitator)
    assert client.get(reverse("facilitator:document", args=[played.pk])).status_code == 404
    url = reverse("facilitator:document_file", args=[played.pk, "exe"])
    assert client.get(url).status_code == 404


def test_a_layer_below_the_smallest_group_has_no_column_in_any_format(traject, live):
    """One raadslid, two wethouders and three beleidsambtenaren vote: the raadslid's vote is
    shown only with the college's, in the HTML, PDF, Word, Markdown and JSON alike."""
    voters = [make_participant(live, "Raad", "raad")[0]]
    voters += [make_participant(live, f"Wethouder {n}", "bestuur")[0] for n in range(2)]
    voters += [make_participant(live, f"Beleid {n}", "beleid")[0] for n in range(3)]
    requirement = requirements_services.add_requirement(traject=traject, text="Eén loket")
    for voter, choice in zip(voters, ["wont", "must", "must", "must", "must", "must"], strict=True):
        requirements_services.cast_moscow(participant=voter, requirement=requirement, choice=choice)
    doc = build_document(traject)
    labels = [column.label for column in doc.grid_columns]
    assert "Raadslid" not in labels and "Beleidsambtenaar" in labels
    assert labels[0] == "Bestuur (raad + college)"
    grid_header = "| # | Draagvlak | " + " | ".join(labels) + " |"
    assert grid_header in render_markdown(doc)
    word = WordDocument(BytesIO(render_docx(doc)))
    headers = [[cell.text for cell in table.rows[0].cells] for table in word.tables]
    assert ["#", "Draagvlak", *labels] in headers
    assert "Raadslid" not in {label for row in headers for label in row}
    html = render_html(doc)
    assert re.search(r"<th scope=\"col\"[^>]*>Raadslid</th>", html) is None  # no column
    assert "Raadslid" not in squash(pdf_text(render_pdf(doc))).split("Draagvlak")[1][:200]
    data = json.loads(render_json(doc))
    assert [c["label"] for c in data["grid_columns"]] == labels


ROOM = [  # name, layer, may be named
    ("Anouk Aalders", "raad", True),
    ("Bram Bakker", "raad", False),
    ("Carla Claes", "beleid", False),
    ("Daan Dekker", "uitvoering", True),
    ("Eva Evers", "uitvoering", False),
]


@pytest.fixture
def room(traject):
    return [
        join_traject(traject=traject, name=name, layer_key=layer, name_consent=consent)
        for name, layer, consent in ROOM
    ]


def every_format(doc) -> dict[str, str]:
    word = WordDocument(BytesIO(render_docx(doc)))
    return {
        "markdown": render_markdown(doc),
        "json": render_json(doc),
        "html": render_html(doc),
        "word": "\n".join(p.text for p in word.paragraphs),
        "pdf": pdf_text(render_pdf(doc)),
    }


def test_exactly_the_consenting_names_are_listed_with_their_layer_in_every_format(room, traject):
    doc = build_document(traject)
    assert doc.named_participants == [
        "Anouk Aalders (Raadslid)",
        "Daan Dekker (Professional wijkteam)",
    ]
    data = json.loads(render_json(doc))
    assert data["named_participants"] == doc.named_participants
    counts = {layer["key"]: layer["count"] for layer in data["participants_by_layer"]}
    assert counts == {
        **dict.fromkeys(["bestuur", "directie", "management", "teamleiding"], 0),
        **{"raad": 2, "beleid": 1, "uitvoering": 2},
    }
    assert data["participants_total"] == len(ROOM)
    assert "| Raadslid | 2 |" in render_markdown(doc)
    for fmt, text in every_format(doc).items():
        for name, _, consent in ROOM:
            assert (name in text) is consent, (fmt, name)
        assert fmt == "json" or "Deelnemers die met naam genoemd willen worden:" in text, fmt


def test_without_consent_the_document_only_counts(room, traject):
    for participant in room:
        set_name_consent(participant=participant, consent=False)
    doc = build_document(traject)
    assert doc.named_participants == []
    assert json.loads(render_json(doc))["named_participants"] == []
    assert "| Professional wijkteam | 2 |" in render_markdown(doc)
    for fmt, text in every_format(doc).items():
        assert not [name for name, _, _ in ROOM if name in text], fmt
        assert "genoemd willen worden" not in text, fmt


def test_a_change_of_mind_reaches_the_next_document(room, traject):
    anouk, bram = room[0], room[1]
    assert set_name_consent(participant=bram, consent=True)
    assert set_name_consent(participant=anouk, consent=False)
    assert not set_name_consent(participant=anouk, consent=False)  # nothing left to change
    names = build_document(traject).named_participants
    assert names == ["Bram Bakker (Raadslid)", "Daan Dekker (Professional wijkteam)"]


def test_kader_v1_downloaded_after_day_2_is_exactly_what_it_was_at_freezing(traject):
    """Frozen v1, then on day 2 a rephrase, a drop, an addition, new judgements and a revision
    into v2: `?kader=1` still renders the same document, in every format."""
    people = populate(traject, through="framework")
    at_freezing = build_document(traject, framework_number=1)
    json_then, markdown_then = render_json(at_freezing), render_markdown(at_freezing)

    v1 = traject.framework_versions.get(number=1)
    items = [i for i in framework_selectors.framework_items(v1) if i["kind"] == "requirement"]
    followup_services.revise_framework(
        traject=traject,
        changes=[
            {
                "kind": "requirement",
                "item": items[0]["key"],
                "action": "rephrase",
                "text": "Herschreven op dag 2",
                "reason": "Duidelijker",
            },
            {
                "kind": "requirement",
                "item": items[1]["key"],
                "action": "drop",
                "reason": "Niet gebruikt",
            },
            {"kind": "requirement", "action": "add", "text": "Nieuw op dag 2", "reason": "Gemist"},
        ],
    )
    case = traject.practice_cases.filter(selected=True).first()
    added = Requirement.objects.get(traject=traject, text="Nieuw op dag 2")
    practice_services.judge(
        participant=people[-1], case=case, requirement=added, verdict="helpt", comment="Later"
    )

    later = build_document(traject, framework_number=1)
    assert render_json(later) == json_then
    assert render_markdown(later) == markdown_then
    assert "Herschreven op dag 2" not in json_then and "Nieuw op dag 2" not in json_then
    assert "Herschreven op dag 2" in render_json(build_document(traject))  # the latest shows it
    # What the record prevents: v1 rebuilt from today's data is not what was frozen.
    assert render_json(build_document(traject, framework_number=1, live=True)) != json_then


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (
            {"origin": "programme", "roles": ["raad", "uitvoering"], "history": []},
            "Samengevoegd uit de wensen van: Raadslid, Professional wijkteam",
        ),
        ({"origin": "programme", "roles": [], "history": []}, "Door de begeleider toegevoegd"),
        (
            {"origin": "added", "reason": "Knelde in casus 2", "history": []},
            "Toegevoegd bij het toetsen aan de praktijk: Knelde in casus 2",
        ),
        (
            {"origin": "day2", "reason": "Het duurde te lang", "history": []},
            "Toegevoegd op de terugkombijeenkomst: Het duurde te lang",
        ),
    ],
)
def test_every_requirement_says_where_it_came_from(content, item, expected):
    with translation.override("nl"):
        assert provenance(item, layer_labels("nl")).startswith(expected)


def test_a_requirement_added_on_day_2_is_not_said_to_come_from_stap_3(traject):
    populate(traject, through="framework")
    v1 = traject.framework_versions.get(number=1)
    followup_services.revise_framework(
        traject=traject,
        changes=[
            {"kind": "requirement", "action": "add", "text": "Nieuw op dag 2", "reason": "Gemist"}
        ],
    )
    doc = build_document(traject)
    [added] = [r for r in doc.framework_requirements if r.text == "Nieuw op dag 2"]
    assert added.note == "Toegevoegd op de terugkombijeenkomst: Gemist."
    assert v1.content["requirements"]  # v1 untouched


def test_the_cover_carries_the_traject_title_in_every_format(played):
    played.title = "Maatwerk zonder muren"
    played.save(update_fields=["title"])
    doc = build_document(played)
    assert doc.traject_title == "Maatwerk zonder muren"
    assert "Maatwerk zonder muren" in render_markdown(doc).split("## ")[0]
    assert '<p class="cover-traject">Maatwerk zonder muren</p>' in render_html(doc)
    word = WordDocument(BytesIO(render_docx(doc)))
    assert "Maatwerk zonder muren" in [p.text for p in word.paragraphs[:5]]
    assert "Maatwerk zonder muren" in squash(pdf_text(render_pdf(doc)).split("Inhoud")[0])
    assert json.loads(render_json(doc))["traject_title"] == "Maatwerk zonder muren"


def test_a_record_frozen_before_the_model_grew_still_renders(played):
    """A field added to the document model after a version was frozen reads as empty."""
    record = played.framework_versions.get(number=1).frozen_document
    old = dict(record.content)
    del old["traject_title"]
    old["requirements"] = [
        {k: v for k, v in item.items() if k != "counts"} for item in old["requirements"]
    ]
    doc = Document.from_dict(old)
    assert doc.traject_title == "" and doc.requirements[0].counts == {}
    assert doc.requirements[0].text in render_markdown(doc)


def test_reasons_are_sentences_never_joined_by_a_stray_semicolon():
    assert sentences(["Duidelijker.", "Korter", "  ", "Eén regel;"]) == (
        "Duidelijker. Korter. Eén regel."
    )


def test_open_improvements_name_their_requirement_in_full(played):
    doc = build_document(played)
    html = render_html(doc)
    improved = [item for item in doc.reviews if item.improve]
    assert improved  # the sample's day 2 says what must improve
    for item in improved:
        assert f"— {item.text}</span>" in html.replace("&#x27;", "'")
