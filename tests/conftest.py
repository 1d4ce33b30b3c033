"""Shared fixtures: the named people of every test — the facilitator, alice the raadslid, bob
the professional of the wijkteam, and mallory from another session."""

from __future__ import annotations

from datetime import date

import pytest
from channels.layers import channel_layers
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.test import Client

from game.core.content import load_all
from game.core.models import Participant, Programme, Traject
from sessions.broadcast import snapshots
from sessions.live import attend, open_session, register_device


@pytest.fixture(autouse=True)
def _fresh_channel_layer():
    """A channel layer (channels_redis's locks in particular) binds to the event loop that
    first uses it, and every async test runs in a loop of its own: so each test gets its own
    layer instance instead of one left locked by the previous test's loop."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


@pytest.fixture(autouse=True)
def _fresh_snapshot_cache():
    snapshots.clear()
    yield
    snapshots.clear()


@pytest.fixture
def content(db):
    load_all()


def make_traject(user, gemeente: str = "Gemeente Voorbeeldstad", programme: str = "verticaal"):
    return Traject.objects.create(
        facilitator=user,
        gemeente=gemeente,
        title="Verticaal maatwerk leren",
        date=date(2026, 11, 23),
        programme=Programme.objects.get(key=programme),
    )


@pytest.fixture
def facilitator(db):
    return get_user_model().objects.create_user("facilitator", password=None)


@pytest.fixture
def traject(content, facilitator):
    return make_traject(facilitator)


@pytest.fixture
def live(traject):
    return open_session(traject=traject)


def make_participant(live, name: str, layer_key: str) -> tuple[Participant, str]:
    """A participant who joined `live` on a device; returns them and the device's session key."""
    from game.core.services import join_traject

    participant = join_traject(traject=live.traject, name=name, layer_key=layer_key)
    store = SessionStore()
    register_device(store, participant)
    store.save()
    attend(live, participant)
    return participant, store.session_key


@pytest.fixture
def alice(live):
    return make_participant(live, "Alice", "raad")


@pytest.fixture
def bob(live):
    return make_participant(live, "Bob", "uitvoering")


@pytest.fixture
def mallory(content):
    other_user = get_user_model().objects.create_user("other-facilitator", password=None)
    other_live = open_session(traject=make_traject(other_user, gemeente="Gemeente Elders"))
    participant, key = make_participant(other_live, "Mallory", "beleid")
    return participant, key, other_live


def login_cookie(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value
