"""Drift over time: how the source changed since an earlier version, and the
drift rules (:mod:`aligner.rules.drift`) run on every translation.

The earlier source and the current one are compared sentence by sentence:
identical sentences are found exactly (a diff of the sentence lists), and only
where text changed are the two sides aligned with embeddings, to tell an
edited sentence from one removed and another added. Translations edited
together with their source are not reported, and nothing is said about
differences that predate the earlier revision (``check`` and its baseline are
for those).
"""

from __future__ import annotations

import difflib
from typing import Callable, Sequence

import numpy as np

from ..core import Alignment, Document, EarlierEditions, Finding, Link
from ..rules import DRIFT_RULES
from ..rules.drift import DriftContext, SourceChange, norm

Aligner = Callable[[Document, Document], Sequence[Link]]


def source_changes(old: Document, new: Document, align: Aligner) -> list[SourceChange]:
    """How the source changed, sentence by sentence.

    A diff of the sentence lists finds every unchanged sentence exactly; each
    run that differs is aligned (``align``, the embedding aligner) so that an
    edited sentence is paired with its earlier version. A removed sentence
    whose text reappears elsewhere is a move.
    """
    a, b = [norm(t) for t in old.texts], [norm(t) for t in new.texts]
    out: list[SourceChange] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [SourceChange("unchanged", (i,), (j,)) for i, j in zip(range(i1, i2), range(j1, j2))]
        elif tag == "delete":
            out += [SourceChange("removed", (i,), ()) for i in range(i1, i2)]
        elif tag == "insert":
            out += [SourceChange("added", (), (j,)) for j in range(j1, j2)]
        elif i2 - i1 == 1 and j2 - j1 == 1:
            out.append(SourceChange("edited", (i1,), (j1,)))
        else:
            sub_old = Document.from_sentences(old.texts[i1:i2], old.lang, old.name)
            sub_new = Document.from_sentences(new.texts[j1:j2], new.lang, new.name)
            for link in align(sub_old, sub_new):
                o, n = tuple(i1 + i for i in link.src), tuple(j1 + j for j in link.tgt)
                kind = "edited" if o and n else ("removed" if o else "added")
                out.append(SourceChange(kind, o, n))
    return _moves(out, a, b)


def _moves(changes: list[SourceChange], a: list[str], b: list[str]) -> list[SourceChange]:
    added = {b[c.new[0]]: k for k, c in enumerate(changes) if c.kind == "added"}
    out = list(changes)
    for k, c in enumerate(changes):
        if c.kind == "removed" and a[c.old[0]] in added:
            j = added.pop(a[c.old[0]])
            out[k] = SourceChange("moved", c.old, changes[j].new)
            out[j] = SourceChange("moved", c.old, changes[j].new)
    seen, unique = set(), []
    for c in out:
        if c not in seen or c.kind != "moved":
            unique.append(c)
            seen.add(c)
    return unique


def moved_runs(changes: Sequence[SourceChange]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Moved sentences grouped into runs that moved together (consecutive before
    and after), as (earlier ids, current ids): a moved paragraph is one finding,
    not one per sentence."""
    pairs = sorted({(c.old[0], c.new[0]) for c in changes if c.kind == "moved"}, key=lambda p: p[1])
    runs: list[tuple[list[int], list[int]]] = []
    for o, n in pairs:
        if runs and runs[-1][0][-1] + 1 == o and runs[-1][1][-1] + 1 == n:
            runs[-1][0].append(o)
            runs[-1][1].append(n)
        else:
            runs.append(([o], [n]))
    return [(tuple(o), tuple(n)) for o, n in runs]


def units(changes: Sequence[SourceChange]) -> list[SourceChange]:
    """What the rules look at, in document order: each change, with the moved
    sentences as runs that moved together (one finding for a moved paragraph)."""
    return [c for c in changes if c.kind != "moved"] + [SourceChange("moved", o, n) for o, n in moved_runs(changes)]


def drift_check(earlier: EarlierEditions, alignments: Sequence[Alignment],
                align: Callable[[Document, Document], Alignment],
                similarity: Callable[[str, str], float]) -> list[Finding]:
    """Findings of every translation of the current source (``alignments``):
    how the source changed since ``earlier``, and each translation aligned to
    the earlier source too (``align``), to see where it stood before."""
    if not alignments:
        return []
    changes = source_changes(earlier.source, alignments[0].source, lambda a, b: align(a, b).links)
    removed = frozenset(i for c in changes if c.kind == "removed" for i in c.old)
    looked_at = units(changes)
    findings: list[Finding] = []
    for new_alignment, before in zip(alignments, earlier.targets):
        ctx = DriftContext(earlier.source, new_alignment.source, new_alignment.target, new_alignment,
                           align(earlier.source, new_alignment.target), before, earlier.label, removed, similarity)
        for change in looked_at:
            for rule in DRIFT_RULES:
                if change.kind in rule.kinds:
                    findings += rule.check(ctx, change)
    return findings


def cosine(encoder) -> Callable[[str, str], float]:
    """Similarity of two texts with the encoder (cached per text)."""
    def sim(x: str, y: str) -> float:
        a, b = encoder.encode([x, y])
        return float(np.dot(a, b))
    return sim
