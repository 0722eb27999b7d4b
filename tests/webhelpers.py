"""Shared by the API, page and browser tests: real sample documents, a hostile one, a live server."""
from __future__ import annotations

import re
import socket
import threading
import time
from functools import lru_cache
from pathlib import Path

import kamerstukken
from kamerstukken.model import Document, Reference, Statement

SAMPLE = Path(kamerstukken.__file__).resolve().parent / "sample"
DOSSIERS = ("28676", "36045")   # NAVO and Oekraïne: the seed's subject, and Rusland in titles
HOSTILE_ID = "kst-28676-9999"
SCRIPT_TITLE = '<script>alert("titel")</script>'
SCRIPT_TEXT = '<script>alert("tekst")</script><img src=x onerror=alert("img")>'


def _moties(dossier: str) -> list[Path]:
    return sorted(p for p in (SAMPLE / "moties").glob("*.xml")
                  if f'dossiernummer" content="{dossier}"' in p.read_text(encoding="utf-8"))


def sample_paths() -> list[Path]:
    """The seed, the sample moties of DOSSIERS (chosen by their XML metadata, not by parsing),
    and one motie each of two sub-dossiers that share a number (21501-02, 21501-20)."""
    moties = [p for d in DOSSIERS for p in _moties(d)]
    return [SAMPLE / "kst-28676-235.txt", *moties, _moties("21501-02")[0], _moties("21501-20")[0]]


@lru_cache(maxsize=1)
def sample_docs() -> tuple[Document, ...]:
    """Parsed once per test process; the seed made sure to show a decision and to cite a
    Kamerstuk that is in the set (the browser tests click both)."""
    docs = [kamerstukken.parse(p) for p in sample_paths()]
    seed = docs[0]
    ids = {d.id for d in docs}
    update = {}
    if not any(s.kind == "decision" for s in seed.statements):
        # extraction not finding it yet must not hide a UI bug: take the sentence from the text
        for si, pi, para in seed.paragraphs():
            start = para.find("De NAVO besloot")
            if start >= 0:
                end = para.index(".", start) + 1
                update["statements"] = [*seed.statements, Statement(
                    kind="decision", actor="NAVO", cue="besloot", text=para[start:end],
                    section=si, paragraph=pi, start=start, end=end)]
                break
    if not any(r.kind == "kamerstuk" and r.target in ids and r.target != seed.id
               for r in seed.references):
        # the seed cites no Kamerstuk by number; give it one in the set to follow
        target = sorted(d.id for d in docs if d.id != seed.id and d.id.startswith("kst-28676-"))[0]
        update["references"] = [*seed.references, Reference(
            kind="kamerstuk", text=f"Kamerstuk 28 676, nr. {target.rsplit('-', 1)[1]}",
            target=target)]
    docs[0] = seed.model_copy(update=update)
    return tuple(docs)


def hostile_xml(folder: Path) -> Path:
    """A real motie XML with script in its title, heading and text (as text, escaped in the XML,
    so the parsed record holds the literal `<script>`), under a new id."""
    src = next(p for p in sorted((SAMPLE / "moties").glob("*.xml"))
               if 'dossiernummer" content="28676"' in p.read_text(encoding="utf-8"))
    xml = src.read_text(encoding="utf-8")
    number = re.search(r'OVERHEIDop.ondernummer" content="(\d+)"', xml).group(1)
    esc = (lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
           .replace('"', "&quot;"))
    xml = xml.replace(f"kst-28676-{number}", HOSTILE_ID)
    xml = xml.replace(f'ondernummer" content="{number}"', 'ondernummer" content="9999"')
    xml = xml.replace(f'kamer="2">{number}<', 'kamer="2">9999<')
    xml = re.sub(r'(documenttitel" scheme="" content=")', r"\1" + esc(SCRIPT_TITLE).replace(
        "\\", "\\\\") + " ", xml)
    xml = re.sub(r"(<al>)(verzoekt|steunt|roept|spreekt|constaterende|overwegende)",
                 lambda m: m.group(1) + esc(SCRIPT_TEXT) + " " + m.group(2), xml, count=1)
    assert HOSTILE_ID in xml and esc(SCRIPT_TEXT) in xml
    out = folder / "hostile.xml"
    out.write_text(xml, encoding="utf-8")
    return out


def hostile_doc(folder: Path) -> Document:
    doc = kamerstukken.parse(hostile_xml(folder))
    assert doc.id == HOSTILE_ID, doc.id
    assert "<script>" in (doc.title or "") and "<script>" in doc.text
    return doc


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn on 127.0.0.1 on a free port, in a thread, for the browser."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self):
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)
