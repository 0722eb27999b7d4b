"""The document head as printed: chamber, vergaderjaar, dossiers, Nr. + heading, addressee, date."""
from __future__ import annotations

import re

from ..sources.base import Block
from .metadata import (
    HEADING_START, ascii_dashes, parse_dutch_date, parse_session_year, split_dossier,
)

CHAMBER_RE = re.compile(r"^(Tweede|Eerste)\s+Kamer\s+der\s+Staten[-\s]Generaal\b", re.IGNORECASE)
SESSION_LINE = re.compile(r"^Vergaderjaar\s+\d{4}\s*[-\u2010-\u2014/]\s*\d{4}$", re.IGNORECASE)
NR_RE = re.compile(r"^Nr\.?\s*(?P<num>\d+[a-zA-Z]?)?\.?(?:\s+(?P<rest>.+))?$", re.IGNORECASE)
NUMBER_ONLY = re.compile(r"^\d+[a-zA-Z]?$")
ADDRESSEE_RE = re.compile(r"^Aan\s+(?:de|het)\s+(?P<to>.+?)\s*$", re.IGNORECASE)
PLACE_DATE_RE = re.compile(
    r"^(?P<place>Den Haag|['\u2019]s-Gravenhage|Brussel|Luxemburg|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s+"
    r"(?P<date>\d{1,2}\s+\w+\.?\s+\d{4})\s*$"
)
DATED_RE = re.compile(r"^(?P<what>Voorgesteld|Vastgesteld|Ontvangen|Ingezonden)\b\s*(?P<date>.*)$",
                      re.IGNORECASE)
SKIP_LINES = re.compile(r"^(Kamerstukken|Kamerstuk|\d|Staten-Generaal)$", re.IGNORECASE)


_WS = re.compile(r"\s+")
# (compiled once: a module-level re.match looks its pattern up in re's cache at every call)
_HYPHEN_WORD = re.compile(r"-\w")
_RAADNUMMER = re.compile(r"\d{1,3}")
_RIJKSWET = re.compile(r"\(?R\s?\d{3,5}\)?")
_CHAPTER = re.compile(r"[IVXLC]+|[A-Z]")
_YEAR_START = re.compile(r"(?:19|20)\d\d(?!\d)(?! \d{3})")
_SITE_HEAD = re.compile(r"^(\d+[a-z]?)\s+(.+)$")


def _clean(text: str) -> str:
    # web renderings put table bars in the head: `Tweede Kamer der Staten-Generaal | 2 |`
    if "|" in text or "  " in text or "\t" in text or "\u00a0" in text:
        return _WS.sub(" ", text.replace("|", " ")).strip()
    return text.strip()


def _join(a: str, b: str) -> str:
    """Join element lines the way the text ran: no space inside brackets or before punctuation."""
    if a.endswith(("(", "[", "\u00ab")) or b.startswith((")", "]", ",", ";", ".", ":", "\u00bb")) \
            or _HYPHEN_WORD.match(b) or (b.isdigit() and len(b) <= 2 and a[-1:].isalpha()):
        return a + b  # brackets, punctuation, and sub/superscripts (`CO` / `2` / `-emissie`)
    return f"{a} {b}"


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


HEAD_KINDS = ("line", "masthead", "para", "heading")
# Lines cleaned before the head is looked for, and at a time as the head reads on: a document
# need not have its first 280 lines cleaned when its `Nr.` line stands near the top.
_FIRST_CLEANED = 12


def _clean_texts(blocks: list[Block]) -> list[str]:
    return [_clean(b.text) if b.kind in HEAD_KINDS else "" for b in blocks]


def _find_anchor(texts: list[str], limit: int) -> int | None:
    """Index of the `Nr.` line of the head (or of `Vergaderjaar` when there is no Nr.)."""
    for i, t in enumerate(texts[:limit]):
        m = NR_RE.match(t)
        if not m:
            continue
        has_num = m.group("num") or (i + 1 < len(texts) and NUMBER_ONLY.match(texts[i + 1] or ""))
        if not has_num:
            continue
        window = texts[max(0, i - 40):i]
        if any(split_dossier(w) or SESSION_LINE.match(w) or CHAMBER_RE.match(w) for w in window if w):
            return i
        if m.group("rest") and HEADING_START.match(m.group("rest")) and _is_upper(m.group("rest")):
            return i  # `Nr. 249 VERSLAG VAN EEN ALGEMEEN OVERLEG` is a head by itself
    for i, t in enumerate(texts[:limit]):
        if SESSION_LINE.match(t):
            return i
    return None


