"""JSON API under /api: thin routes over the store."""
from __future__ import annotations

import dataclasses
import json
from typing import Any, ContextManager, Literal, Optional

from fastapi import APIRouter, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from ..errors import KstError
from ..model import Document, StatementKind
from ..store import SearchQuery, Store

router = APIRouter(prefix="/api", tags=["api"])

ISO_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class Problem(BaseModel):
    detail: str


# Response shapes, for the OpenAPI document (the routes hand back ready JSON)
class HitOut(BaseModel):
    id: str
    kind: str
    title: Optional[str]
    date: Optional[str]
    dossier: list[str]
    score: float
    snippet: str = Field(description="HTML: text escaped, matches in <mark>")


class SearchOut(BaseModel):
    total: int
    hits: list[HitOut]
    facets: dict[str, dict[str, int]] = Field(description="kind, dossier, year, sender → counts")


class StatementOut(BaseModel):
    document: str
    kind: str
    actor: Optional[str]
    text: str
    topic: Optional[str]
    date: Optional[str]
    section: int
    paragraph: int
    start: int
    end: int


class StatementsOut(BaseModel):
    total: int
    hits: list[StatementOut]
    facets: dict[str, dict[str, int]] = Field(description="kind, actor → counts")


def store_of(request: Request) -> ContextManager[Store]:
    """`with store_of(request) as store:` — the app's store, one request at a time."""
    return request.app.state.stores.use()


def as_dict(result: Any) -> dict:
    """A search result as plain JSON data (the store's own `to_dict` when it has one)."""
    to_dict = getattr(result, "to_dict", None)
    data = to_dict() if callable(to_dict) else None
    return data if isinstance(data, dict) else dataclasses.asdict(result)


def json_response(data: Any) -> Response:
    """Plain data straight to JSON: FastAPI's generic encoder walks every value first and costs
    more than the search it returns."""
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def document_json(doc: Document) -> Response:
    # pydantic-core serialises straight to bytes: faster than dict → JSONResponse
    return Response(doc.to_json(), media_type="application/json")


@router.get("/documents/{doc_id}", responses={200: {"model": Document}, 404: {"model": Problem}},
            summary="One document record")
