"""Benchmarks behind `kst bench`: they sit above every layer they measure (parse, store, API)."""
from __future__ import annotations

import os
from pathlib import Path


def shared_corpus() -> Path:
    """The real corpus the benchmarks draw on: $KST_SHARED/corpus, or ../shared next to a checkout."""
    here = Path(__file__).resolve().parents[3]
    path = Path(os.environ.get("KST_SHARED", here.parent / "shared")) / "corpus"
    if not path.is_dir():
        from ..errors import KstError

        raise KstError(f"benchmark corpus not found: {path} (set KST_SHARED to the shared folder)")
    return path
