"""references.find's shortcuts find what the plain per-paragraph search finds.

Patterns are tried only where their leading literals occur (_tried_at), the paragraphs that hold a
kind's words are found by one scan of the whole text (_holding), and the treaty names are looked for
only in paragraphs that hold one of their words. The plain search stays here as the reference.
"""
from __future__ import annotations

import hashlib
import random

from kamerstukken import parse
from kamerstukken.extract import references as R
from kamerstukken.extract.cueindex import Joined
from kamerstukken.extract.dates import DATE, resolve
from kamerstukken.model import Document, Section, Source

PIECES = [" ", "  ", "\n", ", ", ".", ";", "-", "x", "3", "(", ")", "op ", "van ", "over ", "inzake ", "in het ", "tijdens het ",
          "bij het ", "12 ", "1 en 2 ", "3 maart ", "maart 2016", "juni jl.", "Algemeen Overleg ", "algemeen  overleg",
          "Commissiedebat ", "commissiedebat", "notaoverleg ", "Wetgevingsoverleg ", "plenair debat ", "Debat ", "debat",
          "Schriftelijk Overleg ", "schriftelijk overleg", "toezegging ", "Toezegging", "toegezegd ", "is ", "dat ",
          "VNVR-resolutie ", "VN-Veiligheidsraad ", "VNVR ", "VN-VR", "VNVR", "Veiligheidsraad resolutie ", "resolutie ",
          "Resolutie", "2231", "1325 ", "van de VN-Veiligheidsraad", "VN", "Verdrag van Lissabon", "verdrag ", "Verdrag ",
          "INF-verdrag", "Minsk-akkoorden", "akkoorden van Minsk", "Akkoord ", "EVRM", "xEVRM", "Statuut van Rome",
          "New START", "JCPOA", "Weens Document", "Handvest ", "Open Skies-verdrag", "Wet ", "wet", "Kaderwet ", "nr. 5",
          "kst-28676-235", "28 676, nr. 235", "motie ", "Veltman ", "artikel 100-brief", "BNC-fiche", "kabinetsappreciatie",
          # whole references, so that the random texts hold many matches
          "Algemeen Overleg van 3 maart ", "debat over de NAVO op 12 juni jl.", "Commissiedebat op 1 en 2 maart 2016",
          "toezegging tijdens het Commissiedebat op 1 maart", "toegezegd in het plenair debat van 4 juni ",
          "resolutie 2231 ", "VNVR-resolutie 1325", "VN-VR resolutie 2334 van de VN-Veiligheidsraad"]


def _sig(matches):
    return [(m.span(), m.group()) for m in matches]


def _texts(n=5000, seed=3):
    rnd = random.Random(seed)
    return ["".join(rnd.choice(PIECES) for _ in range(rnd.randint(0, 14))) for _ in range(n)]


def _corpus_paragraphs(shared):
    files = [shared / "corpus/seed/kst-28676-235.txt", *sorted((shared / "corpus/letters").glob("*.txt"))]
    return [p for f in files for _, _, p in parse(f, extract=False).paragraphs()]


def test_patterns_tried_at_their_literals_match_a_search(shared):
    texts = _texts() + _corpus_paragraphs(shared)
    n = 0
    for t in texts:
        for rx, at in ((R._MEET, R._MEET_AT), (R._COMMIT, R._COMMIT_AT), (R._RES, R._RES_AT)):
            want = _sig(rx.finditer(t))
            assert _sig(R._tried_at(rx, t, at)) == want, (rx.pattern[:30], t)
            n += len(want)
    assert n > 2000


def test_parts_holding_words_found_in_one_scan():
    rnd = random.Random(8)
    words = ["ab", "b", "a\0", "ba", "c"]
    for _ in range(3000):
        parts = ["".join(rnd.choice("abc \0") for _ in range(rnd.randint(0, 6))) for _ in range(rnd.randint(1, 6))]
        ws = rnd.sample(words, rnd.randint(1, 3))
        assert R._holding(Joined(parts), ws) == {k for k, p in enumerate(parts) if any(w in p for w in ws)}, (parts, ws)


def _plain_find(doc):
    """references.find as a search of each pattern in each paragraph."""
    out, seen = [], set()

    def add(kind, text, target=None, date=None):
        if (kind, text, target, date) not in seen:
            seen.add((kind, text, target, date))
            out.append((kind, text, target, date))

    for _, _, para in doc.paragraphs():
        for m in R._KST.finditer(para):
            add("kamerstuk", m.group(), R._kst_target(m))
        for m in R._RES.finditer(para):
            un = m.group(0).lower().startswith(("vnvr", "vn-v", "veil", "vn")) or m.group("vr")
            add("resolution", m.group(0), f"UNSCR {m.group('n')}" if un else None)
        for m in R._MOTIE.finditer(para):
            k = R._KST.search(m.group())
            add("motie", m.group(), R._kst_target(k) if k else None)
        for m in R._COMMIT.finditer(para):
            add("commitment", m.group())
        for m in R._MEET.finditer(para):
            dm = DATE.search(m.group())
            add("meeting", m.group(), date=resolve(dm, doc.date)[0] if dm else None)
        for m in R._TREATY_LEX.finditer(para):
            if m.start() == 0 or not para[m.start() - 1].isalnum():
                add("treaty", m.group())
        for m in R._TREATY.finditer(para):
            add("treaty", m.group())
        for m in R._LAW.finditer(para):
            add("law", m.group())
        for m in R._DOC.finditer(para):
            add("document", m.group())
    return out


def _doc(paras, date="2016-03-01"):
    return Document(id="t", date=date, source=Source(format="text", sha256=hashlib.sha256("".join(paras).encode()).hexdigest()),
                    sections=[Section(paragraphs=paras[:3]), Section(paragraphs=paras[3:])])


def test_references_are_those_of_the_plain_search(shared):
    files = [shared / "corpus/seed/kst-28676-235.txt", *sorted((shared / "corpus/letters").glob("*.txt"))]
    docs = [parse(f, extract=False) for f in files]
    rnd = random.Random(12)
    docs += [_doc(rnd.sample(_texts(200, seed=k), rnd.randint(1, 8))) for k in range(300)]
    n = 0
    for doc in docs:
        got = [(r.kind, r.text, r.target, r.date) for r in R.find(doc)]
        assert got == _plain_find(doc), doc.id
        n += len(got)
    assert n > 300
