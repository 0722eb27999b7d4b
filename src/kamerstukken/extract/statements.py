"""Statements: who took a position, decided, promised, asked or worried — one per sentence and kind.

A cue (data/cues.tsv) says the kind; Dutch clause structure says the actor:
- main clause, subject first: `Nederland benadrukte …`, `De meeste Bondgenoten kwamen …`;
- inversion after an adverbial: `Daarnaast heeft de NAVO …`, `Voorts benadrukte Nederland …`;
- subordinate clause: the subject follows the conjunction: `… dat de VS … zal benaderen`;
- passive without agent (`is besloten`, `werd steun uitgesproken`): a decision is the body's whose
  meeting is reported; another kind continues the paragraph's last actor, else the writer (Nederland).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Optional

from ..model import Document, Statement
from . import lexicon
from .records import statement
from .entities import Hit
from .cueindex import CueIndex, TokenFacts, WordGate, at_literals, at_positions, first_match, leads, leftmost
from .sentences import spans

# --- cues ------------------------------------------------------------------------------------------
_CUES: dict[str, list[tuple[str, re.Pattern]]] = {}
for _kind, _items in lexicon.cues().items():
    _CUES[_kind] = [(fam, re.compile(rx, re.I if fam != "inform" else 0)) for fam, rx in _items]
# every cue, flat, and the index that says which of them can match a text (one trie scan)
_ALL_CUES = [(kind, fam, rx) for kind, items in _CUES.items() for fam, rx in items]
_INDEX = CueIndex([rx.pattern for _, _, rx in _ALL_CUES])
# the literals each cue's matches begin with: the cue is tried only where one occurs
_LEADS = [leads(rx.pattern) for _, _, rx in _ALL_CUES]
_CUE_ROWS = [(kind, fam, rx, lead) for (kind, fam, rx), lead in zip(_ALL_CUES, _LEADS)]
KIND_ORDER = ("position", "decision", "commitment", "request", "concern")

# --- clause structure ------------------------------------------------------------------------------
# `[,\s](?:(?<=,)\s*)?` is `(?:,\s*|\s)` written to start with a character class, which the regex
# engine skips to directly instead of trying the whole pattern at every character
# (the conjunctions as a trie: the same matches, since at most one of them can be followed by white space
# at a place, and fewer steps for the engine at each white space)
_CONJUNCTIONS = ("dat om omdat zodat indien wanneer terwijl hoewel nadat voordat waarin waarbij waarmee waardoor "
                 "die of").split()
_SUBORD = re.compile(r"[,\s](?:(?<=,)\s*)?(?P<conj>" + lexicon.alternation(_CONJUNCTIONS) + r")\s", re.I)
# where a main clause resumes: after a coordinator, or after a comma that closes a fronted clause
# and is followed by the finite verb ("Gezien de steun die … bestaat, is besloten dat …")
_COORD = re.compile(r"(?:,\s+(?:maar|en|doch)\s|;\s|:\s|,\s+(?:waarna|zo)\s"
                    r"|,\s+(?=(?:is|zijn|was|waren|werd|werden|wordt|worden|heeft|hebben|had|zal|zullen|kan|moet)\s))")
_DEMONSTRATIVE = re.compile(r"(?:betreft|is|was|zal|zullen|kan|moet|wordt|werd|heeft|geldt|blijkt|lijkt)\b")
_AUX = frozenset(
    "heeft hebben had hadden is zijn was waren werd werden wordt worden zal zullen kan kunnen wil willen "
    "moet moeten gaat gaan kwam kwamen ben bent heb hebt".split())
_PASSIVE_AUX = frozenset("is zijn was waren werd werden wordt worden".split())
_PERFECT_AUX = frozenset("heeft hebben had hadden".split())
_SKIP = frozenset(
    "de het een ook opnieuw nu daarbij wel dan tevens eveneens hier daar zo nog reeds al en maar "
    "verschillende veel vele enkele sommige andere alle meeste diverse meerdere beide vrijwel".split())
_NP_ADVERBS = frozenset("recent onlangs inmiddels eerder huidig nieuw zogenaamde".split())
_NOT_ADJ = frozenset("te deze die welke zoals sinds tijdens".split())
_TOKEN = re.compile(r"[\w’'-]+|[^\w\s]")
_WORD_CHAR = re.compile(r"[\w’'-]")  # what a _TOKEN word is made of
# an auxiliary as a whole _TOKEN word, any case (a superset of `.lower() in _AUX`, which is checked after)
_AUX_WORD = re.compile(r"(?<![\w’'-])(?:" + "|".join(sorted(_AUX, key=len, reverse=True)) + r")(?![\w’'-])", re.I)
_AUX_LONGEST = max(map(len, _AUX))
# "zal" with a verb that is no action: a reported future, nobody's promise
_STATIVE = re.compile(
    r"\b(?:duren|blijven|moeten|vergroten|leiden|bedragen|liggen|gelden|plaatsvinden|plaats\s+vinden|"
    r"vinden\s+plaats|verschijnen|ontstaan|toenemen|afnemen|dalen|stijgen|vallen|verlopen|hebben|stilstaan)\b")
_FUTURE_VERB_END = re.compile(r"[,.;:]|\b(?:en|maar|om|dat|die|waarin)\b")

# --- actor words (beyond entities) -----------------------------------------------------------------
_GROUP = re.compile(
    r"\b(?P<q>(?:[Vv]erschillende|[Vv]eel|[Vv]ele|[Ee]nkele|[Ss]ommige|[Aa]ndere|[Aa]lle|[Dd]e\s+meeste|"
    r"[Ee]en\s+aantal|[Dd]iverse|[Mm]eerdere|[Dd]e|[Vv]rijwel\s+alle)\s+)?"
    r"(?P<g>Bondgenoten|bondgenoten|lidstaten|Lidstaten|EU-lidstaten|landen|ministers\s+van\s+alle\s+lidstaten)\b"
    r"|\b(?P<velen>Velen|velen|Enkelen|enkelen|Sommigen|sommigen|Anderen|anderen)\b")
_WRITER = re.compile(
    r"\b(?:[Ii]k|[Ww]ij|[Ww]e|[Hh]et\s+kabinet|[Dd]e\s+regering|[Dd]e\s+Nederlandse\s+regering|"
    r"[Hh]et\s+Nederlandse\s+kabinet|[Nn]ederlandse\s+zijde|[Mm]ij|[Oo]ns)\b")
_DUTCH_OFFICIAL = re.compile(
    r"\b(?:[Dd]e\s+)?(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris)\b"
    r"(?:\s(?:van|voor)\s(?:[A-Z][\w-]*(?:,\s|\sen\s|\s)?)+)?")
_ROLE_OF = re.compile(
    r"\b(?P<role>Secretaris-Generaal|[Vv]oorzitter|Hoge\s+Vertegenwoordiger|[Pp]resident|[Dd]agelijks\s+bestuur|"
    r"Board\s+of\s+Governors)\s+van\s+(?:de|het)\s+")
_ROLE_OF_PRE = ("Secretaris-Generaal", "oorzitter", "Hoge", "resident", "agelijks", "Board")  # in every _ROLE_OF match
# what every _ROLE_OF match starts with: it is tried only there
_ROLE_OF_STARTS = ("Secretaris-Generaal", "Voorzitter", "voorzitter", "Hoge", "President", "president", "Dagelijks",
                   "dagelijks", "Board")
# _GROUP in three parts, tried only where they can start (see _group_iter): a quantifier and a group word,
# a group word, "velen" and its kin
_GROUP_QG = re.compile(
    r"\b(?P<q>(?:[Vv]erschillende|[Vv]eel|[Vv]ele|[Ee]nkele|[Ss]ommige|[Aa]ndere|[Aa]lle|[Dd]e\s+meeste|"
    r"[Ee]en\s+aantal|[Dd]iverse|[Mm]eerdere|[Dd]e|[Vv]rijwel\s+alle)\s+)"
    r"(?P<g>Bondgenoten|bondgenoten|lidstaten|Lidstaten|EU-lidstaten|landen|ministers\s+van\s+alle\s+lidstaten)\b")
_GROUP_G = re.compile(
    r"\b(?P<g>Bondgenoten|bondgenoten|lidstaten|Lidstaten|EU-lidstaten|landen|ministers\s+van\s+alle\s+lidstaten)\b")
_GROUP_V = re.compile(r"\b(?P<velen>Velen|velen|Enkelen|enkelen|Sommigen|sommigen|Anderen|anderen)\b")
_GROUP_G_STARTS = ("Bondgenoten", "bondgenoten", "lidstaten", "Lidstaten", "EU-lidstaten", "landen", "ministers")
_GROUP_V_STARTS = ("Velen", "velen", "Enkelen", "enkelen", "Sommigen", "sommigen", "Anderen", "anderen")
_RAAD = re.compile(r"\b(?:[Dd]e|[Dd]eze)\s+(?:[a-z]+e\s+)?Raad\b(?!\s+(?:van|voor)\b)")
# an office written as one capitalised word: "De Binnenvaartambassadeur stelde dat …"
_ROLE_NOUN = re.compile(r"\b[Dd]e\s+(?P<r>[A-Z][a-z]+(?:ambassadeur|gezant|coördinator|rapporteur|commissaris))\b")
# every match of _WRITER and _GROUP holds one of these words: a sentence without them is not scanned
_WRITER_WORDS = WordGate("ik wij we mij ons kabinet regering zijde".split())
_GROUP_G_WORDS = WordGate("bondgenoten lidstaten landen ministers".split())  # (a word of each _GROUP_G match)
_GROUP_V_WORDS = WordGate("velen enkelen sommigen anderen".split())  # (_GROUP_V)
# cheap literal prefilters (substring tests): a text without these words cannot match the patterns above
_GROUP_G_PRE = ("ondgenoten", "idstaten", "landen", "ministers")
_GROUP_V_PRE = ("elen", "nkelen", "ommigen", "nderen")
_ROLE_NOUN_PRE = ("ambassadeur", "gezant", "coördinator", "rapporteur", "commissaris")
_MINISTERS = re.compile(r"\b[Dd]e\s+ministers\s+van\s+(?:Financiën|Buitenlandse\s+Zaken|Landbouw|Defensie)\b")
_DOC_OF = re.compile(
    r"\b[\w-]*(?:strategie|rapport|verslag|analyse|verklaring|conclusies|mededeling|advies|werkprogramma)\s+van\s+(?:de|het)\s+")
# every match of _DOC_OF holds one of these words: without them the (slow, \\b-led) scan is skipped;
# and ends in _DOC_TAIL, which is led by literals and so scans fast
_DOC_NOUNS = ("strategie", "rapport", "verslag", "analyse", "verklaring", "conclusies", "mededeling", "advies",
              "werkprogramma")
_DOC_TAIL = re.compile(r"(?:strategie|rapport|verslag|analyse|verklaring|conclusies|mededeling|advies|werkprogramma)"
                       r"\s+van\s+(?:de|het)\s+")
_FRACTIE = re.compile(r"\b(?:[Dd]e\s+)?leden\s+van\s+de\s+(?P<f>[\w-]+-fractie)|\b(?:[Dd]e\s+)?(?P<f2>[A-Z][\w-]*-fractie)")
_HET_ZAL = re.compile(r"Het\s+(?:zal|wil|heeft|gaat)\s+(?!het\b|er\b|niet\b|ook\s+het\b)")
_PRONOUN_3 = re.compile(r"[HhZz](?<!\w[HhZz])ij\b")  # \b(?:Hij|Zij|hij|zij)\b, led by a class (see _SUBORD)
_VOORZ = re.compile(r"\b(?P<adj>[A-Z][a-zë]+)\s+[Vv]oorzitterschap\b")
_AGENT = re.compile(
    r"\b(?:ook\s+)?door\s+(?P<a>)"
    r"|\b[Vv]an\s+(?:de\s+)?zijde\s+van\s+(?P<b>)"
    r"|\b[Vv]an\s+(?P<c>[A-Z][a-zë]+e)\s+zijde\b")
_FUTURE_MARK = re.compile(
    r"\b(?:zal|zullen|ontvangt|toekomen|blijv\w*|binnenkort|spoedig|voor\s+de\s+zomer|na\s+afloop|later|nader|"
    r"separaat|uiterlijk|Q[1-4]|voor\s+het\s+einde|tegemoet)\b")
_THIS_LETTER = re.compile(r"\b(?:[Mm]et|[Ii]n|[Mm]iddels)\s+deze\s+brief\b|\b[Hh]ierbij\b|\bvan\s+de\s+gelegenheid\s+gebruik\b")
_EXPECTED = re.compile(r"\b[Nn]aar\s+verwachting\b")
_FIRST_PERSON = re.compile(r"\b(?:ik|wij|we)\b")
_PASSIVE_CLAUSE = re.compile(r"\b(?:wordt|werd|werden|worden)\b")
_MOTIE_CONTEXT = re.compile(r"\b(?:motie|[Hh]ierin)\b")
_EXPLICIT_NL = re.compile(r"\b(?:waaronder|ook\s+door|zo\s+\w+\s+ook|onder\s+wie|onder\s+leiding\s+van|"
                          r"op\s+initiatief\s+van)\s+(?:ook\s+)?Nederland\b")


@dataclass(slots=True)
class Actor:
    start: int
    end: int
    name: str
    rank: int = 0  # person 3, role-of 2, entity 1, word 0


# the words in every match of the actor patterns (the substring tests once written per pattern), by
# pattern, looked up once per sentence token (none holds a space, so each lies inside one token);
# and `word:…` for the word gates a token passes, answered by the same lookup
_ACTOR_GATES = TokenFacts({w: {name} for name, words in (
    ("role_of", _ROLE_OF_PRE), ("group_g", _GROUP_G_PRE), ("group_v", _GROUP_V_PRE), ("official", ("inister", "taatssecretaris")), ("raad", ("Raad",)),
    ("role_noun", _ROLE_NOUN_PRE), ("ministers", ("ministers",)), ("doc_of", _DOC_NOUNS), ("fractie", ("fractie",)),
    ("voorz", ("oorzitterschap",))) for w in words},
    {"word:writer": _WRITER_WORDS.test, "word:group_g": _GROUP_G_WORDS.test, "word:group_v": _GROUP_V_WORDS.test})


def _group_iter(text: str, lo: int, hi: int, g: bool = True, v: bool = True):
    """The matches of `_GROUP.finditer(text, lo, hi)`, from its parts tried only where they can start:
    a group word or "velen" where it occurs, a quantifier with a group word one or two words before
    a group word (the quantifiers are one or two words of letters, then white space). `g` and `v`:
    whether the text may hold a group word, and "velen" or its like (else that part is not looked for)."""
    g_at, qg_at = [], []
    for w in (_GROUP_G_STARTS if g else ()):
        i = text.find(w, lo, hi)
        while i >= 0:
            g_at.append(i)
            j = i
            while j > lo and text[j - 1].isspace():
                j -= 1
            for _ in range(2):  # the word before, and the one before that
                if j == i or not text[j - 1:j].isalpha():
                    break
                k = j
                while k > lo and text[k - 1].isalpha():
                    k -= 1
                qg_at.append(k)
                j = k
                while j > lo and text[j - 1].isspace():
                    j -= 1
                if j == k:
                    break
            i = text.find(w, i + 1, hi)
    parts = [at_positions(_GROUP_QG, text, qg_at, hi)] if qg_at else []
    if g_at:
        parts.append(at_positions(_GROUP_G, text, g_at, hi))
    v = at_literals(_GROUP_V, text, _GROUP_V_STARTS, lo, hi) if v else None
    if v:
        parts.append(v)
    return leftmost(parts, lo) if parts else ()


def _official_iter(text: str, lo: int, hi: int):
    """The matches of `_DUTCH_OFFICIAL.finditer(text, lo, hi)`, tried only where one can start: at a
    title (found by "inister" or "taatssecretaris", one character in), or at the "de" and white space
    before it. (The pattern opens with a word boundary, so the engine would try it at every character.)"""
    starts = []
    for w in ("inister", "taatssecretaris"):
        i = text.find(w, lo + 1, hi)
        while i >= 0:
            starts.append(i - 1)
            j = i - 1
            while j > lo and text[j - 1].isspace():
                j -= 1
            if j < i - 1 and j - 2 >= lo:
                starts.append(j - 2)
            i = text.find(w, i + 1, hi)
    return leftmost([at_positions(_DUTCH_OFFICIAL, text, starts, hi)], lo) if starts else ()


def _actor_hits(text: str, hits: list[Hit], ctx: "Context", lo: int = 0, hi: Optional[int] = None,
                inside: Optional[list[Hit]] = None, toks: Optional[set] = None) -> list[Actor]:
    """Everything in a paragraph that can be the subject of a statement, with its normal name; only
    what lies in text[lo:hi] (a sentence with a cue: the rest of the paragraph is not scanned);
    `inside`, if given, are the hits that start there, `toks` the whitespace tokens of text[lo:hi].

    No pattern here can match across a sentence end, so matching inside the sentence's bounds finds
    what matching the whole paragraph would find there."""
    hi = len(text) if hi is None else hi
    out: list[Actor] = []
    part = text[lo:hi]
    if toks is None:
        toks = set(part.split())
    gates = _ACTOR_GATES.ids_of(toks)  # which patterns below the sentence's words allow
    for h in (hits if inside is None else inside):
        if h.start < lo or h.end > hi:
            continue
        if text[h.end:h.end + 1] == "-" and h.kind != "person":
            continue  # "EU-inzet", "NAVO-landen": a modifier, not the actor
        if h.kind == "person":
            out.append(Actor(h.start, h.end, h.name, 3))
        elif h.kind == "organisation":
            out.append(Actor(h.start, h.end, h.name, 1))
        elif h.kind == "country":
            if h.adjective:
                after = text[h.end:h.end + 25]
                if _GOVT_NOUN.match(after):
                    out.append(Actor(h.start, h.end + _NEXT_WORD.match(after).end(), h.name, 1))
            else:
                out.append(Actor(h.start, h.end, h.name, 1))
    van = "van de" in part or "van het" in part
    role_of = at_literals(_ROLE_OF, text, _ROLE_OF_STARTS, lo, hi) if van and "role_of" in gates else None
    for m in (leftmost([role_of], lo) if role_of else ()):
        nxt = next((h for h in hits if h.start == m.end() and h.kind == "organisation"), None)
        if nxt is None:
            continue
        role = m.group("role")
        name = nxt.name if role.lower().startswith(("dagelijks", "board")) else f"{role} van {m.group().split()[-1]} {nxt.name}"
        out.append(Actor(m.start(), nxt.end, name, 2))
    group_g = "group_g" in gates and "word:group_g" in gates
    group_v = "group_v" in gates and "word:group_v" in gates
    for m in (_group_iter(text, lo, hi, group_g, group_v) if group_g or group_v else ()):
        d = m.groupdict()
        if d.get("velen"):
            name = ctx.members or "Bondgenoten"
        else:
            g = d["g"]
            if g.lower() == "landen" and not d.get("q"):
                continue
            name = "Bondgenoten" if g.lower() == "bondgenoten" else "lidstaten"
        out.append(Actor(m.start(), m.end(), name, 0))
    if ctx.writer_is_nl or ctx.speaker:
        for m in (_WRITER.finditer(text, lo, hi) if "word:writer" in gates else ()):
            # a speaker's "ik"/"wij" is the speaker; "het kabinet", "de regering" stay the government
            own = ctx.speaker and m.group()[:1].lower() in "iwmo"
            out.append(Actor(m.start(), m.end(), ctx.speaker if own else "Nederland", 0))
        for m in (_official_iter(text, lo, hi) if "official" in gates else ()):
            before = text[max(0, m.start() - 12):m.start()]
            if _ADJ_BEFORE.search(before) and not before.endswith(("de ", "De ")):
                continue  # "de Afghaanse Minister": a foreign official
            out.append(Actor(m.start(), m.end(), "Nederland", 0))
    for m in (_RAAD.finditer(text, lo, hi) if "raad" in gates else ()):
        out.append(Actor(m.start(), m.end(), ctx.council or "Raad", 0))
    for m in (_ROLE_NOUN.finditer(text, lo, hi) if "role_noun" in gates else ()):
        out.append(Actor(m.start(), m.end(), m.group("r"), 1))
    meeting = "ministers" in gates and (  # (the body is looked for only when the words are there)
        ctx.body or next((h.name for h in hits if h.kind == "organisation" and _COUNCIL_OR_GROUP.search(h.name)), None))
    if meeting:
        for m in _MINISTERS.finditer(text, lo, hi):
            out.append(Actor(m.start(), m.end(), meeting, -1))  # rank -1: only a body's decision
    for m in (_DOC_OF.finditer(text, lo, hi) if van and "doc_of" in gates and _DOC_TAIL.search(text, lo, hi) else ()):
        nxt = next((h for h in hits if h.start == m.end() and h.kind == "organisation"), None)
        if nxt is not None:  # "de fragiliteitsstrategie van de Wereldbank wijst op": the Wereldbank
            out.append(Actor(m.start(), nxt.end, nxt.name, 2))
    for m in (_FRACTIE.finditer(text, lo, hi) if "fractie" in gates else ()):
        out.append(Actor(m.start(), m.end(), m.group("f") or m.group("f2"), 2))
    for m in (_VOORZ.finditer(text, lo, hi) if "voorz" in gates else ()):
        adj = next((h for h in hits if h.start == m.start() and h.kind == "country"), None)
        if adj:
            out.append(Actor(m.start(), m.end(), adj.name, 2))
    out.sort(key=lambda a: (a.start, -a.rank, -(a.end - a.start)))
    return out


_COUNCIL_OR_GROUP = re.compile(r"^Raad\s(?!van\s(?:State|Europa))|[a-z]raad$|-Raad$|Raad$|^Eurogroep$")
_COUNCIL = re.compile(r"^Raad\s(?!van\s(?:State|Europa))|[a-z]raad$|-Raad$|^Algemene Raad$|^Europese Raad$")
_ASKERS = re.compile(r"\bVragen\s+van\s+(?:het\s+lid|de\s+leden)\s+(?P<names>[^.]{2,80}?)\s+(?:aan|over)\s+de\b")
_MEETING_REPORT = re.compile(
    r"\b(?:[Vv]erslag|[Gg]eannoteerde\s+agenda|bijeenkomst|vergadering|vergaderde|bijeen|[Tt]op|overleg\s+gevoerd|"
    r"Raad\s+[\w\s-]*\s+van\s+\d|plaatsgevonden|plaatsvond|vond\s+[^.]{0,60}\s+plaats)\b")


@dataclass
class Context:
    writer_is_nl: bool = True
    body: Optional[str] = None  # who acts when a meeting decides (NAVO for the Noord-Atlantische Raad)
    council: Optional[str] = None  # what "de Raad" is
    members: Optional[str] = None  # what "Velen" are
    motie: bool = False
    writer: Optional[str] = None  # whose voice the letter's own evaluations are
    chamber: Optional[str] = "TK"
    askers: Optional[str] = None  # "Vragen van het lid Eppink (BBB) en Van der Staaij (SGP)"
    last_fractie: Optional[str] = None  # in a verslag, the fractie whose questions follow
    speaker: Optional[str] = None  # in Handelingen and verslagen, who has the floor ("ik", "we")
    chair: bool = False  # the speaker chairs: "zodat zij is aangenomen" is the chamber's (committee's) vote


def _tokens_between(text: str, a: int, b: int) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text[a:b])]


def _head_actor(actors: list[Actor], text: str, pos: int, limit: int) -> Optional[Actor]:
    """The actor whose phrase starts at `pos`, after articles and quantifiers only."""
    best = None
    for a in actors:
        if a.start < pos or a.start >= limit:
            continue
        if len(text[pos:a.start].split()) > 3:
            break  # each word gives one token or more: the gap has more than three (cheap test first)
        gap = _tokens_between(text, pos, a.start)
        # articles, quantifiers and attributive adjectives ("De recent uitgebrachte fragiliteitsstrategie")
        if all(t in _SKIP or t == "," or t in _NP_ADVERBS or (t.endswith("e") and t.isalpha() and t not in _NOT_ADJ)
               for t in gap) and len(gap) <= 3:
            if best is None or (a.start == best.start and a.rank > best.rank):
                best = a
            if best and a.start > best.start:
                break
        else:
            break
    # coordinated states act together: "Oostenrijk, Kroatië, … en Slovenië vroegen"
    if best is not None and best.name in _COUNTRY_NAMES:
        names, end = [best.name], best.end
        for a in actors:
            if a.start < end or a.name not in _COUNTRY_NAMES:
                continue
            sep = text[end:a.start]
            if sep in (", ", " en "):
                names.append(a.name)
                end = a.end
                if sep == " en ":
                    break
            else:
                break
        if len(names) > 1:
            return Actor(best.start, end, ", ".join(names[:-1]) + " en " + names[-1], 1)
    # a title before a name ("Minister Kerry"): the person follows the role word directly
    if best is not None and best.rank < 3:
        for a in actors:
            if a.rank == 3 and best.start <= a.start <= best.end + 1 and a.start < limit:
                return a
    return best


_TE_INFINITIVE = re.compile(r"\bte\s+[a-zà-ÿ]+en\b")


def _clause(sent: str, cue_pos: int) -> tuple[int, bool, Optional[str]]:
    """Start of the clause holding the cue, whether it is subordinate, and its conjunction."""
    start, sub, conj = 0, False, None
    for m in _SUBORD.finditer(sent, 0, cue_pos):
        c = m.group("conj").lower()
        if c == "die" and m.start() == 0:
            continue
        if c in ("dat", "die") and _DEMONSTRATIVE.match(sent, m.end()):
            continue  # "Wat dat betreft zal …", "dat is": a pronoun, not a conjunction
        if c == "om" and _TE_INFINITIVE.search(sent, m.end(), cue_pos):
            continue  # "een wetsvoorstel om … af te bouwen heeft verworpen": the om-clause closed before the cue
        start, sub, conj = m.end(), True, c
    for m in _COORD.finditer(sent, 0, cue_pos):
        if m.end() > start:
            start, sub, conj = m.end(), False, None
    return start, sub, conj


def _only_actors(sent: str, actors: list[Actor], a: int, b: int) -> bool:
    """Whether sent[a:b] holds nothing but actors, articles and commas (a list of subjects)."""
    rest = list(sent[a:b])
    for x in actors:
        if a <= x.start and x.end <= b:
            rest[x.start - a:x.end - a] = " " * (x.end - x.start)
    return all(t.lower() in _SKIP or t == "," for t in _TOKEN.findall("".join(rest)))


def _subject(sent: str, actors: list[Actor], cstart: int, cue_pos: int, sub: bool) -> Optional[Actor]:
    """The grammatical subject of the clause starting at `cstart` (sentence offsets)."""
    if sub:
        a = _head_actor(actors, sent, cstart, len(sent))
        if a is None and _COMMA_DIE.search(sent[max(0, cstart - 6):cstart]):
            # "… Eurocommissaris Ciolos, die aangeeft dat": the relative pronoun is its antecedent
            prev = [x for x in actors if x.end <= cstart and cstart - x.end <= 7]
            if prev:
                return prev[-1]
        return a
    # a main clause after a comma: "De Raad sprak over Afghanistan, Nederland bracht … onder de aandacht"
    # (only an actor ending just before the cue can be returned there: without one the loop is skipped)
    commas = _COMMA.finditer(sent[cstart:cue_pos]) if any(0 <= cue_pos - x.end <= 2 for x in actors) else ()
    for cm in commas:
        p = cstart + cm.end()
        if _only_actors(sent, actors, cstart, cstart + cm.start()):
            continue  # "Oostenrijk, Kroatië, …": a list, not a new clause
        a = _head_actor(actors, sent, p, cue_pos + 1)
        if a is not None and 0 <= cue_pos - a.end <= 2:
            return a
    # subject first
    a = _head_actor(actors, sent, cstart, cue_pos + 1 if cue_pos > cstart else len(sent))
    if a is not None and a.start <= cue_pos:
        return a
    # inversion: the subject follows the first finite verb (an auxiliary, or the cue itself)
    for end in _verb_ends(sent, cstart, cue_pos):
        a = _head_actor(actors, sent, end, len(sent))
        if a is not None:
            return a
    return None


def _verb_ends(sent: str, cstart: int, cue_pos: int) -> list[int]:
    """The ends of the tokens (_TOKEN, from `cstart`, which follows white space or starts the sentence)
    that are an auxiliary or start at the cue, in order, up to 40 characters after the cue: the
    auxiliaries are found by one search and checked as the token loop would (`.lower() in _AUX`)."""
    ends = [(m.start(), m.end()) for m in _AUX_WORD.finditer(sent, cstart, cue_pos + 41 + _AUX_LONGEST)
            if m.start() <= cue_pos + 40 and m.group().lower() in _AUX]
    if cstart <= cue_pos < len(sent) and not sent[cue_pos].isspace() and all(st != cue_pos for st, _ in ends):
        m = _TOKEN.match(sent, cue_pos)  # a token starts at the cue unless the cue is inside a word
        if cue_pos == cstart or not (_WORD_CHAR.match(sent, cue_pos) and _WORD_CHAR.match(sent, cue_pos - 1)):
            ends.append((cue_pos, m.end()))
            ends.sort()
    return [e for _, e in ends]


def _participle_voice(sent: str, cstart: int, cue_start: int, cue_end: int) -> str:
    """'passive', 'perfect' or 'none' for a participle cue, from the clause's auxiliary."""
    w = _participle_aux(sent, cstart, cue_end)
    return "none" if w is None else "perfect" if w in _PERFECT_AUX else "passive"


