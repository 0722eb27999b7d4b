"""The seed document against its hand-made gold: metadata, headings, clean text, notes."""
import json

import pytest

import kamerstukken
from conftest import GOLD, SEED

FIELDS = ["id", "chamber", "session_year", "number", "kind", "heading", "sender", "addressee",
          "place", "date"]


@pytest.fixture(scope="module")
def gold(shared):
    return json.loads((GOLD / "kst-28676-235.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def doc(shared):
    return kamerstukken.parse(SEED, extract=False)


@pytest.mark.parametrize("field", FIELDS)
def test_metadata(doc, gold, field):
    assert getattr(doc, field) == gold[field]


def test_dossier_and_signatories(doc, gold):
    assert [(d.number, d.title) for d in doc.dossier] == [(d["number"], d["title"]) for d in gold["dossier"]]
    assert [s.model_dump() for s in doc.signatories] == gold["signatories"]


def test_section_headings_complete(doc, gold):
    assert [s.heading for s in doc.sections] == gold["section_headings_complete"]


def test_clean_text(doc, gold):
    text = doc.text
    missing = [s for s in gold["clean_text_must_contain"] if s not in text]
    present = [s for s in gold["clean_text_must_not_contain"] if s in text]
    assert not missing, missing
    assert not present, present


def test_footnotes_and_annexes(doc, gold):
    assert [f.marker for f in doc.footnotes] == gold["footnote_markers"]
    assert [(a.label, a.footnote) for a in doc.annexes] == [(a["label"], a["footnote"]) for a in gold["annexes"]]
    # the offset points right behind the annex reference the marker stood after
    f = doc.footnotes[0]
    para = doc.sections[f.section].paragraphs[f.paragraph]
    assert para[:f.offset].endswith("(zie bijlage 1)")
    assert not doc.warnings


def test_source_is_absolute_path(doc):
    assert doc.source.path == str(SEED.resolve())
    assert doc.source.format == "text" and len(doc.source.sha256) == 64
