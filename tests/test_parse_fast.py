"""The parse path's shortcuts give what the general code they skip gives, on real corpus text."""
from __future__ import annotations

import gzip
import json
import re

import pytest

from conftest import CORPUS, SEED
from kamerstukken.clean import paragraphs
from kamerstukken.parse import masthead
from kamerstukken.sources import read
from kamerstukken.sources.base import Block
from kamerstukken.sources.text import decode_text, read_text


def _texts(shared) -> list[str]:
    """The seed, the letters, every 20th third-party motie text and moties laid out as PDF text."""
    from kamerstukken.layout import layout_text, stuk_from_xml

    out = [SEED.read_text("utf-8")]
    out += [p.read_text("utf-8") for p in sorted((CORPUS / "letters").iterdir())]
    with gzip.open(CORPUS / "moties" / "texts.jsonl.gz", "rt", encoding="utf-8") as f:
        out += [json.loads(line)["text"] for i, line in enumerate(f) if i % 20 == 0]
    for p in sorted((CORPUS / "moties" / "xml").glob("*.xml"))[:60]:
        out.append(layout_text(stuk_from_xml(p.read_bytes())).text)
    return out


@pytest.fixture(scope="module")
def texts(shared):
    return _texts(shared)


def _read_text_per_line(data: bytes) -> tuple[list[tuple[str, int]], int | None]:
    """The reader as it was: every line split at its form feeds."""
    text = decode_text(data, None).replace("\r\n", "\n").replace("\r", "\n")
    blocks, page = [], 1
    for line in text.split("\n"):
        while "\f" in line:
            before, line = line.split("\f", 1)
            if before.strip():
                blocks.append((before, page))
            page += 1
        blocks.append((line, page))
    return blocks, (page if page > 1 else None)


@pytest.mark.parametrize("text", [
    "a\nb\fc\nd", "a\n\fc", "a\f\nc", "a\f", "\fa", "a\f\fb", "a\f \f b\n", "a\n \fb\f\n\n", "x\r\n\fy\rz",
])
def test_pages_split_at_form_feeds_as_lines_were(text):
    ex = read_text(text.encode(), None)
    assert ([(b.text, b.page) for b in ex.blocks], ex.pages) == _read_text_per_line(text.encode())


def test_text_reader_pages_on_the_corpus(texts):
    assert sum("\f" in t for t in texts) >= 10  # the laid-out moties have page breaks
    for t in texts:
        ex = read_text(t.encode(), None)
        assert ([(b.text, b.page) for b in ex.blocks], ex.pages) == _read_text_per_line(t.encode())


def _lines(texts):
    for t in texts:
        for line in t.replace("\f", "\n").split("\n"):
            if line.strip():
                yield line.strip()


def test_first_character_gates_hold_on_the_corpus(texts):
    """A line a gated pattern matches starts (or ends) with a character its gate lets through."""
    gates = [
        (paragraphs.LEADING_BULLET, lambda s: s[0] in paragraphs.BULLET_CHARS, lambda s: s + " "),
        (paragraphs.ELEMENT_DASH, lambda s: s[0] in paragraphs.DASH_CHARS, lambda s: s),
        (paragraphs.PRINTED_LABEL, lambda s: s[0] in paragraphs.LABEL_STARTS, lambda s: s),
    ]
    for line in _lines(texts):
        for rx, gate, arg in gates:
            assert gate(line) or not rx.match(arg(line)), (rx.pattern, line)
        assert paragraphs._without_marker(line) == paragraphs._TRAILING_MARKER.sub("", line), line
        assert paragraphs._URL_END.search(line) is None or "//" in line or "www." in line


@pytest.mark.parametrize("rx, gate, line", [
    (paragraphs.LEADING_BULLET, paragraphs.BULLET_CHARS, "• item "),
    (paragraphs.ELEMENT_DASH, paragraphs.DASH_CHARS, "– item"),
    (paragraphs.ELEMENT_DASH, paragraphs.DASH_CHARS, "- item"),
    (paragraphs.PRINTED_LABEL, paragraphs.LABEL_STARTS, "Plv. leden: X"),
    (paragraphs.PRINTED_LABEL, paragraphs.LABEL_STARTS, "Aanwezig zijn"),
])
def test_gates_let_their_patterns_through(rx, gate, line):
    assert rx.match(line) and line[0] in gate


