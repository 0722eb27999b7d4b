"""Extraction measured on the shared gold: the seed, the 85 annotated letters, the 6,471 moties.

Floors sit just below what the extractor reaches (see the report in the issue), so a regression
fails. Letters 001–060 were used for development; 061–085 were held out until the session of
2026-12-04, whose error analysis read all 85 (the real held-out check is the maintainers' own set).
"""
from __future__ import annotations

import json
import re

import pytest

from kamerstukken.eval import Report, document_from_gold, score
from kamerstukken.extract import enrich

from conftest import CORPUS, GOLD, SEED
from extract_helpers import seed_document

pytestmark = pytest.mark.usefixtures("shared")


def _letters(lo: int, hi: int) -> Report:
    rep = Report()
    for f in sorted((GOLD / "letters").glob("*.json")):
        n = int(f.stem)
        if lo <= n <= hi:
            gold = json.loads(f.read_text(encoding="utf-8"))
            rep.add(score(gold, enrich(document_from_gold(gold)), label=f"{n:03d} "))
    return rep


def test_seed_gold_without_parser():
    gold = json.loads((GOLD / "kst-28676-235.json").read_text(encoding="utf-8"))
    rep = score(gold, enrich(seed_document(SEED, gold)))
    assert rep.extraction.rate >= 0.95, rep.missed
    assert rep.statements_recall.rate >= 0.95 and rep.statements_precision.rate >= 0.90, rep.spurious


def test_seed_gold_through_parse():
    from kamerstukken import parse

    gold = json.loads((GOLD / "kst-28676-235.json").read_text(encoding="utf-8"))
    rep = score(gold, parse(SEED))
    assert rep.extraction.rate >= 0.95, "\n".join(rep.missed)
    assert rep.events.rate == 1.0 and rep.references.rate == 1.0, rep.missed


@pytest.mark.parametrize("lo,hi,recall,precision,entities", [
    (1, 60, 0.85, 0.93, 0.94),   # reached 0.875 / 0.96 / 0.96
    (61, 85, 0.92, 0.92, 0.89),  # reached 0.96 / 0.96 / 0.92
])
def test_letters_floor(lo, hi, recall, precision, entities):
    rep = _letters(lo, hi)
    assert rep.statements_recall.rate >= recall, rep.summary()
    assert rep.statements_precision.rate >= precision, rep.summary()
    assert rep.entities_total.rate >= entities, rep.summary()


def test_letters_through_parse_floor():
    """The same letters through the real reader (web page excerpts with navigation around them)."""
    from kamerstukken import parse

    rep = Report()
    for f in sorted((GOLD / "letters").glob("*.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        rep.add(score(gold, parse(CORPUS / "letters" / f"{f.stem}.txt"), label=f"{f.stem} "))
    # reached 0.89 / 0.96 / 0.95; the reader keeps text the gold leaves out (a paragraph cut
    # mid-sentence, page navigation): statements there are not judged, but they are listed
    assert rep.statements_recall.rate >= 0.86, rep.summary()
    assert rep.statements_precision.rate >= 0.93, rep.summary()
    assert rep.entities_total.rate >= 0.91, rep.summary()
    assert 0 < len(rep.out_of_scope) < 0.3 * rep.statements_precision.total, rep.out_of_scope


def test_statements_outside_the_annotated_paragraphs_are_not_judged():
    """Letter 008's gold stops at its last whole paragraph; what the reader finds after it is
    listed apart, and what lies inside the gold's paragraphs is judged as before."""
    from kamerstukken import parse

    gold = json.loads((GOLD / "letters" / "008.json").read_text(encoding="utf-8"))
    doc = parse(CORPUS / "letters" / "008.txt")
    rep = score(gold, doc)
    # the gold keeps only the opening paragraph; `Ook pleit het kabinet …` comes after it
    assert any("Ook pleit het kabinet voor een aanpassing" in s for s in rep.out_of_scope)
    assert not any("Hierbij bieden wij uw Kamer" in s for s in rep.out_of_scope)
    judged = rep.statements_precision.total + len(rep.out_of_scope)
    assert judged == len(doc.statements)
    no_scope = score({k: v for k, v in gold.items() if k != "paragraphs"}, doc)
    assert no_scope.statements_precision.total == len(doc.statements) and not no_scope.out_of_scope


def test_moties_verzoekt_are_requests_of_the_kamer():
    """Every `verzoekt …` clause of the 6,471 moties (official XML) is a request of the Tweede Kamer."""
    from kamerstukken import parse

    files = sorted((CORPUS / "moties" / "xml").glob("*.xml"))
    assert len(files) > 6000
    total = ok = 0
    failures = []
    for f in files:
        try:
            doc = parse(f)
        except Exception as e:  # a reader failure counts against the floor too
            failures.append(f"{f.name}: {type(e).__name__}")
            total += 1
            continue
        house = "Eerste Kamer" if doc.chamber == "EK" else "Tweede Kamer"
        for si, pi, p in doc.paragraphs():
            if re.match(r"\s*verzoekt\b", p, re.I):
                total += 1
                if any(s.section == si and s.paragraph == pi and s.kind == "request" and s.actor == house
                       for s in doc.statements):
                    ok += 1
                else:
                    failures.append(f"{f.name}: {p[:80]}")
    assert total > 6000
    assert ok / total >= 0.98, failures[:30]


@pytest.mark.parametrize("folder", ["xml-varied", "handelingen", "pdf"])
def test_every_kind_of_document_goes_through_extraction(folder):
    """Other kinds and eras than the letters (a voorstel van wet, legacy kamerwrk XML, Handelingen,
    Word files): extraction runs on each and gives whole sentences of the text."""
    from kamerstukken import parse
    from kamerstukken.errors import ReadError

    done = 0
    for f in sorted((CORPUS / folder).iterdir()):
        try:
            doc = parse(f)
        except ReadError:
            continue  # the one broken file: its one-line error is tested with the readers
        done += 1
        for st in doc.statements:
            assert doc.sections[st.section].paragraphs[st.paragraph][st.start:st.end] == st.text, (f.name, st)
    assert done >= 4
