"""DOCX for municipalities that edit in Word: real heading styles (the navigation pane works), a
table of contents field Word fills in on opening, real tables, a running header and page
numbers. python-docx writes participant text as text runs, so it cannot become markup."""

from __future__ import annotations

from io import BytesIO

from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document as WordDocument
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from game.document.model import Counted, Document

BRAND = RGBColor(0x0B, 0x4F, 0x6C)


def field(paragraph, instruction: str, placeholder: str = "") -> None:
    """A Word field (TOC, PAGE, NUMPAGES) that Word computes itself."""
    run = paragraph.add_run()
    begin, text, separate, shown, end = (
        OxmlElement("w:fldChar"),
        OxmlElement("w:instrText"),
        OxmlElement("w:fldChar"),
        OxmlElement("w:t"),
        OxmlElement("w:fldChar"),
    )
    begin.set(qn("w:fldCharType"), "begin")
    text.set(qn("xml:space"), "preserve")
    text.text = instruction
    separate.set(qn("w:fldCharType"), "separate")
    shown.text = placeholder
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, text, separate, shown, end):
        run._r.append(element)


def update_fields_on_open(document) -> None:
    setting = OxmlElement("w:updateFields")
    setting.set(qn("w:val"), "true")
    document.settings.element.append(setting)


def add_table(
    document,
    header: list[str],
    rows: list[list[str]],
    *,
    caption: str = "",
    widths: list[float] | None = None,
    size: float = 9.5,
) -> None:
    """A real Word table; `widths` in cm (Word ignores widths on the table alone, so every cell
    gets its own), `size` the font size in points."""
    if caption:
        document.add_paragraph(caption, style="Caption")
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = widths is None
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    # Repeat the header row on every page the table runs over.
    header_props = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    header_props.append(repeat)
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text
    if widths:  # Word reads the cells' widths, LibreOffice the grid's: set both
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Cm(width)
    for row in table.rows:
        for index, cell in enumerate(row.cells):
            if widths:
                cell.width = Cm(widths[index])
            for paragraph in cell.paragraphs:
                for run in paragraph.runs:
                    run.font.size = Pt(size)
    document.add_paragraph()


def bullet(document, item: Counted) -> None:
    text = item.text + (f" ({item.count}×)" if item.count > 1 else "")
    document.add_paragraph(text, style="List Bullet")


def render_docx(doc: Document) -> bytes:
    with translation.override(doc.language):
        document = WordDocument()
        styles = document.styles
        styles["Normal"].font.name = "Calibri"
        styles["Normal"].font.size = Pt(10.5)
        for name in ("Title", "Heading 1", "Heading 2"):
            styles[name].font.color.rgb = BRAND

        document.add_paragraph(_("Verticaal maatwerk leren").upper())
        document.add_paragraph(doc.title, style="Title")
        document.add_paragraph(doc.gemeente)
        status = document.add_paragraph()
        status.add_run(doc.status_label).bold = True
        if doc.framework_version:
            status.add_run(
                " · " + _("Tailored framework, version %(n)s") % {"n": doc.framework_version}
            )
        document.add_paragraph(_("Generated %(at)s") % {"at": doc.generated_on})

        document.add_page_break()
        document.add_paragraph(
            _("Contents"),
            style="TOC Heading" if "TOC Heading" in [s.name for s in styles] else "Heading 1",
        )
        field(
            document.add_paragraph(),
            'TOC \\o "1-2" \\h \\z \\u',
            _("Right-click to update the table of contents."),
        )
        update_fields_on_open(document)

        body = document.add_section(WD_SECTION.NEW_PAGE)
        body.header.is_linked_to_previous = False
        body.footer.is_linked_to_previous = False
        body.header.paragraphs[0].text = doc.title
        footer = body.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        field(footer, "PAGE", "1")
        footer.add_run(" / ")
        field(footer, "NUMPAGES", "1")

        for number, section in enumerate(doc.sections):
            if number:
                document.add_page_break()
            document.add_heading(f"{section.number}. {section.title}", level=1)
            if section.empty:
                document.add_paragraph(section.empty).runs[0].italic = True
                continue
            PARTS[section.key](document, doc)

        buffer = BytesIO()
        document.save(buffer)
        return buffer.getvalue()


def participants(document, doc: Document) -> None:
    document.add_paragraph(doc.approach)
    add_table(
        document,
        [_("Layer"), _("Participants")],
        [[layer.label, str(layer.count)] for layer in doc.participants_by_layer],
        caption=_("Participants per layer (%(n)s in total)") % {"n": doc.participants_total},
    )
    if doc.named_participants:
        document.add_paragraph(
            _("Participants who agreed to be named:") + " " + ", ".join(doc.named_participants)
        )


def picture(document, doc: Document) -> None:
    if doc.picture:
        for key, heading in doc.picture_headings.items():
            document.add_heading(heading, level=2)
            document.add_paragraph(doc.picture.get(key) or "—")
    if doc.clusters:
        document.add_heading(_("Clusters of notes, by dots"), level=2)
        for cluster in doc.clusters:
            document.add_paragraph(
                f"{cluster.name} — {_('%(n)s dots') % {'n': cluster.dots}}"
            ).runs[0].bold = True
            for note in cluster.notes:
                bullet(document, note)


