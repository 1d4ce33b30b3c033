"""Texts the live pages' JavaScript needs, translated on the server (JS holds no UI text)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from game.framework.models import RULE_FIELDS
from game.notes import services as notes_services
from game.practice import services as practice_services
from game.requirements import services as requirements_services
from game.statements import services as statements_services


def live_strings() -> dict:
    return {
        "status": {
            "connecting": _("Connecting…"),
            "online": _("Connected"),
            "reconnecting": _("Connection lost — reconnecting…"),
            "offline": _("Not connected"),
        },
        "position": _("Part %(n)s of %(total)s"),
        "ready": _("I'm done"),
        "ready_done": _("Done ✓ (tap to undo)"),
        "ready_count": _("%(n)s of %(total)s done"),
        "lock": _("Lock input"),
        "unlock": _("Unlock input"),
        "locked": _("locked"),
        "done": _("done"),
        "online": _("online"),
        "offline": _("offline"),
        "participants": {
            "one": ngettext("%(n)s participant", "%(n)s participants", 1),
            "other": ngettext("%(n)s participant", "%(n)s participants", 2),
        },
        "joined_wait": _(
            "You're in. The workshop starts in a moment: keep this page open, it follows the "
            "screen by itself."
        ),
        "confirm_close": _("Close this session? Phones can no longer send anything."),
        "answers": {"eens": _("Agree"), "oneens": _("Disagree"), "weet-niet": _("Don't know")},
        "your_answer": _("Your answer"),
        "no_statement": _("Waiting for the next statement…"),
        "no_statement_console": _("No statement is on. Open one from the list."),
        "results": _("Results"),
        "answered": _("%(n)s answers"),
        "revealed": _("results visible to the room"),
        "hidden_results": _("results hidden from the room"),
        "per_layer": _("Answers per layer"),
        "statements": _("Statements"),
        "new_statement": _("New statement"),
        "add": _("Add"),
        "statement_status": {
            "draft": _("not yet shown"),
            "open": _("open"),
            "revealed": _("results shown"),
            "closed": _("closed"),
        },
        "open_statement": _("Show to the room"),
        "reveal": _("Reveal results"),
        "hide_results": _("Hide results"),
        "close": _("Close"),
        "prompt": _("Question"),
        "your_note": _("Your note"),
        "counter": _("%(n)s / %(max)s characters"),
        "sign_note": _("Sign with my name (otherwise anonymous)"),
        "add_note": _("Post note"),
        "save_note": _("Save changes"),
        "cancel_edit": _("Cancel editing"),
        "my_notes": _("My notes"),
        "signed": _("signed with your name"),
        "anonymous": _("anonymous"),
        "edit": _("Edit"),
        "delete": _("Delete"),
        "rename": _("Rename"),
        "confirm_delete_note": _("Delete this note?"),
        "note_count": _("%(n)s notes so far"),
        "cluster_notes": _("Show the %(n)s notes in this cluster"),
        "unsorted": _("Not yet clustered"),
        "new_cluster": _("New cluster"),
        "cluster_help": _(
            "Drag notes into a cluster, or choose the cluster in the list under each note."
        ),
        "move_note": _("Move note “%(text)s” to"),
        "rename_cluster": _("New name for this cluster"),
        "confirm_delete_cluster": _("Delete this cluster? Its notes go back to the unsorted pile."),
        "dots_left": _("%(n)s of %(total)s dots left"),
        "dots_total": _("%(n)s dots"),
        "dots_mine": _("%(n)s of your dots"),
        "dot_add": _("Add a dot to %(name)s"),
        "dot_remove": _("Remove a dot from %(name)s"),
        "dots_per": _("Dots per participant"),
        "dots_per_layer": _("Dots per layer"),
        "picture": {
            "what_it_is": _("What maatwerk is"),
            "what_it_is_not": _("What it is not"),
            "shadow_sides": _("Shadow sides"),
            "obstacles": _("What holds us back"),
        },
        "picture_pending": _("The facilitator is writing the shared picture."),
        "picture_version": _("Saved as version %(n)s"),
        "picture_unsaved": _("Not saved yet: pre-filled from the clusters with the most dots."),
        "save_version": _("Save as new version"),
        "stap2": stap2_strings(),
        "stap3": stap3_strings(),
    }


def stap2_strings() -> dict:
    """Stap 2 (the game): roles, case, reactions, wishes, merging, voting, results, adopting."""
    return {
        # roles
        "deal": _("Deal roles"),
        "redeal": _("Deal again"),
        "confirm_redeal": _(
            "Deal all roles again? Every current assignment, also the ones changed by hand, "
            "is replaced."
        ),
        "seed": _("Draw number (optional: the same number gives the same deal)"),
        "roles_visible": _("Roles visible on phones"),
        "roles_shown": _("Participants see their role card."),
        "roles_hidden": _("Role cards are hidden from participants."),
        "not_dealt": _("No roles dealt yet."),
        "assignments": _("Who plays which role"),
        "col_name": _("Name"),
        "col_own": _("Own layer"),
        "col_plays": _("Plays"),
        "role_for": _("Role for %(name)s"),
        "no_role": _("— no role —"),
        "overridden": _("changed by hand"),
        "own_layer_option": _("%(label)s (own layer)"),
        "players_per_role": _("Players per role"),
        "col_role": _("Role"),
        "col_players": _("Players"),
        "wait_roles": _("Wait a moment: the facilitator is dealing the roles."),
        "you_play": _("You play"),
        "role_hint": _("Not your own layer: stand where someone else stands."),
        "card": {
            "interests": _("What matters to me"),
            "worries": _("What I worry about"),
            "room": _("My room to act"),
            "question": _("The question I typically ask"),
        },
        # the case
        "case_label": _("Case"),
        "choose_case": _("Show this case"),
        "no_case": _("No case chosen yet."),
        "no_case_wait": _("The case appears here in a moment."),
        "situation": _("Situation"),
        "question": _("The maatwerk question"),
        "developments": _("Developments"),
        "developments_shown": _("%(n)s of %(total)s developments shown"),
        "reveal_next": _("Reveal next development"),
        "hide_last": _("Take back the last one"),
        "newest": _("New"),
        "development_n": _("Development %(n)s"),
        "read_case": _("Read the case again"),
        "your_role": _("Your role: %(role)s"),
        # reactions
        "reaction_label": _("How do you see this case as %(role)s?"),
        "reaction_label_plain": _("How does your role see this case?"),
        "save_reaction": _("Save reaction"),
        "reaction_saved": _("Saved. You can still change it."),
        "reaction_unsaved": _("Not saved yet."),
        "reactions_count": _("Reactions: %(n)s"),
        "no_reactions": _("No reactions yet."),
        # wishes
        "wish_start": _("Maatwerk must"),
        "wish_label": _("Your wish, from your role"),
        "add_wish": _("Add wish"),
        "save_wish": _("Save wish"),
        "wishes_written": _("%(n)s of %(max)s wishes written"),
        "wishes_full": _("You have written all your wishes. Change or delete one to add another."),
        "my_wishes": _("My wishes"),
        "confirm_delete_wish": _("Delete this wish?"),
        "packages": _("Wish packages per role"),
        "no_wishes": _("No wishes yet."),
        "wishes_count": _("Wishes: %(n)s"),
        # merging
        "merge_help": _(
            "Tick the wishes that say the same thing, write the candidate requirement and "
            "merge them."
        ),
        "candidate_text": _("Candidate requirement"),
        "merge": _("Merge"),
        "ticked": _("Ticked: %(n)s"),
        "merged_into": _("merged into “%(text)s”"),
        "unmerged": _("not merged yet"),
        "candidates": _("Candidate requirements"),
        "no_candidates": _("No candidate requirements yet."),
        "asked_by": _("Asked for by: %(roles)s"),
        "asked_by_none": _("Added by the facilitator"),
        "sources": _("Merged wishes: %(n)s"),
        "rephrase": _("Rephrase"),
        "new_text": _("New wording"),
        "reason": _("Reason (optional)"),
        "save": _("Save"),
        "unmerge": _("Take out"),
        "unmerge_label": _("Take out: %(text)s"),
        "add_requirement": _("Add a requirement without a wish"),
        "status": {
            "candidate": _("candidate"),
            "accepted": _("accepted"),
            "dropped": _("dropped"),
        },
        # voting
        "moscow": {
            "must": _("Must"),
            "should": _("Should"),
            "could": _("Could"),
            "wont": _("Won't"),
        },
        "vote_as_yourself": _("Vote as yourself, from your own layer: %(layer)s"),
        "voted_progress": _("%(n)s of %(total)s requirements voted"),
        "take_back_hint": _("Tap your choice again to take it back."),
        "method": _("Way of voting"),
        "method_moscow": _("MoSCoW (must, should, could, won't)"),
        "method_dots": _("Dots (%(n)s per person)"),
        "method_fixed": _("Fixed now that votes have been cast."),
        "votes_visible": _("Results visible to the room"),
        "voters": _("%(n)s of %(total)s participants voted"),
        "voting_open": _("Voting is open. The results appear when the facilitator shows them."),
        "no_requirements": _("There are no requirements to vote on yet."),
        # results
        "ranking": _("Ranking"),
        "grid_caption": _("Vertical support: how each layer voted"),
        "grid_help_moscow": _(
            "Each cell: the share of that layer's votes that said must or should, with the "
            "number of votes."
        ),
        "grid_help_dots": _(
            "Each cell: that layer's dots on this requirement compared with the requirement it "
            "gave the most dots, with the number of dots."
        ),
        "col_requirement": _("Requirement"),
        "col_priority": _("Priority"),
        "flagged": _("Layers differ"),
        "did_not_vote": _("did not vote"),
        "n_of_total": _("%(n)s of %(total)s"),
        "wants": _("wants it"),
        "rejects": _("rejects it"),
        "flag": _("Layers differ: want it — %(wanting)s; reject it — %(rejecting)s"),
        "flag_rule": _(
            "Flagged for discussion when at least one layer's support is %(want)s or more and "
            "another layer's is %(reject)s or less, counting only layers that voted."
        ),
        "score": _("score %(score)s of 3"),
        "votes_total": _("Votes: %(n)s"),
        "layers_with_dots": _("Layers with dots: %(n)s"),
        "dots": {
            "one": ngettext("%(n)s dot", "%(n)s dots", 1),
            "other": ngettext("%(n)s dot", "%(n)s dots", 2),
        },
        "no_votes": _("No votes yet."),
        "results_hidden": _("The results are not shown yet."),
        "rank": _("No. %(n)s"),
        # adopting
        "accept": _("Accept"),
        "drop": _("Drop"),
        "reopen": _("Back to candidate"),
        "wording": _("Wording (change it to rephrase)"),
        "discussion_note": _("Discussion note"),
        "save_discussion_note": _("Save note"),
        "adopt": _("Adopt the programme"),
        "confirm_adopt": _("Adopt the accepted requirements as version %(n)s?"),
        "adopted_version": _("Adopted as version %(n)s"),
        "not_adopted": _("Not adopted yet."),
        "adopted_title": _("Shared programme of requirements — version %(n)s"),
        "adopt_pending": _("The facilitator is deciding on the requirements."),
        "accepted_count": _("Accepted: %(n)s"),
    }


def stap3_strings() -> dict:
    """Stap 3 (own cases, picking, judging, beslisregels, the kader) and Dag 2 (returning
    participants, the review, the revision into version 2)."""
    rule_parts = {
        "who_decides": _("Who decides"),
        "what": _("What they may decide"),
        "budget_or_mandate": _("Budget or mandate"),
        "accountability": _("How it is accounted for"),
        "escalation": _("When to escalate"),
    }
    return {
        # own cases
        "privacy": _("Privacy"),
        "new_case": _("A case from your practice"),
        "edit_case": _("Change your case"),
        "case_field": {
            "title": _("Short title"),
            "situation": _("The situation"),
            "question": _("The maatwerk question"),
        },
        "case_hint": {
            "title": _("A few words the room can call it by."),
            "situation": _("What is going on, and who is involved? Without names or addresses."),
            "question": _("What should maatwerk make possible here?"),
        },
        "submit_case": _("Submit case"),
        "save_case": _("Save changes"),
        "case_sent": _("Your case has been submitted. You can still change or withdraw it."),
        "case_saved": _("Your changes have been saved."),
        "warning_title": _("This looks like personal data"),
        "warning_maybe_title": _("Is this a date of birth?"),
        "warning_text": _(
            "Take it out of your case and submit again. Or, if it is not personal data, "
            "submit anyway."
        ),
        "warning_maybe_text": _(
            "A date can be a date of birth. If it is, take it out; if it is not, submit anyway."
        ),
        "possible_birthdate": _("possible date of birth"),
        "edit_text": _("Change the text"),
        "confirm_not_personal": _("This is not personal data — submit anyway"),
        "changed_recheck": _("You changed the text: submit it again to have it checked."),
        "my_cases": _("My cases"),
        "no_own_cases": _("You have not submitted a case yet."),
        "cases_in_room": {
            "one": ngettext(
                "%(n)s case submitted in the room", "%(n)s cases submitted in the room", 1
            ),
            "other": ngettext(
                "%(n)s case submitted in the room", "%(n)s cases submitted in the room", 2
            ),
        },
        "cases_sent_word": {
            "one": ngettext("case submitted", "cases submitted", 1),
            "other": ngettext("case submitted", "cases submitted", 2),
        },
        "picked": _("picked for discussion"),
        "picked_locked": _(
            "Picked for discussion: the room works on it now, so it stays as it is."
        ),
        "redacted": _("made anonymous by the facilitator"),
        "you_confirmed": _("You confirmed that it holds no personal data."),
        "withdraw": _("Withdraw"),
        "confirm_withdraw": _("Withdraw your case “%(title)s”? Its dots go too."),
        # own cases on the console
        "by_author": _("By %(name)s (%(layer)s) — only you see this"),
        "flags_found": _("Still looks like: %(kinds)s. Read it before it goes on the screen."),
        "author_confirmed": _("The author confirmed that this is not personal data."),
        "redaction_note_shown": _("Made anonymous: %(note)s"),
        "redact": _("Make anonymous"),
        "redact_help": _(
            "Take personal data out of the text. The author's words are replaced by yours; "
            "the note says what you changed."
        ),
        "redaction_note": _("What did you take out? (optional)"),
        "save_redaction": _("Save anonymous version"),
        "no_cases_console": _("No cases yet. Participants write them on their phones."),
        "read_situation": _("Read the situation"),
        "read_case": _("Read the case"),
        # picking cases
        "dots_hint": _("Put your dots on the cases you want to discuss."),
        "picked_note": _("The facilitator has picked the cases. The dots are shown."),
        "picked_n": _("No. %(n)s"),
        "no_cases": _("There are no cases yet."),
        "dot_on_phone": _("Put your %(n)s dots on your phone on the cases you want to discuss."),
        "picked_heading": _("The cases we discuss"),
        "not_picked": _("Not picked"),
        "pick_help": _(
            "Choose one to three cases in the order the room discusses them, then save the "
            "choice. The first one goes on the table."
        ),
        "pick": _("Pick"),
        "pick_save": _("Save choice (%(n)s)"),
        "pick_reset": _("Undo changes"),
        "pick_unsaved": _("Choice not saved yet."),
        "pick_saved": _("Choice saved: phones and the screen show it."),
        "pick_none": _("No cases picked yet."),
        "pick_full": _("At most %(max)s cases. Take one off first."),
        "dots_word": {
            "one": ngettext("dot", "dots", 1),
            "other": ngettext("dot", "dots", 2),
        },
        "by": _("by %(name)s"),
        "confirmed_badge": _("warning confirmed by the author"),
        # judging
        "case_n_of": _("Case %(n)s of %(total)s"),
        "no_table": _("The facilitator puts a case on the table in a moment."),
        "no_requirements": _("There are no requirements to judge."),
        "judged_progress": _("%(n)s of %(total)s requirements judged"),
        "add_comment": _("Add a comment"),
        "comment_label": _("Why? (optional)"),
        "concern_label": _("What is your concern? (optional)"),
        "save_comment": _("Save comment"),
        "saved": _("Saved."),
        "not_saved": _("Not saved yet."),
        "grid_caption": _("Helps, gets in the way or missing: the room's judgement"),
        "grid_caption_case": _("The room's judgement: %(title)s"),
        "col_requirement": _("Requirement"),
        "col_comments": _("Comments"),
        "grid_help": _(
            "Numbers are participants. “Mostly” when one judgement has more votes than each "
            "of the others."
        ),
        "no_verdicts": _("No judgements yet"),
        "divided": _("Divided (%(n)s judgements)"),
        "mostly": _("Mostly: %(verdict)s (%(n)s of %(total)s)"),
        "most": _("most votes"),
        "judges_count": _("judged by %(n)s"),
        "on_table": _("On the table"),
        "put_on_table": _("Put on the table"),
        "show_grid": _("Show the judgement grid and conclusions"),
        "nothing_picked": _("No cases picked yet. Pick them in the previous part."),
        "conclusion_label": _("Conclusions for this case"),
        "save_conclusion": _("Save conclusions"),
        "adjust_heading": _("Adjust the requirements"),
        "adjust_help": _(
            "What did the cases show? Rephrase a requirement or add one that was missing, "
            "each with the reason: the document shows both."
        ),
        "add_requirement": _("Add a requirement"),
        "add_requirement_button": _("Add requirement"),
        "requirement_text": _("Requirement"),
        "reason_required": _("Reason"),
        "reason_optional": _("Reason (optional)"),
        "from_case": _("Shown by case (optional)"),
        "no_case_option": _("— no particular case —"),
        # decision rules
        "rules": _("Decision rules"),
        "rules_hint": _("Do you agree with each rule, or do you have a concern?"),
        "rule_n": _("Rule %(n)s"),
        "rule_field": rule_parts,
        "rule_field_label": {
            **rule_parts,
            "who_decides": _("Who decides (required)"),
            "what": _("What they may decide (required)"),
        },
        "rule_field_hint": {
            "who_decides": _("A role, not a name: e.g. the wijkteam professional."),
            "what": _("E.g. a one-off payment that prevents a more expensive provision."),
            "budget_or_mandate": _("E.g. up to € 2,500 per household per year."),
            "accountability": _("E.g. noted in the file, reported quarterly to the manager."),
            "escalation": _("E.g. above the budget, or when the resident disagrees."),
        },
        "rule_form_help": _(
            "Who may decide what, within which budget, how is it accounted "
            "for and when do we escalate?"
        ),
        "new_rule": _("New decision rule"),
        "edit_rule": _("Change rule %(n)s"),
        "propose_rule": _("Put to the room"),
        "rule_status": {
            "proposed": _("proposed"),
            "agreed": _("agreed"),
            "dropped": _("dropped"),
        },
        "rule_set_status": {
            "proposed": _("Proposed"),
            "agreed": _("Agreed"),
            "dropped": _("Drop"),
        },
        "no_rules_yet": _("The facilitator is writing the first decision rule."),
        "no_rules_console": _("No decision rules yet. Write the first one with the room."),
        # the kader
        "framework_title": _("Tailored framework — version %(n)s"),
        "draft_title": _("What version 1 will hold"),
        "frozen_on": _("Recorded on %(date)s"),
        "requirements": _("Requirements"),
        "priority": _("Priority: %(label)s"),
        "added": _("Added while testing against practice"),
        "added_because": _("Added: %(reason)s"),
        "none": _("None."),
        "freeze": _("Record the tailored framework as version 1"),
        "confirm_freeze": _(
            "Record the tailored framework as version 1? It cannot be changed afterwards; "
            "changes go into a revision on day 2."
        ),
        "freeze_hint": _(
            "Accepted requirements and agreed decision rules go in; proposed and dropped rules "
            "do not."
        ),
        "freeze_empty": _("Nothing to record yet: accept a requirement or agree on a rule."),
        "freeze_pending": _("The facilitator records the tailored framework in a moment."),
        "kind": {"requirement": _("Requirement"), "rule": _("Decision rule")},
        # Dag 2: returning participants
        "claims_heading": _("Returning participants"),
        "claims_help": _(
            "Someone from last time on a new device. Ask for the check code on their phone "
            "before you confirm."
        ),
        "claims_waiting": {
            "one": ngettext(
                "%(n)s returning participant is waiting",
                "%(n)s returning participants are waiting",
                1,
            ),
            "other": ngettext(
                "%(n)s returning participant is waiting",
                "%(n)s returning participants are waiting",
                2,
            ),
        },
        "no_claims": _("Nobody is waiting to be recognised."),
        "check_code": _("Check code"),
        "claim_since": _("since %(time)s"),
        "claim_confirm": _("Confirm"),
        "claim_reject": _("Reject"),
        "claim_confirm_label": _("Confirm %(name)s with check code %(code)s"),
        "claim_reject_label": _("Reject the claim for %(name)s"),
        "confirm_reject": _(
            "This device is not %(name)s? It can choose again or join as someone new."
        ),
        # Dag 2: review
        "no_framework": _("There is no recorded framework yet."),
        "reviewed_progress": _("%(n)s of %(total)s answered"),
        "applied_question": _("Applied?"),
        "applied_first": _("Answer “applied?” first; then you can say how it went."),
        "how_it_went": _("How did it go?"),
        "improve": _("What must improve?"),
        "save_answers": _("Save answers"),
        "no_reviews": _("No answers yet."),
        "more_texts": _("and %(n)s more on the console"),
        "review_title": _("Looking back on version %(n)s"),
        "review_count": _("%(n)s answers from %(people)s participants"),
        "applied_line": _("Applied — yes: %(ja)s · partly: %(deels)s · no: %(nee)s"),
        # Dag 2: revision
        "revise_title": _("From version %(from)s to version %(to)s"),
        "revise_help": _(
            "Per item: keep it, rephrase it or drop it, with the reason. Items you do not "
            "touch carry over unchanged."
        ),
        "action": {"keep": _("Keep"), "rephrase": _("Rephrase"), "drop": _("Drop")},
        "add_rule": _("Add a decision rule"),
        "add_to_revision": _("Add to the revision"),
        "to_add": _("To be added"),
        "remove": _("Remove"),
        "reason_needed": _("Give a reason for this change."),
        "reason_needed_all": _("Some changes have no reason yet. They are marked."),
        "no_changes": _("There is nothing to revise yet."),
        "changes_pending": {
            "one": ngettext("%(n)s change", "%(n)s changes", 1),
            "other": ngettext("%(n)s change", "%(n)s changes", 2),
        },
        "revise_button": _("Record version %(n)s"),
        "confirm_revise": _(
            "Record version %(n)s of the tailored framework with %(changes)s changes?"
        ),
        "revised_as": _("Recorded as version %(n)s."),
        "revise_pending": _("The facilitator is revising the framework."),
        "diff_title": _("What changed from version %(from)s to version %(to)s"),
        "diff": {"changed": _("Changed"), "added": _("Added"), "removed": _("Removed")},
        "diff_mark": {"changed": "✎", "added": "+", "removed": "−"},
        "before": _("Before"),
        "after": _("After"),
        "why": _("Why"),
        "unchanged_count": _("%(n)s items unchanged."),
        "no_differences": _("No item was changed, added or removed."),
    }


def live_limits() -> dict:
    """The services' length limits, for the pages' counters and maxlength attributes (the
    server still enforces them; this only keeps the two from drifting apart)."""
    return {
        "statement": statements_services.STATEMENT_MAX,
        "cluster_name": notes_services.CLUSTER_NAME_MAX,
        "dots_per_participant": notes_services.DOTS_MAX,
        "requirement": requirements_services.REQUIREMENT_MAX,
        "reason": requirements_services.REASON_MAX,
        "discussion_note": requirements_services.DISCUSSION_NOTE_MAX,
        "redaction_note": practice_services.REDACTION_MAX,
        "conclusion": practice_services.CONCLUSION_MAX,
        # A rule's parts in the order a rule reads, each with its length limit.
        "rule": dict(RULE_FIELDS),
    }
