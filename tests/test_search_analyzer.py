"""The Dutch analyzer and the query parser, on words from the seed and the moties."""
from __future__ import annotations

import re

import pytest

from kamerstukken.search.analyzer import analyze, fold, split_compound, stem
from kamerstukken.search.query import (And, Not, Or, Phrase, QueryError, Term, parse_query,
                                       to_fts5, to_tsquery)
from kamerstukken.search.snippet import snippet


def test_fold_and_hyphens():
    assert fold("NAVO-Oekraïne") == "navo-oekraine"
    assert analyze("NAVO-Oekraïne Commissie").stems == ["navo", "oekrain", "commissie"]
    assert analyze("open-source").stems == analyze("open source").stems


def test_stemming():
    assert stem("verlenging") == stem("verlengen")
    assert stem("gebied") != stem("bieden")  # the Porter variant keeps ge- words apart


@pytest.mark.parametrize("word,parts", [
    ("verdragsgebied", ("verdrag", "gebied")), ("geboortezorg", ("geboorte", "zorg")),
    ("toetredingsverdrag", ("toetreding", "verdrag")), ("mensenrechten", ("mensen", "rechten")),
    ("jeugdzorg", ("jeugd", "zorg"))])
def test_compounds_split(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize("word", ["regering", "verlenging", "bestrijding", "onderzoek",
                                  "voorstel", "hierover", "mogelijkheden", "ministerie"])
def test_not_compounds(word):
    assert split_compound(word) == ()


def test_seed_text_parts(shared):
    text = (shared / "corpus" / "seed" / "kst-28676-235.txt").read_text(encoding="utf-8")
    a = analyze(text.replace("-\n", ""))
    assert "gebied" in a.parts and "verdrag" in a.parts


def test_parser_tree():
    assert parse_query("navo") == Term("navo")
    assert parse_query('"NAVO-Oekraïne Commissie"') == Phrase(["navo", "oekrain", "commissie"])
    assert parse_query("NAVO-Oekraïne") == Phrase(["navo", "oekrain"])
    assert parse_query("a OR b c") == Or([Term("a"), And([Term("b"), Term("c")])])
    assert parse_query("navo NOT (rusland OR oekraine)") == And(
        [Term("navo"), Not(Or([Term("rusland"), Term("oekrain")]))])


def test_compiled_queries_quote_everything():
    tree = parse_query('navo "open source" NOT rusland')
    assert to_fts5(tree) == '(("navo" AND stems : "open sourc") NOT "rusland")'
    assert to_tsquery(tree) == "('navo' & ('open':A <-> 'sourc':A) & !'rusland')"
    # operators and quotes in user text never reach the engines' syntax
    assert '"' not in to_fts5(parse_query("x' OR 1=1 --")).replace('"', "")


@pytest.mark.parametrize("q,msg", [
    ('"unclosed', "quote is not closed"), ("AND OR", "'AND' needs a term"),
    ("navo AND", "'AND' needs a term"), ("NOT navo", "NOT needs something"),
    ("(navo", "'(' is not closed"), ("navo)", "')' without"), ("", "empty"), ("-- ;", "no searchable")])
def test_malformed(q, msg):
    with pytest.raises(QueryError, match=re.escape(msg)):
        parse_query(q)


def test_snippet_marks_and_escapes():
    para = "De NAVO besloot de missie <fase 1> te verlengen & zo."
    s = snippet([para], {stem("verlenging")}, [])
    assert "<mark>verlengen</mark>" in s and "&lt;fase 1&gt;" in s and "&amp;" in s
