"""`kst bench search`: a synthetic corpus from real moties, timed against plain FTS5.

Documents are made by recombining real paragraphs, dossier numbers and titles, indieners and
`verzoekt …` sentences (as request statements) from ../shared/corpus/moties/texts.jsonl.gz, so term
statistics stay those of real Dutch parliamentary text. The baseline is a plain FTS5 `unicode61`
index of the same text (no stemming, no compound parts) answering the same query mix with the same
work: top 20 by bm25, total count and the four facets. On SQLite "ours" is the store's Tantivy
index; ingest time includes settling it (the final commit and merges).
"""
from __future__ import annotations

import gzip
import json
import random
import re
import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Optional

from . import shared_corpus
from ..model import Document, Dossier, Section, Source, Statement
from ..store import SearchQuery, open_store
from ..store.sql import index_text

KINDS = ["motie"] * 6 + ["brief"] * 2 + ["amendement", "verslag", "nota", "kamervragen"]
BATCH = 2000

# (category, query, filters): what people type; the plain index gets the same words.
QUERY_MIX = [
    ("one word", "zorg", {}), ("one word", "stikstof", {}), ("one word", "verlenging", {}),
    ("one word", "regering", {}), ("one word", "oekraine", {}),
    ("two words", "jeugdzorg wachtlijsten", {}), ("two words", "navo oekraine", {}),
    ("two words", "woningbouw gemeenten", {}),
    ("phrase", '"open source"', {}), ("phrase", '"verzoekt de regering"', {}),
    ("phrase", '"de kamer"', {}),
    ("facets", "onderwijs", {}), ("facets", "defensie", {}),
    ("filters", "zorg", {"kind": "motie", "since": "2020-01-01"}),
    ("filters", "klimaat", {"since": "2023", "until": "2024"}),
    ("filters", "belasting", {"kind": "brief"}),
]
STATEMENT_MIX = ["onderzoek", "gemeenten", '"in gesprek"', "zorg"]


def load_pools(path: Optional[Path] = None) -> dict:
    path = path or shared_corpus() / "moties" / "texts.jsonl.gz"
    paras, dossiers, heads, asks = [], [], [], []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            lines = json.loads(line)["text"].split("\n")
            for i, ln in enumerate(lines):
                if ln == "Kamerstukken" and i + 2 < len(lines) and re.fullmatch(r"[\d ]+", lines[i + 1]):
                    dossiers.append((lines[i + 1].replace(" ", ""), lines[i + 2]))
                elif ln.startswith("MOTIE VAN"):
                    heads.append(ln)
                elif len(ln) >= 60:
                    paras.append(ln)
                    if ln.startswith("verzoekt "):
                        asks.append(ln)
    return {"paras": paras, "dossiers": dossiers, "heads": heads, "asks": asks}


def synthetic(n: int, pools: dict, seed: int = 42):
    """n Documents recombined from real text (deterministic for a seed)."""
    rng = random.Random(seed)
    paras, dossiers, heads, asks = (pools[k] for k in ("paras", "dossiers", "heads", "asks"))
    for i in range(n):
        number, dtitle = rng.choice(dossiers)
        head = rng.choice(heads)
        body = [rng.choice(paras) for _ in range(rng.randint(3, 8))]
        ask = rng.choice(asks)
        body.append(ask)
        year = rng.randint(2014, 2025)
        date = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        sender = "lid " + head.split(" LID ", 1)[-1].title() if " LID " in head else None
        yield Document(
            id=f"bench-{i}", source=Source(format="xml", sha256=f"{i:064x}"),
            chamber="TK", dossier=[Dossier(number=number, title=dtitle)], number=str(i),
            kind=rng.choice(KINDS), heading=head, title=f"{head.capitalize()} over {dtitle}",
            sender=sender, date=date, sections=[Section(paragraphs=body)],
            statements=[Statement(kind="request", actor="Tweede Kamer", cue="verzoekt",
                                  text=ask, section=0, paragraph=len(body) - 1, start=0,
                                  end=len(ask))])


# ---- the baseline: plain FTS5, unicode61, no stemming ------------------------------------------

