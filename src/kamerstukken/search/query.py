"""Query language: words, "phrases", AND, OR, NOT, parentheses; implicit AND between terms.

The parsed tree is compiled to FTS5 MATCH syntax (SQLite) or a tsquery (PostgreSQL) from analyzed
terms only, so user text never reaches either engine's own query parser (no injection).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import KstError
from .analyzer import analyze_word, fold, WORD_RE


class QueryError(KstError):
    """A query that cannot be parsed; str() is the one line for the user."""

    def __init__(self, query: str, problem: str):
        super().__init__(f"malformed query {query!r}: {problem}")


@dataclass
class Term:
    stem: str


@dataclass
class Phrase:
    stems: list[str]


@dataclass
class And:
    children: list = field(default_factory=list)


@dataclass
class Or:
    children: list = field(default_factory=list)


@dataclass
class Not:
    child: object


OPERATORS = {"AND", "OR", "NOT"}
_TOKEN_RE = re.compile(r'\s*(?:(\()|(\))|"([^"]*)("?)|([^\s()"]+))')


def _tokens(q: str):
    pos = 0
    out = []
    while pos < len(q):
        m = _TOKEN_RE.match(q, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        lp, rp, phrase, closed, word = m.groups()
        if lp:
            out.append(("(", lp))
        elif rp:
            out.append((")", rp))
        elif phrase is not None:
            if not closed:
                raise QueryError(q, "a quote is not closed")
            out.append(("phrase", phrase))
        elif word:
            out.append(("op" if word in OPERATORS else "word", word))
    return out


def _stems(text: str) -> list[str]:
    return [analyze_word(fold(m.group()))[0] for m in WORD_RE.finditer(text)]


def parse_query(q: str):
    """Parse a query into a tree of Term/Phrase/And/Or/Not; raise QueryError when malformed."""
    toks = _tokens(q)
    i = 0

    def peek():
        return toks[i] if i < len(toks) else (None, None)

    def parse_or():
        nonlocal i
        kids = [parse_and()]
        while peek() == ("op", "OR"):
            i += 1
            kids.append(parse_and())
        return kids[0] if len(kids) == 1 else Or(kids)

    def parse_and():
        nonlocal i
        kids = [parse_unary()]
        while True:
            kind, val = peek()
            if kind == "op" and val == "AND":
                i += 1
                kids.append(parse_unary())
            elif kind in ("word", "phrase", "(") or (kind == "op" and val == "NOT"):
                kids.append(parse_unary())
            else:
                break
        return kids[0] if len(kids) == 1 else And(kids)

    def parse_unary():
        nonlocal i
        kind, val = peek()
        if kind == "op" and val == "NOT":
            i += 1
            return Not(parse_unary())
        return parse_atom()

    def parse_atom():
        nonlocal i
        kind, val = peek()
        if kind is None:
            prev = toks[i - 1][1] if i else None
            raise QueryError(q, f"{prev!r} needs a term after it" if prev else "the query is empty")
        if kind == "op":
            raise QueryError(q, f"{val!r} needs a term before and after it")
        if kind == ")":
            raise QueryError(q, "a ')' without its '('")
        i += 1
        if kind == "(":
            node = parse_or()
            if peek()[0] != ")":
                raise QueryError(q, "a '(' is not closed")
            i += 1
            return node
        stems = _stems(val)
        if not stems:
            return None
        return Term(stems[0]) if len(stems) == 1 else Phrase(stems)

    tree = parse_or()
    if i < len(toks):
        kind, val = toks[i]
        raise QueryError(q, "a ')' without its '('" if kind == ")" else f"unexpected {val!r}")
    tree = _simplify(tree)
    if tree is None:
        raise QueryError(q, "no searchable words")
    if not _positive(tree):
        raise QueryError(q, "NOT needs something to exclude from, e.g. 'navo NOT oekraine'")
    return tree


def _simplify(node):
    """Drop terms that analyzed to nothing (punctuation) and collapse one-child groups."""
    if isinstance(node, (And, Or)):
        kids = [k for k in (_simplify(c) for c in node.children) if k is not None]
        if not kids:
            return None
        return kids[0] if len(kids) == 1 else type(node)(kids)
    if isinstance(node, Not):
        child = _simplify(node.child)
        return Not(child) if child is not None else None
    return node


def _positive(node) -> bool:
    """True when the node can match on its own (not only exclude)."""
    if isinstance(node, Not):
        return False
    if isinstance(node, Or):
        return all(_positive(c) for c in node.children)
    if isinstance(node, And):
        return any(_positive(c) for c in node.children) and all(
            _positive(c) or isinstance(c, Not) for c in node.children)
    return True


def highlight_terms(node) -> tuple[set[str], list[list[str]]]:
    """(single terms, phrases) that a hit may contain, for snippets; NOT parts excluded."""
    terms: set[str] = set()
    phrases: list[list[str]] = []

    def walk(n):
        if isinstance(n, Term):
            terms.add(n.stem)
        elif isinstance(n, Phrase):
            phrases.append(n.stems)
        elif isinstance(n, (And, Or)):
            for c in n.children:
                walk(c)

    walk(node)
    return terms, phrases


# ---- compilers ------------------------------------------------------------------------------

def _fts_str(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def to_fts5(node, phrase_column: str = "stems") -> str:
    """FTS5 MATCH expression: terms match stems or compound parts, phrases only the stems."""
    if isinstance(node, Term):
        return _fts_str(node.stem)
    if isinstance(node, Phrase):
        return f"{phrase_column} : {_fts_str(' '.join(node.stems))}"
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(c, phrase_column) for c in node.children) + ")"
    if isinstance(node, And):
        pos = [c for c in node.children if not isinstance(c, Not)]
        neg = [c.child for c in node.children if isinstance(c, Not)]
        expr = "(" + " AND ".join(to_fts5(c, phrase_column) for c in pos) + ")"
        for n in neg:
            expr = f"({expr} NOT {to_fts5(n, phrase_column)})"
        return expr
    raise TypeError(node)


def _ts_str(s: str) -> str:
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


def to_tsquery(node) -> str:
    """tsquery text over pre-analyzed lexemes: stems carry weight A, compound parts weight B."""
    if isinstance(node, Term):
        return _ts_str(node.stem)
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(_ts_str(s) + ":A" for s in node.stems) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(c) for c in node.children) + ")"
    if isinstance(node, And):
        return "(" + " & ".join(to_tsquery(c) for c in node.children) + ")"
    if isinstance(node, Not):
        return "!" + to_tsquery(node.child)
    raise TypeError(node)
