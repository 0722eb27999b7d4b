"""Fixtures shared by the store, search and ingest tests: real documents, both engines."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

from kamerstukken.model import Document, Statement

PG_URL = os.environ.get("KST_TEST_PG_URL")
ENGINES = ["sqlite", pytest.param("postgres", marks=[
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="KST_TEST_PG_URL not set")])]
SESSION = uuid.uuid4().hex[:8]


def store_url(engine: str, tmp_path: Path) -> str:
    if engine == "sqlite":
        return f"sqlite:///{tmp_path / 'kst.db'}"
    sep = "&" if "?" in PG_URL else "?"
    # one schema per test, named after this session, so parallel runs never share tables
    return f"{PG_URL}{sep}schema=kst_{SESSION}_{uuid.uuid4().hex[:8]}"


def drop(store) -> None:
    if hasattr(store, "drop"):
        store.drop()
    store.close()


# moties chosen for the queries: geboortezorg (7 moties), "open source" (1), and more for facets
GEBOORTEZORG = ["136f9e50-bdb8-4b63-a337-339e969b9855", "3be79902-fe0a-4578-8598-ee0ccdb76b97",
                "5f5c588b-72e8-47cf-a5ee-17656e8290a6"]
OPEN_SOURCE = "a1f04b92-862d-4a9b-871c-b35c32475f2a"


def motie_paths(shared: Path, extra: int = 30) -> list[Path]:
    xml = shared / "corpus" / "moties" / "xml"
    names = GEBOORTEZORG + [OPEN_SOURCE]
    paths = [xml / f"{n}.xml" for n in names]
    paths += [p for p in sorted(xml.glob("*.xml"))[:extra] if p not in paths]
    return paths


def seed_with_statements(seed: Document) -> Document:
    """The seed as parsed, with two statements taken from its own text when extraction found none."""
    if seed.statements:
        return seed
    stmts = []
    for si, pi, para in seed.paragraphs():
        for start, cue, kind in ((para.find("De NAVO besloot"), "besloot", "decision"),):
            if start >= 0:
                end = para.index(".", para.index("verlengen")) + 1
                stmts.append(Statement(kind=kind, actor="NAVO", cue=cue, text=para[start:end],
                                       section=si, paragraph=pi, start=start, end=end,
                                       topic=seed.sections[si].heading))
        if "NAVO-Oekraïne Commissie kwam" in para:
            end = para.index(".") + 1
            stmts.append(Statement(kind="position", actor="NAVO-Oekraïne Commissie", cue="kwam",
                                   text=para[:end], section=si, paragraph=pi, start=0, end=end))
    assert len(stmts) == 2, "seed text changed: statements for the tests not found"
    return seed.model_copy(update={"statements": stmts})
