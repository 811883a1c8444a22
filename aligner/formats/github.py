"""GitHub Actions workflow commands: one annotation per finding, shown on the file."""

from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING

from ..core import CheckResult

if TYPE_CHECKING:
    from .base import RenderOptions

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape(value: str, prop: bool = False) -> str:
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        value = value.replace(":", "%3A").replace(",", "%2C")
    return value


def render(result: CheckResult, options: "RenderOptions") -> str:
    lines = []
    for f in result.active:
        path, line = result.line_of(f)
        title = f"{f.rule} ({PurePath(f.target).name})"
        message = f.message + (f" [{f.witnesses}]" if f.witnesses else "")
        lines.append(f"::{_LEVEL[f.severity]} file={_escape(path, True)},line={line},"
                     f"title={_escape(title, True)}::{_escape(message)}")
    for entry in result.stale:
        lines.append(f"::notice title=stale baseline entry::{_escape(entry.get('message', entry['fingerprint']))}")
    return "\n".join(lines) + ("\n" if lines else "")
