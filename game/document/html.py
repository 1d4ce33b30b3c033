"""HTML and PDF from one template: the preview page is the PDF's source, so they cannot differ."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from game.document.chart import support_chart
from game.document.model import Document

CSS = Path(settings.BASE_DIR) / "static" / "css" / "document.css"


def render_html(doc: Document, *, preview_bar: str = "") -> str:
    with translation.override(doc.language):
        charts = [
            (
                item,
                mark_safe(  # noqa: S308 - every text is escaped inside support_chart
                    support_chart(item, title=_("Vertical support: %s") % item.text, key=str(n))
                ),
            )
            for n, item in enumerate(doc.requirements, start=1)
        ]
        return render_to_string(
            "document/document.html",
            {
                "doc": doc,
                "charts": charts,
                "css": mark_safe(CSS.read_text(encoding="utf-8")),  # noqa: S308 - our own file
                "preview_bar": preview_bar,
            },
        )


def render_pdf(doc: Document) -> bytes:
    from weasyprint import HTML  # imported here: loading pango costs time the other formats skip

    return HTML(string=render_html(doc), base_url=str(settings.BASE_DIR)).write_pdf()
