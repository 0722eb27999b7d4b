"""Store and search on both engines (SQLite always, PostgreSQL when KST_TEST_PG_URL is set)."""
from __future__ import annotations

import pytest

import kamerstukken
from kamerstukken.errors import KstError
from kamerstukken.search.query import QueryError
from kamerstukken.store import SearchQuery, open_store

from storefixtures import ENGINES, drop, motie_paths, seed_with_statements, store_url, OPEN_SOURCE


@pytest.fixture(scope="module")
def docs(shared):
    seed = seed_with_statements(kamerstukken.parse(shared / "corpus" / "seed" / "kst-28676-235.txt"))
    return [seed] + [kamerstukken.parse(p) for p in motie_paths(shared)]


@pytest.fixture(params=ENGINES)
def store(request, tmp_path):
    st = open_store(store_url(request.param, tmp_path))
    yield st
    drop(st)


@pytest.fixture
def full(store, docs):
    assert store.put_many(docs) == {"new": len(docs), "updated": 0, "unchanged": 0}
    return store


def ids(result):
    return {h.id for h in result.hits}


def test_round_trip_exact(full, docs):
    for d in docs:
        assert full.get(d.id).to_json() == d.to_json()
    assert full.get("kst-0-0") is None
    assert full.count() == len(docs)


def test_put_is_idempotent_and_replaces_changed(store, docs):
    seed = docs[0]
    assert store.put(seed) == "new"
    assert store.put(seed) == "unchanged"
    changed = seed.model_copy(update={
        "source": seed.source.model_copy(update={"sha256": "0" * 64}),
        "title": "Verslag NAVO-ministersbijeenkomst"})
    assert store.put(changed) == "updated"
    assert store.count() == 1
    assert store.get(seed.id).title == "Verslag NAVO-ministersbijeenkomst"
    # the old full-text entry is gone, the new one is found
    assert store.search(SearchQuery(q="ministersbijeenkomst")).total == 1
    assert store.known_hashes() == {"0" * 64: seed.id}


def test_tables_are_queryable(full, docs):
    seed = docs[0]
    rows = full._all("SELECT d.id, x.number FROM documents d JOIN dossiers x ON x.doc_n = d.n "
                     "WHERE d.id = ?", (seed.id,))
    assert rows == [(seed.id, "28676")]
    n_sections = full._one("SELECT count(*) FROM sections s JOIN documents d ON d.n = s.doc_n "
                           "WHERE d.id = ?", (seed.id,))[0]
    assert n_sections == len(seed.sections)
    assert full._one("SELECT count(*) FROM statements")[0] == sum(len(d.statements) for d in docs)
    assert full._one("SELECT count(*) FROM entities")[0] == sum(len(d.entities) for d in docs)
    assert full._one("SELECT count(*) FROM doc_references")[0] == sum(len(d.references) for d in docs)


def test_stemming_verlenging_finds_verlengen(full):
    r = full.search(SearchQuery(q="verlenging"))
    assert "kst-28676-235" in ids(r)
    hit = next(h for h in r.hits if h.id == "kst-28676-235")
    assert "<mark>verlengen</mark>" in hit.snippet


def test_compound_gebied_finds_verdragsgebied(full):
    r = full.search(SearchQuery(q="gebied"))
    hit = next(h for h in r.hits if h.id == "kst-28676-235")
    assert "<mark>NAVO-verdragsgebied</mark>" in hit.snippet or "<mark>verdragsgebied</mark>" in hit.snippet


def test_compound_zorg_finds_geboortezorg(full, docs):
    with_word = {d.id for d in docs if "geboortezorg" in d.text.lower()}
    assert len(with_word) >= 3
    r = full.search(SearchQuery(q="zorg", limit=100))
    assert with_word <= ids(r)
    assert any("geboortezorg</mark>" in h.snippet.lower() for h in r.hits)


