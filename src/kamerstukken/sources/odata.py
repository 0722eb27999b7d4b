"""Tweede Kamer open data (OData v4): one `Document` record as JSON → metadata, no text.

Accepted: a Document object; a `.jsonl` file or OData response (`{"value": [...]}`) holding one
record; a Zaak with exactly one expanded `Document`. Several records in one file are refused with
`ReadError` (split them first: which one was meant cannot be guessed), as are deleted records
(`"Verwijderd": true`: the API nulls all their fields).

The id is the official `kst-…` where the record carries it (expanded `HuidigeDocumentVersie`
→ `ExterneIdentifier` / `DocumentPublicatie.Identifier`), or built from an expanded
`Kamerstukdossier` or, for a gewijzigde motie, from the dossier of the motie it replaces
(`(t.v.v. 19637-3370)` in Onderwerp); else the TK document number (`2025D19046`). `Volgnummer` is the stuk's number within its dossier (positive for
Kamerstukken; checked against the XML of 3,628 moties, see tests/test_odata_reader.py).
"""
from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from importlib import resources

from ..errors import ReadError
from ..parse.metadata import ascii_dashes, parse_session_year
from .base import Extracted

__all__ = ["read_odata", "kind_from_soort"]

_KST_ID = re.compile(r"^kst-(\d{3,6})(?:-([A-Z]{1,6}|\d{1,3}))?-([0-9A-Za-z]+)$")
_TVV = re.compile(r"\(t\.v\.v\.\s*(\d{3,6})(?:-([A-Z]{1,6}|\d{1,3}))?-(\d+[a-z]?)\s*\)\s*$")
_DOC_NR = re.compile(r"^\d{4}D\d{3,6}$")
NO_TEXT = "OData record: metadata only, the document's text is not in the record"


@lru_cache(maxsize=1)
def _soorten() -> dict[str, str]:
    text = resources.files("kamerstukken.data").joinpath("odata_soorten.tsv").read_text("utf-8")
    out = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        soort, kind = line.split("\t")
        out[soort.strip().lower()] = kind.strip()
    return out


def kind_from_soort(soort: str | None) -> str:
    """`Motie (gewijzigd/nader)` → `motie`; unknown → `other`."""
    return _soorten().get((soort or "").strip().lower(), "other")


def _records(data: bytes, label: str | None) -> list[dict]:
    try:
        text = data.decode("utf-8-sig").strip()
    except UnicodeDecodeError:
        raise ReadError(label, "OData record is not UTF-8 JSON") from None
    try:
        obj = json.loads(text)
        objs = obj if isinstance(obj, list) else [obj]
    except json.JSONDecodeError as first:
        objs = []
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                objs.append(json.loads(line))
            except json.JSONDecodeError:
                where = f"line {n}" if n > 1 else f"line {first.lineno}, column {first.colno}"
                raise ReadError(label, f"not valid JSON ({where}: {first.msg})") from None
    # an OData response: {"@odata.context": …, "value": [...]}
    if len(objs) == 1 and isinstance(objs[0], dict) and isinstance(objs[0].get("value"), list):
        objs = objs[0]["value"]
    if not all(isinstance(o, dict) for o in objs):
        raise ReadError(label, "JSON is not an OData record (expected an object)")
    return objs


def _pick(records: list[dict], label: str | None) -> tuple[dict, list[str]]:
    warnings: list[str] = []
    if not records:
        raise ReadError(label, "no OData record in the file")
    if len(records) > 1:
        raise ReadError(label, f"{len(records)} OData records in one file; give one record "
                               "(split a .jsonl file into one line per file)")
    rec = records[0]
    if "DocumentNummer" not in rec and isinstance(rec.get("Document"), list):
        docs = rec["Document"]
        zaak = rec.get("Nummer") or rec.get("Id")
        if len(docs) != 1:
            raise ReadError(label, f"a Zaak ({zaak}) with {len(docs)} documents; give one "
                                   "Document record")
        warnings.append(f"Document taken from Zaak {zaak}")
        rec = docs[0]
    if rec.get("Verwijderd") is True:
        raise ReadError(label, f"OData record {rec.get('Id')} is deleted (Verwijderd: true); "
                               "it has no metadata left")
    if not any(k in rec for k in ("DocumentNummer", "Soort", "Onderwerp")):
        raise ReadError(label, "not a Tweede Kamer Document record (no DocumentNummer, Soort "
                               "or Onderwerp)")
    return rec, warnings


def _official_id(rec: dict) -> str | None:
    versie = rec.get("HuidigeDocumentVersie") or {}
    versies = [versie] + [v for v in rec.get("DocumentVersie") or [] if isinstance(v, dict)]
    for v in versies:
        ids = [v.get("ExterneIdentifier")] + [p.get("Identifier") for p in
                                              v.get("DocumentPublicatie") or [] if isinstance(p, dict)]
        for i in ids:
            if i and _KST_ID.match(i):
                return i
    return None


