"""The one store interface; SQLite (default) and PostgreSQL implement it.

Both engines keep the full record (JSON, round-trips exactly) plus query tables for documents,
sections, statements, entities and references, and a Dutch-aware full-text index.
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Literal, Optional

from ..model import Document

PutResult = Literal["new", "updated", "unchanged"]


@dataclass
class SearchQuery:
    q: str = ""
    kind: Optional[str] = None          # document kind, or statement kind for statement search
    dossier: Optional[str] = None       # dossier number, e.g. "28676"
    actor: Optional[str] = None         # statements only
    since: Optional[str] = None         # ISO date, inclusive
    until: Optional[str] = None         # ISO date, inclusive
    limit: int = 20
    offset: int = 0


@dataclass
class Hit:
    id: str
    kind: str
    title: Optional[str]
    date: Optional[str]
    dossier: list[str]
    score: float
    snippet: str                        # HTML-safe: text escaped, matches wrapped in <mark>


@dataclass
class SearchResult:
    total: int
    hits: list[Hit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # kind, dossier, year, sender
    facets_exact: bool = True           # False: estimated from a sample of a very large result
    total_exact: bool = True            # False: estimated (PostgreSQL, very large results)

    def to_dict(self) -> dict:
        """The `kst search --json` shape."""
        return {"total": self.total, "total_exact": self.total_exact,
                "facets_exact": self.facets_exact,
                "hits": [{"id": h.id, "kind": h.kind, "title": h.title, "date": h.date,
                          "dossier": h.dossier, "score": round(h.score, 4), "snippet": h.snippet}
                         for h in self.hits],
                "facets": self.facets}


@dataclass
class StatementHit:
    document: str
    kind: str
    actor: Optional[str]
    text: str
    topic: Optional[str]
    date: Optional[str]
    section: int = 0
    paragraph: int = 0
    start: int = 0
    end: int = 0


@dataclass
class StatementResult:
    total: int
    hits: list[StatementHit]
    facets: dict[str, dict[str, int]] = field(default_factory=dict)  # kind, actor
    total_exact: bool = True            # False: estimated (PostgreSQL, very large results)

    def to_dict(self) -> dict:
        """The `kst statements --json` shape."""
        return {"total": self.total, "total_exact": self.total_exact,
                "hits": [{"document": h.document, "kind": h.kind, "actor": h.actor, "text": h.text,
                          "topic": h.topic, "date": h.date, "section": h.section,
                          "paragraph": h.paragraph, "start": h.start, "end": h.end}
                         for h in self.hits],
                "facets": self.facets}


@dataclass
class DocSummary:
    id: str
    kind: str
    title: Optional[str]
    date: Optional[str]
    dossier: list[str]
    number: Optional[str]


class Store(ABC):
    """Open with `kamerstukken.store.open_store(url)`; use as a context manager."""

    @abstractmethod
    def put(self, doc: Document) -> PutResult:
        """Insert or replace one record (by id; unchanged when the source sha256 is the same)."""

    @abstractmethod
    def put_many(self, docs: Iterable[Document]) -> dict[str, int]:
        """One transaction for a batch; returns counts of new/updated/unchanged."""

    @contextmanager
    def bulk(self):
        """Many put_many calls in a row (ingest): an engine may keep write resources between
        them instead of settling after each one."""
        yield self

    @abstractmethod
    def get(self, doc_id: str) -> Optional[Document]: ...

    @abstractmethod
    def known_hashes(self) -> dict[str, str]:
        """source sha256 → document id, to skip unchanged files before parsing."""

    @abstractmethod
    def search(self, query: SearchQuery) -> SearchResult: ...

    @abstractmethod
    def search_statements(self, query: SearchQuery) -> StatementResult: ...

    @abstractmethod
    def dossier(self, number: str) -> list[Document]:
        """The dossier's documents in date order."""

    @abstractmethod
    def entity(self, name: str, limit: int = 200) -> tuple[list[DocSummary], StatementResult]:
        """Documents that mention an entity (by normal name) and statements by or about it."""

    @abstractmethod
    def newest(self, limit: int = 20) -> list[DocSummary]: ...

    @abstractmethod
    def count(self) -> int: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
