"""Running headers, footers and page numbers of official PDFs: recognise, parse, remove."""
from __future__ import annotations

import re

# `Tweede Kamer, vergaderjaar 2015–2016, 28 676, nr. 235 2` (the trailing number is the page)
RUNNING_HEADER = re.compile(
    r"^\s*(?P<chamber>Tweede|Eerste) Kamer,\s+vergaderjaar\s+(?P<y1>\d{4})\s*[-\u2010-\u2014]\s*(?P<y2>\d{4}),\s*"
    r"(?P<dossier>\d{1,3}(?:[ .\u00a0]?\d{3})(?:\s*[-\u2010-\u2014]\s*\w+|\s+[IVXLC]+\b|\s+[A-Z]\b)?),\s*"
    r"nr\.\s*(?P<number>\d+[a-z]?)(?:\s+(?P<page>\d{1,4}))?\s*$",
    re.IGNORECASE,
)
# first-page footer of official PDFs: `kst-28676-235`, `ISSN 0921 - 7371`, `'s-Gravenhage 2015`
FOOTER_LINES = [
    re.compile(r"^\s*kst-\d+[\w-]*-\d+[a-z]?\s*$", re.IGNORECASE),
    re.compile(r"^\s*ISSN\s+\d{4}\s*[-\u2013]\s*\d{3}[\dX]\s*$", re.IGNORECASE),
    re.compile(r"^\s*['\u2019]s-Gravenhage\s+\d{4}\s*$"),
    re.compile(r"^\s*-?\s*\d{1,4}\s*-?\s*$"),  # a bare page number (last: see is_footer)
]


_FOOTER_ANY = re.compile("|".join(f"(?:{rx.pattern})" for rx in FOOTER_LINES), re.IGNORECASE)
_FOOTER_TEXT = re.compile("|".join(f"(?:{rx.pattern})" for rx in FOOTER_LINES[:-1]), re.IGNORECASE)


def is_footer(line: str, page_numbers: bool = True) -> bool:
    """Page furniture; `page_numbers=False` keeps bare numbers (text with one element per line
    puts sub- and superscripts on lines of their own)."""
    return (_FOOTER_ANY if page_numbers else _FOOTER_TEXT).match(line) is not None


def is_running_header(line: str) -> bool:
    return RUNNING_HEADER.match(line) is not None


