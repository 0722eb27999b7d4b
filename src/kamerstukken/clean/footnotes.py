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

_FIVE_DIGITS = re.compile(r"\d{5}")
_DIGIT = re.compile(r"\d")


class MarkerScanner:
    """Finds markers in document order; only the next expected number counts, which rules out
    numbers that happen to stand glued to a word (`m2`) unless they continue the sequence."""

    def __init__(self) -> None:
        self.expected = 1

    def take(self, text: str) -> tuple[str, list[tuple[str, int]]]:
        """Return the text without markers and [(marker, offset in the new text)]."""
        if not _DIGIT.search(text):
            return text, []
        found: list[tuple[str, int]] = []
        out: list[str] = []
        last = 0
        candidates = list(MARKER.finditer(text))
        if _FIVE_DIGITS.search(text):  # a year with a marker glued to it has five digits or more
            candidates = sorted([*candidates, *YEAR_MARKER.finditer(text)], key=lambda m: m.start(1))
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
