"""The one domain error type, and the messages its codes are localised with.

Services raise `GameError("phase_locked")`; tests assert the code, the live layer shows the
message in the reader's language.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

MESSAGES = {
    "name_empty": _("Please enter your name."),
    "name_too_long": _("Your name can be at most %(max)s characters."),
    "name_taken": _("Someone in this session already uses this name. Add an initial or a surname."),
    "layer_unknown": _("Choose the layer you work in."),
    "phase_unknown": _("That part of the programme does not exist."),
    "phase_first": _("This is already the first part of the programme."),
    "phase_last": _("This is already the last part of the programme."),
    "phase_locked": _("The facilitator has locked input for this part."),
    "timer_invalid": _("A timer runs between 10 seconds and 3 hours."),
    "statement_empty": _("Type the statement first."),
    "statement_too_long": _("A statement can be at most %(max)s characters."),
    "statement_unknown": _("That statement does not exist (any more)."),
    "statement_closed": _("This statement is closed; answers are no longer counted."),
    "answer_unknown": _("Choose agree, disagree or don't know."),
    "prompt_unknown": _("Choose one of the questions for your note."),
    "note_empty": _("Your note is empty."),
    "note_too_long": _("A note can be at most %(max)s characters."),
    "note_unknown": _("That note does not exist (any more)."),
    "not_yours": _("You can only change what you wrote yourself."),
    "cluster_name_empty": _("Give the cluster a name."),
    "cluster_name_too_long": _("A cluster name can be at most %(max)s characters."),
    "cluster_unknown": _("That cluster does not exist (any more)."),
    "dots_invalid": _("The number of dots is not valid."),
    "dots_exhausted": _("You have used all your dots (%(max)s). Take one away first."),
    "dots_in_use": _("Someone already used %(max)s dots; choose at least that many."),
    "picture_field_unknown": _("That part of the shared picture does not exist."),
    "picture_too_long": _("Each part of the shared picture can be at most %(max)s characters."),
    # Stap 2
    "no_participants": _("Nobody has joined yet, so there are no roles to deal."),
    "participant_unknown": _("That participant is not part of this session."),
    "role_unknown": _("That role does not exist."),
    "own_layer": _("Nobody plays their own layer in the game. Choose another role."),
    "case_unknown": _("That case does not exist (any more)."),
    "no_case": _("Choose a case first."),
    "no_more_developments": _("All developments of this case are already shown."),
    "no_role": _("You have no role yet. Wait until the facilitator deals the roles."),
    "reaction_empty": _("Your reaction is empty."),
    "reaction_too_long": _("A reaction can be at most %(max)s characters."),
    "wish_empty": _("Your wish is empty."),
    "wish_too_long": _("A wish can be at most %(max)s characters."),
    "wish_unknown": _("That wish does not exist (any more)."),
    "too_many_wishes": _("You can write at most %(max)s wishes. Change or delete one first."),
    "wishes_none": _("Choose at least one wish."),
    "requirement_empty": _("Type the requirement first."),
    "requirement_too_long": _("A requirement can be at most %(max)s characters."),
    "requirement_unknown": _("That requirement does not exist (any more)."),
    "requirement_closed": _("This requirement was dropped; it takes no votes."),
    "reason_too_long": _("A reason can be at most %(max)s characters."),
    "vote_method_unknown": _("Choose MoSCoW or dots."),
    "votes_exist": _("Votes have already been cast, so the way of voting can no longer change."),
    "wrong_vote_method": _("This round uses a different way of voting. Reload the page."),
    "choice_unknown": _("Choose must, should, could or won't."),
    "decision_unknown": _("Choose accept, drop or back to candidate."),
    "discussion_note_too_long": _("A discussion note can be at most %(max)s characters."),
    "nothing_accepted": _("Accept at least one requirement before adopting the programme."),
    # Stap 3
    "personal_data": _(
        "This looks like personal data: %(found)s. Take it out, or confirm that it is not "
        "personal data."
    ),
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
    "rule_empty": _("Fill in at least who decides and what they may decide."),
    "rule_too_long": _("This part of a decision rule can be at most %(max)s characters."),
    "rule_unknown": _("That decision rule does not exist (any more)."),
    "rule_status_unknown": _("Choose proposed, agreed or dropped."),
    "rule_closed": _("This decision rule was dropped; it takes no reactions."),
    "stance_unknown": _("Choose agree or concern."),
    "framework_empty": _("Accept a requirement or agree on a decision rule before freezing."),
    "already_frozen": _(
        "The framework is already frozen as version 1. Changes now go into a revision."
    ),
    # Dag 2
    "not_frozen": _("There is no frozen framework yet."),
    "claim_unknown": _("That claim does not exist (any more)."),
    "claim_decided": _("This claim has already been confirmed or rejected."),
    "applied_unknown": _("Choose yes, partly or no."),
    "review_item_unknown": _("That item is not part of the framework."),
    "review_too_long": _("An answer can be at most %(max)s characters."),
    "changes_none": _("There is nothing to revise."),
    "change_invalid": _("One of the changes is not valid. Check kind, item and action."),
    "change_twice": _("Each item can be changed only once per revision."),
}


class GameError(Exception):
    """A rule of the workshop refused an action; `code` is machine-readable, `params` fill it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def details(self) -> dict:
        """Structured parameters the client can use (lists and dicts, e.g. the personal-data
        findings a phone highlights); text parameters only fill the message."""
        return {k: v for k, v in self.params.items() if isinstance(v, list | dict)}

    def message(self) -> str:
        """The localised message in the active language."""
        template = MESSAGES.get(self.code, _("That did not work. Please try again."))
        return str(template) % self.params if self.params else str(template)
