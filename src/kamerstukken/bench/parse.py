"""`kst bench parse`: how fast text and PDFs become records, on one core.

Text: real moties laid out as PDF-extracted text (kamerstukken.layout) and the seed, parsed with
and without extraction, in MB of input per second. PDF: the same moties as generated PDFs, parse
time against PyMuPDF's own plain text extraction of the same files (the target is at most 2×).
"""
from __future__ import annotations

import json
import time

from . import shared_corpus


def _moties(n: int):
    """The first `n` moties of the official XML (sorted by file name), as layout sources."""
    from ..layout import stuk_from_xml

    files = sorted((shared_corpus() / "moties" / "xml").glob("*.xml"))[:n]
    return [stuk_from_xml(f.read_bytes()) for f in files]


def _time(fn, items, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        for it in items:
            fn(it)
        best = min(best, time.perf_counter() - t)
    return best


def _reference_loop_ms() -> float:
    """A fixed pure-Python workload (integer and string operations), best of 5, so that MB/s read on
    different machines can be compared: a core twice as fast halves it."""
    def work():
        total, words = 0, "de Raad van de Europese Unie besloot".split()
        for i in range(200_000):
            total += len(words[i % 7].lower()) + (i & 7)
        return total
    return round(1000 * _time(lambda _: work(), [None], repeat=5), 1)


def run(moties: int = 1000, pdfs: int = 200, seed_repeat: int = 50, as_json: bool = False) -> dict:
    from ..layout import find_fonts, layout_pdf, layout_text
    from ..pipeline import parse

    corpus = shared_corpus()
    stuks = _moties(moties)
    texts = [layout_text(s).text.encode("utf-8") for s in stuks]
    seed = (corpus / "seed" / "kst-28676-235.txt").read_bytes()
    # warm up imports, word lists and caches so the first document does not pay for them
    for t in texts[:20] + [seed]:
        parse(t, name="x.txt", extract=True)

    out: dict = {"cores": 1, "reference_loop_ms": _reference_loop_ms()}
    mb = sum(map(len, texts)) / 1e6
    for extract in (False, True):
        secs = _time(lambda b: parse(b, name="x.txt", extract=extract), texts)
        out[f"moties_text_{'with' if extract else 'without'}_extraction_mb_s"] = round(mb / secs, 3)
        out[f"moties_text_{'with' if extract else 'without'}_extraction_docs_s"] = round(len(texts) / secs, 1)
    out["moties_text_mb"] = round(mb, 3)
    seed_mb = len(seed) * seed_repeat / 1e6
    for extract in (False, True):
        secs = _time(lambda b: parse(b, name="seed.txt", extract=extract), [seed] * seed_repeat, repeat=5)
        out[f"seed_{'with' if extract else 'without'}_extraction_mb_s"] = round(seed_mb / secs, 3)

    if find_fonts() is not None and pdfs:
        import pymupdf

        made = [layout_pdf(s).data for s in stuks[:pdfs]]

        def mupdf_text(data):
            with pymupdf.open(stream=data, filetype="pdf") as doc:
                return "".join(page.get_text() for page in doc)

        for d in made[:10]:
            mupdf_text(d)
            parse(d, name="x.pdf", extract=False)
        base = _time(mupdf_text, made, repeat=3)
        ours = _time(lambda d: parse(d, name="x.pdf", extract=False), made, repeat=3)
        ours_x = _time(lambda d: parse(d, name="x.pdf", extract=True), made, repeat=1)
        out.update({
            "pdf_files": len(made),
            "pdf_pages": sum(pymupdf.open(stream=d, filetype="pdf").page_count for d in made),
            "pymupdf_text_ms_per_pdf": round(1000 * base / len(made), 2),
            "pdf_to_record_ms_per_pdf": round(1000 * ours / len(made), 2),
            "pdf_to_record_with_extraction_ms_per_pdf": round(1000 * ours_x / len(made), 2),
            "pdf_to_record_vs_pymupdf": round(ours / base, 2),
        })
    else:
        out["pdf"] = "skipped: no TrueType font with Dutch characters to make the PDFs"

    if as_json:
        print(json.dumps(out, indent=2))
    else:
        print(f"this core: reference loop {out['reference_loop_ms']:.1f} ms (lower is faster)")
        print(f"text → record, one core, {len(texts)} moties as PDF-extracted text ({mb:.2f} MB):")
        print(f"  without extraction: {out['moties_text_without_extraction_mb_s']:.2f} MB/s "
              f"({out['moties_text_without_extraction_docs_s']:.0f} docs/s)")
        print(f"  with extraction:    {out['moties_text_with_extraction_mb_s']:.2f} MB/s "
              f"({out['moties_text_with_extraction_docs_s']:.0f} docs/s)")
        print(f"seed kst-28676-235.txt ({len(seed)} bytes) × {seed_repeat}, best of 5:")
        print(f"  without extraction: {out['seed_without_extraction_mb_s']:.2f} MB/s")
        print(f"  with extraction:    {out['seed_with_extraction_mb_s']:.2f} MB/s")
        if "pdf_files" in out:
            print(f"PDF → record, {out['pdf_files']} generated motie PDFs ({out['pdf_pages']} pages):")
            print(f"  PyMuPDF text alone:          {out['pymupdf_text_ms_per_pdf']:.2f} ms/PDF")
            print(f"  kst parse (no extraction):   {out['pdf_to_record_ms_per_pdf']:.2f} ms/PDF "
                  f"= {out['pdf_to_record_vs_pymupdf']:.2f}× PyMuPDF (target ≤ 2×)")
            print(f"  kst parse (with extraction): {out['pdf_to_record_with_extraction_ms_per_pdf']:.2f} ms/PDF")
        else:
            print(out["pdf"])
    return out
