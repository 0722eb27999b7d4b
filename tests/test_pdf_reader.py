"""PDF reader on the corpus PDFs (an official motie, besluitenlijsten) and on damaged input."""
from __future__ import annotations

import re

import pytest

from conftest import CORPUS
from kamerstukken.errors import ReadError
from kamerstukken.layout import Stuk, find_fonts, layout_pdf
from kamerstukken.pipeline import parse
from kamerstukken.sources.pdf import read_pdf

PDF = CORPUS / "pdf"
# the official PDF of motie 21 501-02 nr. 3121; an incremental update left a `/Count 0` page tree
# in it, so some readers report 0 pages — PyMuPDF repairs it
MOTIE = PDF / "d7a5dc6c-3636-4acd-8630-96c14e97dcce.pdf"


@pytest.mark.usefixtures("shared")
def test_official_motie_pdf():
    ex = read_pdf(MOTIE.read_bytes(), str(MOTIE))
    lines = [b.text for b in ex.blocks if b.kind == "line" and b.text]
    # the two-column head reads as printed lines
    assert lines[:5] == ["Tweede Kamer der Staten-Generaal 2", "Vergaderjaar 2024\u20132025",
                         "21 501-02 Raad Algemene Zaken en Raad Buitenlandse", "Zaken",
                         "Nr. 3121 MOTIE VAN HET LID CEDER"]
    # the first-page footer is dropped by position and kept for its identity
    assert ex.meta["running_headers"] == ["kst-21501-02-3121", "ISSN 0921 - 7371", "\u2019s-Gravenhage 2025",
                                          "Tweede Kamer, vergaderjaar 2024\u20132025, 21 501-02, nr. 3121"]
    assert not any("ISSN" in t or "Gravenhage" in t or t.startswith("kst-") for t in lines)
    assert all(b.y is not None and 0 <= b.y <= 1 for b in ex.blocks)
    # paragraph gaps become empty lines, as in extracted text
    assert lines.index("De Kamer,") + 1 == lines.index("gehoord de beraadslaging,")
    i = [b.text for b in ex.blocks].index("De Kamer,")
    assert ex.blocks[i + 1].text == ""

    doc = parse(MOTIE)
    assert (doc.id, doc.kind, doc.heading, doc.date, doc.session_year) == (
        "kst-21501-02-3121", "motie", "MOTIE VAN HET LID CEDER", "2025-04-10", "2024-2025")
    assert doc.source.format == "pdf" and doc.source.pages == 1
    assert [(d.number, d.suffix, d.title) for d in doc.dossier] == [
        ("21501", "02", "Raad Algemene Zaken en Raad Buitenlandse Zaken")]
    assert [s.name.split()[-1] for s in doc.signatories] == ["Ceder"]  # initials may be added
    paras = [p for _, _, p in doc.paragraphs()]
    assert paras[0] == "De Kamer," and paras[-1] == "en gaat over tot de orde van de dag."
    assert ("verzoekt de regering Israël op te roepen tot onmiddellijke toelating van humanitaire hulp "
            "en herstel van stroomvoorziening in Gaza, en zich,") in " ".join(paras)


@pytest.mark.usefixtures("shared")
@pytest.mark.parametrize("name,pages,first", [
    ("besluitenlijst_example1.pdf", 10, "Den Haag, 3 april 2009"),
    ("besluitenlijst_example2.pdf", 16, "Den Haag, 28 oktober 2016"),
    ("besluitenlijst_example3.pdf", 1, "Den Haag, 27 maart 2015"),
    ("besluitenlijst_example4.pdf", 1, "Den Haag, 8 maart 2011"),
])
def test_besluitenlijsten(name, pages, first):
    ex = read_pdf((PDF / name).read_bytes(), name)
    assert ex.pages == pages
    lines = [b.text.strip() for b in ex.blocks if b.kind == "line" and b.text.strip()]
    assert lines[0] == first
    # page numbers at the foot of every page are gone; label and value columns share a line
    assert not any(re.fullmatch(r"\d{1,3}", t) for t in lines)
    assert any(re.match(r"^(\d+\. )?Agendapunt: \S", t) for t in lines)
    assert {b.page for b in ex.blocks} == set(range(1, pages + 1)) or pages == 1
    # reading order: pages ascend, and within a page the lines go down
    order = [(b.page, b.y) for b in ex.blocks if b.kind == "line"]
    assert order == sorted(order)


