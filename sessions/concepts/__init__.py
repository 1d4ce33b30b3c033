"""One module per workshop concept: its commands, its snapshot sections, its client texts and the
phase kinds it runs."""

from __future__ import annotations

import pkgutil
from importlib import import_module
from types import ModuleType


def modules() -> dict[str, ModuleType]:
    """concept → its module. Importing them is what registers their commands and sections, which
    LiveSessionsConfig.ready() does first; later calls find them already imported."""
    return {
        info.name: import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
    }
