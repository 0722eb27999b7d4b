"""Highlighted snippets, made in Python so both engines give the same ones."""
from __future__ import annotations

import html
from typing import Iterable

from .analyzer import WORD_RE, _raw_terms, analyze_word, words

WINDOW = 200  # characters of context around the first match


def _hit_flags(analyzed: list, terms: set[str], phrases: list[list[str]]) -> list[bool]:
    """For each word ((stem, parts) of it): does the query mark it?"""
    hit = [stem in terms or (bool(parts) and not terms.isdisjoint(parts))
           for stem, parts in analyzed]
    if phrases:
        stems = [a[0] for a in analyzed]
        for ph in phrases:
            n = len(ph)
            for i in range(len(stems) - n + 1):
                if stems[i] == ph[0] and stems[i:i + n] == ph:
                    for j in range(i, i + n):
                        hit[j] = True
    return hit


def _marks(text: str, terms: set[str], phrases: list[list[str]]) -> list[tuple[int, int]]:
    ws = list(words(text))
    hit = _hit_flags([analyze_word(w) for _, _, w in ws], terms, phrases)
    return [(s, e) for (s, e, _), h in zip(ws, hit) if h]


def _count(text: str, terms: set[str], phrases: list[list[str]]) -> int:
    """len(_marks(text, …)) without character offsets: one cached lookup per word."""
    return sum(_hit_flags([_raw_terms(w) for w in WORD_RE.findall(text)], terms, phrases))


def snippet(paragraphs: Iterable[str], terms: set[str], phrases: list[list[str]],
            width: int = WINDOW) -> str:
    """The paragraph with most matches, cut around its first match, HTML-escaped, matches in <mark>."""
    best, best_count = None, 0
    first = None
    for para in paragraphs:
        if first is None and para.strip():
            first = para
        count = _count(para, terms, phrases)
        if count > best_count:
            best, best_count = para, count
    # offsets only for the paragraph shown
    best_marks = _marks(best, terms, phrases) if best is not None else []
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