@pytest.mark.usefixtures("shared")
def test_besluitenlijst_fields_are_paragraphs():
    """Each field of a committee's besluitenlijst (`Zaak:`, `Besluit:`, `Noot:`) is a paragraph of
    its own, numbered agenda items keep their number, and no field becomes a heading."""
    doc = parse(PDF / "besluitenlijst_example3.pdf", extract=False)
    assert [p for _, _, p in doc.paragraphs()][2:6] == [
        "Agendapunt: Verzoek van het lid Karabulut (SP) om de minister-president uit te nodigen voor het "
        "AO discriminatieonderwerpen",
        "Zaak: Brief van lid/fractie/commissie - Tweede Kamerlid, S. Karabulut (SP) - 27 maart 2015 Verzoek van "
        "het lid Karabulut (SP) om de minister-president uit te nodigen voor het AO discriminatieonderwerpen - "
        "2015Z05561",
        "Besluit: Het voorstel van mevrouw Karabulut heeft derhalve niet kunnen rekenen op een meerderheid.",
        "Noot: In de e-mailprocedure hebben de volgende fracties met het voorstel ingestemd: SP, GL en groep "
        "Kuzu/Öztürk."]
    doc = parse(PDF / "besluitenlijst_example2.pdf", extract=False)
    paras = [p for _, _, p in doc.paragraphs()]
    assert "Besluit: Betrekken bij de verdere behandeling van het wetsvoorstel." in paras
    assert "4. Agendapunt: Reactie van de Algemene Rekenkamer op onderdeel M van de nota van wijziging op de " \
           "Comptabiliteitswet 2016" in paras
    assert not [s.heading for s in doc.sections if s.heading and re.match(r"^(\d+\. )?(Zaak|Besluit|Volgcommissie\(s\)|Agendapunt):",
                                                                          s.heading)]


@pytest.mark.usefixtures("shared")
def test_damaged_pdfs_are_one_line_errors(tmp_path):
    good = MOTIE.read_bytes()
    cases = {
        "junk.pdf": b"%PDF-1.4\n" + bytes(range(256)) * 20,
        "header-only.pdf": b"%PDF-1.7\n%%EOF\n",
        "truncated.pdf": good[:400],
    }
    for name, data in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        with pytest.raises(ReadError) as err:
            parse(f)
        msg = str(err.value)
        assert "\n" not in msg and name in msg, msg


def test_pdf_cut_short_but_readable_warns(tmp_path):
    """The official motie PDF cut after 5,000 bytes still holds its first page: PyMuPDF repairs
    it, the record is made, and a warning says text may be missing."""
    f = tmp_path / "cut.pdf"
    f.write_bytes(MOTIE.read_bytes()[:5000])
    doc = parse(f, extract=False)
    assert doc.kind == "motie" and any("damaged" in w for w in doc.warnings), doc.warnings
    assert not any("damaged" in w for w in parse(MOTIE, extract=False).warnings)


def test_encrypted_pdf(tmp_path):
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), "geheim")
    data = doc.tobytes(encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="x", owner_pw="y")
    with pytest.raises(ReadError, match="password"):
        read_pdf(data, "secret.pdf")


def test_pdf_without_text_layer_warns():
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.draw_rect(pymupdf.Rect(50, 50, 300, 300), fill=(0.5, 0.5, 0.5))
    ex = read_pdf(doc.tobytes(), "scan.pdf")
    assert ex.warnings and "no text layer" in ex.warnings[0]


def _letter() -> Stuk:
    # a real letter's head and opening (kst-28676-235, the seed), with its footnotes
    body = [
        "Hierbij bied ik u het verslag aan van de bijeenkomst van de Noord-Atlantische Raad (NAR) op het "
        "niveau van de Ministers van Buitenlandse Zaken, die op 1 en 2 december jl. in Brussel bijeen kwam.",
        "Resolute Support Missie Afghanistan",
        "Dit besluit werd vastgelegd in een verklaring (zie bijlage 1).",
    ] + [
        "Nederland heeft het belang van deze missie onderstreept. Nederland benadrukte dat de verbetering van "
        "de veiligheidssituatie in Afghanistan gepaard moet gaan met de versterking van het openbaar bestuur, "
        "de strijd tegen corruptie en de verbetering van de positie van vrouwen en kinderen."
    ] * 12
    return Stuk(session_year="2015-2016", dossiers=[("28 676", "NAVO")], number="235",
                heading="BRIEF VAN DE MINISTER VAN BUITENLANDSE ZAKEN",
                date_line="Den Haag, 16 december 2015", paragraphs=body,
                addressee="Voorzitter van de Tweede Kamer der Staten-Generaal",
                markers={2: [("1", len("Dit besluit werd vastgelegd in een verklaring (zie bijlage 1)"))]},
                footnotes=[("1", "Raadpleegbaar via www.tweedekamer.nl")])


