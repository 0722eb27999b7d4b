"""Entity patterns searched only where their matches can lie find what the plain search finds."""
from __future__ import annotations

import random

from kamerstukken import parse
from kamerstukken.extract import entities as E

PIECES = [" ", "  ", "\n", ", ", ".", "-", "x", "3", "(", ")", " (", "de ", "De ", "van de ", "voor ", "en ", "het ",
          "Noord-Atlantische ", "Raad ", "NAVO ", "Rusland ", "Adviesraad Internationale Vraagstukken ", "(NAR)", "(NRR)",
          "(AIV)", "(X)", "(Nederland)", "(zie ", "(EU) ", "Centraal Planbureau ", "Europese Unie", "Verenigde Naties",
          "Internationaal Monetair Fonds ", "(IMF)", "(a)", "(AB", "AB)", "Raad(NAR)", "Unie\t(EU)"]


def _sig(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def _longabbr(text):
    return E._longabbr_iter(text, list(E._ABBR_PAREN.finditer(text)))


def test_long_forms_searched_before_each_abbreviation_match_the_search():
    rnd = random.Random(21)
    n = 0
    for _ in range(20000):
        t = "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 14)))
        want = _sig(E._P_LONGABBR.finditer(t))
        assert _sig(_longabbr(t)) == want, t
        n += len(want)
    assert n > 2000, n


def test_long_forms_searched_before_each_abbreviation_match_the_search_in_the_corpus(shared):
    files = [shared / "corpus/seed/kst-28676-235.txt", *sorted((shared / "corpus/letters").glob("*.txt")),
             *sorted(p for p in (shared / "corpus/handelingen").iterdir() if p.is_file())[:3]]
    n = 0
    for f in files:
        for _, _, p in parse(f, extract=False).paragraphs():
            want = _sig(E._P_LONGABBR.finditer(p))
            assert _sig(_longabbr(p)) == want, p
            n += len(want)
    assert n > 30, n
