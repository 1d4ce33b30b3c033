from __future__ import annotations

from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from game.core.content import load_all
from game.core.models import Programme, Traject
from game.core.services import create_traject
from game.sample import populate
from sessions.login_links import create_login_link

DEMO_GEMEENTE = "Gemeente Voorbeeldstad"
SAMPLE_GEMEENTE = "Gemeente Proefdorp"


class Command(BaseCommand):
    help = "Load content, create the demo facilitator and traject, print a one-time sign-in URL."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8000")

    def handle(self, *args, base_url: str, **options):
        if not settings.DEBUG:
            raise CommandError("The demo sign-in link is only for local use (DEBUG on).")
        load_all()
        user, _ = get_user_model().objects.get_or_create(
            username="demo", defaults={"first_name": "Demo", "last_name": "Begeleider"}
        )
        if user.has_usable_password():
            user.set_unusable_password()  # no default password anywhere
            user.save()
        if not Traject.objects.filter(facilitator=user, gemeente=DEMO_GEMEENTE).exists():
            create_traject(
                facilitator=user,
                gemeente=DEMO_GEMEENTE,
                title="Verticaal maatwerk leren — sociaal domein",
                date=date.today(),
                language="nl",
                programme=Programme.objects.get(key="verticaal"),
            )
        if not Traject.objects.filter(facilitator=user, gemeente=SAMPLE_GEMEENTE).exists():
            # A finished traject too, so the outcome document can be seen straight away.
            finished = create_traject(
                facilitator=user,
                gemeente=SAMPLE_GEMEENTE,
                title="Voorbeeld: een afgerond traject met terugkombijeenkomst",
                date=date.today(),
                language="nl",
                programme=Programme.objects.get(key="verticaal"),
            )
            populate(finished)
        token = create_login_link(user)
        url = f"{base_url.rstrip('/')}/inloggen/link/{token}/"
        self.stdout.write("")
        self.stdout.write("  Verticaal is ready. Sign in as the demo facilitator (one-time link):")
        self.stdout.write(f"  {url}")
        self.stdout.write("")
