"""Tantivy full-text index beside the SQLite store: fast top-k, exact counts and exact facets.

SQLite stays the store of record; the index holds only analyzed terms plus the few fields that
filters and facets need, keyed by the SQLite row key `n`. Terms come from our own analyzer and
are indexed with a bare whitespace tokenizer, and queries are built from our parsed query tree,
so matching is exactly the analyzer's (stems, compound parts, phrases, AND/OR/NOT).

Top-k is collected with the exact count in one pass, so every match is scored (in Rust, a few
nanoseconds each: ~7 ms for a word in 975,000 of a million documents) instead of skipping blocks
by their maximum score; facets are terms aggregations over fast fields.

Phrases are matched on stem n-grams: a two-word phrase is one term of the `bi` field
(`de_kamer`), three words one term of `tri` (`verzoek_de_reger`), and a longer phrase is a phrase
over overlapping trigrams, which is exactly "the stems at consecutive positions" while never
walking the positions of words like `de` in every document (the slow part of a phrase query).

Consistency with SQLite: every write transaction also writes the keys it touches to SQLite's
`index_todo` table (so the journal commits or rolls back with the data). The index commits after
SQLite does, then the journal is cleared. A run killed in between leaves journal rows, which the
next writer replays (delete the key, re-add it from SQLite if the row exists) — idempotent.
"""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Iterable, Optional

from ..errors import KstError
from ..search.query import And, Not, Or, Phrase, Term

PART_BOOST = 0.5      # a compound part counts half a whole word (as the FTS5 weights did)
LOCK_WAIT = 60.0      # seconds to wait for another process's index writer
FORMAT = "2"          # bump when the fields change: the index is rebuilt from SQLite


def _tantivy():
    try:
        import tantivy
    except ImportError:  # pragma: no cover - a declared dependency
        raise KstError("search needs the tantivy package: pip install tantivy") from None
    return tantivy


def date_key(date: Optional[str], upper: bool = False) -> Optional[int]:
    """'2024-05-03' → 20240503; a partial date pads with 00 (or 99 for an inclusive upper end),
    so integer comparison agrees with the string comparison the SQL filters use."""
    if not date:
        return None
    digits = date.replace("-", "")
    if not digits.isdigit() or len(digits) > 8:
        return None
    return int(digits.ljust(8, "9" if upper else "0"))


def bigrams(stems: list[str]) -> str:
    # "_" never occurs inside a stem (the analyzer splits words on it)
    return " ".join([a + "_" + b for a, b in zip(stems, stems[1:])])


def trigrams(stems: list[str]) -> str:
    return " ".join([a + "_" + b + "_" + c for a, b, c in zip(stems, stems[1:], stems[2:])])


def _schema(statements: bool):
    t = _tantivy()
    sb = t.SchemaBuilder()
    sb.add_integer_field("n", indexed=True, fast=True)
    if statements:
        sb.add_integer_field("doc_n", indexed=True, fast=True)
    sb.add_text_field("stems", tokenizer_name="ws", index_option="freq")
    sb.add_text_field("parts", tokenizer_name="ws", index_option="freq")
    sb.add_text_field("bi", tokenizer_name="ws", index_option="freq")
    sb.add_text_field("tri", tokenizer_name="ws", index_option="position")
    sb.add_text_field("kind", tokenizer_name="raw", fast=True)
    sb.add_text_field("dossier", tokenizer_name="raw", fast=True)
    sb.add_integer_field("date", indexed=True, fast=True)
    if statements:
        sb.add_text_field("actor", tokenizer_name="raw", fast=True)
        sb.add_text_field("actor_key", tokenizer_name="raw")
    else:
        sb.add_integer_field("year", indexed=False, fast=True)
        sb.add_text_field("sender", tokenizer_name="raw", fast=True)
    return sb.build()