def parse_masthead(blocks: list[Block]) -> tuple[dict, list[Block]]:
    """Split the head off; return (metadata found, remaining blocks)."""
    if not any(b.kind in HEAD_KINDS for b in blocks):
        return {}, blocks
    structured = blocks[0].kind != "line"
    limit = 20 if structured else 200
    # the head is near the top: clean only what the search can reach, and first only the top
    # lines. A `Nr.` line found there, with the line after it, is the anchor a search of all the
    # lines finds (the search reads no further); the lines below are cleaned as the head reads them.
    reach = min(len(blocks), limit + 80)
    texts = _clean_texts(blocks[:min(reach, _FIRST_CLEANED)])
    anchor = _find_anchor(texts, limit)
    if len(texts) < reach and (anchor is None or anchor + 1 >= len(texts) or not NR_RE.match(texts[anchor])):
        texts += _clean_texts(blocks[len(texts):reach])
        anchor = _find_anchor(texts, limit)

    def text_at(i: int) -> str:
        """The cleaned line `i` (< reach), cleaning a few more lines when the head reads on."""
        if i >= len(texts):
            texts.extend(_clean_texts(blocks[len(texts):min(reach, i + _FIRST_CLEANED)]))
        return texts[i]

    if anchor is None:
        # masthead blocks without a recognisable Nr. still belong to the head
        heads = [i for i, b in enumerate(blocks) if b.kind == "masthead"]
        if not heads:
            return _loose_head(texts[:60]), blocks
        anchor = heads[-1]
    meta: dict = {"dossier": []}
    warnings: list[str] = []
    # walk back over the head lines above the anchor
    start = anchor
    j = anchor - 1
    while j >= 0 and anchor - j <= 40:
        t = texts[j]
        if not t or CHAMBER_RE.match(t) or SESSION_LINE.match(t) or SKIP_LINES.match(t) \
                or split_dossier(t) or (blocks[j].kind == "masthead"):
            start = j
        elif any(split_dossier(texts[x]) for x in range(max(0, j - 30), j) if texts[x]) \
                and not any(NR_RE.match(texts[x]) for x in range(j, anchor)):
            start = j  # a dossier title on its own line, or wrapped
        else:
            break
        j -= 1
    # the dossier title may wrap; collect lines between a dossier number and the next element
    current = None
    for k in range(start, anchor):
        t = texts[k]
        if not t:
            current = None if current is None or current.get("title") else current
            continue
        if m := CHAMBER_RE.match(t):
            meta["chamber"] = "TK" if m.group(1).lower() == "tweede" else "EK"
            continue
        if SESSION_LINE.match(t):
            meta["session_year"] = parse_session_year(ascii_dashes(t))
            continue
        if SKIP_LINES.match(t) and (current is None or not t.isdigit()):
            continue
        if current is not None and not current.get("title") and t in ("-", "\u2013"):
            current["_dash"] = True
            continue  # `36 625` / `-` / `XII`: the suffix follows on its own line
        if current is not None and current.pop("_dash", False) and _RAADNUMMER.fullmatch(t):
            current["suffix"] = t  # `21 501` / `-` / `20`: a raadnummer
            continue
        if current is not None and not current.get("title") and _RIJKSWET.fullmatch(t):
            continue  # the rijkswet number `(R2160)` is not part of the title
        if current is not None and not current.get("title") and t in ("(", ")"):
            continue
        if current is not None and not current.get("title") and not current.get("suffix") \
                and _CHAPTER.fullmatch(t):
            current["suffix"] = t  # begrotingshoofdstuk on its own line: `36 410` / `VII`
            continue
        split = split_dossier(t)
        if split and current and current.get("title") and _YEAR_START.match(t):
            split = None  # a year that wrapped onto the next line of a dossier title
        if split and (not current or current.get("title") or split[2]):
            number, suffix, title = split
            site = _SITE_HEAD.match(title)
            if site and HEADING_START.match(site.group(2)):
                # a site's one-line head: `35000 V 85 BRIEF VAN DE MINISTER …`
                meta.setdefault("number", site.group(1))
                meta.setdefault("heading", site.group(2))
                title = ""
            current = {"number": number, "suffix": suffix, "title": title or None}
            meta["dossier"].append(current)
            continue
        if current is not None:
            current["title"] = _join(current["title"], t) if current.get("title") else t
    if start > 0:
        skipped = sum(1 for t in texts[:start] if t)
        if skipped:
            warnings.append(f"skipped {skipped} line(s) before the document head")
    # the Nr. line and what follows it
    k = anchor
    nr = NR_RE.match(text_at(k)) if k < reach else None
    heading_parts: list[str] = []
    if nr:
        if nr.group("num"):
            meta["number"] = nr.group("num")
            if nr.group("rest") and structured is False:
                meta["layout"] = "print"  # `Nr. 235  BRIEF VAN …` on one line, as printed
            if nr.group("rest"):
                heading_parts.append(nr.group("rest"))
        else:
            k += 1
            meta["number"] = text_at(k)
            # `Nr.` and the number on lines of their own: one element per line, not print
            meta["layout"] = "element"
        k += 1
    elif SESSION_LINE.match(text_at(k)):
        meta["session_year"] = parse_session_year(ascii_dashes(text_at(k)))
        k += 1
    end = k
    seen_blank = False
    steps = 0
    while k < reach and steps < 16:
        t = text_at(k)
        steps += 1
        if blocks[k].kind not in HEAD_KINDS:
            break
        if not t:
            seen_blank = True
            k += 1
            end = k
            continue
        if not heading_parts and HEADING_START.match(t):
            heading_parts.append(t)
        elif heading_parts and not seen_blank and _is_upper(t) and not meta.get("addressee") \
                and not meta.get("date") and len(heading_parts) < 5 and blocks[k].kind != "heading":
            # a block a structured reader marks as heading is the first section (`ALGEMEEN DEEL`),
            # while printed heading lines wrap as plain lines
            heading_parts.append(t)
        elif m := ADDRESSEE_RE.match(t):
            if meta.get("addressee") or len(t) > 120:
                break
            meta["addressee"] = m.group("to").rstrip(",")
        elif m := PLACE_DATE_RE.match(t):
            meta["place"] = m.group("place").replace("\u2019", "'")
            meta["date"] = parse_dutch_date(m.group("date"))
        elif m := DATED_RE.match(t):
            d = parse_dutch_date(m.group("date"))
            if not d and k + 1 < reach:
                # `Voorgesteld tijdens het Wetgevingsoverleg van` / `2 december 2024`
                d = parse_dutch_date(text_at(k + 1))
                k += 1 if d else 0
            if not d:
                break
            meta["date"] = d
        elif blocks[k].kind == "masthead":
            pass
        else:
            break
        seen_blank = False
        k += 1
        end = k
    for d in meta["dossier"]:
        d.pop("_dash", None)
    if heading_parts:
        meta["heading"] = " ".join(heading_parts)
    if meta.get("heading"):
        meta["heading"] = _WS.sub(" ", meta["heading"]).strip()
    meta["head_warnings"] = warnings
    return meta, blocks[end:]


