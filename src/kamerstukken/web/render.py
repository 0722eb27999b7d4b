"""Turning record fields into safe HTML: highlighted paragraphs, snippets, Dutch labels.

This is the only module that builds `Markup`. Every piece of document text goes through
`escape()` first; tags are only ever our own, with escaped attribute values.
"""
from __future__ import annotations

import html
import re
from datetime import date as _date
from typing import Iterable, Optional
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

from ..model import Document

KIND_LABELS = {
    "brief": "Brief", "motie": "Motie", "amendement": "Amendement", "verslag": "Verslag",
    "nota": "Nota", "memorie-van-toelichting": "Memorie van toelichting",
    "voorstel-van-wet": "Voorstel van wet", "advies-raad-van-state": "Advies Raad van State",
    "kamervragen": "Kamervragen", "antwoord": "Antwoord", "handelingen": "Handelingen",
    "besluitenlijst": "Besluitenlijst", "other": "Overig",
}
STATEMENT_LABELS = {
    "position": "Standpunt", "decision": "Besluit", "commitment": "Toezegging",
    "request": "Verzoek", "concern": "Zorg",
}
STATEMENT_PLURALS = {
    "position": "Standpunten", "decision": "Besluiten", "commitment": "Toezeggingen",
    "request": "Verzoeken", "concern": "Zorgen",
}
ENTITY_LABELS = {
    "country": "Land", "organisation": "Organisatie", "person": "Persoon", "place": "Plaats",
    "role": "Functie",
}
REFERENCE_LABELS = {
    "kamerstuk": "Kamerstuk", "resolution": "Resolutie", "motie": "Motie",
    "commitment": "Toezegging", "meeting": "Vergadering", "treaty": "Verdrag", "law": "Wet",
    "document": "Document",
}
FACET_LABELS = {"kind": "Soort", "dossier": "Dossier", "year": "Jaar", "sender": "Afzender",
                "actor": "Actor"}
MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]


def nl_date(value: Optional[str]) -> str:
    """'2015-12-16' → '16 december 2015'; anything else is returned as given."""
    if not value:
        return ""
    try:
        d = _date.fromisoformat(value[:10])
    except ValueError:
        return value
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


def path_quote(value: str) -> str:
    """One URL path segment (entity names may hold spaces, slashes, diacritics)."""
    return quote(value, safe="")


def link(path: str, **params) -> str:
    """`path?query` with the empty parameters left out."""
    qs = urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return f"{path}?{qs}" if qs else path


_MARK = re.compile(r"(</?mark>)")


def safe_snippet(snippet: Optional[str]) -> Markup:
    """A store snippet as Markup where only `<mark>` survives as a tag.

    The store promises escaped text, but a page must stay inert even if a snippet were not:
    each text piece is unescaped once and escaped again, so anything else shows literally.
    """
    if not snippet:
        return Markup("")
    out = []
    for part in _MARK.split(snippet):
        if part in ("<mark>", "</mark>"):
            out.append(part)
        else:
            out.append(str(escape(html.unescape(part))))
    # close an unbalanced <mark> so it cannot swallow the rest of the page
    opened = sum(1 for p in out if p == "<mark>") - sum(1 for p in out if p == "</mark>")
    return Markup("".join(out) + "</mark>" * max(opened, 0))


def plain_snippet(snippet: Optional[str]) -> str:
    """The snippet as plain text (for feeds and titles)."""
    return html.unescape(_MARK.sub("", snippet or ""))


def _spans(items: Iterable[tuple[int, int, object]], length: int):
    """Valid, non-overlapping (start, end, item) spans, first come first kept."""
    kept: list[tuple[int, int, object]] = []
    for start, end, item in sorted(items, key=lambda t: (t[0], -t[1])):
        if not (0 <= start < end <= length):
            continue  # offsets that do not fit the text are skipped, never guessed
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, item))
    return kept


