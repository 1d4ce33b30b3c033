"""The outcome document as plain data: built once from a traject, read by every renderer.

Everything a renderer shows is decided here — what is concept or final, which names may be
printed (only with consent), that anonymous notes are never attributed — so the five formats
cannot drift apart. Texts from participants stay plain strings; each renderer escapes them for
its own format.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, fields, is_dataclass
from datetime import date
from typing import get_args, get_origin, get_type_hints

from django.db.models import Count
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from game.core.anonymity import rule_text as grouping_rule
from game.core.anonymity import with_labels
from game.core.errors import GameError
from game.core.models import Layer, Traject
from game.core.support import mark as support_mark
from game.core.support import moscow_labels
from game.core.support import rule_text as support_rule_text
from game.document.models import FrozenDocument
from game.followup import selectors as followup_selectors
from game.framework import selectors as framework_selectors
from game.framework.models import RULE_FIELDS, FrameworkVersion
from game.notes import selectors as notes_selectors
from game.practice import selectors as practice_selectors
from game.requirements import selectors as requirements_selectors
from game.roleplay import selectors as roleplay_selectors

SCHEMA_VERSION = 4


@dataclass(frozen=True)
class LayerCount:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Counted:
    """A text that several participants wrote alike, printed once with how often."""

    text: str
    count: int

    def line(self) -> str:
        """The text with how often it was written, e.g. "Eén loket (3×)"."""
        return self.text + (f" ({self.count}×)" if self.count > 1 else "")


@dataclass(frozen=True)
class ClusterItem:
    name: str
    dots: int
    notes: list[Counted]


@dataclass(frozen=True)
class WishPackage:
    role: str
    wishes: list[Counted]


def counted(texts: list[str]) -> list[Counted]:
    return [Counted(text, n) for text, n in Counter(texts).items()]


@dataclass(frozen=True)
class GridCell:
    column: str
    label: str
    votes: int  # MoSCoW votes, or dots, of this column on this requirement
    support: float | None  # (agree + 1) / (votes + 2), 0..1; None when the column did not vote
    text: str  # the cell as printed, e.g. "3 · 1 · 0 · 1 — 71%", or "–"
    mark: str  # "▲", "▼", "✖" or ""


@dataclass(frozen=True)
class RequirementItem:
    rank: int | None
    text: str
    priority: str  # localised MoSCoW label, or "" for dots
    totals: str  # localised summary of the votes
    counts: dict[str, int]  # must/should/could/wont, or with dots {"dots": n}: for the chart
    roles: list[str]
    grid: list[GridCell]
    draagvlak: str  # e.g. "74%", or "–" without votes
    flagged: bool
    marks: list[str]  # per marked column, e.g. "Uitvoering: veto: mostly Niet nu"
    discussion_note: str


@dataclass(frozen=True)
class JudgementRow:
    requirement: str
    helpt: int
    knelt: int
    ontbreekt: int
    dominant: str  # localised verdict most people gave, "" on a tie or without judgements
    comments: list[str]  # anonymous, each prefixed with its verdict
    note: str  # why a requirement judged here is no longer in the framework, or ""


@dataclass(frozen=True)
class CaseTest:
    title: str
    question: str
    rows: list[JudgementRow]
    conclusion: str
    note: str  # which requirements the grid leaves out, or ""


@dataclass(frozen=True)
class FrameworkRequirement:
    text: str
    priority: str
    note: str  # where it came from and how it was rephrased (`provenance`)


def rule_labels() -> dict[str, str]:
    """The parts of a decision rule, in the order a rule reads, as every renderer labels them."""
    return {
        "who_decides": _("Who decides"),
        "what": _("What"),
        "budget_or_mandate": _("Budget or mandate"),
        "accountability": _("Accountability"),
        "escalation": _("When to escalate"),
    }


@dataclass(frozen=True)
class Rule:
    who_decides: str
    what: str
    budget_or_mandate: str
    accountability: str
    escalation: str
    reactions: str  # e.g. "5 agree · 1 concern", from Stap 3, or "" without reactions
    comments: list[str]  # what was said with a reaction, anonymous, prefixed with its stance

    def lines(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, name)) for name, label in rule_labels().items()]


@dataclass(frozen=True)
class ReviewItem:
    kind: str
    text: str
    lines: list[list[str]]  # a decision rule's (label, text) parts, so it reads as rows
    ja: int
    deels: int
    nee: int
    how_it_went: list[Counted]
    improve: list[Counted]


@dataclass(frozen=True)
class ChangeItem:
    change: str  # localised: kept, rephrased, dropped, added
    kind: str
    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Section:
    """A numbered chapter; `empty` explains in the reader's language why it has no content yet."""

    number: int
    key: str  # names the renderers' part for it, e.g. templates/document/sections/<key>.html
    title: str
    empty: str = ""


