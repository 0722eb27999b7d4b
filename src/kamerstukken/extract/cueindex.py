"""Fast ways to find where patterns can match, for extraction.

Which cue patterns can match a text at all: every cue regex must contain one of a few literal
strings (its "triggers", read off the regex's parse tree); the triggers inside a text's whitespace
tokens are looked up once per token (TokenIndex), and only the cues whose trigger is present are
run. A flat alternation of 100+ cue patterns would cost the regex engine every alternative at every
position. Also: a pattern tried only where its leading literals occur (leads, first_match,
at_literals), an alternation taken apart into parts the engine scans fast and merged back in the
same order (leftmost), and gates from cached tokens (TokenGate, WordGate).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Optional

try:  # Python 3.11+
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover
    import sre_constants as C  # type: ignore
    import sre_parse as P  # type: ignore

from . import lexicon


# leads a trigger that must begin a word (it follows `\b` in the pattern and starts with a word
# character): `\bacht` is not in "verwacht", `\bzet` not in "inzet". A backspace: no text holds one.
WORD_START = "\b"


def triggers(pattern: str) -> Optional[frozenset]:
    """Lower-case literals of which every match of `pattern` contains one, those that must begin a
    word marked with WORD_START; None if there are none."""
    parsed = P.parse(pattern, re.I)
    # under (?a) or (?L) `\b` is not the Unicode word boundary that is_word_start tells
    unicode_words = not parsed.state.flags & (re.ASCII | re.LOCALE)
    return _seq(parsed, False, unicode_words)


def is_word_start(text: str, pos: int) -> bool:
    """Whether a `\b` stands before text[pos] (a word character): no word character precedes it."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "_")


def _seq(seq, word: bool = False, mark: bool = True) -> Optional[frozenset]:
    """`word`: the sequence begins right after a `\b`; `mark`: whether to mark word starts at all."""
    best: Optional[tuple[tuple[int, int], frozenset]] = None
    run: list[str] = []

    def literal(text: str, at_word: bool) -> str:
        return WORD_START + text if at_word and mark and (text[0].isalnum() or text[0] == "_") else text

    def consider(c: frozenset) -> None:
        nonlocal best
        shortest = min(len(x.lstrip(WORD_START)) for x in c)
        # two letters stand inside most words ("in": Ministers, beginnen): of such sets, fewer is rarer
        score = (shortest, -len(c) if shortest <= 2 else 0)
        if best is None or score > best[0]:
            best = (score, c)

    def flush() -> None:
        nonlocal word
        if run:
            consider(frozenset([literal("".join(run), word)]))
            run.clear()
        word = False  # a run after this one does not begin at the boundary

    for op, av in seq:
        if op is C.LITERAL:
            run.append(chr(av).lower())
        elif op is C.IN and all(o is C.LITERAL for o, _ in av) and len({chr(a).lower() for _, a in av}) == 1:
            run.append(chr(av[0][1]).lower())  # [Mm]
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            if op is C.AT and av is C.AT_BOUNDARY and not run:
                word = True
            continue  # zero-width: the literal run goes on
        elif op is C.SUBPATTERN:
            at_word = word and not run
            flush()
            t = _seq(av[-1], at_word, mark)
            if t:
                consider(t)
        elif op is C.BRANCH:
            # the parser factors a common prefix out ("z" + (al|ullen)): join it to each branch's head
            heads = [_lead(b) for b in av[1]]
            if run and all(heads):
                consider(frozenset(literal("".join(run) + h, word) for h in heads))
            at_word = word and not run
            flush()
            subs = [_seq(b, at_word, mark) for b in av[1]]
            if subs and all(subs):
                consider(frozenset().union(*subs))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            flush()
            lo, _, item = av
            if lo >= 1:
                t = _seq(item, False, mark)
                if t:
                    consider(t)
        else:
            flush()
    flush()
    return best[1] if best else None


def _lead(seq) -> str:
    """The literal run a sequence starts with ("" if none)."""
    out = []
    for op, av in seq:
        if op is C.LITERAL:
            out.append(chr(av).lower())
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue
        else:
            break
    return "".join(out)


