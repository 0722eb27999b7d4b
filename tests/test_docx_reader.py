"""DOCX reader: the two real motie .docx files of the corpus against their official XML, footnotes,
headings, and damaged or hostile zips."""
from __future__ import annotations

import io
import re
import zipfile

import pytest

from conftest import CORPUS
from kamerstukken.errors import ReadError
from kamerstukken.pipeline import parse
from kamerstukken.sources.docx import read_docx

PAIRS = [  # the .docx as the Tweede Kamer published it, and the official XML of the same motie
    ("0787ced2-629a-4d32-ab8f-4b97a7680248.docx", "1975718b-2d90-44b9-ad1a-e33f1b4ad5b4", "kst-36278-32"),
    ("09b97518-8d7c-4a90-a090-28e45bc44920.docx", "3bb6b74d-77a1-4670-bffb-b925474468bb", "kst-36682-10"),
]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _norm(text: str) -> str:
    # the .docx keeps an author's space before `;` that the official edition removed
    return re.sub(r"\s+([;,.:])", r"\1", text)


def _names(doc):
    return [re.sub(r"^(?:[A-Z][a-z]{0,2}\.\s*)+", "", s.name) for s in doc.signatories]


@pytest.mark.usefixtures("shared")
@pytest.mark.parametrize("docx_name,xml_id,kst", PAIRS)
def test_docx_motie_agrees_with_xml(docx_name, xml_id, kst):
    path = CORPUS / "pdf" / docx_name
    ex = read_docx(path.read_bytes(), docx_name)
    head = [b.text for b in ex.blocks if b.kind == "masthead"]
    assert head[0] == "TWEEDE KAMER DER STATEN-GENERAAL 2" and head[1] == "Vergaderjaar 2024-2025"
    assert re.match(r"^Nr\. ?\d+ (GEWIJZIGDE )?MOTIE VAN HET LID", head[3]) and head[-1].startswith("Voorgesteld")
    # merged table cells are read once
    assert len(set(b.text for b in ex.blocks)) == len(ex.blocks)
    doc = parse(path)
    xml = parse(CORPUS / "moties" / "xml" / f"{xml_id}.xml")
    assert doc.id == kst and doc.source.format == "docx"
    for field in ("id", "chamber", "session_year", "dossier", "number", "kind", "heading", "date"):
        assert getattr(doc, field) == getattr(xml, field), field
    assert _names(doc) == _names(xml)
    assert [_norm(p) for _, _, p in doc.paragraphs()] == [p for _, _, p in xml.paragraphs()]


