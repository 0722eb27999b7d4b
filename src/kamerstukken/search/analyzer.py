"""Dutch analyzer: the one place text becomes index terms, for both engines and for queries.

Steps per word: lower-case, strip diacritics (`Oekraïne` → `oekraine`), split on hyphens and other
non-word characters (`NAVO-Oekraïne` → `navo`, `oekraine`), Snowball stemming (`verlenging` and
`verlengen` → `verleng`), and compound splitting (`verdragsgebied` → parts `verdrag`, `gebied`).
Stems keep their positions (phrases); compound parts are indexed beside them, without positions
that matter, so `gebied` finds `verdragsgebied` but `"verdrag gebied"` is not a phrase hit.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from . import lexicon

# \w without "_": letters and digits of any script; hyphens, apostrophes, dots split words.
WORD_RE = re.compile(r"[^\W_]+")

# The original Snowball Dutch algorithm. snowballstemmer 3's default "dutch" also strips the
# ge- prefix, which merges `gebied` with `bieden` and turns `open` into `oop`.
_STEMMER = snowballstemmer.stemmer("dutch_porter")

MIN_COMPOUND = 7   # shorter words are not split
MIN_PART = 4       # 3-letter "words" in the list (ver, con, ing) are mostly fragments
PART_ZIPF = 3.0    # a part must be at least this common a word
LINKS = ("s", "en", "e")  # tussenklanken: verdrag-s-gebied, ooievaar-s-nest, pann-en-koek


@lru_cache(maxsize=500_000)
def fold_word(word: str) -> str:
    """fold() for one word, cached: the vocabulary repeats far more than it grows."""
    return fold(word)


def fold(text: str) -> str:
    """Lower-case and strip diacritics (NFKD, drop combining marks); ĳ becomes ij."""
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if not unicodedata.combining(c))


def words(text: str):
    """(start, end, folded word) for each word in the original text."""
    for m in WORD_RE.finditer(text):
        yield m.start(), m.end(), fold_word(m.group())


@lru_cache(maxsize=500_000)
def stem(word: str) -> str:
    """Snowball stem of a folded word; numbers and very short words stay as they are."""
    if len(word) < 3 or not word.isalpha():
        return word
    return _STEMMER.stemWord(word)


def _freq(word: str) -> float:
    z = lexicon.load().get(word)
    return 10 ** z if z is not None else 0.0


def _part(word: str) -> bool:
    return (len(word) >= MIN_PART and lexicon.load().get(word, 0.0) >= PART_ZIPF
            and word not in lexicon.nonparts())


@lru_cache(maxsize=500_000)
def split_compound(word: str) -> tuple[str, ...]:
    """Split a folded word into known Dutch words, or () when it is not a compound.

    Koehn & Knight's rule: take the split whose parts have the highest geometric mean frequency,
    and only when that beats the frequency of the word itself — so `regering` (common) stays whole
    while `geboortezorg` (rare) becomes `geboorte` + `zorg`. A linking `s`, `e` or `en` after a
    part is dropped (`verdrags` → `verdrag`).
    """
    if len(word) < MIN_COMPOUND or not word.isalpha():
        return ()
    best: tuple[str, ...] = ()
    best_score = _freq(word)
    for parts in _splits(word, 0):
        if len(parts) < 2:
            continue
        score = math.exp(sum(math.log(_freq(p)) for p in parts) / len(parts))
        if score > best_score:
            best, best_score = parts, score
    return best


def _splits(word: str, depth: int):
    """All ways to write `word` as known parts (at most 3), linking morphemes dropped."""
    if _part(word):
        yield (word,)
    if depth >= 2:
        return
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head, tail = word[:i], word[i:]
        heads = [head] if _part(head) else []
        for link in LINKS:
            if head.endswith(link) and _part(head[: -len(link)]):
                heads.append(head[: -len(link)])
        if not heads:
            continue
        for rest in _splits(tail, depth + 1):
            for h in heads:
                yield (h,) + rest


@lru_cache(maxsize=500_000)
def analyze_word(word: str) -> tuple[str, tuple[str, ...]]:
    """(stem, stems of compound parts) for one folded word."""
    parts = split_compound(word)
    return stem(word), tuple(dict.fromkeys(stem(p) for p in parts))


@dataclass
class Analyzed:
    stems: list[str]    # one per word, in order (positions for phrases)
    parts: list[str]    # compound parts, in order of appearance

    def stems_text(self) -> str:
        return " ".join(self.stems)

    def parts_text(self) -> str:
        return " ".join(self.parts)


@lru_cache(maxsize=1_000_000)
def _raw_terms(raw: str) -> tuple[str, tuple[str, ...]]:
    return analyze_word(fold(raw))


def analyze(text: str) -> Analyzed:
    stems: list[str] = []
    parts: list[str] = []
    add = stems.append
    for raw in WORD_RE.findall(text):  # one cached lookup per word: this is the ingest hot loop
        s, p = _raw_terms(raw)
        add(s)
        if p:
            parts.extend(p)
    return Analyzed(stems, parts)


def terms_of(word: str) -> set[str]:
    """Every index term a folded word produces (its stem and its parts' stems): for highlighting."""
    s, p = analyze_word(word)
    return {s, *p}
