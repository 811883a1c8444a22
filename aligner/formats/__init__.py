"""Output formats of ``align``. One module per format, each a pure renderer.

:func:`write_atomic` replaces the target file in one step, so a failure never
leaves a half-written output behind.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Sequence

from ..diverge.findings import Finding
from ..document import Alignment
from ..errors import InputError
from ..multi import MultiAlignment, merge
from . import json_format, multi_table, tmx, tsv, vecalign, xliff
from .table import spreadsheet_safe  # noqa: F401  (re-exported)

FORMATS = ("tsv", "json", "vecalign", "tmx", "xliff")


def render(result: Alignment | MultiAlignment, fmt: str, findings: Sequence[Finding] = (),
           safe: bool = False) -> str:
    """One alignment (SRC TGT) or all editions (a folder) in the chosen format."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format '{fmt}'; choose one of {', '.join(FORMATS)}")
    multi = result if isinstance(result, MultiAlignment) else merge(result.source, [result])
    if fmt == "tmx":
        return tmx.render(multi)
    if fmt == "xliff":
        if len(multi.alignments) != 1:
            raise InputError("XLIFF holds one target language: give SOURCE TARGET, or use --format tmx")
        return xliff.render(multi, list(findings))
    if isinstance(result, MultiAlignment):
        if fmt == "vecalign":
            raise InputError("the vecalign format holds one pair: give SOURCE TARGET")
        if fmt == "json":
            return multi_table.render_json(result)
        return tsv.render_frame(multi_table.frame(result), safe)
    if fmt == "json":
        return json_format.render(result)
    if fmt == "vecalign":
        return vecalign.render(result)
    return tsv.render(result, safe)


def write_atomic(path: str | Path, content: str) -> None:
    """Write a file so that readers see either the old file or the whole new one."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