def _participle_aux(sent: str, cstart: int, cue_end: int) -> Optional[str]:
    """The first auxiliary of the perfect or the passive among the tokens of the clause up to 30
    characters after the cue (_tokens_between; the auxiliaries found by one search of that text)."""
    for m in _AUX_WORD.finditer(sent[cstart:min(len(sent), cue_end + 30)]):
        w = m.group().lower()
        if w in _PERFECT_AUX or w in _PASSIVE_AUX:
            return w
    return None


def _agent(sent: str, actors: list[Actor], hits_in: list[Actor]) -> Optional[str]:
    """The agent of a passive: `door X`, `van de zijde van X`, `van Nederlandse zijde`."""
    for m in (_AGENT.finditer(sent) if "door" in sent or "zijde" in sent else ()):  # in every match
        if m.group("c"):  # "van Nederlandse zijde"
            name = _ADJ_COUNTRY.get(m.group("c"))
            if name:
                return name
            continue
        s = m.start("a") if m.group("a") is not None else m.start("b")
        a = _head_actor(actors, sent, s, len(sent))
        if a:
            return a.name
    return None


_ADJ_COUNTRY = {f: t.name for f, t in lexicon.terms().items() if t.adjective}
_COUNTRY_NAMES = frozenset(t.name for t in lexicon.terms().values() if t.kind == "country")
_FOREIGN_STATES = _COUNTRY_NAMES - {"Nederland"}


