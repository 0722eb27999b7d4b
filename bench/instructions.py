"""Instructions per parsed document, counted by valgrind: `python bench/instructions.py [seed|moties] [--no-extract]`.

Timings on a shared machine move by a third from run to run; the number of machine instructions a
parse executes does not (to a few thousandths). Use this to judge a speed change, and `kst bench
parse` for MB/s. The count is the difference between a run of 1 + N parses and a run of 1, so
start-up, imports and the first document's word lists are left out; the hash seed is fixed, since the
order of sets (and so some of the work) follows it. Needs `valgrind`; each run
takes about a minute.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

_WORKER = """
import sys
from kamerstukken.pipeline import parse
what, n, extract = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
if what == "seed":
    from kamerstukken.bench import shared_corpus
    docs = [(shared_corpus() / "seed" / "kst-28676-235.txt").read_bytes()]
else:
    from kamerstukken.bench.parse import _moties
    from kamerstukken.layout import layout_text
    docs = [layout_text(s).text.encode("utf-8") for s in _moties(100)]
for d in docs:
    parse(d, name="x.txt", extract=extract)
for _ in range(n):
    for d in docs:
        parse(d, name="x.txt", extract=extract)
"""


def _count(what: str, n: int, extract: bool) -> int:
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
         sys.executable, "-c", _WORKER, what, str(n), "1" if extract else "0"],
        capture_output=True, text=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": "0"}).stderr  # set order, and so the work, follows the hash seed
    return int(re.search(r"I\s+refs:\s+([\d,]+)", out).group(1).replace(",", ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("what", nargs="?", choices=("seed", "moties"), default="seed")
    ap.add_argument("--no-extract", action="store_true", help="parse without extraction")
    ap.add_argument("-n", type=int, default=0, help="parses counted (default: 40 seeds or 4 × 100 moties)")
    args = ap.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("bench/instructions.py: valgrind is not installed (apt-get install valgrind)")
    n = args.n or (40 if args.what == "seed" else 4)
    per_round = 1 if args.what == "seed" else 100
    extract = not args.no_extract
    diff = _count(args.what, n, extract) - _count(args.what, 0, extract)
    label = "with" if extract else "without"
    print(f"{args.what}, {label} extraction: {diff / n / per_round / 1e6:.3f} M instructions per document")


if __name__ == "__main__":
    main()
