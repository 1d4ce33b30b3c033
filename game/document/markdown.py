"""Markdown of the document, for reuse in wikis and repositories. Participant text is escaped so
it stays text: no markup, links or HTML can come out of a note or a wish."""

from __future__ import annotations

import re

from django.utils import translation
from django.utils.translation import gettext as _

from game.document.model import Counted, Document

# Characters that make markup anywhere in a line, and the ones that do so at its start.
INLINE = re.compile(r"([\\`*_\[\]|~])")
LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])")


def md(text: str) -> str:
    """Escape what Markdown would read as markup and neutralise HTML, line by line."""
    lines = []
    for line in str(text).splitlines() or [""]:
        line = " ".join(line.split())
        line = line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        line = LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), INLINE.sub(r"\\\1", line))
        lines.append(line)
    return "  \n".join(lines)


def counted_line(item: Counted, indent: str = "") -> str:
    return f"{indent}- {md(item.line())}"


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines + [""]


def render_markdown(doc: Document) -> str:
    with translation.override(doc.language):
        out = [f"# {md(doc.title)}", "", f"**{md(doc.traject_title)}**", ""]
        generated = _("Generated %(at)s") % {"at": doc.generated_on}
        out += [f"*{doc.status_label}* · {md(doc.gemeente)} · {generated}", ""]
        for section in doc.sections:
            out += [f"## {section.number}. {section.title}", ""]
            if section.empty:
                out += [f"*{section.empty}*", ""]
                continue
            out += PARTS[section.key](doc)
        return "\n".join(out).rstrip() + "\n"


def participants(doc: Document) -> list[str]:
    out = [doc.approach, ""]
    out += table(
        [_("Layer"), _("Participants")],
        [[md(layer.label), str(layer.count)] for layer in doc.participants_by_layer],
    )
    if doc.named_participants:
        names = ", ".join(md(name) for name in doc.named_participants)
        out += [f"{_('Participants who agreed to be named:')} {names}", ""]
    return out


def picture(doc: Document) -> list[str]:
    out = []
    if doc.picture:
        out += [md(doc.picture_intro), ""]
        for key, heading in doc.picture_headings.items():
            out += [f"### {heading}", "", md(doc.picture.get(key) or "—"), ""]
    for cluster in doc.clusters:
        out += [f"### {md(cluster.name)} — {_('%(n)s dots') % {'n': cluster.dots}}", ""]
        out += [counted_line(note) for note in cluster.notes] + [""]
    return out


def packages(doc: Document) -> list[str]:
    out = [md(doc.packages_intro), ""] if doc.packages_intro else []
    for package in doc.packages:
        out += [f"### {md(package.role)}", ""]
        out += [counted_line(wish) for wish in package.wishes] + [""]
    return out


def programme(doc: Document) -> list[str]:
    out = [doc.programme_intro, ""]
    out += table(
        ["#", _("Requirement"), _("Priority"), _("Votes"), _("Asked for by")],
        [
            [
                str(item.rank or "–"),
                md(item.text) + (f" ⚑ {_('layers disagree')}" if item.flagged else ""),
                item.priority or "–",
                item.totals,
                ", ".join(md(role) for role in item.roles) or "–",
            ]
            for item in doc.requirements
        ],
    )
    out += [f"### {_('Vertical support')}", "", doc.grid_legend, ""]
    out += table(
        ["#", _("Support")] + [md(column.label) for column in doc.grid_columns],
        [
            [str(item.rank or "–"), item.draagvlak] + [cell.text for cell in item.grid]
            for item in doc.requirements
        ],
    )
    flagged = [item for item in doc.requirements if item.flagged]
    if flagged:
        out += [f"### {_('Where the layers disagree')}", "", doc.support_rule, ""]
        for item in flagged:
            out += [
                f"- **{md(item.text)}** — {md('; '.join(item.marks))}"
                + (
                    f". {_('Discussion:')} {md(item.discussion_note)}"
                    if item.discussion_note
                    else ""
                )
            ]
        out.append("")
    return out


def practice(doc: Document) -> list[str]:
    out = []
    for case in doc.cases:
        out += [f"### {md(case.title)}", "", f"*{_('Maatwerk question:')}* {md(case.question)}", ""]
        out += table(
            [
                _("Requirement"),
                _("helps"),
                _("gets in the way"),
                _("something missing"),
                _("Mostly"),
            ],
            [
                [
                    md(row.requirement),
                    str(row.helpt),
                    str(row.knelt),
                    str(row.ontbreekt),
                    row.dominant or "–",
                ]
                for row in case.rows
            ],
        )
        if case.note:
            out += [f"*{case.note}*", ""]
        for row in case.rows:
            if row.comments or row.note:
                out += [
                    f"- **{md(row.requirement)}**" + (f" — *{md(row.note)}*" if row.note else "")
                ]
                out += [f"  - {md(comment)}" for comment in row.comments]
        out.append("")
        if case.conclusion:
            out += [f"**{_('Conclusion:')}** {md(case.conclusion)}", ""]
    return out


def framework(doc: Document) -> list[str]:
    out = [
        doc.framework_intro,
        "",
        f"### {_('Requirements')}",
        "",
    ]
    out += table(
        ["#", _("Requirement"), _("Priority")],
        [
            [str(n), md(item.text) + (f" — {md(item.note)}" if item.note else ""), item.priority]
            for n, item in enumerate(doc.framework_requirements, start=1)
        ],
    )
    out += [f"### {_('Decision rules')}", ""]
    for n, rule in enumerate(doc.rules, start=1):
        out += [f"**{_('Decision rule %(n)s') % {'n': n}}**", ""]
        for label, value in rule.lines():
            out.append(f"- {label}: {md(value) or '–'}")
        if rule.reactions:
            out.append(f"- {_('Reactions')}: {md(rule.reactions)}")
            out += [f"  - {md(comment)}" for comment in rule.comments]
        out.append("")
    return out


def review(doc: Document) -> list[str]:
    out = []
    if doc.reviews:
        out += [doc.review_intro, ""]
        out += table(
            [_("Part of the framework"), _("yes"), _("partly"), _("no")],
            [[md(r.text), str(r.ja), str(r.deels), str(r.nee)] for r in doc.reviews],
        )
        for r in doc.reviews:
            if r.lines or r.how_it_went:
                out += [f"**{md(r.kind)}: {md(r.text)}**", ""]
                out += [f"- {label}: {md(text) or '–'}" for label, text in r.lines]
                if r.how_it_went:
                    out.append(f"- {_('How it went:')}")
                    out += [counted_line(said, "  ") for said in r.how_it_went]
                out.append("")
        improvements = [
            f"- {md(said.line())} — {md(r.text)}" for r in doc.reviews for said in r.improve
        ]
        if improvements:
            out += [f"### {_('Open improvements')}", "", *improvements, ""]
    if doc.changes:
        title = _("What changed from version %(a)s to %(b)s") % {
            "a": doc.reviewed_version,
            "b": doc.framework_version,
        }
        out += [f"### {title}", ""]
        out += table(
            [_("Change"), _("Before"), _("After"), _("Why")],
            [
                [
                    f"{c.change} ({c.kind})",
                    md(c.before) or "–",
                    md(c.after) or "–",
                    md(c.reason) or "–",
                ]
                for c in doc.changes
            ],
        )
    return out


PARTS = {
    "participants": participants,
    "picture": picture,
    "packages": packages,
    "programme": programme,
    "practice": practice,
    "framework": framework,
    "review": review,
}
