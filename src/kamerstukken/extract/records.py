"""The records extraction makes (mentions, entities, statements, …), built without re-validation.

A letter gives a few hundred of these small records, from values that are already of the model's
types (ints, strs, None, the kinds of its Literals); pydantic's validation of each was about a tenth
of extraction. Each builder makes the instance validation would make: the fields in the model's order
(dumps follow it), defaults filled in, `model_fields_set` the fields a validated call would be given.
tests/test_extract_records.py checks that against pydantic.
"""
from __future__ import annotations

from typing import Optional

from ..model import Consideration, Entity, Mention, Reference, Statement

_new = object.__new__
_set = object.__setattr__


def _built(cls, values: dict, given: frozenset):
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set(obj, "__pydantic_fields_set__", set(given))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


_MENTION = frozenset(Mention.model_fields)
_ENTITY = frozenset(("name", "kind", "key", "role"))  # `mentions` is left to its default
_STATEMENT = frozenset(Statement.model_fields)
_REFERENCE = frozenset(Reference.model_fields)
_CONSIDERATION = frozenset(Consideration.model_fields)


def mention(section: int, paragraph: int, start: int, end: int, text: str) -> Mention:
    return _built(Mention, {"section": section, "paragraph": paragraph, "start": start, "end": end,
                            "text": text}, _MENTION)


def entity(name: str, kind: str, key: Optional[str], role: Optional[str]) -> Entity:
    """`Entity(name=…, kind=…, key=…, role=…)`, with no mentions yet."""
    return _built(Entity, {"name": name, "kind": kind, "key": key, "role": role, "mentions": []}, _ENTITY)


def statement(kind: str, actor: Optional[str], cue: str, text: str, section: int, paragraph: int,
              start: int, end: int, topic: Optional[str]) -> Statement:
    return _built(Statement, {"kind": kind, "actor": actor, "cue": cue, "text": text, "section": section,
                              "paragraph": paragraph, "start": start, "end": end, "topic": topic}, _STATEMENT)


def reference(kind: str, text: str, target: Optional[str], date: Optional[str]) -> Reference:
    return _built(Reference, {"kind": kind, "text": text, "target": target, "date": date}, _REFERENCE)


def consideration(kind: str, text: str, section: int, paragraph: int) -> Consideration:
    return _built(Consideration, {"kind": kind, "text": text, "section": section, "paragraph": paragraph},
                  _CONSIDERATION)
