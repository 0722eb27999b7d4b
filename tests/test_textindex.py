"""The Tantivy index beside SQLite: pruned top-k equals an exhaustive ranking, counts and facets
equal a brute-force evaluation of the query over the analyzer's terms, and the index stays
consistent with SQLite across killed runs, a lost index folder and replaced documents."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

import kamerstukken
from kamerstukken.search.analyzer import analyze
from kamerstukken.search.query import And, Not, Or, Phrase, Term, parse_query
from kamerstukken.store import SearchQuery, open_store
from kamerstukken.store.ingest import ingest
from kamerstukken.store.sql import index_text

from storefixtures import motie_paths, seed_with_statements

QUERIES = ["zorg", "regering", "verlenging", "gebied", "navo oekraine", '"verzoekt de regering"',
           '"de kamer"', "zorg OR onderwijs", "regering NOT zorg", '"open source"',
           "(zorg OR onderwijs) AND gemeenten"]


@pytest.fixture(scope="module")
def docs(shared):
    seed = seed_with_statements(kamerstukken.parse(shared / "corpus" / "seed" / "kst-28676-235.txt"))
    return [seed] + [kamerstukken.parse(p) for p in motie_paths(shared, extra=60)]


@pytest.fixture(scope="module")
def full(docs, tmp_path_factory):
    st = open_store(f"sqlite:///{tmp_path_factory.mktemp('ti') / 'kst.db'}")
    st.put_many(docs)
    yield st
    st.close()


def matches(node, stems: list[str], parts: set[str]) -> bool:
    """The query semantics, evaluated directly on one text's analyzed terms."""
    if isinstance(node, Term):
        return node.stem in stems or node.stem in parts
    if isinstance(node, Phrase):
        n = len(node.stems)
        return any(stems[i:i + n] == node.stems for i in range(len(stems) - n + 1))
    if isinstance(node, Or):
        return any(matches(c, stems, parts) for c in node.children)
    if isinstance(node, And):
        return all(not matches(c.child, stems, parts) if isinstance(c, Not)
                   else matches(c, stems, parts) for c in node.children)
    raise TypeError(node)


