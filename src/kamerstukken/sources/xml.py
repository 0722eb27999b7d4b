"""Official XML: officielebekendmakingen Kamerstukken and Handelingen, legacy `kamerwrk`, VLOS.

What the format states explicitly goes into `Extracted.meta` (it wins over text rules): id,
chamber, session_year, dossier, number, kind, heading, title, date, signatories.

Safety: lxml without entity substitution, DTD loading, network access or huge trees; a document
that declares entities (the billion-laughs bomb, external entities) is refused with `ReadError`.

Signatories of moties and amendementen are the names printed under the text, first indiener
first. Name form: the printed name, with the initials from the XML meta (`OVERHEIDop.indiener`)
put in front where the meta names the same person: printed `Rikkers-Oosterkamp` with meta
`M.G.F. Rikkers-Oosterkamp` → `M.G.F. Rikkers-Oosterkamp`; printed `Peter de Groot` with meta
`P.C. (Peter) de Groot` → `P.C. de Groot`; printed `Kostić` with meta `I. Kostic` → `I. Kostić`.
Without meta (most files only link to an external metadata record) the initials come from the
list of members in data/kamerleden.tsv (Tweede Kamer open data, Persoon) when the printed name
names exactly one member there: `Van Nispen` → `M. van Nispen`, `Inge van Dijk` → `I. van Dijk`;
a name that names no member or several (`Jansen`) stays as printed. So one person has one name
across the corpus.
"""
from __future__ import annotations

import hashlib
import re
from difflib import SequenceMatcher

from lxml import etree

from ..errors import ReadError
from ..parse.metadata import (
    ascii_dashes, kind_from_heading, office_case, parse_dutch_date, parse_session_year,
    split_dossier,
)
from ..members import fold as _fold, member_name
from .base import Block, Extracted

__all__ = ["read_xml", "repair_mojibake"]

# ---------------------------------------------------------------------------------------------
# parsing, safely

_PARSER_OPTS = dict(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False,
                    dtd_validation=False, remove_comments=True, remove_pis=True,
                    recover=False)
# byte-order marks as bytes, including the double-encoded one (UTF-8 BOM read as cp1252 and
# written again as UTF-8) that some published Handelingen files start with
_LEADING_JUNK = re.compile(rb"^(?:\xef\xbb\xbf|\xc3\xaf\xc2\xbb\xc2\xbf|\s)+")
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def _parse(data: bytes, label: str | None) -> etree._Element:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        probe = data.decode("utf-16", errors="ignore").encode("utf-8")
    else:
        probe = data
    if _DOCTYPE.search(probe[:65536]) and _ENTITY_DECL.search(probe):
        raise ReadError(label, "XML declares entities (<!ENTITY …>): refused, as an entity-"
                               "expansion bomb or external entity could hide there")
    try:
        root = etree.fromstring(data, etree.XMLParser(**_PARSER_OPTS))
    except etree.XMLSyntaxError as e:
        msg = (e.msg or str(e)).strip()
        line = getattr(e, "lineno", None)
        body = data.rstrip()
        last = body.count(b"\n") + 1
        col = (getattr(e, "position", None) or (0, 0))[1]
        at_end = bool(line and line >= last and col >= len(body) - body.rfind(b"\n") - 2)
        msg = re.sub(r",?\s*(?:use|try) XML_PARSE_HUGE(?: option)?", "", msg)
        if "Excessive depth" in msg or "Resource limit" in msg or "too long" in msg:
            # libxml2's limits without huge_tree: kept on purpose
            raise ReadError(label, f"XML exceeds a safety limit (nesting depth 256, text node "
                                   f"10 MB): {msg}") from None
        if "Premature end" in msg or "not finished" in msg or (at_end and "mismatch" not in msg):
            # the error is on the last line: the file ends before the document does
            what = "XML is truncated (the file ends before the document does)"
        else:
            what = "malformed XML"
        raise ReadError(label, f"{what}: {msg}" + (f" (line {line})" if line and "line" not in msg
                                                   else "")) from None
    except ValueError as e:  # e.g. an unknown encoding declaration
        raise ReadError(label, f"malformed XML: {e}") from None
    if root is None:
        raise ReadError(label, "malformed XML: no root element")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and list(dtd.iterentities()):
        raise ReadError(label, "XML declares entities: refused (possible entity bomb)")
    return root


def _local(tag) -> str:
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


# ---------------------------------------------------------------------------------------------
# text: mojibake repair, whitespace, footnote markers

def _cp1252_map() -> dict[str, int]:
    """Character → byte as a cp1252 or Latin-1 decoder produced it.

    Both occur: the published Handelingen 70-* files were decoded as Latin-1 (`â\x80\x99` for
    `’`), other tools use cp1252 (`â€™`)."""
    out = {chr(b): b for b in range(0x80, 0x100)}  # Latin-1, C1 controls included
    for b in range(0x80, 0xA0):
        try:
            out[bytes([b]).decode("cp1252")] = b
        except UnicodeDecodeError:
            pass
    return out


