"""The fast paths of extraction find exactly what the patterns they stand for find.

Several patterns are matched in parts the regex engine scans quickly, or only where their leading
literals occur (extract.cueindex: leftmost, at_literals); the whole pattern is still in the module.
Each pair is compared on random texts built from the words they are about, at every split.
"""
from __future__ import annotations

import random

from kamerstukken.extract import cueindex, entities as E, references as R, statements as S

PIECES = [
    " ", "  ", "\n", ", ", ".", "-", "x", "3", "(", ")", "de ", "De ", "het ", "van ", "voor ", "en ", "een aantal ",
    "Raad ", "Raad", "raad", "Adviesraad ", "Gezondheidsraad", "EU-Raad", "Justitie- en Veiligheidsraad", "Landbouw",
    "vaste ", "commissie ", "Commissie ", "Ministerie ", "ministerie ", "Algemene ", "Centraal ", "Bureau ", "Fonds",
    "Statistiek", "Werkgroep", "Rijn- en Binnenvaart", "Ångström", "NAVO", "(NAVO)", "Verenigde Naties", "eurozone",
    "ministerraad", "voorzitterschap", "anti-ISIS coalitie", "Nederland", "minister ", "Minister ", "Minister-President ",
    "de heer ", "het lid ", "mevrouw ", "Hoge Vertegenwoordiger ", "Secretaris-Generaal ", "A.G. ", "Koenders", "Jan ",
    "uw ", "Uw\t", "der ", "Tweede ", "Kamer", "Kamers", "Kamerleden", "meeste ", "Bondgenoten", "bondgenoten",
    "lidstaten", "EU-lidstaten", "landen", "Nederlanden", "velen", "Enkele ", "Enkelen", "anderen", "Sommigen", "Wij ", "kabinet", "(ik)", "Vrijwel ", "alle ",
    "ministers van alle lidstaten", "voorzitter van de ", "Board of Governors van de ", "dagelijks bestuur van het ",
    "Verdrag ", "verdrag ", "inzake ", "INF-verdrag", "Minsk-afspraken", "akkoorden van Minsk", "Akkoord van Parijs",
]


def _texts(n: int = 4000, seed: int = 7):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 12))) for _ in range(n)]


def _sig(matches):
    return [(m.span(), {k: v for k, v in m.groupdict().items() if v is not None}) for m in matches]


def test_entity_pattern_parts_match_the_whole_patterns():
    for t in _texts():
        assert _sig(E._LEX.finditer(t)) == _sig(E._lex_iter(t, {"_LEX_LOWER"})), t
        assert _sig(E._P_ORG.finditer(t)) == _sig(E._org_iter(t)), t
        assert _sig(E._P_NAMED_ORG.finditer(t)) == _sig(E._named_org_iter(t)), t
        assert _sig(E._P_TITLE.finditer(t)) == _sig(E._title_iter(t, set(t.split()))), t
        long = t + " " * 400  # (a short text is scanned whole)
        assert _sig(E._P_KAMER.finditer(long)) == _sig(E._kamer_iter(long)), t


def test_statement_and_reference_pattern_parts_match_the_whole_patterns():
    for t in _texts(seed=11):
        for lo, hi in ((0, len(t)), (min(3, len(t)), max(min(3, len(t)), len(t) - 2))):
            assert _sig(S._GROUP.finditer(t, lo, hi)) == _sig(S._group_iter(t, lo, hi)), (t, lo, hi)
            # the parts _actor_hits leaves out: those whose words the text's tokens lack
            toks = set(t[lo:hi].split())
            gates = S._ACTOR_GATES.ids_of(toks)
            g = "group_g" in gates and "word:group_g" in gates
            v = "group_v" in gates and "word:group_v" in gates
            # the word gates, answered with the patterns' gates, answer as when asked by themselves
            assert ("word:group_g" in gates, "word:group_v" in gates, "word:writer" in gates) == (
                S._GROUP_G_WORDS.any_of(toks), S._GROUP_V_WORDS.any_of(toks), S._WRITER_WORDS.any_of(toks)), t
            assert _sig(S._GROUP.finditer(t, lo, hi)) == _sig(S._group_iter(t, lo, hi, g, v) if g or v else ()), t
            role_of = cueindex.at_literals(S._ROLE_OF, t, S._ROLE_OF_STARTS, lo, hi)
            assert _sig(S._ROLE_OF.finditer(t, lo, hi)) == _sig(cueindex.leftmost([role_of], lo) if role_of else ())
        named = cueindex.at_literals(R._TREATY_NAMED, t, R._TREATY_NOUNS)
        parts = ([named] if named else []) + [lambda pos, t=t: R._TREATY_HYPHEN.search(t, pos)]
        assert _sig(R._TREATY.finditer(t)) == _sig(cueindex.leftmost(parts)), t