def build_plain(path: Path, docs) -> tuple[float, int]:
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript("""
      PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
      CREATE TABLE meta (n INTEGER PRIMARY KEY, kind TEXT, date TEXT, year INTEGER, sender TEXT,
                         dossier TEXT);
      CREATE INDEX meta_kind ON meta (kind, date);
      CREATE VIRTUAL TABLE plain USING fts5(text, tokenize='unicode61');
      CREATE VIRTUAL TABLE plain_st USING fts5(text, tokenize='unicode61');
    """)
    t0 = time.perf_counter()
    raw = 0
    con.execute("BEGIN")
    for n, d in enumerate(docs, 1):
        text = index_text(d)
        raw += len(text.encode())
        con.execute("INSERT INTO meta VALUES (?, ?, ?, ?, ?, ?)",
                    (n, d.kind, d.date, int(d.date[:4]), d.sender, d.dossier[0].number))
        con.execute("INSERT INTO plain (rowid, text) VALUES (?, ?)", (n, text))
        for s in d.statements:
            con.execute("INSERT INTO plain_st (rowid, text) VALUES (?, ?)", (n, s.text))
        if n % BATCH == 0:
            con.execute("COMMIT")
            con.execute("BEGIN")
    con.execute("COMMIT")
    dt = time.perf_counter() - t0
    con.close()
    return dt, raw


def plain_query(con, q: str, filters: dict) -> int:
    """Top 20 by bm25, total and four facets, the same work our search does."""
    where, params = ["plain MATCH ?"], [q]
    if filters.get("kind"):
        where.append("m.kind = ?")
        params.append(filters["kind"])
    if filters.get("since"):
        where.append("m.date >= ?")
        params.append(filters["since"])
    if filters.get("until"):
        where.append("m.date <= ?")
        params.append(filters["until"] + "~")
    w = " AND ".join(where)
    src = "plain JOIN meta m ON m.n = plain.rowid"
    con.execute(f"SELECT m.n, bm25(plain) AS s FROM {src} WHERE {w} ORDER BY s, m.date DESC "
                f"LIMIT 20", params).fetchall()
    for col in ("kind", "year", "sender", "dossier"):
        con.execute(f"SELECT m.{col}, count(*) c FROM {src} WHERE {w} GROUP BY m.{col} "
                    f"ORDER BY c DESC LIMIT 50", params).fetchall()
    return con.execute(f"SELECT count(*) FROM {src} WHERE {w}", params).fetchone()[0]


def plain_statements(con, q: str) -> int:
    con.execute("SELECT rowid FROM plain_st WHERE plain_st MATCH ? ORDER BY rank LIMIT 20",
                (q,)).fetchall()
    return con.execute("SELECT count(*) FROM plain_st WHERE plain_st MATCH ?", (q,)).fetchone()[0]


def _pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] * 1000


