"""Metadata rules shared by every reader: dates, kinds, senders, ids, dossier numbers."""
from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    # abbreviations as printed in tables and Handelingen
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(rf"\b(\d{{1,2}})\s+({MONTH_RE})\.?\s+(\d{{4}})\b", re.IGNORECASE)
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"
_DASH_TABLE = str.maketrans({c: "-" for c in DASHES})


def ascii_dashes(text: str) -> str:
    return text.translate(_DASH_TABLE)


def parse_dutch_date(text: str) -> str | None:
    """`16 december 2015` (anywhere in text) → `2015-12-16`; None when absent or impossible."""
    m = DATE_RE.search(text)
    if not m:
        return None
    day, month, year = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


SESSION_RE = re.compile(r"\b((?:19|20)\d\d)\s*[-\u2010-\u2014/]\s*((?:19|20)\d\d)\b")


def parse_session_year(text: str) -> str | None:
    """`Vergaderjaar 2015–2016` → `2015-2016` (ASCII hyphen, consecutive years only)."""
    for m in SESSION_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if b == a + 1:
            return f"{a}-{b}"
    return None


# `28 676`, `21 501-20`, `30 800 X`, `36 200 V`, `34 104`; a suffix is a number or a Roman
# numeral / capital letter (begrotingshoofdstuk) — never a lower-case word.
DOSSIER_RE = re.compile(
    r"^(?P<num>\d{1,3}(?:[ .\u00a0]?\d{3})|\d{4,6})"
    r"(?:\s*[-\u2010-\u2014]\s*(?P<dsuf>\d{1,3}|[A-Z]{1,6}))?"
    r"(?:\s+(?P<rsuf>[IVXLC]+|[A-Z])(?=\s|$))?"
)


_NUMBER_SEPARATORS = re.compile(r"[ .\u00a0]")


def split_dossier(text: str) -> tuple[str, str | None, str] | None:
    """`21 501-20 Europese Raad` → (`21501`, `20`, `Europese Raad`)."""
    text = text.strip()
    m = DOSSIER_RE.match(text) if text[:1].isdigit() else None  # (a number first, or no dossier)
    if not m:
        return None
    number = _NUMBER_SEPARATORS.sub("", m.group("num"))
    if not 3 <= len(number) <= 6:
        return None
    suffix = m.group("dsuf") or m.group("rsuf")
    rest = text[m.end():].lstrip(" ,;:").rstrip()
    return number, suffix, rest


def make_id(dossiers: list, number: str | None) -> str | None:
    """Official id `kst-{dossier}[-{suffix}]-{number}` from the first dossier."""
    if not dossiers or not number:
        return None
    d = dossiers[0]
    num = d.number if hasattr(d, "number") else d["number"]
    suf = d.suffix if hasattr(d, "suffix") else d.get("suffix")
    return f"kst-{num}-{suf}-{number}" if suf else f"kst-{num}-{number}"


# Heading → kind. Order matters: the first pattern that matches the heading's start wins.
KIND_PATTERNS: list[tuple[str, str]] = [
    (r"((tweede|derde|vierde)\s+)?(nader\s+)?(gewijz\w*\s+)?motie\b", "motie"),
    (r"((tweede|derde|vierde)\s+)?(nader\s+)?(gewijz\w*\s+)?amendement\b", "amendement"),
    (r"(eind)?verslag\b|lijst van vragen en antwoorden|lijst van (feitelijke )?vragen", "verslag"),
    (r"nota\b|nota naar aanleiding", "nota"),
    (r"memorie van toelichting", "memorie-van-toelichting"),
    (r"(gewijzigd\s+)?voorstel van (rijks)?wet", "voorstel-van-wet"),
    (r"advies (van de )?(afdeling advisering van de )?raad van state|advies en nader rapport", "advies-raad-van-state"),
    (r"besluitenlijst", "besluitenlijst"),
    (r"antwoord(en)?\b", "antwoord"),
    (r"(schriftelijke\s+)?vragen\b|kamervragen", "kamervragen"),
    (r"brief\b", "brief"),
]
_KIND_RES = [(re.compile(p, re.IGNORECASE), k) for p, k in KIND_PATTERNS]


def kind_from_heading(heading: str | None) -> str:
    if not heading:
        return "other"
    h = heading.strip()
    for rx, kind in _KIND_RES:
        if rx.match(h):
            return kind
    return "other"


# the fixed opening of an advies en nader rapport, which often reaches readers without its head:
# `Hieronder zijn opgenomen het advies van de Afdeling advisering van de Raad van State d.d. …`
_ADVIES_OPENING = re.compile(
    r"^Hieronder (?:zijn|is) opgenomen (?:het|de) advie(?:s|zen) van de (?:Afdeling advisering van de )?"
    r"Raad van State\b")


def kind_from_opening(first_paragraph: str | None) -> str:
    """A kind the body's first words give away where no heading does."""
    if first_paragraph and _ADVIES_OPENING.match(first_paragraph):
        return "advies-raad-van-state"
    return "other"


HEADING_START = re.compile(
    r"^(?:(?:tweede\s+|derde\s+|vierde\s+)?(?:nader\s+)?gewijz\w*\s+)?(?:brief|motie|amendement|verslag|eindverslag|nota|memorie|"
    r"voorstel van|advies|besluitenlijst|lijst van|antwoord|koninklijke boodschap|"
    r"voorlopig verslag|jaarverslag|mededeling)\b",
    re.IGNORECASE,
)

_FUNCTION_WORDS = {"van", "voor", "en", "de", "het", "der", "den", "in", "op", "met", "te", "of", "aan"}
_OFFICES = ("minister-president", "ministers", "minister", "staatssecretarissen", "staatssecretaris")


def _case_office(text: str) -> str:
    """`MINISTER VAN BUITENLANDSE ZAKEN` → `minister van Buitenlandse Zaken`."""
    out = []
    for word in re.split(r"(\s+|,)", text.lower()):
        if not word.strip() or word == ",":
            out.append(word)
            continue
        if word in _FUNCTION_WORDS or word.split("-")[0] in _OFFICES:
            out.append(word)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return "".join(out)


SENDER_RE = re.compile(r"^brief\s+van\s+(?:de\s+|het\s+)?(.+)$", re.IGNORECASE)


def sender_from_heading(heading: str | None) -> str | None:
    """The office that sends a `BRIEF VAN …`, in running-text case."""
    if not heading:
        return None
    m = SENDER_RE.match(heading.strip())
    if not m:
        return None
    return _case_office(m.group(1).strip().rstrip("."))


def office_case(text: str) -> str:
    return _case_office(text)


def session_year_for(iso_date: str | None) -> str | None:
    """The vergaderjaar a date falls in: it opens on Prinsjesdag, the third Tuesday of September."""
    if not iso_date:
        return None
    try:
        d = date.fromisoformat(iso_date)
    except ValueError:
        return None
    first = date(d.year, 9, 1)
    prinsjesdag = date(d.year, 9, 1 + (1 - first.weekday()) % 7 + 14)
    start = d.year if d >= prinsjesdag else d.year - 1
    return f"{start}-{start + 1}"
