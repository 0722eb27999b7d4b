"""The records extraction makes (mentions, entities, statements, …), built without re-validation.

A letter gives a few hundred of these small records, from values that are already of the model's
types (ints, strs, None, the kinds of its Literals); pydantic's validation of each was about a tenth
of extraction. Each builder makes the instance validation would make: the fields in the model's order
(dumps follow it), defaults filled in, `model_fields_set` the fields a validated call would be given.
tests/test_extract_records.py checks that against pydantic.
"""
from __future__ import annotations

from typing import Optional

from pydantic import BaseModel

from ..model import Consideration, Entity, Mention, Reference, Statement

_new = object.__new__
# the setters of BaseModel's four slots, called directly: object.__setattr__ looks each name up in
# the class first, which made it a quarter of the cost of a record
_SLOTS = vars(BaseModel)
_set_dict = _SLOTS["__dict__"].__set__
_set_fields = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__


def _built(cls, values: dict, given: frozenset):
    obj = _new(cls)
    _set_dict(obj, values)
    _set_fields(obj, set(given))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


_MENTION = frozenset(Mention.model_fields)
_ENTITY = frozenset(("name", "kind", "key", "role"))  # `mentions` is left to its default
_STATEMENT = frozenset(Statement.model_fields)
_REFERENCE = frozenset(Reference.model_fields)
_CONSIDERATION = frozenset(Consideration.model_fields)


def mention(section: int, paragraph: int, start: int, end: int, text: str) -> Mention:
    # _built written out: a letter makes a hundred and more mentions, and the call was a tenth of each
    obj = _new(Mention)
    _set_dict(obj, {"section": section, "paragraph": paragraph, "start": start, "end": end, "text": text})
    _set_fields(obj, set(_MENTION))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


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
