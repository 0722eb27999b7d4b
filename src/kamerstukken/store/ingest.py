"""Ingest: hash, skip what is known, parse the rest in parallel, store in batches.

Files whose sha256 is already in the store are skipped before parsing (a second run parses
nothing). Each batch is one transaction, so a run killed halfway leaves only whole batches and a
rerun picks up the rest. A file that fails is reported with its one-line error and the batch goes on.

An item of the Handelingen (`h-tk-20172018-70-10`) prints no date: only the sitting's opening item
does. Such an item takes the date of an item of the same sitting, from the same run or the store,
and says so in its warnings; they are stored at the end of the run. An item stored undated stays so
when its opening item comes in a later run (its own bytes are known and skipped): ingest them together.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from ..errors import KstError
from ..model import Document, not_found
from ..sources import iter_files
from .base import Store

BATCH = 200
_SITTING_ITEM = re.compile(r"(h-(?:tk|ek)-\d{8}-\d+)-\d+")  # a sitting, and the item's number in it
NO_DATE = not_found("date")


def _sitting(doc: Document) -> Optional[str]:
    m = _SITTING_ITEM.fullmatch(doc.id) if doc.kind == "handelingen" else None
    return m.group(1) if m else None


def _date_from_sitting(docs: list[Document], dated: dict[str, Optional[tuple[str, str]]], store: Store) -> None:
    """Give each undated item of a sitting the date of a dated item of it (this run's, else the
    stored opening item's, looked up once per sitting), noting where the date comes from."""
    for doc in docs:
        key = _sitting(doc)
        if key not in dated:
            opening = store.get(f"{key}-1")
            dated[key] = (opening.date, opening.id) if opening is not None and opening.date else None
        found = dated[key]
        if found is not None:
            doc.date = found[0]
            doc.warnings = [w for w in doc.warnings if w != NO_DATE] + [
                f"date taken from {found[1]}, an item of the same sitting (this item prints none)"]


@dataclass
class IngestReport:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, one-line error)

    def summary(self) -> str:
        if self.read and not (self.new or self.updated):
            if not self.failed:
                return f"nothing new: all {self.read} file(s) already in the store"
            return (f"nothing new: {self.unchanged} of {self.read} file(s) already in the store, "
                    f"{len(self.failed)} failed")
        return (f"read {self.read} file(s): {self.new} new, {self.updated} updated, "
                f"{self.unchanged} unchanged, {len(self.failed)} failed")

    def to_dict(self) -> dict:
        return {"read": self.read, "new": self.new, "updated": self.updated,
                "unchanged": self.unchanged, "failed": [{"path": p, "error": e}
                                                        for p, e in self.failed]}


def one_line(path: str, e: BaseException) -> str:
    if isinstance(e, KstError):
        msg = str(e)
    else:
        msg = f"{path}: could not parse ({type(e).__name__}: {e})"
    return msg.strip().splitlines()[0] if msg.strip() else f"{path}: could not parse"


def parse_file(path: str) -> tuple[str, Optional[str], Optional[str]]:
    """(path, record JSON, error): runs in a worker process or on a Dask worker."""
    try:
        from ..pipeline import parse

        return path, parse(path).to_json(), None
    except BaseException as e:  # a worker must hand every failure back, never die
        if isinstance(e, KeyboardInterrupt):
            raise
        return path, None, one_line(path, e)


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def ingest(paths: Iterable[os.PathLike | str], store: Store, workers: Optional[int] = None,
           dask=None, batch: int = BATCH,
           progress: Optional[Callable[[str, int, int], None]] = None) -> IngestReport:
    """Parse and store files. `dask` is a scheduler address or a `distributed.Client`;
    `progress(event, done, total)` is called as files are handled ("hashed", "parsed")."""
    report = IngestReport()
    files = list(iter_files(paths))
    report.read = len(files)
    known = store.known_hashes()
    todo: list[str] = []
    seen: set[str] = set()
    for i, f in enumerate(files, 1):
        try:
            sha = _sha256(f)
        except OSError as e:
            report.failed.append((str(f), f"{f}: cannot read ({e.strerror or e})"))
            continue
        if sha in known or sha in seen:
            report.unchanged += 1  # the same bytes are stored (or queued) already
        else:
            seen.add(sha)
            todo.append(str(f))
        if progress:
            progress("hashed", i, len(files))
    pending: list[Document] = []
    undated: list[Document] = []  # items of Handelingen sittings without a date: stored last
    dated: dict[str, Optional[tuple[str, str]]] = {}  # sitting → (date, id of the item stating it), None: none

    def flush():
        if pending:
            counts = store.put_many(pending)
            report.new += counts["new"]
            report.updated += counts["updated"]
            report.unchanged += counts["unchanged"]
            pending.clear()

    done = 0
    with store.bulk():  # one index writer for the whole run, settled at the end
        for path, js, err in _parse_all(todo, workers, dask):
            done += 1
            if err:
                report.failed.append((path, err))
            else:
                try:
                    doc = Document.model_validate_json(js)
                except Exception as e:
                    report.failed.append((path, one_line(path, e)))
                else:
                    key = _sitting(doc)
                    if key and doc.date:
                        dated.setdefault(key, (doc.date, doc.id))
                    (undated if key and not doc.date else pending).append(doc)
                if len(pending) >= batch:
                    flush()
            if progress:
                progress("parsed", done, len(todo))
        flush()
        _date_from_sitting(undated, dated, store)
        for i in range(0, len(undated), batch):
            pending.extend(undated[i:i + batch])
            flush()
    return report


def _parse_all(paths: list[str], workers: Optional[int], dask):
    if not paths:
        return
    if dask is not None:
        yield from _parse_dask(paths, dask)
        return
    workers = workers or os.cpu_count() or 1
    if workers <= 1 or len(paths) == 1:
        for p in paths:
            yield parse_file(p)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: the parent may hold threads (progress bar) and a database connection
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        yield from pool.map(parse_file, paths, chunksize=max(1, min(32, len(paths) // (workers * 8))))


def _parse_dask(paths: list[str], dask):
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise KstError("--dask needs dask.distributed: pip install 'kamerstukken[dask]'") from None
    own = isinstance(dask, str)
    try:
        client = Client(dask, timeout="20s") if own else dask
    except Exception as e:
        raise KstError(f"cannot reach Dask scheduler {dask!r}: {one_line('', e).strip(': ')}") \
            from None
    try:
        futures = client.map(parse_file, paths, pure=False)
        for fut in as_completed(futures):
            yield fut.result()
    finally:
        if own:
            client.close()
