"""Library content is edited here without code: layers with their role cards, programmes,
cases with their developments."""

from __future__ import annotations

from django.contrib import admin

from game.models import Case, Development, Layer, Participant, Phase, Programme, Step, Traject


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


@admin.register(Traject)
class TrajectAdmin(admin.ModelAdmin):
    list_display = ["gemeente", "title", "date", "facilitator", "language"]


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
