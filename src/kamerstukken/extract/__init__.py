"""Extraction: entities, statements, events, references and a motie's considerations."""
from __future__ import annotations

from ..model import Document
from . import entities, events, motie, references, statements


def enrich(doc: Document) -> Document:
    """Fill `entities`, `statements`, `events`, `references` and `considerations` in place."""
    hits = {(si, pi): entities.paragraph_hits(p, doc.chamber) for si, pi, p in doc.paragraphs()}
    known, names = entities.known_persons(hits)
    if known is not None:  # bare surnames of persons named with a title elsewhere ("Kuleba riep op")
        hits = {(si, pi): entities.add_known(p, hits[(si, pi)], known, names) for si, pi, p in doc.paragraphs()}
    doc.entities = entities.find(doc, hits)
    if motie.is_motie(doc):
        doc.statements, doc.considerations = motie.find(doc)
    else:
        doc.statements = statements.find(doc, hits)
    doc.events = events.find(doc, hits)
    doc.references = references.find(doc)
    return doc
