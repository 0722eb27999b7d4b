"""`kst bench serve`: the HTTP API under load on loopback, with a bounded number of requests.

The server runs as uvicorn with N worker processes (one per core); the load comes from one
asyncio process with a minimal keep-alive HTTP/1.1 client. A full client (httpx) spends more CPU
per request than the server on a 2-core machine and would mostly measure itself.
"""
from __future__ import annotations

import asyncio
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from typing import Optional
from urllib.parse import quote

QUERIES = ["Rusland", "NAVO", "Oekraïne sancties", '"verzoekt de regering"', "woningmarkt",
           "politie", "onderwijs", "gaswinning Groningen", "asiel", "Europese Raad", "zorg",
           "Israël OR Gaza"]
TARGET_P95_MS = 100.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _get(reader, writer, path: str) -> int:
    """One GET on a kept-alive connection; returns the status code (body read and dropped)."""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = next((int(line.split(":", 1)[1]) for line in lines
                   if line.lower().startswith("content-length:")), None)
    if length is None:
        raise RuntimeError(f"{path}: response without Content-Length")
    await reader.readexactly(length)
    return status


async def _load(port: int, paths: list[str], concurrency: int) -> dict:
    """Send every path once, `concurrency` at a time; latencies per request in ms."""
    queue = list(reversed(paths))
    latencies: list[float] = []
    errors = 0

    async def client():
        nonlocal errors
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            while queue:
                path = queue.pop()
                t0 = time.perf_counter()
                status = await _get(reader, writer, path)
                latencies.append((time.perf_counter() - t0) * 1000)
                if status != 200:
                    errors += 1
        finally:
            writer.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(min(concurrency, len(paths)))))
    wall = time.perf_counter() - t0
    latencies.sort()

    def pct(p):
        return round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 1)

    return {"requests": len(latencies), "errors": errors, "seconds": round(wall, 2),
            "rps": round(len(latencies) / wall, 1), "p50_ms": pct(50), "p95_ms": pct(95),
            "p99_ms": pct(99), "max_ms": round(latencies[-1], 1)}


def _wait_ready(proc: subprocess.Popen, port: int, timeout: float = 60) -> None:
    import httpx

    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/documents?limit=1", timeout=2).is_success:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("server did not start within a minute")


def unique_queries(docs, n: int, rng: random.Random) -> list[str]:
    """`n` different queries (`word OR word` from titles): none can be answered from a cache."""
    vocab = sorted({w.lower().strip(".,;:()'\"") for d in docs for w in (d.title or "").split()
                    if len(w) >= 5 and w.isalpha()})
    seen: set[str] = set()
    for _ in range(n * 20):
        if len(seen) >= n or len(vocab) < 2:
            break
        seen.add(" OR ".join(sorted(rng.sample(vocab, 2))))
    return sorted(seen)


def run_bench(db: Optional[str] = None, requests: int = 2000, concurrency: int = 50,
              workers: int = 2, seed: int = 5) -> dict:
    """Start the server on loopback, load it, stop it; returns the numbers."""
    from ..store import open_store
    from ..api.demo import build_demo

    tmp = None
    if db is None:  # self-contained: the shipped sample in a fresh temp store
        tmp = tempfile.TemporaryDirectory(prefix="kst-bench-")
        db = f"sqlite:///{tmp.name}/bench.db"
        with open_store(db) as store:
            build_demo(store)
    with open_store(db) as store:
        newest = store.newest(5000)
        total_docs = store.count()
    if not newest:
        raise RuntimeError(f"no documents in {db}")
    rng = random.Random(seed)
    ids = [d.id for d in newest]
    doc_paths = [f"/api/documents/{quote(rng.choice(ids), safe='')}" for _ in range(requests)]
    search_paths = [f"/api/search?q={quote(rng.choice(QUERIES))}" for _ in range(requests)]
    unique_paths = [f"/api/search?q={quote(q)}" for q in unique_queries(newest, requests, rng)]

    port = free_port()
    # the server exactly as `kst serve` runs it
    cmd = [sys.executable, "-m", "kamerstukken.cli", "serve", "--db", db, "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]
    env = {k: v for k, v in os.environ.items() if k != "KST_API_TOKEN"}
    # own session: the workers are children of this process, stopped together below
    proc = subprocess.Popen(cmd, env=env, start_new_session=True)
    try:
        _wait_ready(proc, port)
        # warm-up: every worker opens its store and fills its caches before timing
        asyncio.run(_load(port, doc_paths[:200] + search_paths[:200], concurrency))
        result = {
            "server": {"workers": workers, "documents": total_docs, "db": db.split("://")[0],
                       "concurrency": concurrency, "cpus": os.cpu_count()},
            "document": asyncio.run(_load(port, doc_paths, concurrency)),
            "search": asyncio.run(_load(port, search_paths, concurrency)),
            "search_unique": asyncio.run(_load(port, unique_paths, concurrency)),
            "target_p95_ms": TARGET_P95_MS,
        }
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        if tmp:
            tmp.cleanup()
    return result


def format_report(r: dict) -> str:
    s = r["server"]
    lines = [f"HTTP API on 127.0.0.1: uvicorn, {s['workers']} workers, {s['cpus']} CPUs, "
             f"{s['documents']} documents ({s['db']}), {s['concurrency']} concurrent clients",
             f"{'GET /api/…':<22}{'requests':>9}{'errors':>8}{'req/s':>9}{'p50 ms':>9}"
             f"{'p95 ms':>9}{'p99 ms':>9}  target p95 ≤ {r['target_p95_ms']:.0f} ms"]
    for name, label in (("document", "document by id"), ("search", "search, 12-query mix"),
                        ("search_unique", "search, all different")):
        x = r[name]
        ok = "ok" if x["p95_ms"] <= r["target_p95_ms"] and not x["errors"] else "MISSED"
        lines.append(f"{label:<22}{x['requests']:>9}{x['errors']:>8}{x['rps']:>9.0f}"
                     f"{x['p50_ms']:>9.1f}{x['p95_ms']:>9.1f}{x['p99_ms']:>9.1f}  {ok}")
    return "\n".join(lines)
