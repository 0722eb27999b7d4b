"""The app's way to the store: one store per process, one call at a time, searches cached."""
from __future__ import annotations

import dataclasses
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from typing import Callable, Iterator, Optional

from ..model import Document, Dossier
from ..store import SearchQuery, SearchResult, StatementResult, Store, open_store


def dossier_key(d: Dossier) -> str:
    return d.key


class TTLCache:
    """A small LRU of answers that expire after `ttl` seconds (0 turns it off)."""

    def __init__(self, ttl: float = 30.0, size: int = 1024):
        self.ttl, self.size = ttl, size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        if self.ttl <= 0:
            return None
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            stamp, value = item
            if time.monotonic() - stamp > self.ttl:
                del self._items[key]
                return None
            self._items.move_to_end(key)
            return value

    def put(self, key, value) -> None:
        if self.ttl <= 0:
            return
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


class StoreGate:
    """One store per process, used by one request at a time.

    The `Store` interface promises nothing about threads (search keeps a shared Snowball stemmer
    with internal state) while FastAPI runs plain `def` endpoints on a thread pool. The GIL
    serialises the Python work anyway, so the lock costs little; worker processes give the
    parallelism.

    Search answers are kept for `cache_ttl` seconds: people repeat the popular searches, and a
    result a few seconds old after a `kst ingest` elsewhere is acceptable. An upload through
    this process clears the cache at once.
    """

    def __init__(self, url: str, opener: Callable[[str], Store] = open_store,
                 cache_ttl: float = 30.0):
        self.url = url
        self.store = opener(url)  # opened up front: a wrong URL fails at start-up
        self._lock = threading.Lock()
        self.cache = TTLCache(cache_ttl)

    @contextmanager
    def use(self) -> Iterator[Store]:
        with self._lock:
            yield self.store

    def _cached(self, name: str, query: SearchQuery, run: Callable[[Store], object]):
        key = (name, dataclasses.astuple(query))
        hit = self.cache.get(key)
        if hit is None:
            with self.use() as store:
                hit = run(store)
            self.cache.put(key, hit)
        return hit

    def search(self, query: SearchQuery) -> SearchResult:
        return self._cached("search", query, lambda s: s.search(query))

    def search_statements(self, query: SearchQuery) -> StatementResult:
        return self._cached("statements", query, lambda s: s.search_statements(query))

    def dossier(self, key: str) -> tuple[list[Document], Optional[str]]:
        """The documents of dossier `key` ("28676", "21501-02") in date order, and its title.

        Sub-dossiers share a number (21501-02 Raad Buitenlandse Zaken, 21501-20 Europese Raad):
        ask the store for the number and keep the documents whose number-suffix is `key`; a bare
        number that no document has exactly shows the whole family.
        """
        base = key.split("-", 1)[0]
        with self.use() as store:
            docs = store.dossier(key) or (store.dossier(base) if base != key else [])
        exact = [d for d in docs if any(dossier_key(x) == key for x in d.dossier)]
        docs = exact or docs
        title = next((x.title for d in docs for x in d.dossier
                      if dossier_key(x) == key and x.title), None)
        return docs, title

    def put(self, doc) -> str:
        with self.use() as store:
            status = store.put(doc)
        self.cache.clear()
        return status

    def warm_up(self) -> None:
        """Load what the first search would (word lists, stemmer), then exempt everything
        alive at start-up from garbage collection: a full collection over the big word
        dictionaries otherwise stalls a request now and then by tens of milliseconds."""
        import gc

        try:
            with self.use() as store:
                store.search(SearchQuery(q="kamer", limit=1))
        except Exception:  # an empty or odd store still serves; this was only a warm-up
            pass
        gc.collect()
        gc.freeze()

    def close(self) -> None:
        with self._lock:
            self.store.close()


def cache_ttl_from_env(default: float = 30.0) -> float:
    import os

    value: Optional[str] = os.environ.get("KST_CACHE_TTL")
    return float(value) if value not in (None, "") else default