@pytest.mark.parametrize("line", ["(STRAIIK-D).2", "virus.12", "virus.123", "nr. 12", "virus."])
def test_trailing_marker_taken_as_by_the_pattern(line):
    assert paragraphs._without_marker(line) == paragraphs._TRAILING_MARKER.sub("", line)


def _corpus_blocks(shared):
    yield read(SEED).blocks
    for p in sorted((CORPUS / "letters").iterdir()):
        yield read(p).blocks
    for sub in ("handelingen", "xml-varied", "pdf"):
        for p in sorted((CORPUS / sub).rglob("*")):
            if p.is_file():
                try:
                    yield read(p).blocks
                except Exception:
                    continue
    for p in sorted((CORPUS / "moties" / "xml").glob("*.xml"))[::50]:
        yield read(p).blocks


def test_head_read_from_the_first_lines_as_from_all(shared, texts, monkeypatch):
    """Cleaning the first lines only, then all when the head lies too low, finds the same head."""
    docs = list(_corpus_blocks(shared)) + [read_text(t.encode(), None).blocks for t in texts]
    # a long text whose Nr. line stands low, and one without a head
    seed = read_text(SEED.read_bytes(), None).blocks
    assert masthead._find_anchor([masthead._clean(b.text) for b in seed], 200) + 1 \
        < masthead._FIRST_CLEANED  # the seed's Nr. line is found in the first lines
    docs += [[Block("line", "") for _ in range(n)] + seed for n in range(0, 24)]
    docs += [[Block("line", f"regel {i}") for i in range(400)]]
    fast = [masthead.parse_masthead(list(b)) for b in docs]
    monkeypatch.setattr(masthead, "_FIRST_CLEANED", 10 ** 9)
    full = [masthead.parse_masthead(list(b)) for b in docs]
    assert len(docs) > 150
    for (fm, fr), (gm, gr) in zip(fast, full):
        assert fm == gm
        assert [id(b) for b in fr] == [id(b) for b in gr]


def test_a_head_below_the_first_cleaned_lines_is_still_found():
    blocks = [Block("line", f"Regel {i} van de tekst.") for i in range(70)] + read_text(SEED.read_bytes(), None).blocks
    meta, _ = masthead.parse_masthead(blocks)
    assert meta["number"] == "235" and meta["date"] == "2015-12-16"
    assert re.match(r"skipped 70 line", meta["head_warnings"][0])


def test_role_gate_holds_on_the_corpus(texts):
    """Every line or paragraph that SIGNATURE or ROLE_LINE matches names a role stem."""
    from kamerstukken import parse
    from kamerstukken.parse import structure

    paras = list(_lines(texts))
    for p in [SEED, *sorted((CORPUS / "letters").iterdir())]:
        paras += [x for s in parse(p, extract=False).sections for x in s.paragraphs]
    paras += ["De Minister van Buitenlandse Zaken, A.G. Koenders", "De Staatssecretaris van Financiën,",
              "De voorzitter van de commissie, Van der Lee", "De griffier van de commissie, Dekker"]
    hits = 0
    for t in paras:
        if structure.SIGNATURE.fullmatch(t.strip()) or structure.ROLE_LINE.match(t.strip()):
            hits += 1
            assert structure.names_role(t), t
    assert hits >= 4


def test_heading_gates_hold_on_the_corpus(texts):
    """Where looks_like_heading asks _NUMBERS_ONLY, a line it matches starts with a digit."""
    for line in [*_lines(texts), "12 34", "1.2", "2", "- 3 -"]:
        if (line[0].isupper() or line[0].isdigit() or line[0] in "«\"'") and paragraphs._NUMBERS_ONLY.fullmatch(line):
            assert line[0].isdigit(), line
        if paragraphs.FORM_FIELD.match(line):
            assert ":" in line