_CP = _cp1252_map()
_CONT = "".join(re.escape(c) for c, b in _CP.items() if 0x80 <= b <= 0xBF)
_LEAD2 = "".join(re.escape(c) for c, b in _CP.items() if 0xC2 <= b <= 0xDF)
_LEAD3 = "".join(re.escape(c) for c, b in _CP.items() if 0xE0 <= b <= 0xEF)
_LEAD4 = "".join(re.escape(c) for c, b in _CP.items() if 0xF0 <= b <= 0xF4)
# exactly the shape of a UTF-8 sequence whose bytes were read as cp1252: `Ã©` (é), `â€™` (’)
_MOJIBAKE = re.compile(f"[{_LEAD2}][{_CONT}]|[{_LEAD3}][{_CONT}]{{2}}|[{_LEAD4}][{_CONT}]{{3}}")
# cheap test on the raw UTF-8 bytes: `Ã`, `Â`, `â€` / `â` + C1 control
_MOJIBAKE_BYTES = re.compile(rb"\xc3[\x82\x83]|\xc3\xa2(?:\xe2\x82\xac|\xc2[\x80-\x9f])")


def repair_mojibake(text: str) -> tuple[str, int]:
    """Undo UTF-8 that was decoded as cp1252 (`beÃ«indiging` → `beëindiging`).

    Only sequences that form one valid UTF-8 character are replaced, so correct text is left
    alone; returns (text, number of repairs)."""
    count = 0

    def fix(m: re.Match) -> str:
        nonlocal count
        try:
            ch = bytes(_CP[c] for c in m.group(0)).decode("utf-8")
        except (UnicodeDecodeError, KeyError):
            return m.group(0)
        count += 1
        return ch

    return _MOJIBAKE.sub(fix, text), count


_WS = re.compile(r"\s+")
_DROP = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\ufeff"), None)
_DROP.update({0x133: "ij", 0x132: "IJ"})  # the ĳ ligature some publications use
_BLOCKISH = {"al", "li", "entry", "alinea", "alineaitem", "al-groep", "noot.al", "lijst"}
# a pretty-printer (some published Handelingen) put line breaks around inline elements:
# `het\n <nadruk>VAO</nadruk>\n .` — the space before punctuation is not in the original
_SPACE_BEFORE_PUNCT = re.compile(r"(?<=\S) +(?=[.,;:!?)\]»”’](?:\s|$|[.,;:)\]»”’]))|(?<=[(\[«“]) +")
NOTE = "\x00"  # stands where a footnote marker stood until offsets are taken


class _Ctx:
    """Per-document state: mojibake repair and footnote texts of the legacy schema."""

    def __init__(self, repair: bool, prettified: bool = False):
        self.repair = repair
        self.prettified = prettified
        self.repairs = 0
        self.voetnoten: dict[str, str] = {}

    def clean(self, text: str) -> str:
        if self.repair:
            text, n = repair_mojibake(text)
            self.repairs += n
        text = _WS.sub(" ", text.translate(_DROP)).strip()
        if self.prettified:
            text = _SPACE_BEFORE_PUNCT.sub("", text)
        return text


def _prettified(root) -> bool:
    """Most paragraphs start on a new line: the file went through a pretty-printer."""
    als = [a for a, _ in zip(root.iter("al", "{*}alineaitem"), range(400))]
    texts = [a.text for a in als if a.text and a.text.strip()]
    return len(texts) >= 1 and sum(t[0] == "\n" for t in texts) / len(texts) > 0.6


def _inline(el, ctx: _Ctx, parts: list[str], notes: list) -> None:
    if el.text:
        parts.append(el.text)
    for ch in el:
        name = _local(ch.tag)
        if name == "noot":
            nr = ch.find("noot.nr")
            marker = ctx.clean("".join(nr.itertext())) if nr is not None else str(len(notes) + 1)
            body = [ctx.clean(_text_of(a, ctx)) for a in ch if _local(a.tag) != "noot.nr"]
            notes.append((marker, " ".join(b for b in body if b) or None))
            parts.append(NOTE)
        elif name == "voetref":
            marker = ch.get("nr") or str(len(notes) + 1)
            notes.append((marker, ch.get("refid")))  # text looked up once all voetnoten are known
            parts.append(NOTE)
        elif name in _BLOCKISH:
            # paragraphs inside an inline context (`<entry><al>a</al><al>b</al>`): keep apart
            parts.append(" ")
            _inline(ch, ctx, parts, notes)
            parts.append(" ")
        elif name:
            _inline(ch, ctx, parts, notes)
        if ch.tail:
            parts.append(ch.tail)


def _text_of(el, ctx: _Ctx) -> str:
    parts: list[str] = []
    _inline(el, ctx, parts, [])
    return "".join(parts).replace(NOTE, "")


def _para_text(el, ctx: _Ctx) -> tuple[str, list]:
    """Clean text of an inline element, markers taken out: (text, [(marker, offset, note)])."""
    parts: list[str] = []
    raw_notes: list = []
    _inline(el, ctx, parts, raw_notes)
    text = ctx.clean("".join(parts))
    if NOTE not in text:
        return text, []
    out: list[str] = []
    notes = []
    k = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c == NOTE:
            cur = "".join(out)
            if cur.endswith(" "):
                out = [cur.rstrip(" ")]
                cur = out[0]
            marker, note = raw_notes[k]
            notes.append((marker, len(cur), note))
            k += 1
            # `woord<noot/> verder`: the space after the marker stays; a space before it goes
        else:
            out.append(c)
        i += 1
    return _WS.sub(" ", "".join(out)).strip(), notes


