"""Work done once on a document's whole text finds, per paragraph, what each paragraph alone gives."""
from __future__ import annotations

import hashlib
import random

from kamerstukken.extract import entities as E
from kamerstukken.model import Document, Section, Source


def _doc(paras):
    return Document(id="t", source=Source(format="text", sha256=hashlib.sha256("".join(paras).encode()).hexdigest()),
                    sections=[Section(paragraphs=paras[:2]), Section(paragraphs=paras[2:])])


def test_known_persons_found_in_the_whole_text_as_in_each_paragraph():
    pieces = [" ", "\n", ", ", ".", "Staaij", "Van der Staaij", "van der Staaij", "Kuleba", "Kulebas", "xKuleba",
              "Koenders", "A.G. Koenders", "de heer Koenders", "Minister Kuleba", "\0", "e"]
    rnd = random.Random(4)
    for _ in range(600):
        paras = ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 7))) for _ in range(rnd.randint(1, 6))]
        doc = _doc(paras)
        hits = {(si, pi): E.paragraph_hits(p) for si, pi, p in doc.paragraphs()}
        known, names = E.known_persons(hits)
        if known is None:
            continue
        alone = {(si, pi): E.add_known(p, hits[(si, pi)], known, names) for si, pi, p in doc.paragraphs()}
        assert E.add_known_all(doc, hits, known, names) == alone, paras


def test_occurrences_by_one_pattern_are_those_of_a_find_per_form():
    rnd = random.Random(6)
    alphabet = ["a", "b", "A", "B", " ", ".", "(", "-", "é", "\0", "\n"]
    for _ in range(3000):
        forms = list({"".join(rnd.choice(alphabet[:9]) for _ in range(rnd.randint(1, 4))) for _ in range(rnd.randint(1, 6))})
        forms.sort(key=len, reverse=True)
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40)))
        assert E._occurrences(text, forms, by_pattern=True) == E._occurrences(text, forms, by_pattern=False), (text, forms)
