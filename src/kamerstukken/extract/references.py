"""References: Kamerstukken, UN resolutions, moties, commitments (toezeggingen), meetings,
treaties, laws and named documents (`artikel 100-brief`)."""
from __future__ import annotations

import re

from ..model import Document, Reference
from . import lexicon
from .cueindex import Joined, at_literals, leftmost
from .dates import DATE, resolve
from .records import reference

_DOSSIER = r"(?P<dos>\d{2}\s?\d{3})(?:[-\s](?P<suf>(?:[A-Z]{1,4}|\d{2}|[IVXL]+)\b))?"
_KST = re.compile(
    rf"\b(?:Kamerstuk(?:ken)?\s+)?{_DOSSIER}(?:\s+en\s+\d{{2}}\s?\d{{3}}(?:[-\s](?:[A-Z]{{1,4}}|\d{{2}}))?)*,\s+nr\.\s+(?P<nr>\d+[a-z]?)"
    r"|\bkst-(?P<lit>\d{5}(?:-[\w]+)?-\d+[a-z]?)\b")
_RES = re.compile(
    r"\b(?:(?:VNVR|VN-Veiligheidsraad|Veiligheidsraad|VN-?VR)[-\s]?[Rr]esolutie|[Rr]esolutie)\s+(?P<n>\d{3,4})"
    r"(?P<vr>\s+(?:van\s+de\s+)?(?:VN-)?Veiligheidsraad)?")
_NAME = r"(?:(?:Van|De|Den|Ter|El)\s(?:(?:de|der|den)\s)?)?[A-Z][a-zà-ÿ’'-]+(?:-[A-Z][a-zà-ÿ]+)*"
_MOTIE = re.compile(
    rf"\b(?:de\s+)?[Mm]oties?\s+(?:van\s+(?:het\s+lid|de\s+leden)\s+)?{_NAME}(?:\s+c\.s\.)?"
    rf"(?:(?:,\s+|\s+en\s+){_NAME}(?:\s+c\.s\.)?)*(?:\s*\((?:Kamerstuk\s+)?[^()]{{0,40}}nr\.\s*\d+\))?")
_MEETING = r"(?:[Aa]lgemeen\s+[Oo]verleg|[Cc]ommissiedebat|[Nn]otaoverleg|[Ww]etgevingsoverleg|[Pp]lenair\s+debat|[Dd]ebat|[Ss]chriftelijk\s+[Oo]verleg)"
_COMMIT = re.compile(
    rf"\b(?:[Tt]oezegging|toegezegd)\b[^.;]{{0,80}}?\b(?:tijdens|in|bij)\s+het\s+(?P<meet>{_MEETING}(?:\s+(?:over|inzake)\s+[^.;]{{0,60}}?)?\s+(?:op|van)\s+{DATE.pattern})")
_MEET = re.compile(rf"\b{_MEETING}(?:\s+(?:over|inzake)\s+[^.;]{{0,60}}?)?\s+(?:op|van)\s+{DATE.pattern}")
_TREATY_FORMS = tuple(lexicon.treaties())
_TREATY_LEX = re.compile("(?:" + lexicon.alternation(_TREATY_FORMS) + r")(?![\w-])")
_TREATY_PRE = ("erdrag", "kkoord", "vereenkomst", "andvest", "rotocol", "afspraken")  # in every _TREATY match
_TREATY = re.compile(
    r"\b(?:[Vv]erdrag|[Aa]kkoord(?:en)?|[Oo]vereenkomst|[Hh]andvest|[Pp]rotocol)\s+(?:van|inzake|betreffende)\s+"
    r"(?:de\s+|het\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*"
    r"|\b[A-Z][\w]*-(?:verdrag|akkoord(?:en)?|afspraken)\b")
# _TREATY's two alternatives apart (see cueindex.leftmost): the first tried where its noun occurs, the
# second led by its capital with the word-start test after it, so that the engine skips ahead to one
_TREATY_NOUNS = ("Verdrag", "verdrag", "Akkoord", "akkoord", "Overeenkomst", "overeenkomst", "Handvest", "handvest",
                 "Protocol", "protocol")
_TREATY_NAMED = re.compile(
    r"\b(?:[Vv]erdrag|[Aa]kkoord(?:en)?|[Oo]vereenkomst|[Hh]andvest|[Pp]rotocol)\s+(?:van|inzake|betreffende)\s+"
    r"(?:de\s+|het\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*")
