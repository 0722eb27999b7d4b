"""Readers, one per published form. `read()` detects the format and returns an `Extracted`."""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Union

from ..errors import ReadError
from .base import Block, Extracted

__all__ = ["read", "detect_format", "iter_files", "Block", "Extracted", "MAX_BYTES"]

MAX_BYTES = 200 * 1024 * 1024
FORMATS = ("text", "pdf", "docx", "doc", "xml", "html", "odata")


def iter_files(paths):
    """Files under the given paths in a stable order; hidden files and folders skipped."""
    for p in map(Path, paths):
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield f
        else:
            yield p


def detect_format(data: bytes, name: str | None = None) -> str:
    head = data[:2048].lstrip(b"\xef\xbb\xbf\xc3\xaf\xc2\xbb\xc2\xbf \t\r\n")
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return "doc"
    low = head[:512].lower()
    if low.startswith(b"<!doctype html") or b"<html" in low:
        return "html"
    if low.startswith(b"<?xml") or low.startswith(b"<"):
        return "xml"
    if low.startswith(b"{"):
        return "odata"
    ext = (Path(name).suffix.lower() if name else "")
    return {".pdf": "pdf", ".docx": "docx", ".doc": "doc", ".xml": "xml", ".html": "html", ".htm": "html",
            ".json": "odata", ".jsonl": "odata"}.get(ext, "text")


def read(source: Union[str, os.PathLike, bytes], format: str | None = None,
         name: str | None = None) -> Extracted:
    """Read a file path or raw bytes into an `Extracted`; raises `ReadError` with one clear line."""
    path = None
    if isinstance(source, (bytes, bytearray)):
        data = bytes(source)
    else:
        p = Path(source)
        path = str(p.resolve())
        name = name or p.name
        try:
            size = p.stat().st_size
        except OSError as e:
            raise ReadError(str(p), f"cannot read: {e.strerror or e}") from None
        if p.is_dir():
            raise ReadError(str(p), "is a folder, not a file")
        if size > MAX_BYTES:
            raise ReadError(str(p), f"too large ({size} bytes; limit {MAX_BYTES})")
        try:
            data = p.read_bytes()
        except OSError as e:
            raise ReadError(str(p), f"cannot read: {e.strerror or e}") from None
    label = path or name
    if not data.strip():
        raise ReadError(label, "empty file")
    fmt = format or detect_format(data, name)
    if fmt not in FORMATS:
        raise ReadError(label, f"unknown format {fmt!r}")
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "text":
        from .text import read_text as reader
    elif fmt == "pdf":
        from .pdf import read_pdf as reader
    elif fmt == "docx":
        from .docx import read_docx as reader
    elif fmt == "doc":
        from .doc import read_doc as reader
    elif fmt == "xml":
        from .xml import read_xml as reader
    elif fmt == "html":
        from .html import read_html as reader
    else:
        from .odata import read_odata as reader
    ex = reader(data, label)
    ex.format, ex.sha256, ex.path = fmt, sha, path
    return ex