def render_paragraph(text: str, statements=(), mentions=(), notes=()) -> Markup:
    """One paragraph with statements as `<span class="st st-KIND">`, entity mentions as links
    to their entity page and footnote markers as superscript links.

    statements: (start, end, Statement); mentions: (start, end, entity name, entity kind);
    notes: (offset, marker, footnote index). Spans are nested statement ⊃ mention; a mention that
    crosses a statement border is dropped rather than producing broken markup.
    """
    n = len(text)
    sts = _spans(((s, e, st) for s, e, st in statements), n)
    ments = []
    for s, e, item in _spans(((s, e, (name, kind)) for s, e, name, kind in mentions), n):
        # well nested only: inside one statement or outside all of them
        if not all((ss <= s and e <= se) or e <= ss or s >= se for ss, se, _ in sts):
            continue
        ments.append((s, e, item))
    points: dict[int, list[tuple[str, int]]] = {}
    for off, marker, idx in notes:
        off = min(max(int(off), 0), n)
        for s, e, _ in ments:  # never split a link: put the marker after it
            if s < off < e:
                off = e
        points.setdefault(off, []).append((marker, idx))

    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for s, e, st in sts:
        label = STATEMENT_LABELS.get(st.kind, st.kind)
        title = label + (f" — {st.actor}" if st.actor else "") + (f" ({st.cue})" if st.cue else "")
        opens.setdefault(s, []).append(
            f'<span class="st st-{escape(st.kind)}" data-kind="{escape(st.kind)}" '
            f'title="{escape(title)}">')
        closes.setdefault(e, []).append("</span>")
    for s, e, (name, kind) in ments:
        opens.setdefault(s, []).append(
            f'<a class="ent ent-{escape(kind)}" href="/entities/{escape(path_quote(name))}" '
            f'title="{escape(ENTITY_LABELS.get(kind, kind))}: {escape(name)}">')
        # a mention closes before a statement ending at the same place: inner first
        closes.setdefault(e, []).insert(0, "</a>")

    cuts = sorted({0, n, *opens, *closes, *points})
    out: list[str] = []
    for i, pos in enumerate(cuts):
        out.extend(closes.get(pos, ()))
        for marker, idx in points.get(pos, ()):
            out.append(f'<sup class="fn"><a href="#fn-{idx}" id="fnref-{idx}">'
                       f'{escape(marker)}</a></sup>')
        out.extend(opens.get(pos, ()))
        if i + 1 < len(cuts):
            out.append(str(escape(text[pos:cuts[i + 1]])))
    return Markup("".join(out))


def render_document(doc: Document) -> list[dict]:
    """Sections with their paragraphs rendered, for the document template."""
    by_para: dict[tuple[int, int], dict[str, list]] = {}

    def slot(si, pi):
        return by_para.setdefault((si, pi), {"st": [], "ment": [], "notes": []})

    for st in doc.statements:
        slot(st.section, st.paragraph)["st"].append((st.start, st.end, st))
    for ent in doc.entities:
        for m in ent.mentions:
            slot(m.section, m.paragraph)["ment"].append((m.start, m.end, ent.name, ent.kind))
    for idx, fn in enumerate(doc.footnotes):
        slot(fn.section, fn.paragraph)["notes"].append((fn.offset, fn.marker, idx))
    considerations = {(c.section, c.paragraph): c.kind for c in doc.considerations}

    sections = []
    for si, sec in enumerate(doc.sections):
        paras = []
        for pi, text in enumerate(sec.paragraphs):
            extra = by_para.get((si, pi), {"st": [], "ment": [], "notes": []})
            paras.append({
                "anchor": f"p-{si}-{pi}",
                "html": render_paragraph(text, extra["st"], extra["ment"], extra["notes"]),
                "consideration": considerations.get((si, pi)),
            })
        sections.append({"heading": sec.heading, "level": min(max(sec.level, 1), 4),
                         "paragraphs": paras})
    return sections
