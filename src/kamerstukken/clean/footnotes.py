"""Footnote markers printed after a word or closing bracket: `(zie bijlage 1)1.`, `Luxemburg1.`"""
from __future__ import annotations

import re

# A marker is 1–3 digits glued to a lower-case letter or closing punctuation, followed by
# a space, punctuation or the end. Upper-case before the digits is an acronym (NIB2, G20, CO2);
# a digit before a period is a decimal or a numbered item.
# (`(?=\d)` first: the look-behinds are tried only where a digit stands, not at every character)
MARKER = re.compile(
    r"(?=\d)(?:(?<=[a-zà-ÿ\)\]»”’\"'])|(?<=[^\d\s][.,]))(\d{1,3})(?=[\s.,;:)»”’]|$)"
)

# A marker glued to a year: `het tweede kwartaal van 20211.` is the year 2021 and marker 1. Taken
# only after a word that governs a year (a month, `van`, `in`, `sinds` …) and only as the next
# marker in sequence, so a Kamerstuk number (`nr. 20211`) never loses a digit.
YEAR_MARKER = re.compile(
    r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|van|in|sinds|tot|eind|begin|medio|voorjaar|najaar|zomer|winter|jaar) (?:19|20)\d\d(\d{1,2})"
    r"(?=[.,;:)]?(?:\s|$))"
)

# (each starts with a plain `\d`: the regex engine then skips to the next digit in a fast loop;
# `\d+` or `\d{5}` it would try at every character, at about twice the cost)
_DIGIT = re.compile(r"\d")
_DIGITS = re.compile(r"\d\d*")
# every ASCII character but the digits, as bytes
_ASCII_NON_DIGITS = bytes(b for b in range(0x80) if not 0x30 <= b <= 0x39)


def has_digit(text: str) -> bool:
    """Does `text` hold a digit (`\\d`, of any script)? Most paragraphs hold none, and the regex
    reads every character of them at some 90 machine instructions each. In UTF-8 an ASCII
    character is one byte and every byte of another character is above 0x7f: deleting the other
    ASCII bytes (bytes.translate) leaves the ASCII digits and the few non-ASCII characters, most
    often nothing; the regex reads what is left. (About half the cost of the regex on the text.)"""
    kept = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NON_DIGITS)
    return bool(kept) and _DIGIT.search(kept.decode("utf-8", "surrogatepass")) is not None


class MarkerScanner:
    """Finds markers in document order; only the next expected number counts, which rules out
    numbers that happen to stand glued to a word (`m2`) unless they continue the sequence."""

    def __init__(self) -> None:
        self.expected = 1

    def take(self, text: str) -> tuple[str, list[tuple[str, int]]]:
        """Return the text without markers and [(marker, offset in the new text)]."""
        candidates = marker_candidates(text)
        if not candidates:
            return text, []
        found: list[tuple[str, int]] = []
        out: list[str] = []
        last = 0
        for m in candidates:
            n = int(m.group(1))
            if n != self.expected:
                continue
            out.append(text[last:m.start(1)])
            offset = sum(len(s) for s in out)
            found.append((m.group(1), offset))
            last = m.end(1)
            self.expected += 1
        if not found:
            return text, []
        out.append(text[last:])
        return "".join(out), found


def marker_candidates(text: str) -> list[re.Match]:
    """The matches of MARKER in `text`, and of YEAR_MARKER where five digits stand together, in
    order. One scan finds the runs of digits: a MARKER match is a whole run of at most three digits
    (its look-behinds see no digit before it, its look-ahead none after it), so MARKER is tried at
    the start of each such run, not at every character of the text."""
    if not has_digit(text):
        return []
    runs = [m.span() for m in _DIGITS.finditer(text)]
    candidates = [m for m in (MARKER.match(text, start) for start, end in runs if end - start <= 3) if m]
    if any(end - start >= 5 for start, end in runs):  # a year with a marker glued to it has five digits or more
        candidates = sorted([*candidates, *YEAR_MARKER.finditer(text)], key=lambda m: m.start(1))
    return candidates