def leads(pattern: str) -> Optional[frozenset]:
    """Lower-case literals of which every match of `pattern` begins with one (after zero-width
    assertions); None if one is a single character. Two are enough: `\\b(?:is|zijn)\\s+…` tried
    only where "is" or "zijn" occurs is 2–3× faster than a search, which tries every character."""
    seq = P.parse(pattern, re.I)
    if len(seq) and seq[0] in ((C.AT, C.AT_BEGINNING), (C.AT, C.AT_BEGINNING_STRING)):
        return None  # anchored at the start: a search tries one place only, a lead may occur at many
    out = _leads(seq)
    return out if out and min(map(len, out)) >= 2 else None


def _leads(seq) -> Optional[frozenset]:
    run: list[str] = []
    for op, av in seq:
        if op is C.LITERAL:
            run.append(chr(av).lower())
        elif op is C.IN and all(o is C.LITERAL for o, _ in av) and len({chr(a).lower() for _, a in av}) == 1:
            run.append(chr(av[0][1]).lower())  # [Mm]
        elif op in (C.AT, C.ASSERT, C.ASSERT_NOT) and not run:
            continue  # zero-width before the first character: the match still starts here
        elif op is C.SUBPATTERN or op is C.BRANCH:
            subs = [_leads(av[-1])] if op is C.SUBPATTERN else [_leads(b) for b in av[1]]
            if not all(subs):  # an alternative that may start anywhere: the run so far is all we know
                break
            head = "".join(run)
            return frozenset(head + t for sub in subs for t in sub)
        else:
            break
    return frozenset(["".join(run)]) if run else None


def first_match(rx: re.Pattern, text: str, low: str, starts: frozenset) -> Optional[re.Match]:
    """`rx.search(text)` for a pattern whose matches all begin with one of `starts` (see leads):
    the pattern is tried only where one of them occurs in `low`, the lower-cased `text` of the
    same length, instead of at every character."""
    at: list[int] = []
    for w in starts:
        i = low.find(w)
        while i >= 0:
            at.append(i)
            i = low.find(w, i + 1)
    if len(at) > 1:
        at.sort()
    for i in at:
        m = rx.match(text, i)
        if m:
            return m
    return None


