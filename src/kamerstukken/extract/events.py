"""Events: the meetings a report is about (name, start and end date, place)."""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Document, Event
from . import lexicon
from .dates import DATE, MONTHS, WEEKDAY, resolve, resolve_weekday
from .sentences import spans

_MEETING_WORD = re.compile(
    r"\b(?:verslag|agenda|bijeenkomst|vergadering|vergaderde|bijeen|plaatsgevonden|plaatsvond|vond|vindt|"
    r"plaats|top|overleg|sessie|conferentie|Raad|raad|Eurogroep)\b")


_GAP_END = re.compile(r"(?:\bvan|\bop|\bd\.d\.|\bd\.d|\bdd)\s*$")
_GAP_STOP = re.compile(r"\b(?:brief|inzake|nr\.|Kamerstuk|verslag)\b")


def _dated_by(gap: str) -> bool:
    """Whether a date after a body's name dates that body's meeting: "de Raad Buitenlandse Zaken van
    20 juni", "de Noord-Atlantische Raad (NAR) …, die op 1 en 2 december jl." — not the date of a
    letter about it ("… (Kamerstuk …) en over de brief van 24 juni")."""
    return len(gap) <= 110 and _GAP_END.search(gap) is not None and not _GAP_STOP.search(gap)


# a word of which every date or weekday holds one: a paragraph without any has no dated meeting
_DATE_WORDS = (*MONTHS, "dag")


@lru_cache(maxsize=4096)  # asked for every organisation hit; the names repeat
def _meeting_body(name: str) -> bool:
    t = lexicon.terms().get(name)
    if name in ("Tweede Kamer", "Eerste Kamer", "ministerraad", "Ministerraad", "Raad van State",
                "Afdeling advisering van de Raad van State"):
        return False
    return bool((t and t.members) or re.search(r"(?:^Raad\b|raad$|Raad$|^Eurogroep$|-top$|^Europese Raad$)", name))


def find(doc: Document, hits_by_paragraph: dict) -> list[Event]:
    """A meeting body followed in the same sentence by a date (and a place) is a meeting reported on."""
    out: dict[tuple, Event] = {}
    for (si, pi), hits in sorted(hits_by_paragraph.items()):
        para = doc.sections[si].paragraphs[pi]
        bodies = [h for h in hits if h.kind == "organisation" and _meeting_body(h.name)]
        if not bodies or not any(map(para.__contains__, _DATE_WORDS)):
            continue
        for s, e in spans(para):
            sb = [h for h in bodies if s <= h.start < e]
            if not sb:
                continue
            sent = para[s:e]
            if not _MEETING_WORD.search(sent):
                continue
            if not DATE.search(para, s, e):
                # a weekday alone ("De Raad kwam op maandag jl. bijeen") is resolved against the letter's date
                wm = WEEKDAY.search(para, s, e)
                body = next((h for h in reversed(sb) if wm and h.end <= wm.start() and _dated_by(para[h.end:wm.start()])), None)
                if wm and body:
                    day = resolve_weekday(wm, doc.date)
                    if day and (body.name, day) not in out:
                        out[(body.name, day)] = Event(name=body.name, start=day, end=day)
                continue
            for dm in DATE.finditer(para, s, e):
                body = next((h for h in reversed(sb) if h.end <= dm.start() and _dated_by(para[h.end:dm.start()])), None)
                if body is None:
                    continue
                start, end = resolve(dm, doc.date)
                if not start:
                    continue
                place = next((h.name for h in hits if h.kind in ("place", "country") and dm.end() <= h.start < e
                              and para[max(0, h.start - 3):h.start] in ("in ", "te ")), None)
                if place is None:
                    place = next((h.name for h in hits if h.kind == "place" and body.end <= h.start < dm.start()
                                  and para[max(0, h.start - 3):h.start] in ("in ", "te ")), None)
                key = (body.name, start)
                if key not in out:
                    out[key] = Event(name=body.name, start=start, end=end, place=place)
                break
    return list(out.values())
