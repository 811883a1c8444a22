"""What every writer shares: its registry entry and the options it may read.

A writer module defines ``render(data, options: RenderOptions) -> str`` and
nothing else is required of it. Kept free of heavy imports: the command line
reads the registry to list the formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from ..rules import Finding


def xml_safe(text: str) -> str:
    """Text XML 1.0 can carry: C0 control characters other than tab and newlines
    are not allowed in a document at all, escaped or not (lxml refuses them)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)


@dataclass(frozen=True)
class Writer:
    kind: str     # alignment | findings | page | bitext
    name: str     # what --format says
    module: str   # module of this package with render(data, options) -> str
    help: str


@dataclass(frozen=True)
class RenderOptions:
    """What some writers take beyond the data: findings to show beside links
    (XLIFF), spreadsheet-safe cells (TSV), terminal colours (text)."""

    findings: Sequence["Finding"] = ()
    spreadsheet_safe: bool = False
    color: bool = False


def evidence_spans(finding: "Finding") -> list[dict]:
    """Where each evidence span of a finding is: the side whose text holds it
    and its character offsets there (first occurrence; a number or name found
    on both sides is reported on both), for formats that point into the text."""
    out = []
    for span in finding.evidence:
        for side, text in (("source", finding.src_text), ("target", finding.tgt_text)):
            at = text.find(span)
            if at >= 0:
                out.append({"side": side, "text": span, "start": at, "end": at + len(span)})
    return out


def markdown_evidence(message: str, evidence: Sequence[str]) -> str:
    """The message with its evidence words in bold (SARIF's markdown message)."""
    import re

    out = message.replace("*", "\\*").replace("_", "\\_")
    for span in sorted(set(evidence), key=len, reverse=True):
        escaped = span.replace("*", "\\*").replace("_", "\\_")
        if not escaped or f"**{escaped}**" in out:
            continue
        # the quoted words, else the first whole-word occurrence ("13" is not "1")
        quoted = f'"{escaped}"'
        if quoted in out:
            out = out.replace(quoted, f'"**{escaped}**"', 1)
        else:
            out = re.sub(rf"(?<!\w){re.escape(escaped)}(?!\w)", lambda m: f"**{m.group()}**", out, count=1)
    return out
