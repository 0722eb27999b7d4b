"""Plain text: text extracted from a PDF (wrapped lines) or one element per line."""
from __future__ import annotations

import re

from ..errors import ReadError
from .base import Block, Extracted


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")


def decode_text(data: bytes, label: str | None) -> str:
    """UTF-8 (with or without BOM), else cp1252; refuse binary junk."""
    if b"\x00" in data[:4096]:
        raise ReadError(label, "binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    bad = len(_CONTROL.findall(text, 0, 20000))
    if bad > max(10, min(len(text), 20000) // 50):
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
        blocks += [Block("line", line, page=page) for line in lines]
        if tail.strip():
            blocks.append(Block("line", tail, page=page))
    return Extracted(format="text", sha256="", blocks=blocks, pages=len(pages) if len(pages) > 1 else None)