# ---------------------------------------------------------------------------------------------
# walking the body

_SKIP = {"metadata", "meta", "kamerstukkop", "dossier", "stuknr", "datumtekst", "witreg",
         "noot", "voetnoot", "colspec", "frontm", "kop", "ltrlabel", "vergadering", "sprekers",
         "spreker-info", "markeertijdbegin", "markeertijdeind", "isdraad", "isvoorzitter",
         "parlisid", "aanvangstijd", "eindtijd", "voortzetting", "zaken", "nr", "li.nr",
         "titel"}
_PARA = {"al", "considerans.al", "wie", "alineaitem"}
_BULLETS = set("•–-—·◦▪*")


class _Walker:
    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.blocks: list[Block] = []
        self.signatories: list[dict] = []
        # level under the last divisie heading: a tussenkop that follows an empty divisie
        # (`ARTIKELSGEWIJZE TOELICHTING` and then the text as a sibling) belongs under it
        self.floor = 1

    def para(self, el, prefix: str = "") -> None:
        text, notes = _para_text(el, self.ctx)
        if prefix:
            text = f"{prefix} {text}".strip()
            notes = [(m, o + len(prefix) + 1, t) for m, o, t in notes]
        if text:
            self.blocks.append(Block("para", text, notes=notes))

    def heading(self, text: str, level: int, notes=None) -> None:
        text = self.ctx.clean(text)
        if text:
            self.blocks.append(Block("heading", text, level=max(1, level), notes=notes or []))

    def walk(self, el, level: int = 1) -> None:
        for ch in el:
            self.element(ch, level)

    def element(self, ch, level: int) -> None:
        name = _local(ch.tag)
        if not name or name in _SKIP:
            return
        if name in _PARA:
            self.para(ch)
        elif name == "al-groep":
            self.al_groep(ch, level)
        elif name in ("tussenkop", "tuskop"):
            text, notes = _para_text(ch, self.ctx)
            # `kopopmaak="cur"` / legacy `letat="cur"`: an italic sub-heading under a bold one
            sub = 1 if "cur" in (ch.get("letat"), ch.get("kopopmaak")) else 0
            self.heading(text, max(level, self.floor) + sub, notes)
        elif name in ("divisie", "hoofdstuk", "afdeling", "paragraaf", "artikel", "wijziging",
                      "motie"):
            kop = ch.find("kop")
            if kop is not None and name == "motie":
                level += 1  # a motie read out in the Handelingen: under the item's heading
            if kop is not None:
                self.heading(_kop_text(kop, self.ctx), level)
                if name == "divisie":
                    self.floor = level + 1
            self.walk(ch, level + 1 if kop is not None else level)
        elif name == "lijst":
            self.lijst(ch, level)
        elif name in ("table", "tabel"):
            title = ch.find(".//title")
            if title is not None:
                self.heading(_text_of(title, self.ctx), level + 1)
            for row in ch.iter("{*}row"):
                cells = [self.ctx.clean(_text_of(e, self.ctx)) for e in row if _local(e.tag) == "entry"]
                cells = [c for c in cells if c]
                if cells:
                    self.blocks.append(Block("para", " | ".join(cells)))
        elif name in ("ondertekening", "ondtek"):
            self.ondertekening(ch)
        elif name == "item-titel":
            self.heading(_text_of(ch, self.ctx), level)
        elif name == "spreker":
            # `De heer Wörsdörfer (VVD):` as printed, before the speech; the name parts are
            # indented in the source, which leaves `voorzitter :`
            text, _ = _para_text(ch, self.ctx)
            text = _SPACE_BEFORE_PUNCT.sub("", text)
            if text:
                self.blocks.append(Block("para", text))
        elif (ch.text and ch.text.strip()) or any(c.tail and c.tail.strip() for c in ch):
            self.para(ch)  # an element of running text we have no rule for: keep its text
        else:
            self.walk(ch, level)

    def lijst(self, el, level: int) -> None:
        for li in el:
            if _local(li.tag) != "li":
                self.element(li, level)
                continue
            nr = li.find("li.nr")
            mark = self.ctx.clean("".join(nr.itertext())) if nr is not None else ""
            if mark in _BULLETS:
                mark = ""  # a bullet glyph says nothing; `1.` and `a.` do
            first = True
            for part in li:
                pname = _local(part.tag)
                if pname == "li.nr":
                    continue
                if pname == "al" and first:
                    self.para(part, mark)
                    first = False
                else:
                    self.element(part, level)

    def al_groep(self, grp, level: int) -> None:
        """An `al-groep`: usually paragraphs; sometimes one paragraph broken into lines."""
        kids = [k for k in grp if _local(k.tag)]
        if kids and all(_local(k.tag) == "al" for k in kids):
            texts = [_para_text(k, self.ctx) for k in kids]
            merged: list[tuple[str, list]] = []
            for text, notes in texts:
                if not text:
                    continue
                # a long line without closing punctuation, then more text: one paragraph broken
                # into lines (`… om deze` / `financiële achteruitgang …`, `… van de` /
                # `Participatiewet de regie …`); short lines are names (`Ergin` / `van der Lee`)
                # and stay apart
                if merged and len(merged[-1][0]) >= 40 and not _is_name(text) \
                        and not re.search(r"[.,;:!?)»”\"']$", merged[-1][0]) \
                        and not _ORDE.search(merged[-1][0]):
                    prev, pnotes = merged[-1]
                    shift = len(prev) + 1
                    merged[-1] = (prev + " " + text, pnotes + [(m, o + shift, t) for m, o, t in notes])
                else:
                    merged.append((text, notes))
            for text, notes in merged:
                self.blocks.append(Block("para", text, notes=notes))
        else:
            self.walk(grp, level)

    def ondertekening(self, el) -> None:
        role = None
        names: list[tuple[str | None, str]] = []
        for ch in el:
            name = _local(ch.tag)
            if name == "functie":
                role = self.ctx.clean(_text_of(ch, self.ctx))
                self.blocks.append(Block("signature", role))
            elif name == "naam":
                parts = [self.ctx.clean(_text_of(p, self.ctx)) for p in ch if _local(p.tag)]
                full = " ".join(p for p in parts if p) or self.ctx.clean(_text_of(ch, self.ctx))
                if full:
                    self.blocks.append(Block("signature", full))
                    names.append((role, full))
                    role = None
            elif name:
                text = self.ctx.clean(_text_of(ch, self.ctx))
                if text:
                    self.blocks.append(Block("signature", text))
        for role, full in names:
            r = None
            if role:
                r = re.sub(r"^(?:De|Het)\s+", "", role.strip().rstrip(",").strip())
                r = office_case(r)
            self.signatories.append({"name": full, "role": r})


