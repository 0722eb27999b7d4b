"""Extraction: entities, statements, events, references and a motie's considerations."""
from __future__ import annotations

from ..model import Document
from . import besluiten, entities, events, motie, references, statements
from .sentences import spans


def enrich(doc: Document) -> Document:
    """Fill `entities`, `statements`, `events`, `references` and `considerations` in place."""
    is_motie = motie.is_motie(doc)
    decision_list = besluiten.is_besluitenlijst(doc)
    hits, sentence_tokens = {}, {}
    for si, pi, p in doc.paragraphs():
        toks = None
        if not is_motie:  # the statement rules look at each sentence's tokens: split each once
            st = sentence_tokens[(si, pi)] = [set(p[s:e].split()) for s, e in spans(p)]
            toks = set().union(*st)  # sentences end at white space: theirs are the paragraph's tokens
        hits[(si, pi)] = entities.paragraph_hits(p, doc.chamber, toks)
    known, names = entities.known_persons(hits)
    if known is not None:  # bare surnames of persons named with a title elsewhere ("Kuleba riep op")
        hits = entities.add_known_all(doc, hits, known, names)
    doc.entities = entities.find(doc, hits)
    if is_motie:
        doc.statements, doc.considerations = motie.find(doc)
    else:
        doc.statements = statements.find(doc, hits, sentence_tokens)
        if decision_list:
            doc.statements = besluiten.revise(doc, doc.statements)
        quoted = motie.quoted(doc) if doc.kind in ("handelingen", "verslag") else None
        if quoted:  # a motie read out in a debate says what a motie says, whoever has the floor
            kept = [s for s in doc.statements if (s.section, s.paragraph) not in quoted]
            found, doc.considerations = motie.find(doc, quoted)
            doc.statements = sorted(kept + found, key=lambda s: (s.section, s.paragraph, s.start))
    doc.events = events.find(doc, hits)
    if decision_list:
        doc.events = [e for e in [besluiten.meeting(doc)] if e] + doc.events
    doc.references = references.find(doc)
    return doc