_TRAILING_DIGITS = re.compile(r"\d+$")  # a footnote marker after a question mark
# small patterns of _statement and _actor_hits, compiled once (they run per cue)
_GOVT_NOUN = re.compile(r"\s+(?:regering|kabinet|delegatie|[Vv]oorzitterschap|autoriteiten|zijde)\b")
_NEXT_WORD = re.compile(r"\s+(\w+)")
_ADJ_BEFORE = re.compile(r"[a-zë]e\s$")
_COMMA = re.compile(r",\s")
_COMMA_DIE = re.compile(r",\s*die\s$")
_THIS_DECISION = re.compile(r"\b(?:[Dd]it|[Hh]et|[Dd]at|[Ee]en|[Dd]eze)\s+besluit\b(?!\s+van)")
_WORDEN = re.compile(r"\bworden\b")
_AFTER_ARTICLE = re.compile(r"\b(?:de|het|een|deze|dit|die)\s+(?:\w+\s+)?$", re.I)
_ZOALS_BEFORE = re.compile(r"\bzoals\b(?:\s+\S+){0,8}\s*$", re.I)
# a part of a legal text as the place where something "is aangegeven / bepaald / vastgelegd": the text
# says so, nobody states it ("Zo is in artikel 52a, tweede lid, aangegeven dat een school …")
_IN_LEGAL_PART = re.compile(r"\b[Ii]n\s+(?:het\s+|de\s+|dit\s+|deze\s+)?(?:\w+\s+)?"
                            r"(?:artikel|artikelen|lid|onderdeel|hoofdstuk|paragraaf|bijlage|tabel|wetsartikel)\b")
