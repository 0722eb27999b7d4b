"""Highlighted snippets, made in Python so both engines give the same ones."""
from __future__ import annotations

import html
from typing import Iterable

from .analyzer import analyze_word, words

WINDOW = 200  # characters of context around the first match


def _marks(text: str, terms: set[str], phrases: list[list[str]]) -> list[tuple[int, int]]:
    ws = list(words(text))
    analyzed = [analyze_word(w) for _, _, w in ws]
    hit = [False] * len(ws)
    for i, (stem, parts) in enumerate(analyzed):
        if stem in terms or terms.intersection(parts):
            hit[i] = True
    stems = [a[0] for a in analyzed]
    for ph in phrases:
        n = len(ph)
        for i in range(len(stems) - n + 1):
            if stems[i:i + n] == ph:
                for j in range(i, i + n):
                    hit[j] = True
    return [(s, e) for (s, e, _), h in zip(ws, hit) if h]


def snippet(paragraphs: Iterable[str], terms: set[str], phrases: list[list[str]],
            width: int = WINDOW) -> str:
    """The paragraph with most matches, cut around its first match, HTML-escaped, matches in <mark>."""
    best, best_marks = None, []
    first = None
    for para in paragraphs:
        if first is None and para.strip():
            first = para
        marks = _marks(para, terms, phrases)
        if len(marks) > len(best_marks):
            best, best_marks = para, marks
    if best is None:
        text = first or ""
        cut = text[:width]
        return html.escape(cut) + ("…" if len(text) > width else "")
    start = max(0, best_marks[0][0] - width // 3)
    if start:
        sp = best.find(" ", start)
        start = sp + 1 if 0 <= sp < best_marks[0][0] else start
    end = min(len(best), start + width)
    if end < len(best):
        sp = best.rfind(" ", best_marks[0][1], end)
        end = sp if sp > 0 else end
    out = ["…" if start else ""]
    pos = start
    for s, e in best_marks:
        if s < start or e > end:
            continue
        out.append(html.escape(best[pos:s]))
        out.append("<mark>" + html.escape(best[s:e]) + "</mark>")
        pos = e
    out.append(html.escape(best[pos:end]))
    if end < len(best):
        out.append("…")
    return "".join(out)
