"""The personal-data gate for every free text a participant writes in Stap 3 and on day 2: own
cases, judgement comments, reactions to beslisregels, check-ins and reviews.

What the detector (game.practice.privacy) finds blocks sending: the text is refused with
`personal_data` and the findings, so the phone can point at them and the author can change the
text. Because the detector has false positives, the author may send it anyway by saying what it
is ("an invented example", "not personal data"). Then the text is stored with its findings, each
with the author's word and not yet cleared: it is in quarantine. Only its author and the
facilitator see a quarantined text; the projector, the other phones and the document leave it
out until the facilitator clears each finding (recorded with who and when) or rewrites it.

The findings are stored on the row they belong to, as a JSON list (`privacy_findings`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from game.core.errors import GameError
from game.practice.privacy import find_personal_data

KIND_LABELS = {
    "bsn": _("citizen service number (BSN)"),
    "email": _("e-mail address"),
    "phone": _("phone number"),
    "iban": _("IBAN (bank account number)"),
    "postcode_house": _("postcode with house number"),
    "address": _("address"),
    "name": _("name"),
    "birthdate": _("date of birth"),
    "age": _("age"),
}


POSSIBLE_BIRTHDATE = _("possible date of birth")


# What an author may say a finding is, when sending a text anyway.
PRIVACY_REASON_LABELS = {
    "invented": _("This is an invented example"),
    "not_personal": _("This is not personal data"),
}
PRIVACY_REASONS = tuple(PRIVACY_REASON_LABELS)


def check_text(text: str) -> list[dict]:
    """What in `text` looks like personal data, as plain dicts the phone can show.

    Each finding: kind, excerpt, start, end and `certain` (False only for a date that *may* be
    a date of birth).
    """
    return [
        {
            "kind": f.kind,
            "excerpt": f.excerpt,
            "start": f.start,
            "end": f.end,
            "certain": f.certain,
        }
        for f in find_personal_data(text)
    ]


def findings_in(fields: Mapping[str, str]) -> list[dict]:
    """Findings over several fields of one text (field name → text), each tagged with its field."""
    return [
        {**finding, "field": field}
        for field, text in fields.items()
        for finding in check_text(text)
    ]


def case_findings(*, title: str, situation: str, question: str) -> list[dict]:
    return findings_in({"title": title, "situation": situation, "question": question})


class FoundText:
    """The findings as a sentence fragment, translated when the message is rendered.

    GameError messages are localised by the live layer in the reader's language, after the
    service ran; building the text here would freeze it in whatever language was active.
    """

    def __init__(self, findings: Sequence[dict]) -> None:
        self.findings = list(findings)

    def __str__(self) -> str:
        parts = []
        for finding in self.findings:
            if finding["kind"] == "birthdate" and not finding["certain"]:
                label = POSSIBLE_BIRTHDATE
            else:
                label = KIND_LABELS[finding["kind"]]
            parts.append(f"“{finding['excerpt']}” ({label})")
        return ", ".join(parts)


def gate(findings: list[dict], privacy_reason: str) -> list[dict]:
    """Raise `personal_data` (carrying the findings) unless there are none or the author says
    what they are (`PRIVACY_REASONS`); return them as the row records them: with the author's
    word and not yet cleared, which keeps the text in quarantine."""
    if not findings:
        return []
    if privacy_reason not in PRIVACY_REASONS:
        raise GameError("personal_data", found=FoundText(findings), findings=findings)
    return [
        {**finding, "author_says": privacy_reason, "cleared_by": None, "cleared_at": None}
        for finding in findings
    ]


def gated(fields: Mapping[str, str], privacy_reason: str) -> list[dict]:
    """`gate` over the findings in `fields`: what a service stores as `privacy_findings`."""
    return gate(findings_in(fields), privacy_reason)


def in_quarantine(findings: Sequence[Mapping]) -> bool:
    return any(finding["cleared_at"] is None for finding in findings)


def clear(findings: list[dict], index: int, *, cleared_by_id: int | None) -> bool:
    """Mark finding `index` as read and let through by the facilitator, in place; False when
    it already was."""
    if not 0 <= index < len(findings):
        raise GameError("finding_unknown")
    finding = findings[index]
    if finding["cleared_at"] is not None:
        return False
    finding["cleared_by"], finding["cleared_at"] = cleared_by_id, timezone.now().isoformat()
    return True


def clear_all(findings: list[dict], *, cleared_by_id: int | None) -> None:
    """Everything cleared at once: the facilitator rewrote the text."""
    for index in range(len(findings)):
        clear(findings, index, cleared_by_id=cleared_by_id)
