"""Search benchmark: `python bench/search.py --docs 100000` (same as `kst bench search`).

Builds a synthetic corpus from real moties (../shared/corpus/moties/texts.jsonl.gz), stores it,
and reports ingest docs/s, index size vs raw text and p50/p95/p99 query latency against a plain
FTS5 unicode61 index of the same text. See kamerstukken/bench/search.py.
"""
import sys

from kamerstukken.cli import app

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "bench", "search", *sys.argv[1:]]
    app()