def test_hyphen_and_diacritics(full):
    r = full.search(SearchQuery(q="NAVO Oekraine"))
    assert "kst-28676-235" in ids(r)
    r2 = full.search(SearchQuery(q='"navo oekraine commissie"'))
    assert ids(r2) == {"kst-28676-235"}


def test_phrase(full, shared):
    opensource = kamerstukken.parse(next(p for p in motie_paths(shared) if OPEN_SOURCE in p.name)).id
    r = full.search(SearchQuery(q='"open source"'))
    assert opensource in ids(r)
    # the words apart are not the phrase
    apart = full.search(SearchQuery(q="open source"))
    assert apart.total >= r.total
    assert full.search(SearchQuery(q='"source open"')).total == 0


def test_not_and_or(full):
    both = ids(full.search(SearchQuery(q="navo", limit=100)))
    without = ids(full.search(SearchQuery(q="navo NOT oekraine", limit=100)))
    assert "kst-28676-235" in both and "kst-28676-235" not in without
    assert without <= both
    a = full.search(SearchQuery(q="geboortezorg", limit=100)).total
    b = full.search(SearchQuery(q="verlengen", limit=100)).total
    either = full.search(SearchQuery(q="geboortezorg OR verlengen", limit=100)).total
    assert max(a, b) <= either <= a + b
    assert full.search(SearchQuery(q="geboortezorg AND verlengen")).total <= min(a, b)


@pytest.mark.parametrize("q", ['"unclosed', "AND OR", "NOT navo", "(navo", "navo)", "", "navo OR"])
def test_malformed_query_is_clear_error(full, q):
    with pytest.raises(QueryError) as e:
        full.search(SearchQuery(q=q))
    assert str(e.value).startswith("malformed query")


def test_injection_is_just_text(full):
    r = full.search(SearchQuery(q="navo'; DROP TABLE documents; --"))
    assert r.total == 0 or r.hits
    assert full.count() > 0


def test_facets_and_filters(full, docs):
    r = full.search(SearchQuery(q="zorg", limit=100))
    assert sum(r.facets["kind"].values()) == r.total
    assert sum(r.facets["year"].values()) == r.total
    mot = full.search(SearchQuery(q="navo", kind="motie", limit=100))
    assert all(h.kind == "motie" for h in mot.hits)
    assert "kst-28676-235" in ids(full.search(SearchQuery(q="navo", dossier="28676")))
    assert full.search(SearchQuery(q="navo", dossier="28676", since="2016")).total == 0
    assert full.search(SearchQuery(q="navo", dossier="28676", until="2015-12")).total == 1
    r = full.search(SearchQuery(q="navo"))
    assert r.facets["sender"].get("minister van Buitenlandse Zaken") == 1
    assert r.facets["dossier"].get("28676") == 1
    with pytest.raises(KstError):
        full.search(SearchQuery(q="navo", since="december"))


def test_ranking_and_snippet_escape(full):
    r = full.search(SearchQuery(q="geboortezorg", limit=100))
    scores = [h.score for h in r.hits]
    assert scores == sorted(scores, reverse=True)
    for h in r.hits:
        assert "<" not in h.snippet.replace("<mark>", "").replace("</mark>", "")


def test_statements(full):
    r = full.search_statements(SearchQuery(q="verlenging"))
    assert r.total == 1 and r.hits[0].actor == "NAVO" and r.hits[0].document == "kst-28676-235"
    assert r.hits[0].date == "2015-12-16"
    by_actor = full.search_statements(SearchQuery(actor="navo", kind="decision"))
    assert by_actor.total >= 1 and all(h.kind == "decision" for h in by_actor.hits)
    assert full.search_statements(SearchQuery(q="oekraine", since="2016")).total == 0
    d = full.search_statements(SearchQuery()).to_dict()
    assert set(d["hits"][0]) >= {"document", "kind", "actor", "text", "topic", "date"}


