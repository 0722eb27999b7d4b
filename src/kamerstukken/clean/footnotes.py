"""Footnote markers printed after a word or closing bracket: `(zie bijlage 1)1.`, `Luxemburg1.`"""
from __future__ import annotations

import re

# A marker is 1–3 digits glued to a lower-case letter or closing punctuation, followed by
# a space, punctuation or the end. Upper-case before the digits is an acronym (NIB2, G20, CO2);
# a digit before a period is a decimal or a numbered item.
MARKER = re.compile(
    r"(?:(?<=[a-zà-ÿ\)\]»”’\"'])|(?<=[^\d\s][.,]))(\d{1,3})(?=[\s.,;:)»”’]|$)"
)


class MarkerScanner:
    """Finds markers in document order; only the next expected number counts, which rules out
    numbers that happen to stand glued to a word (`m2`) unless they continue the sequence."""

    def __init__(self) -> None:
        self.expected = 1

    def take(self, text: str) -> tuple[str, list[tuple[str, int]]]:
        """Return the text without markers and [(marker, offset in the new text)]."""
        if not any(c.isdigit() for c in text):
            return text, []
        found: list[tuple[str, int]] = []
        out: list[str] = []
        last = 0
        for m in MARKER.finditer(text):
            n = int(m.group(1))
            if n != self.expected:
                continue
            out.append(text[last:m.start()])
            offset = sum(len(s) for s in out)
            found.append((m.group(1), offset))
            last = m.end()
            self.expected += 1
        if not found:
            return text, []
        out.append(text[last:])
        return "".join(out), found