async def get_document(doc_id: str, request: Request):
    # async on purpose for the two hottest routes: the store is used one call at a time anyway
    # (see StoreGate), and a lookup of ~1 ms is cheaper in the event loop than a thread hop
    with store_of(request) as store:
        doc = store.get(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document with id {doc_id!r}")
    return document_json(doc)


@router.get("/documents", summary="The newest documents (summaries)")
def newest(request: Request, limit: int = Query(20, ge=1, le=200)):
    with store_of(request) as store:
        return {"total": store.count(),
                "documents": [dataclasses.asdict(d) for d in store.newest(limit)]}


@router.get("/search", summary="Full-text search over documents", response_model=SearchOut,
            responses={400: {"model": Problem}})
async def search(request: Request, q: str = "", kind: Optional[str] = None,
                 dossier: Optional[str] = None,
                 since: Optional[str] = Query(None, pattern=ISO_DATE),
                 until: Optional[str] = Query(None, pattern=ISO_DATE),
                 limit: int = Query(20, ge=1, le=100),
                 offset: int = Query(0, ge=0, le=10_000)):
    """As `kst search --json`: `{"total", "hits": [{"id", "kind", "title", "date", "dossier",
    "score", "snippet"}], "facets": {"kind", "dossier", "year", "sender"}}`."""
    query = SearchQuery(q=q, kind=kind or None, dossier=dossier or None, since=since,
                        until=until, limit=limit, offset=offset)
    return json_response(as_dict(request.app.state.stores.search(query)))


@router.get("/statements", summary="Search the extracted statements",
            response_model=StatementsOut, responses={400: {"model": Problem}})
def statements(request: Request, q: str = "", kind: Optional[StatementKind] = None,
               actor: Optional[str] = None, dossier: Optional[str] = None,
               since: Optional[str] = Query(None, pattern=ISO_DATE),
               until: Optional[str] = Query(None, pattern=ISO_DATE),
               limit: int = Query(20, ge=1, le=200), offset: int = Query(0, ge=0, le=10_000)):
    """As `kst statements --json`: `{"total", "hits": [{"document", "kind", "actor", "text",
    "topic", "date", …}], "facets"}`."""
    query = SearchQuery(q=q, kind=kind, actor=actor or None, dossier=dossier or None,
                        since=since, until=until, limit=limit, offset=offset)
    return json_response(as_dict(request.app.state.stores.search_statements(query)))


def statement_dicts(doc: Document) -> list[dict]:
    return [s.model_dump(mode="json") for s in doc.statements]


@router.get("/dossiers/{number}", responses={404: {"model": Problem}},
            summary="A dossier's documents in date order, with their statements")
def dossier(number: str, request: Request):
    docs, title = request.app.state.stores.dossier(number)
    if not docs:
        raise HTTPException(404, f"no documents in dossier {number!r}")
    return {
        "number": number,
        "title": title,
        "documents": [
            {"id": d.id, "kind": d.kind, "number": d.number, "date": d.date, "title": d.title,
             "sender": d.sender, "signatories": [s.name for s in d.signatories],
             "statements": statement_dicts(d)}
            for d in docs
        ],
    }


@router.get("/entities/{name:path}", responses={404: {"model": Problem}},
            summary="Where an entity is mentioned, and statements by or about it, over time")
def entity(name: str, request: Request, limit: int = Query(200, ge=1, le=1000)):
    with store_of(request) as store:
        docs, stmts = store.entity(name, limit=limit)
    if not docs and not stmts.hits:
        raise HTTPException(404, f"no documents mention {name!r}")
    hits = sorted(stmts.hits, key=lambda h: h.date or "")
    return {"name": name,
            "documents": [dataclasses.asdict(d) for d in sorted(docs, key=lambda d: d.date or "")],
            "statements": {"total": stmts.total, "hits": [dataclasses.asdict(h) for h in hits],
                           "facets": stmts.facets}}


class Ingested(BaseModel):
    id: str
    status: Literal["new", "updated", "unchanged"]
    kind: str
    title: Optional[str]
    url: str
    warnings: list[str]


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {"schema": {
                "type": "object", "required": ["file"],
                "properties": {"file": {"type": "string", "format": "binary"}}}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
        },
    }
}


@router.post("/documents", status_code=201, response_model=Ingested, openapi_extra=UPLOAD_BODY,
             responses={401: {"model": Problem}, 413: {"model": Problem},
                        422: {"model": Problem}},
             summary="Upload a file (XML, PDF, DOCX, text …) to parse and store")
async def upload(request: Request, name: Optional[str] = None):
    """Multipart (`file` field) or the raw bytes as body (`?name=` gives the file name).
    Needs `Authorization: Bearer <token>`."""
    from .upload import check_token, read_upload

    check_token(request)
    data, filename = await read_upload(request, name)
    return await run_in_threadpool(ingest_bytes, request, data, filename)


def ingest_bytes(request: Request, data: bytes, filename: Optional[str]) -> dict:
    from .. import parse

    try:
        doc = parse(data, name=filename)
    except KstError as e:
        raise HTTPException(422, str(e).splitlines()[0] if str(e) else type(e).__name__)
    except Exception as e:  # a parser bug on odd input is still the file's problem: one line
        raise HTTPException(422, f"{filename or '<upload>'}: could not parse "
                                 f"({type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''})")
    status = request.app.state.stores.put(doc)  # also forgets cached searches
    body = {"id": doc.id, "status": status, "kind": doc.kind, "title": doc.title,
            "url": f"/documents/{doc.id}", "warnings": doc.warnings}
    # 201 only when something was created or replaced; a re-upload of the same file is a no-op
    return JSONResponse(body, status_code=200 if status == "unchanged" else 201)
