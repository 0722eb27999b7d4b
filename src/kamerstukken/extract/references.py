"""References to other papers, resolutions, moties, commitments, meetings, treaties and laws."""
from __future__ import annotations

from ..model import Document, Reference


def find(doc: Document) -> list[Reference]:
    return []
