"""Two independent forms of one motie — official XML and third-party plain text — give one record."""
import gzip
import json
import re

import pytest

import kamerstukken
from conftest import CORPUS

FIELDS = ["id", "chamber", "session_year", "number", "kind", "date", "heading"]


@pytest.fixture(scope="module")
def both(shared):
    out = []
    with gzip.open(CORPUS / "moties" / "texts.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            text = kamerstukken.parse(r["text"].encode("utf-8"), extract=False)
            xml = kamerstukken.parse(CORPUS / "moties" / "xml" / f"{r['publication_id']}.xml", extract=False)
            out.append((r["publication_id"], text, xml))
    return out


def _rate(both, get):
    wrong = [(pid, get(t), get(x)) for pid, t, x in both if get(t) != get(x)]
    return 1 - len(wrong) / len(both), wrong


@pytest.mark.parametrize("field", FIELDS)
def test_metadata_field_agrees(both, field):
    rate, wrong = _rate(both, lambda d: getattr(d, field))
    assert len(both) == 6471
    # the text misses a date only where it prints none (7 moties): a warning says so
    assert rate >= 0.998, wrong[:5]


def test_dossiers_agree(both):
    rate, wrong = _rate(both, lambda d: [(x.number, x.suffix, x.title) for x in d.dossier])
    assert rate >= 0.999, wrong[:5]


def test_indieners_agree(both):
    """Same people in the same order. Initials are compared only where both forms can know them:
    the text prints `Teunissen`, and only the XML's meta says which of two members that is."""
    rate, wrong = _rate(both, lambda d: [re.sub(r"^(?:[A-Z][a-z]{0,2}\.\s*)+", "", s.name).lower()
                                        for s in d.signatories])
    assert rate >= 0.995, wrong[:5]
    full, _ = _rate(both, lambda d: [s.name for s in d.signatories])
    assert full >= 0.98


def test_paragraphs_agree(both):
    rate, wrong = _rate(both, lambda d: [p for _, _, p in d.paragraphs()])
    assert rate >= 0.99, [w[0] for w in wrong[:10]]


def test_no_date_is_a_warning_not_a_guess(both):
    for pid, t, x in both:
        if t.date is None:
            assert "no date found" in t.warnings