TITLE_PREFIX = re.compile(r"^(?:Document|Titel|Onderwerp)\s*:\s*", re.IGNORECASE)
COMMITTEE_RE = re.compile(r"^Voortouwcommissie\s*:\s*(?P<c>(?:vaste|algemene)\s+commissie\s+voor\s+.+)$",
                          re.IGNORECASE)


def _loose_head(texts: list[str]) -> dict:
    """No printed Kamerstuk head (a besluitenlijst, a note): take what the first lines state,
    without taking any line out of the text."""
    meta: dict = {}
    for i, t in enumerate(texts):
        if not t:
            continue
        if not meta.get("date") and (m := PLACE_DATE_RE.match(t)):
            meta["place"] = m.group("place").replace("\u2019", "'")
            meta["date"] = parse_dutch_date(m.group("date"))
        elif not meta.get("heading") and HEADING_START.match(TITLE_PREFIX.sub("", t)) and len(t) < 200:
            heading = TITLE_PREFIX.sub("", t)
            # a field's value wrapped in print goes on in lower case: `… van woensdag 26` / `oktober 2016`
            for nxt in texts[i + 1:i + 3]:
                if not nxt or not nxt[0].islower():
                    break
                heading += " " + nxt
            meta["heading"] = heading
        elif not meta.get("sender") and (m := COMMITTEE_RE.match(t)):
            meta["sender"] = m.group("c")
    return meta


RUNNING_HEADER = re.compile(
    r"^\s*(?P<chamber>Tweede|Eerste) Kamer,\s+vergaderjaar\s+(?P<y>\d{4}\s*[-\u2010-\u2014]\s*\d{4}),\s*"
    r"(?P<dossier>.+?),\s*nr\.\s*(?P<number>\d+[a-z]?)(?:\s+\d{1,4})?\s*$",
    re.IGNORECASE,
)


def parse_running_header(line: str) -> dict | None:
    """`Tweede Kamer, vergaderjaar 2015–2016, 28 676, nr. 235 2` → identity it states."""
    m = RUNNING_HEADER.match(line)
    if not m:
        return None
    split = split_dossier(ascii_dashes(m.group("dossier")))
    return {
        "chamber": "TK" if m.group("chamber").lower() == "tweede" else "EK",
        "session_year": parse_session_year(ascii_dashes(m.group("y"))),
        "dossier": [{"number": split[0], "suffix": split[1], "title": None}] if split else [],
        "number": m.group("number"),
    }
