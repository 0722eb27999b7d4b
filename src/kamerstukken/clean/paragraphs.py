"""Printed lines → paragraphs and headings."""
from __future__ import annotations

import re
import unicodedata
from importlib import resources
from itertools import compress
from operator import attrgetter
from statistics import median

from ..sources.base import Block
from .dehyphen import Dehyphenator, is_elision

TERMINAL = tuple(".!?:;")
_NUMBERS_ONLY = re.compile(r"[\d\s.,-]+")
_SPACES = re.compile(r"[ \t\u00a0]{2,}")
_WHITESPACE = re.compile(r"\s{2,}")
_URL_END = re.compile(r"(?:https?://|www\.)\S+$")  # a paragraph may end in a bare address
_TRAILING_MARKER = re.compile(r"(?<=[.!?:;)»”])\d{1,2}$")
_HYPHEN_WORD = re.compile(r"-\w")
_NUMBERED_LINE = re.compile(r"\d{1,3}\.?\s+[A-Z]")
# a word broken at the line end: letters (maybe with inner hyphens) then a hyphen
BROKEN = re.compile(r"([^\W\d_][\w-]*[^\W\d_])-$", re.UNICODE)
FIRST_WORD = re.compile(r"^([\w\u00c0-\u024f'’]+)", re.UNICODE)


def is_element_layout(lines: list[str], print_hint: bool = False) -> bool:
    """One element per line (third-party text, web page) rather than lines wrapped for print.

    Print wraps sentences: a line that ends in a word (or a break hyphen) is followed by one that
    goes on in lower case. One-element-per-line text almost never does that."""
    if print_hint and max(map(len, lines), default=0) <= 120:
        # no line is long even before stripping: print, unless fewer than two lines hold text
        held = filter(None, map(str.strip, lines))  # the lines holding text, looked at lazily
        return next(held, None) is None or next(held, None) is None
    nonblank = [s for s in map(str.strip, lines) if s]
    if len(nonblank) < 2:
        return True
    long_lines = max(map(len, nonblank)) > 120
    if print_hint and not long_lines:
        return False  # the head was laid out for print (or the lines carry page positions)
    wraps = sum(1 for a, b in zip(nonblank, nonblank[1:])
                if (a[-1:].isalnum() or a.endswith("-")) and b[:1].islower())
    if long_lines:
        # long lines are elements, unless most lines still wrap: a web page that kept the
        # print's line breaks but joined a few of them
        return wraps < 0.3 * len(nonblank)
    return wraps < max(1, 0.1 * len(nonblank))


# the labelled lines at the head of a verslag: `Voorzitter: Verheijen`, `Griffier: Thomassen`


