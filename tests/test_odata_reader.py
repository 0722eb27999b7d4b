"""The OData reader on real Tweede Kamer open-data records."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from lxml import etree

import kamerstukken
from kamerstukken.errors import ReadError
from kamerstukken.sources.odata import NO_TEXT, kind_from_soort, read_odata


def _odata(shared: Path, name: str) -> Path:
    return shared / "corpus" / "odata" / f"{name}.jsonl.gz"


def _lines(shared: Path, name: str, limit: int | None = None):
    with gzip.open(_odata(shared, name), "rb") as f:
        for i, line in enumerate(f):
            if limit is not None and i >= limit:
                return
            yield line


def _first(shared, pred, name="document"):
    for line in _lines(shared, name):
        rec = json.loads(line)
        if pred(rec):
            return line, rec
    raise AssertionError("no such record")


def test_memorie_van_toelichting_record(shared):
    line, rec = _first(shared, lambda r: r.get("DocumentNummer") == "2025D18359")
    doc = kamerstukken.parse(line, name="2025D18359.json", extract=False)
    assert doc.source.format == "odata"
    assert doc.id == "2025D18359"  # no kst id in a plain Document record, and no dossier
    assert (doc.kind, doc.chamber, doc.session_year, doc.date) == (
        "memorie-van-toelichting", "TK", "2024-2025", "2025-04-23")
    assert doc.number == "2"  # Volgnummer
    # Onderwerp only repeats the Soort: the title is the Titel (the bill's)
    assert doc.title.startswith("Wijziging van de begrotingsstaat van het Mobiliteitsfonds")
    assert NO_TEXT in doc.warnings
    assert doc.sections == [] or not any(s.paragraphs for s in doc.sections)


def test_motie_record_in_a_zaak_gives_the_kst_id(shared):
    line, rec = _first(shared, lambda r: r.get("Nummer") == "2025Z02986", "zaak_documents")
    doc = kamerstukken.parse(line, name="zaak.json", extract=False)
    assert doc.id == "kst-19637-3384"  # HuidigeDocumentVersie.ExterneIdentifier
    assert [(d.number, d.suffix, d.title) for d in doc.dossier] == [("19637", None, "Vreemdelingenbeleid")]
    assert (doc.number, doc.kind, doc.date) == ("3384", "motie", "2025-02-18")
    assert doc.title.startswith("Gewijzigde motie van het lid Podt c.s. over een betere schaderegeling")
    assert any("Zaak 2025Z02986" in w for w in doc.warnings)


def test_every_record_reads(shared):
    """All 58,249 Document records: the 11,269 deleted ones refused with one line, the rest read."""
    read = deleted = 0
    kinds: dict[str, int] = {}
    for line in _lines(shared, "document"):
        try:
            ex = read_odata(line, "r.json")
        except ReadError as e:
            assert "deleted" in str(e) and "\n" not in str(e)
            deleted += 1
            continue
        read += 1
        kinds[ex.meta["kind"]] = kinds.get(ex.meta["kind"], 0) + 1
        assert ex.meta["id"] and ex.blocks == []
    assert (read, deleted) == (46980, 11269)
    # the Soort table covers the Kamerstukken; `other` is Bijlage, Convocatie, Sprekerslijst …
    assert kinds["motie"] == 4611 and kinds["amendement"] == 1029
    assert kinds["other"] < 0.45 * read


def test_records_agree_with_the_official_xml(shared):
    """For the 3,628 moties that are both in the OData dump and the XML corpus, Volgnummer is the
    stuk number and Datum the date the motie was voorgesteld."""
    pub = {}
    with gzip.open(shared / "corpus" / "moties" / "texts.jsonl.gz", "rt") as f:
        for line in f:
            t = json.loads(line)
            pub[t["document_nummer"]] = t["publication_id"]
    checked = 0
    tvv = []  # gewijzigde moties: dossier from `(t.v.v. 19637-3370)`, so a kst id
    fails: dict[str, list] = {"number": [], "date": [], "kind": [], "session_year": []}
    for line in _lines(shared, "document"):
        rec = json.loads(line)
        if rec.get("DocumentNummer") not in pub:
            continue
        ex = read_odata(line, "r.json")
        root = etree.parse(str(shared / "corpus" / "moties" / "xml" /
                               f"{pub[rec['DocumentNummer']]}.xml")).getroot()
        datum = root.find(".//datumtekst/datum")
        want = {"number": root.find(".//ondernummer").text.strip(), "kind": "motie",
                "date": datum.get("isodatum") if datum is not None else None,
                "session_year": root.find(".//tekstregel[@inhoud='vergaderjaar']").text.split()[-1]}
        checked += 1
        if ex.meta["id"].startswith("kst-"):
            url = root.find(".//meta[@name='OVERHEIDop.externMetadataRecord']")
            ident = root.find(".//meta[@name='DC.identifier']")
            official = ident.get("content") if ident is not None else url.get("content").split("/")[-2]
            tvv.append((ex.meta["id"], official))
        for k, v in want.items():
            if ex.meta.get(k) != v:
                fails[k].append((rec["DocumentNummer"], ex.meta.get(k), v))
    assert checked == 3628
    assert len(tvv) >= 250 and all(a == b for a, b in tvv), [x for x in tvv if x[0] != x[1]][:10]
    for k, f in fails.items():
        assert len(f) / checked <= 0.005, f"{k}: {len(f)} differ: {f[:20]}"


def test_kind_from_soort():
    assert kind_from_soort("Motie (gewijzigd/nader)") == "motie"
    assert kind_from_soort("Brief regering") == "brief"
    assert kind_from_soort("Antwoord schriftelijke vragen") == "antwoord"
    assert kind_from_soort("Besluitenlijst procedurevergadering") == "besluitenlijst"
    assert kind_from_soort("Bijlage") == "other"
    assert kind_from_soort(None) == "other"


def test_expanded_dossier_and_indieners(shared):
    """`$expand=Kamerstukdossier,DocumentActor` as the API gives them (added to a real record)."""
    _, rec = _first(shared, lambda r: r.get("Soort") == "Motie" and r.get("Volgnummer", 0) > 0)
    rec = dict(rec)
    rec["Kamerstukdossier"] = [{"Nummer": 36600, "Toevoeging": "VI", "Titel": "Justitie en Veiligheid"}]
    rec["DocumentActor"] = [
        {"ActorNaam": "S. Teunissen", "Relatie": "Medeindiener", "Functie": "Tweede Kamerlid"},
        {"ActorNaam": "M. van Nispen", "Relatie": "Indiener", "Functie": "Tweede Kamerlid"},
        {"ActorNaam": "Griffie", "Relatie": "Behandelaar"},
    ]
    ex = read_odata(json.dumps(rec).encode(), "r.json")
    assert ex.meta["id"] == f"kst-36600-VI-{rec['Volgnummer']}"
    assert ex.meta["dossier"] == [{"number": "36600", "suffix": "VI", "title": "Justitie en Veiligheid"}]
    assert [s["name"] for s in ex.meta["signatories"]] == ["M. van Nispen", "S. Teunissen"]


def test_one_record_jsonl_and_odata_envelope(shared):
    line, rec = _first(shared, lambda r: r.get("DocumentNummer") == "2025D18359")
    assert read_odata(line + b"\n", "one.jsonl").meta["id"] == "2025D18359"
    envelope = json.dumps({"@odata.context": "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0/$metadata#Document",
                           "value": [rec]}).encode()
    assert read_odata(envelope, "resp.json").meta["id"] == "2025D18359"


def test_several_records_are_refused(shared):
    data = b"".join(_lines(shared, "document", limit=4))
    with pytest.raises(ReadError, match=r"4 OData records in one file; give one record"):
        kamerstukken.parse(data, name="many.jsonl", extract=False)


def test_deleted_and_broken_records(shared):
    line, _ = _first(shared, lambda r: r.get("Verwijderd") is True)
    with pytest.raises(ReadError, match="deleted"):
        kamerstukken.parse(line, name="gone.json", extract=False)
    with pytest.raises(ReadError, match="not valid JSON"):
        read_odata(b'{"DocumentNummer": "2025D1", ', "cut.json")
    with pytest.raises(ReadError, match="not a Tweede Kamer Document record"):
        read_odata(b'{"Id": "x", "Naam": "Fractie"}', "fractie.json")
    zaak = next(json.loads(l) for l in _lines(shared, "zaak_documents") if len(json.loads(l)["Document"]) > 1)
    with pytest.raises(ReadError, match=r"Zaak .* with \d+ documents"):
        read_odata(json.dumps(zaak).encode(), "zaak.json")
