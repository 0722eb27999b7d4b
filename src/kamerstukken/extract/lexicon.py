"""Lexicons from the data files, each compiled once into a single alternation regex at import."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Optional

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Term:
    """What a surface form stands for."""

    name: str
    kind: str  # country, organisation, place, person
    key: Optional[str] = None
    members: Optional[str] = None  # how the body's members are called as a group
    adjective: bool = False
    role: Optional[str] = None
    acts_as: Optional[str] = None  # a meeting of the Noord-Atlantische Raad acts for the NAVO


def house(chamber: str | None) -> str:
    """The chamber a document's `chamber` code names (`EK` → Eerste Kamer, else Tweede Kamer)."""
    return "Eerste Kamer" if chamber == "EK" else "Tweede Kamer"


def rows(filename: str) -> Iterator[list[str]]:
    """Tab-separated rows of a data file, comments and blank lines skipped."""
    with open(DATA / filename, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            yield line.split("\t")


def inflect(stem: str) -> str:
    """Attributive form of a Dutch adjective of nationality: Afghaans → Afghaanse, Chinees → Chinese."""
    if stem.endswith("ees"):
        return stem[:-3] + "ese"
    return stem + "e"


# Adjective stems that are also the uninflected noun of a language or a name (Frans, Engels):
# only their inflected form is taken as the country.
def _is_adjective(alias: str) -> bool:
    return alias[:1].isupper() and re.search(r"(?:s|sch)$", alias) is not None and " " not in alias \
        and not alias.isupper() and not alias.endswith(("land", "stan"))


def alternation(forms) -> str:
    """One regex of literal forms as a character trie (shared prefixes factored out), which the
    regex engine scans far faster than a flat alternation; greedy, so the longest form wins."""
    trie: dict = {}
    for f in set(forms):
        node = trie
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            return "(?:" + body + ")?"
        return body

    return build(trie)


@lru_cache(maxsize=None)
def terms() -> dict[str, Term]:
    """Surface form → Term for countries, organisations and places (case-sensitive forms)."""
    table: dict[str, Term] = {}
    for row in rows("places.tsv"):
        name = row[0]
        aliases = [a for a in (row[1].split("|") if len(row) > 1 and row[1] else [])]
        for form in [name, *aliases]:
            table.setdefault(form, Term(name, "place"))
    for row in rows("organisations.tsv"):
        name = row[0]
        aliases = row[1].split("|") if len(row) > 1 and row[1] else []
        members = row[2] if len(row) > 2 and row[2] else None
        acts = row[3] if len(row) > 3 and row[3] else None
        for form in [name, *aliases]:
            table[form] = Term(name, "organisation", members=members, acts_as=acts)
    for row in rows("countries.tsv"):
        key, name = row[0], row[1]
        aliases = row[2].split("|") if len(row) > 2 and row[2] else []
        table[name] = Term(name, "country", key=key)
        for a in aliases:
            if _is_adjective(a):
                table.setdefault(inflect(a), Term(name, "country", key=key, adjective=True))
            else:
                table.setdefault(a, Term(name, "country", key=key))
    # A name that is both a city and a state (Luxemburg) is the country here; entities.py turns
    # it into the place after "in"/"te".
    return table


@lru_cache(maxsize=None)
def place_names() -> frozenset[str]:
    return frozenset(row[0] for row in rows("places.tsv"))


@lru_cache(maxsize=None)
def kamerleden() -> dict[str, str]:
    """Full and initialled names of Kamerleden, each as its own normal form (the long forms only)."""
    out = {}
    for row in rows("kamerleden.tsv"):
        full, initials = row[1], row[2]
        out[full] = full
        out[initials] = initials
    return out


@lru_cache(maxsize=None)
def kamerlid_functions() -> dict[str, str]:
    """Every written form of a Kamerlid's name (cited, full, initialled) → their function."""
    out = {}
    for row in rows("kamerleden.tsv"):
        for form in row[:3]:
            out.setdefault(form, row[3] or "Kamerlid")
    return out


@lru_cache(maxsize=None)
def roles() -> list[str]:
    return [r[0] for r in rows("roles.txt")]


@lru_cache(maxsize=None)
def treaties() -> list[str]:
    return [r[0] for r in rows("treaties.txt")]


@lru_cache(maxsize=None)
def cues() -> dict[str, list[tuple[str, str]]]:
    """kind → [(family, regex)] from cues.tsv."""
    out: dict[str, list[tuple[str, str]]] = {}
    for row in rows("cues.tsv"):
        out.setdefault(row[0], []).append((row[1], row[2]))
    return out
