"""Word .docx (python-docx): paragraphs and table cells in document order, the head as `masthead`.

The Tweede Kamer lays moties out as one table: `TWEEDE KAMER DER STATEN-GENERAAL | 2`,
`36 278 | title`, `Nr. 32 | MOTIE VAN …`, `Voorgesteld …`, then the body in one cell. Cells of one
row are read as one line (merged cells once), so the head reads like the printed one. Footnote
references become `notes` with the footnote text from word/footnotes.xml.
"""
from __future__ import annotations

import io
import re
import zipfile

from ..errors import ReadError
from .base import Extracted
from .word import NOTE_MARK, word_blocks

MAX_UNCOMPRESSED = 300 * 1024 * 1024
MAX_RATIO = 200          # deflate rarely exceeds ~20:1 on Word XML; far beyond is a bomb
MAX_MEMBERS = 20000
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RUNNING_HEADER = re.compile(r"^(Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}", re.IGNORECASE)
REPLACES = re.compile(r"^ter vervanging van (die|het|de)\b", re.IGNORECASE)


def _check_zip(data: bytes, label: str | None) -> None:
    """Refuse corrupt zips, zip bombs and zips that are not Word documents before parsing."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as e:
        raise ReadError(label, f"not a valid .docx (corrupt zip: {e})") from None
    if len(infos) > MAX_MEMBERS:
        raise ReadError(label, f"not a valid .docx ({len(infos)} zip members)")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(label, f"refused: {info.filename} expands {info.file_size // max(info.compress_size, 1)}"
                                   f"-fold (zip bomb?)")
    if total > MAX_UNCOMPRESSED:
        raise ReadError(label, f"refused: expands to {total} bytes (limit {MAX_UNCOMPRESSED})")
    names = {i.filename for i in infos}
    if "word/document.xml" not in names:
        raise ReadError(label, "a zip file, but not a Word document (no word/document.xml)")


def _footnote_texts(document) -> dict[str, str]:
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype.endswith("/footnotes") and not rel.is_external:
            root = etree.fromstring(rel.target_part.blob,
                                    etree.XMLParser(resolve_entities=False, no_network=True))
            out = {}
            for fn in root.iter(f"{W}footnote"):
                if fn.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                    continue
                text = " ".join("".join(t.text or "" for t in fn.iter(f"{W}t")).split())
                out[fn.get(f"{W}id")] = text
            return out
    return {}


class _Reader:
    def __init__(self, footnotes: dict[str, str]):
        self.footnotes = footnotes
        self.note_count = 0

    def paragraph(self, p) -> tuple[str, list, bool]:
        """Text of a `w:p`, its footnotes (marker, offset, text), and whether it is all bold."""
        pieces: list[str] = []
        ids: list[str] = []
        bold_chars = plain_chars = 0
        for el in p.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen",
                         f"{W}footnoteReference"):
            tag = el.tag[len(W):]
            if tag == "t":
                t = el.text or ""
                pieces.append(t)
                run = el.getparent()
                rpr = run.find(f"{W}rPr") if run is not None else None
                b = rpr.find(f"{W}b") if rpr is not None else None
                is_bold = b is not None and b.get(f"{W}val") not in ("0", "false")
                if t.strip():
                    if is_bold:
                        bold_chars += len(t)
                    else:
                        plain_chars += len(t)
            elif tag == "noBreakHyphen":
                pieces.append("-")
            elif tag == "footnoteReference":
                pieces.append(NOTE_MARK)
                ids.append(el.get(f"{W}id"))
            else:
                pieces.append(" ")
        text = " ".join("".join(pieces).split())
        notes = []
        while NOTE_MARK in text:
            at = text.index(NOTE_MARK)
            text = text[:at] + text[at + 1:]
            self.note_count += 1
            fid = ids[len(notes)] if len(notes) < len(ids) else None
            notes.append((str(self.note_count), at, self.footnotes.get(fid)))
        style_bold = False
        return text.strip(), notes, (bold_chars > 0 and plain_chars == 0) or style_bold

    def items(self, parent, style_of) -> list[tuple[str, list, bool, str]]:
        """(text, notes, bold, style) per paragraph in order; a table row's cells make one line."""
        out = []
        for child in parent.iterchildren(f"{W}p", f"{W}tbl", f"{W}sdt"):
            tag = child.tag[len(W):]
            if tag == "p":
                text, notes, bold = self.paragraph(child)
                out.append((text, notes, bold, style_of(child)))
            elif tag == "sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    out.extend(self.items(content, style_of))
            else:
                for tr in child.iterchildren(f"{W}tr"):
                    cells = [self.items(tc, style_of) for tc in tr.iterchildren(f"{W}tc")]
                    cells = [[i for i in c if i[0]] for c in cells]
                    cells = [c for c in cells if c]
                    if len(cells) >= 2 and len(cells[0]) == 1 and len(cells[0][0][0]) < 40:
                        # a label cell beside a text cell (`Nr. 32` | `MOTIE VAN …`): one printed line
                        first = cells[1][0]
                        joined = " ".join([cells[0][0][0]] + [first[0]]
                                          + [c[0][0] for c in cells[2:] if len(c) == 1 and len(c[0][0]) < 40])
                        rest = list(cells[1][1:])
                        # `Ter vervanging van die gedrukt onder nr. 8` under a gewijzigde motie is
                        # part of its heading (the official print sets it in the same capitals)
                        while rest and REPLACES.match(rest[0][0]):
                            joined += " " + rest.pop(0)[0].upper()
                        out.append((joined, first[1], first[2], first[3]))
                        out.extend(rest)
                        for c in cells[2:]:
                            if not (len(c) == 1 and len(c[0][0]) < 40):
                                out.extend(c)
                    else:
                        for c in cells:
                            out.extend(c)
        return out


def read_docx(data: bytes, label: str | None) -> Extracted:
    _check_zip(data, label)
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
    except ReadError:
        raise
    except Exception as e:  # python-docx and zipfile raise many kinds on damaged files
        raise ReadError(label, f"not a readable .docx ({type(e).__name__}: {e})") from None
    try:
        footnotes = _footnote_texts(document)
    except Exception:
        footnotes = {}
    styles = {}
    try:
        for s in document.styles:
            styles[s.style_id] = s.name or ""
    except Exception:
        pass

    def style_of(p) -> str:
        ppr = p.find(f"{W}pPr")
        ps = ppr.find(f"{W}pStyle") if ppr is not None else None
        return styles.get(ps.get(f"{W}val"), ps.get(f"{W}val")) if ps is not None else ""

    reader = _Reader(footnotes)
    items = [i for i in reader.items(document.element.body, style_of) if i[0]]
    blocks = word_blocks(items)
    ex = Extracted(format="docx", sha256="", blocks=blocks)
    # page headers and footers are not body text, but a running header states the identity
    running = []
    try:
        for section in document.sections:
            for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
                for p in part.paragraphs:
                    t = " ".join(p.text.split())
                    if RUNNING_HEADER.match(t) and t not in running:
                        running.append(t)
    except Exception:
        pass
    if running:
        ex.meta["running_headers"] = running
    if not blocks:
        ex.warnings.append("the .docx holds no text")
    return ex
