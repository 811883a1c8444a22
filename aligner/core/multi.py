"""All editions at once: pairwise alignments to one source merged into one table.

Each row is a group of consecutive source sentences that no translation splits
between rows: if any translation merges source sentences 3 and 4 (a 2-1
link), they share a row for every edition. Sentences that translations add
(0-1 links) get rows with no source, placed after the source sentence they
follow; additions of several editions at the same place share those rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from .document import Alignment, Document, Link


@dataclass(frozen=True)
class Cell:
    """One edition's part of a row: its sentence ids, link types and confidence,
    and the indices of those links in the edition's ``Alignment.links``."""

    ids: tuple[int, ...]
    kinds: tuple[str, ...]
    confidence: float | None
    links: tuple[int, ...] = ()


@dataclass(frozen=True)
class Row:
    src_ids: tuple[int, ...]
    cells: tuple[Cell, ...]   # one per alignment, in order


@dataclass(frozen=True)
class MultiAlignment:
    source: Document
    alignments: tuple[Alignment, ...]
    rows: tuple[Row, ...]


def _groups(n: int, alignments: tuple[Alignment, ...]) -> list[tuple[int, ...]]:
    """Source sentences joined whenever some link holds several of them."""
    joined_to_next = [False] * n
    for alignment in alignments:
        for link in alignment.links:
            for i in link.src[:-1]:
                joined_to_next[i] = True
    groups, current = [], []
    for i in range(n):
        current.append(i)
        if not joined_to_next[i]:
            groups.append(tuple(current))
            current = []
    if current:
        groups.append(tuple(current))
    return groups


def merge(source: Document, alignments: list[Alignment] | tuple[Alignment, ...]) -> MultiAlignment:
    """One row per source sentence group (and per added sentence), one cell per edition."""
    alignments = tuple(alignments)
    groups = _groups(len(source), alignments)
    group_of = {i: g for g, ids in enumerate(groups) for i in ids}
    # links of each alignment grouped by source group; additions keyed after a group
    per_group: list[dict[int, list[tuple[int, Link]]]] = []
    additions: list[dict[int, list[tuple[int, Link]]]] = []
    for alignment in alignments:
        linked: dict[int, list[tuple[int, Link]]] = {}
        added: dict[int, list[tuple[int, Link]]] = {}
        last = -1
        for k, link in enumerate(alignment.links):
            if link.src:
                last = group_of[link.src[0]]
                linked.setdefault(last, []).append((k, link))
            else:
                added.setdefault(last, []).append((k, link))
        per_group.append(linked)
        additions.append(added)
    rows = []

    def emit_additions(after: int) -> None:
        # the k-th sentence each edition adds at this place shares the k-th row
        depth = max((len(added.get(after, [])) for added in additions), default=0)
        for k in range(depth):
            cells = tuple(_cell([added[after][k]]) if len(added.get(after, [])) > k else Cell((), (), None)
                          for added in additions)
            rows.append(Row((), cells))

    emit_additions(-1)
    for g, ids in enumerate(groups):
        rows.append(Row(ids, tuple(_cell(per_group[e].get(g, [])) for e in range(len(alignments)))))
        emit_additions(g)
    return MultiAlignment(source, alignments, tuple(rows))


def _cell(links: list[tuple[int, Link]]) -> Cell:
    ids = tuple(j for _, link in links for j in link.tgt)
    confidence = min((link.confidence for _, link in links), default=None)
    return Cell(ids, tuple(link.kind for _, link in links), confidence, tuple(k for k, _ in links))
