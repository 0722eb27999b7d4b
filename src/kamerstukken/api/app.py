"""The FastAPI application: JSON API, server-rendered pages and Atom feeds over one store."""
from __future__ import annotations

import os
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Callable, Optional

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import KstError
from ..store import Store, open_store
from .gate import StoreGate, cache_ttl_from_env

MAX_UPLOAD = 20 * 1024 * 1024  # bytes; a Kamerstuk PDF is rarely over a few MB
STATIC = Path(__file__).resolve().parents[1] / "web" / "static"


def create_app(store_url: str, token: Optional[str] = None, *, max_upload: int = MAX_UPLOAD,
               opener: Callable[[str], Store] = open_store,
               cache_ttl: float = 30.0) -> FastAPI:
    """The whole web application over the store at `store_url`.

    `token` guards `POST /api/documents` (falls back to `KST_API_TOKEN`; with neither, uploads
    are refused). `opener` lets tests supply their own store; `cache_ttl` is how long search
    answers are reused (0: never).
    """
    stores = StoreGate(store_url, opener, cache_ttl=cache_ttl)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        stores.warm_up()
        yield
        stores.close()

    app = FastAPI(
        title="kamerstukken",
        version=__version__,
        description="Dutch parliamentary papers as structured records: documents, statements, "
                    "dossiers, entities; search with Dutch stemming; Atom feeds.",
        lifespan=lifespan,
    )
    app.state.stores = stores
    app.state.token = token if token is not None else os.environ.get("KST_API_TOKEN") or None
    app.state.max_upload = max_upload

    @app.exception_handler(KstError)
    async def kst_error(request: Request, exc: KstError):
        # a library error (bad query, unreadable file …) is the caller's problem, said in one line
        return JSONResponse({"detail": str(exc)}, status_code=400)

    from ..web.pages import router as pages_router, install_error_pages
    from .feeds import router as feeds_router
    from .routes import router as api_router

    app.include_router(api_router)
    app.include_router(feeds_router)
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    install_error_pages(app)
    return app


def app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory` (several workers): the settings come from the environment."""
    from ..store import default_url

    return create_app(os.environ.get("KST_SERVE_DB") or default_url(),
                      os.environ.get("KST_API_TOKEN") or None,
                      max_upload=int(os.environ.get("KST_MAX_UPLOAD", MAX_UPLOAD)),
                      cache_ttl=cache_ttl_from_env())
