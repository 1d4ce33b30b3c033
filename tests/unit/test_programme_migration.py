"""Adopted programmes from before small-group anonymity are rewritten once into columns: the
old per-layer record of one councillor no longer shows that councillor's vote."""

from __future__ import annotations

import importlib

from django.apps import apps

from game.requirements.models import ProgrammeVersion

migration = importlib.import_module("game.migrations.0011_programme_columns")

LAYERS = ["raad", "bestuur", "directie", "management", "beleid", "teamleiding", "uitvoering"]


def old_cell(layer, must=0, wont=0):
    votes = must + wont
    return {
        "layer": layer,
        "votes": votes,
        "counts": {"must": must, "should": 0, "could": 0, "wont": wont},
        "support": must / votes if votes else None,
    }


def test_an_old_record_is_rewritten_into_columns_of_enough_voters(traject):
    grid = [old_cell("raad", must=2), old_cell("bestuur", wont=1)]
    grid += [old_cell(layer, must=3) for layer in LAYERS[2:]]
    old = {
        "number": 1,
        "vote_method": "moscow",
        "layers": LAYERS,
        "requirements": [
            {
                "id": 1,
                "rank": 1,
                "text": "Eén loket",
                "grid": grid,
                "disagreement": {"flagged": True, "wanting": ["raad"], "rejecting": ["bestuur"]},
            }
        ],
    }
    version = ProgrammeVersion.objects.create(traject=traject, number=1, content=old)
    migration.to_columns(apps, None)
    migration.to_columns(apps, None)  # once only: a rewritten record is left alone

    content = ProgrammeVersion.objects.get(pk=version.pk).content
    assert "layers" not in content
    assert [c["key"] for c in content["columns"]][0] == "raad+bestuur"
    [item] = content["requirements"]
    assert "disagreement" not in item
    top = item["grid"][0]
    assert top["counts"] == {"must": 2, "should": 0, "could": 0, "wont": 1}
    assert top["support"] == 0.6 and top["enough"]
    assert (top["apart"], top["veto"], item["flagged"]) == (None, False, False)
    assert item["draagvlak"] is not None