def leftmost(searches, pos: int = 0):
    """The matches of the alternation of some patterns, leftmost first and not overlapping, as
    `finditer` of `A|B|…` gives them: each pattern is given as a function pos → its first match
    at or after pos (or None), in the alternation's order, which settles a tie. Lets each part be
    written so that the regex engine skips ahead to where it can start, which `A|B` may not allow."""
    pending: list = [False] * len(searches)  # False: to search; None: no more
    while True:
        best = None
        for k, search in enumerate(searches):
            m = pending[k]
            if m is False or (m is not None and m.start() < pos):
                m = pending[k] = search(pos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return
        yield best
        pos = best.end()


def at_literals(rx: re.Pattern, text: str, literals, lo: int = 0, hi: Optional[int] = None):
    """`lambda pos: rx.search(text, pos, hi)` for a pattern whose matches all start with one of
    `literals`: tried only where they occur in text[lo:hi] (None if none occurs)."""
    hi = len(text) if hi is None else hi
    starts = []
    for w in literals:
        i = text.find(w, lo, hi)
        while i >= 0:
            starts.append(i)
            i = text.find(w, i + 1, hi)
    return None if not starts else at_positions(rx, text, starts, hi)


def matches_at(rx: re.Pattern, text: str, starts) -> list:
    """The matches of `rx.finditer(text)` for a pattern whose (non-empty) matches can only start at
    `starts` (an iterable of offsets): leftmost(at_positions(…)) as one loop, without its generator
    and closure."""
    out = []
    end = 0
    for i in sorted(set(starts)):
        if i >= end:
            m = rx.match(text, i)
            if m:
                out.append(m)
                end = m.end()
    return out


def at_positions(rx: re.Pattern, text: str, starts: list, hi: Optional[int] = None):
    """`lambda pos: rx.search(text, pos, hi)` for a pattern whose matches can only start at `starts`."""
    hi = len(text) if hi is None else hi
    starts = sorted(set(starts))

    def search(pos: int):
        for i in starts[bisect_left(starts, pos):]:
            m = rx.match(text, i, hi)
            if m:
                return m
        return None
    return search



class Joined:
    """Parts joined by one separator character (which no match may cross), and the way back from an
    offset in the whole to the part and the offset in it: one scan of a text instead of one per part."""

    def __init__(self, parts: list[str], sep: str = "\n"):
        assert len(sep) == 1, "the way back counts one character between parts"
        self.text = sep.join(parts)
        self.starts, at = [], 0
        for p in parts:
            self.starts.append(at)
            at += len(p) + 1

    def locate(self, pos: int) -> tuple[int, int]:
        """(index of the part holding `pos`, offset of `pos` in that part)."""
        k = bisect_right(self.starts, pos) - 1
        return k, pos - self.starts[k]

class Triggers:
    """Ids by trigger string, found in a text by one overlapping trie scan. A trigger found stands
    for every trigger that is its prefix too (the trie takes the longest at a place); the ids of
    `at_word_start` count only where their trigger begins a word (see WORD_START)."""

    def __init__(self, anywhere: dict, at_word_start: Optional[dict] = None):
        ws = at_word_start or {}
        self.words = set(anywhere) | set(ws)

        def closed(m: dict) -> dict:
            return {w: frozenset().union(*(ids for v, ids in m.items() if w.startswith(v))) for w in self.words}
        self.anywhere = closed(anywhere)
        self.at_word_start = {w: ids for w, ids in closed(ws).items() if ids}
        self.rx = re.compile("(?=(" + lexicon.alternation(self.words) + "))")

    def found(self, text: str):
        """(offset, ids) of every trigger in `text` (lower-cased already where they are)."""
        ws = self.at_word_start
        for m in self.rx.finditer(text):
            w, pos = m.group(1), m.start()
            extra = ws.get(w)
            yield pos, (self.anywhere[w] | extra if extra and is_word_start(text, pos) else self.anywhere[w])


class TokenIndex:
    """Ids by trigger string, looked up per whitespace token: the ids of every trigger inside a token
    are found once (an overlapping trie scan) and kept, since the vocabulary repeats.

    A text then costs a split and a few set operations (the tokens already seen are told apart from
    the new ones by C-level set difference), not a trie attempt at every character. Triggers must not
    hold whitespace (each occurrence lies inside one token); `fold` matches them case-insensitively."""

    def __init__(self, by_trigger, fold: bool = False):
        """`by_trigger`: ids by trigger string, or Triggers already built."""
        self.triggers = by_trigger if isinstance(by_trigger, Triggers) else Triggers(by_trigger)
        assert not any(re.search(r"\s", w) for w in self.triggers.words), "a trigger may not span tokens"
        self.fold = fold
        # every token looked up, and the ids of those that hold a trigger (most hold none). Plain sets
        # of strings and one shared frozenset per distinct id set: the garbage collector walks every
        # container object, and a frozenset per token made its full passes slow on a large vocabulary
        self._seen: set[str] = set()
        self._hot: dict[str, frozenset] = {}
        self._sets: dict[frozenset, frozenset] = {}

    def ids(self, text: str) -> set:
        """The ids of the triggers that occur in `text`."""
        return self.ids_of(set(text.split()))

    def ids_of(self, toks: set) -> set:
        """The ids of the triggers that occur in a text with these whitespace tokens."""
        seen, hot = self._seen, self._hot
        new = toks.difference(seen)
        if new:
            if len(seen) > 500_000:  # a long-running process sees an open vocabulary
                seen.clear()
                hot.clear()
                new = toks
            self._learn(new)
        out: set = set()
        for tok in hot.keys() & toks:  # iterates the smaller of the two
            out.update(hot.get(tok, ()))  # (get: another thread may have just cleared the cache)
        return out

    def _learn(self, new: set) -> None:
        """Scan new tokens for triggers, all in one pass over them joined by newlines."""
        words = list(new)
        scanned = Joined([w.lower() for w in words] if self.fold else words)  # lowered one by one: "İ" grows
        found: dict[int, set] = {}
        for pos, ids in self.triggers.found(scanned.text):
            found.setdefault(scanned.locate(pos)[0], set()).update(ids)
        self._more(words, found)
        sets = self._sets
        for k, ids in found.items():
            ids = frozenset(ids)
            self._hot[words[k]] = sets.setdefault(ids, ids)
        self._seen.update(words)  # after _hot: a token seen has its ids in place (for other threads)

    def _more(self, words: list[str], found: dict[int, set]) -> None:
        """Ids beyond the triggers for new tokens (`found`: index in `words` → ids); none here."""

    def scan(self, text: str) -> frozenset:
        """The ids of the triggers in `text`, by a character scan (overlapping occurrences too)."""
        found: set = set()
        for _, ids in self.triggers.found(text.lower() if self.fold else text):
            found |= ids
        return frozenset(found)


class TokenFacts(TokenIndex):
    """A TokenIndex whose ids come also from tests of each token (id → test), run once per new token:
    one lookup of a text's tokens answers what several indexes and gates would ask one by one
    (each lookup costs a set difference and an intersection over all the tokens)."""

    def __init__(self, by_trigger: dict, tests: dict):
        super().__init__(by_trigger)
        self.tests = tests

    def _more(self, words: list[str], found: dict[int, set]) -> None:
        for k, w in enumerate(words):
            for fact, test in self.tests.items():
                if test(w):
                    found.setdefault(k, set()).add(fact)


class TokenGate:
    """Whether some whitespace token of a text passes a test, each token tested once and remembered:
    a cheap necessary test before a costly pattern whose every match lies in (or starts in) a token
    that passes it."""

    def __init__(self, test):
        self.test = test
        self._yes: set = set()
        self._no: set = set()

    def __call__(self, text: str) -> bool:
        return self.any_of(set(text.split()))

    def any_of(self, toks: set) -> bool:
        """Whether a text with these whitespace tokens has one that passes."""
        if not toks.isdisjoint(self._yes):
            return True
        new = toks.difference(self._no)
        if not new:
            return False
        if len(self._no) > 500_000:  # a long-running process sees an open vocabulary
            self._no.clear()
        found = False
        for tok in new:
            if self.test(tok):
                self._yes.add(tok)
                found = True
            else:
                self._no.add(tok)
        return found


class WordGate(TokenGate):
    """Whether a text holds one of some words as a whole word (any case), answered from its whitespace
    tokens (see TokenGate): a cheap necessary test before a costly pattern whose every match holds
    one of the words."""

    def __init__(self, words):
        assert not any(re.search(r"\s", w) for w in words), "a word may not span tokens"
        self.rx = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I)
        super().__init__(self.rx.search)


