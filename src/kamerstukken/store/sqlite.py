"""SQLite engine: one file as the store of record, a Tantivy index beside it for search.

Full-text search goes to a Tantivy index in `<file>-search/` (see textindex.py): block-max WAND
top-k, fast counts and exact facets over every match, which SQLite FTS5 cannot do at a million
documents. SQLite keeps every record; the index holds only analyzed terms and is reconciled
against SQLite through the `index_todo` journal (and rebuilt from SQLite when it is missing).
"""
from __future__ import annotations

import sqlite3
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from ..errors import KstError
from ..model import Document
from ..search.analyzer import analyze
from ..search.query import parse_query
from .base import SearchQuery, SearchResult, StatementHit, StatementResult
from .sql import DOC_COLUMNS, SQLStore, _neg_date, check_date, index_text
from .textindex import TextIndex

REBUILD_NOTE = 5000  # documents: from this size a rebuild of the search index reports its progress

DOC_FACETS = ("kind", "dossier", "year", "sender")
BULK_COMMIT = 30.0  # seconds between index commits during a bulk run

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
  n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, path TEXT, format TEXT,
  chamber TEXT, session_year TEXT, number TEXT, kind TEXT NOT NULL, heading TEXT, title TEXT,
  sender TEXT, addressee TEXT, place TEXT, date TEXT, year INTEGER, dossier TEXT,
  json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_sha ON documents (sha256);
CREATE INDEX IF NOT EXISTS documents_path ON documents (path);
CREATE INDEX IF NOT EXISTS documents_date ON documents (date);
CREATE INDEX IF NOT EXISTS documents_kind ON documents (kind, date);
CREATE TABLE IF NOT EXISTS dossiers (doc_n INTEGER NOT NULL, number TEXT NOT NULL, suffix TEXT,
  title TEXT);
