"""Writing an output: to standard output (``-`` or no path) or to a file, atomically.

:func:`write_atomic` replaces the target file in one step, so a failure never
leaves a half-written output behind.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from ..errors import InputError


def is_stdout(path: str | Path | None) -> bool:
    """No path, or ``-``: standard output."""
    return path is None or str(path) == "-"


def write_output(path: str | Path | None, content: str) -> None:
    """Write to standard output for None or ``-``, else atomically to the file."""
    if is_stdout(path):
        sys.stdout.write(content)
        sys.stdout.flush()
    else:
        write_atomic(path, content)  # type: ignore[arg-type]


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