_NIET = re.compile(r"\bniet\b")
# a document still to come, in which an agentless future clause is the writer's plan
# ("… zal worden opgenomen in de evaluatie over 2015", "ook dat zal in de brief … aan de orde komen")
_DOC_AHEAD = re.compile(r"\bin\s+(?:de|het|een|deze)\s+(?:[\w-]+\s+)?[\w-]*(?:brief|nota|notitie|rapportage|evaluatie|"
                        r"reactie|appreciatie)\b")
# the Kamer addressed in a passive promise, and what it will be given
_KAMER_WORDS = r"\b(?:u|[Uu]w\s+Kamer|[Dd]e\s+(?:Tweede\s+)?Kamer)\b"
_GIVEN_WORDS = r"(?:geïnformeerd|gesteld|toegezonden|gezonden|voorgelegd|aangeboden|gegeven)"
_TO_KAMER = re.compile(_KAMER_WORDS)
_GIVEN_KAMER = re.compile(rf"\b{_GIVEN_WORDS}\b")
_KAMER_WILL_BE = re.compile(rf"{_KAMER_WORDS}[^.]{{0,40}}\bworden\s+{_GIVEN_WORDS}")


def _future_ok(sent: str, cue_end: int) -> bool:
    """`zal` + an action verb before the clause ends; not `zal … duren/blijven/hebben`."""
    rest = sent[cue_end:]
    m = _FUTURE_VERB_END.search(rest)
    seg = rest[:m.start()] if m else rest
    return not _STATIVE.search(seg)


