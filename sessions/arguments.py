"""Declared command arguments, checked in one place before any handler runs.

Every command names an `Args` model (`@command(..., args=NoteWrite)`); sessions.dispatch parses
the message's `args` with it, so a handler only ever sees typed, checked values and a client gets
one localised `bad_args` for anything else. Parsing is strict, with no coercion (`true` is not 1,
`"1"` is not 1), and keys a model does not declare are ignored, as they always were. The limits
here only keep nonsense out; the services give the precise, localised ones.
"""

from __future__ import annotations

from functools import partial
from typing import Annotated, ClassVar, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from sessions.protocol import ProtocolError

ID_MAX = 2**62
TEXT_MAX = 8000
IDS_MAX = 200

Id = Annotated[int, Field(ge=1, le=ID_MAX)]
Dots = Annotated[int, Field(ge=0, le=100)]


def not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("blank")
    return value


# Line, Text and Ids are capitalised because they stand for types in the models' annotations.
def Line(max_length: int):
    """A string that must say something: a key, a choice or a name."""
    return Annotated[str, StringConstraints(max_length=max_length), AfterValidator(not_blank)]


def Text(max_length: int = TEXT_MAX):
    """Free text that may be empty (an empty text is refused, if at all, by the service)."""
    return Annotated[str, StringConstraints(max_length=max_length)]


def Ids(max_items: int = IDS_MAX):
    """A non-empty list of ids, e.g. the wishes to merge."""
    return Annotated[list[Id], Field(min_length=1, max_length=max_items)]


Key = Line(50)  # a key of the content: a step, phase, prompt, role or case

# What an author says a personal-data finding is when sending a text anyway (game.practice.gate
# checks it against PRIVACY_REASONS; "" is sending without).
PrivacyReason = Text(20)


class Args(BaseModel):
    """The arguments of one command, as its handler receives them."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)

    # What the client is told when the arguments are not valid.
    refusal: ClassVar = partial(ProtocolError, "bad_args")

    @classmethod
    def parse(cls, raw: dict) -> Self:
        try:
            return cls.model_validate(raw)
        except ValidationError:
            raise cls.refusal() from None


class NoArgs(Args):
    """For a command that takes no arguments."""
