"""officielebekendmakingen HTML (lxml.html): the stuk's head as `masthead`, body as paragraphs.

The pages of zoek.officielebekendmakingen.nl mark the parts with classes — `kamerstukkop`,
`dossiertitel`/`dossiernummer`, `stuktitel`/`stuknummer`, `kamerstukdatum`, `al`, `tussenkop`,
`ondertekening`, `noot`/`nootnum` — and carry Dublin Core `<meta>` in the head. Site chrome
(navigation, scripts, the publication-data table) is skipped. Pages without those classes are
read generically: headings `h1`–`h6`, paragraphs, list items.
"""
from __future__ import annotations

import re

from ..errors import ReadError
from .base import Block, Extracted

SKIP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "form", "button", "select",
             "template", "svg", "iframe", "head", "title", "meta", "link"}
SKIP_CLASS = re.compile(r"\b(breadcrumb|menu|navigation|skiplink|sr-only|visually-hidden|share|"
                        r"toolbar|cookie|header__|footer__|metadata-table|print-only)\b")
BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "dt", "blockquote",
              "pre", "section", "article", "table", "tr", "ul", "ol", "dl", "main", "body"}
HEAD_CLASSES = ("kamerstukkop", "dossiertitel", "dossiernummer", "stuktitel", "stuknummer",
                "kamerstukdatum", "datumtekst", "kameraanduiding", "vergaderjaar", "kamernummer")
DATE_LINE = re.compile(r"^(Voorgesteld|Vastgesteld|Ontvangen|Ingezonden|Den Haag|['\u2019]s-Gravenhage)\b.*\d{4}\s*$",
                       re.IGNORECASE)
ADDRESSEE = re.compile(r"^Aan\s+(de|het)\s+", re.IGNORECASE)
NOTE_REF_CLASS = re.compile(r"\b(noot|nootnum|nootref|footnote-ref|supernote)")
NOTE_DEF_CLASS = re.compile(r"\b(voet|noot)\b")
BULLETS = {"•", "-", "–", "—", "·", "▪", "○", "■"}


def _classes(el) -> str:
    c = el.get("class")
    return c.lower() if isinstance(c, str) else ""


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


