"""Atom feeds (RFC 4287) for a search and for a dossier, so people can follow a subject.

Built with ElementTree, so every title and summary is escaped by the serialiser; characters XML
1.0 forbids are dropped first.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from typing import Iterable, Optional

from fastapi import APIRouter, HTTPException, Query, Request, Response

from ..store import SearchQuery
from ..web.render import KIND_LABELS, STATEMENT_LABELS, link, plain_snippet
from .routes import ISO_DATE

router = APIRouter(prefix="/feeds", tags=["feeds"])

ATOM = "http://www.w3.org/2005/Atom"
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
EPOCH = "1970-01-01T00:00:00Z"


def _clean(text: Optional[str]) -> str:
    return _BAD_XML.sub("", text or "")


def _stamp(date: Optional[str]) -> str:
    """ISO date → RFC 3339 timestamp (Atom wants a full date-time)."""
    if date and re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        return f"{date}T00:00:00Z"
    return EPOCH


def _sub(parent: ET.Element, tag: str, text: Optional[str] = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: _clean(v) for k, v in attrs.items()})
    if text is not None:
        el.text = _clean(text)
    return el


def atom_feed(feed_id: str, title: str, self_url: str, html_url: str,
              entries: Iterable[dict]) -> bytes:
    """entries: dicts with id, title, url, date, summary (plain text), category."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    entries = list(entries)
    _sub(feed, "id", feed_id)
    _sub(feed, "title", title)
    updated = max((_stamp(e.get("date")) for e in entries), default=EPOCH)
    _sub(feed, "updated", updated if entries else
         datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _sub(feed, "link", rel="self", type="application/atom+xml", href=self_url)
    _sub(feed, "link", rel="alternate", type="text/html", href=html_url)
    author = _sub(feed, "author")
    _sub(author, "name", "Staten-Generaal (via kamerstukken)")
    _sub(feed, "generator", "kamerstukken")
    for e in entries:
        entry = _sub(feed, "entry")
        _sub(entry, "id", e["url"])
        _sub(entry, "title", e.get("title") or e["id"])
        _sub(entry, "updated", _stamp(e.get("date")))
        _sub(entry, "link", rel="alternate", type="text/html", href=e["url"])
        if e.get("category"):
            _sub(entry, "category", term=e["category"])
        if e.get("summary"):
            _sub(entry, "summary", e["summary"], type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _atom(body: bytes) -> Response:
    return Response(body, media_type="application/atom+xml; charset=utf-8")


def _title(kind: str, title: Optional[str], doc_id: str) -> str:
    return f"{KIND_LABELS.get(kind, kind)}: {title or doc_id}"


@router.get("/search", summary="Atom feed of a search, newest matches first",
            response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def search_feed(request: Request, q: str = "", kind: Optional[str] = None,
                dossier: Optional[str] = None,
                since: Optional[str] = Query(None, pattern=ISO_DATE),
                limit: int = Query(50, ge=1, le=200)):
    result = request.app.state.stores.search(
        SearchQuery(q=q, kind=kind or None, dossier=dossier or None, since=since, limit=limit))
    base = str(request.base_url).rstrip("/")
    hits = sorted(result.hits, key=lambda h: h.date or "", reverse=True)  # a feed reads by date
    entries = [{"id": h.id, "url": f"{base}/documents/{h.id}", "date": h.date,
                "title": _title(h.kind, h.title, h.id), "summary": plain_snippet(h.snippet),
                "category": h.kind} for h in hits]
    params = dict(q=q, kind=kind, dossier=dossier, since=since)
    return _atom(atom_feed(
        feed_id=base + link("/feeds/search", **params),
        title=f"Kamerstukken: {q}" if q else "Kamerstukken: zoekresultaten",
        self_url=base + link("/feeds/search", **params),
        html_url=base + link("/search", **params),
        entries=entries))


@router.get("/dossiers/{number}", summary="Atom feed of a dossier, newest documents first",
            response_class=Response, responses={200: {"content": {"application/atom+xml": {}}}})
def dossier_feed(number: str, request: Request):
    docs, title = request.app.state.stores.dossier(number)
    if not docs:
        raise HTTPException(404, f"no documents in dossier {number!r}")
    base = str(request.base_url).rstrip("/")
    entries = []
    for doc in sorted(docs, key=lambda d: d.date or "", reverse=True):
        said = [f"{STATEMENT_LABELS.get(s.kind, s.kind)}: {s.text}" for s in doc.statements
                if s.kind in ("decision", "commitment", "request")][:5]
        entries.append({"id": doc.id, "url": f"{base}/documents/{doc.id}", "date": doc.date,
                        "title": _title(doc.kind, doc.title, doc.id), "category": doc.kind,
                        "summary": "\n".join(said) or (doc.text[:400] if doc.sections else "")})
    return _atom(atom_feed(
        feed_id=f"{base}/feeds/dossiers/{number}",
        title=f"Dossier {number}" + (f": {title}" if title else ""),
        self_url=f"{base}/feeds/dossiers/{number}",
        html_url=f"{base}/dossiers/{number}",
        entries=entries))
