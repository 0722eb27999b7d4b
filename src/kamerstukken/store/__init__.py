"""Storage: one interface (`Store`), SQLite and PostgreSQL behind it."""
from .base import DocSummary, Hit, SearchQuery, SearchResult, StatementHit, StatementResult, Store

__all__ = ["Store", "SearchQuery", "SearchResult", "Hit", "StatementHit", "StatementResult",
           "DocSummary", "open_store", "default_url"]


def default_url() -> str:
    """A file in the user's data directory (KST_DB overrides)."""
    import os
    from pathlib import Path

    if os.environ.get("KST_DB"):
        return os.environ["KST_DB"]
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "kamerstukken"
    base.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{base / 'kamerstukken.db'}"


def open_store(url: str | None = None, must_exist: bool = False) -> Store:
    """The store at `url`; `must_exist` refuses to create an empty SQLite file (for reading)."""
    url = url or default_url()
    if url.startswith("sqlite:"):
        from .sqlite import SQLiteStore

        return SQLiteStore(url, must_exist=must_exist)
    if url.startswith(("postgresql:", "postgres:")):
        from .postgres import PostgresStore

        return PostgresStore(url)
    from ..errors import KstError

    raise KstError(f"unknown database URL {url!r}: use sqlite:///path.db or postgresql://…")
