"""A committee's besluitenlijst: what each `Besluit:` field decides, and who decides it.

A besluitenlijst lists the agenda of a procedurevergadering as form fields (labels in
data/form_labels.txt): `Zaak:` names a document, `Besluit:` says what the committee decided about
it, `Noot:` adds context. The decision is the committee's even when the field has no verb at all
(`Besluit: Voor kennisgeving aangenomen.`), so the sentence rules alone cannot find it.
"""
from __future__ import annotations

import re

from ..clean.paragraphs import FORM_FIELD
from ..model import Document, Event, Statement
from .records import statement
from .dates import DATE, WEEKDAYS, resolve
from .sentences import spans
from .statements import KIND_ORDER

# fields that name documents or committees: a cue inside a document's title is not something
# the committee says (`Zaak: … Verzoek van het lid Karabulut (SP) om de minister-president uit
# te nodigen …`)
TITLE_FIELDS = frozenset({"Zaak", "Document", "Voortouwcommissie", "Volgcommissie(s)", "Activiteitnummer",
                          "Behandelgeschiedenis"})
_LABEL = re.compile(r"^(?:\d{1,3}\.\s+)?([^:]+):")
_COMMITTEE_FIELD = re.compile(r"^Voortouwcommissie:\s*(.+)$")


def is_besluitenlijst(doc: Document) -> bool:
    return doc.kind == "besluitenlijst"


def committee(doc: Document) -> str | None:
    """The committee that decides: the sender, else the `Voortouwcommissie:` field."""
    if doc.sender:
        return doc.sender
    for _, _, p in doc.paragraphs():
        m = _COMMITTEE_FIELD.match(p)
        if m:
            return m.group(1).strip()
    return None


def _field(paragraph: str) -> str | None:
    if not FORM_FIELD.match(paragraph):
        return None
    m = _LABEL.match(paragraph)
    return m.group(1).strip() if m else None


# what the list is of: `Besluitenlijst van de extra procedurevergadering van dinsdag 8 maart`
_MEETING = re.compile(
    rf"\b(?P<what>(?:extra\s+)?procedurevergadering|e-mailprocedure|vergadering)\s+van\s+"
    rf"(?:(?:{'|'.join(WEEKDAYS)})\s+)?(?=\d)", re.IGNORECASE)


def meeting(doc: Document) -> Event | None:
    """The procedurevergadering (or e-mailprocedure) the list records, dated from its `Document:`
    field or heading; a date without a year is the one nearest the list's own date."""
    texts = [p[len("Document:"):] for _, _, p in doc.paragraphs() if p.startswith("Document:")]
    for text in [*texts, doc.heading or ""]:
        m = _MEETING.search(text)
        if not m:
            continue
        dm = DATE.match(text, m.end())
        start, end = resolve(dm, doc.date) if dm else (None, None)
        if not start:
            continue
        body = committee(doc)
        what = m.group("what").lower()
        return Event(name=f"{what} van de {body}" if body else what,
                     kind="procedure" if what == "e-mailprocedure" else "meeting", start=start, end=end)
    return None


# a sentence that ends in an item number (`Opzet gesprek: 1.`) goes on with the list it opens
_ITEM_END = re.compile(r"(?:^|\s)\d{1,2}[.)]$")


def _first_decision(para: str) -> tuple[int, int] | None:
    """The span of what a `Besluit:` field decides: its first sentence, through a numbered list
    that sentence opens (`Agenderen voor gesprek. Opzet gesprek: 1. Algemeen (één uur) 2. …`)."""
    sents = [(s, e) for s, e in spans(para) if para[s:e].strip().rstrip(".") not in ("Besluit:", "Besluit")]
    if not sents:
        return None
    start, end = sents[0]
    for s, e in sents[1:]:
        if not _ITEM_END.search(para[start:end]):
            break
        end = e
    return start, end


def revise(doc: Document, found: list[Statement]) -> list[Statement]:
    """The sentence rules' statements of a besluitenlijst, revised: none from a title field, the
    committee as the actor of each statement in a `Besluit:` field, and what the field decides a
    `decision` of the committee (cue `Besluit`) whether or not a cue word says so."""
    body = committee(doc)
    by_paragraph: dict[tuple[int, int], list[Statement]] = {}
    for s in found:
        by_paragraph.setdefault((s.section, s.paragraph), []).append(s)
    out: list[Statement] = []
    for si, sec in enumerate(doc.sections):
        for pi, para in enumerate(sec.paragraphs):
            own = by_paragraph.get((si, pi), [])
            field = _field(para)
            if field in TITLE_FIELDS:
                continue
            if field != "Besluit":
                out.extend(own)
                continue
            first = _first_decision(para)
            if first is not None:
                s, e = first
                if not any(x.kind == "decision" and x.start == s for x in own):
                    out.append(statement("decision", body, "Besluit", para[s:e], si, pi, s, e, sec.heading))
            out.extend(statement(x.kind, body, x.cue, x.text, x.section, x.paragraph, x.start, x.end, x.topic)
                       for x in own)
    # the sentence rules' order: by place, then kind by kind within a sentence
    out.sort(key=lambda x: (x.section, x.paragraph, x.start, KIND_ORDER.index(x.kind)))
    return out