@dataclass
class Document:
    schema_version: int
    title: str
    traject_title: str  # the traject's own name, e.g. "Maatwerk in het sociaal domein"
    gemeente: str
    date: str
    language: str
    status: str  # "concept" until the kader is frozen, then "final"
    status_label: str
    generated_at: str
    generated_on: str  # the same moment, written out for readers
    sections: list[Section]
    participants_total: int
    participants_by_layer: list[LayerCount]
    named_participants: list[str]
    approach: str
    picture_intro: str  # who wrote the shared picture, from what
    packages_intro: str  # which case was played, and how
    programme_intro: str  # how the programme was adopted and voted on
    grid_legend: str  # how to read the vertical-support table
    framework_intro: str  # which version, recorded when
    review_intro: str  # what the follow-up meeting asked
    picture: dict[str, str] | None
    picture_version: int
    picture_headings: dict[str, str]
    clusters: list[ClusterItem]
    case_title: str
    packages: list[WishPackage]
    programme_version: int
    vote_method: str
    requirements: list[RequirementItem]
    framework_version: int
    grid_columns: list[LayerCount]  # count: the column's voters
    support_rule: str
    cases: list[CaseTest]
    framework_date: str
    framework_requirements: list[FrameworkRequirement]
    rules: list[Rule]
    reviewed_version: int
    reviews: list[ReviewItem]
    changes: list[ChangeItem]

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Document:
        """The document `as_dict` wrote, as the renderers read it (the frozen record)."""
        return _revive(cls, data)


def _revive(kind, value):
    """`value` (plain JSON) as `kind`: a dataclass of this module, a list of one, or as is. A
    field the record predates (the model grew since it was frozen) reads as empty."""
    if is_dataclass(kind):
        hints = get_type_hints(kind)
        return kind(
            **{
                f.name: _revive(hints[f.name], value[f.name])
                if f.name in value
                else _empty(hints[f.name])
                for f in fields(kind)
            }
        )
    if get_origin(kind) is list:
        (item,) = get_args(kind)
        return [_revive(item, element) for element in value]
    return value


def _empty(kind):
    origin = get_origin(kind) or kind
    if type(None) in get_args(kind):
        return None
    return {str: "", int: 0, bool: False, list: [], dict: {}}.get(origin)


def layer_labels(lang: str) -> dict[str, str]:
    return {layer.key: layer.text("label", lang) for layer in Layer.objects.all()}


def percent(value: float | None) -> str:
    return "–" if value is None else f"{round(value * 100)}%"


def requirement_items(
    items: list[dict], columns: list[dict], method: str, labels: dict[str, str]
) -> list[RequirementItem]:
    """The rows of the programme's tables from requirement results (live, or as adopted), in
    the grid's `columns` (labelled, see game.core.anonymity.with_labels)."""
    moscow = moscow_labels()
    column_labels = {c["key"]: c["label"] for c in columns}
    result = []
    for item in items:
        if method == "moscow":
            totals = moscow_summary(item["totals"]["counts"])
        else:
            totals = _("%(dots)s dots from %(layers)s layers") % item["totals"]
        grid = [grid_cell(cell, column_labels[cell["column"]]) for cell in item["grid"]]
        result.append(
            RequirementItem(
                rank=item["rank"],
                text=item["text"],
                priority=moscow.get(item.get("priority") or "", ""),
                totals=totals,
                counts=dict(item["totals"]["counts"])
                if method == "moscow"
                else {"dots": item["totals"]["dots"]},
                roles=[labels[key] for key in item["roles"]],
                grid=grid,
                draagvlak=percent(item["draagvlak"]),
                flagged=item["flagged"],
                marks=[
                    f"{column_labels[cell['column']]}: {support_mark(cell)[1]}"
                    for cell in item["grid"]
                    if support_mark(cell)[1]
                ],
                discussion_note=item.get("discussion_note", ""),
            )
        )
    return result


