"""Server-rendered pages (Dutch labels); readable without JavaScript."""
from __future__ import annotations

from collections import OrderedDict
from pathlib import Path
from typing import ContextManager, Optional

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import KstError
from ..store import SearchQuery, Store
from . import render

TEMPLATES = Path(__file__).resolve().parent / "templates"
PAGE = 20
STATEMENT_KINDS = list(render.STATEMENT_LABELS)

# autoescape on for every template: document text can never become markup
env = Environment(loader=FileSystemLoader(str(TEMPLATES)),
                  autoescape=select_autoescape(default=True, default_for_string=True),
                  trim_blocks=True, lstrip_blocks=True)
env.filters.update(dkey=lambda d: d.key, nldate=render.nl_date, pq=render.path_quote, snippet=render.safe_snippet)
env.globals.update(link=render.link, KIND_LABELS=render.KIND_LABELS,
                   STATEMENT_LABELS=render.STATEMENT_LABELS,
                   STATEMENT_PLURALS=render.STATEMENT_PLURALS,
                   ENTITY_LABELS=render.ENTITY_LABELS, REFERENCE_LABELS=render.REFERENCE_LABELS,
                   FACET_LABELS=render.FACET_LABELS, STATEMENT_KINDS=STATEMENT_KINDS)

router = APIRouter(include_in_schema=False)


# The pages use no script at all, so the browser may refuse every script: a second wall behind
# the escaping, should a document ever slip markup through.
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'none'; object-src 'none'; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def page(template: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(env.get_template(template).render(**context), status_code=status,
                        headers=HEADERS)


def store_of(request: Request) -> ContextManager[Store]:
    """The app's store, one request at a time; render after letting go of it."""
    return request.app.state.stores.use()


def not_found(message: str) -> HTMLResponse:
    return page("error.html", 404, title="Niet gevonden", message=message)


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    with store_of(request) as store:
        newest, count = store.newest(20), store.count()
    gates = request.app.state.stores
    # the latest promises and decisions: what most visitors come for
    latest = {kind: gates.search_statements(SearchQuery(kind=kind, limit=5)).hits
              for kind in ("commitment", "decision")}
    return page("index.html", newest=newest, count=count, latest=latest)


def _year_range(year: Optional[str]) -> tuple[Optional[str], Optional[str]]:
    return (f"{year}-01-01", f"{year}-12-31") if year and year.isdigit() else (None, None)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: str = "", kind: str = "", dossier: str = "", year: str = "",
           since: str = "", until: str = "", offset: int = Query(0, ge=0, le=10_000)):
    """Results with snippets; facet links narrow the search (kind, dossier, year)."""
    y_since, y_until = _year_range(year)
    query = SearchQuery(q=q, kind=kind or None, dossier=dossier or None,
                        since=since or y_since, until=until or y_until, limit=PAGE, offset=offset)
    params = dict(q=q, kind=kind, dossier=dossier, year=year, since=since, until=until)
    try:
        result, error = request.app.state.stores.search(query), None
    except KstError as e:  # a malformed query is said on the page, not a crash
        result, error = None, str(e)
    return page("search.html", 400 if error else 200, q=q, params=params, result=result,
                error=error, offset=offset, page_size=PAGE)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(doc_id: str, request: Request):
    with store_of(request) as store:
        doc = store.get(doc_id)
    if doc is None:
        return not_found(f"Er is geen document met id “{doc_id}”.")
    refs = []
    for ref in doc.references:
        known = bool(ref.kind == "kamerstuk" and ref.target and ref.target != doc.id)
        refs.append({"ref": ref, "href": f"/documents/{ref.target}" if known else None})
    entities = sorted(doc.entities, key=lambda e: (-len(e.mentions), e.name))
    counts = OrderedDict((k, sum(1 for s in doc.statements if s.kind == k))
                         for k in STATEMENT_KINDS)
    return page("document.html", doc=doc, sections=render.render_document(doc), refs=refs,
                entities=entities, counts=counts,
                official=(f"https://zoek.officielebekendmakingen.nl/{doc.id}.html"
                          if doc.id.startswith(("kst-", "h-tk-", "h-ek-")) else None))


@router.get("/dossiers/{number}", response_class=HTMLResponse)
def dossier(number: str, request: Request):
    docs, title = request.app.state.stores.dossier(number)
    if not docs:
        return not_found(f"Er zijn geen documenten in dossier {number}.")
    return page("dossier.html", number=number, title=title, docs=docs)


@router.get("/entities/{name:path}", response_class=HTMLResponse)
def entity(name: str, request: Request):
    with store_of(request) as store:
        docs, stmts = store.entity(name)
    if not docs and not stmts.hits:
        return not_found(f"Geen documenten noemen “{name}”.")
    hits = sorted(stmts.hits, key=lambda h: h.date or "", reverse=True)
    by_year: OrderedDict[str, list] = OrderedDict()
    for h in hits:
        by_year.setdefault((h.date or "????")[:4], []).append(h)
    return page("entity.html", name=name, docs=sorted(docs, key=lambda d: d.date or "",
                                                      reverse=True),
                by_year=by_year, total=stmts.total)


@router.get("/statements", response_class=HTMLResponse)
def statements(request: Request, q: str = "", kind: str = "", actor: str = "", since: str = "",
               until: str = "", offset: int = Query(0, ge=0, le=10_000)):
    """The register: commitments (or any kind), filterable by actor and date."""
    query = SearchQuery(q=q, kind=kind if kind in STATEMENT_KINDS else None, actor=actor or None,
                        since=since or None, until=until or None, limit=50, offset=offset)
    params = dict(q=q, kind=kind, actor=actor, since=since, until=until)
    try:
        result, error = request.app.state.stores.search_statements(query), None
    except KstError as e:
        result, error = None, str(e)
    return page("statements.html", 400 if error else 200, params=params, result=result,
                error=error, offset=offset, page_size=50)


def install_error_pages(app: FastAPI) -> None:
    """HTML error pages for people, the usual JSON for /api and /feeds."""

    def wants_json(request: Request) -> bool:
        path = request.url.path
        return path.startswith(("/api/", "/feeds/", "/openapi", "/docs", "/static/"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        message = "Deze pagina bestaat niet." if exc.status_code == 404 else str(exc.detail)
        return page("error.html", exc.status_code, title=f"Fout {exc.status_code}",
                    message=message)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        if wants_json(request):
            return JSONResponse({"detail": jsonable_encoder(exc.errors())}, status_code=422)
        return page("error.html", 400, title="Ongeldige invoer",
                    message="De zoekopdracht bevat een ongeldige waarde.")
