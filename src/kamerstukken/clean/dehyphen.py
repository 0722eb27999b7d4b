"""Is a hyphen at a line end a word broken across lines, or a real hyphen? Dutch rules."""
from __future__ import annotations

import math
import unicodedata
from functools import lru_cache
from importlib import resources

import pyphen
from wordfreq import get_frequency_dict, zipf_frequency

VOWELS = set("aeiouyáéíóúàèëïöüâêîôû")
# vowel pairs that Dutch reads as one sound (or as the start of one): a compound that joins
# them across its parts takes a hyphen (Woordenlijst, Leidraad: klinkerbotsing)
CLASHES = frozenset({"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou",
                     "ui", "uu", "ij"})


def _fold(c: str) -> str:
    if c < "\x80":
        return c.lower()  # (an ASCII character is its own decomposition)
    return unicodedata.normalize("NFKD", c)[:1].lower()


_HYPHENATOR = pyphen.Pyphen(lang="nl_NL")


def _load_prefixes() -> frozenset[str]:
    text = resources.files("kamerstukken.data").joinpath("hyphen_prefixes.txt").read_text("utf-8")
    return frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


HYPHEN_PREFIXES = _load_prefixes()
# after an elided compound part the text goes on with a conjunction: `land- en tuinbouw`
ELISION_WORDS = frozenset({"en", "of", "tot", "noch", "dan", "als"})


def zipf(word: str) -> float:
    """`wordfreq.zipf_frequency(word, "nl")`, looked up directly for a lower-case a–z word: wordfreq
    tokenizes every word it is asked (about 12 µs), and most words a document breaks are new to
    the cache. Same rounding as wordfreq (3 significant digits, then 2 decimals); checked equal
    on 58,000 words."""
    if not (word.isascii() and word.isalpha() and word.islower()):
        return zipf_frequency(word, "nl")
    f = get_frequency_dict("nl").get(word, 0.0)  # (wordfreq caches the dict)
    if f == 0.0:
        return 0.0
    f = round(f, math.floor(-math.log(f, 10)) + 3)
    return round(math.log(f, 10) + 9, 2)


@lru_cache(maxsize=65536)
def known(word: str) -> bool:
    """In the Dutch word list (wordfreq); hyphenated forms are never looked up there."""
    return "-" not in word and zipf(word) > 1.0


@lru_cache(maxsize=65536)
def common(word: str) -> bool:
    """A common Dutch word: both parts of a compound are, syllables of one word (`mili`) not."""
    return zipf(word) >= 3.0


@lru_cache(maxsize=65536)
def _breaks(word: str) -> frozenset[int]:
    return frozenset(_HYPHENATOR.positions(word))


def is_elision(left: str, right: str) -> bool:
    """`binnenland-` / `en buitenlandbeleid`: a weglatingsstreepje before a conjunction, unless
    the two halves make a word a typesetter would break there (`zo-` / `als` → zoals)."""
    if right not in ELISION_WORDS:
        return False
    seg = left.rsplit("-", 1)[-1].lower()
    whole = seg + right
    return not known(whole) or len(seg) not in _breaks(whole)


_ASCII_BYTES = bytes(range(0x80))


def lower_utf8(text: str) -> bytes:
    """`text.lower()` in UTF-8. str.lower looks every character up in the Unicode tables (some
    55 machine instructions each); where no character but ASCII letters changes, bytes.lower of
    the UTF-8 (ASCII letters only) gives the same. What is left of the UTF-8 without its ASCII
    bytes is the text's other characters: if lower() leaves those as they are, it is so."""
    data = text.encode("utf-8", "surrogatepass")
    others = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    if others == others.lower():
        return data.lower()
    return text.lower().encode("utf-8", "surrogatepass")


def _is_continuation(byte: int) -> bool:
    return 0x80 <= byte < 0xC0


class Dehyphenator:
    """Decides line-end hyphens, using the other spellings in the same document first."""

    def __init__(self, document_text: str):
        self._text = document_text
        self._lower: bytes | None = None  # the text in lower case, as UTF-8

    def _spelled(self, word: str) -> bool:
        """Does the document print `word` whole somewhere (not broken at a line end)?

        Searched in the lower-case text as UTF-8: a character's bytes never occur inside
        another's, so a match of the (non-empty) word's bytes is a match of its characters."""
        if self._lower is None:
            self._lower = lower_utf8(self._text)
        data, w = self._lower, word.encode("utf-8", "surrogatepass")
        i = data.find(w)
        while i >= 0:
            end = i + len(w)
            if (i == 0 or not self._char_before(i).isalpha()) and (end == len(data) or not self._char_at(end).isalpha()):
                return True
            i = data.find(w, i + 1)
        return False

    def _char_before(self, i: int) -> str:
        """The character that ends at byte `i` of the lower-case text."""
        data, j = self._lower, i - 1
        while j > 0 and _is_continuation(data[j]):
            j -= 1
        return data[j:i].decode("utf-8", "surrogatepass")

    def _char_at(self, i: int) -> str:
        """The character that starts at byte `i` of the lower-case text."""
        data, j = self._lower, i + 1
        while j < len(data) and _is_continuation(data[j]):
            j += 1
        return data[i:j].decode("utf-8", "surrogatepass")

    def keep_hyphen(self, left: str, right: str) -> bool:
        """`left` is the text before the line-end hyphen (last word), `right` the next line's
        first word. True: a real hyphen (`Noord-Atlantische`); False: a break (`verdragsgebied`)."""
        seg = left.rsplit("-", 1)[-1]
        right = right.rstrip(".,;:!?)»”’'\"")
        if not seg or not right:
            return True
        # a name in CamelCase that the document prints whole elsewhere: Next-/Gen → NextGen
        if right[0].isupper() and seg[0].isupper() and not seg.isupper() \
                and self._spelled((seg + right).lower()) and not self._spelled(f"{seg}-{right}".lower()):
            return False
        # capitals, acronyms and digits: Noord-Atlantische, EU-lidstaten, anti-ISIS, F-16
        if right[0].isupper() or right[0].isdigit():
            return True
        if (len(seg) >= 2 and seg.isupper()) or any(map(str.isdigit, seg)):
            return True
        if not right[0].isalpha():
            return True
        lseg, lright = seg.lower(), right.lower()
        whole = lseg + lright
        # the same document spells it one way elsewhere
        if self._spelled(f"{lseg}-{lright}"):
            return True
        if self._spelled(whole):
            return False
        # Dutch vowel clash in compounds, only where the two vowels would read as one sound:
        # zee-egel, auto-ongeluk, politie-inzet, informatie-uitwisseling, privé-eigendom;
        # otherwise no hyphen: medeoverheden, coalitieonderhandelingen (corpus/moties). Before the
        # word list, which holds misspellings (`zonneenergie`); both parts must be common words
        # (not `mili-` / `eu`); a trema already marks a clash
        # (`co-` / `öperatie` → coöperatie)
        if _fold(lseg[-1]) + _fold(lright[0]) in CLASHES and lright[0] not in "äëïöü" \
                and common(lseg) and common(lright):
            return True
        if known(whole):
            return False
        if "-" in left and len(lseg) <= 3 and known(lseg) and left.islower():
            return True  # a chain of words: lik-op-stukbeleid, doe-het-zelf
        if lseg in HYPHEN_PREFIXES and known(lright):
            return True
        # typesetters break only where hyphenation patterns allow; elsewhere a hyphen is real
        if len(lseg) >= 2 and len(whole) > 4 and len(lseg) not in _breaks(whole) \
                and known(lseg) and known(lright):
            return True
        return False
