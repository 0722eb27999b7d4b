"""PDF with PyMuPDF: printed lines with their position and size, page furniture dropped.

Every visual row of a page becomes one `line` block (spans on the same row are joined, so the
official two-column head gives `Nr. 235 BRIEF VAN …` like text extracted from the PDF). Running
headers, footers and page numbers are dropped by where they stand — the top or bottom band of the
page — and what they say, and the dropped header texts go to `meta["running_headers"]`, where the
parser reads the identity they state. Small-print rows under the body that start with a marker are
footnotes. A larger than usual vertical gap becomes an empty line, as in extracted text.
"""
from __future__ import annotations

import re
from collections import Counter

from ..errors import ReadError
from .base import Block, Extracted

TOP_BAND, BOTTOM_BAND = 0.085, 0.915   # share of the page height holding headers / footers
MAX_PAGES = 5000

# `Tweede Kamer, vergaderjaar 2015–2016, 28 676, nr. 235 2`, also without the page number
RUNNING_HEADER = re.compile(r"^(Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}", re.IGNORECASE)
FOOTER = re.compile(
    r"^(kst-[\w-]+|ISSN\s+\d{4}\s*[-\u2013]\s*\d{3}[\dX]|['\u2019]s-Gravenhage\s+\d{4})$", re.IGNORECASE)
PAGE_NUMBER = re.compile(
    r"^(?:[-\u2013(]?\s*\d{1,4}\s*[-\u2013)]?|(?:pagina|blz\.?|page)\s+\d{1,4}(?:\s+(?:van|of)\s+\d{1,4})?"
    r"|\d{1,4}\s*/\s*\d{1,4})$",
    re.IGNORECASE,
)
MARKER = re.compile(r"^(\d{1,3}|[*\u2020\u2021]|[a-z])[\s)]\s*(?=\S)")
_CHARS = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u00ad": "-", "\u2011": "-",
                        "\t": " "})


class _Row:
    __slots__ = ("y0", "y1", "base", "parts", "size")

    def __init__(self, y0, y1, base, x0, text, size, nchars, x1):
        self.y0, self.y1, self.base = y0, y1, base
        self.parts = [(x0, text, size, nchars, x1)]
        self.size = None

    @property
    def x0(self) -> float:
        return min(p[0] for p in self.parts)

    @property
    def x1(self) -> float:
        return max(p[4] for p in self.parts)

    def overlaps(self, y0, y1) -> bool:
        inter = min(self.y1, y1) - max(self.y0, y0)
        return inter > 0.5 * min(self.y1 - self.y0, y1 - y0)

    def text(self) -> str:
        self.parts.sort(key=lambda p: p[0])
        out, prev = "", None
        for p in self.parts:
            t = " ".join(p[1].split())
            if not t:
                continue
            # a part that touches the one before (a superscript footnote marker set on its own
            # baseline, `1)` + `1` + `.`) continues it without a space
            touching = prev is not None and p[0] - prev[4] < 0.25 * min(p[2], prev[2])
            out = f"{out}{t}" if touching or not out else f"{out} {t}"
            prev = p
        return out

    def main_size(self) -> float:
        if self.size is not None and self.size[0] == len(self.parts):
            return self.size[1]  # rows are measured many times; parts only grow while grouping
        sizes: Counter = Counter()
        for _, _, size, n, _ in self.parts:
            sizes[round(size, 1)] += n
        main = max(sizes, key=sizes.__getitem__) if sizes else 0.0
        self.size = (len(self.parts), main)
        return main


def _rows(page, flags) -> list[_Row]:
    """Visual rows of a page, top to bottom; spans whose boxes overlap vertically share a row."""
    found = []
    for block in page.get_text("dict", flags=flags)["blocks"]:
        for line in block.get("lines", ()):
            if line.get("dir", (1, 0))[1] not in (0, 0.0):
                continue  # rotated text: margin stamps, not reading text
            spans = line["spans"]
            text = "".join(s["text"] for s in spans).translate(_CHARS)
            if not text.strip():
                continue
            x0, y0, x1, y1 = line["bbox"]
            n = sum(len(s["text"].strip()) for s in spans)
            big = max(spans, key=lambda s: len(s["text"].strip()))
            found.append((y0, y1, big["origin"][1], x0, text, big["size"], n, x1))
    found.sort(key=lambda f: (f[2], f[3]))
    rows: list[_Row] = []
    for y0, y1, base, x0, text, size, n, x1 in found:
        for row in reversed(rows[-3:]):
            if row.overlaps(y0, y1):
                row.parts.append((x0, text, size, n, x1))
                row.y0, row.y1 = min(row.y0, y0), max(row.y1, y1)
                break
        else:
            rows.append(_Row(y0, y1, base, x0, text, size, n, x1))
    return rows


def _ends_paragraph(row: _Row, text: str, right_edge, body_size: float) -> bool:
    """A body line that stops well short of the column's right edge after closing punctuation."""
    if right_edge is None or abs(row.main_size() - body_size) >= 0.6:
        return False
    return text.rstrip().endswith((".", ";", ":", ",", "!", "?")) and row.x1 < right_edge - 6 * body_size


def _shape(text: str) -> str:
    """A header's text with its numbers blanked, to see it repeat from page to page."""
    return re.sub(r"\d+", "#", text.lower())


