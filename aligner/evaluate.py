"""Alignment quality against a gold standard, with the usual bead conventions.

Follows the scoring of Vecalign's ``score.py`` (used for the published Text+Berg
numbers), so our figures compare with theirs:

* strict: a test bead counts only if the identical bead is in the gold;
* lax: a test bead counts if it overlaps a gold bead on both sides;
* precision is over all test beads, recall over the gold's non-null beads
  (test null beads are left out of recall as well);
* counts are summed over all document pairs before dividing (micro-average).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from .readers.beads import Bead


@dataclass(frozen=True)
class Counts:
    tp_strict: int = 0
    fp_strict: int = 0
    tp_lax: int = 0
    fp_lax: int = 0

    def __add__(self, other: "Counts") -> "Counts":
        return Counts(*(x + y for x, y in zip(self.astuple(), other.astuple())))

    def astuple(self) -> tuple[int, int, int, int]:
        return (self.tp_strict, self.fp_strict, self.tp_lax, self.fp_lax)


def _precision_counts(gold: Sequence[Bead], test: Sequence[Bead]) -> Counts:
    gold_set = set(gold)
    tps = fps = tpl = fpl = 0
    for src, tgt in test:
        if not src and not tgt:
            continue
        if (src, tgt) in gold_set:
            tps += 1
            tpl += 1
            continue
        fps += 1
        if any(set(src) & set(gs) and set(tgt) & set(gt) for gs, gt in gold):
            tpl += 1
        else:
            fpl += 1
    return Counts(tps, fps, tpl, fpl)


def _ratio(tp: int, fp: int) -> float:
    return tp / (tp + fp) if tp + fp else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """Strict and lax precision, recall and F1."""

    precision_strict: float
    recall_strict: float
    f1_strict: float
    precision_lax: float
    recall_lax: float
    f1_lax: float

    def as_dict(self) -> dict[str, float]:
        return {k: round(v, 4) for k, v in self.__dict__.items()}


def score(pairs: Iterable[tuple[Sequence[Bead], Sequence[Bead]]]) -> Scores:
    """Micro-averaged scores over (gold, test) bead lists."""
    p, r = Counts(), Counts()
    for gold, test in pairs:
        p = p + _precision_counts(gold, test)
        gold_links = [(s, t) for s, t in gold if s and t]
        test_links = [(s, t) for s, t in test if s and t]
        r = r + _precision_counts(test_links, gold_links)
    ps, rs = _ratio(p.tp_strict, p.fp_strict), _ratio(r.tp_strict, r.fp_strict)
    pl, rl = _ratio(p.tp_lax, p.fp_lax), _ratio(r.tp_lax, r.fp_lax)
    return Scores(ps, rs, _f1(ps, rs), pl, rl, _f1(pl, rl))


def score_files(files: Sequence[tuple[str | Path, str | Path]]) -> Scores:
    """Strict and lax scores of (gold, test) bead files, micro-averaged over the pairs
    (a test file must be a partition of both documents)."""
    from .readers.beads import check_partition, parse_beads
    from .readers.text import read_text

    pairs = []
    for g, t in files:
        gold, test = parse_beads(read_text(g), str(g)), parse_beads(read_text(t), str(t))
        check_partition(test, str(t))
        pairs.append((gold, test))
    return score(pairs)
