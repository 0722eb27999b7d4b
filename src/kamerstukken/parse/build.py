"""Turn an `Extracted` into a `Document`: clean text, metadata, structure."""
from __future__ import annotations

from ..model import Annex, Document, Dossier, Footnote, Section, Signatory, Source
from ..sources.base import Extracted
from .metadata import kind_from_heading, make_id, sender_from_heading
from .masthead import parse_masthead
from .structure import assemble


def build_document(ex: Extracted) -> Document:
    warnings = list(ex.warnings)
    # 1. text forms: clean printed lines into paragraphs/headings first
    blocks = ex.blocks
    if any(b.kind == "line" for b in blocks):
        from ..clean import clean_lines

        blocks, found = clean_lines(blocks)
        meta_from_layout = found
    else:
        meta_from_layout = {}
    # 2. the document head: masthead blocks, or the first paragraphs of the text
    head, body = parse_masthead(blocks)
    meta: dict = {}
    for src in (head, meta_from_layout, ex.meta):  # later sources win: explicit format meta last
        meta.update({k: v for k, v in src.items() if v not in (None, "", [])})
    # 3. sections, footnotes, annexes, signatories from the body
    sections, footnotes, annexes, signatories, body_warnings = assemble(body, meta)
    warnings += body_warnings
    if meta.get("signatories"):
        signatories = meta["signatories"]
    heading = meta.get("heading")
    kind = meta.get("kind") or kind_from_heading(heading)
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
                warnings.append(f"no {field} found")
        if not dossiers:
            warnings.append("no dossier number found")
        if not number and kind != "handelingen":
            warnings.append("no stuk number found")
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
        signatories=[s if isinstance(s, Signatory) else Signatory(**s) for s in signatories],
        sections=[s if isinstance(s, Section) else Section(**s) for s in sections],
        footnotes=[f if isinstance(f, Footnote) else Footnote(**f) for f in footnotes],
        annexes=[a if isinstance(a, Annex) else Annex(**a) for a in annexes],
        warnings=warnings,
    )
