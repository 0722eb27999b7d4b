"""Sentence spans in a paragraph: a full stop ends a sentence unless it closes an abbreviation."""
from __future__ import annotations

import re
from functools import lru_cache

# Abbreviations common in Kamerstukken that end in a full stop but not a sentence ("c.s." is left out:
# it ends the sentence that names a motie far more often than not).
ABBREVIATIONS = frozenset("""
nr nrs blz d.d o.a i.v.m m.b.t t.a.v e.d e.a bijv resp ca dhr mw mr dr drs ir prof art lid
vgl zgn z.g i.c i.e e.g etc mln mld vs ivm mbt tav incl excl min max wo jr st ds kst red cf
""".split())

# a footnote marker may follow the full stop: "de motie van het lid Veltman.1 Hierin werd …"
# (the run of stops is written once before the alternatives, starting with a plain class, so that
# the regex engine skips to the next stop character fast; only the longest run can be followed by
# any alternative, so this matches exactly what `[.!?…]+A|[.!?…]+B|[.!?…]+C` matches)
_END = re.compile(r"[.!?…][.!?…]*(?:\d{1,2}(?=\s+[\"«„‘]?[A-ZÀ-Ý][a-z])|[\"»”’)\]]*(?=\s+[\"«„‘(\[]?[A-Z0-9À-Ý])"
                  r"|[\"»”’)\]]*\s*$)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def _word_before(text: str, start: int, end: int):
    """`_WORD_BEFORE.search(text, start, end)`, looking first only at the last 40 characters: the
    search tries every start position up to `end`, which made long sentences quadratic."""
    lo = max(start, end - 40)
    wm = _WORD_BEFORE.search(text, lo, end)
    if wm is not None and wm.start() == lo and lo > start:
        return _WORD_BEFORE.search(text, start, end)  # the word may begin before the window
    return wm


@lru_cache(maxsize=4096)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence in `text`, trailing whitespace excluded (cached: statements and
    events both ask for the same paragraph)."""
    return tuple(_spans(text))


def _spans(text: str) -> list[tuple[int, int]]:
    out = []
    start = 0
    n = len(text)
    while start < n and text[start].isspace():
        start += 1
    for m in _END.finditer(text):
        if m.start() <= start:
            continue
        # a footnote marker after the stop ("c.s.1 Uiteraard") ends the sentence even after an abbreviation
        if text[m.start()] == "." and len(m.group().rstrip()) == 1:
            wm = _word_before(text, start, m.start())
            word = wm.group(1) if wm else ""
            if not word.isupper():  # "VS." ends a sentence, "Dhr." does not
                word = word.lower()
            if word in ABBREVIATIONS:
                continue
            # an initial (A.G. Koenders) or a single letter enumerator
            if len(word.split(".")[-1]) == 1 and wm and wm.group(1)[-1:].isupper():
                continue
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append((start, end))
        start = end
        while start < n and text[start].isspace():
            start += 1
    if start < n:
        end = n
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out
