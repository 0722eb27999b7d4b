"""The 85 real letter excerpts (web pages, PDF text) against their hand annotation: metadata."""
import json

import pytest

import kamerstukken
from conftest import CORPUS, GOLD

FIELDS = ["id", "session_year", "number", "kind", "heading", "sender", "addressee", "place", "date"]


@pytest.fixture(scope="module")
def parsed(shared):
    out = []
    for g in sorted((GOLD / "letters").glob("*.json")):
        gold = json.loads(g.read_text("utf-8"))
        doc = kamerstukken.parse(CORPUS / "letters" / f"{g.stem}.txt", extract=False)
        out.append((g.stem, gold, doc))
    return out


@pytest.mark.parametrize("field", FIELDS)
def test_field(parsed, field):
    usable = [(n, g, d) for n, g, d in parsed if g.get("usable_for_metadata")]
    wrong = [(n, getattr(d, field), g.get(field)) for n, g, d in usable if getattr(d, field) != g.get(field)]
    assert len(usable) >= 50
    assert len(wrong) <= 0.05 * len(usable), wrong


def test_first_dossier(parsed):
    usable = [(n, g, d) for n, g, d in parsed if g.get("usable_for_metadata")]
    wrong = [n for n, g, d in usable
             if not d.dossier or (d.dossier[0].number, d.dossier[0].suffix) !=
             (g["dossier"][0]["number"], g["dossier"][0].get("suffix"))]
    assert len(wrong) <= 1, wrong


def test_a_stuk_of_two_dossiers():
    doc = kamerstukken.parse(CORPUS / "letters" / "073.txt", extract=False)
    assert [(d.number, d.suffix) for d in doc.dossier] == [("21501", "20"), ("21501", "02")]


def test_signatories_printed_in_the_excerpt(parsed):
    """Where the excerpt prints a signature, we find the gold's signatories (name and role)."""
    checked = 0
    for n, g, d in parsed:
        if not g["signatories"] or not d.signatories:
            continue
        checked += 1
        ours = {(s.name, s.role) for s in d.signatories}
        for s in g["signatories"]:
            assert (s["name"], s["role"]) in ours, (n, s, ours)
    assert checked >= 20


def test_signature_after_web_navigation():
    doc = kamerstukken.parse(CORPUS / "letters" / "054.txt", extract=False)
    assert [(s.name, s.role) for s in doc.signatories] == [("W.B. Hoekstra", "minister van Financiën")]
    # the web page's `X Noot` / `1` / text becomes footnote 1 at the marker after `(EMU)`
    assert [(f.marker, f.text) for f in doc.footnotes] == [("1", "Raadpleegbaar via www.tweedekamer.nl.")]
    para = doc.sections[0].paragraphs[0]
    assert para[:doc.footnotes[0].offset].endswith("(EMU)")


def test_vergaderjaar_derived_from_date_when_not_printed():
    doc = kamerstukken.parse(CORPUS / "letters" / "010.txt", extract=False)
    assert doc.date == "2022-05-30" and doc.session_year == "2021-2022"
    assert "vergaderjaar not printed; derived from the date" in doc.warnings


def test_gold_paragraphs_are_found(parsed):
    """Each paragraph of the hand annotation is one of ours, or is a signature we hold as a
    signatory (the gold keeps `De Minister van Financiën, W.B. Hoekstra` as a paragraph).
    Footnote markers are compared without their digits: the gold keeps them as printed."""
    import re

    def norm(s):
        return re.sub(r"\s+", " ", re.sub(r"(?<=[.,;:!?»)a-z])\d{1,2}\b", "", s)).strip()

    found = total = 0
    missed = []
    for n, g, d in parsed:
        ours = {norm(p) for _, _, p in d.paragraphs()}
        signed = [(s.role or "").lower() for s in d.signatories], [s.name.lower() for s in d.signatories]
        for p in g["paragraphs"]:
            total += 1
            q = norm(p)
            low = q.lower()
            if q in ours or any(low.endswith(name) and role in low for role, name in zip(*signed)):
                found += 1
            else:
                missed.append((n, p[:80]))
    print(f"letters: {found}/{total} gold paragraphs found ({found / total:.1%})")
    assert found / total >= 0.88, missed[:10]
