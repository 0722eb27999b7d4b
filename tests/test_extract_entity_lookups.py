"""Entity patterns tried only where they can start find exactly what a plain search finds, on real
corpus text (the random texts of test_extract_fast_paths cover the odd cases).

entities._title_iter tries _P_TITLE only just before the title triggers a paragraph's tokens hold
(see _TITLE_OFFSETS); the whole pattern stays in the module as the reference.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from kamerstukken import parse
from kamerstukken.extract import entities as E

CORPUS = Path("/work/shared/corpus")


def _corpus_paragraphs(limit: int = 40):
    files = [CORPUS / "seed/kst-28676-235.txt"] + sorted((CORPUS / "letters").iterdir())[:limit] \
        + sorted((CORPUS / "handelingen").iterdir())[:3]
    if not files[0].exists():
        pytest.skip("no corpus")
    for f in files:
        if f.is_file():
            for _, _, p in parse(f, extract=False).paragraphs():
                yield p


def _sig(matches):
    return [(m.span(), m.groupdict()) for m in matches]


def test_titles_tried_at_their_triggers_match_a_search_in_the_corpus():
    n = 0
    for p in _corpus_paragraphs():
        want = _sig(E._P_TITLE.finditer(p))
        assert _sig(E._title_iter(p, set(p.split()))) == want, p
        n += len(want)
    assert n > 100  # the corpus does name officials


def test_title_offsets_cover_every_title_form():
    """Every title form without a space holds a trigger, at one of the trigger's offsets."""
    for f in E._TITLE_FORMS:
        if " " in f and f in E._SPACED_TITLES:
            continue
        assert any(f.startswith(w, k) for w, offsets in E._TITLE_OFFSETS.items() for k in offsets), f


def test_token_facts_answer_as_the_separate_indexes_and_gates_do_in_the_corpus():
    """One lookup of a paragraph's tokens (_TRIGGER_INDEX, a _TokenFacts) gives the families the plain
    trigger index and the spaced-trigger substring loop give, and the answers of the token gates."""
    from kamerstukken.extract.cueindex import TokenGate, TokenIndex

    plain = TokenIndex({w: f for w, f in E._TRIGGERS.items() if " " not in w})
    titles = TokenIndex({w: {w} for w in E._TITLES_BY_TRIGGER})
    acronyms, initials = TokenGate(E._new_acronym), TokenGate(E._INITIAL_TOKEN.test)
    for p in list(_corpus_paragraphs()) + ["de leden", "het lid Omtzigt", "Adviesraad Internationale Vraagstukken",
                                           "het\tlid", "Fonds\n", "de Adviesraad\n"]:
        toks = set(p.split())
        want = plain.ids_of(toks)
        for w, fams in E._SPACED_TRIGGERS.items():
            if w in p:
                want |= fams
        got = E._families(p, toks)
        assert {f for f in got if isinstance(f, str) and f not in ("_ACR", "_INI", "_SPACED")} == want, p
        assert {w for f, w in got & E._TITLE_IDS} == titles.ids_of(toks), p
        assert ("_ACR" in got) == acronyms.any_of(toks), p
        assert ("_INI" in got) == initials.any_of(toks), p
