"""One content, every format: each text item of the document model reaches the PDF, the Word
file, the Markdown and the JSON, and what belongs to a requirement or rule stands next to it.

The sample traject is played through day 2 (a rephrase, a keep with a reason, a judged
requirement dropped, one added), so every kind of item is there to be missed."""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import fields, is_dataclass
from io import BytesIO

import pytest
from docx import Document as WordDocument
from docx.oxml.ns import qn
from pypdf import PdfReader

from game.document.html import render_pdf
from game.document.jsonfmt import render_json
from game.document.markdown import md, render_markdown
from game.document.model import build_document
from game.document.word import render_docx
from game.sample import populate

pytestmark = pytest.mark.django_db

# Fields that are keys, codes or machine-readable twins of a text shown elsewhere, not text.
NOT_TEXT = {"schema_version", "date", "language", "status", "generated_at", "vote_method"}
NOT_TEXT |= {"key", "column", "mark"}


def text_items(value, path: str = "doc"):
    """(path, text) for every non-empty string the model holds, found by walking it."""
    if is_dataclass(value):
        for f in fields(value):
            if f.name not in NOT_TEXT:
                yield from text_items(getattr(value, f.name), f"{path}.{f.name}")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from text_items(item, f"{path}[{key}]")
    elif isinstance(value, list | tuple):
        for n, item in enumerate(value):
            yield from text_items(item, f"{path}[{n}]")
    elif isinstance(value, str) and value.strip():
        yield path, value


def bare(text: str) -> str:
    """Text as compared across formats: compatibility forms folded (a PDF's ligatures), all
    whitespace gone (where a line wraps differs per format)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.fixture
def formats(traject):
    populate(traject)
    doc = build_document(traject)
    pdf = " ".join(page.extract_text() for page in PdfReader(BytesIO(render_pdf(doc))).pages)
    word = WordDocument(BytesIO(render_docx(doc)))
    return {
        "doc": doc,
        "pdf": bare(pdf),
        "docx": bare("".join(t.text or "" for t in word.element.body.iter(qn("w:t")))),
        "word": word,
        "markdown": bare(render_markdown(doc)),
        "json": json.loads(render_json(doc)),
    }


def strings(value):
    """Every string in parsed JSON."""
    if isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)
    elif isinstance(value, str):
        yield value


def test_every_text_of_the_model_is_in_every_format(formats):
    items = list(text_items(formats["doc"]))
    assert len(items) > 300  # the whole traject, not an empty shell
    in_json = set(strings(formats["json"]))
    missing = {
        "pdf": [path for path, text in items if bare(text) not in formats["pdf"]],
        "docx": [path for path, text in items if bare(text) not in formats["docx"]],
        "markdown": [path for path, text in items if bare(md(text)) not in formats["markdown"]],
        "json": [path for path, text in items if text not in in_json],
    }
    assert missing == {"pdf": [], "docx": [], "markdown": [], "json": []}


def test_every_kind_of_item_is_there_to_be_missed(formats):
    """The walk above is only as good as the sample: it holds each kind the issue names."""
    paths = {re.sub(r"\[\d+\]", "[]", path) for path, _ in text_items(formats["doc"])}
    for kind in [
        "doc.requirements[].text",
        "doc.rules[].what",
        "doc.rules[].reactions",
        "doc.rules[].comments[]",
        "doc.reviews[].how_it_went[].text",
        "doc.reviews[].improve[].text",
        "doc.reviews[].lines[][]",
        "doc.cases[].rows[].comments[]",
        "doc.cases[].rows[].note",
        "doc.cases[].conclusion",
        "doc.changes[].reason",
        "doc.framework_requirements[].note",
        "doc.programme_intro",
        "doc.grid_legend",
        "doc.review_intro",
    ]:
        assert kind in paths, kind
    changes = {c.change for c in formats["doc"].changes}
    assert changes == {"Geherformuleerd", "Behouden", "Geschrapt", "Toegevoegd"}


def test_comments_stand_with_the_requirement_they_belong_to(formats):
    """In the text of each format, a case's comments on a requirement follow that requirement
    and come before the next requirement of the grid; in Word they share its table cell."""
    doc, checked = formats["doc"], 0
    cells = [
        bare("".join(t.text or "" for t in cell._tc.iter(qn("w:t"))))
        for table in formats["word"].tables
        for row in table.rows
        for cell in row.cells
    ]
    for fmt in ("pdf", "docx", "markdown"):
        text, cursor = formats[fmt], 0
        for case in doc.cases:
            cursor = text.find(bare(md(case.title) if fmt == "markdown" else case.title), cursor)
            for row, following in zip(case.rows, case.rows[1:] + [None], strict=True):
                if fmt == "markdown":  # a list after the table: the requirement, its comments
                    if not row.comments:
                        continue
                    start = text.find(bare(f"- **{md(row.requirement)}**"), cursor)
                    end = text.find("-**", start + 1)
                else:
                    start = text.find(bare(row.requirement), cursor)
                    end = text.find(bare(following.requirement), start + 1) if following else -1
                assert start >= 0, (fmt, row.requirement)
                end = len(text) if end < 0 else end
                for comment in row.comments:
                    found = text.find(bare(md(comment) if fmt == "markdown" else comment), start)
                    assert start < found < end, (fmt, row.requirement, comment)
                    checked += 1
                cursor = start
    for case in doc.cases:
        for row in case.rows:
            if row.comments:
                assert any(
                    cell.startswith(bare(row.requirement))
                    and all(bare(comment) in cell for comment in row.comments)
                    for cell in cells
                ), row.requirement
    assert checked > 6


def test_a_requirement_judged_then_dropped_keeps_its_verdicts_marked_as_dropped(formats):
    doc = formats["doc"]
    [dropped] = [c.before for c in doc.changes if c.change == "Geschrapt"]
    rows = [row for case in doc.cases for row in case.rows if row.requirement == dropped]
    assert len(rows) == len(doc.cases) and all(r.helpt + r.knelt + r.ontbreekt for r in rows)
    assert {row.note for row in rows} == {"Later geschrapt: hoort niet meer bij het kader."}
    assert dropped not in [r.text for r in doc.framework_requirements]
    for fmt in ("pdf", "docx", "markdown"):
        assert formats[fmt].count(bare("Later geschrapt")) == len(doc.cases), fmt
