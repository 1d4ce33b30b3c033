"""The named people of the rule tests, as participants of the `live` session: alice the
raadslid, bob the professional of the wijkteam, carol the beleidsambtenaar."""

from __future__ import annotations

import pytest

from tests.conftest import make_participant


@pytest.fixture
def alice(live):
    return make_participant(live, "Alice", "raad")[0]


@pytest.fixture
def bob(live):
    return make_participant(live, "Bob", "uitvoering")[0]


@pytest.fixture
def carol(live):
    return make_participant(live, "Carol", "beleid")[0]
