"""The `kst` command."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .errors import KstError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="kamerstukken: read, search and serve Dutch parliamentary papers.")
bench_app = typer.Typer(no_args_is_help=True, help="Benchmarks that print their numbers.")
app.add_typer(bench_app, name="bench")


def _err(msg: str) -> None:
    typer.echo(f"kst: {msg}", err=True)


def iter_files(paths: List[Path]):
    """Files under the given paths, in a stable order (hidden files skipped)."""
    for p in paths:
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts):
                    yield f
        else:
            yield p


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


def main():
    try:
        app()
    except KstError as e:
        _err(str(e))
        sys.exit(2)


if __name__ == "__main__":
    main()
