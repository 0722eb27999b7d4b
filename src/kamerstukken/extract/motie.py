"""Moties: `verzoekt …` / `roept … op` are requests of the Kamer, `spreekt uit …` a position;
`constaterende` / `overwegende` clauses are the motie's grounds (considerations), not statements."""
from __future__ import annotations

from ..model import Consideration, Document, Statement


def is_motie(doc: Document) -> bool:
    return doc.kind == "motie"


def find(doc: Document) -> tuple[list[Statement], list[Consideration]]:
    return [], []
