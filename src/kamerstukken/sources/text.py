"""Plain text: text extracted from a PDF (wrapped lines) or one element per line."""
from __future__ import annotations

import re

from ..errors import ReadError
from .base import Block, Extracted


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
_CONTROL_WINDOW = 20000  # characters looked at
# the control characters of _CONTROL but U+FFFD, as bytes: in UTF-8 and in cp1252 alike a byte
# below 0x80 is that character, and a byte of a multi-byte UTF-8 character never is
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, *range(0x0e, 0x20)])


def _control_count(data: bytes, text: str) -> int:
    """How many characters of `_CONTROL` the first 20,000 characters of `text` hold. Text of at
    most 20,000 bytes has at most that many characters: its control bytes are counted instead of
    running the pattern over every character."""
    if len(data) > _CONTROL_WINDOW:
        return len(_CONTROL.findall(text, 0, _CONTROL_WINDOW))
    return len(data) - len(data.translate(None, _CONTROL_BYTES)) + text.count("\ufffd")


def decode_text(data: bytes, label: str | None) -> str:
    """UTF-8 (with or without BOM), else cp1252; refuse binary junk."""
    if b"\x00" in data[:4096]:
        raise ReadError(label, "binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    bad = _control_count(data, text)
    if bad > max(10, min(len(text), _CONTROL_WINDOW) // 50):
        raise ReadError(label, "binary data, not text (too many control characters)")
    return text


def read_text(data: bytes, label: str | None) -> Extracted:
    text = decode_text(data, label).replace("\r\n", "\n").replace("\r", "\n")
    blocks: list[Block] = []
    # a form feed is a page break in pdftotext output: the text before it on its line ends the
    # page (kept only when it holds text), the text after it is the next page's first line
    pages = text.split("\f")
    for page, page_text in enumerate(pages, 1):
        lines = page_text.split("\n")
        tail = lines.pop() if page < len(pages) else ""
        blocks += [Block("line", line, page) for line in lines]  # (page passed by position: faster)
        if tail.strip():
            blocks.append(Block("line", tail, page))
    return Extracted(format="text", sha256="", blocks=blocks, pages=len(pages) if len(pages) > 1 else None)
