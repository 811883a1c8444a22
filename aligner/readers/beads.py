"""Alignments in the Vecalign bead format: ``[i, j]:[k]`` per line (gold and test files).

Null beads (``[3]:[]``, ``[]:[4]``) are omissions and additions; anything
after the second bracket (Vecalign writes a cost there) is ignored.
"""

from __future__ import annotations

import re

from ..errors import InputError

Bead = tuple[tuple[int, ...], tuple[int, ...]]
_BEAD = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?:[:\t ].*)?$")


def parse_beads(text: str, name: str = "beads") -> list[Bead]:
    """Read the ``[i, j]:[k]`` one-bead-per-line format (Vecalign / Text+Berg gold)."""
    beads = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        match = _BEAD.match(line)
        if not match:
            raise InputError(f"{name}: line {number} is not a bead like '[0]:[0, 1]': {line[:80]!r}")
        beads.append(tuple(tuple(int(x) for x in side.split(",") if x.strip())
                           for side in match.groups()))
    return beads  # type: ignore[return-value]


def check_partition(beads: list[Bead], name: str = "beads") -> None:
    """Refuse an alignment in which a sentence is in two beads: scoring it would
    count the same link twice."""
    for side, label in ((0, "source"), (1, "target")):
        seen: dict[int, int] = {}
        for number, bead in enumerate(beads, 1):
            for i in bead[side]:
                if i in seen:
                    raise InputError(f"{name}: {label} sentence {i} is in bead {seen[i]} and bead {number}; "
                                     "an alignment holds each sentence once")
                seen[i] = number