def _kop_text(kop, ctx: _Ctx) -> str:
    """`<kop><label>Artikel</label><nr>1</nr><titel>…</titel></kop>` → `Artikel 1 …`."""
    parts = [ctx.clean(_text_of(k, ctx)) for k in kop if _local(k.tag)]
    return " ".join(p for p in parts if p)


# ---------------------------------------------------------------------------------------------
# moties: the indieners printed under the text

_ORDE = re.compile(r"orde van de dag", re.IGNORECASE)
_NAME_LIKE = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ'’]|(?:van|de|der|den|ten|ter|te|in|'t)\s+[A-Z])"
                        r"[^\d;:,()]{1,60}$")
_CLAUSE = re.compile(r"^(de kamer|gehoord|constaterende|overwegende|van mening|verzoekt|roept|"
                     r"spreekt|draagt|en gaat|verklaart|besluit|is van mening)\b", re.IGNORECASE)


_SHORT_LINE = re.compile(r"^[^\d;:]{2,60}$")


def _name(text: str) -> str:
    """`Erkens,` → `Erkens`; `van der Lee` standing alone → `Van der Lee` (as names are cited)."""
    t = text.strip().rstrip(".,").strip()
    t = re.sub(r"^([A-Z]),\s*", r"\1. ", t)  # `D, van Dijk`: an initial misprinted
    return t[:1].upper() + t[1:]


_PARTICLES = {"van", "de", "der", "den", "ten", "ter", "te", "in", "'t", "’t", "het", "la", "le",
              "du", "da", "von", "op", "d'", "el"}


def _is_name(text: str) -> bool:
    """`Inge van Dijk`, `Van Ardenne-van der Hoeven`, `El Abassi`; not `Tekst verder.`"""
    t = text.strip().rstrip(".,").strip()
    words = t.split()
    return bool(_NAME_LIKE.match(t)) and len(words) <= 6 and not _CLAUSE.match(t) \
        and all(w[:1].isupper() or w in _PARTICLES for w in words)


def _take_indieners(blocks: list[Block]) -> list[str]:
    """Turn the names under a motie into `signature` blocks; return them in printed order."""
    paras = [i for i, b in enumerate(blocks) if b.kind == "para"]
    if not paras:
        return []
    orde = [i for i in paras if _ORDE.search(blocks[i].text) and len(blocks[i].text) < 80]
    if orde:
        # everything short after the closing formula is an indiener, misprints included
        # (`D, van Dijk`)
        tail = [i for i in paras if i > orde[-1]]
        tail = [i for i in tail if _is_name(blocks[i].text) or (
            _SHORT_LINE.match(blocks[i].text) and len(blocks[i].text.split()) <= 6)]
    else:
        tail = []
        for i in reversed(paras):
            if _is_name(blocks[i].text):
                tail.insert(0, i)
            else:
                break
    names: list[str] = []
    for i in reversed(tail):  # from the end, so that inserting blocks moves no later index
        text = re.sub(r"[\s_]+$", "", blocks[i].text)  # `Ceder_____`: a line left to sign on
        # `Jetten en Eerdmans.`: two indieners on one line
        parts = [p for p in re.split(r"\s+en\s+|\s*[,/]\s+", text.strip().rstrip(".,"))
                 if p.strip()]
        if len(parts) < 2 or not all(_is_name(p) for p in parts):
            parts = [text]
        found = [_name(p) for p in parts]
        blocks[i:i + 1] = [Block("signature", n) for n in found]
        names[:0] = found
    return names


