"""JSON of the document, validated against a published, versioned schema (schema.json), so other
tools can rely on its shape; `schema_version` changes whenever the shape does."""

from __future__ import annotations

import json
from pathlib import Path

from game.document.model import Document

SCHEMA_PATH = Path(__file__).resolve().parent / "schema.json"


def render_json(doc: Document) -> str:
    return json.dumps(doc.as_dict(), ensure_ascii=False, indent=2)


def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
