"""Legacy Word 97–2003 .doc (olefile): the text from the piece table, read as the .docx reader reads.

A .doc is an OLE compound file. Its `WordDocument` stream starts with the FIB, which says where
the text's pieces lie (the CLX in the `0Table` or `1Table` stream) and how many characters the
main text and the footnotes have. Each piece is cp1252 (`compressed`) or UTF-16LE. In the text,
`\\r` ends a paragraph, `\\x07` ends a table cell or row, `\\x13 code \\x14 result \\x15` is a field
(its result is what was printed) and `\\x02` marks an automatically numbered footnote.
"""
from __future__ import annotations

import io
import re
import struct

from ..errors import ReadError
from .base import Extracted
from .word import NOTE_MARK, word_blocks

MAX_CHARS = 50_000_000
_FIELD = re.compile(r"\x13[^\x13\x14\x15]*\x14([^\x13\x15]*)\x15|\x13[^\x13\x14\x15]*\x15")
_DROP = re.compile(r"[\x00-\x06\x08\x0e-\x1f]")


def _pieces(wd: bytes, table: bytes, label: str | None) -> str:
    """All document text (main, footnotes, …) in character-position order."""
    fc_clx, lcb_clx = struct.unpack_from("<Ii", wd, 0x1A2)
    clx = table[fc_clx:fc_clx + lcb_clx]
    i = 0
    while i < len(clx) and clx[i] == 1:  # Prc: property modifiers, not text
        (cb,) = struct.unpack_from("<H", clx, i + 1)
        i += 3 + cb
    if i >= len(clx) or clx[i] != 2:
        raise ReadError(label, "not a readable .doc (no piece table)")
    (lcb,) = struct.unpack_from("<I", clx, i + 1)
    plc = clx[i + 5:i + 5 + lcb]
    n = (lcb - 4) // 12
    cps = struct.unpack_from(f"<{n + 1}i", plc, 0)
    if cps[-1] > MAX_CHARS:
        raise ReadError(label, f"refused: {cps[-1]} characters (limit {MAX_CHARS})")
    out = []
    for k in range(n):
        (fc,) = struct.unpack_from("<I", plc, 4 * (n + 1) + 8 * k + 2)
        length = cps[k + 1] - cps[k]
        if fc & 0x40000000:
            start = (fc & ~0x40000000) // 2
            out.append(wd[start:start + length].decode("cp1252", "replace"))
        else:
            out.append(wd[fc:fc + 2 * length].decode("utf-16le", "replace"))
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Paragraphs and table rows as printed lines. A short label cell and the cell beside it make
    one line (`Nr. 17` | `MOTIE VAN HET LID VERDONK`), as the .docx reader joins them."""
    out: list[str] = []
    for para in text.split("\r"):
        cells = para.split("\x07")
        row: list[str] = []
        for cell in cells + [""]:
            t = " ".join(cell.split())
            if t:
                row.append(t)
                continue
            # an empty piece ends a row (or is an empty cell): the row so far is done
            while row:
                if len(row) >= 2 and len(row[0]) < 40:
                    out.append(row.pop(0) + " " + row.pop(0))
                else:
                    out.append(row.pop(0))
    return out


def read_doc(data: bytes, label: str | None) -> Extracted:
    try:
        import olefile
    except ImportError:  # pragma: no cover - a declared dependency
        raise ReadError(label, "reading .doc needs the olefile package") from None
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        wd = ole.openstream("WordDocument").read()
        (ident, flags) = struct.unpack_from("<H8xH", wd, 0)
        if ident != 0xA5EC:
            raise ReadError(label, "not a Word document (an OLE file without a Word FIB)")
        if flags & 0x0100:
            raise ReadError(label, "the .doc is encrypted")
        table = ole.openstream("1Table" if flags & 0x0200 else "0Table").read()
        ccp_text, ccp_ftn = struct.unpack_from("<ii", wd, 64 + 12)
        text = _pieces(wd, table, label)
    except ReadError:
        raise
    except Exception as e:  # olefile and struct raise many kinds on damaged files
        raise ReadError(label, f"not a readable .doc ({type(e).__name__}: {e})") from None
    main, notes = text[:ccp_text], text[ccp_text:ccp_text + max(ccp_ftn, 0)]
    # each footnote's text starts with its own \x02 mark
    note_texts = [" ".join(_DROP.sub(" ", _FIELD.sub(r"\1", t)).split())
                  for t in notes.split("\x02")[1:]]
    main = _FIELD.sub(r"\1", main).replace("\x02", NOTE_MARK).replace("\x0c", "\r").replace("\x0b", " ")
    main = _DROP.sub("", main)
    items = []
    count = 0
    for line in _lines(main):
        found = []
        while NOTE_MARK in line:
            at = line.index(NOTE_MARK)
            line = line[:at] + line[at + 1:]
            count += 1
            found.append((str(count), at, note_texts[count - 1] if count <= len(note_texts) else None))
        if line.strip():
            items.append((line.strip(), found, False, ""))
    ex = Extracted(format="doc", sha256="", blocks=word_blocks(items))
    if not ex.blocks:
        ex.warnings.append("the .doc holds no text")
    return ex