_INITIALS = re.compile(r"^((?:[A-Z][a-z]{0,2}\.\s?)+)\s*(?:\((?P<roep>[^)]+)\)\s*)?(?P<sur>.+)$")


def _split_meta_name(full: str) -> tuple[str, str | None, str] | None:
    """`P.C. (Peter) de Groot` → (`P.C.`, `Peter`, `de Groot`)."""
    m = _INITIALS.match(full.strip())
    if not m:
        return None
    return m.group(1).strip(), m.group("roep"), m.group("sur").strip()


def _with_initials(printed: str, indieners: list[str]) -> tuple[str, bool, str | None]:
    """The printed name with the meta's initials in front, when the meta names that person.

    Returns (name, fuzzy, the meta entry matched): fuzzy when the printed name only nearly
    matches (a misprint such as `Flac` for meta `A.J. Flach`); the meta's spelling is used then."""
    p = _fold(printed)
    near = []
    for full in indieners:
        parts = _split_meta_name(full)
        if not parts:
            continue
        initials, roep, sur = parts
        fs = _fold(sur)
        if p == fs:
            printed_sur = printed
        elif roep and p == _fold(f"{roep} {sur}"):
            printed_sur = printed[len(roep):].strip()
        else:
            if SequenceMatcher(None, p, fs).ratio() >= 0.85 or (
                    roep and SequenceMatcher(None, p, _fold(f"{roep} {sur}")).ratio() >= 0.85):
                near.append((initials, sur, full))
            continue
        # tussenvoegsels after initials in the meta's case: `Van Nispen` → `M. van Nispen`
        meta_words = sur.split()
        words = printed_sur.split()
        for k, w in enumerate(words):
            if k < len(meta_words) and _fold(w) == _fold(meta_words[k]) and meta_words[k].islower():
                words[k] = w.lower()
        return f"{initials} {' '.join(words)}", False, full
    if len(near) == 1:
        return f"{near[0][0]} {near[0][1]}", True, near[0][2]
    return printed, False, None


# ---------------------------------------------------------------------------------------------
# the readers per schema

_ID_IN_URL = re.compile(r"/((?:kst|h|ah|blg|stb|stcrt|trb|gmb)-[A-Za-z0-9-]+?)(?:/metadata\.xml|\.xml)?$")
_H_ID = re.compile(r"^h-(tk|ek)-(\d{4})(\d{4})-")


def _meta_values(root) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    md = root.find("metadata")
    if md is None:
        return out
    for m in md.iter("meta"):
        name, content = m.get("name"), (m.get("content") or "").strip()
        if name and content:
            key = name if name != "DC.type" else f"DC.type:{m.get('scheme', '')}"
            out.setdefault(key, []).append(content)
    return out


def _official_id(meta: dict[str, list[str]]) -> str | None:
    for v in meta.get("DC.identifier", []):
        if re.match(r"^(kst|h|ah|blg)-", v):
            return v
    for url in meta.get("OVERHEIDop.externMetadataRecord", []):
        m = _ID_IN_URL.search(url)
        if m:
            return m.group(1)
    return None


def _chamber(text: str | None) -> str | None:
    if not text:
        return None
    t = text.lower()
    if "tweede kamer" in t or t.strip() == "2":
        return "TK"
    if "eerste kamer" in t or t.strip() == "1":
        return "EK"
    return None


def _iso_date(text: str | None) -> str | None:
    if text and re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return text[:10]
    return None


def _dated(text: str) -> str | None:
    # `Voorgesteld 3december 2024`: a missing space between day and month
    return parse_dutch_date(re.sub(r"(\d)([A-Za-z])", r"\1 \2", text.replace("\xa0", " ")))