def moscow_summary(counts: dict[str, int]) -> str:
    labels = moscow_labels()
    return " · ".join(f"{counts[choice]} {labels[choice]}" for choice in labels)


def grid_cell(cell: dict, label: str) -> GridCell:
    votes = cell.get("votes", cell.get("dots", 0))
    symbol = support_mark(cell)[0]
    if cell["support"] is None:
        text = "–"
    else:
        figures = (
            " · ".join(str(n) for n in cell["counts"].values()) if "counts" in cell else str(votes)
        )
        share = percent(cell["support"]) if cell["enough"] else _("too few votes")
        text = f"{figures} — {share}{' ' + symbol if symbol else ''}"
    return GridCell(cell["column"], label, votes, cell["support"], text, symbol)


def verdict_labels() -> dict[str, str]:
    return {"helpt": _("helps"), "knelt": _("gets in the way"), "ontbreekt": _("something missing")}


def case_tests(traject: Traject) -> list[CaseTest]:
    """Per picked case: the judgement grid and the facilitator's conclusion. A requirement
    dropped since it was judged keeps its row, marked, so no verdict leaves the record; one
    nobody judged for the case (added later, on day 2) has no row of zeros."""
    labels = verdict_labels()
    dropped = _("Dropped since: no longer part of the framework.")
    tests = []
    for case in practice_selectors.picked_cases(traject):
        grid = practice_selectors.judgement_grid(case, with_dropped=True)
        rows = [
            JudgementRow(
                requirement=row["text"],
                helpt=row["counts"]["helpt"],
                knelt=row["counts"]["knelt"],
                ontbreekt=row["counts"]["ontbreekt"],
                dominant=labels.get(row["dominant"] or "", ""),
                comments=[f"{labels[c['verdict']]}: {c['text']}" for c in row["comments"]],
                note=dropped if row.get("dropped") else "",
            )
            for row in grid
            if row["total"]
        ]
        if not rows:
            note = _("Nobody has judged the requirements against this case yet.")
        elif len(rows) < len(grid):
            note = _("Requirements nobody judged for this case are left out.")
        else:
            note = ""
        conclusion = getattr(case, "conclusion", None)
        tests.append(
            CaseTest(
                title=case.title,
                question=case.question,
                rows=rows,
                conclusion=conclusion.text if conclusion else "",
                note=note,
            )
        )
    return tests


def provenance(item: dict, labels: dict[str, str], decision: dict | None = None) -> str:
    """Where a requirement of a kader version came from, in words: merged from the wishes of
    roles in Stap 2, added by the facilitator in Stap 2, added while testing against practice
    in Stap 3 or at the follow-up meeting (with why); then every rephrasing since (old wording
    and why) and, when the follow-up meeting kept it as it was, that decision (`decision`, the
    version's recorded change of this item)."""
    reason = item.get("reason") or "—"
    origin = item.get("origin")
    if origin == "day2":
        parts = [_("Added at the follow-up meeting: %(reason)s") % {"reason": reason}]
    elif origin == "added":
        parts = [_("Added while testing against practice: %(reason)s") % {"reason": reason}]
    elif item.get("roles"):
        roles = ", ".join(labels.get(key, key) for key in item["roles"])
        parts = [_("Merged from the wishes of: %(roles)s") % {"roles": roles}]
    else:
        parts = [_("Added by the facilitator in step 2")]
    for change in item.get("history", []):
        parts.append(
            _("Rephrased (before: “%(before)s”): %(reason)s")
            % {"before": change.get("before", ""), "reason": change.get("reason") or "—"}
        )
    if decision and decision.get("action") == "keep":
        parts.append(
            _("Kept at the follow-up meeting: %(reason)s") % {"reason": decision["reason"]}
            if decision.get("reason")
            else _("Kept at the follow-up meeting")
        )
    return sentences(parts)


def sentences(texts) -> str:
    """Texts people wrote, one after the other: each ends with its own full stop (none doubled),
    so "Duidelijker." and "Korter" never read "Duidelijker.; Korter"."""
    cleaned = [text.strip().rstrip(".;,").strip() for text in texts]
    return " ".join(f"{text}." for text in cleaned if text)