class _One:
    """One Tantivy index (documents or statements) with a lazily taken writer."""

    def __init__(self, path: Optional[Path], statements: bool):
        t = _tantivy()
        self.statements = statements
        self.schema = _schema(statements)
        self.path = path
        if path is not None:
            try:
                path.mkdir(parents=True, exist_ok=True)
                fmt = path / "kst-format"
                if not fmt.exists() or fmt.read_text() != FORMAT:
                    # an index of another layout: start empty, the store refills it
                    for child in path.iterdir():
                        if child.is_dir():
                            shutil.rmtree(child)
                        else:
                            child.unlink()
                    fmt.write_text(FORMAT)
                self.index = t.Index(self.schema, path=str(path))
            except (OSError, ValueError) as e:
                msg = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
                raise KstError(f"cannot open search index {path}: {msg}") from None
        else:
            self.index = t.Index(self.schema)
        self.index.register_tokenizer("ws", t.TextAnalyzerBuilder(t.Tokenizer.whitespace()).build())
        self.writer = None
        self.dirty = False
        self.heap = 64_000_000 if statements else 256_000_000

    def take_writer(self, wait: float = LOCK_WAIT) -> bool:
        """Hold the writer lock (one writer per index across processes); False on timeout."""
        if self.writer is not None:
            return True
        deadline = time.monotonic() + wait
        while True:
            try:
                # one indexing thread (the analysis holds the other core); a big heap makes
                # big first segments, so a bulk run merges fewer times
                self.writer = self.index.writer(heap_size=self.heap, num_threads=1)
                return True
            except ValueError as e:
                if "lock" not in str(e).lower():
                    raise KstError(f"search index {self.path}: {e}") from None
                if time.monotonic() >= deadline:
                    return False
                time.sleep(0.05)

    def release_writer(self) -> None:
        """Let merges finish and free the lock for other processes."""
        if self.writer is not None:
            w, self.writer = self.writer, None
            w.wait_merging_threads()

    def add(self, doc) -> None:
        self.writer.add_document(doc)
        self.dirty = True

    def delete(self, field: str, n: int) -> None:
        self.writer.delete_documents_by_term(field, n)
        self.dirty = True

    def commit(self) -> None:
        if self.dirty:
            self.writer.commit()
            self.dirty = False
            self.index.reload()

    def rollback(self) -> None:
        if self.dirty:
            self.writer.rollback()
            self.dirty = False

    def searcher(self):
        """A searcher on the latest commit, also another process's (a reload costs ~0.1 ms)."""
        self.index.reload()
        return self.index.searcher()

    def size(self) -> int:
        if self.path is None:
            return 0
        return sum(f.stat().st_size for f in self.path.rglob("*") if f.is_file())


