"""The `kst` command."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import KstError
from .sources import iter_files

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="kamerstukken: read, search and serve Dutch parliamentary papers.")
bench_app = typer.Typer(no_args_is_help=True, help="Benchmarks that print their numbers.")
app.add_typer(bench_app, name="bench")


def _err(msg: str) -> None:
    typer.echo(f"kst: {msg}", err=True)


@app.command()
def parse(paths: List[Path] = typer.Argument(..., help="Files or folders"),
          jsonl: bool = typer.Option(False, "--jsonl", help="One record per line"),
          format: Optional[str] = typer.Option(None, "--format", help="Force a format"),
          no_extract: bool = typer.Option(False, "--no-extract", help="Skip extraction")):
    """Parse Kamerstukken and print their records as JSON."""
    from .pipeline import parse as parse_one

    files = list(iter_files(paths))
    failed = 0
    for f in files:
        try:
            doc = parse_one(f, format=format, extract=not no_extract)
        except KstError as e:
            _err(str(e))
            failed += 1
            continue
        except Exception as e:  # never a traceback for one bad file
            _err(f"{f}: could not parse ({type(e).__name__}: {e})")
            failed += 1
            continue
        if jsonl or len(files) > 1:
            sys.stdout.write(doc.to_json() + "\n")
        else:
            sys.stdout.write(doc.to_json(indent=2) + "\n")
    if failed:
        _err(f"{failed} of {len(files)} file(s) failed")
        raise typer.Exit(1)


@app.command()
def schema():
    """Print the JSON Schema of the document record."""
    from .model import Document

    typer.echo(json.dumps(Document.model_json_schema(by_alias=True), indent=2, ensure_ascii=False))


# ---- store, ingest, search (issue 4) --------------------------------------------------------

def _db_option():
    return typer.Option(None, "--db", help="sqlite:///path.db or postgresql://… (default: KST_DB "
                                             "or a file in the user's data directory)")


@app.command()
def ingest(paths: List[Path] = typer.Argument(..., help="Files or folders"),
           db: Optional[str] = _db_option(),
           workers: Optional[int] = typer.Option(None, "--workers", help="Parser processes"),
           dask: Optional[str] = typer.Option(None, "--dask", help="Dask scheduler address"),
           as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON")):
    """Parse files (in parallel) and store them; known files are skipped by content hash."""
    from .store import open_store
    from .store.ingest import ingest as run

    for p in paths:
        if not p.exists():
            raise KstError(f"{p}: no such file or folder")
    with open_store(db) as store:
        report = _with_progress(lambda cb: run(paths, store, workers=workers, dask=dask,
                                               progress=cb))
    for path, msg in report.failed:
        _err(msg)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        typer.echo(report.summary())
    if report.failed:
        raise typer.Exit(1)


def _with_progress(fn):
    """Run fn(callback) under a Rich progress bar on stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=not console.is_terminal) as bar:
        tasks = {}

        def cb(event, done, total):
            if event not in tasks:
                tasks[event] = bar.add_task(event, total=total)
            bar.update(tasks[event], completed=done, total=total)

        return fn(cb)


def _query(q, kind, dossier, since, until, limit, actor=None):
    from .store import SearchQuery

    if limit < 1:
        raise KstError("--limit must be at least 1")
    return SearchQuery(q=q or "", kind=kind, dossier=dossier, actor=actor, since=since,
                       until=until, limit=limit)


@app.command()
def search(query: str = typer.Argument(..., help='Words, "phrases", AND, OR, NOT, ( )'),
           db: Optional[str] = _db_option(),
           kind: Optional[str] = typer.Option(None, "--kind", help="motie, brief, …"),
           dossier: Optional[str] = typer.Option(None, "--dossier", help="Dossier number"),
           since: Optional[str] = typer.Option(None, "--since", help="YYYY[-MM[-DD]]"),
           until: Optional[str] = typer.Option(None, "--until", help="YYYY[-MM[-DD]]"),
           limit: int = typer.Option(20, "--limit"),
           as_json: bool = typer.Option(False, "--json", help="Print JSON")):
    """Search documents (Dutch-aware: stems, compound parts, no accents or hyphens needed)."""
    from .store import open_store

    with open_store(db, must_exist=True) as store:
        res = store.search(_query(query, kind, dossier, since, until, limit))
    if as_json:
        typer.echo(json.dumps(res.to_dict(), ensure_ascii=False, indent=2))
        return
    import html as _html
    import re

    typer.echo(f"{'about ' if not res.total_exact else ''}{res.total} document(s)")
    for h in res.hits:
        typer.echo(f"{h.score:7.2f}  {h.date or '????-??-??'}  {h.id:<24} {h.kind:<8} {h.title or ''}")
        text = re.sub(r"</?mark>", "*", h.snippet)
        typer.echo(f"         {_html.unescape(text)}")
    for name, counts in res.facets.items():
        if counts:
            typer.echo(f"{name}: " + ", ".join(f"{k} ({v})" for k, v in list(counts.items())[:8]))