def framework_parts(
    traject: Traject, version, labels: dict[str, str]
) -> tuple[list[FrameworkRequirement], list[Rule]]:
    """The requirements of `version` with their provenance, and its decision rules with the
    room's reactions to them in Stap 3 (counts and what was said, anonymous)."""
    priorities = moscow_labels()
    decisions = {change["key"]: change for change in version.content.get("changes", [])}
    requirements = [
        FrameworkRequirement(
            item["text"],
            priorities.get(item.get("priority") or "", "–"),
            provenance(item, labels, decisions.get(item["key"])),
        )
        for item in version.content.get("requirements", [])
    ]
    reactions = {
        summary["id"]: summary
        for summary in framework_selectors.rule_summaries(traject, include_dropped=True)
    }
    stances = {"agree": _("Agree"), "concern": _("Concern")}
    rules = []
    for rule in version.content.get("rules", []):
        found = reactions.get(rule.get("id"), {"agree": 0, "concern": 0, "comments": []})
        counted_reactions = (
            _("%(agree)s agree · %(concern)s with a concern, in step 3")
            % {"agree": found["agree"], "concern": found["concern"]}
            if found["agree"] or found["concern"]
            else ""
        )
        rules.append(
            Rule(
                **{name: rule.get(name, "") for name in RULE_FIELDS},
                reactions=counted_reactions,
                comments=[f"{stances[c['stance']]}: {c['text']}" for c in found["comments"]],
            )
        )
    return requirements, rules


def review_parts(traject: Traject, framework) -> tuple[int, list[ReviewItem], list[ChangeItem]]:
    """The follow-up meeting as seen from `framework`: reviews of the version before it (or of
    itself, while it is the latest and is being reviewed) and every decision that made it out
    of the version before — kept, rephrased, dropped and added, each with its reason."""
    if framework is None:
        return 0, [], []
    previous = traject.framework_versions.filter(number=framework.number - 1).first()
    reviewed = previous or framework
    kinds = {"requirement": _("Requirement"), "rule": _("Decision rule")}
    rules = {rule["key"]: rule for rule in reviewed.content.get("rules", [])}
    reviews = [
        ReviewItem(
            kind=kinds[item["kind"]],
            text=rule_name(rules[item["key"]]) if item["kind"] == "rule" else item["text"],
            lines=[
                [label, rules[item["key"]].get(name, "")] for name, label in rule_labels().items()
            ]
            if item["kind"] == "rule"
            else [],
            ja=item["counts"]["ja"],
            deels=item["counts"]["deels"],
            nee=item["counts"]["nee"],
            how_it_went=counted(item["how_it_went"]),
            improve=counted(item["improve"]),
        )
        for item in followup_selectors.review_summary(reviewed)
    ]
    if not any(r.ja + r.deels + r.nee for r in reviews):
        reviews = []
    names = {
        "keep": _("Kept"),
        "rephrase": _("Rephrased"),
        "drop": _("Dropped"),
        "add": _("Added"),
    }
    changes = [
        ChangeItem(
            change=names[change["action"]],
            kind=kinds[change["kind"]],
            reason=change.get("reason") or "",
            **(
                rule_change(change, previous.content, framework.content)
                if change["kind"] == "rule"
                else {"before": change.get("before") or "", "after": change.get("after") or ""}
            ),
        )
        for change in (framework.content.get("changes", []) if previous is not None else [])
    ]
    return reviewed.number if reviews or changes else 0, reviews, changes


def reading_guidance(
    *,
    case_title: str,
    picture_version: int,
    programme_version: int,
    method: str,
    framework,
    reviewed_version: int,
) -> dict[str, str]:
    """The sentences that tell a reader how each chapter came about and how to read its tables,
    in the current language; "" where the chapter has nothing to introduce."""
    if method == "moscow":
        voted = _("Everyone voted as themselves, in their own layer, with MoSCoW: %(labels)s.")
        legend = _("Each cell: the votes %(labels)s, and the support of that column.")
    else:
        voted = _("Everyone voted as themselves, in their own layer, by spreading dots.")
        legend = _(
            "Each cell: the column's dots on the requirement, and the support of that column."
        )
    labels = " · ".join(moscow_labels().values())
    adopted = (
        _("Adopted as version %(n)s.") % {"n": programme_version}
        if programme_version
        else _("Not adopted yet: the candidates as they stand.")
    )
    return {
        "picture_intro": _("Written by the facilitator from the clusters (version %(n)s).")
        % {"n": picture_version}
        if picture_version
        else "",
        "packages_intro": _(
            "Case played: %(case)s. Each participant wrote from a role that was not their own "
            "layer."
        )
        % {"case": case_title}
        if case_title
        else "",
        "programme_intro": f"{adopted} {voted % {'labels': labels}}",
        "grid_legend": f"{legend % {'labels': labels}} "
        + _("A dash means nobody in that column voted."),
        "framework_intro": _("Version %(n)s, recorded on %(date)s.")
        % {
            "n": framework.number,
            "date": date_format(timezone.localtime(framework.frozen_at), "j F Y"),
        }
        if framework
        else "",
        "review_intro": _(
            "At the follow-up meeting the participants looked back on version %(n)s: was each "
            "part applied, how did it go, and what must improve?"
        )
        % {"n": reviewed_version}
        if reviewed_version
        else "",
    }


