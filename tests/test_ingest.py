"""Ingest: parallel parsing, idempotence by content hash, incremental updates, bad files, Dask."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from kamerstukken.store import SearchQuery, open_store
from kamerstukken.store import ingest as ingest_mod
from kamerstukken.store.ingest import ingest

from storefixtures import ENGINES, drop, motie_paths, store_url

LEGACY_DOC = "ca71487f-866a-43aa-a9d5-ec3e2c3a236c.doc"  # a real .doc, stored cut short: a clear error


@pytest.fixture
def corpus(shared, tmp_path):
    """A folder with the seed, 8 real moties, a real .doc and a motie XML, both cut short."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(shared / "corpus" / "seed" / "kst-28676-235.txt", d)
    for p in motie_paths(shared, extra=4):
        shutil.copy(p, d)
    (d / LEGACY_DOC).write_bytes((shared / "corpus" / "pdf" / LEGACY_DOC).read_bytes()[:4096])
    whole = (shared / "corpus" / "moties" / "xml" / motie_paths(shared)[-1].name).read_bytes()
    (d / "kapot.xml").write_bytes(whole[: len(whole) // 2])
    return d


@pytest.fixture(params=ENGINES)
def store(request, tmp_path):
    st = open_store(store_url(request.param, tmp_path))
    yield st
    drop(st)


def test_ingest_idempotent_incremental(store, corpus, monkeypatch):
    files = sorted(corpus.iterdir())
    r = ingest([corpus], store, workers=1)
    assert r.read == len(files)
    assert {os.path.basename(p) for p, _ in r.failed} == {LEGACY_DOC, "kapot.xml"}
    assert all("\n" not in msg and "Traceback" not in msg for _, msg in r.failed)
    assert any(LEGACY_DOC in msg and ".doc" in msg for _, msg in r.failed)
    assert r.new == len(files) - 2 == store.count()

    # second run: known hashes are skipped before parsing — parse is never called
    def boom(path):
        raise AssertionError(f"parsed again: {path}")
    monkeypatch.setattr(ingest_mod, "parse_file", boom)
    monkeypatch.setattr(ingest_mod, "_parse_all",
                        lambda paths, w, d: (boom(p) for p in paths if not p.endswith(("kapot.xml", ".doc"))))
    r2 = ingest([corpus], store, workers=1)
    assert (r2.new, r2.updated, r2.unchanged) == (0, 0, len(files) - 2)
    monkeypatch.undo()

    # a changed file replaces its record
    seed = corpus / "kst-28676-235.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Kaboel", "Kabul"), encoding="utf-8")
    r3 = ingest([corpus], store, workers=1)
    assert (r3.new, r3.updated) == (0, 1)
    assert store.count() == len(files) - 2
    assert store.search(SearchQuery(q="kabul")).total == 1
    assert store.search(SearchQuery(q="kaboel")).total == 0


def test_batches_are_transactions(store, corpus, monkeypatch):
    """A failure in the second batch keeps the first whole and adds nothing of the second;
    a rerun completes the store."""
    calls = {"n": 0}
    real = store.put_many

    def put_many(docs):
        calls["n"] += 1
        if calls["n"] == 2:
            docs = list(docs)
            real_put = store._put

            def fail_after_first(doc):
                if doc is docs[1]:
                    raise KeyboardInterrupt  # a kill in the middle of the batch
                return real_put(doc)
            monkeypatch.setattr(store, "_put", fail_after_first)
        return real(docs)

    monkeypatch.setattr(store, "put_many", put_many)
    with pytest.raises(KeyboardInterrupt):
        ingest([corpus], store, workers=1, batch=3)
    assert store.count() == 3
    monkeypatch.undo()
    r = ingest([corpus], store, workers=1, batch=3)
    assert r.unchanged == 3 and store.count() == 3 + r.new


def test_parallel_workers(tmp_path, corpus):
    st = open_store(store_url("sqlite", tmp_path))
    r = ingest([corpus], st, workers=2)
    assert r.new == st.count() and len(r.failed) == 2
    st.close()


