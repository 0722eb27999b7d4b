"""read → clean/parse → extract: the one way a file becomes a `Document`."""
from __future__ import annotations

import os
from typing import Union

from .model import Document
from .parse.build import build_document
from .sources import read


def parse(source: Union[str, os.PathLike, bytes], format: str | None = None,
          name: str | None = None, extract: bool = True) -> Document:
    """Parse a Kamerstuk from a path or bytes. Raises `ReadError` for unreadable input."""
    doc = build_document(read(source, format=format, name=name))
    if extract:
        from .extract import enrich

        enrich(doc)
    return doc
