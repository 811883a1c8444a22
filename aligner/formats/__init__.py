"""Output formats. One module per format, each a pure ``render(alignment) -> str``.

:func:`write` renders fully in memory first and then replaces the target file
atomically, so a failure never leaves a half-written output behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from ..document import Alignment
from ..errors import InputError
from . import json_format, tsv, vecalign

Renderer = Callable[[Alignment], str]

FORMATS: dict[str, Renderer] = {
    "tsv": tsv.render,
    "json": json_format.render,
    "vecalign": vecalign.render,
}


def render(alignment: Alignment, fmt: str) -> str:
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt](alignment)


def write_atomic(path: str | Path, content: str) -> None:
    """Write a file so that readers see either the old file or the whole new one."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