_TREATY_HYPHEN = re.compile(r"[A-Z](?<!\w[A-Z])[\w]*-(?:verdrag|akkoord(?:en)?|afspraken)\b")
_LAW = re.compile(
    r"\b(?:Wet|Rijkswet|Kaderwet)\s+(?:[a-zà-ÿ][\w-]*\s+){0,7}?[a-zà-ÿ\w-]*[a-zà-ÿ](?:\s+(?:19|20)\d\d)?(?=\s*[,.;:()]|\s+(?:is|wordt|werd|zal|en|in|van\s+\d))"
    r"|\b[A-Z][a-zà-ÿ]+wet(?:\s+(?:19|20)\d\d)?\b")
_DOC = re.compile(r"\bartikel[\s-]100[\s-]?brief\b|\bBNC-fiche\b|\b[Kk]abinetsappreciatie\b")


def _kst_target(m: re.Match) -> str:
    if m.group("lit"):
        return "kst-" + m.group("lit")
    dos = m.group("dos").replace(" ", "")
    suf = m.group("suf")
    return f"kst-{dos}" + (f"-{suf}" if suf else "") + f"-{m.group('nr')}"


def find(doc: Document) -> list[Reference]:
    out: list[Reference] = []
    seen: set[tuple] = set()

    def add(kind, text, target=None, date=None):
        key = (kind, text, target, date)
        if key not in seen:
            seen.add(key)
            out.append(reference(kind, text, target, date))

    # the treaty patterns are tested once on the whole text: most documents name no treaty at all
    # (both need no newline to match, so a paragraph can match only if the whole text does)
    paras = [p for _, _, p in doc.paragraphs()]
    joined = Joined(paras)
    whole = joined.text
    # the treaty names of each paragraph, from one scan of the whole text: no name spans a newline, so
    # the whole text's matches inside a paragraph are the paragraph's own
    named_in: dict[int, list] = {}
    for m in _TREATY_LEX.finditer(whole):
        pi, at = joined.locate(m.start())
        named_in.setdefault(pi, []).append((at, m.group()))
    # each paragraph's cheap substring tests, asked first of the whole text (a paragraph holds a word
    # only if the whole text does): most documents hold no reference of most kinds at all
    kst = "nr." in whole or "kst-" in whole
    res = "esolutie" in whole
    mot = "otie" in whole
    com = "oezegging" in whole or "toegezegd" in whole
    meet = "verleg" in whole or "ebat" in whole
    treaty_pre = any(map(whole.__contains__, _TREATY_PRE))
    law = "wet" in whole or "Wet" in whole
    docs = ("artikel" in whole and "100" in whole) or "BNC-fiche" in whole or "abinetsappreciatie" in whole
    for pi, para in enumerate(paras):
        for m in (_KST.finditer(para) if kst and ("nr." in para or "kst-" in para) else ()):
            add("kamerstuk", m.group(), _kst_target(m))
        for m in (_RES.finditer(para) if res and "esolutie" in para else ()):
            un = m.group(0).lower().startswith(("vnvr", "vn-v", "veil", "vn")) or m.group("vr")
            add("resolution", m.group(0), f"UNSCR {m.group('n')}" if un else None)
        for m in (_MOTIE.finditer(para) if mot and "otie" in para else ()):
            k = _KST.search(m.group())
            add("motie", m.group(), _kst_target(k) if k else None)
        for m in (_COMMIT.finditer(para) if com and ("oezegging" in para or "toegezegd" in para) else ()):
            add("commitment", m.group())
        for m in (_MEET.finditer(para) if meet and ("verleg" in para or "ebat" in para) else ()):
            dm = DATE.search(m.group())
            start, _ = resolve(dm, doc.date) if dm else (None, None)
            add("meeting", m.group(), date=start)
        for start, name in named_in.get(pi, ()):
            if start == 0 or not para[start - 1].isalnum():
                add("treaty", name)
        if treaty_pre and any(map(para.__contains__, _TREATY_PRE)):
            named = at_literals(_TREATY_NAMED, para, _TREATY_NOUNS)
            for m in leftmost(([named] if named else []) + [lambda pos: _TREATY_HYPHEN.search(para, pos)]):
                add("treaty", m.group())
        for m in (_LAW.finditer(para) if law and ("wet" in para or "Wet" in para) else ()):
            add("law", m.group())
        for m in (_DOC.finditer(para) if docs and (("artikel" in para and "100" in para) or "BNC-fiche" in para
                                                   or "abinetsappreciatie" in para) else ()):
            add("document", m.group())
    return out
