"""Shared fixtures: where the read-only corpus lives (../shared beside the checkout)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("KST_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"
SEED = CORPUS / "seed" / "kst-28676-235.txt"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not CORPUS.exists():
        pytest.skip(f"corpus not found at {CORPUS}")
    return SHARED
