"""Lay a Kamerstuk out the way the official PDFs print it: as PDF-extracted text and as a real PDF.

Tests and benchmarks use this to check the text and PDF paths against the XML of real moties:
the paragraphs of a parsed `Document` are wrapped, words are broken at line ends with Dutch
hyphenation patterns (pyphen `nl_NL`; hyphenated compounds break at their own hyphen), pages get
running headers and page numbers. Every line-end break is recorded, so a test can check that the
parser rejoined exactly these words.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

MONTH_NAMES = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]
DIAERESIS = set("äëïöüÄËÏÖÜ")
BULLETS = set("•–-—·◦▪*")
_ALPHA_RUN = re.compile(r"[^\W\d_]+", re.UNICODE)


@dataclass
class Stuk:
    """What a layout prints: the head as the official PDF shows it, then the body."""

    session_year: str                      # `2024-2025`
    dossiers: list[tuple[str, str]]        # printed: (`21 501-20`, `Europese Raad`)
    number: str
    heading: str
    date_line: str                         # `Voorgesteld 24 april 2025` / `Den Haag, 16 december 2015`
    paragraphs: list[str]                  # body paragraphs in order (section headings included)
    chamber: str = "TK"
    addressee: Optional[str] = None
    # paragraph index → [(marker, offset)] for footnote markers printed in the text
    markers: dict = field(default_factory=dict)
    footnotes: list[tuple[str, str]] = field(default_factory=list)  # (marker, text)

    @property
    def chamber_name(self) -> str:
        return "Eerste Kamer" if self.chamber == "EK" else "Tweede Kamer"

    def running_header(self, page: Optional[int] = None) -> str:
        head = (f"{self.chamber_name}, vergaderjaar {dash(self.session_year)}, "
                f"{self.dossiers[0][0] if self.dossiers else ''}, nr. {self.number}")
        return f"{head} {page}" if page else head

    @property
    def kst_id(self) -> str:
        """`kst-36410-VIII-67` from the printed `36 410 VIII` (an `(R2184)` is not part of it)."""
        m = re.match(r"^([\d ]+?)(?:\s*-\s*(\w+)|\s+([IVXLC]+|[A-Z])\b)?(?:\s*\(R\s*\d+\))?$",
                     self.dossiers[0][0] if self.dossiers else "0")
        num = m.group(1).replace(" ", "") if m else "0"
        suffix = (m.group(2) or m.group(3)) if m else None
        return f"kst-{num}-{suffix}-{self.number}" if suffix else f"kst-{num}-{self.number}"


def dash(session_year: str) -> str:
    """Official print uses an en dash between the years."""
    return session_year.replace("-", "\u2013")


def dutch_date(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTH_NAMES[int(m) - 1]} {int(y)}"


def printed_dossier(number: str, suffix: Optional[str]) -> str:
    """`21501`, `20` → `21 501-20`; `36410`, `VII` → `36 410 VII` (as the masthead prints it)."""
    n = number
    if n.isdigit() and len(n) > 3:
        n = f"{n[:-3]} {n[-3:]}"
    if not suffix:
        return n
    if suffix.isdigit():
        return f"{n}-{suffix}"
    if suffix.upper().startswith("R") and suffix[1:].strip().isdigit():
        return f"{n} ({suffix})"
    return f"{n} {suffix}"


def stuk_from_document(doc) -> Stuk:
    """A layout source from a parsed `Document` (typically the XML parse of a motie)."""
    paragraphs: list[str] = []
    markers: dict = {}
    for si, sec in enumerate(doc.sections):
        if sec.heading:
            paragraphs.append(sec.heading)
        for pi, p in enumerate(sec.paragraphs):
            notes = [(f.marker, f.offset) for f in doc.footnotes if f.section == si and f.paragraph == pi]
            if notes:
                markers[len(paragraphs)] = notes
            paragraphs.append(p)
    # the signature is printed under the body (`De Minister van …,` / `A.G. Koenders`; for a
    # motie the indieners' names); add it when the parse keeps it out of the text
    names = [s.name for s in doc.signatories]
    if names and paragraphs[-len(names):] != names:
        for sig in doc.signatories:
            if sig.role:
                role = sig.role[:1].upper() + sig.role[1:]
                paragraphs.append(f"De {role[:1].upper()}{role[1:]},")
            paragraphs.append(sig.name)
    date = dutch_date(doc.date) if doc.date else ""
    if doc.kind == "motie" or (doc.heading or "").upper().startswith(("MOTIE", "GEWIJZIGDE MOTIE")):
        date_line = f"Voorgesteld {date}".strip()
    else:
        date_line = f"{doc.place or 'Den Haag'}, {date}" if date else ""
    return Stuk(
        session_year=doc.session_year or "",
        dossiers=[(printed_dossier(d.number, d.suffix), d.title or "") for d in doc.dossier],
        number=doc.number or "",
        heading=doc.heading or "",
        date_line=date_line,
        paragraphs=paragraphs,
        chamber=doc.chamber or "TK",
        addressee=doc.addressee,
        markers=markers,
        footnotes=[(f.marker, f.text) for f in doc.footnotes if f.text],
    )


def stuk_from_xml(data: bytes) -> Stuk:
    """A layout source straight from officielebekendmakingen XML (kamerstukkop, dossier, stuk, al),
    independent of the parser under test."""
    from lxml import etree

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))

    def text(el) -> str:
        return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else ""

    meta = {m.get("name"): m.get("content") for m in root.iter("meta")}
    year = meta.get("OVERHEIDop.vergaderjaar") or ""
    if not year:
        for t in root.iter("tekstregel"):
            if t.get("inhoud") == "vergaderjaar":
                year = re.sub(r"^\D+", "", text(t))
    dossiers = []
    for d in root.iter("dossier"):
        nr = text(d.find("dossiernummer"))
        nr = re.sub(r"\s*-\s*", "-", nr)
        nr = re.sub(r"\(\s*(R)\s*(\d+)\s*\)", r"(\1\2)", nr)
        dossiers.append((nr, text(d.find("titel"))))
    stuk = next(root.iter("stuk"))
    number = text(stuk.find("stuknr/ondernummer")) or re.sub(r"\D", "", text(stuk.find("stuknr")))
    iso = (stuk.find(".//datumtekst/datum").get("isodatum") if stuk.find(".//datumtekst/datum") is not None
           else meta.get("DCTERMS.issued", ""))
    paragraphs = []
    body = stuk.find(".//tekst")
    for el in (body.iter("al", "tussenkop") if body is not None else []):
        li = el.getparent()
        if li.tag == "li" and li.find("al") is el and li.find("li.nr") is not None:
            # the list mark as printed; a bare bullet says nothing and is left out
            mark = text(li.find("li.nr"))
            t = text(el) if mark in BULLETS else f"{mark} {text(el)}".strip()
        else:
            t = text(el)
        if t:
            paragraphs.append(t)
    date_line = f"Voorgesteld {dutch_date(iso)}" if iso else ""
    if stuk.find(".//datumtekst/datum") is None and text(stuk.find(".//datumtekst")):
        date_line = text(stuk.find(".//datumtekst"))  # printed as the XML has it, typos and all
    return Stuk(session_year=year, dossiers=dossiers, number=number, heading=text(stuk.find("titel")),
                date_line=date_line, paragraphs=paragraphs)


# ---------------------------------------------------------------------------------------------
# breaking words at line ends

@dataclass
class Break:
    """A word broken at a line end: how it must read once rejoined."""

    paragraph: int       # index into Stuk.paragraphs
    token: str           # the whole whitespace-delimited token (`NAVO-verdragsgebied,`)
    left: str            # what stands before the line end (`NAVO-verdrags-`)
    right: str           # what starts the next line (`gebied,`)
    real_hyphen: bool    # broken at its own hyphen (`Noord-` / `Atlantische`)


@lru_cache(maxsize=1)
def _hyphenator():
    import pyphen

    return pyphen.Pyphen(lang="nl_NL")


@lru_cache(maxsize=65536)
def split_points(token: str) -> tuple[tuple[int, bool], ...]:
    """Where `token` may break: (index, add a hyphen) — own hyphens, then nl_NL syllables."""
    points: list[tuple[int, bool]] = []
    if "://" in token or "@" in token or "www." in token:
        return ()
    for i, c in enumerate(token):
        if c == "-" and 0 < i < len(token) - 1 and token[i - 1].isalnum() and token[i + 1].isalnum():
            points.append((i + 1, False))
    hyph = _hyphenator()
    for m in _ALPHA_RUN.finditer(token):
        run = m.group(0)
        # no breaks in acronyms and short runs, nor inside a word glued to digits/apostrophes
        if len(run) < 5 or run.isupper():
            continue
        s, e = m.span()
        if (s > 0 and token[s - 1] in "'’") or (e < len(token) and token[e] in "'’"):
            continue
        for p in hyph.positions(run):
            # Dutch drops the diaeresis when breaking there (ge-intensiveerd): not a plain split
            if run[p] in DIAERESIS or p < 2 or len(run) - p < 2:
                continue
            points.append((s + p, True))
    return tuple(sorted(points, reverse=True))


def wrap(paragraph: str, measure: Callable[[str], float], limit: float, hyphenate: bool = True,
         index: int = 0, breaks: Optional[list] = None) -> list[str]:
    """Greedy line fill up to `limit` (in `measure` units: characters or points); a word that
    does not fit is broken at the rightmost point where its first part still fits."""
    tokens = paragraph.split()
    space = measure(" ")
    lines: list[str] = []
    line, used = "", 0.0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        w = measure(tok)
        if (used + space + w if line else w) <= limit:
            line, used = (f"{line} {tok}", used + space + w) if line else (tok, w)
            i += 1
            continue
        if not line:
            lines.append(tok)  # longer than a line: let it stand out
            i += 1
            continue
        if hyphenate:
            for at, add in split_points(tok):
                left = tok[:at] + ("-" if add else "")
                if used + space + measure(left) <= limit:
                    lines.append(f"{line} {left}")
                    if breaks is not None:
                        breaks.append(Break(index, *(_no_sup(x) for x in (tok, left, tok[at:])), not add))
                    tokens[i] = tok[at:]
                    break
            else:
                lines.append(line)
        else:
            lines.append(line)
        line, used = "", 0.0
    if line:
        lines.append(line)
    return lines


SUP_OPEN, SUP_CLOSE = "\x01", "\x02"   # brackets a superscript marker while a PDF line is set


def with_markers(text: str, notes: list, sup: bool = False) -> str:
    """Print footnote markers right after their offset, as the PDF shows them (`1)1.`); in a PDF
    they are set in superscript."""
    for marker, offset in sorted(notes, key=lambda n: -n[1]):
        mark = f"{SUP_OPEN}{marker}{SUP_CLOSE}" if sup else marker
        text = text[:offset] + mark + text[offset:]
    return text


def _variant(stuk: Stuk, salt: str) -> int:
    h = hashlib.sha256(f"{stuk.kst_id}|{stuk.heading}|{salt}".encode()).digest()
    return int.from_bytes(h[:4], "big")


# ---------------------------------------------------------------------------------------------
# (a) text as extracted from the PDF

@dataclass
class TextLayout:
    text: str
    breaks: list[Break]
    pages: int


def layout_text(stuk: Stuk, width: Optional[int] = None, page_lines: Optional[int] = None,
                first_page_footer: Optional[bool] = None, form_feed: Optional[bool] = None) -> TextLayout:
    """Text like `corpus/seed/kst-28676-235.txt`: the masthead, the body wrapped at ~`width`
    characters with line-end hyphenation, and page breaks with running headers.

    Page length, footer and form feeds vary per document (deterministically) so that breaks fall
    in different places; pass them to fix them."""
    v = _variant(stuk, "text")
    if width is None:
        width = 70 + (v >> 12) % 11  # about 75 characters, as official PDFs set them
    if page_lines is None:
        page_lines = 22 + v % 23
    if first_page_footer is None:
        first_page_footer = bool(v >> 8 & 1)
    if form_feed is None:
        form_feed = bool(v >> 9 & 1)

    head = [f"{stuk.chamber_name} der Staten-Generaal {'1' if stuk.chamber == 'EK' else '2'}",
            f"Vergaderjaar {dash(stuk.session_year)} ", ""]
    for number, title in stuk.dossiers:
        # the title stands in its own column: wrapped, never hyphenated
        tl = wrap(title, len, width - 12, hyphenate=False) or [""]
        head.append(f"{number} {tl[0]} ".rstrip() + " ")
        head.extend(f"{t} " for t in tl[1:])
        head.append("")
    hl = wrap(stuk.heading, len, width - 12, hyphenate=False) or [""]
    head.append(f"Nr. {stuk.number}  {hl[0]} ")
    head.extend(f"{t} " for t in hl[1:])
    head.append("")
    if stuk.addressee:
        head += [f"Aan de {stuk.addressee} ", ""]
    if stuk.date_line:
        head += [f"{stuk.date_line} ", ""]

    body: list[tuple[str, bool]] = []   # (line, ends a paragraph)
    breaks: list[Break] = []
    for pi, para in enumerate(stuk.paragraphs):
        text = with_markers(para, stuk.markers.get(pi, []))
        lines = wrap(text, len, width, index=pi, breaks=breaks)
        for k, ln in enumerate(lines):
            # print lines keep the trailing space of the word gap, unless broken in a word
            body.append((ln if ln.endswith("-") else ln + " ", k == len(lines) - 1))
        body.append(("", True))
    while body and body[-1][0] == "":
        body.pop()

    out = list(head)
    footer = ["kst-" + stuk.kst_id[4:], "ISSN 0921 - 7371", f"\u2019s-Gravenhage {stuk.session_year[-4:]}",
              stuk.running_header()]
    page, used, top = 1, len(head), False
    for ln, _ in body:
        if used >= page_lines:
            if page == 1 and first_page_footer:
                out += [""] + footer
            page += 1
            out.append(("\f" if form_feed else "") + stuk.running_header(page))
            used, top = 0, True
        if top:
            if not ln:
                continue  # no blank line at the top of a page
            ln = " " + ln  # the extracted text shifts the first line of a page
            top = False
        out.append(ln)
        used += 1
    if page == 1 and first_page_footer:
        out += [""] + footer
    return TextLayout("\n".join(out) + "\n", breaks, page)


# ---------------------------------------------------------------------------------------------
# (b) a real PDF

FONT_CANDIDATES = [
    ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
     "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"),
    ("/usr/share/fonts/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    ("/Library/Fonts/Arial.ttf", "/Library/Fonts/Arial Bold.ttf"),
    ("C:/Windows/Fonts/arial.ttf", "C:/Windows/Fonts/arialbd.ttf"),
]


def find_fonts() -> Optional[tuple[str, str]]:
    """A TrueType font with the Dutch characters (–, ’, «, ë); the PDF base-14 fonts lack them."""
    for regular, bold in FONT_CANDIDATES:
        if Path(regular).exists():
            return regular, bold if Path(bold).exists() else regular
    return None


@dataclass
class PdfLayout:
    data: bytes
    breaks: list[Break]
    pages: int


A4 = (595.0, 842.0)
LEFT, COL = 57.0, 200.0           # label column and text column, as in the official layout
SIZE, LEADING, GAP = 9.5, 12.0, 12.0
TOP, BOTTOM = 80.0, 842.0 - 95.0  # body area of pages after the first / bottom of the body


def _measure(font, size: float) -> Callable[[str], float]:
    """Width of a word in points; cached, since lines are filled word by word."""
    def width(s: str) -> float:
        if SUP_OPEN in s:
            plain, sup = _split_sup(s)
            return font.text_length(plain, fontsize=size) + font.text_length(sup, fontsize=size * 0.6)
        return font.text_length(s, fontsize=size)

    return lru_cache(maxsize=65536)(width)


def _no_sup(s: str) -> str:
    """A token as it reads once the parser took its footnote marker out."""
    return re.sub(f"{SUP_OPEN}.*?{SUP_CLOSE}", "", s)


def _split_sup(s: str) -> tuple[str, str]:
    parts = re.split(f"{SUP_OPEN}(.*?){SUP_CLOSE}", s)
    return "".join(parts[0::2]), "".join(parts[1::2])


@lru_cache(maxsize=2)
def _fonts(regular: str, bold: str):
    import pymupdf

    return pymupdf.Font(fontfile=regular), pymupdf.Font(fontfile=bold)


def layout_pdf(stuk: Stuk, size: float = SIZE, bottom: Optional[float] = None) -> PdfLayout:
    """A PDF of the stuk in the official two-column layout: labels left (dossier number, `Nr.`),
    text right; footer on page 1, running header and page number on later pages, footnotes at
    the foot of the page in a small size."""
    import pymupdf

    fonts = find_fonts()
    if fonts is None:
        raise RuntimeError("no TrueType font with Dutch characters found for the PDF layout")
    fr, fb = _fonts(*fonts)
    width = A4[0] - COL - LEFT
    v = _variant(stuk, "pdf")
    if bottom is None:
        # vary the page length so page breaks fall in different places
        bottom = BOTTOM - (v % 30) * LEADING
    doc = pymupdf.open()
    state = {"page": None, "tw": None, "y": 0.0, "n": 0}

    def flush():
        if state["tw"] is not None:
            state["tw"].write_text(state["page"])

    def put(x, y, text, bold_=False, fs=size):
        state["tw"].append((x, y), text, font=fb if bold_ else fr, fontsize=fs)

    def new_page():
        flush()
        state["page"] = doc.new_page(width=A4[0], height=A4[1])
        state["tw"] = pymupdf.TextWriter(state["page"].rect)
        state["n"] += 1
        if state["n"] > 1:
            put(COL, 48, stuk.running_header(), False, 8)
            put(A4[0] - LEFT - fr.text_length(str(state["n"]), fontsize=8), 48, str(state["n"]), False, 8)
            state["y"] = TOP

    new_page()
    # masthead
    put(LEFT, 62, f"{stuk.chamber_name} der Staten-Generaal", True, 16)
    put(A4[0] - LEFT - 22, 72, "1" if stuk.chamber == "EK" else "2", True, 40)
    put(LEFT, 110, f"Vergaderjaar {dash(stuk.session_year)}", False, size)
    y = 150.0
    bold11 = _measure(fb, 11.0)
    for number, title in stuk.dossiers:
        put(LEFT, y, number, True, 11)
        for ln in wrap(title, bold11, width, hyphenate=False) or [""]:
            put(COL, y, ln, True, 11)
            y += 13.5
        y += 8
    y += 30
    bold = _measure(fb, size)
    put(LEFT, y, f"Nr. {stuk.number}", True, size)
    for ln in wrap(stuk.heading, bold, width, hyphenate=False) or [""]:
        put(COL, y, ln, True, size)
        y += LEADING
    if stuk.addressee:
        y += GAP
        put(COL, y, f"Aan de {stuk.addressee}")
        y += LEADING
    if stuk.date_line:
        if stuk.addressee:
            y += GAP
        put(COL, y, stuk.date_line)
        y += LEADING
    y += GAP
    # first-page footer
    put(LEFT, A4[1] - 62, stuk.kst_id, False, 6)
    put(LEFT, A4[1] - 55, "ISSN 0921 - 7371", False, 6)
    put(LEFT, A4[1] - 48, f"\u2019s-Gravenhage {stuk.session_year[-4:]}", False, 6)
    put(COL, A4[1] - 48, stuk.running_header(), False, 8)

    regular = _measure(fr, size)
    breaks: list[Break] = []
    notes_here: list[tuple[str, str]] = []
    note_text = dict(stuk.footnotes)
    state["y"] = y

    def put_line(x, y, ln):
        # superscript markers: smaller and raised, right after the word, as official PDFs set them
        for k, piece in enumerate(re.split(f"{SUP_OPEN}(.*?){SUP_CLOSE}", ln)):
            if not piece:
                continue
            fs = size * 0.6 if k % 2 else size
            put(x, y - (size * 0.35 if k % 2 else 0), piece, False, fs)
            x += fr.text_length(piece, fontsize=fs)

    def put_notes():
        ny = bottom + 24
        for marker, text in notes_here:
            put(COL, ny, f"{marker} {text}"[:110], False, 7)
            ny += 9

    for pi, para in enumerate(stuk.paragraphs):
        text = with_markers(para, stuk.markers.get(pi, []), sup=True)
        for ln in wrap(text, regular, width, index=pi, breaks=breaks):
            if state["y"] > bottom - 9 * len(notes_here):
                put_notes()
                notes_here = []
                new_page()
            put_line(COL, state["y"], ln)
            for marker, _ in stuk.markers.get(pi, []):
                if marker in note_text and all(m != marker for m, _ in notes_here):
                    notes_here.append((marker, note_text[marker]))
            state["y"] += LEADING
        state["y"] += GAP
    put_notes()
    flush()
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True)
    return PdfLayout(data, breaks, state["n"])
