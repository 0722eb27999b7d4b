"""Scoring against gold: matches, misses and spurious items are counted as documented."""
from __future__ import annotations

import hashlib
import json

from typer.testing import CliRunner

from kamerstukken.cli import app
from kamerstukken import parse
from kamerstukken.eval import document_from_gold, score
from kamerstukken.model import Document, Entity, Event, Reference, Section, Source, Statement

TEXT = "Nederland heeft het belang van deze missie onderstreept."


def _doc(statements=(), entities=(), events=(), references=()) -> Document:
    return Document(id="t", source=Source(format="text", sha256=hashlib.sha256(b"t").hexdigest()),
                    sections=[Section(paragraphs=[TEXT])], statements=list(statements),
                    entities=list(entities), events=list(events), references=list(references))


def _st(kind="position", actor="Nederland", text=TEXT):
    return Statement(kind=kind, actor=actor, cue="onderstreept", text=text, section=0, paragraph=0, start=0,
                     end=len(text))


GOLD = {
    "statements": [{"kind": "position", "actor": "Nederland", "contains": "het belang van deze missie"}],
    "entities_must_include": {"country": ["Nederland"], "organisation": ["NAVO"]},
    "events": [{"name": "Noord-Atlantische Raad", "start": "2015-12-01", "end": "2015-12-02", "place": "Brussel"}],
    "references_must_include": [{"kind": "resolution", "text": "VNVR-resolutie 2249", "target": "UNSCR 2249"}],
}


def test_statement_matches_on_kind_actor_and_text():
    rep = score(GOLD, _doc([_st()]))
    assert (rep.statements_recall.matched, rep.statements_recall.total) == (1, 1)
    assert rep.statements_precision.rate == 1.0


def test_wrong_actor_or_kind_is_missed_and_spurious():
    for wrong in (_st(actor="NAVO"), _st(kind="decision")):
        rep = score(GOLD, _doc([wrong]))
        assert rep.statements_recall.matched == 0
        assert rep.statements_precision.matched == 0 and rep.statements_precision.total == 1
        assert rep.missed and rep.spurious


def test_one_gold_item_matches_one_statement():
    rep = score(GOLD, _doc([_st(), _st()]))
    assert rep.statements_recall.rate == 1.0
    # the duplicate still matches the gold item, so it is not counted spurious
    assert rep.statements_precision.total == 2


def test_entities_events_references():
    doc = _doc(entities=[Entity(name="Nederland", kind="country", key="NL")],
               events=[Event(name="Noord-Atlantische Raad", start="2015-12-01", end="2015-12-02", place="Brussel")],
               references=[Reference(kind="resolution", text="VNVR-resolutie 2249", target="UNSCR 2249")])
    rep = score(GOLD, doc)
    assert (rep.entities["country"].matched, rep.entities["organisation"].matched) == (1, 0)
    assert rep.events.rate == 1.0 and rep.references.rate == 1.0
    assert any("NAVO" in m for m in rep.missed)
    wrong = _doc(events=[Event(name="Noord-Atlantische Raad", start="2015-12-02", end="2015-12-02")])
    assert score(GOLD, wrong).events.rate == 0.0


def test_names_compare_as_the_lexicon_names_what_they_stand_for(shared):
    # letter 036's gold writes the council's full name, the parse gives the lexicon's "JBZ-Raad"
    gold = json.loads((shared / "gold/letters/036.json").read_text(encoding="utf-8"))
    rep = score(gold, parse(shared / "corpus/letters/036.txt"))
    assert not any("Justitie en Binnenlandse" in m for m in rep.missed), rep.missed
    jbz = _doc([_st(actor="JBZ-Raad")], entities=[Entity(name="JBZ-Raad", kind="organisation")])
    gold = {"statements": [{"kind": "position", "actor": "Raad Justitie en Binnenlandse Zaken", "contains": "missie"}],
            "entities_must_include": {"organisation": ["Raad Justitie en Binnenlandse Zaken", "Ecofin"]}}
    rep = score(gold, jbz)
    assert rep.statements_recall.rate == 1.0 and rep.entities["organisation"].matched == 1
    # an adjective is no name of its country: "Russische" as an actor is not Rusland
    assert score({"statements": [{"kind": "position", "actor": "Rusland", "contains": "missie"}]},
                 _doc([_st(actor="Russische")])).statements_recall.rate == 0.0


def test_document_from_gold_sections():
    gold = {"id": "x", "kind": "brief", "paragraphs": ["a", "b", "c"], "section_headings": {"1": "Kop"}}
    doc = document_from_gold(gold)
    assert [(s.heading, s.paragraphs) for s in doc.sections] == [(None, ["a"]), ("Kop", ["b", "c"])]


def test_kst_eval_prints_what_is_missed(tmp_path):
    g = tmp_path / "gold.json"
    g.write_text(json.dumps({**GOLD, "kind": "brief", "date": "2015-12-16", "paragraphs": [TEXT]}))
    res = CliRunner().invoke(app, ["eval", str(g), "--gold-text"])
    assert res.exit_code == 0, res.output
    assert "statements recall   1/1" in res.output
    assert "missed:" in res.output and "entity organisation: NAVO" in res.output


def test_kst_eval_folder(tmp_path):
    for n in (1, 2):
        (tmp_path / f"{n:03d}.json").write_text(json.dumps({**GOLD, "kind": "brief", "paragraphs": [TEXT]}))
    res = CliRunner().invoke(app, ["eval", str(tmp_path), "--gold-text"])
    assert res.exit_code == 0, res.output
    assert "001.json: extraction" in res.output and "002.json: extraction" in res.output
    assert "statements recall   2/2" in res.output


def test_a_name_written_in_another_case_still_matches():
    gold = {"statements": [{"kind": "position", "actor": "eu", "contains": "missie"}],
            "entities_must_include": {"organisation": ["eu"]}}
    rep = score(gold, _doc([_st(actor="EU")], entities=[Entity(name="EU", kind="organisation")]))
    assert rep.statements_recall.rate == 1.0 and rep.entities["organisation"].matched == 1