def _statement(kind: str, sent: str, actors: list[Actor], ctx: Context, prev_actor: Optional[str],
               context: str = "", cues: Optional[list] = None) -> Optional[tuple[str, str]]:
    """(actor, cue) for the first cue of `kind` in the sentence that has an actor, else None."""
    explicit_nl = "Nederland" in sent and _EXPLICIT_NL.search(sent) is not None
    if cues is None:
        cues = [(fam, m) for fam, rx in _CUES[kind] for m in [rx.search(sent)] if m]
    found = [(m, fam) for fam, m in cues]
    if len(found) > 1:
        found.sort(key=lambda x: (x[1] != "inform", x[0].start()))
    # "Zoals ik eerder heb aangegeven, …": a cue in a zoals-clause refers back, it states nothing
    zoals_end = sent.find(",") if sent.startswith("Zoals ") else -1
    question = "?" in sent and _TRAILING_DIGITS.sub("", sent.rstrip()).endswith("?")
    for m, fam in found:
        if m.start() < zoals_end and len(sent[m.end():zoals_end].split()) <= 8:
            continue
        if question and fam != "question":
            continue  # "Waarom steunen we de Commissie niet?", "Zal zij …?": a question states nothing
        if fam == "question":
            if not question:
                continue
            return (ctx.askers or ctx.last_fractie or prev_actor or "Tweede Kamer"), m.group()
        cstart, sub, conj = _clause(sent, m.start())
        if fam == "inform":
            # a promise needs a future; "Met deze brief informeer ik uw Kamer" is the letter itself
            if ctx.writer_is_nl and _FUTURE_MARK.search(sent) and not _THIS_LETTER.search(sent) \
                    and not re.search(r"\b(?:gevraagd|verzocht|verzoek|[Ee]erder|reeds|werd|werden)\b", sent):
                return "Nederland", m.group()
            continue
        if fam == "writer":
            subj = _subject(sent, actors, cstart, m.start(), sub)
            if subj is not None and subj.name not in _FOREIGN_STATES:
                return subj.name, m.group()
            if ctx.writer:
                return ctx.writer, m.group()
            continue
        if fam == "volgens":
            a = _head_actor(actors, sent, m.end(), len(sent))
            if a:
                return a.name, m.group()
            continue
        # (cstart, sub, conj) of this cue are still those found above: _clause is pure
        if explicit_nl and fam != "zal":
            return "Nederland", m.group()
        if kind == "decision" and _THIS_DECISION.search(sent[max(0, m.start() - 6):m.end() + 5]):
            continue
        if fam == "noun":
            if kind == "request" and not _FIRST_PERSON.search(sent):
                continue  # `het verzoek van het lid X` counts where the writer answers it, not in a list of papers
            own = re.match(r"\s+van\s+(?:het\s+lid\s+|de\s+leden\s+)?", sent[m.end():])
            if own:
                a = _head_actor(actors, sent, m.end() + own.end(), len(sent))
                if a:
                    return a.name, m.group()
            if ctx.writer_is_nl and re.search(r"\b(?:mijn|ons|het)\s+$", sent[:m.start()]):
                return "Nederland", m.group()
            continue
        if fam == "consensus":
            subj = _subject(sent, actors, cstart, m.start(), sub)
            return (subj.name if subj else (ctx.members or "Bondgenoten")), m.group()
        if fam == "zal":
            if conj == "om" or not _future_ok(sent, m.end()) or ("erwachting" in sent and _EXPECTED.search(sent, 0, m.start())):
                continue
            seg_end = _FUTURE_VERB_END.search(sent, m.end())
            seg = sent[m.end():seg_end.start() if seg_end else len(sent)]
            nxt = _NEXT_WORD.match(seg)
            direct_inf = nxt is not None and nxt.group(1).endswith("en") and nxt.group(1) != "worden" and sub
            if not direct_inf and _WORDEN.search(seg):
                # a passive future: a promise only with an agent ("… door de RAZEB") or to the Kamer
                ag = _agent(sent, actors, actors)
                if ag:
                    return ag, m.group()
                if ctx.writer_is_nl and _TO_KAMER.search(sent) and _GIVEN_KAMER.search(seg):
                    return "Nederland", m.group()
                if ctx.writer_is_nl and _DOC_AHEAD.search(sent, m.end()):
                    return "Nederland", m.group()
                continue
            subj = _subject(sent, actors, cstart, m.start(), sub)
            if subj is not None and subj.rank < 0:
                continue  # "zullen de ministers spreken over": the agenda of a meeting, not a promise
            if subj is None:
                # a passive promise to the Kamer: "dan zal u hierover worden geïnformeerd"
                if ctx.writer_is_nl and (_KAMER_WILL_BE.search(sent, m.end()) or _DOC_AHEAD.search(sent, m.end())):
                    return "Nederland", m.group()
                continue
            return subj.name, m.group()
        if fam == "when":
            subj = _subject(sent, actors, cstart, m.end() - len(m.group().split()[-1]), False)
            if subj:
                return subj.name, m.group()
            continue
        if fam in ("zijn", "body"):
            voice = _participle_voice(sent, cstart, m.start(), m.end())
            subj = _subject(sent, actors, cstart, m.start(), sub) if fam == "zijn" or voice == "perfect" else None
            if subj:
                return subj.name, m.group()
            ag = _agent(sent, actors, actors)
            return (ag or ctx.body or prev_actor or "Nederland"), m.group()
        if fam == "ptc":
            voice = _participle_voice(sent, cstart, m.start(), m.end())
            if voice == "none" and _AFTER_ARTICLE.search(sent[max(0, m.start() - 25):m.start()]):
                continue  # "De vervroegd aangenomen Agenda": an adjective, not a verb
            # ("oal" is in every case-insensitive match of "zoals": o, a and l have no other case forms)
            if "oal" in sent[:m.start()].lower() and _ZOALS_BEFORE.search(sent[:m.start()]):
                continue  # "zoals (eerder) toegezegd": a reference back, not a new statement
            if _IN_LEGAL_PART.search(sent, cstart, m.start()):
                continue  # "in artikel 52a is aangegeven dat": what a legal text says
            if kind == "decision" and not ctx.motie:
                aux = _participle_aux(sent, cstart, m.end())
                if aux in ("wordt", "worden") and not _NIET.search(sent[cstart:m.start()]):
                    continue  # "De agenda wordt op 13 november vastgesteld": a schedule ("wordt niet verlengd" is a decision)
            if sub and conj in ("dat", "die") and voice == "passive" and not _agent(sent, actors, actors):
                continue  # "Het is zeer belangrijk dat het pakket is vastgesteld", "die … zijn toegezegd": reported
            if voice == "none":
                subj = _subject(sent, actors, cstart, m.start(), sub)
                if subj:
                    return subj.name, m.group()
            if voice in ("passive", "none"):
                ag = _agent(sent, actors, actors)
                if ag:
                    return ag, m.group()
                if kind == "decision":
                    return _decider(ctx), m.group()
                if kind == "request" and _MOTIE_CONTEXT.search(context):
                    return lexicon.house(ctx.chamber), m.group()
                return (prev_actor or _own_voice(ctx)), m.group()
        if conj == "om":
            # "… is gebruik gemaakt om de regering op te roepen": the main clause's actor
            main_subj = _subject(sent, actors, 0, m.start(), False)
            if main_subj:
                return main_subj.name, m.group()
            return (prev_actor or _own_voice(ctx)), m.group()
        subj = _subject(sent, actors, cstart, m.start(), sub)
        if subj is not None and subj.rank < 0 and kind != "decision":
            subj = None
        if subj is None and sub:
            # "…, en herinnerde eraan dat": an elided subject is the main clause's
            subj = _subject(sent, actors, 0, m.start(), False)
        if subj is not None:
            return subj.name, m.group()
        if ctx.writer and not sub and kind in ("request", "commitment", "position") \
                and _FIRST_PERSON.search(sent, 0, m.start()):
            # "… informeer ik u graag … en leg u ook graag de vraag voor": a verb sharing the writer's subject
            return ctx.writer, m.group()
        if fam == "act" and _PASSIVE_CLAUSE.search(sent[cstart:m.end() + 12]):
            # "Daarbij wordt deelname … op prijs gesteld": the writer's view, unless a body decides
            if kind == "decision":
                return _decider(ctx), m.group()
            return (prev_actor or _own_voice(ctx)), m.group()
    return None