def test_cues_tried_at_their_leading_literals_match_a_search():
    for t in _texts(seed=13) + ["Nederland benadrukte dat de NAVO zal blijven steunen.", "Zij stelden vast dat het is besloten."]:
        low = t.lower()
        for (kind, fam, rx), lead in zip(S._ALL_CUES, S._LEADS):
            if lead is not None and len(low) == len(t):
                a, b = rx.search(t), cueindex.first_match(rx, t, low, lead)
                assert (a and (a.span(), a.group())) == (b and (b.span(), b.group())), (rx.pattern, t)


def test_a_cue_anchored_at_the_sentence_start_is_searched_not_tried_at_its_leads():
    # the commitment cue "Eind 2016 zal …" leads with "in" and "voor", which occur all over a sentence
    when = next(rx for _, fam, rx in S._ALL_CUES if fam == "when")
    assert cueindex.leads(when.pattern) is None
    assert cueindex.leads(r"\bzal\b") == frozenset(["zal"])
    # and it is looked for in sentences with a year in them, not in every sentence with "in"
    assert cueindex.triggers(when.pattern) == frozenset(["20"])
    sent = "Eind 2025 benadert Defensie de markt voor dronemunitie."  # letter 007
    assert when.search(sent) and S._ALL_CUES.index(next(c for c in S._ALL_CUES if c[2] is when)) in S._INDEX.candidates(sent)


def test_token_index_learns_new_tokens_in_one_pass_as_one_by_one():
    toks = sorted({w for t in _texts(600, seed=3) for w in t.split()} | {"İstanbul-raad", "zalİ", "Mİnister"})
    for index in (E._TRIGGER_INDEX, E._TITLE_FORM_INDEX, S._INDEX._tokens):
        fresh = cueindex.TokenIndex.__new__(cueindex.TokenIndex)
        fresh.__dict__.update(index.__dict__)
        fresh._seen, fresh._hot, fresh._sets = set(), {}, {}
        for i in range(0, len(toks), 17):
            fresh.ids_of(set(toks[i:i + 17]))
        assert all(fresh._hot.get(t, frozenset()) == fresh.scan(t) for t in toks)


def test_verb_ends_are_those_of_the_token_loop():
    def loop(sent, cstart, cue_pos):
        out = []
        for m in S._TOKEN.finditer(sent, cstart):
            if m.start() > cue_pos + 40:
                break
            if m.group().lower() in S._AUX or m.start() == cue_pos:
                out.append(m.end())
        return out

    rnd = random.Random(5)
    words = ["is ", "Is ", "IS", "heeft", " ", "  ", "-", "'", "’", "x", "werd", "zal", ",", ".", "Kan", "kan", "hebben-",
             "(is)", "ZIJN ", "wordt\n", "İs ", "Nederland ", "dat "]
    for _ in range(3000):
        t = "".join(rnd.choice(words) for _ in range(rnd.randint(0, 14)))
        starts = [0] + [i + 1 for i, c in enumerate(t) if c.isspace()]
        for cstart in starts[:3]:
            for cue_pos in range(cstart, min(len(t), cstart + 60)):
                assert S._verb_ends(t, cstart, cue_pos) == loop(t, cstart, cue_pos), (t, cstart, cue_pos)