def packages(document, doc: Document) -> None:
    if doc.case_title:
        document.add_paragraph(_("Case played: %(case)s.") % {"case": doc.case_title})
    for package in doc.packages:
        document.add_heading(package.role, level=2)
        for wish in package.wishes:
            bullet(document, wish)


def programme(document, doc: Document) -> None:
    add_table(
        document,
        ["#", _("Requirement"), _("Priority"), _("Votes"), _("Asked for by")],
        [
            [
                str(item.rank or "–"),
                item.text + (f" ⚑ {_('layers disagree')}" if item.flagged else ""),
                item.priority or "–",
                item.totals,
                ", ".join(item.roles) or "–",
            ]
            for item in doc.requirements
        ],
        caption=_("Requirements by priority"),
        widths=[0.8, 7.2, 2.2, 3.0, 3.8],
    )
    document.add_heading(_("Vertical support"), level=2)
    add_table(
        document,
        ["#", _("Support")] + [column.label for column in doc.grid_columns],
        [
            [str(item.rank or "–"), item.draagvlak] + [cell.text for cell in item.grid]
            for item in doc.requirements
        ],
        caption=_("Requirements × layers"),
        widths=[0.8, 1.6] + [14.6 / len(doc.grid_columns)] * len(doc.grid_columns),
        size=7.5,
    )
    flagged = [item for item in doc.requirements if item.flagged]
    if flagged:
        document.add_heading(_("Where the layers disagree"), level=2)
        document.add_paragraph(doc.support_rule)
        for item in flagged:
            paragraph = document.add_paragraph(style="List Bullet")
            paragraph.add_run(item.text).bold = True
            paragraph.add_run(f" — {'; '.join(item.marks)}")
            if item.discussion_note:
                paragraph.add_run(f". {_('Discussion:')} {item.discussion_note}")


def practice(document, doc: Document) -> None:
    for case in doc.cases:
        document.add_heading(case.title, level=2)
        document.add_paragraph(_("Maatwerk question:") + " " + case.question)
        add_table(
            document,
            [
                _("Requirement"),
                _("helps"),
                _("gets in the way"),
                _("something missing"),
                _("Mostly"),
            ],
            [
                [
                    row.requirement,
                    str(row.helpt),
                    str(row.knelt),
                    str(row.ontbreekt),
                    row.dominant or "–",
                ]
                for row in case.rows
            ],
            caption=_("Does each requirement help in this case?"),
            widths=[8.0, 1.8, 2.4, 2.4, 2.4],
        )
        for row in case.rows:
            for comment in row.comments:
                document.add_paragraph(comment, style="List Bullet")
        if case.conclusion:
            paragraph = document.add_paragraph()
            paragraph.add_run(_("Conclusion:") + " ").bold = True
            paragraph.add_run(case.conclusion)


def framework(document, doc: Document) -> None:
    document.add_paragraph(
        _("Version %(n)s, recorded on %(date)s.")
        % {"n": doc.framework_version, "date": doc.framework_date}
    )
    document.add_heading(_("Requirements"), level=2)
    add_table(
        document,
        ["#", _("Requirement"), _("Priority")],
        [
            [str(n), item.text + (f" — {item.note}" if item.note else ""), item.priority]
            for n, item in enumerate(doc.framework_requirements, start=1)
        ],
        caption=_("The requirements of the tailored framework"),
        widths=[0.8, 12.6, 3.6],
    )
    document.add_heading(_("Decision rules"), level=2)
    for n, rule in enumerate(doc.rules, start=1):
        add_table(
            document,
            [_("Decision rule %(n)s") % {"n": n}, ""],
            [[label, text or "–"] for label, text in rule.lines()],
            widths=[4.5, 12.5],
        )


def review(document, doc: Document) -> None:
    if doc.reviews:
        add_table(
            document,
            [_("Part of the framework"), _("yes"), _("partly"), _("no")],
            [[r.text, str(r.ja), str(r.deels), str(r.nee)] for r in doc.reviews],
            caption=_("Applied in practice?"),
            widths=[11.0, 2.0, 2.0, 2.0],
        )
        improvements = [said for r in doc.reviews for said in r.improve]
        if improvements:
            document.add_heading(_("Open improvements"), level=2)
            for said in improvements:
                bullet(document, said)
    if doc.changes:
        document.add_heading(
            _("What changed from version %(a)s to %(b)s")
            % {"a": doc.reviewed_version, "b": doc.framework_version},
            level=2,
        )
        add_table(
            document,
            [_("Change"), _("Before"), _("After"), _("Why")],
            [
                [f"{c.change} ({c.kind})", c.before or "–", c.after or "–", c.reason or "–"]
                for c in doc.changes
            ],
            caption=_("Changes and why"),
            widths=[3.0, 5.0, 5.0, 4.0],
        )


PARTS = {
    "participants": participants,
    "picture": picture,
    "packages": packages,
    "programme": programme,
    "practice": practice,
    "framework": framework,
    "review": review,
}