CREATE INDEX IF NOT EXISTS dossiers_number ON dossiers (number, doc_n);
CREATE INDEX IF NOT EXISTS dossiers_doc ON dossiers (doc_n);
CREATE TABLE IF NOT EXISTS sections (doc_n INTEGER NOT NULL, idx INTEGER NOT NULL,
  heading TEXT, level INTEGER, text TEXT, PRIMARY KEY (doc_n, idx)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statements (
  n INTEGER PRIMARY KEY, doc_n INTEGER NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL,
  actor TEXT, cue TEXT, text TEXT NOT NULL, section INTEGER, paragraph INTEGER,
  start_off INTEGER, end_off INTEGER, topic TEXT, date TEXT);
CREATE INDEX IF NOT EXISTS statements_doc ON statements (doc_n);
CREATE INDEX IF NOT EXISTS statements_actor ON statements (actor);
CREATE INDEX IF NOT EXISTS statements_date ON statements (date);
CREATE TABLE IF NOT EXISTS entities (doc_n INTEGER NOT NULL, idx INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT, key TEXT, role TEXT, mentions INTEGER,
  PRIMARY KEY (doc_n, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE TABLE IF NOT EXISTS doc_references (doc_n INTEGER NOT NULL, idx INTEGER NOT NULL,
  kind TEXT, text TEXT, target TEXT, date TEXT, PRIMARY KEY (doc_n, idx)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS references_target ON doc_references (target);
CREATE TABLE IF NOT EXISTS index_todo (n INTEGER PRIMARY KEY);
-- FTS5 tables of earlier versions: the Tantivy index replaces them
DROP TABLE IF EXISTS docs_fts;
DROP TABLE IF EXISTS statements_fts;
"""


def sqlite_path(url: str) -> str:
    """As SQLAlchemy: sqlite:///rel.db is relative, sqlite:////abs.db absolute; :memory: works."""
    if not url.startswith("sqlite:///"):
        raise KstError(f"not a SQLite URL: {url!r} (use sqlite:///path.db)")
    path = unquote(url[len("sqlite:///"):])
    if not path or path.endswith("/"):
        raise KstError(f"no file in SQLite URL {url!r} (use sqlite:///path.db)")
    return path


class SQLiteStore(SQLStore):
    ph = "?"

    def __init__(self, url: str, must_exist: bool = False):
        self.url = url
        self.path = sqlite_path(url)
        if self.path != ":memory:":
            p = Path(self.path)
            if must_exist and not p.exists():
                raise KstError(f"no database at {self.path}: run `kst ingest` first")
            if not p.parent.exists():
                raise KstError(f"cannot create database {self.path}: folder does not exist")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False,
                                        timeout=60)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.executescript(SCHEMA)
        except sqlite3.DatabaseError as e:
            raise KstError(f"cannot open database {self.path}: {e}") from None
        self._depth = 0
        self._bulk = False
        self._committed = time.monotonic()
        self.tindex = TextIndex(None if self.path == ":memory:" else Path(self.path + "-search"))
        self._reconcile(wait=0.0)

    def _execute(self, sql, params=()):
        return self.conn.execute(sql, params)

    @contextmanager
    def _transaction(self):
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._writers()
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            # the index drops everything since its last commit, also earlier transactions'
            # work in bulk mode; the journal still names those documents, and the next writer
            # (this store's next transaction, or the next open) replays them
            self.tindex.rollback()
            self.tindex.release_writers()
            raise
        else:
            self.conn.execute("COMMIT")
            # the index commits after SQLite: a kill in between leaves index_todo rows to replay.
            # In bulk mode it commits every BULK_COMMIT seconds: a commit waits for the index's
            # own threads, so committing every batch would stall the analysis in this one.
            if not self._bulk or time.monotonic() - self._committed >= BULK_COMMIT:
                self._commit_index()
        finally:
            self._depth = 0
            if not self._bulk:
                self.tindex.release_writers()

    def _commit_index(self) -> None:
        self.tindex.commit()
        self.conn.execute("DELETE FROM index_todo")
        self._committed = time.monotonic()

    @contextmanager
    def bulk(self):
        """Keep the index writers between transactions (merges run in the background) and
        settle them at the end; outside bulk mode every write frees the index lock at once."""
        outer = not self._bulk
        self._bulk = True
        try:
            yield self
        finally:
            if outer:
                self._bulk = False
                if self.tindex.holds_writers():
                    self._commit_index()
                self.tindex.release_writers()

    # ---- the index beside SQLite --------------------------------------------------------------
    def _writers(self) -> None:
        if self.tindex.holds_writers():
            return
        if not self.tindex.take_writers():
            raise KstError(f"the search index of {self.path} is locked by another process "
                           f"that is writing; try again when it is done")
        self._reconcile_locked()

    def _reconcile(self, wait: float) -> None:
        """On open: replay an interrupted run's journal or refill a missing index, if no other
        process is writing (a writer reconciles when it takes the lock)."""
        todo = self.conn.execute("SELECT EXISTS (SELECT 1 FROM index_todo)").fetchone()[0]
        if not todo and self.tindex.counts() == self._row_counts():
            return
        if not self.tindex.take_writers(wait):
            return
        try:
            self._reconcile_locked()
        finally:
            self.tindex.release_writers()

    def _row_counts(self) -> tuple[int, int]:
        return (self.conn.execute("SELECT count(*) FROM documents").fetchone()[0],
                self.conn.execute("SELECT count(*) FROM statements").fetchone()[0])

    def _reconcile_locked(self) -> None:
        """With the index writers held: make the index match SQLite."""
        todo = [r[0] for r in self.conn.execute("SELECT n FROM index_todo")]
        for n in todo:
            self._reindex(n)
        self.tindex.commit()
        if self.tindex.counts() != self._row_counts():
            self.tindex.clear()
            ns = [n for (n,) in self.conn.execute("SELECT n FROM documents ORDER BY n").fetchall()]
            # a large store's index takes minutes to refill: say so rather than hang silently
            loud = len(ns) >= REBUILD_NOTE
            if loud:
                print(f"kst: rebuilding the search index of {self.path} ({len(ns):,} documents) …",
                      file=sys.stderr, flush=True)
            t, step = time.monotonic(), len(ns) // 10 or 1
            for i, n in enumerate(ns, 1):
                self._reindex(n, delete=False)
                if loud and (i % step == 0 or i == len(ns)):
                    print(f"kst:   {i:,}/{len(ns):,} ({time.monotonic() - t:.0f} s)", file=sys.stderr, flush=True)
            self.tindex.commit()
        if todo:
            self.conn.execute("DELETE FROM index_todo")

    def _reindex(self, n: int, delete: bool = True) -> None:
        """Index document `n` as SQLite holds it now (or only drop it when it is gone)."""
        if delete:
            self.tindex.delete_document(n)
        row = self.conn.execute("SELECT json FROM documents WHERE n = ?", (n,)).fetchone()
        if not row:
            return
        doc = Document.model_validate_json(row[0])
        stmts = [(sn, {"kind": kind, "actor": actor}, analyze(text)) for sn, kind, actor, text in
                 self.conn.execute("SELECT n, kind, actor, text FROM statements WHERE doc_n = ? "
                                   "ORDER BY idx", (n,))]
        self.tindex.add_document(n, doc, analyze(index_text(doc)), stmts)

    def _insert_document(self, row, analyzed) -> int:
        cols = ", ".join(DOC_COLUMNS)
        cur = self.conn.execute(f"INSERT INTO documents ({cols}) VALUES "
                                f"({', '.join('?' * len(DOC_COLUMNS))})",
                                [row[c] for c in DOC_COLUMNS])
        n = cur.lastrowid
        self.conn.execute("INSERT OR IGNORE INTO index_todo (n) VALUES (?)", (n,))
        return n

    def _index_put(self, n, doc, analyzed, statements) -> None:
        self.tindex.add_document(n, doc, analyzed, statements)

    def _insert_statement(self, row, analyzed) -> int:
        cols = list(row)
        cur = self.conn.execute(f"INSERT INTO statements ({', '.join(cols)}) VALUES "
                                f"({', '.join('?' * len(cols))})", [row[c] for c in cols])
        return cur.lastrowid

    def _delete_fulltext(self, n: int, doc: Document, stmt_ns: list[int]) -> None:
        self.conn.execute("INSERT OR IGNORE INTO index_todo (n) VALUES (?)", (n,))
        self.tindex.delete_document(n)

    def _match(self, tree, table):
        raise NotImplementedError("SQLite search goes through the Tantivy index")

    # ---- search --------------------------------------------------------------------------------
    def search(self, query: SearchQuery) -> SearchResult:
        tree = parse_query(query.q)
        ti = self.tindex
        tq = ti.filtered(ti.compile(tree), kind=query.kind,
                         dossier=query.dossier.replace(" ", "") if query.dossier else None,
                         since=check_date(query.since, "since"),
                         until=check_date(query.until, "until"))
        offset = max(0, query.offset)
        want = max(0, query.limit) + offset
        s = ti.searcher()
        total, top = ti.top(s, tq, want)
        facets = ti.facets(s, tq, DOC_FACETS) if total else {f: {} for f in DOC_FACETS}
        ordered = self._ranked_rows(top)[offset:want]
        return SearchResult(total, self._hits(ordered, tree), facets, facets_exact=True)

    def search_statements(self, query: SearchQuery) -> StatementResult:
        if not query.q.strip():
            return super().search_statements(query)  # filters only: the SQL indexes serve them
        tree = parse_query(query.q)
        ti = self.tindex
        tq = ti.filtered(ti.compile(tree, statements=True), kind=query.kind,
                         dossier=query.dossier.replace(" ", "") if query.dossier else None,
                         since=check_date(query.since, "since"),
                         until=check_date(query.until, "until"),
                         actor_key=query.actor.lower() if query.actor else None, statements=True)
        offset = max(0, query.offset)
        want = max(0, query.limit) + offset
        s = ti.searcher(statements=True)
        total, top = ti.top(s, tq, want)
        facets = ti.facets(s, tq, ("kind", "actor")) if total else {"kind": {}, "actor": {}}
        rows = {}
        if top:
            marks = ", ".join("?" * len(top))
            for r in self.conn.execute(
                    f"SELECT s.n, d.id, s.kind, s.actor, s.text, s.topic, s.date, s.section, "
                    f"s.paragraph, s.start_off, s.end_off, s.idx FROM statements s "
                    f"JOIN documents d ON d.n = s.doc_n WHERE s.n IN ({marks})",
                    [n for _, n in top]):
                rows[r[0]] = r
        ordered = sorted(((sc, rows[n]) for sc, n in top if n in rows),
                         key=lambda x: (-x[0], _neg_date(x[1][6]), x[1][1], x[1][11]))
        hits = [StatementHit(*r[1:11]) for _, r in ordered[offset:want]]
        return StatementResult(total, hits, facets)

    def index_size(self) -> int:
        """Bytes of the full-text index (the Tantivy folders), for the benchmark."""
        return self.tindex.size()

    def optimize(self) -> None:
        """Let pending index merges finish and refresh SQLite's planner statistics."""
        self.tindex.release_writers()
        self.conn.execute("ANALYZE")

    def close(self) -> None:
        try:
            if self.tindex.holds_writers():
                self._commit_index()
            self.tindex.release_writers()
        except Exception:
            pass
        try:
            self.conn.close()
        except Exception:
            pass