def _read_kamerstuk(root, ks, ctx: _Ctx, ex: Extracted) -> None:
    meta = _meta_values(root)
    w = _Walker(ctx)
    out: dict = {}
    # --- the head
    kop = {t.get("inhoud"): ctx.clean(_text_of(t, ctx)) for t in ks.findall("kamerstukkop/tekstregel")}
    out["chamber"] = _chamber(kop.get("kameraanduiding")) or _chamber(kop.get("kamernummer")) \
        or _chamber((meta.get("DC.creator") or [None])[0])
    sy = (meta.get("OVERHEIDop.vergaderjaar") or [None])[0]
    out["session_year"] = parse_session_year(ascii_dashes(sy or "")) or parse_session_year(
        ascii_dashes(kop.get("vergaderjaar") or ""))
    dossiers = []
    for d in ks.findall("dossier"):
        nr_el = d.find("dossiernummer")
        nr = ctx.clean(_text_of(nr_el.find("dossiernr"), ctx)) if nr_el is not None and \
            nr_el.find("dossiernr") is not None else ""
        split = split_dossier(nr) if nr else None
        if not split:
            ex.warnings.append(f"dossier number not understood: {nr!r}")
            continue
        suffix = None
        for tag in ("begrotingshoofdstuk", "raadnr"):
            s = nr_el.find(tag)
            if s is not None and ctx.clean(_text_of(s, ctx)):
                suffix = ctx.clean(_text_of(s, ctx))
                break
        title = d.find("titel")
        dossiers.append({"number": split[0], "suffix": suffix or split[1],
                         "title": ctx.clean(_text_of(title, ctx)) if title is not None else None})
    out["dossier"] = dossiers
    stuk = ks.find("stuk")
    if stuk is None:
        ex.warnings.append("kamerstuk without <stuk>")
        stuk = ks
    on = stuk.find("stuknr/ondernummer")
    number = ctx.clean(_text_of(on, ctx)) if on is not None else None
    if not number:
        sn = stuk.find("stuknr")
        m = re.search(r"(\d+[a-zA-Z]?|[A-Z]{1,3})\s*$", ctx.clean(_text_of(sn, ctx))) if sn is not None else None
        number = m.group(1) if m else None
    out["number"] = number or (meta.get("OVERHEIDop.ondernummer") or [None])[0]
    titel = stuk.find("titel")
    heading = ctx.clean(_text_of(titel, ctx)) if titel is not None else None
    out["heading"] = heading
    out["title"] = (meta.get("OVERHEIDop.documenttitel") or [None])[0]
    # kind: the publication's own type first, the printed heading second
    kind = kind_from_heading(heading)
    for t in meta.get("DC.type:OVERHEIDop.KamerstukTypen", []):
        k = kind_from_heading(t)
        if k != "other":
            kind = k
    out["kind"] = kind
    # date: <datum isodatum> in the datumtekst (`Voorgesteld …`, `Ontvangen …`), else issued
    dt = stuk.find("datumtekst")
    date = None
    if dt is not None:
        d = dt.find(".//datum")
        date = _iso_date(d.get("isodatum")) if d is not None else None
        date = date or _dated(_text_of(dt, ctx))
    if not date:
        issued = _iso_date((meta.get("DCTERMS.issued") or [None])[0])
        if issued:
            date = issued
            ex.warnings.append("no printed date; date from the publication metadata (DCTERMS.issued)")
    out["date"] = date
    # --- the id: the publication's own, checked against the head
    built = None
    if dossiers and out["number"]:
        d0 = dossiers[0]
        built = f"kst-{d0['number']}-{d0['suffix']}-{out['number']}" if d0["suffix"] \
            else f"kst-{d0['number']}-{out['number']}"
    official = _official_id(meta)
    if official and built and official.lower() != built.lower():
        ex.warnings.append(f"publication id {official} differs from the printed head ({built})")
    out["id"] = official or built
    # --- the body
    for part in stuk:
        name = _local(part.tag)
        if name in ("stuknr", "titel", "datumtekst", ""):
            continue
        w.element(part, 1)
    _finish_footnotes(w.blocks, ctx, ex.warnings)
    if kind in ("motie", "amendement"):
        printed = _take_indieners(w.blocks)
        indieners = meta.get("OVERHEIDop.indiener", [])
        if printed:
            out["signatories"] = []
            matched = set()
            for n in printed:
                name, fuzzy, full = _with_initials(n, indieners)
                matched.add(full)
                if full is None:
                    name, cut = member_name(n)
                    if cut:
                        ex.warnings.append(f"printed indiener {n!r} read as {name!r} (member list)")
                if fuzzy:
                    ex.warnings.append(f"printed indiener {n!r} read as {name!r} (metadata)")
                out["signatories"].append({"name": name, "role": None})
            # indieners the metadata names but the print does not (co-signed later): added last
            for full in indieners:
                if full not in matched:
                    parts = _split_meta_name(full)
                    name = f"{parts[0]} {parts[2]}" if parts else full
                    out["signatories"].append({"name": name, "role": None})
                    ex.warnings.append(f"indiener {name} is in the metadata but not printed under "
                                       "the text: added at the end")
        elif indieners:
            out["signatories"] = [{"name": re.sub(r"\s*\([^)]*\)", "", n), "role": None}
                                  for n in indieners]
            ex.warnings.append("no indieners printed under the text; taken from the metadata "
                               "(order not known)")
        else:
            ex.warnings.append("no indieners found")
    elif w.signatories:
        out["signatories"] = w.signatories
    ex.blocks = w.blocks
    ex.meta.update({k: v for k, v in out.items() if v not in (None, "", [])})


def _finish_footnotes(blocks: list[Block], ctx: _Ctx, warnings: list[str]) -> None:
    """Legacy `voetref refid=…`: the note text lives in a `voetnoot` at the end."""
    for b in blocks:
        if b.notes:
            b.notes = [(m, o, ctx.voetnoten.get(t, t) if t in ctx.voetnoten else t)
                       for m, o, t in b.notes]
            if b.kind == "heading":
                # the record anchors footnotes in paragraphs only: say where this one stood
                for m, _, t in b.notes:
                    warnings.append(f"footnote {m} stands in the heading {b.text!r}: {t}")