def _rewrite(data: bytes, edit) -> bytes:
    """A copy of a .docx with some members changed by `edit(name, bytes) -> bytes`."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, edit(info.filename, src.read(info.filename)))
    return out.getvalue()


@pytest.mark.usefixtures("shared")
def test_footnotes_headings_and_bold_tussenkop():
    """A real .docx with a footnote reference, a Heading style and a bold line added."""
    data = (CORPUS / "pdf" / PAIRS[0][0]).read_bytes()
    note = ('<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>'
            '<w:r><w:t xml:space="preserve"> Kamerstuk 36 278, nr. 3.</w:t></w:r></w:p></w:footnote>')

    def edit(name, blob):
        if name == "word/footnotes.xml":
            return blob.replace(b"</w:footnotes>", note.encode() + b"</w:footnotes>")
        if name == "word/document.xml":
            text = blob.decode("utf-8")
            text = text.replace(
                "<w:t>gehoord de beraadslaging,</w:t></w:r>",
                "<w:t>gehoord de beraadslaging,</w:t></w:r>"
                '<w:r><w:rPr><w:rStyle w:val="Voetnootmarkering"/></w:rPr><w:footnoteReference w:id="7"/></w:r>', 1)
            extra = ('<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Toelichting</w:t></w:r></w:p>'
                     '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Kwaliteitsregistraties</w:t></w:r></w:p>'
                     '<w:p><w:r><w:t>De registraties worden jaarlijks bekeken.</w:t></w:r></w:p>')
            return text.replace("<w:sectPr", extra + "<w:sectPr", 1).encode("utf-8")
        return blob

    ex = read_docx(_rewrite(data, edit), "edited.docx")
    noted = [b for b in ex.blocks if b.notes]
    assert [(b.text, b.notes) for b in noted] == [
        ("gehoord de beraadslaging,", [("1", len("gehoord de beraadslaging,"), "Kamerstuk 36 278, nr. 3.")])]
    kinds = [(b.kind, b.text) for b in ex.blocks][-3:]
    assert kinds[0][0] == "heading" and kinds[0][1] == "Toelichting"
    assert kinds[1] == ("heading", "Kwaliteitsregistraties")
    assert kinds[2] == ("para", "De registraties worden jaarlijks bekeken.")


@pytest.mark.usefixtures("shared")
def test_hostile_and_broken_docx(tmp_path):
    good = (CORPUS / "pdf" / PAIRS[0][0]).read_bytes()
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b" " * (20 * 1024 * 1024))
    not_word = io.BytesIO()
    with zipfile.ZipFile(not_word, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        z.writestr("content.xml", "<office:document-content/>")
    cases = {
        "bomb.docx": (bomb.getvalue(), "zip bomb"),
        "truncated.docx": (good[: len(good) // 2], "corrupt zip"),
        "odt.docx": (not_word.getvalue(), "not a Word document"),
        "junk.docx": (b"PK\x03\x04" + b"\x00" * 200, "corrupt zip"),
        "badxml.docx": (_rewrite(good, lambda n, b: b[:100] if n == "word/document.xml" else b), "not a readable"),
    }
    for name, (data, why) in cases.items():
        f = tmp_path / name
        f.write_bytes(data)
        with pytest.raises(ReadError) as err:
            parse(f)
        msg = str(err.value)
        assert why in msg and name in msg and "\n" not in msg, msg


def test_legacy_doc_is_read(tmp_path):
    """A real motie published as Word 97 .doc: the table head (`Nr. 17` | `MOTIE VAN …`) reads like
    the printed one, and a .doc cut short is a one-line error."""
    src = CORPUS / "pdf" / "ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc"
    doc = parse(src)
    assert (doc.source.format, doc.id, doc.session_year, doc.kind, doc.heading, doc.date) == (
        "doc", "kst-31951-17", "2008-2009", "motie", "MOTIE VAN HET LID VERDONK", "2009-05-28")
    assert doc.dossier[0].title == "Verantwoordingsbrief 2008"
    assert [s.name for s in doc.signatories] == ["Verdonk"]
    paras = [p for _, _, p in doc.paragraphs()]
    assert paras[0] == "De Kamer," and paras[-1] == "en gaat over tot de orde van de dag."
    assert any(p.startswith("verzoekt de Kamer af te zien van de voortzetting van verantwoordingsdag")
               for p in paras)
    assert [s.kind for s in doc.statements if s.kind == "request"] == ["request"]
    cut = tmp_path / "kapot.doc"
    cut.write_bytes(src.read_bytes()[:4096])
    with pytest.raises(ReadError) as err:
        parse(cut)
    assert "kapot.doc" in str(err.value) and "not a readable .doc" in str(err.value)
    assert "\n" not in str(err.value)


def test_running_header_in_page_header(tmp_path):
    """A .docx page header is not body text; a running header there is kept for its identity."""
    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "Tweede Kamer, vergaderjaar 2024-2025, 36 278, nr. 32"
    d.add_paragraph("De Kamer,")
    d.add_paragraph("gehoord de beraadslaging,")
    f = tmp_path / "h.docx"
    d.save(f)
    ex = read_docx(f.read_bytes(), "h.docx")
    assert ex.meta["running_headers"] == ["Tweede Kamer, vergaderjaar 2024-2025, 36 278, nr. 32"]
    assert [b.text for b in ex.blocks] == ["De Kamer,", "gehoord de beraadslaging,"]
