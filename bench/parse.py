"""Parse benchmark: `python bench/parse.py --moties 1000 --pdfs 200` (same as `kst bench parse`).

Text → record MB/s on one core over real moties laid out as PDF-extracted text and the seed, with
and without extraction; PDF → record time against PyMuPDF's own text extraction of the same
generated PDFs. See kamerstukken/bench/parse.py.
"""
import sys

from kamerstukken.cli import app

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "bench", "parse", *sys.argv[1:]]
    app()
