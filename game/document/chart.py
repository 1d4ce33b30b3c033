"""One compact vertical-support overview as inline SVG: a row per requirement (its number in the
programme's tables) with how the room voted as one stacked bar and the draagvlak written next to
it. Readable in black and white: the parts differ by pattern and shade, the legend names them,
and every number is written out in the tables above and in the chart's <title> (the PDF's /Alt).
One chart for the whole programme, not one per requirement: the per-layer detail is the grid's.
"""

from __future__ import annotations

from django.utils.html import escape

from game.document.model import RequirementItem

ROW = 20
LABEL_WIDTH = 36
BAR_WIDTH = 420
VALUE_WIDTH = 150
LEGEND = 26

# Per MoSCoW choice: the fill, and a pattern for the ones a grey printer would not tell apart.
FILLS = {"must": "#0b4f6c", "should": "#5b8fa8", "could": "#dfe5ea", "wont": "url(#wont)"}


def support_overview(items: list[RequirementItem], *, labels: dict[str, str], title: str) -> str:
    """`labels`: the MoSCoW choices' names in the document's language (legend); `title`: the
    chart's accessible name, followed in its <title> by every row written out."""
    moscow = any(set(item.counts) >= set(FILLS) for item in items)
    most_dots = max((item.counts.get("dots", 0) for item in items), default=0) or 1
    rows, spoken = [], []
    for index, item in enumerate(items):
        y = LEGEND + index * ROW
        number = f"{item.rank}." if item.rank else "–"
        bar = _stacked(item.counts, y) if moscow else _dots(item.counts, y, most_dots)
        value = item.draagvlak if moscow else str(item.counts.get("dots", 0))
        rows.append(
            f'<text x="{LABEL_WIDTH - 6}" y="{y + 14}" text-anchor="end">{escape(number)}</text>'
            f"{bar}"
            f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{y + 14}">{escape(value)}</text>'
        )
        spoken.append(f"{number} {item.text}: {item.totals}, {value}")
    legend = _legend(labels) if moscow else ""
    height = LEGEND + ROW * len(items) + 6
    width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
    description = f"{title}. " + "; ".join(spoken)
    return (
        f'<svg class="support-chart" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'font-family="DejaVu Sans, sans-serif" font-size="11" fill="#16202a">'
        f"<title>{escape(description)}</title>"
        '<defs><pattern id="wont" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#c05621"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#fff" stroke-width="2"/></pattern></defs>'
        + legend
        + "".join(rows)
        + "</svg>"
    )


def _stacked(counts: dict[str, int], y: int) -> str:
    total = sum(counts.get(choice, 0) for choice in FILLS)
    parts = [
        f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{BAR_WIDTH}" height="13" fill="#fff" '
        'stroke="#8a949e" stroke-width="0.5"/>'
    ]
    x = float(LABEL_WIDTH)
    for choice, fill in FILLS.items():
        length = BAR_WIDTH * counts.get(choice, 0) / total if total else 0
        if length:
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 3}" width="{length:.1f}" height="13" fill="{fill}" '
                'stroke="#16202a" stroke-width="0.3"/>'
            )
            x += length
    return "".join(parts)


def _dots(counts: dict[str, int], y: int, most: int) -> str:
    length = BAR_WIDTH * counts.get("dots", 0) / most
    return (
        f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{BAR_WIDTH}" height="13" fill="#eef1f4" '
        'stroke="#c9d0d7" stroke-width="0.5"/>'
        f'<rect x="{LABEL_WIDTH}" y="{y + 3}" width="{length:.1f}" height="13" fill="#0b4f6c"/>'
    )


def _legend(labels: dict[str, str]) -> str:
    parts, x = [], LABEL_WIDTH
    for choice, fill in FILLS.items():
        parts.append(
            f'<rect x="{x}" y="6" width="12" height="12" fill="{fill}" stroke="#16202a" '
            f'stroke-width="0.3"/><text x="{x + 16}" y="16">{escape(labels[choice])}</text>'
        )
        x += 16 + 7 * len(labels[choice]) + 14
    return "".join(parts)