# a speaker's turn in Handelingen and verslagen, as a line of its own or opening the words spoken:
# `Mevrouw Van der Plas (BBB):`, `De heer Klaver (GroenLinks):`, `Minister Bruins Slot:`, `De voorzitter:`
_NAME_WORD = r"(?:[A-ZÀ-Þ'][\w'’.-]*|van|de|der|den|ter|ten|te|in|'t)"
_SPEAKER = re.compile(rf"^(?:De\s+)?(?P<role>[Vv]oorzitter|heer|[Mm]evrouw|[Mm]inister-[Pp]resident|[Mm]inister|"
                      rf"[Ss]taatssecretaris)\b\s*(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}})?\s*"
                      rf"(?:\([^)]*\))?\s*:(?:\s+|$)")


def _speaker(m: re.Match, doc: Document, ctx: "Context") -> Optional[str]:
    """Who speaks: a member by the surname as printed; a minister or staatssecretaris for the
    government (Nederland, as in a letter); the chair for the committee or the chamber."""
    role = m.group("role").lower()
    if role.startswith(("minister", "staatssecretaris")):
        return "Nederland"
    if role == "voorzitter":
        committee = doc.sender or ctx.body or ""
        if "commissie" in committee:
            return committee
        return lexicon.house(doc.chamber)  # the chair of a plenary sitting
    return m.group("name") or None


