"""What SQLite and PostgreSQL share: tables, rows made from a Document, queries and filters.

Each engine supplies its connection, its DDL and its full-text pieces (FTS5 tables or tsvector
columns); everything else — which rows a record becomes, filters, facets, snippets — is here, so
both engines give the same answers.
"""
from __future__ import annotations

import re
from abc import abstractmethod
from typing import Iterable, Optional

from ..errors import KstError
from ..model import Document
from ..search.analyzer import analyze
from ..search.query import highlight_terms, parse_query
from ..search.snippet import snippet
from .base import (DocSummary, Hit, PutResult, SearchQuery, StatementHit,
                   StatementResult, Store)

FACET_LIMIT = 50  # values per facet, most frequent first


def _neg_date(date):
    """Sort key: newer dates first, missing dates last."""
    return tuple(-ord(c) for c in date) if date else (1,)

_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def check_date(value: Optional[str], name: str) -> Optional[str]:
    if value is None or value == "":
        return None
    if not _DATE_RE.match(value):
        raise KstError(f"--{name} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def index_text(doc: Document) -> str:
    """The text a document is found by: title, headings, paragraphs, a motie's grounds."""
    parts = [doc.title or "", doc.heading or ""]
    parts += [d.title or "" for d in doc.dossier]
    for sec in doc.sections:
        if sec.heading:
            parts.append(sec.heading)
        parts.extend(sec.paragraphs)
    parts += [c.text for c in doc.considerations]
    return "\n".join(p for p in parts if p)


def doc_row(doc: Document) -> dict:
    return {
        "id": doc.id, "sha256": doc.source.sha256, "path": doc.source.path,
        "format": doc.source.format, "chamber": doc.chamber, "session_year": doc.session_year,
        "number": doc.number, "kind": doc.kind, "heading": doc.heading, "title": doc.title,
        "sender": doc.sender, "addressee": doc.addressee, "place": doc.place, "date": doc.date,
        "year": int(doc.date[:4]) if doc.date and doc.date[:4].isdigit() else None,
        "dossier": " ".join(d.number + (f"-{d.suffix}" if d.suffix else "") for d in doc.dossier),
        "json": doc.to_json(),
    }


DOC_COLUMNS = [
    "id", "sha256", "path", "format", "chamber", "session_year", "number", "kind", "heading",
    "title", "sender", "addressee", "place", "date", "year", "dossier", "json"]


class SQLStore(Store):
    """The engine-independent part; subclasses set `ph` (placeholder) and the hooks below."""

    ph = "?"

    # ---- engine hooks --------------------------------------------------------------------
    @abstractmethod
    def _execute(self, sql: str, params: tuple | list = ()):
        """Run one statement; return a cursor."""

    @abstractmethod
    def _transaction(self):
        """Context manager: one transaction."""

    @abstractmethod
    def _insert_document(self, row: dict, analyzed) -> int:
        """Insert the documents row (and its full-text entry); return its integer key."""

    @abstractmethod
    def _delete_fulltext(self, n: int, doc: Document, stmt_ns: list[int]) -> None:
        """Remove the full-text entries of a document and its statements before deletion."""

    @abstractmethod
    def _insert_statement(self, row: dict, analyzed) -> int: ...

    @abstractmethod
    def _match(self, tree, table: str) -> tuple[str, str, list, str]:
        """(FROM clause giving alias `d` (documents) or `s` (statements), match condition,
        params of the FROM clause and condition, score expression: higher is better)."""

    # ---- helpers ---------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self.ph == "?" else sql.replace("?", self.ph)

    def _all(self, sql: str, params=()):
        return self._execute(self._sql(sql), params).fetchall()

    def _one(self, sql: str, params=()):
        return self._execute(self._sql(sql), params).fetchone()

    # ---- writing -------------------------------------------------------------------------------
    def put(self, doc: Document) -> PutResult:
        with self._transaction():
            return self._put(doc)

    def put_many(self, docs: Iterable[Document]) -> dict[str, int]:
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        with self._transaction():
            for doc in docs:
                counts[self._put(doc)] += 1
        return counts

    def _put(self, doc: Document) -> PutResult:
        old = self._one("SELECT n, sha256, json FROM documents WHERE id = ?", (doc.id,))
        result: PutResult = "new"
        if old:
            if old[1] == doc.source.sha256 and old[2] == doc.to_json():
                return "unchanged"
            self._delete(old[0], Document.model_validate_json(old[2]))
            result = "updated"
        if doc.source.path:
            # the same file parsed before into another id: the file changed, replace it
            for n, js in self._all("SELECT n, json FROM documents WHERE path = ? AND id <> ?",
                                   (doc.source.path, doc.id)):
                self._delete(n, Document.model_validate_json(js))
                result = "updated"
        row = doc_row(doc)
        analyzed = analyze(index_text(doc))
        n = self._insert_document(row, analyzed)
        self._index_put(n, doc, analyzed, self._insert_children(n, doc))
        return result

    def _index_put(self, n: int, doc: Document, analyzed, statements: list) -> None:
        """Hook for an engine with a separate full-text index: the document was inserted as
        key `n`, its statements as (key, row, analyzed)."""

    def _insert_children(self, n: int, doc: Document) -> list:
        ex = self._execute
        for d in doc.dossier:
            ex(self._sql("INSERT INTO dossiers (doc_n, number, suffix, title) VALUES (?, ?, ?, ?)"),
               (n, d.number, d.suffix, d.title))
        for i, sec in enumerate(doc.sections):
            ex(self._sql("INSERT INTO sections (doc_n, idx, heading, level, text) "
                         "VALUES (?, ?, ?, ?, ?)"),
               (n, i, sec.heading, sec.level, "\n\n".join(sec.paragraphs)))
        for i, e in enumerate(doc.entities):
            ex(self._sql("INSERT INTO entities (doc_n, idx, name, kind, key, role, mentions) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)"),
               (n, i, e.name, e.kind, e.key, e.role, len(e.mentions)))
        for i, r in enumerate(doc.references):
            ex(self._sql("INSERT INTO doc_references (doc_n, idx, kind, text, target, date) "
                         "VALUES (?, ?, ?, ?, ?, ?)"),
               (n, i, r.kind, r.text, r.target, r.date))
        stmts = []
        for i, s in enumerate(doc.statements):
            row = {"doc_n": n, "idx": i, "kind": s.kind, "actor": s.actor, "cue": s.cue,
                   "text": s.text, "section": s.section, "paragraph": s.paragraph,
                   "start_off": s.start, "end_off": s.end, "topic": s.topic, "date": doc.date}
            a = analyze(s.text)
            stmts.append((self._insert_statement(row, a), row, a))
        return stmts

    def _delete(self, n: int, doc: Document) -> None:
        stmt_ns = [r[0] for r in self._all("SELECT n FROM statements WHERE doc_n = ? ORDER BY idx",
                                           (n,))]
        self._delete_fulltext(n, doc, stmt_ns)
        for table in ("dossiers", "sections", "entities", "doc_references", "statements"):
            self._execute(self._sql(f"DELETE FROM {table} WHERE doc_n = ?"), (n,))
        self._execute(self._sql("DELETE FROM documents WHERE n = ?"), (n,))

    def delete(self, doc_id: str) -> bool:
        """Remove one record; False when it was not there."""
        with self._transaction():
            row = self._one("SELECT n, json FROM documents WHERE id = ?", (doc_id,))
            if not row:
                return False
            self._delete(row[0], Document.model_validate_json(row[1]))
            return True

    # ---- reading -------------------------------------------------------------------------------
    def get(self, doc_id: str) -> Optional[Document]:
        row = self._one("SELECT json FROM documents WHERE id = ?", (doc_id,))
        return Document.model_validate_json(row[0]) if row else None

    def known_hashes(self) -> dict[str, str]:
        return {sha: i for sha, i in self._all("SELECT sha256, id FROM documents")}

    def count(self) -> int:
        return self._one("SELECT count(*) FROM documents")[0]

    def _summaries(self, where: str = "", params=(), order: str = "d.date DESC, d.id",
                   limit: int = 20) -> list[DocSummary]:
        rows = self._all(f"SELECT d.id, d.kind, d.title, d.heading, d.date, d.dossier, d.number "
                         f"FROM documents d {where} ORDER BY {order} LIMIT ?",
                         (*params, limit))
        return [DocSummary(r[0], r[1], r[2] or r[3], r[4], r[5].split() if r[5] else [], r[6])
                for r in rows]

    def newest(self, limit: int = 20) -> list[DocSummary]:
        return self._summaries(order="d.date DESC NULLS LAST, d.id", limit=limit) \
            if self.ph != "?" else self._summaries(order="d.date IS NULL, d.date DESC, d.id",
                                                   limit=limit)

    def dossier(self, number: str) -> list[Document]:
        rows = self._all("SELECT d.json FROM documents d JOIN dossiers x ON x.doc_n = d.n "
                         "WHERE x.number = ? ORDER BY d.date, d.number, d.id", (number,))
        return [Document.model_validate_json(r[0]) for r in rows]

    def entity(self, name: str, limit: int = 200) -> tuple[list[DocSummary], StatementResult]:
        docs = self._summaries("WHERE d.n IN (SELECT doc_n FROM entities WHERE lower(name) = lower(?))",
                               (name,), limit=limit)
        rows = self._all(
            "SELECT d.id, s.kind, s.actor, s.text, s.topic, s.date, s.section, s.paragraph, "
            "s.start_off, s.end_off FROM statements s JOIN documents d ON d.n = s.doc_n "
            "WHERE lower(s.actor) = lower(?) OR lower(s.text) LIKE ? "
            "ORDER BY s.date DESC, d.id, s.idx LIMIT ?",
            (name, f"%{name.lower()}%", limit))
        hits = [StatementHit(*r) for r in rows]
        return docs, StatementResult(len(hits), hits)

    # ---- search --------------------------------------------------------------------------------
    def _filters(self, q: SearchQuery, alias: str) -> tuple[str, list]:
        where, params = [], []
        since, until = check_date(q.since, "since"), check_date(q.until, "until")
        if q.kind:
            where.append(f"{alias}.kind = ?")
            params.append(q.kind)
        if q.dossier:
            col = "n" if alias == "d" else "doc_n"
            where.append(f"{alias}.{col} IN (SELECT doc_n FROM dossiers WHERE number = ?)")
            params.append(q.dossier.replace(" ", ""))
        if since:
            where.append(f"{alias}.date >= ?")
            params.append(since)
        if until:
            where.append(f"{alias}.date <= ?")
            params.append(until + "~")  # "2024" and "2024-05" include the whole year or month
        if alias == "s" and q.actor:
            where.append("lower(s.actor) = lower(?)")
            params.append(q.actor)
        return " AND ".join(where), params

    def _ranked_rows(self, top: list[tuple[float, int]]) -> list:
        """(score, documents row) for candidate keys, best first, newer first on equal score."""
        rows = {}
        if top:
            marks = ", ".join("?" * len(top))
            for r in self._all(f"SELECT d.n, d.id, d.kind, d.title, d.heading, d.date, d.dossier "
                               f"FROM documents d WHERE d.n IN ({marks})", [n for _, n in top]):
                rows[r[0]] = r
        return sorted(((float(sc), rows[n]) for sc, n in top if n in rows),
                      key=lambda x: (-x[0], _neg_date(x[1][5]), x[1][1]))

    def _hits(self, ordered: list, tree) -> list[Hit]:
        """Hits with snippets, for the shown documents only (one query for their sections)."""
        terms, phrases = highlight_terms(tree)
        paras: dict[int, list[str]] = {}
        if ordered:
            ns = [r[0] for _, r in ordered]
            for n, text in self._all(f"SELECT doc_n, text FROM sections WHERE doc_n IN "
                                     f"({', '.join('?' * len(ns))}) ORDER BY doc_n, idx", ns):
                if text:
                    paras.setdefault(n, []).extend(text.split("\n\n"))
        hits = []
        for sc, (n, doc_id, kind, title, heading, date, dossier) in ordered:
            hits.append(Hit(doc_id, kind, title or heading, date,
                            dossier.split() if dossier else [], sc,
                            snippet([title or "", *paras.get(n, [])], terms, phrases)))
        return hits

    def search_statements(self, query: SearchQuery) -> StatementResult:
        fwhere, fparams = self._filters(query, "s")
        if query.q.strip():
            tree = parse_query(query.q)
            source, cond, mparams, score = self._match(tree, "statements")
        else:
            source, cond, mparams, score = "statements s", "", [], "0.0"
        source += " JOIN documents d ON d.n = s.doc_n"
        conds = [c for c in (cond, fwhere) if c]
        where = ("WHERE " + " AND ".join(conds)) if conds else ""
        params = [*mparams, *fparams]
        rows = self._all(
            f"SELECT d.id, s.kind, s.actor, s.text, s.topic, s.date, s.section, s.paragraph, "
            f"s.start_off, s.end_off, {score} AS score FROM {source} {where} "
            f"ORDER BY score DESC, s.date DESC, d.id, s.idx LIMIT ? OFFSET ?",
            (*params, query.limit, query.offset))
        total = self._one(f"SELECT count(*) FROM {source} {where}", params)[0]
        facets = {}
        for name, expr in (("kind", "s.kind"), ("actor", "s.actor")):
            nn = f"WHERE {expr} IS NOT NULL" if not where else f"{where} AND {expr} IS NOT NULL"
            facets[name] = {str(k): c for k, c in self._all(
                f"SELECT {expr}, count(*) AS c FROM {source} {nn} GROUP BY {expr} "
                f"ORDER BY c DESC, {expr} LIMIT {FACET_LIMIT}", params)}
        return StatementResult(total, [StatementHit(*r[:10]) for r in rows], facets)