@pytest.mark.skipif(find_fonts() is None, reason="no TrueType font with Dutch characters")
def test_generated_letter_headers_footnotes():
    stuk = _letter()
    pdf = layout_pdf(stuk, bottom=500)
    assert pdf.pages >= 3
    ex = read_pdf(pdf.data, "letter.pdf")
    notes = [b for b in ex.blocks if b.kind == "footnote"]
    assert [(n.marker, n.text) for n in notes] == [("1", "Raadpleegbaar via www.tweedekamer.nl")]
    lines = [b.text for b in ex.blocks if b.kind == "line"]
    assert "Dit besluit werd vastgelegd in een verklaring (zie bijlage 1)1." in lines
    assert not any("vergaderjaar" in t or "Raadpleegbaar" in t for t in lines)
    headers = ex.meta["running_headers"]
    # page 1 has it as a footer, later pages at the top with the page number
    assert sorted(h for h in headers if h.startswith("Tweede Kamer")) == [
        "Tweede Kamer, vergaderjaar 2015\u20132016, 28 676, nr. 235"] + [
        f"Tweede Kamer, vergaderjaar 2015\u20132016, 28 676, nr. 235 {n}" for n in range(2, pdf.pages + 1)]
    doc = parse(pdf.data, name="letter.pdf")
    assert (doc.id, doc.kind, doc.date, doc.addressee, doc.sender) == (
        "kst-28676-235", "brief", "2015-12-16", "Voorzitter van de Tweede Kamer der Staten-Generaal",
        "minister van Buitenlandse Zaken")
    assert doc.paragraphs and "Noord-Atlantische Raad" in doc.text


@pytest.mark.usefixtures("shared")
@pytest.mark.skipif(find_fonts() is None, reason="no TrueType font with Dutch characters")
def test_seed_laid_out_as_pdf_meets_the_gold():
    """The seed letter set as a real PDF (two columns, running headers, superscript footnote
    markers) parses to the gold record, as its extracted text does."""
    import json

    from conftest import GOLD, SEED
    from kamerstukken.layout import stuk_from_document

    stuk = stuk_from_document(parse(SEED, extract=False))
    pdf = layout_pdf(stuk)
    assert pdf.pages >= 3
    doc = parse(pdf.data, name="kst-28676-235.pdf", extract=False)
    gold = json.loads((GOLD / "kst-28676-235.json").read_text("utf-8"))
    for field in ("id", "chamber", "session_year", "number", "kind", "heading", "sender", "addressee",
                  "place", "date"):
        assert getattr(doc, field) == gold[field], field
    assert [(d.number, d.title) for d in doc.dossier] == [(d["number"], d["title"]) for d in gold["dossier"]]
    assert [s.model_dump() for s in doc.signatories] == gold["signatories"]
    assert [s.heading for s in doc.sections] == gold["section_headings_complete"]
    text = doc.text
    assert [m for m in gold["clean_text_must_contain"] if m not in text] == []
    assert [m for m in gold["clean_text_must_not_contain"] if m in text] == []
    assert [f.marker for f in doc.footnotes] == gold["footnote_markers"]
    assert [(a.label, a.footnote) for a in doc.annexes] == [(a["label"], a["footnote"]) for a in gold["annexes"]]


@pytest.mark.usefixtures("shared")
def test_besluitenlijst_heading_wrapped_over_two_lines():
    """`Document: Besluitenlijst van de procedurevergadering van woensdag 26` / `oktober 2016`."""
    doc = parse(PDF / "besluitenlijst_example2.pdf", extract=False)
    assert doc.heading == "Besluitenlijst van de procedurevergadering van woensdag 26 oktober 2016"
    assert doc.kind == "besluitenlijst" and doc.sender == "vaste commissie voor Financiën"
