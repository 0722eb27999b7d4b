"""SQLite engine: one file, FTS5 over the Dutch analyzer's output.

The FTS5 tables are contentless (`content=''`): they hold only the index, never a second copy of
the text, which keeps the index small. Removing a row from a contentless table needs the indexed
values again; they are recomputed from the stored record with the same analyzer.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

from ..errors import KstError
from ..model import Document
from ..search.analyzer import analyze
from ..search.query import to_fts5
from .sql import DOC_COLUMNS, SQLStore, index_text

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
CREATE VIRTUAL TABLE IF NOT EXISTS docs_fts USING fts5(stems, parts, content='',
  tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE IF NOT EXISTS statements_fts USING fts5(stems, parts, content='',
  tokenize='unicode61 remove_diacritics 0');
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
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")
        finally:
            self._depth = 0

    def _insert_document(self, row, analyzed) -> int:
        cols = ", ".join(DOC_COLUMNS)
        cur = self.conn.execute(f"INSERT INTO documents ({cols}) VALUES "
                                f"({', '.join('?' * len(DOC_COLUMNS))})",
                                [row[c] for c in DOC_COLUMNS])
        n = cur.lastrowid
        self.conn.execute("INSERT INTO docs_fts (rowid, stems, parts) VALUES (?, ?, ?)",
                          (n, analyzed.stems_text(), analyzed.parts_text()))
        return n

    def _insert_statement(self, row, analyzed) -> int:
        cols = list(row)
        cur = self.conn.execute(f"INSERT INTO statements ({', '.join(cols)}) VALUES "
                                f"({', '.join('?' * len(cols))})", [row[c] for c in cols])
        n = cur.lastrowid
        self.conn.execute("INSERT INTO statements_fts (rowid, stems, parts) VALUES (?, ?, ?)",
                          (n, analyzed.stems_text(), analyzed.parts_text()))
        return n

    def _delete_fulltext(self, n: int, doc: Document, stmt_ns: list[int]) -> None:
        a = analyze(index_text(doc))
        self.conn.execute("INSERT INTO docs_fts (docs_fts, rowid, stems, parts) "
                          "VALUES ('delete', ?, ?, ?)", (n, a.stems_text(), a.parts_text()))
        for sn, st in zip(stmt_ns, doc.statements):
            a = analyze(st.text)
            self.conn.execute("INSERT INTO statements_fts (statements_fts, rowid, stems, parts) "
                              "VALUES ('delete', ?, ?, ?)", (sn, a.stems_text(), a.parts_text()))

    def _match(self, tree, table):
        expr = to_fts5(tree)
        if table == "documents":
            return ("docs_fts JOIN documents d ON d.n = docs_fts.rowid", "docs_fts MATCH ?",
                    [expr], "-bm25(docs_fts, 1.0, 0.5)")
        return ("statements_fts JOIN statements s ON s.n = statements_fts.rowid",
                "statements_fts MATCH ?", [expr], "-bm25(statements_fts, 1.0, 0.5)")

    def _match_ids(self, tree, table, score):
        fts = "docs_fts" if table == "documents" else "statements_fts"
        cols = f"rowid AS n, -bm25({fts}, 1.0, 0.5) AS score" if score else "rowid AS n"
        return f"SELECT {cols} FROM {fts} WHERE {fts} MATCH ?", [to_fts5(tree)]

    def index_size(self) -> int:
        """Bytes of the full-text index (FTS5 shadow tables), for the benchmark."""
        try:
            rows = self.conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'docs_fts%' "
                "OR name LIKE 'statements_fts%'").fetchone()
            return int(rows[0] or 0)
        except sqlite3.OperationalError:
            return 0

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass
