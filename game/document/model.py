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
from game.core.support import rule_text as support_rule_text
from game.document.models import FrozenDocument
from game.followup import selectors as followup_selectors
from game.framework.models import RULE_FIELDS, FrameworkVersion
from game.notes import selectors as notes_selectors
from game.practice import selectors as practice_selectors
from game.requirements import selectors as requirements_selectors
from game.roleplay import selectors as roleplay_selectors

SCHEMA_VERSION = 3


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


@dataclass(frozen=True)
class CaseTest:
    title: str
    question: str
    rows: list[JudgementRow]
    conclusion: str


@dataclass(frozen=True)
class FrameworkRequirement:
    text: str
    priority: str
    note: str  # where it came from and how it was rephrased (`provenance`)


@dataclass(frozen=True)
class Rule:
    who_decides: str
    what: str
    budget_or_mandate: str
    accountability: str
    escalation: str

    def lines(self) -> list[tuple[str, str]]:
        """(label, text) lines in the order a rule reads, for every renderer."""
        return [
            (_("Who decides"), self.who_decides),
            (_("What"), self.what),
            (_("Budget or mandate"), self.budget_or_mandate),
            (_("Accountability"), self.accountability),
            (_("When to escalate"), self.escalation),
        ]


@dataclass(frozen=True)
class ReviewItem:
    kind: str
    text: str
    ja: int
    deels: int
    nee: int
    how_it_went: list[Counted]
    improve: list[Counted]


@dataclass(frozen=True)
class ChangeItem:
    change: str  # localised: added, removed, changed
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


def priority_labels() -> dict[str, str]:
    return {
        "must": _("Must"),
        "should": _("Should"),
        "could": _("Could"),
        "wont": _("Won't"),
    }


def requirement_items(
    items: list[dict], columns: list[dict], method: str, labels: dict[str, str]
) -> list[RequirementItem]:
    """The rows of the programme's tables from requirement results (live, or as adopted), in
    the grid's `columns` (labelled, see game.core.anonymity.with_labels)."""
    moscow = priority_labels()
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
    labels = priority_labels()
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
    """Per picked case: the judgement grid and the facilitator's conclusion."""
    labels = verdict_labels()
    tests = []
    for case in practice_selectors.picked_cases(traject):
        rows = [
            JudgementRow(
                requirement=row["text"],
                helpt=row["counts"]["helpt"],
                knelt=row["counts"]["knelt"],
                ontbreekt=row["counts"]["ontbreekt"],
                dominant=labels.get(row["dominant"] or "", ""),
                comments=[f"{labels[c['verdict']]}: {c['text']}" for c in row["comments"]],
            )
            for row in practice_selectors.judgement_grid(case)
        ]
        conclusion = getattr(case, "conclusion", None)
        tests.append(
            CaseTest(
                title=case.title,
                question=case.question,
                rows=rows,
                conclusion=conclusion.text if conclusion else "",
            )
        )
    return tests


def provenance(item: dict, labels: dict[str, str]) -> str:
    """Where a requirement of a kader version came from, in words: merged from the wishes of
    roles in Stap 2, added by the facilitator in Stap 2, added while testing against practice
    in Stap 3 or at the follow-up meeting (with why), and how it was rephrased since."""
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
        parts = [_("Added by the facilitator in Stap 2")]
    reasons = sentences(h["reason"] for h in item.get("history", []) if h.get("reason"))
    if item.get("history"):
        parts.append(_("Rephrased: %(reason)s") % {"reason": reasons or "—"})
    return sentences(parts)


def sentences(texts) -> str:
    """Texts people wrote, one after the other: each ends with its own full stop (none doubled),
    so "Duidelijker." and "Korter" never read "Duidelijker.; Korter"."""
    cleaned = [text.strip().rstrip(".;,").strip() for text in texts]
    return " ".join(f"{text}." for text in cleaned if text)


def framework_parts(
    version, labels: dict[str, str]
) -> tuple[list[FrameworkRequirement], list[Rule]]:
    priorities = priority_labels()
    requirements = [
        FrameworkRequirement(
            item["text"],
            priorities.get(item.get("priority") or "", "–"),
            provenance(item, labels),
        )
        for item in version.content.get("requirements", [])
    ]
    rules = [
        Rule(**{name: rule.get(name, "") for name in RULE_FIELDS})
        for rule in version.content.get("rules", [])
    ]
    return requirements, rules


def review_parts(traject: Traject, framework) -> tuple[int, list[ReviewItem], list[ChangeItem]]:
    """The follow-up meeting as seen from `framework`: reviews of the version before it (or of
    itself, while it is the latest and is being reviewed) and what changed into it."""
    if framework is None:
        return 0, [], []
    previous = traject.framework_versions.filter(number=framework.number - 1).first()
    reviewed = previous or framework
    kinds = {"requirement": _("Requirement"), "rule": _("Decision rule")}
    reviews = [
        ReviewItem(
            kind=kinds[item["kind"]],
            text=item["text"],
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
    changes = []
    if previous is not None:
        diff = followup_selectors.framework_diff(previous, framework)
        names = {"added": _("Added"), "removed": _("Removed"), "changed": _("Changed")}
        for change in ("changed", "added", "removed"):
            for item in diff[change]:
                changes.append(
                    ChangeItem(
                        change=names[change],
                        kind=kinds[item["kind"]],
                        before=item.get("before", ""),
                        after=item.get("after", ""),
                        reason=item.get("reason", ""),
                    )
                )
    return reviewed.number if reviews or changes else 0, reviews, changes


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
            framework_parts(framework, labels) if framework else ([], [])
        )
        reviewed_version, reviews, changes = review_parts(traject, framework)
        no_picture = not (picture or clusters)
        sections = [
            Section(1, "participants", _("Participants and approach")),
            Section(
                2,
                "picture",
                _("Shared picture of maatwerk"),
                _("Stap 1 has not produced a shared picture yet.") if no_picture else "",
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
            picture=notes_selectors.picture_texts(picture) if picture else None,
            picture_version=picture.version if picture else 0,
            picture_headings={
                "what_it_is": _("What maatwerk is"),
                "what_it_is_not": _("What it is not"),
                "shadow_sides": _("Shadow sides"),
                "obstacles": _("What holds us back"),
            },
            clusters=clusters,
            case_title=traject.case.text("title", lang) if traject.case_id else "",
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