def _read_kamerwrk(root, ctx: _Ctx, ex: Extracted) -> None:
    """The 1990s `kamerwrk` schema: kop/frontm for the head, body/stuk for the text."""
    meta = _meta_values(root)
    out: dict = {}
    for vn in root.iter("voetnoot"):
        ctx.voetnoten[vn.get("id") or vn.get("nr") or ""] = ctx.clean(" ".join(
            _text_of(a, ctx) for a in vn))
    kamer = root.get("kamer")
    out["chamber"] = {"2": "TK", "1": "EK"}.get(kamer or "")
    if kamer and not out["chamber"]:
        ex.warnings.append(f"published for kamer={kamer!r} (Staten-Generaal, both chambers): "
                           "chamber left empty")
    vj = root.find("frontm/vergjaar")
    out["session_year"] = parse_session_year(ascii_dashes(_text_of(vj, ctx))) if vj is not None else None
    if not out["session_year"]:
        for st in root.findall("kop/subtitel"):
            out["session_year"] = out["session_year"] or parse_session_year(ascii_dashes(_text_of(st, ctx)))
    dossiers = []
    for ond in root.findall("frontm/onderw"):
        nr = ond.find("nummer")
        split = split_dossier(ctx.clean(_text_of(nr, ctx))) if nr is not None else None
        if split:
            naam = ond.find("naam")
            dossiers.append({"number": split[0], "suffix": split[1],
                             "title": ctx.clean(_text_of(naam, ctx)) if naam is not None else None})
    out["dossier"] = dossiers
    stuk = root.find("body/stuk")
    if stuk is None:
        stuk = root.find("body") if root.find("body") is not None else root
        ex.warnings.append("kamerwrk without body/stuk")
    nr = stuk.find("nummer")
    out["number"] = ctx.clean(_text_of(nr, ctx)) if nr is not None else None
    titel = stuk.find("titel")
    out["heading"] = ctx.clean(_text_of(titel, ctx)) if titel is not None else None
    out["kind"] = kind_from_heading(out["heading"])
    official = _official_id(meta)
    built = None
    if dossiers and out["number"]:
        d0 = dossiers[0]
        built = f"kst-{d0['number']}-{d0['suffix']}-{out['number']}" if d0["suffix"] \
            else f"kst-{d0['number']}-{out['number']}"
    if official and built and official.lower() != built.lower():
        ex.warnings.append(f"publication id {official} differs from the printed head ({built})")
    out["id"] = official or built
    w = _Walker(ctx)
    for part in stuk:
        if _local(part.tag) in ("ltrlabel", "nummer", "titel"):
            continue
        w.element(part, 1)
    _finish_footnotes(w.blocks, ctx, ex.warnings)
    if out["kind"] in ("motie", "amendement", "memorie-van-toelichting", "voorstel-van-wet") \
            and not w.signatories:
        # initiatiefnemers / indieners printed as bare names at the end
        names = []
        for b in reversed(w.blocks):
            if b.kind == "para" and _is_name(b.text):
                names.insert(0, b)
            else:
                break
        if names and len(names) <= 12:
            for b in names:
                b.kind = "signature"
            out["signatories"] = [{"name": _name(b.text), "role": None} for b in names]
    if w.signatories:
        out["signatories"] = w.signatories
    ex.blocks = w.blocks
    ex.meta.update({k: v for k, v in out.items() if v not in (None, "", [])})
    if out["session_year"] is None:
        ex.warnings.append("no vergaderjaar in the kamerwrk head")


def _read_handelingen(root, hd, ctx: _Ctx, ex: Extracted) -> None:
    """Handelingen items (`h-tk-…`): agendapunt with spreekbeurten."""
    meta = _meta_values(root)
    out: dict = {"kind": "handelingen"}
    official = _official_id(meta)
    out["id"] = official
    if official:
        m = _H_ID.match(official)
        if m:
            out["chamber"] = m.group(1).upper()
            out["session_year"] = f"{m.group(2)}-{m.group(3)}"
    else:
        ex.warnings.append("no Handelingen id (h-tk-…) in the metadata")
    verg = hd.find("vergadering")
    date = None
    if verg is not None:
        vd = verg.find("vergaderdatum")
        date = _dated(_text_of(vd, ctx)) if vd is not None else None
        vn = verg.find("vergadering-nummer")
        if vn is not None:
            out["title"] = ", ".join(x for x in (ctx.clean(_text_of(vn, ctx)),
                                                 ctx.clean(_text_of(vd, ctx)) if vd is not None else "")
                                     if x)
    out["date"] = date  # items other than the opening do not state the sitting's date
    titles = [ctx.clean(_text_of(t, ctx)) for t in hd.iter("item-titel")]
    titles = [t for t in titles if t]
    if titles:
        out["heading"] = titles[0]
        out["title"] = titles[0]
    w = _Walker(ctx)
    for part in hd:
        name = _local(part.tag)
        if name in ("opening", "agendapunt", "handeling_bijlage", "sluiting"):
            w.walk(part, 1)
        elif name != "vergadering":
            w.element(part, 1)
    _finish_footnotes(w.blocks, ctx, ex.warnings)
    ex.blocks = w.blocks
    ex.meta.update({k: v for k, v in out.items() if v not in (None, "", [])})