def rule_name(rule: dict) -> str:
    """A decision rule named short, as a reader finds it among the rules: who decides what."""
    return f"{rule.get('who_decides', '')}: {rule.get('what', '')}"


def rule_change(change: dict, before: dict, after: dict) -> dict[str, str]:
    """Before and after of a rule's change, readable: a rephrasing shows only the parts that
    changed ("Budget or mandate: up to € 2,500" → "… € 3,000"); keeping, dropping or adding
    a rule names it."""
    old = next((r for r in before.get("rules", []) if r["key"] == change["key"]), None)
    new = next((r for r in after.get("rules", []) if r["key"] == change["key"]), None)
    if change["action"] == "rephrase" and old and new:
        parts = [(label, name) for name, label in rule_labels().items() if old[name] != new[name]]
        return {
            "before": "; ".join(f"{label}: {old[name]}" for label, name in parts),
            "after": "; ".join(f"{label}: {new[name]}" for label, name in parts),
        }
    return {
        "before": rule_name(old) if old else "",
        "after": rule_name(new) if new and change["action"] != "drop" else "",
    }


def freeze_document(version: FrameworkVersion) -> FrozenDocument:
    """Keep the document of `version` as it is at this moment (called in the transaction that
    froze the version), so every later download of `?kader=N` reads exactly this."""
    document = build_document(version.traject, framework_number=version.number, live=True)
    return FrozenDocument.objects.create(version=version, content=document.as_dict())


