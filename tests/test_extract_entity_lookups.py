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
from kamerstukken.extract.cueindex import TokenFacts

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
    return [(m.span(), {k: v for k, v in m.groupdict().items() if v is not None}) for m in matches]


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
    """One lookup of a paragraph's tokens (_TRIGGER_INDEX, a TokenFacts) gives the families the plain
    trigger index and the spaced-trigger substring loop give, and the answers of the token gates."""
    from kamerstukken.extract.cueindex import TokenGate, TokenIndex

    plain = TokenIndex({w: f for w, f in E._TRIGGERS.items() if " " not in w})
    titles = TokenIndex({w: {w} for w in E._TITLES_BY_TRIGGER})
    acronyms, initials = TokenGate(E._new_acronym), TokenGate(E._INITIAL_TOKEN.test)
    for p in list(_corpus_paragraphs()) + ["de leden", "het lid Omtzigt", "Adviesraad Internationale Vraagstukken",
                                           "het\tlid", "Fonds\n", "de Adviesraad\n",
                                           "motie:\t(Kamer,) c.s.", "vaste commissie, ministerie", "(x) ,"]:
        toks = set(p.split())
        want = plain.ids_of(toks)
        for w, fams in E._SPACED_TRIGGERS.items():
            if w in p:
                want |= fams
        got = E._families(p, toks)
        facts = ("_ACR", "_INI", "_SPACED", "_ONE", "_PAREN", "_COMMA")
        assert {f for f in got if isinstance(f, str) and f.startswith("_") and f not in facts} == want, p
        assert {f for f in got if isinstance(f, str) and not f.startswith("_")} == {w for w in E._FACT_WORDS if w in p}, p
        assert "_PAREN" in got or " (" not in p, p
        assert "_COMMA" in got or ", " not in p, p
        assert {w for f, w in got & E._TITLE_IDS} == titles.ids_of(toks), p
        assert ("_ACR" in got) == acronyms.any_of(toks), p
        assert ("_INI" in got) == initials.any_of(toks), p


def _reference_adj(text):
    return [m.span("adj") for m in E._P_ADJ_NEUTER.finditer(text)]


def test_adjectives_before_neuter_nouns_as_the_pattern_finds_them_in_the_corpus():
    n = 0
    for p in _corpus_paragraphs():
        want = _reference_adj(p)
        assert E._adj_neuter_matches(p) == want, p
        n += len(want)
    assert n > 5  # the corpus does hold some


ADJ_PIECES = [" ", "  ", "\n", "\t", "-", "x", "_", "3", ".", ",", "Kroatisch", "Nederlands", "Duits", "Afrikaans",
              "Zuid-Afrikaans", "Frans", "Chinees", "Brits", "Iers", "kabinet", "kabinetten", "parlement", "regering",
              "regering-Rutte", "voorzitterschap", "Voorzitterschap", "oorzitterschap", "het ", "de "]


def test_adjectives_before_neuter_nouns_as_the_pattern_finds_them_in_random_text():
    import random

    rnd = random.Random(17)
    n = 0
    for _ in range(30000):
        t = "".join(rnd.choice(ADJ_PIECES) for _ in range(rnd.randint(0, 10)))
        want = _reference_adj(t)
        assert E._adj_neuter_matches(t) == want, t
        n += bool(want)
    assert n > 300, n


def test_org_patterns_started_late_or_in_part_match_the_whole_search_in_the_corpus():
    """_P_LONGABBR searched from _longabbr_from, _P_NAMED_ORG as _P_NAMED_RUN alone where the tokens hold
    no word _P_NAMED_ONE can end in, _P_KAMER tried only before each "Kamer"."""
    extra = ["De Adviesraad Internationale Vraagstukken (AIV) en het Centraal Planbureau (CPB), zie de Raad (R).",
             "xNAVO (N). Europese Unie (EU)", "Transitiecomité Binnenvaart en Adviesraad Migratie", "De (X) Y (Z)"]
    for p in list(_corpus_paragraphs()) + extra:
        fams = E._families(p, set(p.split()))
        paren = E._ABBR_PAREN.search(p)
        if paren:
            assert _sig(E._P_LONGABBR.finditer(p, E._longabbr_from(p, paren.start()))) == _sig(E._P_LONGABBR.finditer(p)), p
        else:
            assert not E._P_LONGABBR.search(p), p
        assert _sig(E._named_org_iter(p, fams)) == _sig(E._P_NAMED_ORG.finditer(p)), p
        if E._P_NAMED_ONE.search(p):
            assert "_ONE" in fams, p
        long = p + " " * 400  # (a short text is scanned whole)
        assert _sig(E._kamer_iter(long)) == _sig(E._P_KAMER.finditer(long)), p


def test_token_facts_learnt_in_one_pass_as_one_by_one():
    """TokenFacts learns a batch of new tokens in one trie pass: each token gets the facts it gets alone."""
    toks = sorted({w for p in _corpus_paragraphs(10) for w in p.split()}
                  | {"İstanbul-raad", "Adviesraad", "(NAVO),", "A.G.", "lid", "leden,", "c.s.:"})

    def fresh():
        index = TokenFacts.__new__(TokenFacts)
        index.__dict__.update(E._TRIGGER_INDEX.__dict__)
        index._seen, index._hot, index._sets = set(), {}, {}
        return index

    batch, alone = fresh(), fresh()
    for i in range(0, len(toks), 97):
        batch.ids_of(set(toks[i:i + 97]))
    for t in toks:
        assert batch.ids_of({t}) == alone.ids_of({t}), t
    assert sum(1 for t in toks if batch._hot.get(t)) > 50


def test_a_web_address_or_a_commission_paper_number_names_no_organisation(shared):
    """Letter 075 (a BNC-fiche) gives `https://eur-lex.europa.eu/legal-content/EN/TXT/PDF/?uri=CELEX:…`
    and `COM(2021) 752 final`: EN, TXT, CELEX and COM are no bodies; the fiche's bodies still are."""
    from kamerstukken import parse

    orgs = {e.name for e in parse(shared / "corpus/letters/075.txt").entities if e.kind == "organisation"}
    assert not orgs & {"EN", "TXT", "PDF", "CELEX", "COM"}, orgs
    assert {"Europese Commissie", "Raad voor Regelgevingstoetsing"} <= orgs
