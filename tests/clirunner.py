"""The one way tests run the command line: in this process, through ``aligner.cli.run``.

Running in-process keeps the loaded model between runs (a subprocess pays
about a second of start-up and model loading each time), while exercising
the same option parsing, error handling and exit codes as the ``aligner``
command. Tests of the installed entry point itself use :func:`run_process`.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from pathlib import Path

from aligner.cli import run as cli_run


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``aligner ARGS...``; stdout, stderr and the exit code as a subprocess would give them."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.ExitStack() as stack:
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            code = cli_run([str(a) for a in args])
        except SystemExit as exc:  # typer's --help exits
            code = exc.code if isinstance(exc.code, int) else 0
    return subprocess.CompletedProcess(["aligner", *args], code, out.getvalue(), err.getvalue())


def run_process(*args: str, cwd: Path | None = None, env: dict | None = None,
                input: bytes | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m aligner.cli ARGS...`` as its own process (``input``: its standard input)."""
    done = subprocess.run([sys.executable, "-m", "aligner.cli", *map(str, args)], capture_output=True,
                          input=input if input is not None else b"", cwd=cwd, env={**os.environ, **(env or {})})
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))
