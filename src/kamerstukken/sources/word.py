"""What the two Word readers share (.docx and legacy .doc): the head, headings and paragraphs of
a list of Word paragraphs, and the mark that holds a footnote reference's place."""
from __future__ import annotations

import re

from .base import Block

NOTE_MARK = "\ue000"     # stands for a footnote reference while whitespace is normalised

DATE_LINE = re.compile(
    r"^(Voorgesteld|Vastgesteld|Ontvangen|Ingezonden|Den Haag|['\u2019]s-Gravenhage)\b.*\b\d{4}\s*$",
    re.IGNORECASE)
NR_LINE = re.compile(r"^Nr\.?\s*\d", re.IGNORECASE)
HEAD_START = re.compile(r"^(Tweede|Eerste)\s+Kamer|^Vergaderjaar\b", re.IGNORECASE)


def _heading_level(style: str) -> int | None:
    m = re.match(r"^(?:heading|kop)\s*(\d)?$", style.strip(), re.IGNORECASE)
    if m:
        return int(m.group(1) or 1)
    if style.lower() in ("title", "titel"):
        return 1
    return None


def word_blocks(items: list[tuple[str, list, bool, str]]) -> list[Block]:
    """The head (up to the dated line) as `masthead`, then headings and paragraphs."""
    texts = [i[0] for i in items]
    head_end = 0
    window = texts[:25]
    if any(HEAD_START.match(t) or NR_LINE.match(t) for t in window[:8]):
        dated = [k for k, t in enumerate(window) if DATE_LINE.match(t)]
        nr = [k for k, t in enumerate(window) if NR_LINE.match(t)]
        if dated and (not nr or dated[0] > nr[0]):
            head_end = dated[0] + 1
        elif nr:
            head_end = nr[0] + 1
    blocks: list[Block] = []
    for k, (text, notes, bold, style) in enumerate(items):
        if k < head_end:
            blocks.append(Block("masthead", text))
            continue
        level = _heading_level(style)
        if level is None and bold and len(text) <= 100 and not text.endswith((".", ",", ";", ":")) \
                and k + 1 < len(items):
            level = 2  # a bold line of its own is how letters set a tussenkop
        if level is not None and not notes:
            blocks.append(Block("heading", text, level=level))
        else:
            blocks.append(Block("para", text, notes=list(notes)))
    return blocks
