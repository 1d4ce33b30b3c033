"""The PDF is an accessible (tagged, PDF/UA-1) document, read back with pikepdf: Dutch public
bodies may only publish documents that a screen reader can follow."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from io import BytesIO

import pikepdf
import pytest

from game.document.html import render_pdf
from game.document.model import build_document
from game.sample import populate

pytestmark = pytest.mark.django_db


@pytest.fixture
def played(traject):
    populate(traject)
    return traject


def open_pdf(traject) -> tuple[pikepdf.Pdf, object]:
    doc = build_document(traject)
    return pikepdf.open(BytesIO(render_pdf(doc))), doc


def elements(node) -> Iterator[pikepdf.Dictionary]:
    """Every structure element under `node`, depth first. /K holds elements, marked-content
    ids and object references alike; only elements (those with /S) have children to follow."""
    if isinstance(node, pikepdf.Array):
        for kid in node:
            yield from elements(kid)
    elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
        yield node
        if "/K" in node:
            yield from elements(node.K)


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return list(elements(pdf.Root.StructTreeRoot.K))


def test_the_pdf_is_tagged_as_pdf_ua(played, caplog):
    with caplog.at_level(logging.ERROR, logger="weasyprint"):
        pdf, _ = open_pdf(played)
    assert pdf.Root.MarkInfo.Marked is True
    assert "/StructTreeRoot" in pdf.Root
    assert structure(pdf)[0].S == "/Document"
    assert pdf.open_metadata().get("pdfuaid:part") == "1"
    # WeasyPrint logs an error for what PDF/UA needs but the HTML lacks (lang, alt texts).
    assert not caplog.records


@pytest.mark.parametrize(("language", "tag"), [("nl", "nl-NL"), ("en", "en-GB")])
def test_the_language_is_the_trajects(traject, language, tag):
    traject.language = language
    traject.save()
    pdf, _ = open_pdf(traject)
    assert str(pdf.Root.Lang) == tag


def test_a_reader_shows_the_title_not_the_file_name(played):
    pdf, doc = open_pdf(played)
    assert str(pdf.docinfo.Title) == doc.title
    assert pdf.open_metadata().get("dc:title") == doc.title
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True


def test_the_bookmarks_follow_the_chapter_headings(played):
    pdf, doc = open_pdf(played)
    with pdf.open_outline() as outline:
        (cover,) = outline.root
        chapters = [item.title for item in cover.children]
    assert cover.title == doc.title
    assert chapters == ["Inhoud"] + [f"{s.number}. {s.title}" for s in doc.sections]
    assert [e.S for e in structure(pdf)].count("/H2") == len(chapters)


def test_table_cells_are_tied_to_their_headers(played):
    pdf, _ = open_pdf(played)
    tags = structure(pdf)
    headers = [e for e in tags if e.S == "/TH"]
    cells = [e for e in tags if e.S == "/TD"]
    assert headers and cells
    ids = {str(header.ID) for header in headers}
    for cell in cells:
        linked = [str(key) for key in cell.A.Headers]
        assert linked and set(linked) <= ids


def test_the_overview_chart_has_an_alternative_text_that_reads_every_row(played):
    pdf, doc = open_pdf(played)
    [alt] = [str(e.get("/Alt", "")) for e in structure(pdf) if e.S == "/Figure"]
    assert alt.startswith("Verticaal draagvlak per eis. ")
    for item in doc.requirements:
        assert item.text in alt and item.draagvlak in alt
