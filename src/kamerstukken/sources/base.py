"""What a reader hands to the parser: raw blocks in reading order plus what the format states."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Block:
    """One unit of source text.

    kind:
      `line`      a raw line of text laid out for print (text from a PDF, PDF): still to be
                  cleaned — dehyphenated, joined into paragraphs, running headers removed;
      `para`      a finished paragraph (XML `al`, DOCX/HTML paragraph);
      `heading`   a section heading (`tussenkop`, DOCX heading style, HTML h2…), with `level`;
      `footnote`  a footnote's text, with `marker`;
      `signature` a line of the ondertekening (name or role);
      `masthead`  a line of the document head (vergaderjaar, dossier, nr., heading, date …)
                  as the format gives it, in order.
    """

    kind: str
    text: str
    page: Optional[int] = None
    level: int = 1
    marker: Optional[str] = None
    # PDF layout hints: vertical position (0..1 of page height) and font size
    y: Optional[float] = None
    size: Optional[float] = None
    # footnotes anchored in this `para`: (marker, offset in text, footnote text or None);
    # the marker itself is already taken out of `text`
    notes: list = field(default_factory=list)


@dataclass
class Extracted:
    format: str                      # text, pdf, docx, xml, html, odata
    sha256: str
    path: Optional[str] = None
    pages: Optional[int] = None
    blocks: list[Block] = field(default_factory=list)
    # Document fields the format states explicitly (e.g. XML <meta>): they win over text rules.
    meta: dict = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
