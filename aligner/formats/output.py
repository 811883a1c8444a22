"""Writing an output: to standard output (``-`` or no path) or to a file, safely.

An output never replaces what the user did not ask to replace:

- a regular file is written atomically (a temporary file renamed over it), so
  a failure never leaves a half-written output behind;
- a device or a FIFO (``/dev/null``, a named pipe) is written into, not
  replaced by a regular file;
- a symbolic link keeps being a link: what it points to is written;
- a folder, or a name ending in ``/``, is refused;
- an output that is also an input is refused before any work is done
  (:func:`check_outputs`).
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Iterable

from ..errors import InputError, OutputClosed


def is_stdout(path: str | Path | None) -> bool:
    """No path, or ``-``: standard output."""
    return path is None or str(path) == "-"


def write_output(path: str | Path | None, content: str) -> None:
    """Write to standard output for None or ``-``, else to the file as described above."""
    if is_stdout(path):
        try:
            sys.stdout.write(content)
            sys.stdout.flush()
        except BrokenPipeError:
            raise OutputClosed() from None
        except OSError as exc:  # a full disk or device behind the redirection (> /dev/full)
            raise InputError(f"standard output: cannot be written ({exc.strerror or exc})") from None
        return
    target = Path(path)  # type: ignore[arg-type]
    if str(path).endswith(("/", os.sep)) or target.is_dir():
        raise InputError(f"{path}: is a folder; give a file name for the output")
    try:
        mode = os.stat(target).st_mode  # follows links: /dev/stdout is a link to a pipe or a tty
    except OSError:
        mode = 0
    if mode and not stat.S_ISREG(mode):
        _write_stream(target, content, str(path))
    else:  # a new or regular file; through a link, the file it points to (the link stays)
        write_atomic(target.resolve() if target.is_symlink() else target, content, str(path))


def _write_stream(target: Path, content: str, shown: str) -> None:
    """Write into a device or FIFO as it is."""
    try:
        with open(target, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
    except OSError as exc:
        raise InputError(f"{shown}: cannot be written ({exc.strerror})") from None


def write_atomic(path: str | Path, content: str, shown: str | None = None) -> None:
    """Write a file so that readers see either the old file or the whole new one."""
    target = Path(path)
    shown = shown or str(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{shown}: folder {folder} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as exc:
        raise InputError(f"{shown}: cannot be written in {folder} ({exc.strerror})") from None
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; outputs are ordinary files
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise InputError(f"{shown}: cannot be written ({exc.strerror})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _probe(out: str | Path, folder: Path) -> None:
    """Refuse a folder the output cannot be written in (read-only, not ours), by
    creating there what the atomic write will create: a temporary file. Asking
    os.access would not do: it says yes to root on a read-only file system."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise InputError(f"{out}: cannot write in {folder} ({exc.strerror or exc}); "
                         "choose another place for the output") from None


def check_outputs(outputs: Iterable[str | Path | None], inputs: Iterable[str | Path]) -> None:
    """Before any work: refuse outputs that cannot be written (a folder, a missing
    folder) or that name an input file (or an edition of an input folder)."""
    outputs = list(outputs)
    for out in outputs:
        if is_stdout(out):
            continue
        target = Path(out)  # type: ignore[arg-type]
        if str(out).endswith(("/", os.sep)) or target.is_dir():
            raise InputError(f"{out}: is a folder; give a file name for the output")
        folder = target.parent if str(target.parent) else Path(".")
        if not target.is_symlink() and not folder.is_dir():
            raise InputError(f"{out}: folder {folder} does not exist")
        if not target.exists() or target.is_file():  # a device or a FIFO is written into, not replaced
            _probe(out, target.resolve().parent if target.is_symlink() else folder)
    files: list[Path] = []
    for name in inputs:
        p = Path(name)
        if p.is_dir():
            files.extend(child for child in p.iterdir() if child.is_file())
        elif str(p) != "-":
            files.append(p)
    for out in outputs:
        if is_stdout(out):
            continue
        target = Path(out)  # type: ignore[arg-type]
        for f in files:
            if target.exists() and f.exists() and os.path.samefile(target, f):
                raise InputError(f"{out}: is also an input; choose another output file")