class _Walker:
    def __init__(self):
        self.blocks: list[Block] = []
        self.notes: dict[str, str] = {}       # marker → footnote text
        self.body_started = False
        self.table_meta: dict = {}

    # -- text of one block element, with footnote references taken out --------------------
    def inline(self, el) -> tuple[str, list]:
        pieces: list[str] = []
        refs: list[str] = []

        def rec(e, top=False):
            if not top:
                tag = e.tag if isinstance(e.tag, str) else ""
                if tag in SKIP_TAGS:
                    pieces.append(e.tail or "")
                    return
                if tag == "br":
                    pieces.append(" ")
                    pieces.append(e.tail or "")
                    return
                if self._is_note_ref(e):
                    refs.append(_norm(e.text_content()).strip("[]()"))
                    pieces.append("\ue000")
                    pieces.append(e.tail or "")
                    return
            pieces.append(e.text or "")
            for ch in e:
                rec(ch)
            if not top:
                pieces.append(e.tail or "")

        rec(el, top=True)
        text = _norm("".join(pieces))
        notes = []
        while "\ue000" in text:
            at = text.index("\ue000")
            text = (text[:at] + text[at + 1:]).replace("  ", " ")
            marker = refs[len(notes)] if len(notes) < len(refs) else str(len(notes) + 1)
            notes.append((marker, at, None))
        return text.strip(), notes

    def _is_note_ref(self, e) -> bool:
        tag = e.tag if isinstance(e.tag, str) else ""
        cls = _classes(e)
        if tag == "sup":
            t = _norm(e.text_content())
            return bool(re.fullmatch(r"\[?\(?\d{1,3}[a-z]?\)?\]?", t))
        if tag == "a" and NOTE_REF_CLASS.search(cls) and re.fullmatch(r"\d{1,3}[a-z]?", _norm(e.text_content())):
            return True
        return False

    # -- block structure ----------------------------------------------------------------------
    def walk(self, el) -> None:
        for ch in el:
            tag = ch.tag if isinstance(ch.tag, str) else ""
            if not tag or tag in SKIP_TAGS:
                continue
            cls = _classes(ch)
            if SKIP_CLASS.search(cls) or ch.get("id") in ("noten", "footnotes") and self.note_defs(ch):
                continue
            if ch.get("hidden") is not None or "display:none" in (ch.get("style") or "").replace(" ", ""):
                continue
            if "kamerstukkop" in cls:
                self.kop(ch)
            elif any(k in cls for k in ("dossiertitel", "stuktitel", "kamerstukdatum", "datumtekst")) \
                    or (tag in ("h1", "p", "div") and ch.find(".//*[@class]") is not None
                        and any(k in _classes(x) for x in ch.iter() if isinstance(x.tag, str)
                                for k in ("dossiernummer", "stuknummer"))):
                text, _ = self.inline(ch)
                if text:
                    self.blocks.append(Block("masthead", text))
            elif NOTE_DEF_CLASS.search(cls) and tag == "div" and not self.body_para_like(ch):
                self.note_defs(ch, single=True)
            elif "ondertekening" in cls:
                self.signature(ch)
            elif "tussenkop" in cls or "kop" == cls or re.match(r"h[1-6]$", tag) \
                    or "divisiekop" in cls or "titel" == cls:
                text, _ = self.inline(ch)
                if text:
                    level = int(tag[1]) - 1 if re.match(r"h[2-6]$", tag) else 1
                    self.add_heading(text, max(1, level))
            elif tag in ("ul", "ol"):
                self.walk(ch)
            elif tag == "table":
                if self.meta_table(ch):
                    continue
                for tr in ch.iter("tr"):
                    cells = [self.inline(td)[0] for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]
                    cells = [c for c in cells if c]
                    if cells:
                        self.add_para(" | ".join(cells), [])
            elif tag in ("p", "li", "dd", "dt", "blockquote", "pre") or (
                    tag in BLOCK_TAGS and not any(isinstance(x.tag, str) and x.tag in BLOCK_TAGS for x in ch)):
                if tag == "p" and self.bold_only(ch):
                    text, _ = self.inline(ch)
                    if text and not text.endswith((".", ",", ";", ":")) and len(text) <= 100:
                        self.add_heading(text, 2)
                        continue
                text, notes = self.inline(ch)
                if tag == "li":
                    text = self.li_mark(ch, text)
                if text:
                    self.add_para(text, notes)
            else:
                self.walk(ch)

    def li_mark(self, li, text: str) -> str:
        first = text.split(" ", 1)
        if first[0] in BULLETS:
            return first[1] if len(first) > 1 else ""
        return text

    def bold_only(self, p) -> bool:
        direct = _norm(p.text or "")
        kids = [c for c in p if isinstance(c.tag, str)]
        if direct or not kids or any(_norm(c.tail or "") for c in kids):
            return False
        return all(c.tag in ("strong", "b") for c in kids)

    def body_para_like(self, el) -> bool:
        return "al" in _classes(el).split()

    def kop(self, el) -> None:
        # `Tweede Kamer der Staten-Generaal` / `2` / `Vergaderjaar 2015-2016`: one line per element
        parts = [c for c in el if isinstance(c.tag, str) and c.tag not in SKIP_TAGS]
        if not parts:
            text, _ = self.inline(el)
            if text:
                self.blocks.append(Block("masthead", text))
            return
        for c in parts:
            text, _ = self.inline(c)
            if text:
                self.blocks.append(Block("masthead", text))

    def signature(self, el) -> None:
        parts = [c for c in el if isinstance(c.tag, str) and c.tag not in SKIP_TAGS]
        lines = [self.inline(c)[0] for c in parts] if parts else [self.inline(el)[0]]
        if parts and el.text and el.text.strip():
            lines.insert(0, _norm(el.text))
        for t in lines:
            if t:
                self.blocks.append(Block("signature", t))

    def note_defs(self, el, single=False) -> bool:
        """Footnote texts (`<div class="noot"><sup><span class="nootnum">1</span></sup>…`)."""
        items = [el] if single else [d for d in el.iter() if isinstance(d.tag, str)
                                     and NOTE_DEF_CLASS.search(_classes(d)) and d.tag in ("div", "p", "li")]
        if not items and not single:
            items = [d for d in el if isinstance(d.tag, str) and d.tag in ("div", "p", "li")]
        found = False
        for d in items:
            num = d.find(".//*[@class='nootnum']")
            if num is None:
                num = d.find(".//sup")
            marker = _norm(num.text_content()) if num is not None else ""
            text = _norm(d.text_content())
            text = re.sub(r"^(X\s+)?Noot\s+", "", text)  # the close button and label of the popup
            if marker and text.startswith(marker):
                text = text[len(marker):].strip()
            if not marker:
                m = re.match(r"^(\d{1,3})\s+(.*)$", text)
                if not m:
                    continue
                marker, text = m.group(1), m.group(2)
            self.notes[marker] = text
            self.blocks.append(Block("footnote", text, marker=marker))
            found = True
        return found

    def meta_table(self, table) -> bool:
        """The publication-data table of the page (Datum publicatie, Organisatie, Vergaderjaar,
        Dossier- en ondernummer): not text, but its vergaderjaar is kept."""
        head = _norm(table.text_content())[:200].lower()
        if not ("datum publicatie" in head or "dossier- en ondernummer" in head):
            return False
        rows = [[_norm(c.text_content()) for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
                for tr in table.iter("tr")]
        if len(rows) >= 2:
            for key, value in zip(rows[0], rows[1]):
                if key.lower() == "vergaderjaar" and re.fullmatch(r"\d{4}\s*[-\u2013]\s*\d{4}", value):
                    self.table_meta["session_year"] = re.sub(r"\s*[-\u2013]\s*", "-", value)
        return True

    def add_heading(self, text: str, level: int) -> None:
        if not self.body_started and (DATE_LINE.match(text) or ADDRESSEE.match(text)):
            self.blocks.append(Block("masthead", text))
            return
        self.blocks.append(Block("heading", text, level=level))

    def add_para(self, text: str, notes: list) -> None:
        # the addressee and place-date lines still belong to the head
        if not self.body_started and self.blocks and all(b.kind == "masthead" for b in self.blocks) \
                and (DATE_LINE.match(text) or ADDRESSEE.match(text)):
            self.blocks.append(Block("masthead", text))
            return
        self.body_started = True
        self.blocks.append(Block("para", text, notes=list(notes)))


def _head_meta(doc) -> dict:
    """Dublin Core metadata of an officielebekendmakingen page: identity it states explicitly."""
    found = {}
    for m in doc.iter("meta"):
        name, content = (m.get("name") or "").strip(), (m.get("content") or "").strip()
        if name and content:
            found.setdefault(name, content)
    meta = {}
    ident = found.get("DC.identifier") or found.get("dcterms:identifier") or ""
    if re.match(r"^kst-\d+(-\w+)?-\d+[a-z]?$", ident):
        meta["id"] = ident
    sy = found.get("OVERHEIDop.vergaderjaar", "")
    if re.fullmatch(r"\d{4}-\d{4}", sy):
        meta["session_year"] = sy
    nr = found.get("OVERHEIDop.ondernummer", "")
    if re.fullmatch(r"\d+[a-z]?", nr):
        meta["number"] = nr
    return meta


def _root(doc):
    """The stuk itself when the page marks it, else the main content, else the body."""
    for xp in ("//*[contains(concat(' ', normalize-space(@class), ' '), ' stuk ')]",
               "//*[contains(concat(' ', normalize-space(@class), ' '), ' kamerstuk ')]",
               "//*[@id='broodtekst']", "//main", "//article", "//body"):
        found = doc.xpath(xp)
        if found:
            return found[0]
    return doc


def read_html(data: bytes, label: str | None) -> Extracted:
    import lxml.html
    from lxml import etree

    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True,
                                      huge_tree=False, encoding=_encoding(data))
        doc = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError) as e:
        raise ReadError(label, f"not readable HTML ({e})") from None
    root = _root(doc)
    w = _Walker()
    # footnote definitions may sit outside the stuk (`<div id="noten">` after it)
    w.walk(root)
    for d in doc.xpath("//*[@id='noten' or @id='footnotes']"):
        if d is not root and root not in d.iterancestors():
            w.note_defs(d)
    # fill the text of footnote references from the definitions found
    for b in w.blocks:
        if b.notes:
            b.notes = [(m, off, w.notes.get(m)) for m, off, _ in b.notes]
    if not w.table_meta:
        # the publication-data table usually stands above the stuk, outside its root
        for table in doc.iter("table"):
            if w.meta_table(table):
                break
    meta = {**w.table_meta, **_head_meta(doc)}
    ex = Extracted(format="html", sha256="", blocks=w.blocks, meta=meta)
    if not w.blocks:
        ex.warnings.append("no text found in the HTML")
    return ex


def _encoding(data: bytes) -> str:
    """Declared charset, else UTF-8 when it decodes, else cp1252 (old government pages)."""
    m = re.search(rb"""charset=["']?([\w-]+)""", data[:4096], re.IGNORECASE)
    if m:
        enc = m.group(1).decode("ascii", "replace").lower()
        try:
            "".encode(enc)
            return enc
        except LookupError:
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "cp1252"
