"""Terminal report: findings grouped by edition, coloured by severity, with a summary."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape

from ..diverge.result import CheckResult

if TYPE_CHECKING:
    from .base import RenderOptions

_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}


def render(result: CheckResult, options: "RenderOptions", width: int = 100) -> str:
    color = options.color
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=color, no_color=not color, width=width,
                      highlight=False, soft_wrap=True)
    for alignment in result.alignments:
        name = alignment.target.name
        found = [f for f in result.active if f.target == name]
        console.print(f"[bold]{escape(name)}[/] ({alignment.target.lang}) against "
                      f"{escape(result.source.name)} ({result.source.lang}): "
                      f"{len(alignment.links)} links, {len(found)} findings")
        for f in found:
            path, line = result.line_of(f)
            console.print(f"  [{_STYLE[f.severity]}]{f.severity:7}[/] {escape(path)}:{line} "
                          f"[bold]{f.rule}[/]: {escape(f.message)}")
            if f.src_text:
                console.print(f"           source: {escape(f.src_text[:160])}")
            if f.tgt_text:
                console.print(f"           target: {escape(f.tgt_text[:160])}")
            if f.witnesses:
                console.print(f"           [dim]{escape(f.witnesses)}[/]")
    counts = result.counts()
    summary = ", ".join(f"{n} {sev}" for sev in ("error", "warning", "info")
                        if (n := sum(c for (_, s), c in counts.items() if s == sev)))
    baselined = len(result.findings) - len(result.active)
    console.print(f"summary: {summary or 'no findings'}"
                  + (f"; {baselined} accepted by the baseline" if baselined else "")
                  + (f"; {len(result.stale)} stale baseline entries" if result.stale else ""))
    for entry in result.stale:
        console.print(f"  stale baseline entry: {escape(entry.get('rule', ''))} "
                      f"{escape(entry.get('message', entry['fingerprint']))}")
    return buffer.getvalue()