def _decider(ctx: "Context") -> str:
    """Who takes an agentless decision: the body whose meeting is reported, the chamber or committee
    whose chair announces it (a vote: "…, zodat zij is aangenomen"), else the writer's government."""
    return ctx.body or (ctx.speaker if ctx.chair and ctx.speaker else None) or "Nederland"


def _own_voice(ctx: "Context") -> Optional[str]:
    """Whose an agentless statement is when nobody else is named: the letter's writer, the speaker
    who has the floor, or the body whose meeting is reported."""
    return "Nederland" if ctx.writer_is_nl else (ctx.speaker or ctx.body)


def _each_actor(kind: str, actor: str, ctx: "Context") -> list[str]:
    """Whom a statement of coordinated actors (`Spanje, Finland en Portugal`) is counted for: the
    writer's own country among them, as with `waaronder Nederland`; each state apart for a
    decision, which every state takes for itself (`Duitsland en Oostenrijk behouden de maatregelen`)."""
    if not actor or " en " not in actor:
        return [actor]
    parts = actor.replace(" en ", ", ").split(", ")
    if ctx.writer_is_nl and "Nederland" in parts:
        return ["Nederland"]
    if kind == "decision" and all(p in _COUNTRY_NAMES for p in parts):
        return parts
    return [actor]