def test_fold_of_ascii_as_by_decomposition():
    import unicodedata
    from kamerstukken.clean import dehyphen

    for c in map(chr, range(0x250)):
        assert dehyphen._fold(c) == unicodedata.normalize("NFKD", c)[:1].lower()


def test_control_characters_counted_from_bytes_as_by_the_pattern(texts):
    import random

    from kamerstukken.errors import ReadError
    from kamerstukken.sources import text as text_reader

    rng = random.Random(13)
    samples = [t.encode("utf-8") for t in texts]
    samples += [b"\xef\xbb\xbf" + samples[0], "caf\u00e9 \x01\x0b\x0c\x1f \ufffd".encode(), "x\x0bé".encode("cp1252"),
                bytes(range(1, 256)), b"a\x81\x8d\x90b\x02"]
    samples += [bytes(rng.randrange(1, 256) for _ in range(rng.randrange(1, 3000))) for _ in range(300)]
    samples += [bytes(rng.choice(b"ab \n\x01\x0b\x1f\xc3\xa9") for _ in range(rng.randrange(1, 500))) for _ in range(300)]
    for data in samples:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        assert text_reader._control_count(data, text) == len(text_reader._CONTROL.findall(text, 0, 20000)), data[:80]
        try:
            text_reader.decode_text(data, None)
        except ReadError:
            pass


def _candidates_by_scanning(text):
    """The marker candidates as they were found: MARKER and the five-digit test over the whole text."""
    from kamerstukken.clean.footnotes import MARKER, YEAR_MARKER

    candidates = list(MARKER.finditer(text))
    if re.search(r"\d{5}", text):
        candidates = sorted([*candidates, *YEAR_MARKER.finditer(text)], key=lambda m: m.start(1))
    return [(m.re.pattern, m.span(), m.span(1)) for m in candidates]


def test_markers_found_at_digit_runs_as_by_scanning(texts):
    import random

    from kamerstukken import parse
    from kamerstukken.clean.footnotes import marker_candidates

    docs = []
    for t in texts:  # the paragraphs before their markers are taken
        ex = read_text(t.encode(), None)
        head, body = masthead.parse_masthead(ex.blocks)
        from kamerstukken.clean import clean_lines
        body, _ = clean_lines(body, print_hint=head.get("layout") == "print")
        docs.append([b.text for b in body if b.kind == "para"])
    docs.append([x for p in [SEED, *sorted((CORPUS / "letters").iterdir())]
                 for s in parse(p, extract=False).sections for x in s.paragraphs])
    rng = random.Random(7)
    alphabet = ["a", "Z", " ", ".", ",", ")", "»", "’", "\n", "1", "2", "3", "0", "9", "\u0661", "\uff12", "²",
                "van ", "mei ", "2021", "20211", "199", "-", ";"]
    docs += [["".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 40))) for _ in range(30)]
             for _ in range(200)]
    docs.append(["zie bijlage 1)1.", "Luxemburg1. en2", "virus.1\n", "in juni 20212.", "CO2 en m2", "stap ٢ a١ b٣."])
    hits = 0
    for paras in docs:
        for p in paras:
            got = [(m.re.pattern, m.span(), m.span(1)) for m in marker_candidates(p)]
            assert got == _candidates_by_scanning(p), p
            hits += len(got)
    assert hits > 1000


def test_digits_found_as_by_the_pattern(texts):
    import random

    from kamerstukken.clean.footnotes import has_digit

    rng = random.Random(3)
    chars = ["a", "é", "’", "–", " ", "1", "٣", "０", "²", "\ud800", "𝟘", "€", "x"]
    samples = [*_lines(texts), *texts, "", "x", "²³", "٣", "𝟘", "a\ud800b", "’’", "é9"]
    samples += ["".join(rng.choice(chars) for _ in range(rng.randrange(0, 12))) for _ in range(3000)]
    for t in samples:
        assert has_digit(t) == (re.search(r"\d", t) is not None), t


