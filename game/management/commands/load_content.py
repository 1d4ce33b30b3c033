from __future__ import annotations

from django.core.management.base import BaseCommand

from game.core.content import load_all


class Command(BaseCommand):
    help = "Load or update the layers, role cards and programmes from game/content/."

    def handle(self, *args, **options):
        load_all()
        self.stdout.write("Content loaded.")
