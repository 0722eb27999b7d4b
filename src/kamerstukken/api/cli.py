"""`kst serve`, `kst demo` and `kst bench serve`, registered on the main `kst` app."""
from __future__ import annotations

import json
import os
from typing import Optional

import typer

from ..errors import KstError


def _db_option():
    return typer.Option(None, "--db", help="sqlite:///path.db or postgresql://… (default: KST_DB "
                                           "or a file in the user's data directory)")


def run_server(url: str, host: str, port: int, token: Optional[str], workers: int = 1,
               cache_ttl: float = 30.0) -> None:
    """Serve until Ctrl+C."""
    from .app import create_app
    from .server import serve

    create_app(url, token).state.stores.close()  # a wrong URL fails here, once, in one line
    if host not in ("127.0.0.1", "localhost", "::1"):
        typer.echo(f"kst: note: listening on {host}, reachable from other machines", err=True)
    display = "127.0.0.1" if host in ("0.0.0.0", "::") else host

    def ready():
        typer.echo(f"Kamerstukken: http://{display}:{port}/  (API: /docs, stop with Ctrl+C)")

    try:
        serve(url, host, port, token, workers, cache_ttl, ready=ready)
    except OSError as e:  # port in use, address not available …
        raise KstError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None


def register(app: typer.Typer, bench_app: typer.Typer) -> None:
    """Add the web commands to `kst`."""

    @app.command()
    def serve(db: Optional[str] = _db_option(),
              host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on"),
              port: int = typer.Option(8000, "--port", help="Port"),
              token: Optional[str] = typer.Option(None, "--token", envvar="KST_API_TOKEN",
                                                  help="Bearer token for uploads (POST "
                                                       "/api/documents); without one uploads "
                                                       "are refused"),
              workers: int = typer.Option(1, "--workers", help="Server processes (one per core)"),
              cache_ttl: float = typer.Option(30.0, "--cache-ttl", envvar="KST_CACHE_TTL",
                                              help="Seconds a search answer is reused (0: off)")):
        """Serve the web UI, the JSON API (/api, /docs) and Atom feeds over a store."""
        from ..store import default_url

        run_server(db or default_url(), host, port, token, workers, cache_ttl)

    @app.command()
    def demo(db: Optional[str] = typer.Option(None, "--db", help="Store to build (default: "
                                                               "demo.db in the user's data dir)"),
             host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on"),
             port: int = typer.Option(8000, "--port", help="Port"),
             no_serve: bool = typer.Option(False, "--no-serve", help="Build, print, exit"),
             workers: Optional[int] = typer.Option(None, "--workers", help="Parser processes"),
             as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON")):
        """Build a store from the sample shipped with kamerstukken and serve it."""
        from ..store import open_store
        from .demo import build_demo, demo_url

        url = db or demo_url()
        with open_store(url) as store:
            summary = build_demo(store, workers=workers)
        summary["db"] = url
        if as_json:
            typer.echo(json.dumps(summary, ensure_ascii=False))
        else:
            typer.echo(f"demo store {url}: read {summary['read']} file(s), {summary['new']} new, "
                       f"{summary['updated']} updated, {summary['unchanged']} unchanged, "
                       f"{len(summary['failed'])} failed; {summary['documents']} documents")
            for err in summary["failed"]:
                typer.echo(f"kst: {err}", err=True)
        if not no_serve:
            run_server(url, host, port, os.environ.get("KST_API_TOKEN"))

    @bench_app.command("serve")
    def bench_serve(db: Optional[str] = typer.Option(None, "--db", help="Store to serve (default:"
                                                                      " the demo store, built)"),
                    requests: int = typer.Option(2000, "--requests", help="Requests per endpoint"),
                    concurrency: int = typer.Option(50, "--concurrency", help="Clients at once"),
                    workers: int = typer.Option(2, "--workers", help="Server processes"),
                    as_json: bool = typer.Option(False, "--json", help="Print JSON")):
        """Load the HTTP API on loopback; report requests/s, p50 and p95 per endpoint."""
        from ..bench.serve import format_report, run_bench

        try:
            report = run_bench(db, requests=requests, concurrency=concurrency, workers=workers)
        except (OSError, RuntimeError) as e:
            raise KstError(f"bench serve: {e}") from None
        typer.echo(json.dumps(report, indent=2) if as_json else format_report(report))