def test_lines_without_a_break_hyphen_join_with_spaces(texts):
    """build_paragraphs joins a paragraph whose lines (but the last) end without a hyphen by
    single spaces; join_lines gives the same."""
    from kamerstukken.clean.dehyphen import Dehyphenator

    checked = 0
    for t in texts:
        lines = [x for x in map(str.strip, t.split("\n")) if x]
        dehyph = Dehyphenator(t)
        for i in range(0, len(lines), 3):
            group = lines[i:i + 4]
            if any(x.endswith("-") for x in group[:-1]):
                continue
            assert paragraphs.join_lines(group, dehyph) == paragraphs._squeezed(" ".join(group)), group
            checked += 1
    assert checked > 1000


def _spelled_in_text(text: str, word: str) -> bool:
    """Dehyphenator._spelled as it was: a search of text.lower() as a str."""
    low, i = text.lower(), text.lower().find(word)
    while i >= 0:
        end = i + len(word)
        if (i == 0 or not low[i - 1].isalpha()) and (end == len(low) or not low[end].isalpha()):
            return True
        i = low.find(word, i + 1)
    return False


def test_spelled_in_utf8_as_in_the_text(texts):
    import random

    from kamerstukken.clean.dehyphen import Dehyphenator, lower_utf8

    rng = random.Random(5)
    extra = ["Één ÉÉN één", "ΣΟΦΙΑ Σ σοφία", "İstanbul i̇stanbul", "NAVO-verdrags gebied NAVO-Verdragsgebied",
             "a\ud800b ab", "x²y x2y", "ß SS ẞ", "ǅemal ǆemal", "ﬁets fiets", "KELVIN Kk"]
    samples = texts[::3] + extra
    samples += ["".join(rng.choice(["a", "B", "é", "É", "-", " ", "Σ", "ß", "2", "’", "İ"]) for _ in range(60))
                for _ in range(200)]
    checked = 0
    for t in samples:
        assert lower_utf8(t) == t.lower().encode("utf-8", "surrogatepass")
        d = Dehyphenator(t)
        words = {w.lower() for w in re.findall(r"[\w’-]+", t)}
        words |= {w[1:] for w in words if len(w) > 1} | {w[:-1] for w in words if len(w) > 1}
        for w in sorted(words - {""})[:300] + ["é", "σ", "i̇", "ss", "ǆ", "a"]:
            assert d._spelled(w) == _spelled_in_text(t, w), (t[:60], w)
            checked += 1
    assert checked > 5000


def test_furniture_patterns_start_as_their_gates_say(texts):
    """A running header starts with T or E, a footer with another furniture character."""
    from kamerstukken.clean import FURNITURE_START, HEADER_START
    from kamerstukken.clean.headers import is_footer, is_running_header

    furniture = 0
    for t in texts:
        for line in t.replace("\f", "\n").split("\n"):
            first = line.strip()[:1]
            if is_running_header(line):
                assert first in HEADER_START
                furniture += 1
            if is_footer(line):
                assert first in FURNITURE_START and first not in HEADER_START
                furniture += 1
    assert furniture > 50


@pytest.mark.parametrize("lines", [[], [""], ["a"], ["a", " "], ["a", "b"], [" ", "a", "", "b"], ["x" * 121, "a"],
                                   [" " * 130, "a", "b"], ["abc", "def " + "y" * 118]])
def test_print_layout_of_short_lines_decided_early(lines):
    """What the shortcut for a print head with short lines says is what the general rule says."""
    nonblank = [s for s in map(str.strip, lines) if s]
    if len(nonblank) < 2:
        expected = True
    elif max(map(len, nonblank)) > 120:
        wraps = sum(1 for a, b in zip(nonblank, nonblank[1:])
                    if (a[-1:].isalnum() or a.endswith("-")) and b[:1].islower())
        expected = wraps < 0.3 * len(nonblank)
    else:
        expected = False
    assert paragraphs.is_element_layout(lines, print_hint=True) == expected