def run(docs: int = 1_000_000, db: Optional[str] = None, queries: int = 200,
        workdir: Optional[Path] = None, as_json: bool = False) -> dict:
    from rich.console import Console

    console = Console(stderr=True)
    work = Path(workdir or tempfile.mkdtemp(prefix="kst-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    pools = load_pools()
    url = db or f"sqlite:///{work / 'bench.db'}"
    console.print(f"building {docs:,} documents from {len(pools['paras']):,} real paragraphs "
                  f"into {url} (baseline in {work / 'plain.db'})")
    store = open_store(url)
    if store.count():
        from ..errors import KstError

        raise KstError(f"{url} is not empty: the benchmark needs a fresh database")
    # ingest: generation is not timed, storing is (analysis, tables, full-text index)
    t_ingest = 0.0
    batch: list[Document] = []
    gen = synthetic(docs, pools)
    done = 0
    with store.bulk():
        while True:
            batch = [d for _, d in zip(range(BATCH), gen)]
            if not batch:
                break
            t0 = time.perf_counter()
            store.put_many(batch)
            t_ingest += time.perf_counter() - t0
            done += len(batch)
            if done % (BATCH * 25) == 0:
                console.print(f"  {done:,} stored, {done / t_ingest:,.0f} docs/s")
        t0 = time.perf_counter()
    # settling the index (its last merges) counts as ingest time
    if hasattr(store, "optimize"):
        store.optimize()
    elif url.startswith("postgres"):
        store.conn.execute("ANALYZE")
    t_ingest += time.perf_counter() - t0
    ours_index = store.index_size()
    plain_path = work / "plain.db"
    for f in work.glob("plain.db*"):
        f.unlink()
    t_plain, raw = build_plain(plain_path, synthetic(docs, pools))
    pcon = sqlite3.connect(plain_path)
    pcon.execute("INSERT INTO plain(plain) VALUES ('optimize')")
    pcon.execute("ANALYZE")
    plain_index = pcon.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'plain%' "
                               "AND name NOT LIKE '%_content' AND name NOT LIKE '%docsize'"
                               ).fetchone()[0] or 0

    # queries: one warm-up pass, then round-robin until `queries` timings per engine
    def ours(cat, q, f):
        if cat == "statements":
            return store.search_statements(SearchQuery(q=q, limit=20)).total
        return store.search(SearchQuery(q=q, limit=20, **f)).total

    def base(cat, q, f):
        if cat == "statements":
            return plain_statements(pcon, q)
        return plain_query(pcon, q, f)

    mix = QUERY_MIX + [("statements", q, {}) for q in STATEMENT_MIX]
    times: dict[str, dict[str, list[float]]] = {"ours": {}, "plain": {}}
    totals = {}
    for cat, q, f in mix:
        key = ("statements: " if cat == "statements" else "") + q + json.dumps(f)
        totals[key] = (ours(cat, q, f), base(cat, q, f))
    for i in range(queries):
        cat, q, f = mix[i % len(mix)]
        for name, fn in (("ours", ours), ("plain", base)):
            t0 = time.perf_counter()
            fn(cat, q, f)
            dt = time.perf_counter() - t0
            times[name].setdefault(cat, []).append(dt)
            times[name].setdefault("all", []).append(dt)
    report = {
        "docs": docs, "engine": url.split(":", 1)[0],
        "ingest_docs_per_s": round(docs / t_ingest), "plain_ingest_docs_per_s": round(docs / t_plain),
        "raw_text_mb": round(raw / 1e6, 1), "index_mb": round(ours_index / 1e6, 1),
        "index_vs_raw": round(ours_index / raw, 2),
        "plain_index_mb": round(plain_index / 1e6, 1),
        "latency_ms": {name: {cat: {"p50": round(_pct(v, 50), 1), "p95": round(_pct(v, 95), 1),
                                    "p99": round(_pct(v, 99), 1)}
                              for cat, v in by.items()} for name, by in times.items()},
        "hits": {k: {"ours": a, "plain": b} for k, (a, b) in totals.items()},
    }
    store.close()
    pcon.close()
    if as_json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        _print(report)
    return report


def _print(r: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    c = Console()
    c.print(f"[bold]{r['docs']:,} documents on {r['engine']}[/bold]")
    c.print(f"ingest: {r['ingest_docs_per_s']:,} docs/s (plain FTS5: {r['plain_ingest_docs_per_s']:,})")
    c.print(f"index: {r['index_mb']} MB for {r['raw_text_mb']} MB raw text = "
            f"{r['index_vs_raw']}x (plain FTS5 index: {r['plain_index_mb']} MB)")
    t = Table("queries", "ours p50", "p95", "p99", "plain p50", "p95", "p99", "p95 ratio")
    ours, plain = r["latency_ms"]["ours"], r["latency_ms"]["plain"]
    for cat in ours:
        o, p = ours[cat], plain[cat]
        t.add_row(cat, *(str(o[k]) for k in ("p50", "p95", "p99")),
                  *(str(p[k]) for k in ("p50", "p95", "p99")),
                  f"{o['p95'] / p['p95']:.2f}" if p["p95"] else "-")
    c.print(t)
    t2 = Table("query", "hits ours", "hits plain")
    for k, v in r["hits"].items():
        t2.add_row(k, str(v["ours"]), str(v["plain"]))
    c.print(t2)