def _dossiers(rec: dict) -> list[dict]:
    """An expanded `Kamerstukdossier` (list or object): Nummer, Toevoeging, Titel."""
    ksd = rec.get("Kamerstukdossier")
    if isinstance(ksd, dict):
        ksd = [ksd]
    out = []
    for d in ksd or []:
        if not isinstance(d, dict) or d.get("Verwijderd") or d.get("Nummer") in (None, ""):
            continue
        out.append({"number": str(d["Nummer"]).replace(" ", ""),
                    "suffix": (str(d["Toevoeging"]).strip() or None) if d.get("Toevoeging") else None,
                    "title": d.get("Titel")})
    return out


def _indieners(rec: dict) -> list[dict]:
    """Expanded `DocumentActor` rows with Relatie Indiener / Medeindiener, indiener first."""
    rows = [a for a in rec.get("DocumentActor") or [] if isinstance(a, dict) and not a.get("Verwijderd")]
    order = {"indiener": 0, "eerste ondertekenaar": 0, "medeindiener": 1, "mede ondertekenaar": 1}
    rows = [a for a in rows if (a.get("Relatie") or "").lower() in order and a.get("ActorNaam")]
    rows.sort(key=lambda a: (order[(a.get("Relatie") or "").lower()], a.get("Volgorde") or 0))
    return [{"name": a["ActorNaam"], "role": a.get("Functie")} for a in rows]


def read_odata(data: bytes, label: str | None) -> Extracted:
    """One OData Document record → metadata (id, kind, title, date, dossier …), no blocks."""
    rec, warnings = _pick(_records(data, label), label)
    ex = Extracted(format="odata", sha256=hashlib.sha256(data).hexdigest(), warnings=warnings)
    meta: dict = {}
    nummer = rec.get("DocumentNummer")
    if nummer:
        meta["document_nummer"] = nummer
        if not _DOC_NR.match(nummer):
            ex.warnings.append(f"unusual DocumentNummer {nummer!r}")
    soort = rec.get("Soort")
    meta["kind"] = kind_from_soort(soort)
    if soort and meta["kind"] == "other":
        ex.warnings.append(f"Soort {soort!r} has no kind of its own: kind `other`")
    kamer = rec.get("Kamer")
    meta["chamber"] = {2: "TK", 1: "EK", "2": "TK", "1": "EK"}.get(kamer)
    if meta["chamber"] is None:
        org = (rec.get("Organisatie") or "").lower()
        meta["chamber"] = "TK" if "tweede kamer" in org else "EK" if "eerste kamer" in org else None
    meta["session_year"] = parse_session_year(ascii_dashes(rec.get("Vergaderjaar") or ""))
    datum = rec.get("Datum") or ""
    meta["date"] = datum[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", datum) else None
    # Onderwerp is the document's own subject; Titel is mostly the dossier's title (for a motie
    # `Vreemdelingenbeleid`), so it is the title only when Onderwerp just repeats the Soort
    onderwerp, titel = rec.get("Onderwerp"), rec.get("Titel")
    if onderwerp and soort and onderwerp.strip().lower() == soort.strip().lower() and titel:
        meta["title"] = titel
    else:
        meta["title"] = onderwerp or titel or rec.get("Citeertitel")
    volg = rec.get("Volgnummer")
    if isinstance(volg, int) and volg > 0:
        meta["number"] = str(volg)
    meta["dossier"] = _dossiers(rec)
    official = _official_id(rec)
    if official:
        m = _KST_ID.match(official)
        if not meta["dossier"]:
            meta["dossier"] = [{"number": m.group(1), "suffix": m.group(2),
                                "title": titel if titel and titel != onderwerp else None}]
        if meta.get("number") and meta["number"] != m.group(3):
            ex.warnings.append(f"Volgnummer {meta['number']} differs from the publication "
                               f"{official}")
        meta["number"] = m.group(3)
        meta["id"] = official
    elif meta.get("number") and meta["kind"] in ("motie", "amendement") and _TVV.search(onderwerp or ""):
        # `Gewijzigde motie … (t.v.v. 19637-3370)`: a motie replaces one printed in its own
        # dossier, so the dossier is the replaced one's (checked against the XML: 272 of 272)
        m = _TVV.search(onderwerp)
        meta["dossier"] = [{"number": m.group(1), "suffix": m.group(2),
                            "title": titel if titel and titel != onderwerp else None}]
        suffix = f"{m.group(2)}-" if m.group(2) else ""
        meta["id"] = f"kst-{m.group(1)}-{suffix}{meta['number']}"
        ex.warnings.append(f"dossier {m.group(1)} taken from the stuk this one replaces "
                           f"(t.v.v. {m.group(1)}-{suffix}{m.group(3)})")
    elif meta["dossier"] and meta.get("number"):
        d = meta["dossier"][0]
        meta["id"] = f"kst-{d['number']}-{d['suffix']}-{meta['number']}" if d["suffix"] \
            else f"kst-{d['number']}-{meta['number']}"
    elif nummer:
        meta["id"] = nummer
        if meta.get("number"):
            ex.warnings.append(f"stuk number {meta['number']} known but not its dossier: "
                               "id is the document number")
    signatories = _indieners(rec)
    if signatories:
        meta["signatories"] = signatories
    ex.meta = {k: v for k, v in meta.items() if v not in (None, "", [])}
    ex.warnings.append(NO_TEXT)
    return ex
