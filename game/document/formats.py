"""The document's formats in one table: renderer, media type, file extension."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from game.document.html import render_html, render_pdf
from game.document.jsonfmt import render_json
from game.document.markdown import render_markdown
from game.document.model import Document
from game.document.word import render_docx


@dataclass(frozen=True)
class Format:
    render: Callable[[Document], str | bytes]
    media_type: str
    label: str


FORMATS = {
    "pdf": Format(render_pdf, "application/pdf", "PDF"),
    "docx": Format(
        render_docx,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word (DOCX)",
    ),
    "md": Format(render_markdown, "text/markdown; charset=utf-8", "Markdown"),
    "json": Format(render_json, "application/json; charset=utf-8", "JSON"),
    "html": Format(render_html, "text/html; charset=utf-8", "HTML"),
}
