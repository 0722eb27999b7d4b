"""PostgreSQL engine: the same tables, the analyzer's output as a tsvector with a GIN index.

The tsvector is built from the Dutch analyzer's terms (stems weight A with their positions,
compound parts weight B after them) and cast directly, so PostgreSQL's own parser never re-splits
them and both engines match exactly the same documents. `?schema=NAME` in the URL keeps the
tables in their own schema (tests use one per session).
"""
from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import KstError
from ..model import Document
from ..search.query import parse_query, to_tsquery
from .base import SearchQuery, SearchResult, StatementHit, StatementResult
from .sql import DOC_COLUMNS, SQLStore

MAX_POS = 16383      # PostgreSQL's largest tsvector position
MAX_POSITIONS = 256  # positions kept per lexeme
# Every matching row costs a heap visit and, for ranking or a phrase, a detoasted tsvector: at a
# million documents a word in nearly all of them takes seconds to count exactly. So PostgreSQL
# bounds its work: up to BOUND matches everything is exact (count, ranking, facets); above it
# the total is estimated from a block sample (total_exact False), the top hits are the best of the
# BOUND most recently stored matches, and facets come from BOUND matches scaled up (flagged).
BOUND = 2_000
SAMPLE_PERCENT = 0.5
RANK = "ts_rank('{0.1,0.2,0.5,1.0}', d.tsv, ?::tsquery, 1)"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
  n BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, sha256 TEXT NOT NULL, path TEXT, format TEXT,
  chamber TEXT, session_year TEXT, number TEXT, kind TEXT NOT NULL, heading TEXT, title TEXT,
  sender TEXT, addressee TEXT, place TEXT, date TEXT, year INTEGER, dossier TEXT,
  json TEXT NOT NULL, tsv TSVECTOR);
CREATE INDEX IF NOT EXISTS documents_sha ON documents (sha256);
CREATE INDEX IF NOT EXISTS documents_path ON documents (path);
CREATE INDEX IF NOT EXISTS documents_date ON documents (date);
CREATE INDEX IF NOT EXISTS documents_kind ON documents (kind, date);
CREATE INDEX IF NOT EXISTS documents_tsv ON documents USING GIN (tsv);
CREATE TABLE IF NOT EXISTS dossiers (doc_n BIGINT NOT NULL, number TEXT NOT NULL, suffix TEXT,
  title TEXT);
CREATE INDEX IF NOT EXISTS dossiers_number ON dossiers (number, doc_n);
CREATE INDEX IF NOT EXISTS dossiers_doc ON dossiers (doc_n);
CREATE TABLE IF NOT EXISTS sections (doc_n BIGINT NOT NULL, idx INTEGER NOT NULL,
  heading TEXT, level INTEGER, text TEXT, PRIMARY KEY (doc_n, idx));
CREATE TABLE IF NOT EXISTS statements (
  n BIGSERIAL PRIMARY KEY, doc_n BIGINT NOT NULL, idx INTEGER NOT NULL, kind TEXT NOT NULL,
  actor TEXT, cue TEXT, text TEXT NOT NULL, section INTEGER, paragraph INTEGER,
  start_off INTEGER, end_off INTEGER, topic TEXT, date TEXT, tsv TSVECTOR);
CREATE INDEX IF NOT EXISTS statements_doc ON statements (doc_n);
CREATE INDEX IF NOT EXISTS statements_actor ON statements (actor);
CREATE INDEX IF NOT EXISTS statements_date ON statements (date);
CREATE INDEX IF NOT EXISTS statements_tsv ON statements USING GIN (tsv);
CREATE TABLE IF NOT EXISTS entities (doc_n BIGINT NOT NULL, idx INTEGER NOT NULL,
  name TEXT NOT NULL, kind TEXT, key TEXT, role TEXT, mentions INTEGER, PRIMARY KEY (doc_n, idx));
CREATE INDEX IF NOT EXISTS entities_name ON entities (name);
CREATE TABLE IF NOT EXISTS doc_references (doc_n BIGINT NOT NULL, idx INTEGER NOT NULL,
  kind TEXT, text TEXT, target TEXT, date TEXT, PRIMARY KEY (doc_n, idx));
CREATE INDEX IF NOT EXISTS references_target ON doc_references (target);
"""


def tsvector_text(analyzed) -> str:
    """tsvector input text: stems at their positions (weight A), parts after them (weight B)."""
    pos: dict[str, list[str]] = {}
    i = 0
    for i, s in enumerate(analyzed.stems, 1):
        p = pos.setdefault(s, [])
        if len(p) < MAX_POSITIONS:
            p.append(f"{min(i, MAX_POS)}A")
    base = len(analyzed.stems) + 1
    for j, s in enumerate(analyzed.parts, base + 1):
        p = pos.setdefault(s, [])
        if len(p) < MAX_POSITIONS:
            p.append(f"{min(j, MAX_POS)}B")
    return " ".join("'" + lex.replace("\\", "\\\\").replace("'", "''") + "':" + ",".join(ps)
                    for lex, ps in pos.items())


def split_url(url: str) -> tuple[str, str]:
    """(connection URL, schema): `schema` is our own query parameter, not libpq's."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    schema = query.pop("schema", "public")
    if not schema.replace("_", "").isalnum():
        raise KstError(f"bad schema name {schema!r} in database URL")
    return urlunsplit(parts._replace(query=urlencode(query))), schema


