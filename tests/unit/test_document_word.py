"""The Word file as a municipality opens it: A4, spelled in its own language, its own name in
the file's properties, a table of contents that is already filled in, and no stranded headings."""

from __future__ import annotations

import zipfile
from io import BytesIO

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from docx.shared import Cm, Twips

from game.document.model import build_document
from game.document.word import render_docx
from game.sample import populate

pytestmark = pytest.mark.django_db


@pytest.fixture
def played(traject):
    populate(traject)
    return traject


@pytest.fixture
def played_in_english(traject):
    traject.language = "en"
    traject.save()
    populate(traject)
    return traject


def docx_of(traject) -> tuple[bytes, object]:
    doc = build_document(traject)
    data = render_docx(doc)
    return data, doc


def word_of(data: bytes):
    return WordDocument(BytesIO(data))


def effective(paragraph, attribute: str):
    """A paragraph property as Word applies it: set on the paragraph, else on its style chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attribute)
        style = style.base_style
    return value


def mm(length) -> float:
    return round(length.mm, 1)


def languages(word, style_names: list[str]) -> dict[str, str | None]:
    """The w:lang w:val of the document defaults and of each named style."""
    defaults = word.styles.element.find(qn("w:docDefaults"))
    found = {"docDefaults": defaults.find(f".//{qn('w:lang')}")}
    for name in style_names:
        found[name] = word.styles[name].element.find(f"{qn('w:rPr')}/{qn('w:lang')}")
    return {key: None if lang is None else lang.get(qn("w:val")) for key, lang in found.items()}


def test_every_section_is_a4_with_margins_of_two_and_a_half_cm(played):
    data, _ = docx_of(played)
    sections = word_of(data).sections
    assert len(sections) == 2
    for section in sections:  # in mm: Word stores twips, and 21 cm is 11905.5 of them
        assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
        margins = (section.left_margin, section.right_margin)
        margins += (section.top_margin, section.bottom_margin)
        assert [mm(margin) for margin in margins] == [25] * 4


def test_no_table_is_wider_than_the_text_on_a4(played):
    data, _ = docx_of(played)
    word = word_of(data)
    text_width = Cm(21) - 2 * Cm(2.5)
    for table in word.tables:
        widths = [cell.width for cell in table.rows[0].cells]
        if all(widths):  # each width rounds to whole twips on saving
            assert sum(widths) <= text_width + len(widths) * Twips(1)


def test_a_dutch_traject_is_spelled_in_dutch(played):
    data, _ = docx_of(played)
    word = word_of(data)
    names = ["Normal", "Title", "Heading 1", "Heading 2"]
    assert set(languages(word, names).values()) == {"nl-NL"}
    assert word.core_properties.language == "nl-NL"
    with zipfile.ZipFile(BytesIO(data)) as package:
        assert b"en-US" not in package.read("word/styles.xml")


def test_an_english_traject_is_spelled_in_british_english(played_in_english):
    data, _ = docx_of(played_in_english)
    word = word_of(data)
    names = ["Normal", "Title", "Heading 1", "Heading 2"]
    assert set(languages(word, names).values()) == {"en-GB"}
    assert word.core_properties.language == "en-GB"


def test_the_file_properties_name_the_document_and_the_gemeente_not_a_library(played):
    data, doc = docx_of(played)
    properties = word_of(data).core_properties
    assert properties.title == doc.title
    assert properties.title.startswith("Programma van eisen")
    assert properties.subject == doc.gemeente
    assert properties.author == properties.last_modified_by == doc.gemeente
    assert properties.keywords == "Verticaal maatwerk leren"
    assert properties.created.date().isoformat() == doc.date
    with zipfile.ZipFile(BytesIO(data)) as package:
        for name in package.namelist():
            if name.startswith("docProps/"):
                assert b"python-docx" not in package.read(name), name


def test_the_table_of_contents_already_lists_the_headings(played):
    data, doc = docx_of(played)
    word = word_of(data)
    body = word.element.body
    instructions = [node.text for node in body.iter(qn("w:instrText"))]
    assert any('TOC \\o "1-2" \\h \\z \\u' in text for text in instructions)
    entries = [p.text for p in word.paragraphs if p.style.name.startswith("toc ")]
    headings = [
        p.text for p in word.paragraphs if p.style.name in ("Heading 1", "Heading 2") and p.text
    ]
    assert entries == headings
    for section in doc.sections:
        assert f"{section.number}. {section.title}" in headings
    assert "Klik met de rechtermuisknop" not in word.element.xml
    bookmarks = {node.get(qn("w:name")) for node in body.iter(qn("w:bookmarkStart"))}
    anchors = {node.get(qn("w:anchor")) for node in body.iter(qn("w:hyperlink"))}
    assert anchors and anchors <= bookmarks


def test_headings_and_captions_keep_with_what_follows(played):
    data, _ = docx_of(played)
    word = word_of(data)
    kept = [
        p
        for p in word.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Caption"
    ]
    assert any(p.style.name == "Caption" for p in kept)
    for paragraph in kept:
        assert effective(paragraph, "keep_with_next"), paragraph.text
        assert effective(paragraph, "keep_together"), paragraph.text
    for table in word.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_a_dutch_requirement_table_uses_the_dutch_moscow_labels(played):
    data, doc = docx_of(played)
    word = word_of(data)
    table = next(t for t in word.tables if t.rows[0].cells[1].text == "Eis")
    text = " ".join(cell.text for row in table.rows for cell in row.cells)
    assert "Moet" in text or "Zou moeten" in text
    assert any(item.flagged for item in doc.requirements)
    for english in ("Must have", "Should have", "Must", "Should", "layers disagree"):
        assert english not in text
    assert "lagen verschillen" in text