def _load_form_field() -> re.Pattern:
    text = resources.files("kamerstukken.data").joinpath("form_labels.txt").read_text("utf-8")
    labels = [l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#")]
    return re.compile(r"^(?:\d{1,3}\.\s+)?(?:" + "|".join(re.escape(w) for w in labels) + r"):(?:\s|$)")


# a field of a committee's besluitenlijst (`4. Agendapunt: …`, `Zaak: …`, `Besluit: …`): each
# opens a paragraph, the label and its value together
FORM_FIELD = _load_form_field()
ITEM_NUMBER = re.compile(r"^\d{1,3}\.$")
# the same labels in wrapped print, where `Voorzitter Tusk` may also begin a line: a colon decides
PRINTED_LABEL = re.compile(r"^(?:(?:Voorzitter|Griffier|Leden|Plv\. leden|Aanvang|Sluiting)\s*:|Aanwezig zijn\b)")
LABEL_STARTS = "VGLPAS"  # the first letters of PRINTED_LABEL (case-sensitive)
LABEL_LINE = re.compile(r"^(?:Voorzitter|Griffier|Aanwezig|Leden|Plv\. leden|Aanvang|Sluiting)\b\s*:?", re.IGNORECASE)


def looks_like_heading(text: str) -> bool:
    """A short line without closing punctuation that starts like a title."""
    t = text.strip()
    if not t or len(t) > 90 or t.endswith((".", ",", ";", ":", "?", "!", "-")):
        return False
    if not (t[0].isupper() or t[0].isdigit() or t[0] in "«\"'"):
        return False
    if t[0].isdigit() and _NUMBERS_ONLY.fullmatch(t):  # (of the first characters above, only a digit can start one)
        return False
    if LABEL_LINE.match(t) or (":" in t and FORM_FIELD.match(t)):
        return False  # a verslag's or a besluitenlijst's field is never a heading
    return len(t.split()) <= 14 and not _ends_cut(t)


def _broken_word(text: str) -> str | None:
    """The word before a line-end hyphen (`NAVO-verdrags` in `… het NAVO-verdrags-`), or None
    when the hyphen follows a digit, bracket or space. Looks at the tail only: paragraphs grow."""
    tail = text[-80:]
    # the broken word is one run of word characters and hyphens: it starts after the last space
    m = BROKEN.search(tail, tail.rfind(" ") + 1)
    return m.group(1) if m else None


def join_lines(lines: list[str], dehyph: Dehyphenator) -> str:
    out = ""
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        if not out:
            out = line
            continue
        m = _broken_word(out) if out.endswith("-") else None
        if not m and out.endswith("-") and len(out) > 1 and not out[-2].isspace():
            out = out + line  # after a digit or bracket a hyphen is never a syllable break: 600-VI
        elif m and not out.endswith((" -", " –")):
            first = FIRST_WORD.match(line)
            right = first.group(1) if first else line.split()[0]
            if is_elision(m, right):
                out = out + " " + line
            elif dehyph.keep_hyphen(m, right):
                out = out + line
            else:
                out = out[:-1] + line
        else:
            out = out + " " + line
    return _squeezed(out)


def _squeezed(text: str) -> str:
    """Runs of spaces, tabs and no-break spaces as one space."""
    return _SPACES.sub(" ", text) if "  " in text or "\u00a0" in text or "\t" in text else text


BULLET = re.compile(r"^(?:[\u2022\u00b7\u25aa\u25cf\u2013*-]|\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}[.)])$")


def _load_openers() -> re.Pattern:
    text = resources.files("kamerstukken.data").joinpath("motie_openers.txt").read_text("utf-8")
    words = [l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#")]
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


OPENERS = _load_openers()


def _load_function_words() -> frozenset[str]:
    text = resources.files("kamerstukken.data").joinpath("function_words.txt").read_text("utf-8")
    return frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


FUNCTION_WORDS = _load_function_words()


def _ends_cut(text: str) -> bool:
    """Ends in an article, preposition or conjunction, accents aside (`… klimaatconferentie in`,
    `… vóór`): the sentence goes on."""
    i = text.rfind(" ")
    if i <= 0:
        return False
    last = text[i + 1:]
    return last in FUNCTION_WORDS or (not last.isascii() and _ascii(last) in FUNCTION_WORDS)


def _ascii(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode()


ABBREV_END = re.compile(r"\b(?:nr|nrs|art|jl|blz|o\.a|p|vgl|zgn|resp|bijv|d\.w\.z|m\.b\.t|t\.a\.v)\.$", re.IGNORECASE)


NAME_LINE = re.compile(r"^(?:[A-Z][a-z]?[.,]\s?)*(?:(?:[A-Z\u00c0-\u00de][\w'’-]*|van|de|der|den|ten|ter|te|in|'t)\s+){0,4}"
                       r"[A-Z\u00c0-\u00de][\w'’-]*$")


def _without_marker(line: str) -> str:
    """`line` without a footnote marker after its closing punctuation; only a line that ends in
    a digit can hold one, so most lines skip the pattern."""
    return _TRAILING_MARKER.sub("", line) if line[-1:].isdigit() else line


def _ends_sentence(line: str) -> bool:
    """Ends in closing punctuation, perhaps followed by a footnote marker: `(STRAIIK-D).2`."""
    return _without_marker(line).endswith(TERMINAL)


def _continues(prev: str, line: str) -> bool:
    """In one-element-per-line text, inline markup (a reference, a bracket) can split an element
    over lines: `… bij motie (` / `36 410-VI, nr. 87` / `) in ruime meerderheid …`."""
    if prev.endswith(("(", "[", "\u00ab")) or line.startswith((")", "]", ",", ";", ".", ":", "\u00bb")) \
            or _HYPHEN_WORD.match(line):
        return True
    if prev.endswith((",", ";", ":")) or (prev.endswith(".") and not ABBREV_END.search(prev)):
        return False
    if prev.endswith(("?", "!")) or OPENERS.match(line):
        return False
    if _NUMBERED_LINE.match(line):
        return False  # a numbered item or a footnote's text: `1 Samenstelling:`
    return line[:1].islower() or line[:1].isdigit() or _ends_cut(prev)


LEADING_BULLET = re.compile(r"^[\u2022\u00b7\u25aa\u25cf\u25e6]\s+")  # •, ·, ▪, ●, ◦
BULLET_CHARS = "\u2022\u00b7\u25aa\u25cf\u25e6"  # the first character LEADING_BULLET needs
# one element per line: a dash and a space open a list item (`– de brief van de Minister …`);
# in wrapped print the same dash may be a gedachtestreepje that a wrap put first
ELEMENT_DASH = re.compile(r"^[\u2013\u2014-]\s+(?=\w)")
DASH_CHARS = "\u2013\u2014-"  # the first character ELEMENT_DASH needs
# a speaker as verslagen and Handelingen print one, on a line of its own before the words:
# `De voorzitter:`, `De heer Jurgens (PvdA):`, `Minister Bot:`
SPEAKER = re.compile(r"^(?:De\s+)?(?:voorzitter|heer|mevrouw|minister|staatssecretaris|minister-president)"
                     r"\b[^:.;]{0,80}:$", re.IGNORECASE)
# the members present, listed at the head of a verslag, go on past a comma with `en` and the
# minister: `Aanwezig zijn … te weten: …, Jan Vos,` / `en Staatssecretaris Mansveld …`
PRESENT = re.compile(r"^Aanwezig\s+zijn\b")


def _indent(text: str) -> int:
    return len(text) - len(text.lstrip(" \t\u00a0"))


def _elements(lines: list[Block], texts: list[str], dehyph: Dehyphenator) -> list[Block]:
    merged: list[tuple[str, int | None]] = []
    prev_indent: int | None = None  # of the previous line, None after a blank line
    for b, raw in zip(lines, texts):
        indent = _indent(raw)
        # a bullet is typography, not text (the XML gives list marks apart from the item)
        t = ELEMENT_DASH.sub("", LEADING_BULLET.sub("", _WHITESPACE.sub(" ", raw.strip())))
        if not t:
            prev_indent = None
            continue
        if BULLET.match(t):
            continue  # a list item's bullet stands on its own line; the item follows
        # web pages set a paragraph with a hanging indent: lines indented below an unfinished
        # line go on with it, whatever letter they start with (`… van de Raad Justitie en
        # Binnenlandse` / `      Zaken (JBZ-Raad) op 12 en 13 juni …`)
        hanging = (merged and prev_indent is not None and indent >= prev_indent + 2
                   and not _ends_sentence(merged[-1][0]))
        if hanging:
            merged[-1] = (join_lines([merged[-1][0], t], dehyph), merged[-1][1])
            continue  # the paragraph's first-line indent stays the reference
        prev_indent = indent
        if merged and (SPEAKER.match(merged[-1][0]) or (
                PRESENT.match(merged[-1][0]) and merged[-1][0].endswith(",") and t.startswith("en "))):
            merged[-1] = (merged[-1][0] + " " + t, merged[-1][1])
            continue
        if merged and _continues(merged[-1][0], t):
            prev = merged[-1][0]
            # a sub- or superscript stands on its own line: `CO` / `2` / `-uitstoot`
            sub = t.isdigit() and len(t) <= 2 and prev[-1:].isalpha()
            glue = "" if sub or prev.endswith(("(", "[", "\u00ab")) or t.startswith(
                (")", "]", ",", ";", ".", ":", "\u00bb")) or _HYPHEN_WORD.match(t) else " "
            merged[-1] = (prev + glue + t, merged[-1][1])
        else:
            merged.append((t, b.page))
    return [Block("heading" if looks_like_heading(t) else "para", t, page=pg) for t, pg in merged]


_TEXT = attrgetter("text")


def build_paragraphs(lines: list[Block], document_text: str, element: bool | None = None) -> list[Block]:
    """Group printed lines into `para` and `heading` blocks (`element`: one per line)."""
    # (the passes over all lines are mapped in C where they can be: a document has many lines)
    texts = list(map(str.rstrip, map(_TEXT, lines)))
    dehyph = Dehyphenator(document_text)
    if element or (element is None and is_element_layout(texts)):
        return _elements(lines, texts, dehyph)
    # each line stripped once: the loop below and the paragraph text use only the stripped line
    # (a line's leading space still tells a page break, from `texts`)
    stripped = list(map(str.lstrip, texts))
    widths = sorted(map(len, compress(texts, stripped)))
    width = widths[int(len(widths) * 0.9) - 1]
    blank_paragraphs = len(texts) - len(widths) >= max(2, len(widths) // 15)
    gaps = [b.y - a.y for a, b in zip(lines, lines[1:])
            if a.y is not None and b.y is not None and a.page == b.page and b.y > a.y] \
        if any(b.y is not None for b in lines) else []
    typical_gap = median(gaps) if gaps else None

    groups: list[tuple[list[str], int | None, bool]] = []
    current: list[str] = []  # the stripped lines of the paragraph being built
    broken = False  # a line of it but the last ends in a hyphen: join_lines decides each
    page = None

    def flush():
        nonlocal current, broken
        if current:
            groups.append((current, page, broken))
        current = []
        broken = False

    prev: Block | None = None
    pending_blank = False
    for b, t, st in zip(lines, texts, stripped):
        if not st:
            if blank_paragraphs and current:
                pending_blank = True
            prev = None
            continue
        if pending_blank:
            pending_blank = False
            # a footnote marker after the full stop (`… het COVID-19 virus.1`) ends the sentence too
            last = _without_marker(current[-1]) if current else ""
            # a blank line inside a sentence (text goes on in lower case) is no paragraph break
            # a sentence cut by a stray blank goes on, even with a capital (`vóór` / `Oekraïens
            # lidmaatschap van de NAVO,`) — but not into a heading or an indiener's name
            # — unless the line before the blank stops short, as a paragraph's last line does
            # (a paragraph that lacks its full stop: `… gewasbeschermingsmiddelen` / `Tijdens …`)
            # (an address needs `//` or `www.`: only then is the pattern asked)
            mid_sentence = (last[-1:].isalnum() or last.endswith("-")) and not (
                ("//" in last or "www." in last) and _URL_END.search(last)) and (
                st[:1].islower() or _ends_cut(last)
                or (len(last) >= 0.8 * width and b.y is None  # a PDF's gap is measured: a real break
                    and not looks_like_heading(" ".join(current))
                    and not NAME_LINE.match(st)))
            if not mid_sentence:
                flush()
        if current:
            last = current[-1]
            first = st[0]
            starts_new = False
            if t.startswith(" ") and ((last.endswith(TERMINAL[:3]) and first.isupper())
                                      or (last.endswith((";", ",", ":", ".")) and OPENERS.match(st))):
                # a line shifted by a page break: it starts a paragraph only by its content
                starts_new = True
            elif (first in BULLET_CHARS and LEADING_BULLET.match(st + " ")) or (
                    first in DASH_CHARS and ELEMENT_DASH.match(st) and last.endswith((":", ";", "."))):
                starts_new = True  # a list item (a dash after a finished clause is its bullet)
            elif ":" in st and FORM_FIELD.match(st) and not ITEM_NUMBER.match(" ".join(current)):
                starts_new = True  # a form's field (`Besluit:`) opens a paragraph, after its number
            elif first.isdigit() and ITEM_NUMBER.match(st):
                starts_new = True  # `4.` on its own line numbers the item that follows
            elif (first in LABEL_STARTS and PRINTED_LABEL.match(st)) or (
                    len(current) == 1 and len(last) < 60 and ":" in last and PRINTED_LABEL.match(last)):
                starts_new = True  # `Voorzitter: Van der Lee` / `Griffier: Dekker` each on a line
            elif not blank_paragraphs and _ends_sentence(last) and (
                    len(last) < 0.8 * width or (looks_like_heading(t) and len(st) < 0.8 * width)):
                starts_new = True
            elif not blank_paragraphs and len(last) < 0.7 * width and first.isupper() and last[-1:].isalnum() \
                    and not _ends_cut(last) and b.y is None:
                # print wraps near the full width: a line that stops well short without a full stop,
                # before a capital, ends a heading (`… Border Security Partnership` / `Aanleiding` / `De …`)
                starts_new = True
            elif (typical_gap and prev is not None and prev.page == b.page and prev.y is not None
                  and b.y is not None and b.y - prev.y > 1.45 * typical_gap):
                starts_new = True
            elif len(current) == 1 and len(last) < 0.8 * width and looks_like_heading(last) \
                    and (first.isupper() or ITEM_NUMBER.match(st)):
                starts_new = True
            if starts_new:
                flush()
        if not current:
            page = b.page
        elif current[-1][-1] == "-":
            broken = True
        current.append(st)
        prev = b
    flush()

    out: list[Block] = []
    for group, pg, hyphenated in groups:
        # without a hyphen at a line end join_lines puts one space between the lines
        text = join_lines(group, dehyph) if hyphenated else _squeezed(" ".join(group))
        if text[:1] in BULLET_CHARS:
            text = LEADING_BULLET.sub("", text)
        if text[:1] in DASH_CHARS and ELEMENT_DASH.match(text) and out and out[-1].text.endswith((":", ";", ".")):
            text = ELEMENT_DASH.sub("", text)
        if not text:
            continue
        kind = "heading" if len(group) == 1 and looks_like_heading(text) else "para"
        out.append(Block(kind, text, pg))
    return out