class CueIndex:
    """Which cues can match a text: cue ids by trigger (see TokenIndex)."""

    def __init__(self, patterns: list[str]):
        self.always: set[int] = set()
        anywhere: dict[str, set[int]] = {}
        word_start: dict[str, set[int]] = {}
        for i, p in enumerate(patterns):
            t = triggers(p)
            if not t:
                self.always.add(i)
                continue
            for w in t:
                if w.startswith(WORD_START):
                    word_start.setdefault(w[len(WORD_START):], set()).add(i)
                else:
                    anywhere.setdefault(w, set()).add(i)
        self.triggers = Triggers(anywhere, word_start)
        # a trigger with a space in it could span two tokens: then only the character scan is right
        self.by_tokens = not any(re.search(r"\s", w) for w in self.triggers.words)
        self._tokens = TokenIndex(self.triggers, fold=True) if self.by_tokens else None

    def positions(self, text: str) -> list[tuple[int, set]]:
        """(offset, cue ids) of every trigger in `text`, for assigning them to sentences."""
        return list(self.triggers.found(text.lower()))

    def candidates(self, text: str, toks: Optional[set] = None) -> set[int]:
        """Cue ids whose trigger occurs in `text` (from its tokens where the triggers allow; `toks`,
        if given, is the set of its whitespace tokens)."""
        if self._tokens is None:
            out = set(self.always)
            for _, ids in self.triggers.found(text.lower()):
                out |= ids
            return out
        out = self._tokens.ids_of(set(text.split()) if toks is None else toks)
        if self.always:
            out |= self.always
        return out
