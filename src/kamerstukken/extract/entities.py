"""Entities: countries, organisations, places and persons, with mentions as paragraph offsets.

Lexicon forms are matched by one alternation regex per kind family (built from the data files at
import); bodies with a regular Dutch form (`vaste commissie voor …`, `Raad …`, `Ministerie van …`,
`…-fractie`) and persons (`Generaal Campbell`, `A.G. Koenders`, `Pavlo Klimkin, Minister van …`)
are matched by patterns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..model import Document, Entity
from . import lexicon
from .records import entity, mention
from .cueindex import Joined, TokenFacts, TokenGate, TokenIndex, at_literals, leftmost, matches_at

# --- lexicon forms: one regex --------------------------------------------------------------------
_TERMS = lexicon.terms()
# no leading look-behind: a pattern that starts with its trie scans fast; the word start is checked in Python
_LEX = re.compile("(?:" + lexicon.alternation(_TERMS) + r")(?![\w])")
# _LEX split by the case of a form's first letter: the regex engine skips ahead to a character that can
# start a match, and the few forms that start lower case ("eurozone", "ministerraad") would make that every
# "e" and "a"; they are found by substring instead (see _lex_iter)
_LOWER_FORMS = sorted(f for f in _TERMS if f[:1].islower())
_LEX_UPPER = re.compile("(?:" + lexicon.alternation([f for f in _TERMS if not f[:1].islower()]) + r")(?![\w])")
_LEX_LOWER = re.compile("(?:" + lexicon.alternation(_LOWER_FORMS) + r")(?![\w])")
_PLACES = lexicon.place_names()
# uninflected adjectives of nationality ("het Kroatisch voorzitterschap"): only before these nouns,
# since alone they are also names of languages (Frans, Engels) and first names
_UNINFLECTED = {f[:-3] + "ees" if f.endswith("ese") else f[:-1]: t for f, t in _TERMS.items() if t.adjective}
_P_ADJ_NEUTER = re.compile(
    "(?P<adj>" + lexicon.alternation(_UNINFLECTED) + r")\s+(?:[Vv]oorzitterschap|kabinet|parlement|regering)\b")
_KAMERLEDEN = lexicon.kamerleden()
_KL = re.compile("(?:" + lexicon.alternation(_KAMERLEDEN) + r")(?![\w])")

# --- name building blocks ------------------------------------------------------------------------
UP = "A-ZÀ-ÖØ-Ý"
LOW = "a-zß-öø-ÿ"
_CAPW = rf"[{UP}][{LOW}’']+(?:-(?:(?:van|de|der|den) )*[{UP}]?[{LOW}]+)*"
_TV_CAP = r"(?:(?:Van|De|Den|Ter|Ten|Op|El|Le|La|Da|Di|Du|Von)\s(?:(?:de|der|den|het|van|'t)\s)?)"
_TV_LOW = r"(?:(?:van|de|den|ter|ten|op|le|la|da|di|du|von)\s(?:(?:de|der|den|het|van|'t)\s)?)"
_INITIALS = rf"(?:[{UP}][{LOW}]{{0,2}}\.\s?){{1,5}}"
# _INITIALS after its first capital: patterns that match that capital first, with the look-behind after
# it, start with a character class, which the regex engine skips to instead of trying every character
_INITIALS_REST = rf"[{LOW}]{{0,2}}\.\s?(?:[{UP}][{LOW}]{{0,2}}\.\s?){{0,4}}"
# words that end an office, never a surname ("Minister van Buitenlandse Zaken")
_OFFICE_WORDS = (
    "Zaken|Defensie|Financiën|Raad|Commissie|Unie|Justitie|Veiligheid|Waterstaat|Milieu|Economie|"
    "Ontwikkelingssamenwerking|Handel|Mensenrechten|Landbouw|Natuur|Onderwijs|Cultuur|Wetenschap|"
    "Werkgelegenheid|Volksgezondheid|Sport|Welzijn|Migratie|Asiel|Klimaat|Groei|Energie|Infrastructuur|"
    "Koninkrijksrelaties|Rechtsbescherming|Stikstof|Medische|Zorg|Wonen|Ruimtelijke|Ordening|Innovatie|"
    "Voedselkwaliteit|Visserij|Immigratie|Integratie|Binnenlandse|Buitenlandse|Europese|Algemene|Sociale|"
    "Economische|Verenigde|Naties|Staten|Resolute|Support|Kamer|NAVO|VN|EU|Wereldbank|Eurogroep|"
    # a title starts a new name, it is never part of one ("…, Generaal Campbell")
    "Generaal|Minister|Staatssecretaris|President|Premier|Commandant|Voorzitter|Commissaris|Eurocommissaris|"
    "Kanselier|Koning|Koningin|Ambassadeur|Secretaris-Generaal|Hoge|De|Het|Een|Dit|Deze"
)
_SURNAME = rf"(?:{_TV_CAP}?(?!(?:{_OFFICE_WORDS})\b){_CAPW}(?:\s(?!(?:{_OFFICE_WORDS})\b)[{UP}][{LOW}]+(?:-[{UP}][{LOW}]+)?)?)"
_FULLNAME = rf"(?:{_INITIALS}{_TV_LOW}?{_CAPW}|{_SURNAME})"

def _cased(role: str) -> list[str]:
    """A role as it is written: lower case, capitalised, or every part capitalised
    ("secretaris-generaal", "Secretaris-generaal", "Secretaris-Generaal")."""
    title = re.sub(r"(^|[\s-])(\w)", lambda m: m.group(1) + m.group(2).upper(), role)
    return [role, role[:1].upper() + role[1:], title]


# the roles of data/roles.txt, plus forms of address that precede a name
_TITLE_FORMS = sorted(set([f for r in lexicon.roles() for f in _cased(r)]
                          + ["de heer", "mevrouw", "Mevrouw", "dhr.", "mw.", "dr.", "prof.", "het lid", "de leden"]))
_TITLE = "(?:" + lexicon.alternation(_TITLE_FORMS) + ")"
_OFFICE = rf"(?:\s(?:van|voor)\s(?:de\s|het\s)?(?:[{UP}][\w-]*(?:\s(?:en\s)?|,\s)){{1,6}}?)"
_P_TITLE = re.compile(
    rf"(?<![\w])(?P<role>{_TITLE})(?:{_OFFICE}(?:,\s)?|,\s|\s)(?P<name>{_FULLNAME})(?![\w])(?!\s[{UP}][{LOW}])"
)
_ADJ_TITLE = re.compile(rf"(?P<adj>[{UP}][{LOW}]+e)\s+{_TITLE.replace('(?:', '(?:', 1)}")
# "De voorzitter van de commissie, Kuiken" / "De Minister van Financiën, W.B. Hoekstra" at a line end
_P_SIGN = re.compile(
    rf"(?:voorzitter|griffier|[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)[^,.\n:]{{0,90}},\s"
    rf"(?P<name>{_FULLNAME}|[{UP}][{LOW}]+\s{_CAPW})\s*(?=$|\n)"
)
# "Pavlo Klimkin, Minister van …", "Mário Centeno, de voorzitter van …"
_APPOS_ROLES = (r"(?:[Mm]inister|[Ss]taatssecretaris|[Vv]oorzitter|[Dd]irecteur-[Gg]eneraal|[Pp]resident|[Cc]ommissaris|"
                r"[Ss]ecretaris-[Gg]eneraal|[Aa]mbassadeur|[Pp]remier|[Ee]urocommissaris)")
_P_APPOS = re.compile(
    rf"(?P<name>[{UP}](?<![\w][{UP}])(?:[{LOW}]+\s{_TV_LOW}?{_CAPW}|{_INITIALS_REST}{_TV_LOW}?{_CAPW})),\s(?:de\s|het\s)?"
    rf"(?P<role>{_APPOS_ROLES})"
    rf"(?P<office>\s(?:van|voor)\s(?:de\s|het\s)?[{UP}][\w-]*(?:\s(?:en\s)?[{UP}][\w-]*)*)?"
)
# what follows the name in every _P_APPOS match: led by a literal comma, so a fast test before it
_APPOS_TAIL = re.compile(rf",\s(?:de\s|het\s)?{_APPOS_ROLES}")
# "Voorzitter: Jan Vos", "te weten: Spies, Samsom, Elias en Jansen"
_P_LIST = re.compile(r"(?:te weten|Voorzitter|Griffier|Aanwezig):\s(?P<list>[^\n.:]+)")
_LIST_ITEM = re.compile(rf"(?:^|,\s|\sen\s)(?P<name>{_FULLNAME}|[{UP}][{LOW}]+\s{_CAPW})(?=,|\sen\s|$|\s\()")
_P_MOTIE = re.compile(rf"\b(?:motie|moties|amendement)\s(?:van\shet\slid\s|van\sde\sleden\s)?(?P<name>{_SURNAME})\s(?:c\.s\.|en\s)")
# "de moties Van der Burg c.s. en Erkens c.s.": the later indieners
_P_CS = re.compile(rf"\bc\.s\.\d*(?:,|\s+en)\s+(?P<name>{_SURNAME})\s+c\.s\.")
# "het Kroatisch voorzitterschap": the uninflected adjective before a few neuter nouns
_P_INITIALS = re.compile(rf"(?P<name>[{UP}](?<![\w.][{UP}]){_INITIALS_REST}{_TV_LOW}?{_CAPW})(?![\w])")
_P_LEDEN = re.compile(rf"\b(?:de leden|het lid|leden)\s(?:{_SURNAME})(?:\s\([\w-]+\))?(?:,\s|\sen\s)(?P<name>{_SURNAME})")

# --- organisations by pattern --------------------------------------------------------------------
_CAPSEQ = rf"[{UP}][\w-]*(?:(?:,\s|\sen\s|\s)(?!Raad\b|van\b)[{UP}][\w-]*)*"
_P_ORG = re.compile(
    rf"(?P<org>(?:vaste|algemene)\s[Cc]ommissie\svoor\s{_CAPSEQ}"
    rf"|[Mm]inisterie\svan\s{_CAPSEQ}"
    rf"|Raad\s(?:voor\s)?(?!van\b){_CAPSEQ}"
    rf"|[{UP}][{LOW}]+-\sen\s[{UP}][{LOW}]+raad"
    rf"|(?<![\w-])[{UP}][{LOW}]+raad\b"
    rf"|(?<![\w-])[A-Z]{{2,5}}-Raad\b)"
)
# _P_ORG in two parts (see cueindex.leftmost): the branches that start lower case, tried where those words occur,
# and the rest led by its first capital, each look-behind moved after it
_ORG_LOWER_STARTS = ("vaste", "algemene", "ministerie")
_P_ORG_LOWER = re.compile(rf"(?P<org>(?:vaste|algemene)\s[Cc]ommissie\svoor\s{_CAPSEQ}|ministerie\svan\s{_CAPSEQ})")
_P_ORG_UPPER = re.compile(
    rf"(?P<org>[{UP}](?:(?<=M)inisterie\svan\s{_CAPSEQ}"
    rf"|(?<=R)aad\s(?:voor\s)?(?!van\b){_CAPSEQ}"
    rf"|[{LOW}]+-\sen\s[{UP}][{LOW}]+raad"
    rf"|(?<![\w-].)[{LOW}]+raad\b"
    rf"|(?<![\w-].)(?<=[A-Z])[A-Z]{{1,4}}-Raad\b))"
)
# a capitalised name run holding an organisation's head noun: "Centraal Bureau voor de Rijn- en
# Binnenvaart", "Transitiecomité Binnenvaart", "Derde Commissie", "High-Level Panel of Eminent Persons"
_HEAD_NOUNS = ("Comité", "comité", "Bureau", "Unie", "Commissie", "Panel", "Universiteit", "Werkgroep", "werkgroep",
               "Fonds", "Agentschap", "Bank", "Hof", "Tribunaal", "Instituut", "Centrum", "Stichting", "Vereniging",
               "Federatie", "Organisatie", "Dienst", "Autoriteit", "Schuttevaer", "Table", "Forum", "Council",
               "Agency", "Group", "Partnerschap", "Academie", "Planbureau")
_P_NAMED_ORG = re.compile(
    rf"(?<![\w-])(?P<org>[{UP}][\w-]*(?:\s(?:(?:voor|van|of|on|for|the|de|het|der)\s)*[{UP}][\w-]*|(?<=-)\sen\s[{UP}][\w-]*)+)"
    rf"|(?<![\w-])(?P<one>[{UP}][\w]*(?:comité|raad|bureau|fonds|agentschap))\s(?P<tail>[{UP}][\w-]+)")
# its two alternatives, each led by its first capital with the look-behind after it (see cueindex.leftmost)
_P_NAMED_RUN = re.compile(
    rf"(?P<org>[{UP}](?<![\w-][{UP}])[\w-]*(?:\s(?:(?:voor|van|of|on|for|the|de|het|der)\s)*[{UP}][\w-]*|(?<=-)\sen\s[{UP}][\w-]*)+)")
_P_NAMED_ONE = re.compile(
    rf"(?P<one>[{UP}](?<![\w-][{UP}])[\w]*(?:comité|raad|bureau|fonds|agentschap))\s(?P<tail>[{UP}][\w-]+)")
_ORG_STOP_START = re.compile(r"(?:De|Het|Een|In|Op|Dit|Deze|Bij|Met|Voor|Tijdens|Na|Over|Namens|Ook|Daarnaast|Verder)\s")
_PARTIES = "VVD|CDA|PvdA|SP|D66|GroenLinks-PvdA|GroenLinks|ChristenUnie|SGP|PVV|PvdD|DENK|FvD|FVD|JA21|BBB|NSC|Volt|50PLUS"
_P_PARTY = re.compile(rf"(?<![\w-])(?P<party>{_PARTIES})(?P<fractie>-fractie)?(?![\w])")
# (?<![\w-]) checked after the first capital, so that the pattern starts with a class the engine skips to
_P_ACRONYM = re.compile(r"(?P<acr>[A-Z](?<![\w-][A-Z])[A-Z0-9]{1,6})(?![\w])")
_ACRONYM_STOP = frozenset(
    "II III IV VI VII VIII IX XI XII XX BBP BNP BNI EUR USD COVID PDF HTML CO2 NB OK AO CS TK EK "
    "Q1 Q2 Q3 Q4 ICT MKB BTW HR IT NGO NGO's CEO AI GMO ETS "
    "COM SWD JOIN".split()  # the series of the European Commission's papers: "COM(2021) 752 final"
)
_P_LONGABBR = re.compile(
    rf"(?P<long>[{UP}][\w-]+(?:\s(?:van\sde\s|voor\sde\s|van\shet\s|en\s|voor\s|van\s)?[{UP}][\w-]+)*)\s\((?P<abbr>[A-Z][A-Za-z]{{1,7}})\)"
)
# the "(NAVO)" every _P_LONGABBR match ends in, led by a literal parenthesis (a fast test before it)
_ABBR_PAREN = re.compile(r"\((?<=\s\()[A-Z][A-Za-z]{1,7}\)")
_P_KAMER = re.compile(r"\b(?:[Uu]w|[Dd]e|der|Tweede)\sKamer\b")


_COUNCIL_NOISE = re.compile(r"\b(?:voor|van|de|het|en)\b|[,\s]")


def _council_key(name: str) -> str:
    return _COUNCIL_NOISE.sub("", name.lower())


_COUNCIL_KEYS = {_council_key(t.name): t.name for t in _TERMS.values() if t.kind == "organisation"}


@dataclass(slots=True)  # made by the hundred per document: slots make them cheaper
class Hit:
    start: int
    end: int
    name: str
    kind: str
    key: Optional[str] = None
    role: Optional[str] = None
    members: Optional[str] = None
    adjective: bool = False
    priority: int = 0  # lexicon beats pattern on equal span


def _word_start(text: str, i: int) -> bool:
    return i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_.")


_TRIGGERS: dict[str, set] = {}


def _family(name: str, words) -> str:
    """Register the fixed words of a costly pattern: a paragraph with none of them skips it."""
    for w in words:
        _TRIGGERS.setdefault(w, set()).add(name)
    return name


def _families(text: str, toks: set) -> set:
    """Which pattern families may match: the trigger words inside the text's tokens (`toks`, looked
    up once per token), plus the few triggers that hold a space, by substring where the tokens allow
    them. The set holds the other token facts too (see _TRIGGER_INDEX)."""
    out = _TRIGGER_INDEX.ids_of(toks)
    if "_SPACED" in out and " " in text:
        for w, fams in _SPACED_TRIGGERS.items():
            if not fams <= out and w in text:
                out |= fams
    return out


_TITLE_WORDS = _family("_TITLE_WORDS", ("inister", "taatssecretaris", "resident", "remier", "eneraal", "anselier", "ommissaris",
                "ertegenwoordiger", "ecretaris-", "oorzitter", "oning", "mbassadeur", "ezant", "heer", "evrouw",
                "dhr.", "mw.", "dr.", "prof.", "het lid", "de leden", "riffier", "ommandant"))
_SIGN_WORDS = _family("_SIGN_WORDS", ("oorzitter", "riffier", "inister", "taatssecretaris"))
_APPOS_WORDS = _family("_APPOS_WORDS", ("inister", "taatssecretaris", "oorzitter", "irecteur", "resident", "ommissaris", "ecretaris",
                "mbassadeur", "remier"))
_ORG_WORDS = _family("_ORG_WORDS", ("ommissie", "inisterie", "Raad", "raad"))
_PARTY_WORDS = _family("_PARTY_WORDS", _PARTIES.split("|"))
_INITIAL_PRE = re.compile(r"[A-Z][a-z]{0,2}\.\s?[A-Za-z]")
# the part of every _INITIAL_PRE match before its white space, in one token: a text whose tokens hold
# none is not searched
_INITIAL_TOKEN = TokenGate(re.compile(r"[A-Z][a-z]{0,2}\.(?:[A-Za-z]|$)").search)


_family("_HEAD_NOUNS", _HEAD_NOUNS + ("comité", "raad ", "bureau ", "fonds ", "agentschap "))
# a Kamerlid's name holds its last word: a paragraph without any of them skips the name list
_family("_KL", {f.split()[-1] for f in _KAMERLEDEN})
_HEAD_SET = frozenset(_HEAD_NOUNS)
_HEAD_ENDINGS = ("comité", "raad", "bureau", "fonds", "agentschap", "commissie")
# the lower-case lexicon forms hold their first word (see _lex_iter)
_family("_LEX_LOWER", {f.split()[0] for f in _LOWER_FORMS})
_SPACED_TRIGGERS = {w: frozenset(f) for w, f in _TRIGGERS.items() if " " in w}
# the title forms each title trigger occurs in: a paragraph's tokens say which forms it can hold, and
# _P_TITLE is tried only where those occur (every form holds a trigger; the two with a space are
# looked for by substring)
_TITLES_BY_TRIGGER = {w: {f for f in _TITLE_FORMS if w in f} for w in _TRIGGERS
                      if "_TITLE_WORDS" in _TRIGGERS[w] and " " not in w}
_TITLE_FORM_INDEX = TokenIndex(_TITLES_BY_TRIGGER)
_SPACED_TITLES = [f for f in _TITLE_FORMS if not _TITLE_FORM_INDEX.scan(f)]
# a title trigger found at i can only be part of a form that starts at i - k, k one of its offsets in
# the forms that hold it: a find per trigger then stands for a find per form (a dozen forms hold "inister")
_TITLE_OFFSETS = {w: sorted({k for f in forms for k in range(len(f)) if f.startswith(w, k)})
                  for w, forms in _TITLES_BY_TRIGGER.items()}
assert all(" " in f for f in _SPACED_TITLES), _SPACED_TITLES


def _kamer_iter(text: str):
    """The matches of `_P_KAMER.finditer(text)`: each ends in "Kamer" after one white-space character
    and "uw", "de", "der" or "Tweede", so it starts 3, 4 or 7 characters before a "Kamer"."""
    if len(text) < 400:
        return _P_KAMER.finditer(text)  # a short text is scanned faster than the occurrences are gathered
    starts = []
    i = text.find("Kamer")
    while i >= 0:
        starts += [j for j in (i - 7, i - 4, i - 3) if j >= 0]
        i = text.find("Kamer", i + 1)
    return matches_at(_P_KAMER, text, starts)


def _lex_iter(text: str, fams: set):
    """The matches of `_LEX.finditer(text)` (no position can start both an upper- and a lower-case form)."""
    low = at_literals(_LEX_LOWER, text, _LOWER_FORMS) if "_LEX_LOWER" in fams else None
    return _LEX_UPPER.finditer(text) if low is None else leftmost([lambda pos: _LEX_UPPER.search(text, pos), low])


def _org_iter(text: str, fams: Optional[set] = None):
    """The matches of `_P_ORG.finditer(text)` (`fams`, if given, is _families(text, …): the lower-case
    starts are looked for only where the tokens hold one)."""
    low = at_literals(_P_ORG_LOWER, text, _ORG_LOWER_STARTS) \
        if fams is None or not fams.isdisjoint(_ORG_LOWER_STARTS) else None
    return _P_ORG_UPPER.finditer(text) if low is None else leftmost([lambda pos: _P_ORG_UPPER.search(text, pos), low])


def _named_org_iter(text: str, fams: Optional[set] = None):
    """The matches of `_P_NAMED_ORG.finditer(text)`, from its two alternatives (see _P_NAMED_RUN); only
    the first where the tokens hold no word _P_NAMED_ONE can match (`fams`, if given, is _families(text, …))."""
    if fams is not None and "_ONE" not in fams:
        return _P_NAMED_RUN.finditer(text)
    return leftmost([lambda pos: _P_NAMED_RUN.search(text, pos), lambda pos: _P_NAMED_ONE.search(text, pos)])


_NAMED_COMMISSION = re.compile(r"\s(?:voor|van|inzake)\s")


# an uninflected adjective that ends where the text searched ends: searched back from a noun (_P_ADJ_NEUTER
# stays as the reference: tests/test_extract_entity_lookups.py)
_ADJ_AT_END = re.compile("(?:" + lexicon.alternation(_UNINFLECTED) + r")\Z")
_ADJ_LONGEST = max(map(len, _UNINFLECTED))


def _adj_neuter_matches(text: str) -> list[tuple[int, int]]:
    """(start, end) of the adjectives of `_P_ADJ_NEUTER.finditer(text)`, found back from its nouns
    rather than by a trie attempt at every capital: an adjective holds no white space, so it ends
    where the white space before a noun starts, and it starts at the leftmost place one can."""
    n = len(text)
    nouns = []  # (noun start, noun end)
    for noun in ("oorzitterschap", "kabinet", "parlement", "regering"):
        i = text.find(noun)
        while i >= 0:
            j = i + len(noun)
            if j == n or not (text[j].isalnum() or text[j] == "_"):  # the \b after the noun
                if noun != "oorzitterschap":
                    nouns.append((i, j))
                elif i and text[i - 1] in "Vv":
                    nouns.append((i - 1, j))
            i = text.find(noun, i + 1)
    out = []
    end = 0
    for i, j in sorted(nouns):
        q = i
        while q > 0 and text[q - 1].isspace():
            q -= 1
        if q < i:
            m = _ADJ_AT_END.search(text, max(end, q - _ADJ_LONGEST), q)
            if m:
                out.append((m.start(), q))
                end = j
    return out


# what a lexicon form's hit holds (name, kind, key, members, adjective), and whether it is a country
# named as a city too (Luxemburg), a place after "in"/"te": looked up once per match
_LEX_HIT = {f: (t.name, t.kind, t.key if t.kind == "country" else None, t.members, t.adjective,
                t.kind == "country" and t.name in _PLACES) for f, t in _TERMS.items()}


def _lex_hits(text: str, fams: set) -> list[Hit]:
    out = []
    if not fams.isdisjoint(_NEUTER_WORDS):
        for start, end in _adj_neuter_matches(text):
            t = _UNINFLECTED[text[start:end]]
            out.append(Hit(start, end, t.name, "country", t.key, adjective=True, priority=2))
    for m in _lex_iter(text, fams):  # a hundred and more per letter: the loop is kept tight
        start, end = m.span()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_."):
            continue  # not at a word start (_word_start)
        form = m.group()
        name, kind, key, members, adjective, city = _LEX_HIT[form]
        if form == "Commissie" and _NAMED_COMMISSION.match(text, end, end + 8):
            continue  # "de Commissie voor de Toetsing van …": a named commission, not the European one
        if city and text[max(0, start - 3):start] in ("in ", "te "):
            kind, key = "place", None
        out.append(Hit(start, end, name, kind, key, None, members, adjective, 2))
    for m in (_KL.finditer(text) if "_KL" in fams else ()):
        if not _word_start(text, m.start()):
            continue
        out.append(Hit(m.start(), m.end(), m.group(), "person", role="Kamerlid", priority=2))
    return out


def _new_acronym(tok: str) -> bool:
    """Whether a token holds an acronym that _org_hits keeps (not a stop word, not a lexicon form)."""
    for m in _P_ACRONYM.finditer(tok):
        a = m.group("acr")
        if not (a in _ACRONYM_STOP or a in _TERMS or a.isdigit()):
            return True
    return False


# Per token: the families of the trigger words inside it; the title triggers inside it, as ("title", w)
# (see _title_iter); _ACR if it holds an acronym _org_hits keeps (an acronym match holds no white space
# and is bounded by white space as well as by anything else, so a text's matches are its tokens' own);
# _INI if it can start initials (_INITIAL_TOKEN); _SPACED if it can end or start a spaced trigger
# ("Adviesraad ", "het lid"), which are then looked for by substring; _ONE if _P_NAMED_ONE can end in it;
# _PAREN if it starts with "(" and _COMMA if it ends in "," (a " (" or ", " in the text needs one); and
# each of _FACT_WORDS inside it
# words a paragraph's gates ask about (`"motie" in text`): none holds white space, so each is in the
# text just when it is in one of its tokens, and is answered from them
_NEUTER_WORDS = frozenset(("oorzitterschap", "kabinet", "regering", "parlement"))
_FACT_WORDS = _NEUTER_WORDS | {"Kamer", "motie", "amendement", "leden", "c.s.", ":", ",", *_ORG_LOWER_STARTS}
assert not any(w.startswith("_") or re.search(r"\s", w) for w in _FACT_WORDS)
# every _P_NAMED_ONE match has a word ending in one of these before its white space
_ONE_ENDS = ("comité", "raad", "bureau", "fonds", "agentschap")
_SPACED_ENDS = tuple(w[:-1] for w in _SPACED_TRIGGERS if w.endswith(" "))
_SPACED_STARTS = tuple(w.split(" ", 1)[1] for w in _SPACED_TRIGGERS if not w.endswith(" "))
assert len(_SPACED_ENDS) + len(_SPACED_STARTS) == len(_SPACED_TRIGGERS) and all(" " not in w for w in _SPACED_STARTS)
_TRIGGER_INDEX = TokenFacts(
    {w: _TRIGGERS.get(w, set()) | ({("title", w)} if w in _TITLES_BY_TRIGGER else set()) | ({w} if w in _FACT_WORDS else set())
     for w in {w for w in _TRIGGERS if " " not in w} | _FACT_WORDS},
    {"_ACR": _new_acronym, "_INI": _INITIAL_TOKEN.test,
     "_SPACED": lambda tok: tok.endswith(_SPACED_ENDS) or tok.startswith(_SPACED_STARTS),
     "_ONE": lambda tok: tok.endswith(_ONE_ENDS),
     "_PAREN": lambda tok: tok.startswith("("), "_COMMA": lambda tok: tok.endswith(",")})
_TITLE_IDS = frozenset(("title", w) for w in _TITLES_BY_TRIGGER)


def _org_hits(text: str, chamber: Optional[str], fams: set) -> list[Hit]:
    out = []
    for m in (_org_iter(text, fams) if _ORG_WORDS in fams else ()):
        name = m.group("org")
        if name.startswith("Raad") and len(name.split()) == 1:
            continue
        name = name[0].upper() + name[1:] if name.lower().startswith("ministerie") else name
        name = _COUNCIL_KEYS.get(_council_key(name), name)  # "Raad voor Werkgelegenheid en …" → the lexicon's
        end = m.end()
        while name[-1:].isdigit():  # a footnote marker glued on: "…Voedselkwaliteit1"
            name, end = name[:-1], end - 1
        out.append(Hit(m.start(), end, name, "organisation", priority=1))
    for m in (_named_org_iter(text, fams) if "_HEAD_NOUNS" in fams else ()):
        if m.re is _P_NAMED_ONE:
            out.append(Hit(m.start(), m.end(), m.group(), "organisation", priority=-1))
            continue
        name, start = m.group("org"), m.start()
        st = _ORG_STOP_START.match(name)
        if st:
            name, start = name[st.end():], start + st.end()
        if " " in name and name not in _TERMS:  # (most runs are two capitalised words: split only these)
            words = _WORD_PARTS.split(name)
            if any(w in _HEAD_SET for w in words) or any(w.endswith(_HEAD_ENDINGS) for w in words):
                out.append(Hit(start, start + len(name), name, "organisation", priority=-1))
    for m in (_P_PARTY.finditer(text) if _PARTY_WORDS in fams else ()):
        out.append(Hit(m.start("party"), m.end("party"), m.group("party"), "organisation", priority=1))
    for m in (_P_ACRONYM.finditer(text) if "_ACR" in fams else ()):
        a = m.group("acr")
        if a in _ACRONYM_STOP or a in _TERMS or a.isdigit():
            continue
        out.append(Hit(m.start(), m.end(), a, "organisation", priority=0))
    parens = list(_ABBR_PAREN.finditer(text)) if "_PAREN" in fams and " (" in text else None
    for m in (_longabbr_iter(text, parens) if parens else ()):
        long = m.group("long")
        if long in _TERMS or m.group("abbr") in _TERMS:
            continue
        words = long.split()
        # the long form ends the capitalised run: "het dagelijks bestuur van het Internationaal Monetair Fonds"
        if len(words) >= 1 and not long.startswith(("De ", "Het ", "Een ", "In ", "Op ")):
            out.append(Hit(m.start("long"), m.end("long"), long, "organisation", priority=0))
    house = lexicon.house(chamber)
    for m in (_kamer_iter(text) if "Kamer" in fams else ()):
        name = "Tweede Kamer" if m.group().startswith("Tweede") else house
        out.append(Hit(m.start(), m.end(), name, "organisation", members="leden", priority=0))
    return out


def _longabbr_from(text: str, paren: int) -> int:
    """Where a _P_LONGABBR match can start at the earliest, given the first "(" its "(NAVO)" can end in:
    the long form and the white space before the "(" hold only word characters, hyphens and white
    space, so a match starts after the last full stop or comma before that "(" (the pattern holds no
    look-behind: it matches from there as from the start)."""
    return max(text.rfind(".", 0, paren), text.rfind(",", 0, paren)) + 1


def _longabbr_iter(text: str, parens: list) -> list:
    """The matches of `_P_LONGABBR.finditer(text)`, `parens` those of `_ABBR_PAREN.finditer(text)`: every
    match ends in one of these, and its long form holds no full stop, comma or parenthesis, so it is
    searched for only in the stretch before each (a search on through the rest of the text backtracks
    over every run of capitalised words)."""
    out = []
    end = 0
    for p in parens:
        q = p.start()
        lo = max(end, _longabbr_from(text, q), text.rfind("(", 0, q) + 1, text.rfind(")", 0, q) + 1)
        m = _P_LONGABBR.search(text, lo, p.end())
        if m:
            out.append(m)
            end = m.end()
    return out


_WORD_PARTS = re.compile(r"[\s-]")
_ADJ_BEFORE = re.compile(r"(?P<adj>[A-Z][\w-]+e)\s+$")
# the title a role's text may end in, with commas and white space: "Commandant van Resolute Support, Generaal"
_ROLE_TAIL = re.compile(r"(?:,\s*)?(?:\s*\b(?:Generaal|Minister|President|Staatssecretaris)\s*)?[\s,]*$")
_REPRESENTED = re.compile(r"(?P<state>[A-Z][\w-]+)\s+werd\s+vertegenwoordigd\s+door\s+$")


def _with_state(text: str, start: int, role: str) -> str:
    """Add the state an official serves where the text says it: "de Afghaanse Minister …",
    "Oekraïne werd vertegenwoordigd door Pavlo Klimkin, Minister …"."""
    before = text[max(0, start - 60):start]
    m = _ADJ_BEFORE.search(before)
    if m and m.group("adj") in _TERMS and _TERMS[m.group("adj")].adjective:
        return f"{role}, {_TERMS[m.group('adj')].name}"
    m = _REPRESENTED.search(before)
    if m and m.group("state") in _TERMS and _TERMS[m.group("state")].kind == "country":
        return f"{role}, {_TERMS[m.group('state')].name}"
    return role


def _sign_from(text: str) -> int:
    """Where a _P_SIGN match can start at the earliest. Without a newline it ends at the end of the
    text, after the last comma (the name holds none), and its role and the up to 90 characters
    before that comma hold none either: so it starts at most 90 + 18 characters before the last comma."""
    if "\n" in text:
        return 0
    return max(0, text.rfind(",") - 120)


def _may_sign(text: str) -> bool:
    """Whether a _P_SIGN match can end the text: without a newline it must, and its name ends in a
    lower-case letter or an apostrophe, so a paragraph that ends in a full stop holds none."""
    if "\n" in text:
        return True
    last = text.rstrip()[-1:]
    return last.islower() or last in ("’", "'")


def _title_iter(text: str, toks: set, fams: Optional[set] = None):
    """The matches of `_P_TITLE.finditer(text)`, tried only where a title form can start: before each
    title trigger the tokens hold (see _TITLE_OFFSETS), and at the spaced forms. (`fams`, if given,
    is _families(text, toks).)"""
    starts = []
    for _, w in (_TRIGGER_INDEX.ids_of(toks) if fams is None else fams) & _TITLE_IDS:
        offsets = _TITLE_OFFSETS[w]
        i = text.find(w)
        while i >= 0:
            starts += [i - k for k in offsets if k <= i]
            i = text.find(w, i + 1)
    for f in _SPACED_TITLES:
        i = text.find(f)
        while i >= 0:
            starts.append(i)
            i = text.find(f, i + 1)
    return matches_at(_P_TITLE, text, starts)


def _person_hits(text: str, fams: set, toks: set) -> list[Hit]:
    out = []
    for m in (_title_iter(text, toks, fams) if _TITLE_WORDS in fams else ()):
        role = m.group("role")
        if role in ("de heer", "mevrouw", "het lid", "de leden", "dhr.", "mw.", "dr.", "prof."):
            role = "Kamerlid" if role in ("het lid", "de leden") else None
        else:
            # the office as written: "Commandant van Resolute Support, Generaal" → "Commandant van Resolute Support"
            role = _ROLE_TAIL.sub("", text[m.start("role"):m.start("name")]) or role
            role = _with_state(text, m.start("role"), role)
        name = m.group("name")
        out.append(Hit(m.start("name"), m.end("name"), name, "person", role=role, priority=1))
    todo = []
    if _SIGN_WORDS in fams and "," in fams and _may_sign(text):
        todo.append(_P_SIGN)
    if _APPOS_WORDS in fams and "_COMMA" in fams and ", " in text and _APPOS_TAIL.search(text):
        todo.append(_P_APPOS)
    if "motie" in fams or "amendement" in fams:  # in every _P_MOTIE match
        todo.append(_P_MOTIE)
    if "_INI" in fams and _INITIAL_PRE.search(text):
        todo.append(_P_INITIALS)
    if "leden" in fams or ("_SPACED" in fams and "het lid" in text):  # in every _P_LEDEN match
        todo.append(_P_LEDEN)
    if "c.s." in fams:
        todo.append(_P_CS)
    for rx in todo:
        for m in rx.finditer(text, _sign_from(text) if rx is _P_SIGN else 0):
            role = m.groupdict().get("role")
            if role and rx is _P_APPOS:
                role = _with_state(text, m.start("name"), role + (m.group("office") or ""))
            out.append(Hit(m.start("name"), m.end("name"), m.group("name"), "person", role=role, priority=1))
    for m in (_P_LIST.finditer(text) if ":" in fams else ()):
        base = m.start("list")
        label = text[m.start():m.start("list")].lower()
        role = "voorzitter" if label.startswith("voorzitter") else "griffier" if label.startswith("griffier") \
            else "Kamerlid"
        for it in _LIST_ITEM.finditer(m.group("list")):
            out.append(Hit(base + it.start("name"), base + it.end("name"), it.group("name"), "person",
                           role=role, priority=1))
    return out


def _select(hits: list[Hit]) -> list[Hit]:
    """Keep the longest hit where hits overlap (then the lexicon's)."""
    hits.sort(key=lambda h: (h.start, -(h.end - h.start), -h.priority))
    out: list[Hit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
    return out


# the hits of short paragraphs, by (text, chamber): fixed lines ("De Kamer,", "gehoord de beraadslaging,",
# "en gaat over tot de orde van de dag.") recur in every motie, and a short text costs its hits mostly in
# the fixed work of each pattern family. Hits are never changed after they are found: they are shared.
_SHORT = 80
_SHORT_HITS: dict[tuple, tuple] = {}


def paragraph_hits(text: str, chamber: Optional[str] = None, toks: Optional[set] = None) -> list[Hit]:
    """All entity hits in one paragraph, in text order: the longest where they overlap, plus a body
    named inside a longer name ("… van de Verenigde Naties")."""
    if len(text) > _SHORT:
        return _paragraph_hits(text, chamber, toks)
    got = _SHORT_HITS.get((text, chamber))
    if got is None:
        if len(_SHORT_HITS) >= 20_000:  # a long-running process sees many short texts once
            _SHORT_HITS.clear()
        got = _SHORT_HITS[(text, chamber)] = tuple(_paragraph_hits(text, chamber, toks))
    return list(got)


_URL = re.compile(r"(?:https?://|www\.)\S+")


def _paragraph_hits(text: str, chamber: Optional[str], toks: Optional[set]) -> list[Hit]:
    if toks is None:  # the set of the text's whitespace tokens
        toks = set(text.split())
    fams = _families(text, toks)
    hits = _lex_hits(text, fams) + _org_hits(text, chamber, fams) + _person_hits(text, fams, toks)
    if "://" in text or "www." in text:  # nothing in a web address names anyone ("…/legal-content/EN/TXT/…")
        urls = [m.span() for m in _URL.finditer(text)]
        hits = [h for h in hits if not any(a < h.end and h.start < b for a, b in urls)]
    # a name run found only by its head noun never displaces a known name: it fills gaps
    weak = [h for h in hits if h.priority < 0]
    out = _select([h for h in hits if h.priority >= 0])
    for h in weak:
        inside = [o for o in out if not (h.end <= o.start or h.start >= o.end)]
        # it may take the place of an organisation it contains ("Binnenvaart Branche Unie" ⊃ "Unie")
        if all(o.kind == "organisation" and h.start <= o.start and o.end <= h.end
               and (o.priority < 2 or o.end - o.start <= 6) for o in inside):
            out = [o for o in out if o not in inside] + [h]
    if weak:
        out.sort(key=lambda h: (h.start, -(h.end - h.start)))
    nested = []
    for h in out:
        if h.kind == "organisation" and " van " in text[h.start:h.end]:
            for m in _LEX.finditer(text, h.start + 1, h.end):
                t = _TERMS[m.group()]
                if t.name != h.name and _word_start(text, m.start()) and t.kind in ("organisation", "country"):
                    nested.append(Hit(m.start(), m.end(), t.name, t.kind, t.key if t.kind == "country" else None,
                                      members=t.members, adjective=t.adjective, priority=2))
    if nested:
        out = sorted(out + nested, key=lambda h: (h.start, -(h.end - h.start)))
    return out


def _occurrences(text: str, forms, by_pattern: Optional[bool] = None) -> list[tuple[int, str]]:
    """(offset, form) of each form in the text, form by form, each form's from left to right without overlap.

    A str.find pass per form costs about 0.6 ns a character; one trie pattern of all forms costs about
    45 µs a form to compile and 9 ns a character to scan, so it is used only where the text and the
    list of forms are both long (a debate of half a million characters naming a hundred persons)."""
    if by_pattern is None:
        by_pattern = len(forms) * len(text) * 0.6 > 2 * (len(forms) * 45_000 + len(text) * 9)
    if by_pattern and forms:
        return _occurrences_by_pattern(text, forms)
    out = []
    for form in forms:
        i = text.find(form)
        while i >= 0:
            out.append((i, form))
            i = text.find(form, i + len(form))
    return out


def _occurrences_by_pattern(text: str, forms) -> list[tuple[int, str]]:
    """_occurrences by one scan: at each character that can start a form, the longest form there (a trie
    in a look-ahead, inside a one-character look-behind, so that the pattern starts with a character
    class the engine skips to), and the shorter forms that are its prefixes; then each form's
    occurrences without overlap, in the order of `forms`."""
    heads = "".join(sorted({re.escape(f[0]) for f in forms}))
    rx = re.compile("[" + heads + "](?<=(?=(" + lexicon.alternation(forms) + ")).)")
    prefixes = {f: [g for g in forms if f.startswith(g)] for f in forms}
    at: dict[str, list[int]] = {}
    for m in rx.finditer(text):
        for g in prefixes[m.group(1)]:
            at.setdefault(g, []).append(m.start())
    out = []
    for form in forms:
        end = 0
        for i in at.get(form, ()):  # ascending
            if i >= end:
                out.append((i, form))
                end = i + len(form)
    return out


def add_known_all(doc: Document, hits_by_paragraph: dict, known, known_names: dict) -> dict:
    """add_known for every paragraph, each form looked for once in the whole text rather than once in
    every paragraph (a debate names a hundred persons in a thousand paragraphs). The paragraphs are
    joined by NUL, which no form holds, so a form's occurrences inside a paragraph are the paragraph's own."""
    keys, paras = [], []
    for si, pi, p in doc.paragraphs():
        keys.append((si, pi))
        paras.append(p)
    whole = Joined(paras, "\0")
    if whole.text.count("\0") != max(0, len(paras) - 1) or any("\0" in f for f in known):  # (none after reading)
        return {k: add_known(p, hits_by_paragraph[k], known, known_names) for k, p in zip(keys, paras)}
    found: list[list] = [[] for _ in paras]
    for i, form in _occurrences(whole.text, known):
        k, at = whole.locate(i)
        found[k].append((at, form))
    return {k: add_known(p, hits_by_paragraph[k], known, known_names, f) for k, p, f in zip(keys, paras, found)}


def add_known(text: str, hits: list[Hit], known, known_names: dict, found: Optional[list] = None) -> list[Hit]:
    """Add the bare surnames of persons found elsewhere in the document to a paragraph's hits
    (a few str.find calls: compiling a pattern per document would cost more than the search);
    `found`, if given, are the forms' occurrences in the text (_occurrences)."""
    extra = []
    for i, form in (_occurrences(text, known) if found is None else found):
        j = i + len(form)
        if _word_start(text, i) and (j == len(text) or not text[j].isalnum()):
            extra.append(Hit(i, j, known_names[form], "person", priority=0))
    if not extra:
        return hits
    taken = [(h.start, h.end) for h in hits]
    kept = []
    for x in sorted(extra, key=lambda h: (h.start, h.start - h.end)):
        if all(x.end <= a or x.start >= b for a, b in taken):
            kept.append(x)
            taken.append((x.start, x.end))
    extra = kept
    return sorted(hits + extra, key=lambda h: (h.start, -(h.end - h.start))) if extra else hits


def known_persons(hits_by_paragraph: dict) -> tuple[Optional[list], dict]:
    """A pattern of the surnames of the persons found, to find their later bare mentions."""
    names: dict[str, str] = {}
    for hits in hits_by_paragraph.values():
        for h in hits:
            if h.kind == "person":
                last = re.split(r"\s|\.", h.name)[-1]
                if len(last) > 3 and last[0].isupper():
                    names.setdefault(last, h.name)
                names.setdefault(h.name, h.name)
    if not names:
        return None, {}
    # longest first, so that "Van der Staaij" is taken before "Staaij"
    return sorted(names, key=len, reverse=True), names


def find(doc: Document, hits_by_paragraph: dict) -> list[Entity]:
    """Entities of the document from the per-paragraph hits, plus the masthead's place and signers."""
    ents: dict[tuple[str, str], Entity] = {}

    functions = lexicon.kamerlid_functions()

    def get(name: str, kind: str, key=None, role=None) -> Entity:
        if kind == "person" and (not role or role == "Kamerlid") and name in functions:
            role = functions[name]  # "Tweede Kamerlid", "Oud Kamerlid" from the open data
        e = ents.get((kind, name))
        if e is None:
            e = ents[(kind, name)] = entity(name, kind, key, role)
        elif role and not e.role:
            e.role = role
        return e

    for (si, pi), hits in hits_by_paragraph.items():
        para = doc.sections[si].paragraphs[pi]
        for h in hits:
            e = ents.get((h.kind, h.name))
            if e is None or (not e.role and (h.role or (h.kind == "person" and h.name in functions))):
                e = get(h.name, h.kind, h.key, h.role)  # new, or a role to fill in (else get would change nothing)
            e.mentions.append(mention(si, pi, h.start, h.end, para[h.start:h.end]))
            if h.kind == "organisation" and h.name.endswith("-fractie"):
                get(h.name[:-8], "organisation")
    if doc.place:
        get(doc.place, "place")
    for s in doc.signatories:
        get(s.name, "person", role=s.role)
    if doc.addressee and "Kamer" in doc.addressee:
        get("Eerste Kamer" if "Eerste" in doc.addressee else "Tweede Kamer", "organisation")
    return list(ents.values())
