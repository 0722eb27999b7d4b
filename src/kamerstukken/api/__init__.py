"""HTTP API, pages and feeds: `create_app(store_url, token)` builds the FastAPI application."""
from .app import create_app

__all__ = ["create_app"]
