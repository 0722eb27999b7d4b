"""References: Kamerstukken, UN resolutions, moties, commitments (toezeggingen), meetings,
treaties, laws and named documents (`artikel 100-brief`)."""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Document, Reference
from . import lexicon
from .cueindex import Joined, at_positions, leftmost, matches_at
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
# (literal, k): every match of the pattern starts k characters before an occurrence of one of the
# literals, so it is tried only there (see _tried_at) rather than searched for at every "d", "o", "v" …
_MEET_AT = (("lgemeen", 1), ("ommissiedebat", 1), ("otaoverleg", 1), ("etgevingsoverleg", 1), ("lenair", 1),
            ("ebat", 1), ("chriftelijk", 1))
_COMMIT_AT = (("oezegging", 1), ("toegezegd", 0))
_RES_AT = (("VN", 0), ("Veiligheidsraad", 0), ("esolutie", 1))
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
_HYPHEN_NOUNS = ("-verdrag", "-akkoord", "-afspraken")  # one is in every _TREATY_HYPHEN match


def _offsets(words, forms) -> dict[str, tuple]:
    """word → the offsets of its occurrences in `forms`: a form found in a text starts at one of them
    before an occurrence of the word."""
    return {w: tuple(sorted({i for f in forms for i in range(len(f)) if f.startswith(w, i)})) for w in words}


# one of these words is in every treaty name of the lexicon, and one of _TREATY_PRE in every noun
# _TREATY_NAMED starts with: both are tried only that far before the words' occurrences
_TREATY_WORDS = _TREATY_PRE + ("Document", "EVRM", "Statuut", "START", "JCPOA")
_FORM_OFFSETS = _offsets(_TREATY_WORDS, _TREATY_FORMS)
_NOUN_OFFSETS = _offsets(_TREATY_PRE, _TREATY_NOUNS)
assert all(any(w in f for w in _TREATY_WORDS) for f in _TREATY_FORMS)
assert all(any(w in f for w in _TREATY_PRE) for f in _TREATY_NOUNS)
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


def _tried_at(rx: re.Pattern, text: str, at) -> list:
    """The matches of `rx.finditer(text)` for a pattern whose matches all start k characters before
    an occurrence of a literal, `at` the (literal, k) pairs: tried only there, in text order."""
    starts = set()
    for w, k in at:
        i = text.find(w, k)
        while i >= 0:
            starts.add(i - k)
            i = text.find(w, i + 1)
    return matches_at(rx, text, starts)


def _holding(joined: Joined, words) -> set[int]:
    """The indices of the parts of `joined` that hold one of `words` (which hold no newline): one
    scan of the whole text per word, skipping to the next part after each hit, rather than a test of
    every part (and of the whole first)."""
    text, starts = joined.text, joined.starts
    n = len(starts)
    out: set[int] = set()
    for w in words:
        i = text.find(w)
        while i >= 0:
            k = bisect_right(starts, i) - 1
            out.add(k)
            if k + 1 >= n:
                break
            i = text.find(w, starts[k + 1])
    return out


def find(doc: Document) -> list[Reference]:
    out: list[Reference] = []
    seen: set[tuple] = set()

    def add(kind, text, target=None, date=None):
        key = (kind, text, target, date)
        if key not in seen:
            seen.add(key)
            out.append(reference(kind, text, target, date))

    paras = [p for _, _, p in doc.paragraphs()]
    joined = Joined(paras)
    # the paragraphs that hold the words each kind of reference needs: most documents hold no
    # reference of most kinds at all
    kst = _holding(joined, ("nr.", "kst-"))
    res = _holding(joined, ("esolutie",))
    mot = _holding(joined, ("otie",))
    com = _holding(joined, ("ezeg",))  # in "toezegging" and "toegezegd" (_COMMIT_AT then looks for both)
    meet = _holding(joined, ("verleg", "ebat"))
    # each paragraph's treaty words, (word, offset), from one scan of the whole text per word
    treaty_words: dict[int, list] = {}
    whole = joined.text
    for w in _TREATY_WORDS:
        i = whole.find(w)
        while i >= 0:
            k, at = joined.locate(i)
            treaty_words.setdefault(k, []).append((w, at))
            i = whole.find(w, i + 1)
    law = _holding(joined, ("wet", "Wet"))
    article = _holding(joined, ("artikel",))
    docs = (article & _holding(joined, ("100",)) if article else set()) | _holding(joined, ("BNC-fiche", "abinetsappreciatie"))
    for pi, para in enumerate(paras):
        for m in (_KST.finditer(para) if pi in kst else ()):
            add("kamerstuk", m.group(), _kst_target(m))
        for m in (_tried_at(_RES, para, _RES_AT) if pi in res else ()):
            un = m.group(0).lower().startswith(("vnvr", "vn-v", "veil", "vn")) or m.group("vr")
            add("resolution", m.group(0), f"UNSCR {m.group('n')}" if un else None)
        for m in (_MOTIE.finditer(para) if pi in mot else ()):
            k = _KST.search(m.group())
            add("motie", m.group(), _kst_target(k) if k else None)
        for m in (_tried_at(_COMMIT, para, _COMMIT_AT) if pi in com else ()):
            add("commitment", m.group())
        for m in (_tried_at(_MEET, para, _MEET_AT) if pi in meet else ()):
            dm = DATE.search(m.group())
            start, _ = resolve(dm, doc.date) if dm else (None, None)
            add("meeting", m.group(), date=start)
        words = treaty_words.get(pi, ())
        starts = [at - k for w, at in words for k in _FORM_OFFSETS[w] if k <= at]
        for m in (matches_at(_TREATY_LEX, para, starts) if starts else ()):
            if m.start() == 0 or not para[m.start() - 1].isalnum():
                add("treaty", m.group())
        if any(w in _NOUN_OFFSETS for w, _ in words):  # (the paragraph holds a word of _TREATY_PRE)
            starts = [at - k for w, at in words for k in _NOUN_OFFSETS.get(w, ()) if k <= at]
            named = at_positions(_TREATY_NAMED, para, starts) if starts else None
            hyphen = any(map(para.__contains__, _HYPHEN_NOUNS))
            if named and not hyphen:
                for m in leftmost([named]):
                    add("treaty", m.group())
            elif named or hyphen:
                for m in leftmost(([named] if named else []) + [lambda pos: _TREATY_HYPHEN.search(para, pos)]):
                    add("treaty", m.group())
        for m in (_LAW.finditer(para) if pi in law else ()):
            add("law", m.group())
        for m in (_DOC.finditer(para) if pi in docs else ()):
            add("document", m.group())
    return out
