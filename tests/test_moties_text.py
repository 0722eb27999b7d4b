"""All 6,471 third-party motie texts (one element per line) against their official XML."""
import gzip
import json
import re

import pytest
from lxml import etree

import kamerstukken
from conftest import CORPUS


def _xml_truth(path):
    """What the official XML states, read straight from its elements (independent of our reader)."""
    x = etree.parse(str(path))

    def text(p):
        el = x.find(p)
        return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else None

    dn = text(".//dossier/dossiernummer/dossiernr")
    suffix = text(".//dossier/dossiernummer/begrotingshoofdstuk") or text(".//dossier/dossiernummer/raadnr")
    num = text(".//stuknr/ondernummer")
    dt = x.find(".//datumtekst/datum")
    vj = text('.//kamerstukkop/tekstregel[@inhoud="vergaderjaar"]')
    body = [re.sub(r"\s+", " ", "".join(a.itertext())).strip() for a in x.iterfind(".//stuk//al")]
    return {
        "id": f"kst-{dn.replace(' ', '')}-{suffix + '-' if suffix else ''}{num}",
        "number": num,
        "session_year": vj.split()[-1] if vj else None,
        "date": dt.get("isodatum") if dt is not None else None,
        "kind": "motie",
        "heading": text(".//stuk/titel"),
        "body": [b for b in body if b],
    }


@pytest.fixture(scope="module")
def pairs(shared):
    out = []
    with gzip.open(CORPUS / "moties" / "texts.jsonl.gz", "rt", encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            doc = kamerstukken.parse(r["text"].encode("utf-8"), extract=False)
            out.append((r["publication_id"], doc, _xml_truth(CORPUS / "moties" / "xml" / f"{r['publication_id']}.xml")))
    return out


@pytest.mark.parametrize("field", ["id", "number", "session_year", "date", "kind", "heading"])
def test_metadata_agrees_with_xml(pairs, field):
    wrong = [(pid, getattr(d, field), t[field]) for pid, d, t in pairs if getattr(d, field) != t[field]]
    assert len(pairs) == 6471
    assert len(wrong) / len(pairs) <= 0.005, wrong[:10]


def test_signatories_are_the_indieners(pairs):
    wrong = []
    for pid, d, t in pairs:
        names = [s.name.lower() for s in d.signatories]
        # the indieners close the motie: its last body elements are their names, in order
        # (initials may be added from the Kamerleden list: `Van Nispen` → `M. van Nispen`)
        printed = [b.rstrip(".,").split()[-1].lower() for b in t["body"][-len(names):]] if names else []
        if not names or not all(n.endswith(p) for n, p in zip(names, printed)):
            wrong.append((pid, names, t["body"][-3:]))
    assert len(wrong) / len(pairs) <= 0.005, wrong[:10]


def test_paragraphs_are_the_xml_elements(pairs):
    """Same text everywhere; the same paragraphs except where the XML splits one sentence over
    two `al` elements (an authoring slip the text form lets us mend)."""
    wrong_text, wrong_split = [], []
    for pid, d, t in pairs:
        paras = [p for s in d.sections for p in s.paragraphs]
        expected = t["body"][:len(t["body"]) - len(d.signatories)]
        expected = [e for e in expected if not re.fullmatch(r"[\u2022\u2013-]|\d{1,2}[.)]|[a-z][.)]", e)]
        if " ".join(paras) != " ".join(expected):
            wrong_text.append(pid)
        elif paras != expected and len(paras) >= len(expected):
            wrong_split.append(pid)  # merging a sentence the XML split in two is right
    assert len(wrong_text) / len(pairs) <= 0.005, wrong_text[:10]
    assert len(wrong_split) / len(pairs) <= 0.002, wrong_split[:10]


def test_a_motie_field_by_field(pairs):
    pid, d, _ = next(p for p in pairs if p[0] == "000e8c8f-7a9d-4167-9f69-82f454885dd4")
    assert d.id == "kst-36410-VII-108"
    assert [(x.number, x.suffix) for x in d.dossier] == [("36410", "VII")]
    assert d.dossier[0].title.startswith("Vaststelling van de begrotingsstaten van het Ministerie van Binnenlandse Zaken")
    assert d.heading == "MOTIE VAN DE LEDEN VAN OOSTENBRUGGEN EN PALMEN"
    assert d.date == "2024-04-17" and d.session_year == "2023-2024" and d.chamber == "TK"
    assert [s.name for s in d.signatories] == ["T. van Oostenbruggen", "S.T.P.H. Palmen"]
    assert d.sections[0].paragraphs[0] == "De Kamer,"
    assert not d.warnings
