"""HTML reader on officielebekendmakingen-shaped pages.

DERIVED FIXTURES: no stored HTML page of zoek.officielebekendmakingen.nl is in the corpus (the
letters are text excerpts of such pages), so the pages here are rendered at test time from real
official XML of the corpus into the HTML shape those pages use (classes `kamerstukkop`,
`dossiertitel`/`dossiernummer`, `stuktitel`/`stuknummer`, `al`, `tussenkop`, `nootnum`, `noot`,
`ondertekening`, Dublin Core `<meta>`), wrapped in site chrome (navigation, the publication-data
table, a footer) that the reader must skip. The HTML parse must agree with the XML parse.
"""
from __future__ import annotations

import html
import re

import pytest
from lxml import etree

from conftest import CORPUS
from kamerstukken.errors import ReadError
from kamerstukken.pipeline import parse
from kamerstukken.sources.html import read_html

MOTIE = CORPUS / "moties" / "xml" / "000997f1-f677-4f1a-9be2-7f0faf8479a7.xml"   # kst-34104-439
MVT = CORPUS / "xml-varied" / "kst_34468_3.xml"                                   # with tussenkoppen, noten


def _t(el) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def render_ob_html(xml: bytes) -> bytes:
    """Render official XML the way zoek.officielebekendmakingen.nl shows a Kamerstuk."""
    root = etree.fromstring(xml)
    meta = {m.get("name"): m.get("content") for m in root.iter("meta")}
    notes: list[tuple[str, str]] = []

    def inline(el) -> str:
        out = [html.escape(el.text or "")]
        for ch in el:
            if ch.tag == "noot":
                nr = _t(ch.find("noot.nr"))
                notes.append((nr, " ".join(_t(a) for a in ch.findall("noot.al"))))
                out.append(f'<sup><a class="nootnum supernote-click-{nr}" href="#n{nr}">{nr}</a></sup>')
            elif ch.tag == "nadruk":
                out.append(f"<em>{inline(ch)}</em>")
            else:
                out.append(inline(ch))
            out.append(html.escape(ch.tail or ""))
        return "".join(out)

    body: list[str] = []

    def walk(el):
        for ch in el:
            tag = ch.tag
            if tag == "al":
                body.append(f'<p class="al">{inline(ch)}</p>')
            elif tag == "tussenkop":
                body.append(f'<p class="tussenkop"><strong>{inline(ch)}</strong></p>')
            elif tag == "kop":
                body.append(f'<h2 class="divisiekop1">{inline(ch.find("titel"))}</h2>')
            elif tag == "lijst":
                body.append('<ul class="expliciet">')
                for li in ch.findall("li"):
                    nr = _t(li.find("li.nr"))
                    rest = "".join(inline(a) for a in li.findall("al"))
                    body.append(f'<li class="li"><p class="labeled"><span class="ol">{html.escape(nr)} </span>{rest}</p></li>')
                body.append("</ul>")
            elif tag == "ondertekening":
                parts = [f'<p class="functie">{inline(f)}</p>' for f in ch.findall("functie")]
                parts += [f'<p class="naam">{html.escape(_t(n))}</p>' for n in ch.findall("naam")]
                body.append(f'<div class="ondertekening">{"".join(parts)}</div>')
            else:
                walk(ch)

    ks = root.find("kamerstuk")
    kop = "".join(f'<p class="{t.get("inhoud")}">{html.escape(_t(t))}</p>' for t in ks.iter("tekstregel"))
    dossiers = "".join(
        f'<h1 class="dossiertitel"><span class="dossiernummer">{html.escape(_t(d.find("dossiernummer")))}</span> '
        f'{html.escape(_t(d.find("titel")))}</h1>' for d in ks.findall("dossier"))
    stuk = ks.find("stuk")
    date = f'<p class="kamerstukdatum">{html.escape(_t(stuk.find("datumtekst")))}</p>' \
        if stuk.find("datumtekst") is not None else ""
    walk(stuk.find("algemeen"))
    noten = "".join(
        f'<div class="voet noot snp-mouseoffset" id="n{nr}"><h5 class="note-close">'
        f'<a class="note-close" href="#close">X</a> Noot </h5><sup><span class="nootnum">{nr}</span></sup>'
        f'<p>{html.escape(text)}</p></div>' for nr, text in notes)
    heads = "".join(f'<meta name="{html.escape(k)}" content="{html.escape(v or "")}">' for k, v in meta.items())
    page = f"""<!DOCTYPE html>
<!-- DERIVED test fixture: rendered from {html.escape(meta.get("DC.identifier", ""))} official XML
     into the HTML shape of zoek.officielebekendmakingen.nl; not a stored page. -->
<html lang="nl"><head><meta charset="utf-8"><title>{html.escape(meta.get("DC.title", ""))}</title>{heads}</head>
<body>
<header><nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/zoeken">Zoeken</a></li></ul></nav></header>
<p class="skiplink">Direct naar (in deze pagina): inhoud, zoekveld of menu.</p>
<div id="content">
<table class="table"><tr><th>Datum publicatie</th><th>Organisatie</th><th>Vergaderjaar</th><th>Dossier- en ondernummer</th></tr>
<tr><td>{html.escape(meta.get("DCTERMS.available", ""))}</td><td>Tweede Kamer der Staten-Generaal</td>
<td>{html.escape(meta.get("OVERHEIDop.vergaderjaar", ""))}</td><td>{html.escape(meta.get("OVERHEIDop.dossiernummer", ""))} nr. {html.escape(meta.get("OVERHEIDop.ondernummer", ""))}</td></tr></table>
<div id="broodtekst" class="stuk">
<div class="kamerstukkop">{kop}</div>
{dossiers}
<h1 class="stuktitel"><span class="stuknummer">Nr. {html.escape(_t(stuk.find("stuknr/ondernummer")))}</span> {html.escape(_t(stuk.find("titel")))}</h1>
{date}
{"".join(body)}
</div>
<div id="noten"><hr>{noten}</div>
</div>
<footer><p>Naar boven</p><p>Colofon · Privacy</p></footer>
</body></html>"""
    return page.encode("utf-8")