class TextIndex:
    """The documents and statements indexes of one SQLite store."""

    def __init__(self, path: Optional[Path]):
        self.path = path
        self.docs = _One(path / "documents" if path else None, statements=False)
        self.stmts = _One(path / "statements" if path else None, statements=True)
        self.both = (self.docs, self.stmts)

    # ---- writing ---------------------------------------------------------------------------
    def take_writers(self, wait: float = LOCK_WAIT) -> bool:
        for one in self.both:
            if not one.take_writer(wait):
                self.release_writers()  # all or none
                return False
        return True

    def holds_writers(self) -> bool:
        return all(one.writer is not None for one in self.both)

    def release_writers(self) -> None:
        for one in self.both:
            one.release_writer()

    def add_document(self, n: int, doc, analyzed, statements: Iterable[tuple[int, dict, object]]):
        """Queue a document (with its statements: (n, row, analyzed)) for the next commit."""
        t = _tantivy()
        dossiers = [d.number for d in doc.dossier]
        d = t.Document(n=n, stems=analyzed.stems_text(), parts=analyzed.parts_text(),
                       bi=bigrams(analyzed.stems), tri=trigrams(analyzed.stems), kind=doc.kind)
        for x in dossiers:
            d.add_text("dossier", x)
        key = date_key(doc.date)
        if key is not None:
            d.add_integer("date", key)
        if doc.date and doc.date[:4].isdigit():
            d.add_integer("year", int(doc.date[:4]))
        if doc.sender is not None:
            d.add_text("sender", doc.sender)
        self.docs.add(d)
        for sn, row, a in statements:
            s = t.Document(n=sn, doc_n=n, stems=a.stems_text(), parts=a.parts_text(),
                           bi=bigrams(a.stems), tri=trigrams(a.stems), kind=row["kind"])
            for x in dossiers:
                s.add_text("dossier", x)
            if key is not None:
                s.add_integer("date", key)
            if row.get("actor") is not None:
                s.add_text("actor", row["actor"])
                s.add_text("actor_key", row["actor"].lower())
            self.stmts.add(s)

    def delete_document(self, n: int) -> None:
        self.docs.delete("n", n)
        self.stmts.delete("doc_n", n)

    def commit(self) -> None:
        for one in self.both:
            one.commit()

    def rollback(self) -> None:
        for one in self.both:
            one.rollback()

    def clear(self) -> None:
        for one in self.both:
            one.writer.delete_all_documents()
            one.dirty = True

    def counts(self) -> tuple[int, int]:
        return self.docs.searcher().num_docs, self.stmts.searcher().num_docs

    def size(self) -> int:
        return sum(one.size() for one in self.both)

    # ---- queries ---------------------------------------------------------------------------
    def compile(self, node, statements: bool = False):
        """A Tantivy query from our parsed query tree (never from user text)."""
        t = _tantivy()
        Q, O = t.Query, t.Occur
        schema = (self.stmts if statements else self.docs).schema

        def go(nd):
            if isinstance(nd, Term):
                return Q.boolean_query([
                    (O.Should, Q.term_query(schema, "stems", nd.stem)),
                    (O.Should, Q.boost_query(Q.term_query(schema, "parts", nd.stem), PART_BOOST))])
            if isinstance(nd, Phrase):
                if len(nd.stems) == 2:
                    return Q.term_query(schema, "bi", bigrams(nd.stems))
                grams = trigrams(nd.stems).split(" ")
                if len(grams) == 1:
                    return Q.term_query(schema, "tri", grams[0])
                return Q.phrase_query(schema, "tri", grams)
            if isinstance(nd, Or):
                return Q.boolean_query([(O.Should, go(c)) for c in nd.children])
            if isinstance(nd, And):
                return Q.boolean_query([(O.MustNot, go(c.child)) if isinstance(c, Not)
                                        else (O.Must, go(c)) for c in nd.children])
            raise TypeError(nd)

        return go(node)

    def filtered(self, query, kind=None, dossier=None, since=None, until=None, actor_key=None,
                 statements: bool = False):
        """The text query restricted by filters that do not change its score."""
        t = _tantivy()
        Q, O = t.Query, t.Occur
        schema = (self.stmts if statements else self.docs).schema
        filters = []
        if kind:
            filters.append(Q.term_query(schema, "kind", kind))
        if dossier:
            filters.append(Q.term_query(schema, "dossier", dossier))
        if actor_key:
            filters.append(Q.term_query(schema, "actor_key", actor_key))
        lo, hi = date_key(since), date_key(until, upper=True)
        if since or until:
            filters.append(Q.range_query(schema, "date", t.FieldType.Integer,
                                         lo if lo is not None else 0,
                                         hi if hi is not None else 99_999_999))
        if not filters:
            return query
        return Q.boolean_query([(O.Must, query)] +
                               [(O.Must, Q.const_score_query(f, 0.0)) for f in filters])

    def searcher(self, statements: bool = False):
        """One searcher per request, so count, top-k and facets see the same commit."""
        return (self.stmts if statements else self.docs).searcher()

    @staticmethod
    def top(s, query, want: int) -> tuple[int, list[tuple[float, int]]]:
        """(total matches, (score, n) of the best): at least `want` of them, and every match
        whose score ties the `want`-th, so a tie-break applied afterwards is exact."""
        limit = want * 2 + 10
        while True:
            res = s.search(query, limit, count=True)  # counting costs little beside scoring
            hits = res.hits
            if len(hits) < limit or want == 0 or hits[-1][0] < hits[want - 1][0]:
                break
            limit *= 4
        ns = s.fast_field_values("n", [a for _, a in hits])
        return res.count, [(float(sc), int(n)) for (sc, _), n in zip(hits, ns)]

    @staticmethod
    def facets(s, query, fields: Iterable[str], limit: int = 50) -> dict[str, dict[str, int]]:
        """{field: {value: count}} over every match, most frequent first (as SQL: ties by
        value), at most `limit` values per field."""
        # every value from every segment: the merged counts are then exact
        agg = {f: {"terms": {"field": f, "size": 1_000_000, "segment_size": 1_000_000}}
               for f in fields}
        res = s.aggregate(query, agg)
        out = {}
        for f in fields:
            buckets = [(b["key"], int(b["doc_count"])) for b in res[f]["buckets"]]
            if f == "year":
                buckets = [(int(k), c) for k, c in buckets]
            buckets.sort(key=lambda kc: (-kc[1], kc[0]))  # as SQL: count desc, then value
            out[f] = {str(k): c for k, c in buckets[:limit]}
        return out
