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