@pytest.mark.parametrize("engine", ENGINES)
def test_dask_local_cluster(engine, tmp_path, shared):
    distributed = pytest.importorskip("distributed")
    st = open_store(store_url(engine, tmp_path))
    paths = motie_paths(shared, extra=0)[:3]
    try:
        with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1,
                                      dashboard_address=None) as cluster, \
                distributed.Client(cluster) as client:
            r = ingest(paths, st, dask=client)
        assert r.new == 3 and not r.failed
        assert st.search(SearchQuery(q="geboortezorg")).total >= 1
    finally:
        drop(st)


def _kst(*args, env=None):
    return subprocess.run([sys.executable, "-m", "kamerstukken.cli", *args], capture_output=True,
                          text=True, timeout=120, env={**os.environ, **(env or {})})


def test_cli(tmp_path, corpus):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    p = _kst("ingest", str(corpus), "--db", db, "--workers", "1")
    assert p.returncode == 1  # two bad files
    assert f"{LEGACY_DOC}" in p.stderr and "kapot.xml" in p.stderr and "Traceback" not in p.stderr
    assert "new" in p.stdout and "2 failed" in p.stdout
    p = _kst("ingest", str(corpus), "--db", db, "--workers", "1")
    assert "nothing new" in p.stdout
    p = _kst("search", "zorg", "--db", db, "--json", "--kind", "motie")
    out = json.loads(p.stdout)
    assert set(out) >= {"total", "hits", "facets"} and out["total"] >= 3
    assert set(out["hits"][0]) == {"id", "kind", "title", "date", "dossier", "score", "snippet"}
    assert set(out["facets"]) == {"kind", "dossier", "year", "sender"}
    p = _kst("statements", "--db", db, "--json")
    assert set(json.loads(p.stdout)) >= {"total", "hits"}
    for args, msg in [(("search", '"unclosed', "--db", db), "malformed query"),
                      (("search", "x", "--db", f"sqlite:///{tmp_path / 'none.db'}"), "no database"),
                      (("search", "x", "--db", "mongodb://x"), "unknown database URL"),
                      (("search", "x", "--db", db, "--since", "gisteren"), "--since")]:
        p = _kst(*args)
        assert p.returncode != 0 and msg in p.stderr and "Traceback" not in p.stderr, args
        assert len(p.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("together", [True, False])
@pytest.mark.parametrize("engine", ENGINES)
def test_an_item_of_a_sitting_takes_the_date_of_the_sittings_opening(shared, tmp_path, engine, together):
    """h-tk-20172018-70-10 prints no date; item 70-1 opens the sitting "Donderdag 5 april 2018". In one
    run, or in a later run with 70-1 already stored, the item gets that date and says where it is from."""
    src = shared / "corpus" / "handelingen"
    st = open_store(store_url(engine, tmp_path))
    try:
        if together:
            r = ingest([src / "h-tk-20172018-70-10.xml", src / "h-tk-20172018-70-1.xml"], st, workers=1)
            assert r.new == 2
        else:
            ingest([src / "h-tk-20172018-70-1.xml"], st, workers=1)
            assert ingest([src / "h-tk-20172018-70-10.xml"], st, workers=1).new == 1
        item = st.get("h-tk-20172018-70-10")
        assert item.date == "2018-04-05"
        assert "no date found" not in item.warnings
        assert any("h-tk-20172018-70-1," in w for w in item.warnings), item.warnings
    finally:
        drop(st)


def test_an_item_whose_sitting_is_unknown_keeps_no_date(shared, tmp_path):
    st = open_store(store_url("sqlite", tmp_path))
    try:
        ingest([shared / "corpus" / "handelingen" / "h-tk-20172018-70-10.xml"], st, workers=1)
        item = st.get("h-tk-20172018-70-10")
        assert item.date is None and "no date found" in item.warnings
    finally:
        drop(st)
