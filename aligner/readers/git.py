"""An edition as it was committed at an earlier revision, read with git itself.

``git show REV:PATH`` needs the path relative to the repository's top level;
git is run as a subprocess (no library needed), and every failure (not a
repository, unknown revision, file not in that revision, no git installed)
becomes one clear line.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from ..errors import InputError
from .text import check_text, decode


def _git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=60)
    except FileNotFoundError:
        raise InputError("--since needs git, which is not installed here; use --previous-source FILE") from None
    except subprocess.TimeoutExpired:
        raise InputError(f"git did not answer within 60 s in {cwd}") from None


def repository_root(path: Path) -> Path:
    """The top folder of the git repository holding ``path``."""
    folder = path if path.is_dir() else path.parent
    done = _git(["rev-parse", "--show-toplevel"], folder.resolve())
    if done.returncode != 0:
        raise InputError(f"{path}: not in a git repository; --since needs one (or use --previous-source FILE)")
    return Path(done.stdout.decode("utf-8").strip())


def check_revision(rev: str, root: Path) -> None:
    """Refuse a revision git does not know, naming it."""
    done = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], root)
    if done.returncode != 0:
        raise InputError(f"--since {rev}: no such revision in {root}")


def read_at(rev: str, path: Path) -> str | None:
    """The text of ``path`` as committed at ``rev``; None if the file did not exist then."""
    root = repository_root(path)
    check_revision(rev, root)
    relative = path.resolve().relative_to(root).as_posix()
    done = _git(["show", f"{rev}:{relative}"], root)
    if done.returncode != 0:
        return None
    name = f"{path}@{rev}"
    if not done.stdout:
        raise InputError(f"{name}: is empty")
    return check_text(decode(done.stdout, name), name)
