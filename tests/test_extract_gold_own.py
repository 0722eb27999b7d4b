"""The project's own gold files (tests/gold/*.json) through the real parse, scored by `kamerstukken.eval`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CORPUS

from kamerstukken.eval import score

OWN = sorted((Path(__file__).parent / "gold").glob("*.json"))


@pytest.mark.usefixtures("shared")
@pytest.mark.parametrize("path", OWN, ids=[p.stem for p in OWN])
def test_own_gold(path):
    from kamerstukken import parse

    gold = json.loads(path.read_text(encoding="utf-8"))
    rep = score(gold, parse(CORPUS / gold["source"]))
    assert rep.extraction.rate == 1.0, rep.missed
    assert rep.statements_precision.rate == 1.0, rep.spurious