def _read_vlos(root, ctx: _Ctx, ex: Extracted) -> None:
    """A VLOS stenogram (Tweede Kamer verslag XML) of a whole sitting."""
    def f(el, tag):
        x = el.find(f"{{*}}{tag}") if el is not None else None
        return ctx.clean(_text_of(x, ctx)) if x is not None else None

    verg = root.find("{*}vergadering")
    out: dict = {"kind": "handelingen"}
    out["chamber"] = _chamber(verg.get("kamer")) if verg is not None else None
    sy = parse_session_year(ascii_dashes(f(verg, "vergaderjaar") or ""))
    out["session_year"] = sy
    out["date"] = _iso_date(f(verg, "datum"))
    out["title"] = f(verg, "titel")
    nr = f(verg, "vergaderingnummer")
    if out["chamber"] and sy and nr:
        out["id"] = f"h-{out['chamber'].lower()}-{sy.replace('-', '')}-{nr}"
        ex.warnings.append("VLOS record of a whole sitting: id built from vergaderjaar and "
                           "sitting number (official Handelingen ids name items: h-tk-…-nr-item)")
    status = root.get("status")
    if status and status.lower() != "gecorrigeerd":
        ex.warnings.append(f"VLOS stenogram with status {status!r}: text not yet corrected")
    w = _Walker(ctx)
    levels = {"activiteit": 1, "activiteitdeel": 2, "activiteititem": 3}

    def walk(el, depth):
        for ch in el:
            name = _local(ch.tag)
            if name in levels:
                t = f(ch, "titel") or f(ch, "onderwerp")
                # `Spreekbeurt - Van Haersma Buma`, `Woordvoerder - …`: the text itself names
                # the speaker (`De heer Van Haersma Buma (CDA):`), so no heading for those
                if t and not re.match(r"^\w+ - ", t):
                    w.heading(t, levels[name])
                walk(ch, depth + 1)
            elif name in ("titel", "onderwerp", "sprekers", "spreker") or name in _SKIP:
                continue
            elif name == "alineaitem":
                last = w.blocks[-1] if w.blocks else None
                text = ctx.clean(_text_of(ch, ctx))
                if last is not None and last.kind == "heading" and last.text == text:
                    continue  # the activity's title repeated as its first line
                w.para(ch)
            elif name:
                walk(ch, depth)

    if verg is not None:
        walk(verg, 0)
    ex.blocks = w.blocks
    ex.meta.update({k: v for k, v in out.items() if v not in (None, "", [])})


def _read_unknown(root, ctx: _Ctx, ex: Extracted) -> None:
    """Well-formed XML of no known Kamerstuk schema: its text as paragraphs."""
    w = _Walker(ctx)

    def walk(el):
        has_text = (el.text and el.text.strip()) or any(c.tail and c.tail.strip() for c in el)
        if has_text or len(el) == 0:
            w.para(el)
            return
        for ch in el:
            if _local(ch.tag):
                walk(ch)

    walk(root)
    ex.blocks = w.blocks
    ex.warnings.append(f"XML root <{_local(root.tag)}> is not a known Kamerstuk schema; "
                       "its text is kept as paragraphs")


def read_xml(data: bytes, label: str | None) -> Extracted:
    """Read official XML into blocks and format metadata; raise `ReadError` when unsafe or broken."""
    ex = Extracted(format="xml", sha256=hashlib.sha256(data).hexdigest())
    stripped = _LEADING_JUNK.sub(b"", data, count=1)
    if data.lstrip(b" \t\r\n").startswith(b"\xc3\xaf\xc2\xbb\xc2\xbf"):
        ex.warnings.append("file starts with a double-encoded byte-order mark (removed)")
    if not stripped.strip():
        raise ReadError(label, "empty XML file")
    root = _parse(stripped, label)
    ctx = _Ctx(repair=bool(_MOJIBAKE_BYTES.search(stripped)), prettified=_prettified(root))
    if ctx.prettified:
        ex.warnings.append("text was re-indented by a pretty-printer: spaces it put before "
                           "punctuation removed")
    name = _local(root.tag)
    if name == "officiele-publicatie":
        ks = root.find("kamerstuk")
        hd = root.find("handelingen")
        if ks is not None:
            _read_kamerstuk(root, ks, ctx, ex)
        elif hd is not None:
            _read_handelingen(root, hd, ctx, ex)
        else:
            kids = [_local(c.tag) for c in root if _local(c.tag) != "metadata"]
            _read_unknown(root, ctx, ex)
            ex.warnings[-1] = (f"official publication of a kind not read here ({', '.join(kids)}); "
                               "its text is kept as paragraphs")
            official = _official_id(_meta_values(root))
            if official:
                ex.meta["id"] = official
    elif name == "kamerwrk":
        _read_kamerwrk(root, ctx, ex)
    elif name == "vlosCoreDocument":
        _read_vlos(root, ctx, ex)
    else:
        _read_unknown(root, ctx, ex)
    if ctx.repairs:
        ex.warnings.append(f"repaired {ctx.repairs} mojibake sequences (UTF-8 text that had been "
                           "read as cp1252, e.g. `Ã«` → `ë`)")
    if not ex.blocks:
        ex.warnings.append("no text in the XML body")
    return ex
