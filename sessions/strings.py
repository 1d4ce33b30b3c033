"""Texts the live pages' JavaScript needs, translated on the server (JS holds no UI text)."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


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
