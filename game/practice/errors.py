"""Error codes of own cases, judgements and adjustments and their messages."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "personal_data": _(
        "This looks like personal data: %(found)s. Change the text, or say what it is if you "
        "send it anyway."
    ),
    "case_quarantined": _(
        "This case may still hold personal data. Clear each finding or redact the case first."
    ),
    "finding_unknown": _("That finding does not exist (any more)."),
    "case_title_empty": _("Give your case a short title."),
    "case_title_too_long": _("A case title can be at most %(max)s characters."),
    "case_situation_empty": _("Describe the situation of your case."),
    "case_situation_too_long": _("The situation can be at most %(max)s characters."),
    "case_question_empty": _("Write the maatwerk question of your case."),
    "case_question_too_long": _("The question can be at most %(max)s characters."),
    "practice_case_unknown": _("That case does not exist (any more)."),
    "case_picked": _(
        "This case has been picked for discussion and can no longer be changed or withdrawn. "
        "Ask the facilitator."
    ),
    "case_not_picked": _("This case was not picked for discussion."),
    "pick_count": _("Choose one to three cases."),
    "redaction_too_long": _("A redaction note can be at most %(max)s characters."),
    "verdict_unknown": _("Choose helps, gets in the way or something is missing."),
    "comment_too_long": _("A comment can be at most %(max)s characters."),
    "conclusion_too_long": _("A conclusion can be at most %(max)s characters."),
    "reason_empty": _("Give a reason for this change."),
}
