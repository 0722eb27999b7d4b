"""Body blocks → sections, footnotes, annexes and the signature."""
from __future__ import annotations

import re
from functools import lru_cache

from ..sources.base import Block
from ..members import member_name
from .metadata import kind_from_heading

ROLE_WORD = (r"(?:[Ff]ungerend\s+|[Ww]aarnemend\s+)?(?:[Aa]djunct-)?"
             r"(?:[Mm]inister-[Pp]resident|[Mm]inister|[Ss]taatssecretaris|[Vv]oorzitter|[Gg]riffier)")
# A person as printed under a Kamerstuk: initials or first names, tussenvoegsels, surname
# (`A.G. Koenders`, `Diederik van Dijk`, `Van der Plas`, `El Abassi`, `Slagt-Tichelman`).
_CAP = r"[A-ZÀ-Þ][\w'’à-ÿ]*(?:-[A-ZÀ-Þ]?[\w'’à-ÿ]+)*"
_TUSSEN = r"(?:van|de|der|den|ten|ter|te|in|'t|het|la|le|du|da|del|el|al|op|von|zu)"
# an initial misprinted with a comma (`D, van Dijk`) is still an initial
NAME = rf"(?:[A-Z][a-z]?[.,]\s?)*(?:(?:{_CAP}|{_TUSSEN})\s+){{0,4}}{_CAP}"
SIGNATURE = re.compile(
    rf"(?:(?:De|Het)\s+)?(?P<role>{ROLE_WORD}\b[^.;]*?),\s*(?P<name>{NAME})(?<!\sDe)(?<!\sHet)(?=\s+(?:(?:De|Het)\s+)?{ROLE_WORD}|\s*$)"
)
ROLE_LINE = re.compile(rf"^(?:(?:De|Het)\s+)?{ROLE_WORD}\b")


def names_role(text: str) -> bool:
    """Holds the stem of a ROLE_WORD, as SIGNATURE and ROLE_LINE need: most paragraphs do not."""
    return "inister" in text or "taatssecretaris" in text or "oorzitter" in text or "riffier" in text


MOTIE_END = re.compile(r"^en gaat over tot (?:de )?orde van (?:de|het) dag[.,;]?$", re.IGNORECASE)
BARE_NAME = re.compile(rf"^{NAME}$")
ANNEX = re.compile(r"\b[Bb]ijlage\s+(\d+|[IVX]+)\b(\))?")
NUMBERED = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
_COMMA_INITIAL = re.compile(r"^([A-Z][a-z]?),\s*")  # `D, van Dijk`: an initial misprinted with a comma


def _indiener(printed: str) -> dict:
    """An indiener as printed, initials added where exactly one Kamerlid is printed so
    (`Van Nispen` → `M. van Nispen`), as the XML reader names them."""
    return {"name": _indiener_name(printed), "role": None}


@lru_cache(maxsize=4096)
def _indiener_name(printed: str) -> str:
    """(The same few hundred Kamerleden sign every motie: each printed form is looked up once.)"""
    printed = _COMMA_INITIAL.sub(r"\1. ", printed.strip())
    return member_name(printed.rstrip(".,"))[0]


def _signature(blocks: list[Block], motie: bool = False) -> tuple[list[dict], int]:
    """Signatories at the end of the body and how many trailing blocks they take."""
    # moties: every line after `en gaat over tot de orde van de dag.` is an indiener
    for i in range(len(blocks) - 1, max(-1, len(blocks) - 40), -1):
        if blocks[i].kind == "para" and MOTIE_END.match(blocks[i].text.strip()):
            names = [b for b in blocks[i + 1:] if b.kind in ("para", "heading", "signature")]
            if names and all(BARE_NAME.match(b.text.strip().rstrip(".,")) for b in names):
                return [_indiener(b.text) for b in names], len(blocks) - i - 1
    if motie:
        # the closing formula is sometimes missing: the names still end the motie
        names = []
        for b in reversed(blocks):
            t = b.text.strip().rstrip(".,")
            if b.kind in ("para", "heading", "signature") and len(t) < 60 and BARE_NAME.match(t):
                names.insert(0, _indiener(t))
            else:
                break
        if names and len(names) < len(blocks):
            return names, len(names)
    explicit = [b for b in blocks if b.kind == "signature"]
    # web renderings put navigation after the signature (`Naar boven`): look past a few short lines
    for skip in range(0, 4):
        end = len(blocks) - skip
        if end <= 0 or (skip and (len(blocks[end].text) > 40 or blocks[end].kind == "footnote")):
            break
        found, taken = _signature_at(blocks[:end])
        if found:
            return found, taken + skip
    if explicit:
        found, _ = _signature_at(explicit)
        return found, 0
    return [], 0


def _role(printed: str) -> str:
    """The role as printed, its office word in running-text case: `minister van Financiën`."""
    role = printed.strip()
    return role[0].lower() + role[1:]


