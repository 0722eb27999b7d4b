"""Kamerleden as printed under a motie → the name with initials (data/kamerleden.tsv).

Shared by every reader: the XML reader, the text forms and the PDF forms must name an indiener
the same way."""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from importlib import resources


def fold(text: str) -> str:
    """Lower case without diacritics, for comparing printed names."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().strip()


_INITIALS_ONLY = re.compile(r"^((?:[A-Z][a-z]{0,2}\.?)+)\s+(.+)$")


@lru_cache(maxsize=1)
def _members() -> dict[str, list[str]]:
    """Printed form (folded) → initialled names, from data/kamerleden.tsv.

    Columns: name as cited (`Van der Plas`), first name + surname, initials + surname."""
    out: dict[str, list[str]] = {}
    try:
        text = resources.files("kamerstukken.data").joinpath("kamerleden.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return out
    for line in text.splitlines():
        row = line.split("\t")
        if line.startswith("#") or len(row) < 3 or not row[2].strip():
            continue
        m = _INITIALS_ONLY.match(row[2].strip())
        if not m:
            continue
        # `M.G.F Rikkers-Oosterkamp`: the list sometimes drops the last full stop
        initials = m.group(1) if m.group(1).endswith(".") else m.group(1) + "."
        name = f"{initials} {m.group(2)}"
        for key in {fold(row[0]), fold(row[1])}:
            if key and name not in out.setdefault(key, []):
                out[key].append(name)
    return out


@lru_cache(maxsize=1)
def _sorted_keys() -> list[str]:
    return sorted(_members())


def member_name(printed: str) -> tuple[str, bool]:
    """`Van Nispen` → `M. van Nispen` when exactly one member is cited so; else as printed.

    A name printed with its last letter or two missing (`Kosti`, `Grinwi`, `Van Nispe`) is read
    as the one member whose name it starts; returns (name, misprint)."""
    key = fold(printed)
    found = _members().get(key, [])
    if len(found) == 1:
        return found[0], False
    if not found and len(key) >= 4:
        near: set[str] = set()
        keys = _sorted_keys()
        i = bisect_left(keys, key)  # the keys that start with `key` follow it in sorted order
        while i < len(keys) and keys[i].startswith(key):
            if len(keys[i]) - len(key) <= 2:
                near.update(_members()[keys[i]])
            i += 1
        if len(near) == 1:
            return near.pop(), True
    return printed, False


