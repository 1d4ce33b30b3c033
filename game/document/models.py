"""The outcome document as it stood when a kader version was frozen: the record a municipality
adopts and may publish, so `?kader=N` reads the same months later whatever happened since."""

from __future__ import annotations

from django.db import models

from game.framework.models import FrameworkVersion, FrozenVersionError


class FrozenDocument(models.Model):
    """The whole document model (game.document.model.Document, as JSON) of version N, written
    once in the transaction that froze N; like the version itself it is never changed."""

    version = models.OneToOneField(
        FrameworkVersion, on_delete=models.CASCADE, related_name="frozen_document"
    )
    content = models.JSONField()

    def __str__(self) -> str:
        return f"document of {self.version}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise FrozenVersionError(f"The document of {self.version} is frozen.")
        super().save(*args, **kwargs)
