"""Moties: the operative clauses are statements of the Kamer, the grounds are considerations.

`verzoekt …`, `roept … op`, `draagt … op` → request; `spreekt uit …`, `is van mening …` (operative)
→ position; `betreurt`, `veroordeelt` → concern; `constaterende`, `overwegende`, `van mening dat`,
`gelet op` (the grounds, before the operative part) → `doc.considerations`.
"""
from __future__ import annotations

import re

from ..model import Consideration, Document, Statement
from .lexicon import house as house_of
from .records import consideration, statement

_GROUND = re.compile(
    r"^\s*(?:(?:en\s+)?(?:tevens|voorts|mede|ook|verder|eveneens|daarnaast|tot\s+slot)\s+)?"
    r"(?P<kw>constaterende|overwegende|overwegend|van\s+mening(?:\s+zijnde)?|van\s+oordeel|gelet\s+op|gezien|erkennende|"
    r"vaststellende|wijzende\s+op|benadrukkende|onderstrepende|in\s+aanmerking\s+nemende|"
    r"betreurende|verwijzende\s+naar|opmerkende|concluderende|herinnerende)\b", re.I)
_OPERATIVE = re.compile(
    r"^\s*(?:(?:en\s+)?(?:tevens|voorts|verder|daarnaast|mede|ook)\s+)?(?:"
    r"(?P<request>verzoekt|roept\b[^.;]{0,200}?\bop\b|draagt\b[^.;]{0,120}?\bop\b|vraagt|dringt\b[^.;]{0,80}?\baan\b|"
    r"nodigt\b[^.;]{0,80}?\buit\b|spoort\b[^.;]{0,80}?\baan\b)"
    r"|(?P<position>spreekt\s+(?:zich\s+)?(?:uit|als\s+(?:haar|zijn)\s+mening\s+uit)|is\s+van\s+mening|"
    r"stelt\s+vast|bevestigt|steunt|erkent|onderschrijft|wijst\b[^.;]{0,40}?\baf\b|keurt\b[^.;]{0,60}?\b(?:af|goed)\b)"
    r"|(?P<concern>betreurt|veroordeelt|spreekt\s+(?:haar|zijn)\s+(?:zorg|zorgen|afkeuring)\b[^.;]{0,60}?uit|"
    r"maakt\s+zich\s+zorgen|is\s+bezorgd)"
    r"|(?P<decision>besluit))", re.I)
_SECOND = re.compile(
    r"(?:,\s*|\s)en\s+(?:(?P<request>verzoekt|roept\b[^.;]{0,200}?\bop\b|draagt\b[^.;]{0,120}?\bop\b)"
    r"|(?P<position>spreekt\s+(?:zich\s+)?uit|is\s+van\s+mening)|(?P<concern>betreurt|veroordeelt))\b", re.I)
_OPENING = re.compile(r"^\s*(?:De\s+(?:Tweede\s+|Eerste\s+)?Kamer,?|gehoord\s+de\s+beraadslaging,?)\s*$", re.I)
_THE_KAMER = re.compile(r"^\s*De\s+(?:Tweede\s+|Eerste\s+)?Kamer,\s*$")
_HEARD = re.compile(r"^\s*gehoord\s+de\s+beraadslaging", re.I)
_CLOSING = re.compile(r"^\s*en\s+gaat\s+over\s+tot\s+de\s+orde\s+van\s+de\s+dag", re.I)


# the first three letters of every keyword above (and of the prefixes tevens/voorts/…)
_HEADS = frozenset(w[:3] for w in (
    "constaterende overwegende van gelet gezien erkennende vaststellende wijzende benadrukkende onderstrepende "
    "in betreurende verwijzende opmerkende concluderende herinnerende en tevens voorts mede ook verder eveneens "
    "daarnaast tot verzoekt roept draagt vraagt dringt nodigt spoort spreekt is stelt bevestigt steunt erkent "
    "onderschrijft wijst keurt veroordeelt maakt besluit de gehoord").split())


def is_motie(doc: Document) -> bool:
    """A motie by kind, or by its fixed opening (`De Kamer, gehoord de beraadslaging,`)."""
    if doc.kind == "motie":
        return True
    if doc.kind not in ("other",):
        return False
    paras = [p for _, _, p in doc.paragraphs()][:6]
    return any(_HEARD.match(p) for p in paras)


def quoted(doc: Document) -> set[tuple[int, int]]:
    """The paragraphs of moties read out in a debate (Handelingen, a verslag): from `De Kamer,`
    followed by `gehoord de beraadslaging,` through `en gaat over tot de orde van de dag.`"""
    paras = list(doc.paragraphs())
    inside: set[tuple[int, int]] = set()
    i = 0
    while i < len(paras) - 1:
        if _THE_KAMER.match(paras[i][2]) and _HEARD.match(paras[i + 1][2]):
            j = i
            while j < len(paras) and j - i < 60:
                inside.add(paras[j][:2])
                if _CLOSING.match(paras[j][2]):
                    break
                j += 1
            i = j
        i += 1
    return inside


def find(doc: Document, only: set[tuple[int, int]] | None = None) -> tuple[list[Statement], list[Consideration]]:
    """The motie's operative clauses as statements of the Kamer and its grounds as considerations;
    `only`: just these paragraphs (the moties quoted in a debate)."""
    house = house_of(doc.chamber)
    statements: list[Statement] = []
    considerations: list[Consideration] = []
    for si, sec in enumerate(doc.sections):
        for pi, para in enumerate(sec.paragraphs):
            if only is not None and (si, pi) not in only:
                continue
            head = para.lstrip()[:3].lower()
            if head not in _HEADS:
                continue  # a clause starts with one of the keywords; skip the regexes otherwise
            if _OPENING.match(para) or _CLOSING.match(para):
                continue
            g = _GROUND.match(para)
            if g:
                kw = re.sub(r"\s+", " ", g.group("kw").lower())
                kw = "overwegende" if kw == "overwegend" else kw  # a common misspelling
                considerations.append(consideration(kw, para.strip(), si, pi))
                continue
            o = _OPERATIVE.match(para)
            if o:
                kind = next(k for k in ("request", "position", "concern", "decision") if o.group(k))
                text = para.strip()
                start = para.index(text[:1]) if text else 0
                statements.append(statement(kind, house, o.group(kind).strip(), text, si, pi, start,
                                            start + len(text), sec.heading))
                # "verzoekt de regering … en spreekt uit dat …": a second operative verb in the clause
                for m2 in _SECOND.finditer(para, o.end()):
                    k2 = next(k for k in ("request", "position", "concern") if m2.group(k))
                    if k2 != kind:
                        statements.append(statement(k2, house, m2.group(k2).strip(), text, si, pi, start,
                                                    start + len(text), sec.heading))
                        break
    return statements, considerations
