"""The vertical-support chart of one requirement as inline SVG: one bar per layer, its share
written next to it, and a hatched empty bar for a layer that did not vote. Readable in black
and white — the numbers and the hatching carry the meaning, not the colour."""

from __future__ import annotations

from django.utils.html import escape

from game.document.model import RequirementItem

ROW = 22
LABEL_WIDTH = 190
BAR_WIDTH = 260
VALUE_WIDTH = 80


def support_chart(item: RequirementItem, *, title: str, key: str) -> str:
    """`key` makes the SVG's pattern id unique on a page that holds many charts."""
    height = ROW * len(item.grid) + 8
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    rows = []
    for index, cell in enumerate(item.grid):
        y = 4 + index * ROW
        label = escape(cell.label)
        if cell.support is None:
            bar = (
                f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{BAR_WIDTH}" height="12" '
                f'fill="url(#no-votes-{key})" stroke="#8a949e" stroke-width="0.5"/>'
            )
        else:
            length = round(BAR_WIDTH * cell.support, 1)
            bar = (
                f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{BAR_WIDTH}" height="12" '
                f'fill="#eef1f4" stroke="#c9d0d7" stroke-width="0.5"/>'
                f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{length}" height="12" fill="#0b4f6c"/>'
            )
        rows.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 14}" text-anchor="end">{label}</text>{bar}'
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 14}">{escape(cell.text)}</text>'
        )
    return (
        f'<svg class="support-chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="11" fill="#16202a">'
        f"<title>{escape(title)}</title>"
        f'<defs><pattern id="no-votes-{key}" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#8a949e" stroke-width="1.5"/></pattern></defs>'
        + "".join(rows)
        + "</svg>"
    )
