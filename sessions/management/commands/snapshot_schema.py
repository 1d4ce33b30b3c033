from __future__ import annotations

import json

from django.core.management.base import BaseCommand

from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.schema import snapshot_schema


class Command(BaseCommand):
    help = "Print the JSON Schema of the state frames one audience receives (sessions/schema.py)."

    def add_arguments(self, parser):
        parser.add_argument("audience", choices=[FACILITATOR, SCREEN, PARTICIPANT])

    def handle(self, *args, audience: str, **options):
        self.stdout.write(json.dumps(snapshot_schema(audience), indent=2, ensure_ascii=False))
