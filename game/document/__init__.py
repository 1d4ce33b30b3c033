"""The outcome document: one model built from a traject (model.py), rendered to HTML, PDF,
DOCX, Markdown and JSON by the modules beside it, so every format carries the same content."""