def printed_names(doc):
    """Indieners as printed under the motie: the XML parse may add initials from its <meta>."""
    return [re.sub(r"^(?:[A-Z][a-z]{0,2}\.\s*)+", "", s.name).lower() for s in doc.signatories]


def _paragraphs(doc):
    return [p for _, _, p in doc.paragraphs()]


@pytest.mark.usefixtures("shared")
def test_motie_html_agrees_with_xml():
    xml = MOTIE.read_bytes()
    page = render_ob_html(xml)
    ex = read_html(page, "motie.html")
    kinds = [b.kind for b in ex.blocks]
    assert kinds[:6] == ["masthead"] * 6, kinds     # kop (3 lines + Kamerstukken), dossier, Nr.
    assert not any("Datum publicatie" in b.text or "Zoeken" in b.text or "Naar boven" in b.text
                   for b in ex.blocks), "site chrome leaked into the text"
    from_html, from_xml = parse(page, name="motie.html"), parse(xml, name="motie.xml")
    for field in ("id", "chamber", "session_year", "dossier", "number", "kind", "heading", "date"):
        assert getattr(from_html, field) == getattr(from_xml, field), field
    assert printed_names(from_html) == printed_names(from_xml) == ["rikkers-oosterkamp"]
    assert _paragraphs(from_html) == _paragraphs(from_xml)
    assert from_html.id == "kst-34104-439" and from_html.date == "2025-04-24"


@pytest.mark.usefixtures("shared")
def test_memorie_html_headings_notes_signature():
    xml = MVT.read_bytes()
    page = render_ob_html(xml)
    ex = read_html(page, "mvt.html")
    headings = [b.text for b in ex.blocks if b.kind == "heading"]
    tussenkoppen = [_t(t) for t in etree.fromstring(xml).iter("tussenkop")]
    assert [h for h in headings if h in tussenkoppen] == tussenkoppen
    notes = [n for b in ex.blocks if b.kind == "para" for n in b.notes]
    assert [m for m, _, _ in notes] == [str(i) for i in range(1, 16)]
    # every reference found its footnote text, and the marker left the paragraph text
    assert all(text for _, _, text in notes)
    first = next(b for b in ex.blocks if b.notes)
    marker, offset, text = first.notes[0]
    assert first.text[offset - len("woonwagens."):offset] == "woonwagens." and text.startswith("Kamerstukken II")
    assert not re.search(r"woonwagens\.1", first.text)
    assert [b.text for b in ex.blocks if b.kind == "signature"][:1] == ["De Minister voor Wonen en Rijksdienst,"]
    doc, from_xml = parse(page, name="mvt.html"), parse(xml, name="mvt.xml")
    for field in ("id", "session_year", "dossier", "number", "kind", "heading"):
        assert getattr(doc, field) == getattr(from_xml, field), field
    assert _paragraphs(doc) == _paragraphs(from_xml)
    assert [s.heading for s in doc.sections] == [s.heading for s in from_xml.sections]
    assert doc.footnotes == from_xml.footnotes
    assert doc.signatories == from_xml.signatories


def test_generic_html_and_encoding():
    page = ("<html><head><meta charset='windows-1252'></head><body><nav>menu</nav><main>"
            "<h2>Inzet van Nederland</h2><p>De regering steunt het voorstel.</p>"
            "<ul><li>\u2022 eerste punt;</li><li>tweede punt.</li></ul></main></body></html>").encode("cp1252")
    ex = read_html(page, "x.html")
    assert [(b.kind, b.text) for b in ex.blocks] == [
        ("heading", "Inzet van Nederland"), ("para", "De regering steunt het voorstel."),
        ("para", "eerste punt;"), ("para", "tweede punt.")]


def test_html_without_text_warns():
    ex = read_html(b"<html><body><script>var x=1;</script></body></html>", "empty.html")
    assert ex.blocks == [] and ex.warnings


def test_html_bad_input_is_one_line_error(tmp_path):
    f = tmp_path / "junk.html"
    f.write_bytes(b"<html>" + b"\x00" * 10)
    try:
        parse(f)
    except ReadError as e:
        assert "\n" not in str(e)


@pytest.mark.usefixtures("shared")
def test_vergaderjaar_from_the_publication_table():
    """Without Dublin Core metadata and kop, the page's publication-data table still gives it."""
    page = render_ob_html(MOTIE.read_bytes()).decode("utf-8")
    page = re.sub(r"<meta name=[^>]*>", "", page)
    page = re.sub(r'<div class="kamerstukkop">.*?</div>', "", page, flags=re.S)
    ex = read_html(page.encode("utf-8"), "bare.html")
    assert ex.meta == {"session_year": "2024-2025"}
    doc = parse(page.encode("utf-8"), name="bare.html")
    assert (doc.session_year, doc.id, doc.date) == ("2024-2025", "kst-34104-439", "2025-04-24")
