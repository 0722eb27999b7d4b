"""Extraction: entities, statements, events, references (filled in by extract.* modules)."""
from __future__ import annotations

from ..model import Document


def enrich(doc: Document) -> Document:
    """Fill `entities`, `statements`, `events`, `references` and `considerations` in place."""
    return doc
