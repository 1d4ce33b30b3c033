"""Rows changed by a burst of commands (a room voting at once), kept in memory and written in
three queries at the end instead of a few per command.

The rows are keyed per voter and object, e.g. (statement id, participant id); the services
decide what each command does, in order, and a Burst remembers what that means for the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import models


@dataclass
class Burst:
    model: type[models.Model]
    rows: dict[tuple, models.Model]  # as stored before the burst, then as the burst leaves them
    created: dict[tuple, models.Model] = field(default_factory=dict)
    updated: dict[tuple, models.Model] = field(default_factory=dict)
    deleted: dict[tuple, models.Model] = field(default_factory=dict)

    @classmethod
    def load(cls, model: type[models.Model], key: tuple[str, ...], **lookups) -> Burst:
        """The stored rows that `lookups` select, keyed by the fields named in `key`."""
        rows = model.objects.filter(**lookups)
        return cls(model, {tuple(getattr(row, name) for name in key): row for row in rows})

    def add(self, key: tuple, row: models.Model) -> None:
        self.rows[key] = self.created[key] = row

    def changed(self, key: tuple) -> None:
        """The row at `key` was changed in memory."""
        if key not in self.created:
            self.updated[key] = self.rows[key]

    def remove(self, key: tuple) -> None:
        row = self.rows.pop(key)
        self.updated.pop(key, None)
        if self.created.pop(key, None) is None:  # else it was never stored
            self.deleted[key] = row

    def save(self, fields: list[str]) -> None:
        # Deleted first: a row removed and added again within the burst is a new row.
        self.model.objects.filter(pk__in=[row.pk for row in self.deleted.values()]).delete()
        self.model.objects.bulk_create(self.created.values())
        if self.updated:
            self.model.objects.bulk_update(self.updated.values(), fields)


def only(results: list):
    """The outcome of a burst of one: its result, or its refusal raised."""
    (result,) = results
    if isinstance(result, Exception):
        raise result
    return result