def _context(doc: Document, hits_by_paragraph: dict) -> Context:
    ctx = Context()
    sender = (doc.sender or "").lower()
    ctx.writer_is_nl = doc.kind in ("brief", "antwoord", "other", "nota", "memorie-van-toelichting") or \
        "minister" in sender or "staatssecretaris" in sender
    if ctx.writer_is_nl:
        ctx.writer = "Nederland"
    elif doc.kind == "advies-raad-van-state":
        ctx.writer = "Afdeling advisering van de Raad van State"
    ctx.chamber = doc.chamber
    terms = lexicon.terms()
    first = [(k, doc.sections[k[0]].paragraphs[k[1]]) for k in sorted(hits_by_paragraph)[:6]]
    head = " ".join(p for _, p in first) + " " + " ".join(s.heading or "" for s in doc.sections) + \
        " " + (doc.title or "")
    q = _ASKERS.search(head) if "Vragen" in head else None
    if q:
        ctx.askers = re.sub(r"\s*\([^)]*\)", "", q.group("names")).strip()
    if doc.kind == "besluitenlijst" and doc.sender:
        ctx.body = doc.sender  # a committee's decision list: its agentless passives are the committee's
        return ctx
    # the body whose meeting is reported: the first council-like body in the first paragraphs of a
    # report of a meeting (a letter about a mission has no such body: its passives are the writer's)
    if not _MEETING_REPORT.search(head):
        return ctx
    for (si, pi), hits in sorted(hits_by_paragraph.items())[:6]:
        for h in hits:
            if h.kind != "organisation" or h.name in ("Tweede Kamer", "Eerste Kamer", "ministerraad", "Ministerraad"):
                continue
            t = terms.get(h.name)
            if doc.kind == "verslag":
                council_like = h.name.startswith(("vaste commissie", "algemene commissie"))
            else:
                council_like = (t is not None and t.members) or re.search(r"(?:^Raad\b|raad$|Raad$|^Eurogroep$)", h.name)
            if council_like:
                ctx.body = (t.acts_as if t and t.acts_as else h.name)
                ctx.members = t.members if t and t.members else "lidstaten"
                if "Raad" in h.name or "raad" in h.name:
                    ctx.council = h.name
                break
        if ctx.body:
            break
    if ctx.council is None:
        # "de Raad" is the council named first anywhere (a page may open with other text)
        for key in sorted(hits_by_paragraph):
            h = next((h for h in hits_by_paragraph[key] if h.kind == "organisation" and _COUNCIL.search(h.name)), None)
            if h is not None:
                ctx.council = h.name
                break
    return ctx


def find(doc: Document, hits_by_paragraph: dict, sentence_tokens: Optional[dict] = None) -> list[Statement]:
    """Statements of a letter, report or verslag (moties go through extract.motie); `sentence_tokens`,
    if given, holds the whitespace-token sets of each paragraph's sentences."""
    ctx = _context(doc, hits_by_paragraph)
    speech = doc.kind in ("handelingen", "verslag")  # turns of speakers, each on a line of its own
    out: list[Statement] = []
    for si, sec in enumerate(doc.sections):
        sec_ctx = ctx
        hf = _FRACTIE.search(sec.heading or "")
        if hf:
            ctx.last_fractie = hf.group("f") or hf.group("f2")
        for pi, para in enumerate(sec.paragraphs):
            sm = _SPEAKER.match(para) if speech else None
            if sm:
                ctx.speaker = ctx.writer = _speaker(sm, doc, ctx)
                ctx.chair = sm.group("role").lower() == "voorzitter"
                if sm.end() == len(para):
                    continue
            hf = _FRACTIE.search(para) if "fractie" in para else None
            if hf:
                ctx.last_fractie = hf.group("f") or hf.group("f2")
            # "İ" lowers to two characters, which shifts the trigger offsets: keep that reading there
            trig = _INDEX.positions(para) if "İ" in para else None
            if trig is not None and not trig and not _INDEX.always:
                continue
            sents = spans(para)
            if trig is None:
                # a sentence is whole tokens: its cues are those of the paragraph's triggers inside it
                toks_of = sentence_tokens[(si, pi)] if sentence_tokens else [set(para[s:e].split()) for s, e in sents]
                cands = [_INDEX.candidates(para[s:e], t) for (s, e), t in zip(sents, toks_of)]
                if not any(cands):
                    continue
            else:
                cands, toks_of = [], [None] * len(sents)
                for s, e in sents:
                    cand = set(_INDEX.always)
                    for pos, ids in trig:
                        if s <= pos < e:
                            cand |= ids
                    cands.append(cand)
            hits = hits_by_paragraph.get((si, pi), [])
            starts = [h.start for h in hits]  # in text order: a sentence's hits are a slice
            prev_actor: Optional[str] = None
            for (s, e), cand, toks in zip(sents, cands, toks_of):
                sent = para[s:e]
                by_kind: dict[str, list] = {}
                low = sent.lower() if cand else sent
                aligned = len(low) == len(sent)  # "İ" lowers to two characters
                for i in sorted(cand):
                    kind, fam, rx, lead = _CUE_ROWS[i]
                    m = first_match(rx, sent, low, lead) if lead is not None and aligned else rx.search(sent)
                    if m:
                        by_kind.setdefault(kind, []).append((fam, m))
                inside = hits[bisect_left(starts, s):bisect_left(starts, e)]
                if not by_kind:
                    # a person named here is who "hij" refers to next
                    for h in inside:
                        if h.kind == "person":
                            prev_actor = h.name
                    continue
                local = [a for a in _actor_hits(para, hits, sec_ctx, s, e, inside, toks) if a.end <= e]
                for a in local:  # to sentence offsets (fresh objects: shifted in place)
                    a.start -= s
                    a.end -= s
                # "Hij"/"Zij" (and "Het zal …") continue the paragraph's last actor
                if prev_actor:
                    n = len(local)
                    for m in _PRONOUN_3.finditer(sent):
                        local.append(Actor(m.start(), m.end(), prev_actor, 0))
                    if _HET_ZAL.match(sent):
                        local.append(Actor(0, 3, prev_actor, 0))
                    if len(local) > n:  # (_actor_hits gives them in this order already)
                        local.sort(key=lambda a: (a.start, -a.rank))
                found_actor = None
                for kind in KIND_ORDER:
                    if kind not in by_kind:
                        continue
                    r = _statement(kind, sent, local, sec_ctx, prev_actor, para[max(0, s - 200):e], by_kind[kind])
                    if r is None:
                        continue
                    actor, cue = r
                    for one in _each_actor(kind, actor, sec_ctx):
                        out.append(statement(kind, one, cue, sent, si, pi, s, e, sec.heading))
                    found_actor = found_actor or actor
                if found_actor:
                    prev_actor = found_actor
    return out