class PostgresStore(SQLStore):
    ph = "%s"

    def __init__(self, url: str, must_exist: bool = False):
        import psycopg

        self.url = url
        conninfo, self.schema = split_url(url)
        try:
            self.conn = psycopg.connect(conninfo, autocommit=True, connect_timeout=10)
        except Exception as e:  # psycopg's message can span lines: keep the first
            first = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
            raise KstError(f"cannot connect to PostgreSQL: {first}") from None
        # exact (not lossy) GIN bitmaps for large match sets: no tsvector recheck per row
        self.conn.execute("SET work_mem = '64MB'")
        # JIT compiles each big search anew (~20 ms) and saves less than that here
        self.conn.execute("SET jit = off")
        self.conn.execute(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')
        self.conn.execute(f'SET search_path TO "{self.schema}"')
        with self.conn.transaction():
            # one session creates the tables at a time (parallel test workers share a server)
            self.conn.execute("SELECT pg_advisory_xact_lock(4242)")
            for stmt in SCHEMA.split(";"):
                if stmt.strip():
                    self.conn.execute(stmt)

    def _execute(self, sql, params=()):
        return self.conn.execute(sql, params)

    @contextmanager
    def _transaction(self):
        with self.conn.transaction():
            yield

    def _insert_document(self, row, analyzed) -> int:
        cols = ", ".join(DOC_COLUMNS)
        return self.conn.execute(
            f"INSERT INTO documents ({cols}, tsv) VALUES "
            f"({', '.join(['%s'] * len(DOC_COLUMNS))}, %s::tsvector) RETURNING n",
            [row[c] for c in DOC_COLUMNS] + [tsvector_text(analyzed)]).fetchone()[0]

    def _insert_statement(self, row, analyzed) -> int:
        cols = list(row)
        return self.conn.execute(
            f"INSERT INTO statements ({', '.join(cols)}, tsv) VALUES "
            f"({', '.join(['%s'] * len(cols))}, %s::tsvector) RETURNING n",
            [row[c] for c in cols] + [tsvector_text(analyzed)]).fetchone()[0]

    def _delete_fulltext(self, n: int, doc: Document, stmt_ns: list[int]) -> None:
        pass  # the tsvector lives in the row that is deleted

    def _match(self, tree, table):
        q = to_tsquery(tree)
        if table == "documents":
            return ("documents d CROSS JOIN (SELECT %s::tsquery AS q) qq", "d.tsv @@ qq.q", [q],
                    "ts_rank('{0.1,0.2,0.5,1.0}', d.tsv, qq.q, 1)")
        return ("statements s CROSS JOIN (SELECT %s::tsquery AS q) qq", "s.tsv @@ qq.q", [q],
                "ts_rank('{0.1,0.2,0.5,1.0}', s.tsv, qq.q, 1)")

    def search(self, query: SearchQuery) -> SearchResult:
        tree, tsq, total, exact, source, sparams = self._matches(query, "documents", "d")
        offset = max(0, query.offset)
        want = max(0, query.limit) + offset
        top = self._all(f"SELECT {RANK} AS score, d.n FROM {source} ORDER BY score DESC LIMIT ?",
                        (tsq, *sparams, want * 2 + 10))
        facets = self._pg_facets(source, sparams, 1.0 if exact else total / BOUND)
        ordered = self._ranked_rows(top)[offset:want]
        return SearchResult(total, self._hits(ordered, tree), facets, facets_exact=exact,
                            total_exact=exact)

    def search_statements(self, query: SearchQuery) -> StatementResult:
        if not query.q.strip():
            return super().search_statements(query)  # filters only: the SQL indexes serve them
        _, tsq, total, exact, source, sparams = self._matches(query, "statements", "s")
        offset = max(0, query.offset)
        rows = self._all(
            f"SELECT d.id, s.kind, s.actor, s.text, s.topic, s.date, s.section, s.paragraph, "
            f"s.start_off, s.end_off, {RANK.replace('d.tsv', 's.tsv')} AS score "
            f"FROM {source.replace('statements s', 'statements s JOIN documents d ON d.n = s.doc_n', 1)} "
            f"ORDER BY score DESC, s.date DESC, d.id, s.idx LIMIT ? OFFSET ?",
            (tsq, *sparams, max(0, query.limit), offset))
        scale = 1.0 if exact else total / BOUND
        facets = {}
        for name in ("kind", "actor"):
            counts = self._all(f"SELECT s.{name}, count(*) AS c FROM {source} AND s.{name} IS NOT "
                               f"NULL GROUP BY s.{name} ORDER BY c DESC, s.{name} LIMIT 50", sparams)
            facets[name] = {str(k): int(round(c * scale)) for k, c in counts}
        return StatementResult(total, [StatementHit(*r[:10]) for r in rows], facets,
                               total_exact=exact)

    def _matches(self, query: SearchQuery, table: str, alias: str):
        """The query parsed, its tsquery, and `_bounded` over its matches with the query's filters."""
        tree = parse_query(query.q)
        fwhere, fparams = self._filters(query, alias)
        tsq = to_tsquery(tree)
        cond = f"{alias}.tsv @@ ?::tsquery" + (f" AND {fwhere}" if fwhere else "")
        return (tree, tsq, *self._bounded(table, alias, cond, [tsq, *fparams]))

    def _bounded(self, table: str, alias: str, cond: str, params: list):
        """(total, exact, FROM-WHERE source of the rows to rank and count facets on, its params).

        GIN + LIMIT: one query takes the BOUND + 1 most recently stored matches. Up to BOUND
        that is every match, exactly; above it the total is estimated from a block sample and
        the BOUND most recent matches are ranked and faceted. For a condition the planner
        expects in 5% of rows or more, walking the key index backwards stops early; for a rarer
        one `n + 0` (not the index order) keeps it on the GIN bitmap, because the planner
        underrates the walk's cost (each row's tsvector is detoasted to test it)."""
        rows = self._rows(table)
        plan = self._one(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {table} {alias} WHERE {cond}",
                         params)[0]
        expected = plan[0]["Plan"]["Plan Rows"] if isinstance(plan, list) else 0
        order = f"{alias}.n DESC" if expected >= 0.05 * rows else f"{alias}.n + 0 DESC"
        ns = [r[0] for r in self._all(f"SELECT {alias}.n FROM {table} {alias} WHERE {cond} "
                                      f"ORDER BY {order} LIMIT {BOUND + 1}", params)]
        source = f"{table} {alias} WHERE {alias}.n = ANY(?)"
        if len(ns) <= BOUND:
            return len(ns), True, source, [ns]
        total = self._estimate(table, alias, cond, params, len(ns), rows)
        return total, False, source, [ns[:BOUND]]

    def _estimate(self, table: str, alias: str, cond: str, params: list, at_least: int,
                  rows: int) -> int:
        """Matches in a block sample of the table, scaled to its size (never below what was
        counted)."""
        hit, seen = self._one(f"SELECT count(*) FILTER (WHERE {cond}), count(*) FROM {table} "
                              f"{alias} TABLESAMPLE SYSTEM ({SAMPLE_PERCENT}) REPEATABLE (42)",
                              params)
        return max(at_least, round(hit / seen * rows)) if seen else at_least

    def _rows(self, table: str) -> int:
        """Rows in a table as the statistics know them (an exact count takes ~0.1 s at 1M)."""
        est = self._one(f"SELECT reltuples::bigint FROM pg_class WHERE oid = '{table}'::regclass")
        if est and est[0] and est[0] > 0:
            return int(est[0])
        return self._one(f"SELECT count(*) FROM {table}")[0]

    def _pg_facets(self, source: str, params: list, scale: float) -> dict[str, dict[str, int]]:
        """kind, year and sender in one pass (grouping sets), dossier in a second."""
        from .sql import FACET_LIMIT

        out: dict[str, dict[str, int]] = {"kind": {}, "dossier": {}, "year": {}, "sender": {}}
        rows = self._all(f"SELECT GROUPING(d.kind), GROUPING(d.year), d.kind, d.year, d.sender, "
                         f"count(*) FROM {source} "
                         f"GROUP BY GROUPING SETS ((d.kind), (d.year), (d.sender))", params)
        for g_kind, g_year, kind, year, sender, c in rows:
            # GROUPING(col) is 0 in the set grouped by col; NULL is no facet value
            name, val = (("kind", kind) if g_kind == 0 else ("year", year) if g_year == 0
                         else ("sender", sender))
            if val is not None:
                out[name][str(val)] = c
        for num, c in self._all(f"SELECT x.number, count(*) FROM (SELECT d.n FROM {source}) f "
                                f"JOIN dossiers x ON x.doc_n = f.n GROUP BY x.number", params):
            out["dossier"][str(num)] = c
        return {name: {k: int(round(c * scale)) for k, c in
                       sorted(vals.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_LIMIT]}
                for name, vals in out.items()}

    def index_size(self) -> int:
        """Bytes of the tsvector columns and their GIN indexes, for the benchmark."""
        row = self.conn.execute(
            "SELECT coalesce((SELECT sum(pg_column_size(tsv)) FROM documents), 0) "
            "+ coalesce((SELECT sum(pg_column_size(tsv)) FROM statements), 0) "
            "+ pg_relation_size('documents_tsv') + pg_relation_size('statements_tsv')").fetchone()
        return int(row[0])

    def drop(self) -> None:
        """Drop this store's schema (tests)."""
        if self.schema == "public":
            raise KstError("refusing to drop the public schema")
        self.conn.execute(f'DROP SCHEMA IF EXISTS "{self.schema}" CASCADE')

    def close(self) -> None:
        try:
            self.conn.close()
        except Exception:
            pass
