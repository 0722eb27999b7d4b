"""The demo: a store built from the sample shipped in the package (seed + 313 moties)."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from ..store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "sample"


def sample_files() -> list[Path]:
    """The sample documents in a stable order (the README beside them is not one)."""
    return sorted(SAMPLE.glob("*.txt")) + sorted((SAMPLE / "moties").glob("*.xml"))


def demo_url() -> str:
    """Default demo store: its own file in the user's data directory, apart from `kst ingest`'s."""
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    folder = base / "kamerstukken"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:  # a read-only home: fall back to the temp dir
        import tempfile

        folder = Path(tempfile.gettempdir()) / "kamerstukken"
        folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'demo.db'}"


def build_demo(store: Store, workers: Optional[int] = None) -> dict:
    """Ingest the sample (idempotent: a second run adds nothing). Returns the counts."""
    files = sample_files()
    try:
        from ..store.ingest import ingest
    except ImportError:  # without the ingest module: parse and store one by one
        return _build_simple(store, files)
    report = ingest(files, store, workers=workers)
    return {"read": report.read, "new": report.new, "updated": report.updated,
            "unchanged": report.unchanged, "failed": [e for _, e in report.failed],
            "documents": store.count()}


def _build_simple(store: Store, files: list[Path]) -> dict:
    from .. import parse
    from ..errors import KstError

    docs, failed = [], []
    for f in files:
        try:
            docs.append(parse(f))
        except KstError as e:
            failed.append(str(e))
    counts = store.put_many(docs)
    return {"read": len(files), **counts, "failed": failed, "documents": store.count()}
