"""The Text+Berg dev document the benchmarks read (from ../shared, never copied here)."""

from __future__ import annotations

import sys
from pathlib import Path

from aligner.readers.beads import parse_beads

DEV = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "textberg-dev"


def load_dev():
    """(German sentences, French sentences, gold beads), or None with a message if absent."""
    if not DEV.is_dir():
        print(f"missing {DEV}", file=sys.stderr)
        return None
    src = (DEV / "dev.de").read_text(encoding="utf-8").splitlines()
    tgt = (DEV / "dev.fr").read_text(encoding="utf-8").splitlines()
    return src, tgt, parse_beads((DEV / "dev.defr").read_text(encoding="utf-8"))