def test_dossier_entity_newest(full, docs):
    assert [d.id for d in full.dossier("28676")] == ["kst-28676-235"]
    newest = full.newest(5)
    dates = [s.date for s in newest]
    assert dates == sorted(dates, reverse=True)
    docs_, stmts = full.entity("NAVO")
    assert any(s.document == "kst-28676-235" for s in stmts.hits)


def test_both_engines_same_hits(tmp_path, docs):
    import os
    if not os.environ.get("KST_TEST_PG_URL"):
        pytest.skip("KST_TEST_PG_URL not set")
    stores = [open_store(store_url(e, tmp_path)) for e in ("sqlite", "postgres")]
    try:
        for st in stores:
            st.put_many(docs)
        for q in ["verlenging", "gebied", "zorg", "NAVO Oekraine", '"open source"',
                  "navo NOT oekraine", "zorg OR regering", '"de regering" NOT zorg']:
            a, b = (st.search(SearchQuery(q=q, limit=1000)) for st in stores)
            assert ids(a) == ids(b), q
            assert a.total == b.total and a.facets == b.facets, q
    finally:
        for st in stores:
            drop(st)


def test_bad_urls(tmp_path):
    with pytest.raises(KstError):
        open_store("mysql://x")
    with pytest.raises(KstError, match="no database"):
        open_store(f"sqlite:///{tmp_path / 'missing.db'}", must_exist=True)
    with pytest.raises(KstError):
        open_store(f"sqlite:///{tmp_path / 'no' / 'dir.db'}")
    with pytest.raises(KstError, match="cannot connect"):
        open_store("postgresql://nobody:wrong@127.0.0.1:1/none")


def test_postgres_bounds_its_work_for_huge_results(tmp_path, docs, monkeypatch):
    """Above BOUND matches PostgreSQL estimates the total (flagged), ranks the BOUND most recently
    stored matches and takes facets from them; up to BOUND everything is exact."""
    import os
    if not os.environ.get("KST_TEST_PG_URL"):
        pytest.skip("KST_TEST_PG_URL not set")
    from kamerstukken.store import postgres

    st = open_store(store_url("postgres", tmp_path))
    try:
        st.put_many(docs)
        full = st.search(SearchQuery(q="regering", limit=1000))
        assert full.total == len(full.hits) > 10 and full.total_exact and full.facets_exact
        small_full = st.search(SearchQuery(q="verlenging", limit=1000))
        assert 0 < small_full.total <= 10
        st_full = st.search_statements(SearchQuery(q="regering", limit=1000))
        assert st_full.total_exact and st_full.total == len(st_full.hits)
        monkeypatch.setattr(postgres, "BOUND", 10)
        bounded = st.search(SearchQuery(q="regering", limit=3))
        assert not bounded.total_exact and not bounded.facets_exact
        assert bounded.total >= 11
        assert bounded.to_dict()["total_exact"] is False
        order = {i: n for n, i in st._all("SELECT n, id FROM documents")}
        newest = sorted(full.hits, key=lambda h: order[h.id], reverse=True)[:10]
        assert {h.id for h in bounded.hits} <= {h.id for h in newest}
        assert abs(bounded.hits[0].score - max(h.score for h in newest)) < 1e-6
        assert sum(bounded.facets["kind"].values()) == pytest.approx(bounded.total, rel=0.01)
        scores = [h.score for h in bounded.hits]
        assert scores == sorted(scores, reverse=True) and len(scores) == 3
        st_bounded = st.search_statements(SearchQuery(q="regering", limit=1000))
        assert st_full.total > 10 and not st_bounded.total_exact
        assert len(st_bounded.hits) == 10 and st_bounded.total >= 11
        assert {(h.document, h.text) for h in st_bounded.hits} <= \
            {(h.document, h.text) for h in st_full.hits}
        # a selective query stays exact
        small = st.search(SearchQuery(q="verlenging", limit=1000))
        assert small.total_exact and small.total == small_full.total
        assert [h.id for h in small.hits] == [h.id for h in small_full.hits]
        assert small.facets == small_full.facets
    finally:
        drop(st)