def read_pdf(data: bytes, label: str | None) -> Extracted:
    try:
        import pymupdf
    except ImportError:  # older installs only have the `fitz` name
        import fitz as pymupdf
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as e:  # PyMuPDF raises its own types for every kind of damage
        raise ReadError(label, f"not a readable PDF ({str(e) or type(e).__name__})") from None
    try:
        if doc.needs_pass and not doc.authenticate(""):
            raise ReadError(label, "the PDF is encrypted with a password")
        if doc.page_count == 0:
            raise ReadError(label, "the PDF has no pages")
        if doc.page_count > MAX_PAGES:
            raise ReadError(label, f"too many pages ({doc.page_count}; limit {MAX_PAGES})")
        flags = pymupdf.TEXT_PRESERVE_WHITESPACE | pymupdf.TEXT_MEDIABOX_CLIP
        pages = []
        for page in doc:
            try:
                rows = _rows(page, flags)
            except Exception as e:
                raise ReadError(label, f"page {page.number + 1} cannot be read ({e})") from None
            pages.append((page.rect.height or 842.0, rows))
        ex = _assemble(pages)
        ex.pages = doc.page_count
        if doc.is_repaired:
            # PyMuPDF rebuilt a broken cross-reference table: typically a file cut short
            ex.warnings.append("the PDF is damaged (truncated or a broken cross-reference table) and was "
                               "repaired to read it: text may be missing")
    finally:
        doc.close()
    if not any(b.kind == "line" and b.text for b in ex.blocks):
        ex.warnings.append("the PDF has no text layer (scanned?): nothing to read")
    return ex


def _assemble(pages: list[tuple[float, list[_Row]]]) -> Extracted:
    # shapes that stand in a band on two or more pages are running headers/footers
    band_shapes: Counter = Counter()
    for height, rows in pages:
        seen = set()
        for r in rows:
            if r.y1 < TOP_BAND * height or r.y0 > BOTTOM_BAND * height:
                seen.add(_shape(r.text()))
                seen.update(_shape(" ".join(p[1].split())) for p in r.parts)
        band_shapes.update(seen)
    repeated = {s for s, n in band_shapes.items() if n >= 2} if len(pages) >= 2 else set()

    sizes: Counter = Counter()
    for _, rows in pages:
        for r in rows:
            sizes[r.main_size()] += len(r.text())
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0

    headers: list[str] = []
    blocks: list[Block] = []
    # a gap well above the usual leading is an empty line, as in extracted text
    leads = sorted(b.base - a.base for _, rows in pages for a, b in zip(rows, rows[1:])
                   if abs(a.main_size() - body_size) < 0.6 and abs(b.main_size() - body_size) < 0.6)
    # the tightest usual distance is the leading (moties have more paragraph gaps than lines)
    leads = [d for d in leads if d >= 0.9 * body_size]
    leading = leads[0] if leads else body_size * 1.2
    # the right edge of the text column: where full lines end
    ends = sorted(r.x1 for _, rows in pages for r in rows if abs(r.main_size() - body_size) < 0.6)
    right_edge = ends[int(len(ends) * 0.9)] if ends else None
    prev, prev_text = None, ""
    for pno, (height, rows) in enumerate(pages, start=1):
        kept: list[tuple[_Row, str]] = []
        for r in rows:
            if r.y1 < TOP_BAND * height or r.y0 > BOTTOM_BAND * height:
                # page furniture may share its row with other furniture (`’s-Gravenhage 2015` left,
                # the running footer right): judge each part on its own
                whole = r.text()
                if PAGE_NUMBER.match(whole):
                    continue
                if RUNNING_HEADER.match(whole) or _shape(whole) in repeated:
                    headers.append(whole)
                    continue
                parts = []
                for part in sorted(r.parts, key=lambda p: p[0]):
                    t = " ".join(part[1].split())
                    if PAGE_NUMBER.match(t):
                        continue
                    if RUNNING_HEADER.match(t) or FOOTER.match(t) or _shape(t) in repeated:
                        headers.append(t)
                        continue
                    parts.append(part)
                if not parts:
                    continue
                r.parts = parts
            kept.append((r, r.text()))
        # footnotes: the small print under the last body-size row of the page
        last_body = max((i for i, (r, _) in enumerate(kept) if r.main_size() >= 0.9 * body_size), default=-1)
        notes: list[Block] = []
        for r, text in kept[last_body + 1:]:
            m = MARKER.match(text)
            if m and r.main_size() < 0.9 * body_size:
                notes.append(Block("footnote", text[m.end():].strip(), page=pno, marker=m.group(1),
                                   y=round(r.y0 / height, 4), size=r.main_size()))
            elif notes:
                notes[-1].text += " " + text
            else:
                notes = []
                break
        if notes:
            kept = kept[:last_body + 1]
        for k, (r, text) in enumerate(kept):
            if prev is not None and k == 0 and _ends_paragraph(prev, prev_text, right_edge, body_size):
                # a paragraph that ended at the foot of the last page: the new page starts a new
                # one, which only the short last line shows
                blocks.append(Block("line", "", page=pno, y=round(r.y0 / height, 4)))
            elif prev is not None and k > 0 and r.base - prev.base > max(
                    1.7 * max(r.main_size(), prev.main_size()), 1.4 * leading):
                blocks.append(Block("line", "", page=pno, y=round(((prev.y1 + r.y0) / 2) / height, 4)))
            # the first line of a later page starts with a space, as text extracted from the PDF
            # has it: the cleaner decides by its content whether it continues the paragraph
            shown = " " + text if k == 0 and prev is not None else text
            blocks.append(Block("line", shown, page=pno, y=round(r.y0 / height, 4), size=r.main_size()))
            prev, prev_text = r, text
        blocks.extend(notes)
    ex = Extracted(format="pdf", sha256="", blocks=blocks)
    if headers:
        ex.meta["running_headers"] = headers
    return ex
