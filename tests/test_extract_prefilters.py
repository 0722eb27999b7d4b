"""Cheap tests that let extraction skip a costly pattern never skip one that would match."""
from __future__ import annotations

import random

from kamerstukken.extract import entities as E

PIECES = [" ", "  ", "\n", ", ", ",", ".", " .", "x", "3", "’", "'", "de ", "van ", "Minister ", "minister ",
          "voorzitter ", "griffier ", "Staatssecretaris ", "van Buitenlandse Zaken", "A.G. ", "Koenders", "Jan ",
          "de Vries", "Van der Staaij", "Ångström", "d’Hondt", "Kuiken", "W.B. ", "Hoekstra", "\t", "ß", "ÿ"]


def _texts(n: int = 6000, seed: int = 11):
    """Random texts, every other one shaped like a signature: a role, some words, a comma, a name."""
    rnd = random.Random(seed)

    def some(k):
        return "".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, k)))
    return [some(10) if i % 2 else some(3) + rnd.choice(PIECES[13:19]) + some(3) + rnd.choice((", ", ",\t"))
            + rnd.choice(PIECES[19:29]) + some(2) for i in range(n)]


def test_may_sign_holds_wherever_the_signature_pattern_matches():
    found = 0
    for t in _texts():
        if E._P_SIGN.search(t, E._sign_from(t)):
            found += 1
            assert E._may_sign(t), repr(t)
    assert found > 50  # the texts do exercise the pattern


OFFICIAL_PIECES = [" ", "  ", "\n", ", ", ".", "x", "de ", "De ", "de  ", "De\t", "ode ", "Minister", "minister",
                   "ministerie", "Minister-President", "Staatssecretaris", "staatssecretaris", "Xstaatssecretaris",
                   " van ", " voor ", "Buitenlandse ", "Zaken", " en ", "Defensie", "Volksgezondheid, "]


def test_official_iter_finds_what_the_whole_pattern_finds():
    from kamerstukken.extract import statements as S

    rnd = random.Random(3)
    for _ in range(6000):
        t = "".join(rnd.choice(OFFICIAL_PIECES) for _ in range(rnd.randint(0, 9)))
        for lo, hi in ((0, len(t)), (min(2, len(t)), max(min(2, len(t)), len(t) - 3)), (min(5, len(t)), len(t))):
            assert [m.span() for m in S._official_iter(t, lo, hi)] == \
                [m.span() for m in S._DUTCH_OFFICIAL.finditer(t, lo, hi)], (t, lo, hi)


CAPS_PIECES = [" ", "\n", "-", "(", ")", ".", ". ", ",", "x", "3", "NAVO", "EU", "VN", "ABC", "AB", "A", "B.", "Mr.",
               "Jan", "A.G.", "de", "Q1", "II", "2015", "XYZ12", "É", "a", "NGO's", "EU-", "-AB"]


def test_token_gates_hold_wherever_their_patterns_match():
    from kamerstukken.extract.cueindex import TokenGate

    rnd = random.Random(5)
    acronyms, initials = TokenGate(E._new_acronym), TokenGate(E._INITIAL_TOKEN.test)
    for _ in range(8000):
        t = "".join(rnd.choice(CAPS_PIECES) for _ in range(rnd.randint(0, 8)))
        toks = set(t.split())
        kept = [m for m in E._P_ACRONYM.finditer(t)
                if not (m.group("acr") in E._ACRONYM_STOP or m.group("acr") in E._TERMS or m.group("acr").isdigit())]
        assert bool(kept) == acronyms.any_of(toks), t
        if E._INITIAL_PRE.search(t):
            assert initials.any_of(toks), t
