"""Cleaning printed text: running headers, page numbers, broken words, paragraphs, markers."""
from __future__ import annotations

from ..sources.base import Block
from .footnotes import MarkerScanner
from .headers import is_footer, is_running_header
from .paragraphs import _TEXT, build_paragraphs, is_element_layout

__all__ = ["clean_lines", "take_markers"]


FURNITURE_START = frozenset("TtEeKkIi'\u2019-0123456789")
# of these, a running header starts with T or E (Tweede/Eerste Kamer), a footer with the rest
HEADER_START = frozenset("TtEe")


def clean_lines(blocks: list[Block], element: bool | None = None,
                print_hint: bool = False) -> tuple[list[Block], list[str]]:
    """Printed `line` blocks → `para`/`heading` blocks; other blocks pass through in order.

    Returns the blocks and the running-header lines removed (they state the identity)."""
    headers: list[str] = []
    lines: list[Block] = []
    if element is None:
        element = is_element_layout([b.text for b in blocks if b.kind == "line"], print_hint)
    passthrough: list[Block] = []
    page_break = False
    for b in blocks:
        if b.kind != "line":
            passthrough.append(b)
            continue
        stripped = b.text.strip()
        # page furniture starts with a letter of a running header/footer, a quote or a digit
        if stripped and stripped[0] in FURNITURE_START:
            header = stripped[0] in HEADER_START and is_running_header(b.text)
            if header or (stripped[0] not in HEADER_START and is_footer(b.text, page_numbers=not element)):
                if header:
                    headers.append(stripped)
                # keep at most one blank line before page furniture: it may end a paragraph
                while len(lines) > 1 and not lines[-1].text.strip() and not lines[-2].text.strip():
                    lines.pop()
                page_break = True
                continue
        if page_break:
            if not stripped:
                continue
            if not element and not b.text.startswith(" "):
                # mark the line after a page break the way PDF text shows it: by content alone
                b = Block("line", " " + b.text, page=b.page, y=b.y, size=b.size)
            page_break = False
        lines.append(b)
    document_text = "\n".join(map(_TEXT, lines))
    paras = build_paragraphs(lines, document_text, element)
    return paras + passthrough, headers


def take_markers(blocks: list[Block]) -> list[Block]:
    """Take footnote markers out of paragraph text into `Block.notes`, in document order."""
    scanner = MarkerScanner()
    for b in blocks:
        if b.kind != "para":
            continue
        text, found = scanner.take(b.text)
        if found:
            b.text = text
            b.notes.extend((marker, offset, None) for marker, offset in found)
    return blocks