@app.command()
def statements(query: Optional[str] = typer.Argument(None, help="Optional search words"),
               db: Optional[str] = _db_option(),
               kind: Optional[str] = typer.Option(None, "--kind", help="decision, position, …"),
               actor: Optional[str] = typer.Option(None, "--actor", help="e.g. NAVO"),
               since: Optional[str] = typer.Option(None, "--since"),
               until: Optional[str] = typer.Option(None, "--until"),
               dossier: Optional[str] = typer.Option(None, "--dossier"),
               limit: int = typer.Option(20, "--limit"),
               as_json: bool = typer.Option(False, "--json", help="Print JSON")):
    """Search the statements (positions, decisions, commitments …) extracted from documents."""
    from .store import open_store

    with open_store(db, must_exist=True) as store:
        res = store.search_statements(_query(query, kind, dossier, since, until, limit, actor))
    if as_json:
        typer.echo(json.dumps(res.to_dict(), ensure_ascii=False, indent=2))
        return
    typer.echo(f"{'about ' if not res.total_exact else ''}{res.total} statement(s)")
    for h in res.hits:
        typer.echo(f"{h.date or '????-??-??'}  {h.document:<24} {h.kind:<10} {h.actor or '-'}: {h.text}")


@bench_app.command("search")
def bench_search(docs: int = typer.Option(1_000_000, "--docs", help="Synthetic documents"),
                 db: Optional[str] = typer.Option(None, "--db", help="Store to build (default: a "
                                                  "temporary SQLite file)"),
                 queries: int = typer.Option(200, "--queries", help="Timed queries per engine"),
                 workdir: Optional[Path] = typer.Option(None, "--workdir",
                                                        help="Where to build the databases"),
                 as_json: bool = typer.Option(False, "--json")):
    """Build a synthetic corpus from real moties and time ingest, index size and queries."""
    from .bench.search import run as run_bench

    run_bench(docs=docs, db=db, queries=queries, workdir=workdir, as_json=as_json)


@bench_app.command("parse")
def bench_parse(moties: int = typer.Option(1000, "--moties", help="Moties laid out as PDF text"),
                pdfs: int = typer.Option(200, "--pdfs", help="Moties made into PDFs"),
                as_json: bool = typer.Option(False, "--json")):
    """Text → record MB/s per core (moties as PDF text, the seed) and PDF → record vs PyMuPDF."""
    from .bench.parse import run as run_parse_bench

    run_parse_bench(moties=moties, pdfs=pdfs, as_json=as_json)


from .api.cli import register as _register_web  # noqa: E402  (kst serve, demo, bench serve)

_register_web(app, bench_app)


@app.command("eval")
def eval_cmd(gold: Path = typer.Argument(..., help="Gold JSON (format of shared/gold/kst-28676-235.json), "
                                                   "or a folder of them"),
             file: Optional[Path] = typer.Argument(None, help="Source file to parse, a record from `kst parse`, "
                                                             "or (with a gold folder) the folder of sources"),
             from_gold_text: bool = typer.Option(False, "--gold-text",
                                                 help="Build the text from the gold's `paragraphs`")):
    """Score a parse against a gold file and print what is missed."""
    from .eval import run_eval

    raise typer.Exit(run_eval(gold, file, from_gold_text))


def main():
    try:
        app()
    except KstError as e:
        _err(str(e))
        sys.exit(2)


if __name__ == "__main__":
    main()
