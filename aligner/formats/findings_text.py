"""Terminal report: findings grouped by edition, coloured by severity, with a summary."""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Sequence

from rich.console import Console
from rich.markup import escape as markup_escape

from ..core import CheckResult

if TYPE_CHECKING:
    from .base import RenderOptions

_STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}
#: C0 and C1 control characters (tab excepted): from a document they could move the
#: cursor, recolour or retitle the reader's terminal
_CONTROLS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def escape(text: str) -> str:
    """Document text as inert terminal text: rich markup escaped, control
    characters shown as ``\\x1b``-style escapes instead of sent to the terminal."""
    return markup_escape(_CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text))


#: Characters of a sentence shown under a finding; a longer one is cut around its evidence.
EXCERPT_CHARS = 160


def excerpt(text: str, evidence: Sequence[str], limit: int = EXCERPT_CHARS) -> str:
    """The sentence, or where it is too long, the part around the first of the
    finding's words it holds (the number that changed, the dropped clause),
    cut at spaces and marked with "…" on each side that was cut."""
    if len(text) <= limit:
        return text
    # the first span the text holds (the longest of those starting there), or none
    first = min(((text.find(span), -len(span)) for span in evidence if span and span in text), default=(0, 0))
    at, span_end = first[0], first[0] - first[1]
    start = max(0, min(at - (limit - (span_end - at)) // 2, len(text) - limit))
    end = min(len(text), start + limit)
    if start > 0:
        space = text.find(" ", start, at if at > start else end)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", max(start, span_end), end)
        end = space if space > 0 else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


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
                console.print(f"           source: {escape(excerpt(f.src_text, f.evidence))}")
            if f.tgt_text:
                console.print(f"           target: {escape(excerpt(f.tgt_text, f.evidence))}")
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
