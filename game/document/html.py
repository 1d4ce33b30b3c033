"""HTML and PDF from one template: the preview page is the PDF's source, so they cannot differ."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from game.core.support import moscow_labels
from game.document.chart import support_overview
from game.document.model import Document

CSS = Path(settings.BASE_DIR) / "static" / "css" / "document.css"

# The document's language with its region, as BCP 47 tags: the PDF's /Lang comes from
# <html lang>, and a screen reader picks its voice (Netherlands Dutch, British English) from it.
# Every language in settings.LANGUAGES needs one, so a new language fails loudly here.
LANGUAGE_TAGS = {"nl": "nl-NL", "en": "en-GB"}


def render_html(doc: Document, *, preview_bar: str = "") -> str:
    with translation.override(doc.language):
        overview = mark_safe(  # noqa: S308 - every text is escaped inside support_overview
            support_overview(
                doc.requirements,
                labels=moscow_labels(),
                title=_("Vertical support per requirement"),
            )
        )
        return render_to_string(
            "document/document.html",
            {
                "doc": doc,
                "lang": LANGUAGE_TAGS[doc.language],
                "overview": overview if doc.requirements else "",
                "css": mark_safe(CSS.read_text(encoding="utf-8")),  # noqa: S308 - our own file
                "preview_bar": preview_bar,
            },
        )


def render_pdf(doc: Document) -> bytes:
    """A tagged PDF/UA-1 file, because Dutch public bodies may only publish accessible documents.

    The variant turns on WeasyPrint's structure tree (headings, lists, tables with their header
    cells, figures with the SVG's <title> as /Alt), /MarkInfo, /Lang from <html lang>, XMP
    metadata with the title and DisplayDocTitle. PDF/UA-1 rather than -2: it stays on PDF 1.7,
    which more readers and accessibility checkers support than PDF 2.0.
    """
    from weasyprint import HTML  # imported here: loading pango costs time the other formats skip

    return HTML(string=render_html(doc), base_url=str(settings.BASE_DIR)).write_pdf(
        pdf_variant="pdf/ua-1"
    )
