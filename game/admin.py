"""Library content is edited here without code: layers with their role cards, programmes,
cases with their developments."""

from __future__ import annotations

from django.contrib import admin

from game.core.models import Layer, Participant, Phase, Programme, Reveal, Step, Traject
from game.followup.models import DeviceClaim
from game.framework.models import DecisionRule, FrameworkVersion
from game.notes.models import Prompt
from game.practice.models import PracticeCase
from game.roleplay.models import Case, Development
from game.statements.models import Statement


@admin.register(Layer)
class LayerAdmin(admin.ModelAdmin):
    list_display = ["order", "key", "label_nl", "label_en", "joinable", "required"]
    list_display_links = ["key"]


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    fields = ["order", "key", "kind", "accepts_input", "title_nl", "title_en"]


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["programme", "order", "key", "title_nl", "day"]
    list_filter = ["programme"]
    inlines = [PhaseInline]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["key", "title_nl", "title_en"]


class RevealInline(admin.TabularInline):
    """What the facilitator has revealed to whom; the console's switches write these rows."""

    model = Reveal
    extra = 0
    fields = ["what", "audience", "revealed_at"]


@admin.register(Traject)
class TrajectAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "title", "date", "facilitator", "language"]
    inlines = [RevealInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "layer", "traject", "joined_at"]
    list_filter = ["traject", "layer"]


class DevelopmentInline(admin.StackedInline):
    model = Development
    extra = 0
    fields = ["order", "text_nl", "text_en"]


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ["order", "key", "title_nl", "title_en"]
    list_display_links = ["key"]
    inlines = [DevelopmentInline]


# --- Stap 3 and Dag 2 -------------------------------------------------------------------------


@admin.register(PracticeCase)
class PracticeCaseAdmin(admin.ModelAdmin):
    list_display = ["title", "traject", "selected", "privacy_confirmed", "redacted_at"]
    list_filter = ["traject", "selected", "privacy_confirmed"]


@admin.register(DecisionRule)
class DecisionRuleAdmin(admin.ModelAdmin):
    list_display = ["who_decides", "what", "status", "traject"]
    list_filter = ["traject", "status"]


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    """Read-only: a frozen kader is never changed (saving one raises), and deleting "v1" would
    leave the document and the day-2 reviews pointing at nothing."""

    list_display = ["traject", "number", "frozen_at"]
    list_filter = ["traject"]
    readonly_fields = ["traject", "number", "frozen_at", "content"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DeviceClaim)
class DeviceClaimAdmin(admin.ModelAdmin):
    list_display = ["participant", "check_code", "created_at", "confirmed_at", "rejected_at"]
    readonly_fields = ["token_hash"]


@admin.register(Prompt)
class PromptAdmin(admin.ModelAdmin):
    list_display = ["order", "key", "text_nl", "text_en"]
    list_display_links = ["key"]


@admin.register(Statement)
class StatementAdmin(admin.ModelAdmin):
    """Library stellingen have no traject; new trajecten copy them and edit their own copy."""

    list_display = ["text", "traject", "status", "order"]
    list_filter = [("traject", admin.EmptyFieldListFilter), "status"]
