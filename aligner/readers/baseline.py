"""Baseline files (``check --write-baseline``): accepted finding fingerprints."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.serial import BASELINE_FORMAT as FORMAT
from ..errors import InputError
from .text import read_text


def read_baseline(path: str | Path) -> list[dict]:
    """The entries of a baseline file, each with at least a ``fingerprint``."""
    try:
        doc = json.loads(read_text(path, max_line=None))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a baseline file (invalid JSON at line {exc.lineno})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT or not isinstance(doc.get("findings"), list):
        raise InputError(f"{path}: not a baseline file written by --write-baseline")
    entries = doc["findings"]
    if not all(isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries):
        raise InputError(f"{path}: baseline entries need a 'fingerprint'")
    return entries
