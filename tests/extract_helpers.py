"""Documents for extraction tests built from the gold files' clean text (no parser needed)."""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from kamerstukken.eval import document_from_gold
from kamerstukken.model import Document, Section, Signatory, Source


def seed_document(seed: Path, gold: dict) -> Document:
    """The seed letter split into the gold's sections: body lines from `Hierbij` to the signature,
    line-break hyphens rejoined before a lower-case letter, footnote markers after `)` dropped."""
    text = seed.read_text(encoding="utf-8")
    body = text[text.index("Hierbij bied"):]
    headings = [h for h in gold["section_headings_complete"] if h]
    sections = [Section(heading=None)]
    para: list[str] = []

    def flush():
        if para:
            joined = ""
            for line in para:
                if joined.endswith("-") and line[:1].islower():
                    joined = joined[:-1] + line
                elif joined.endswith("-"):
                    joined += line
                elif joined:
                    joined += " " + line
                else:
                    joined = line
            joined = re.sub(r"\)\d\b", ")", re.sub(r"\s+", " ", joined)).strip()
            sections[-1].paragraphs.append(joined)
            para.clear()

    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            flush()
            continue
        if line in headings:
            flush()
            sections.append(Section(heading=line))
            continue
        para.append(line)
    flush()
    return Document(
        id=gold["id"], source=Source(path=str(seed), format="text", sha256=hashlib.sha256(text.encode()).hexdigest()),
        chamber="TK", kind="brief", heading=gold["heading"], sender=gold["sender"], addressee=gold["addressee"],
        place=gold["place"], date=gold["date"], signatories=[Signatory(**s) for s in gold["signatories"]],
        sections=sections, number=gold["number"],
    )


def letter_document(path: Path) -> tuple[dict, Document]:
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, document_from_gold(gold)
