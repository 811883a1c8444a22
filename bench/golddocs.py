"""Every gold-aligned document the benchmarks know, read from ../shared and corpora/.

A gold document is a source and a target edition, already split into
sentences (one per line, blank lines between paragraphs where the data has
them) or split by our segmenter (the press-release corpus), with its gold
beads. Nothing is copied into the repository: data under ../shared keeps its
own licences.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

from aligner.api import load_document, read_document
from aligner.core import Document
from aligner.readers.beads import Bead, parse_beads

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
CORPUS = ROOT / "corpora" / "press-release"


@dataclass(frozen=True)
class GoldDoc:
    name: str
    group: str          # documents of one collection, reported together
    source: Document
    target: Document
    gold: list[Bead]
    presplit: bool


def _presplit(path: Path, lang: str) -> Document:
    return load_document(path.read_text(encoding="utf-8"), lang, presplit=True, name=str(path))


def textberg() -> list[GoldDoc]:
    folder = SHARED / "textberg-dev"
    if not folder.is_dir():
        return []
    return [GoldDoc("textberg-dev", "Text+Berg de-fr", _presplit(folder / "dev.de", "de"),
                    _presplit(folder / "dev.fr", "fr"),
                    parse_beads((folder / "dev.defr").read_text(encoding="utf-8")), True)]


def mac() -> list[GoldDoc]:
    folder = SHARED / "mac-dev"
    if not folder.is_dir():
        return []
    return [GoldDoc(f"mac-{p.stem}", "MAC-dev zh-en", _presplit(p, "zh"), _presplit(p.with_suffix(".en"), "en"),
                    parse_beads(p.with_suffix(".zhen").read_text(encoding="utf-8")), True)
            for p in sorted(folder.glob("*.zh"))]


def press_release() -> list[GoldDoc]:
    source = read_document(CORPUS / "ru.txt")
    out = []
    for lang in ("en", "de", "es", "fr"):
        gold = json.loads((CORPUS / "gold" / f"ru-{lang}.json").read_text(encoding="utf-8"))
        out.append(GoldDoc(f"press-ru-{lang}", "press release ru-*", source, read_document(CORPUS / f"{lang}.txt"),
                           [(tuple(a), tuple(b)) for a, b in gold["beads"]], False))
    return out


def all_documents() -> list[GoldDoc]:
    docs = textberg() + mac() + press_release()
    if not (SHARED / "textberg-dev").is_dir() or not (SHARED / "mac-dev").is_dir():
        print(f"note: some gold data is missing under {SHARED}", file=sys.stderr)
    return docs
