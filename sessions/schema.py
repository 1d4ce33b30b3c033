"""The snapshot contract: one JSON Schema per audience of the state frame a connection receives.

It is made from the types a snapshot is built from (the parts in sessions.snapshots and each
section's return annotation), so what the pages may rely on is written down once, beside the
code that builds it, and the tests check real snapshots of every phase against it. A section's
keys are optional (each phase kind has its own sections); every object is closed, so a key that
is not declared, for an audience or anywhere, fails the check instead of reaching a screen
unannounced. `manage.py snapshot_schema` prints it.
"""

from __future__ import annotations

from typing import Literal, NotRequired, Required, Union, get_args, get_origin, get_type_hints

from pydantic import TypeAdapter
from pydantic.json_schema import GenerateJsonSchema
from typing_extensions import TypedDict

from sessions.registry import FACILITATOR, PARTICIPANT, SCREEN
from sessions.sections import SECTIONS
from sessions.snapshots import Common, FacilitatorPart, Me, ScreenPart

AUDIENCE_PARTS: dict[str, list[type]] = {
    FACILITATOR: [FacilitatorPart],
    SCREEN: [ScreenPart],
    PARTICIPANT: [],
}


class ClosedObjects(GenerateJsonSchema):
    """Every object says exactly which keys it may have."""

    def typed_dict_schema(self, schema):
        json_schema = super().typed_dict_schema(schema)
        json_schema["additionalProperties"] = False
        return json_schema


def section_parts() -> tuple[list[type], list[type]]:
    """The shared and the personal type of every registered section builder."""
    builders = dict.fromkeys(builder for kind in SECTIONS.values() for builder in kind)
    shared, personal = [], []
    for builder in builders:
        part, parts = get_args(get_type_hints(builder)["return"])
        shared.append(part)
        personal.append(get_args(parts)[1])  # dict[int, <personal part>]
    return shared, personal


def merged(name: str, *, required: list[type], optional: list[type]) -> type:
    """One TypedDict: the keys of `required` as they are, those of `optional` not required; a
    key that several optional parts give may take the type of any of them."""
    fields: dict[str, object] = {}
    for part in required:
        fields |= get_type_hints(part, include_extras=True)
    options: dict[str, dict[object, None]] = {}
    for part in optional:
        for key, hint in get_type_hints(part, include_extras=True).items():
            if get_origin(hint) in (NotRequired, Required):
                (hint,) = get_args(hint)
            options.setdefault(key, {})[hint] = None
    clash = fields.keys() & options.keys()
    assert not clash, f"sections give keys every snapshot has: {sorted(clash)}"
    for key, hints in options.items():
        fields[key] = NotRequired[Union[tuple(hints)]]  # noqa: UP007 - a runtime tuple of types
    return TypedDict(name, fields)


def frame_type(audience: str) -> type:
    shared, personal = section_parts()
    title = audience.capitalize()
    state = merged(f"{title}State", required=[Common, *AUDIENCE_PARTS[audience]], optional=shared)
    me = merged("Me", required=[Me], optional=personal) | None if audience == PARTICIPANT else None
    return TypedDict(
        f"{title}Frame",
        {"type": Literal["state"], "version": int, "server_time": int, "me": me, "state": state},
    )


def snapshot_schema(audience: str) -> dict:
    """The JSON Schema of the state frames `audience` receives (sessions.snapshots.Snapshot)."""
    return TypeAdapter(frame_type(audience)).json_schema(schema_generator=ClosedObjects)
