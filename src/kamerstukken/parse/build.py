"""Turn an `Extracted` into a `Document`: the head, clean text, structure."""
from __future__ import annotations

from ..model import Document, Dossier, Source, not_found
from ..sources.base import Extracted
from .masthead import parse_masthead, parse_running_header
from .metadata import kind_from_heading, kind_from_opening, make_id, sender_from_heading, session_year_for
from .structure import assemble

FIELDS = ("chamber", "session_year", "dossier", "number")


def build_document(ex: Extracted) -> Document:
    warnings = list(ex.warnings)
    head, body = parse_masthead(ex.blocks)
    warnings += head.pop("head_warnings", [])
    has_lines = any(b.kind == "line" for b in body)
    if not has_lines:
        head.pop("layout", None)
    layout: dict = {}
    if has_lines:
        from ..clean import clean_lines, take_markers

        layout_hint = head.pop("layout", None)
        if layout_hint != "print" and any(b.y is not None for b in body if b.kind == "line"):
            layout_hint = "print"  # lines with positions come from a PDF page
        body, headers = clean_lines(body, element={"element": True}.get(layout_hint), print_hint=layout_hint == "print")
        body = take_markers(body)
        for line in headers + list(ex.meta.get("running_headers", [])):
            found = parse_running_header(line)
            if not found:
                continue
            for key in FIELDS:
                if found.get(key) and not layout.get(key):
                    layout[key] = found[key]
                elif found.get(key) and key != "dossier" and found[key] != layout[key]:
                    warnings.append(f"running headers disagree on {key}: {layout[key]} / {found[key]}")
    meta: dict = {}
    for src in (layout, head, {k: v for k, v in ex.meta.items() if k != "running_headers"}):
        meta.update({k: v for k, v in src.items() if v not in (None, "", [])})
    for key in ("session_year", "number"):
        if layout.get(key) and head.get(key) and layout[key] != head[key]:
            warnings.append(f"running header says {key} {layout[key]}, the head says {head[key]}")
    heading_kind = meta.get("kind") or kind_from_heading(meta.get("heading"))
    if not meta.get("session_year") and meta.get("date") and (
            meta.get("dossier") or meta.get("number") or heading_kind != "other"):
        meta["session_year"] = session_year_for(meta["date"])
        warnings.append("vergaderjaar not printed; derived from the date")
    sections, footnotes, annexes, signatories, body_warnings = assemble(body, meta)
    warnings += body_warnings
    if meta.get("signatories"):
        signatories = meta["signatories"]
    heading = meta.get("heading")
    kind = meta.get("kind") or kind_from_heading(heading)
    if kind == "other":
        first = next((p for s in sections for p in (s["paragraphs"] if isinstance(s, dict) else s.paragraphs)), None)
        kind = kind_from_opening(first)
    sender = meta.get("sender") or sender_from_heading(heading)
    dossiers = [d if isinstance(d, Dossier) else Dossier(**d) for d in meta.get("dossier", [])]
    number = meta.get("number")
    doc_id = meta.get("id") or make_id(dossiers, number) or meta.get("document_nummer") \
        or f"sha256:{ex.sha256}"
    if kind == "other" and not dossiers:
        warnings.append("not recognisably a Kamerstuk: no dossier, number or heading found")
    else:
        for field in ("session_year", "date"):
            if not meta.get(field):
                warnings.append(not_found(field))
        # Handelingen and committee decision lists are not numbered stukken of a dossier
        if not dossiers and kind not in ("handelingen", "besluitenlijst"):
            warnings.append("no dossier number found")
        if not number and kind not in ("handelingen", "besluitenlijst"):
            warnings.append("no stuk number found")
    if not any(s["paragraphs"] if isinstance(s, dict) else s.paragraphs for s in sections):
        warnings.append("no body text found")
    return Document(
        id=doc_id,
        source=Source(path=ex.path, format=ex.format, sha256=ex.sha256, pages=ex.pages),
        chamber=meta.get("chamber"),
        session_year=meta.get("session_year"),
        dossier=dossiers,
        number=number,
        kind=kind,
        heading=heading,
        title=meta.get("title"),
        sender=sender,
        addressee=meta.get("addressee"),
        place=meta.get("place"),
        date=meta.get("date"),
        # the parts as dicts (or models a reader made): Document validates them into models in one
        # call, cheaper than a model built in Python for each
        signatories=signatories,
        sections=sections,
        footnotes=footnotes,
        annexes=annexes,
        warnings=warnings,
    )