@pytest.mark.parametrize("q", QUERIES)
def test_total_and_facets_equal_brute_force(full, docs, q):
    tree = parse_query(q)
    hit = []
    for d in docs:
        a = analyze(index_text(d))
        if matches(tree, a.stems, set(a.parts)):
            hit.append(d)
    r = full.search(SearchQuery(q=q, limit=1000))
    assert r.total == len(hit) == len(r.hits)
    assert {h.id for h in r.hits} == {d.id for d in hit}
    kinds: dict[str, int] = {}
    years: dict[str, int] = {}
    for d in hit:
        kinds[d.kind] = kinds.get(d.kind, 0) + 1
        if d.date:
            years[d.date[:4]] = years.get(d.date[:4], 0) + 1
    assert r.facets["kind"] == dict(sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    assert r.facets["year"] == dict(sorted(years.items(), key=lambda kv: (-kv[1], kv[0])))
    assert r.facets_exact


@pytest.mark.parametrize("q", QUERIES)
def test_pruned_top_k_equals_exhaustive_ranking(full, q):
    """Top-k with pruning (and the recency tie-break) is the head of the full ranking; the full
    ranking is checked against Tantivy's exhaustive (counting, so unpruned) collector."""
    everything = full.search(SearchQuery(q=q, limit=1000)).hits
    for k in (1, 3, 10):
        top = full.search(SearchQuery(q=q, limit=k)).hits
        assert [h.id for h in top] == [h.id for h in everything[:k]], k
        page = full.search(SearchQuery(q=q, limit=k, offset=k)).hits
        assert [h.id for h in page] == [h.id for h in everything[k:2 * k]], k
    ti = full.tindex
    searcher = ti.docs.searcher()
    res = searcher.search(ti.compile(parse_query(q)), 1000, count=True)
    assert res.count == len(everything)
    exhaustive = sorted(round(s, 4) for s, _ in res.hits)
    assert exhaustive == sorted(round(h.score, 4) for h in everything)
    scores = [h.score for h in everything]
    assert scores == sorted(scores, reverse=True)
    # equal scores: newer first
    for a, b in zip(everything, everything[1:]):
        if a.score == b.score and a.date and b.date:
            assert a.date >= b.date


def test_statements_brute_force(full, docs):
    for q in ["verlenging", "regering", '"verzoekt de regering"', "navo"]:
        tree = parse_query(q)
        want = sorted((d.id, s.text) for d in docs for s in d.statements
                      if matches(tree, analyze(s.text).stems, set(analyze(s.text).parts)))
        r = full.search_statements(SearchQuery(q=q, limit=1000))
        assert r.total == len(want) > 0
        assert sorted((h.document, h.text) for h in r.hits) == want
        assert sum(r.facets["kind"].values()) == r.total


def _fingerprint(store) -> dict:
    return {q: (r.total, [h.id for h in r.hits], r.facets)
            for q in QUERIES for r in [store.search(SearchQuery(q=q, limit=50))]}


KILLER = r"""
import os, sys
from pathlib import Path
import kamerstukken
from kamerstukken.store import open_store
from kamerstukken.store.ingest import ingest
url, src, mode = sys.argv[1:]
calls = {"n": 0}
if mode == "bulk":
    # an ingest run: the index commits only now and then; killed after SQLite's third batch
    from kamerstukken.store.sqlite import SQLiteStore
    real = SQLiteStore.put_many
    def put_many(self, docs):
        out = real(self, docs)
        calls["n"] += 1
        if calls["n"] == 3:
            os._exit(9)
        return out
    SQLiteStore.put_many = put_many
    ingest([src], open_store(url), workers=1, batch=5)
elif mode == "update":
    # a replaced record (same number of documents): only the journal tells the index
    from kamerstukken.store.sqlite import SQLiteStore
    st = open_store(url)
    doc = st.get("kst-28676-235")
    SQLiteStore._commit_index = lambda self: os._exit(9)
    st.put(doc.model_copy(update={"title": "Kabulverdrag", "source": doc.source.model_copy(
        update={"sha256": "1" * 64})}))
else:
    # single transactions: killed between SQLite's commit and the index's, third time
    from kamerstukken.store.sqlite import SQLiteStore
    real = SQLiteStore._commit_index
    def commit(self):
        calls["n"] += 1
        if calls["n"] == 3:
            os._exit(9)
        real(self)
    SQLiteStore._commit_index = commit
    st = open_store(url)
    files = sorted(Path(src).iterdir())
    for i in range(0, len(files), 5):
        st.put_many([kamerstukken.parse(f) for f in files[i:i + 5]])
"""


@pytest.mark.parametrize("mode,stored", [("bulk", 15), ("single", 15)])
def test_kill_between_sqlite_and_index_commit(shared, tmp_path, mode, stored):
    src = tmp_path / "in"
    src.mkdir()
    for p in motie_paths(shared, extra=20):
        shutil.copy(p, src)
    url = f"sqlite:///{tmp_path / 'kst.db'}"
    run = subprocess.run([sys.executable, "-c", KILLER, url, str(src), mode], capture_output=True)
    assert run.returncode == 9, run.stderr.decode()[-2000:]
    st = open_store(url)  # the journal is replayed on open
    try:
        assert st.count() == stored
        assert st._one("SELECT count(*) FROM index_todo")[0] == 0
        assert st.tindex.counts() == st._row_counts()
        r = ingest([src], st, workers=1, batch=5)  # the rerun completes the store
        assert r.unchanged == stored and st.count() == stored + r.new
    finally:
        st.close()
    clean = open_store(f"sqlite:///{tmp_path / 'clean.db'}")
    again = open_store(url)
    try:
        ingest([src], clean, workers=1)
        assert _fingerprint(again) == _fingerprint(clean)
    finally:
        clean.close()
        again.close()


def test_kill_after_update_is_replayed(tmp_path, docs):
    url = f"sqlite:///{tmp_path / 'kst.db'}"
    st = open_store(url)
    st.put_many(docs)
    st.close()
    run = subprocess.run([sys.executable, "-c", KILLER, url, "-", "update"], capture_output=True)
    assert run.returncode == 9, run.stderr.decode()[-2000:]
    st = open_store(url)
    try:
        assert st.get("kst-28676-235").title == "Kabulverdrag"
        assert [h.id for h in st.search(SearchQuery(q="kabulverdrag")).hits] == ["kst-28676-235"]
        assert st.search(SearchQuery(q="kabulverdrag")).total == 1
        assert st.tindex.counts() == st._row_counts()
    finally:
        st.close()


def test_lost_or_stale_index_is_rebuilt(tmp_path, docs):
    url = f"sqlite:///{tmp_path / 'kst.db'}"
    st = open_store(url)
    st.put_many(docs)
    before = _fingerprint(st)
    st.close()
    shutil.rmtree(tmp_path / "kst.db-search")
    st = open_store(url)
    try:
        assert _fingerprint(st) == before
    finally:
        st.close()
    # a database file replaced by an empty one: the old index must not answer for it
    for f in tmp_path.glob("kst.db*"):
        if f.is_file():
            os.unlink(f)
    st = open_store(url)
    try:
        assert st.search(SearchQuery(q="regering")).total == 0
        st.put(docs[0])
        assert st.search(SearchQuery(q="verlenging")).total == 1
    finally:
        st.close()


def test_a_large_rebuild_reports_its_progress(tmp_path, docs, monkeypatch, capsys):
    """Refilling a lost index of a large store takes minutes: it says so on stderr, in steps."""
    from kamerstukken.store import sqlite as engine

    url = f"sqlite:///{tmp_path / 'kst.db'}"
    st = open_store(url)
    st.put_many(docs)
    st.close()
    shutil.rmtree(tmp_path / "kst.db-search")
    monkeypatch.setattr(engine, "REBUILD_NOTE", 10)
    capsys.readouterr()
    open_store(url).close()
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("kst: rebuilding the search index of ") and f"({len(docs):,} documents)" in err[0]
    assert err[-1].startswith(f"kst:   {len(docs):,}/{len(docs):,} (")
    open_store(url).close()  # the index is whole again: nothing more to say
    assert capsys.readouterr().err == ""


def test_update_and_delete_reach_the_index(tmp_path, docs):
    st = open_store(f"sqlite:///{tmp_path / 'kst.db'}")
    try:
        st.put_many(docs)
        n = st.search(SearchQuery(q="regering")).total
        victim = next(h.id for h in st.search(SearchQuery(q="regering")).hits)
        assert st.delete(victim)
        assert st.search(SearchQuery(q="regering")).total == n - 1
        assert victim not in {h.id for h in st.search(SearchQuery(q="regering", limit=1000)).hits}
        assert st.tindex.counts() == st._row_counts()
    finally:
        st.close()


def test_two_stores_on_one_file_take_turns(tmp_path, docs):
    """The index lock is held only while writing (or for a bulk run), so a second store object
    or process can write after the first one."""
    url = f"sqlite:///{tmp_path / 'kst.db'}"
    a, b = open_store(url), open_store(url)
    try:
        a.put_many(docs[:5])
        b.put_many(docs[5:10])
        with a.bulk():
            a.put_many(docs[10:])
        assert b.search(SearchQuery(q="regering")).total == a.search(SearchQuery(q="regering")).total
        assert b.tindex.counts()[0] == len(docs)
    finally:
        a.close()
        b.close()


def test_unusable_index_folder_is_a_clear_error(tmp_path):
    from kamerstukken.errors import KstError

    (tmp_path / "kst.db-search").write_text("not a folder")
    with pytest.raises(KstError) as e:
        open_store(f"sqlite:///{tmp_path / 'kst.db'}")
    assert "cannot open search index" in str(e.value) and "\n" not in str(e.value)


def test_negative_limit_and_offset_are_harmless(full):
    assert full.search(SearchQuery(q="regering", limit=-5, offset=-3)).hits == []
    r = full.search(SearchQuery(q="regering", limit=2, offset=-1))
    assert [h.id for h in r.hits] == [h.id for h in full.search(SearchQuery(q="regering", limit=2)).hits]