def build_document(
    traject: Traject, *, framework_number: int | None = None, live: bool = False
) -> Document:
    """The document of a traject, in the traject's language: with the kader op maat of
    `framework_number` (v1, v2 …) as it was frozen, or the document as it stands now (with the
    latest version) when None. `live` builds version N from today's data instead of reading
    its record; only freezing does that. Versions frozen before records were kept have none
    and are built from today's data."""
    if framework_number and not live:
        record = FrozenDocument.objects.filter(
            version__traject=traject, version__number=framework_number
        ).first()
        if record is not None:
            return Document.from_dict(record.content)
    lang = traject.language
    now = timezone.localtime()
    with translation.override(lang):
        labels = layer_labels(lang)
        people = list(traject.participants.select_related("layer").order_by("layer__order", "name"))
        counts = dict(
            traject.participants.values_list("layer__key")
            .annotate(n=Count("pk"))
            .values_list("layer__key", "n")
        )
        joinable = list(Layer.objects.filter(joinable=True).order_by("order"))
        by_layer = [LayerCount(x.key, labels[x.key], counts.get(x.key, 0)) for x in joinable]

        picture = traject.shared_pictures.first()
        by_pk = {c.pk: c for c in traject.clusters.prefetch_related("notes")}
        clusters = []
        for ranked in notes_selectors.cluster_results(traject):
            cluster = by_pk[int(ranked.key)]
            notes = [note.text for note in cluster.notes.all()]
            clusters.append(ClusterItem(name=cluster.name, dots=ranked.total, notes=counted(notes)))

        adopted = traject.programme_versions.order_by("-number").first()
        if adopted is not None:
            items, found_columns = adopted.content["requirements"], adopted.content["columns"]
            method = adopted.content["vote_method"]
        else:
            found = requirements_selectors.requirement_results(traject)
            items = [r for r in found["items"] if r["status"] != "dropped"]
            found_columns, method = found["columns"], traject.vote_method
        grid_columns = with_labels(
            found_columns, labels={x.key: labels[x.key] for x in joinable}, lang=lang
        )

        frameworks = traject.framework_versions.order_by("-number")
        framework = (
            frameworks.filter(number=framework_number).first()
            if framework_number
            else frameworks.first()
        )
        if framework_number and framework is None:
            raise GameError("not_frozen")
        final = framework is not None  # a concept until the kader op maat is frozen
        cases = case_tests(traject)
        framework_requirements, rules = (
            framework_parts(traject, framework, labels) if framework else ([], [])
        )
        reviewed_version, reviews, changes = review_parts(traject, framework)
        case_title = traject.case.text("title", lang) if traject.case_id else ""
        guidance = reading_guidance(
            case_title=case_title,
            picture_version=picture.version if picture else 0,
            programme_version=adopted.number if adopted else 0,
            method=method,
            framework=framework,
            reviewed_version=reviewed_version if reviews else 0,
        )
        no_picture = not (picture or clusters)
        sections = [
            Section(1, "participants", _("Participants and approach")),
            Section(
                2,
                "picture",
                _("Shared picture of maatwerk"),
                _("Step 1 has not produced a shared picture yet.") if no_picture else "",
            ),
            Section(
                3,
                "packages",
                _("Wish packages per role"),
                "" if traject.wishes.exists() else _("No wishes have been written yet."),
            ),
            Section(
                4,
                "programme",
                _("Shared programme of requirements"),
                "" if items else _("No requirements have been adopted yet."),
            ),
            Section(
                5,
                "practice",
                _("Testing against practice"),
                "" if cases else _("No cases have been picked for testing yet."),
            ),
            Section(
                6,
                "framework",
                _("Tailored framework"),
                "" if framework else _("The tailored framework has not been frozen yet."),
            ),
            Section(
                7,
                "review",
                _("Looking back"),
                "" if reviews or changes else _("The follow-up meeting has not taken place yet."),
            ),
        ]
        return Document(
            schema_version=SCHEMA_VERSION,
            title=_("Programme of requirements for maatwerk — %(gemeente)s, %(date)s")
            % {"gemeente": traject.gemeente, "date": date_format(traject.date, "j F Y")},
            traject_title=traject.title,
            gemeente=traject.gemeente,
            date=traject.date.isoformat() if isinstance(traject.date, date) else str(traject.date),
            language=lang,
            status="final" if final else "concept",
            status_label=_("Final") if final else _("Concept"),
            generated_at=now.isoformat(timespec="minutes"),
            generated_on=date_format(now, "j F Y, H:i"),
            sections=sections,
            participants_total=len(people),
            participants_by_layer=by_layer,
            named_participants=[
                f"{p.name} ({labels[p.layer.key]})" for p in people if p.name_consent
            ],
            approach=_(
                "In the Verticaal maatwerk leren workshop every layer of the municipality, from "
                "the council to the neighbourhood team, worked on maatwerk together. Step 1 "
                "built a shared picture of what maatwerk is. In step 2 participants played a "
                "citizen's case from another layer's shoes, wrote wishes from that role and "
                "prioritised the resulting requirements as themselves, in their own layer. "
                "Step 3 tested the requirements against the participants' own cases and "
                "produced a tailored framework with decision rules, which the follow-up "
                "meeting reviewed."
            ),
            **guidance,
            picture=notes_selectors.picture_texts(picture) if picture else None,
            picture_version=picture.version if picture else 0,
            picture_headings={
                "what_it_is": _("What maatwerk is"),
                "what_it_is_not": _("What it is not"),
                "shadow_sides": _("Shadow sides"),
                "obstacles": _("What holds us back"),
            },
            clusters=clusters,
            case_title=case_title,
            packages=[
                WishPackage(role.text("label", lang), counted([w.text for w in wishes]))
                for role, wishes in roleplay_selectors.wish_packages(traject)
            ],
            programme_version=adopted.number if adopted else 0,
            vote_method=method,
            requirements=requirement_items(items, grid_columns, method, labels),
            framework_version=framework.number if framework else 0,
            grid_columns=[LayerCount(c["key"], c["label"], c["voters"]) for c in grid_columns],
            support_rule=f"{support_rule_text()} {grouping_rule(traject.min_group_size)}",
            cases=cases,
            framework_date=date_format(timezone.localtime(framework.frozen_at), "j F Y")
            if framework
            else "",
            framework_requirements=framework_requirements,
            rules=rules,
            reviewed_version=reviewed_version,
            reviews=reviews,
            changes=changes,
        )
