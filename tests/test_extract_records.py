"""The record builders of extraction make the very instances pydantic's validation makes."""
from __future__ import annotations

from kamerstukken.extract import records
from kamerstukken.model import Consideration, Entity, Mention, Reference, Statement


def _state(obj):
    return (type(obj), list(obj.__dict__.items()), obj.model_fields_set, obj.__pydantic_extra__,
            obj.__pydantic_private__, obj.model_dump_json())


def test_builders_equal_validated_records():
    cases = [
        (records.mention(1, 2, 3, 7, "NAVO"), Mention(section=1, paragraph=2, start=3, end=7, text="NAVO")),
        (records.entity("NAVO", "organisation", None, None), Entity(name="NAVO", kind="organisation", key=None, role=None)),
        (records.entity("Oekraïne", "country", "UKR", "x"), Entity(name="Oekraïne", kind="country", key="UKR", role="x")),
        (records.statement("position", "Nederland", "benadrukte", "Nederland benadrukte dat.", 0, 3, 10, 35, None),
         Statement(kind="position", actor="Nederland", cue="benadrukte", text="Nederland benadrukte dat.", section=0,
                   paragraph=3, start=10, end=35, topic=None)),
        (records.reference("kamerstuk", "28 676, nr. 235", "kst-28676-235", None),
         Reference(kind="kamerstuk", text="28 676, nr. 235", target="kst-28676-235", date=None)),
        (records.consideration("overwegende", "overwegende dat …", 0, 2),
         Consideration(kind="overwegende", text="overwegende dat …", section=0, paragraph=2)),
    ]
    for built, validated in cases:
        assert _state(built) == _state(validated)
        assert built == validated


def test_built_entity_takes_mentions_and_a_role_later():
    e = records.entity("NAVO", "organisation", None, None)
    e.mentions.append(records.mention(0, 0, 0, 4, "NAVO"))
    e.role = "x"
    v = Entity(name="NAVO", kind="organisation", key=None, role=None)
    v.mentions.append(Mention(section=0, paragraph=0, start=0, end=4, text="NAVO"))
    v.role = "x"
    assert _state(e) == _state(v)
    assert records.entity("a", "place", None, None).mentions is not records.entity("a", "place", None, None).mentions