def _signature_at(blocks: list[Block]) -> tuple[list[dict], int]:
    taken = 0
    tail: list[str] = []
    for b in reversed(blocks):
        t = b.text.strip()
        if b.kind == "footnote" and not tail:
            continue
        if b.kind in ("para", "heading", "signature") and len(t) < 400 and (
                ROLE_LINE.match(t) or BARE_NAME.match(t)):
            tail.insert(0, t)
            taken += 1
        else:
            break
    found = []
    for m in SIGNATURE.finditer(" ".join(tail)):
        found.append({"name": m.group("name").strip(), "role": _role(m.group("role"))})
    return (found, taken) if found else ([], 0)


WEB_NOTE = re.compile(r"^(?:X\s+)?Noot\s*(\d+)?$")


def _web_footnotes(body: list[Block]) -> list[Block]:
    """Web renderings print footnotes as `X Noot` / `1` / text after the body: make them notes."""
    if not any("Noot" in b.text for b in body):
        return list(body)  # (most bodies hold no `Noot`)
    out: list[Block] = []
    i = 0
    while i < len(body):
        b = body[i]
        m = WEB_NOTE.match(b.text.strip()) if "Noot" in b.text else None
        if m and m.group(1) and i + 1 < len(body):
            out.append(Block("footnote", body[i + 1].text.strip(), marker=m.group(1)))
            i += 2
            continue
        if m and i + 2 < len(body) and body[i + 1].text.strip().isdigit():
            out.append(Block("footnote", body[i + 2].text.strip(), marker=body[i + 1].text.strip()))
            i += 3
            continue
        out.append(b)
        i += 1
    return out


def assemble(body: list[Block], meta: dict):
    """Return sections, footnotes, annexes, signatories and warnings."""
    warnings: list[str] = []
    body = _web_footnotes(body)
    motie = (meta.get("kind") or kind_from_heading(meta.get("heading"))) in ("motie", "amendement")
    signatories, taken = _signature(body, motie)
    # a verslag of a schriftelijk overleg is signed after its opening, before the questions
    inner = []
    head = body[:len(body) - taken]
    for i, b in enumerate(head):
        if not names_role(b.text):
            continue  # neither a signature nor a role line
        text = b.text.strip()
        m = SIGNATURE.fullmatch(text) if b.kind in ("para", "heading") and len(text) < 250 else None
        if not m and i + 1 < len(head) and text.endswith(",") and ROLE_LINE.match(text) \
                and BARE_NAME.match(head[i + 1].text.strip()):
            # one element per line: the role, then the name
            m = SIGNATURE.fullmatch(f"{text} {head[i + 1].text.strip()}")
            if m:
                head[i + 1].kind = "signature"
        if m:
            inner.append({"name": m.group("name").strip(), "role": _role(m.group("role"))})
            b.kind = "signature"
    signatories = [dict(t) for t in dict.fromkeys(tuple(x.items()) for x in inner + signatories)]
    content = body[:len(body) - taken] if taken else body
    if taken:
        after = body[len(body) - taken:]
        content = content + [b for b in after if b.kind == "footnote"]
    content = [b for b in content if b.kind != "signature"]
    sections: list[dict] = [{"heading": None, "level": 1, "paragraphs": []}]
    footnotes: list[dict] = []
    texts_by_marker: dict[str, str] = {}
    if content and content[-1].kind == "heading" and len(content) > 1:
        content[-1].kind = "para"  # nothing follows it: the text's last line, not a heading
    for b in content:
        if b.kind == "heading":
            m = NUMBERED.match(b.text)
            level = b.level if b.level and b.level > 1 else (m.group(1).count(".") + 1 if m else 1)
            sections.append({"heading": b.text.strip(), "level": level, "paragraphs": []})
        elif b.kind == "para":
            sec = sections[-1]
            for marker, offset, note_text in b.notes:
                footnotes.append({"marker": marker, "text": note_text, "section": len(sections) - 1,
                                  "paragraph": len(sec["paragraphs"]), "offset": offset})
            sec["paragraphs"].append(b.text)
        elif b.kind == "footnote" and b.marker:
            texts_by_marker[b.marker] = b.text
    if not sections[0]["paragraphs"] and len(sections) > 1:
        # no untitled opening: drop the empty first section
        sections.pop(0)
        for f in footnotes:
            f["section"] -= 1
    for f in footnotes:
        if f["text"] is None and f["marker"] in texts_by_marker:
            f["text"] = texts_by_marker.pop(f["marker"])
    for marker in texts_by_marker:
        warnings.append(f"footnote {marker} has text but no marker in the body")
    annexes: list[dict] = []
    seen = set()
    for si, sec in enumerate(sections):
        for pi, para in enumerate(sec["paragraphs"]):
            if "ijlage" not in para:
                continue  # (a plain substring test before the pattern: most paragraphs name none)
            for m in ANNEX.finditer(para):
                label = f"bijlage {m.group(1)}"
                if label in seen:
                    continue
                seen.add(label)
                end = m.end()
                marker = next((f["marker"] for f in footnotes if f["section"] == si
                               and f["paragraph"] == pi and f["offset"] == end), None)
                annexes.append({"label": label, "footnote": marker, "title": None})
    return sections, footnotes, annexes, signatories, warnings
