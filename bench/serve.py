"""Load the HTTP API on loopback and print requests/s and p50/p95 (same as `kst bench serve`).

    python bench/serve.py [--db URL] [--requests 2000] [--concurrency 50] [--workers 2]
"""
import argparse
import json

from kamerstukken.bench.serve import format_report, run_bench

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="store URL (default: the shipped sample in a temp store)")
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=50)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    report = run_bench(a.db, requests=a.requests, concurrency=a.concurrency, workers=a.workers)
    print(json.dumps(report, indent=2) if a.json else format_report(report))