def test_participle_auxiliary_is_that_of_the_token_loop():
    def loop(sent, cstart, cue_end):
        for w in S._tokens_between(sent, cstart, min(len(sent), cue_end + 30)):
            if w in S._PERFECT_AUX or w in S._PASSIVE_AUX:
                return w
        return None

    rnd = random.Random(9)
    words = ["is ", "Is ", "heeft", "hebbenx", " ", "-", "'", "x", "werd", "zal ", ",", "Kan ", "(was)", "ZIJN ", "wordt\n", "İs "]
    for _ in range(3000):
        t = "".join(rnd.choice(words) for _ in range(rnd.randint(0, 14)))
        for cstart in range(0, min(len(t), 12), 3):
            for cue_end in range(cstart, len(t) + 1, 2):
                assert S._participle_aux(t, cstart, cue_end) == loop(t, cstart, cue_end), (t, cstart, cue_end)


def test_cues_tried_at_their_leads_find_what_a_search_finds(shared):
    """Each cue with leading literals (two letters are enough: `is`, `op`) is tried only where one
    occurs; on every sentence of the seed and the 85 letters it finds the search's match."""
    from conftest import CORPUS
    from kamerstukken import parse
    from kamerstukken.extract.sentences import spans

    files = [CORPUS / "seed" / "kst-28676-235.txt", *sorted((CORPUS / "letters").glob("*.txt"))]
    sents = [p[s:e] for f in files for _, _, p in parse(f, extract=False).paragraphs() for s, e in spans(p)]
    led = [(rx, lead) for (_, _, rx), lead in zip(S._ALL_CUES, S._LEADS) if lead is not None]
    assert len(sents) > 1000 and any(min(map(len, lead)) == 2 for _, lead in led)
    for sent in sents:
        low = sent.lower()
        if len(low) != len(sent):
            continue
        for rx, lead in led:
            a, b = rx.search(sent), cueindex.first_match(rx, sent, low, lead)
            assert (a and a.span()) == (b and b.span()), (rx.pattern, sent)


def test_the_cue_index_offers_every_cue_that_matches(shared):
    """A cue left out of a sentence's candidates is a statement lost: every cue that matches a corpus
    sentence (or a text with a cue word glued to punctuation, an underscore or "İ") must be offered,
    by the token lookup and by the character scan, with its trigger at a word start where it must be."""
    from kamerstukken import parse
    from kamerstukken.extract.sentences import spans

    sents = []
    files = [shared / "corpus/seed/kst-28676-235.txt", *sorted((shared / "corpus/letters").iterdir()),
             *sorted((shared / "corpus/handelingen").glob("h-tk-*.xml"))[:6]]
    for f in files:
        for _, _, p in parse(f, extract=False).paragraphs():
            sents += [p[s:e] for s, e in spans(p)]
    glued = ["(acht het", "NAVO-acht het", "x_acht het", "İacht het", "verwacht het", "(vroeg om", "in-zet in op",
             "het_kabinet zal", "‘zal’", "Minsk-akkoord bereikt"]
    sents += [a + " " + b for a in glued for b in ("", "dat de Raad van belang acht dat")]
    assert len(sents) > 2000
    scan = cueindex.CueIndex([rx.pattern for _, _, rx in S._ALL_CUES])
    scan._tokens = None  # the character scan of the same index
    offered = 0
    for sent in sents:
        by_tokens, by_scan = S._INDEX.candidates(sent), scan.candidates(sent)
        by_positions = set().union(*(ids for _, ids in S._INDEX.positions(sent)))
        for i, (_, _, rx) in enumerate(S._ALL_CUES):
            if rx.search(sent):
                offered += 1
                assert i in by_tokens and i in by_scan and i in by_positions, (rx.pattern, sent)
    assert offered > 300
