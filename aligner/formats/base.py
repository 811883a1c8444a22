"""What every writer shares: its registry entry and the options it may read.

A writer module defines ``render(data, options: RenderOptions) -> str`` and
nothing else is required of it. Kept free of heavy imports: the command line
reads the registry to list the formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping, Sequence

if TYPE_CHECKING:
    from ..core import Finding


def xml_safe(text: str) -> str:
    """Text XML 1.0 can carry: C0 control characters other than tab and newlines
    are not allowed in a document at all, escaped or not (lxml refuses them)."""
    return "".join(c for c in text if c in "\t\n\r" or ord(c) >= 0x20)


#: What a writer may need beyond its data, declared in its registry entry so
#: that the caller computes it only then: "findings" to show beside links
#: (the alignment is checked first), "multi" to be handed every edition merged
#: even for one pair, "rules" the rule ids with their descriptions.
NEEDS = frozenset({"findings", "multi", "rules"})


@dataclass(frozen=True)
class Writer:
    kind: str     # alignment | findings | page | bitext
    name: str     # what --format says
    module: str   # module of this package with render(data, options) -> str
    help: str
    needs: frozenset[str] = frozenset()  # a subset of NEEDS


@dataclass(frozen=True)
class RenderOptions:
    """What some writers take beyond the data: findings to show beside links
    (XLIFF), spreadsheet-safe cells (TSV), terminal colours (text)."""

    findings: Sequence["Finding"] = ()
    spreadsheet_safe: bool = False
    color: bool = False
    #: rule id -> one-line description, in a stable order (for writers that need "rules")
    rules: Mapping[str, str] = field(default_factory=dict)


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
