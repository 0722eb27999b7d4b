"""Dutch dates in running text (`op 1 en 2 december jl.`), resolved against the document's date."""
from __future__ import annotations

import re
from datetime import date
from typing import Optional

MONTHS = ("januari februari maart april mei juni juli augustus september oktober november december").split()
_M = "|".join(MONTHS)
DATE = re.compile(
    rf"\b(?P<d1>\d{{1,2}})(?:\s*(?:en|t/m|tot\s+en\s+met|–|-|/)\s*(?P<d2>\d{{1,2}}))?\s+(?P<m>{_M})"
    rf"(?:\s+(?P<y>(?:19|20)\d\d)|\s+(?P<rel>jl\.?|j\.l\.|a\.s\.?|aanstaande|jongstleden))?\b\.?"
)


def _iso(y: int, m: int, d: int) -> Optional[str]:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve(m: re.Match, doc_date: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    """(start, end) ISO dates of a DATE match; `jl.` is the last such date on or before the document
    date, `a.s.` the next one after it, a bare day and month the one nearest to it."""
    month = MONTHS.index(m.group("m")) + 1
    d1 = int(m.group("d1"))
    d2 = int(m.group("d2")) if m.group("d2") else d1
    if m.group("y"):
        y = int(m.group("y"))
    elif doc_date and len(doc_date) >= 10:
        ref = date.fromisoformat(doc_date[:10])
        y = ref.year
        rel = (m.group("rel") or "").lower()
        if rel.startswith("j"):
            if (month, d1) > (ref.month, ref.day):
                y -= 1
        elif rel.startswith("a"):
            if (month, d1) < (ref.month, ref.day):
                y += 1
        else:
            if abs(month - ref.month) > 6:
                y += -1 if month > ref.month else 1
    else:
        return None, None
    return _iso(y, month, d1), _iso(y, month, d2)


WEEKDAYS = ("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag").split()
# a weekday without a day number: "op maandag jl.", "aanstaande dinsdag", "op donderdag"
WEEKDAY = re.compile(
    rf"\b(?P<pre>aanstaande\s+|afgelopen\s+|vorige\s+|komende\s+)?(?P<wd>{'|'.join(WEEKDAYS)})"
    rf"(?!\s+\d)(?:\s+(?P<rel>jl\.?|j\.l\.|a\.s\.?))?")


def resolve_weekday(m: re.Match, doc_date: Optional[str]) -> Optional[str]:
    """The date of a bare weekday: `jl.`/`afgelopen`/`vorige` the last one before the document date,
    `a.s.`/`aanstaande`/`komende` the next one after it; bare, the last one (a report looks back)."""
    if not doc_date or len(doc_date) < 10:
        return None
    from datetime import timedelta

    ref = date.fromisoformat(doc_date[:10])
    want = WEEKDAYS.index(m.group("wd"))
    ahead = (m.group("rel") or "").startswith("a") or (m.group("pre") or "").strip() in ("aanstaande", "komende")
    if ahead:
        delta = (want - ref.weekday()) % 7 or 7
        return (ref + timedelta(days=delta)).isoformat()
    delta = (ref.weekday() - want) % 7 or 7
    return (ref - timedelta(days=delta)).isoformat()
