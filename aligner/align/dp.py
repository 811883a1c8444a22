"""The dynamic-programming core: best monotone path of beads inside a band.

Kept free of embeddings and language: it sees a band of cells and a scoring
callback, nothing else (the scorer lives in ``scorer.py``).

A cell (i, j) means "the first i source and first j target sentences are
aligned". A bead (a, b) moves from (i-a, j-b) to (i, j). Rows are processed in
order; every bead with a >= 1 reads earlier rows, so a whole row is computed
with numpy at once. The only in-row dependency is the 0-1 bead (an added
target sentence), resolved with a running maximum:
``D[j] = max_{j' <= j} (X[j'] + C[j] - C[j'])`` where C is the cumulative skip
score. That keeps the cost O(rows x band width x bead types) in vectorised
numpy, linear in document length for a fixed band.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

NEG = -1e18

#: Row scorer: (i, a, b, j_end) -> scores of beads (a, b) ending at (i, j) for j in j_end.
RowScorer = Callable[[int, int, int, np.ndarray], np.ndarray]


@dataclass(frozen=True)
class Band:
    """For each row i (0..n), the target cells lo[i] <= j < hi[i] that may be visited."""

    lo: np.ndarray
    hi: np.ndarray

    @classmethod
    def full(cls, n: int, m: int) -> "Band":
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m + 1, dtype=np.int64))

    @classmethod
    def around(cls, path: Sequence[tuple[int, int]], n: int, m: int, radius: int) -> "Band":
        """Cells within ``radius`` rows/columns of a path of (i, j) cells, kept monotone."""
        lo = np.full(n + 1, m + 1, dtype=np.int64)
        hi = np.zeros(n + 1, dtype=np.int64)
        for i, j in path:
            r0, r1 = max(0, i - radius), min(n, i + radius)
            lo[r0:r1 + 1] = np.minimum(lo[r0:r1 + 1], max(0, j - radius))
            hi[r0:r1 + 1] = np.maximum(hi[r0:r1 + 1], min(m, j + radius) + 1)
        # monotone staircase so that every bead between consecutive rows is representable
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        hi = np.maximum.accumulate(hi)
        lo[0], hi[n] = 0, m + 1
        return cls(lo, hi)


def best_path(n: int, m: int, band: Band, beads: Sequence[tuple[int, int]],
              score: RowScorer, skip_src: np.ndarray, skip_tgt: np.ndarray,
              ) -> tuple[list[tuple[int, int, int, int]], list[float]]:
    """Highest-scoring bead sequence from (0, 0) to (n, m) inside the band.

    ``skip_src[i]``/``skip_tgt[j]`` score leaving sentence i/j unaligned (1-0/0-1).
    Returns beads as (i_start, j_start, a, b) in document order, and for each
    bead the score margin over the best other way of reaching its end cell.
    """
    # ragged rows in flat arrays: memory is the band's area, not rows x widest row
    offset = np.concatenate([[0], np.cumsum(band.hi - band.lo)])
    D = np.full(int(offset[-1]), NEG)
    back = np.full(int(offset[-1]), -1, dtype=np.int16)  # index into `moves`
    # how much better the chosen last bead into each cell is than the best other
    # one: the score the best path loses if it must reach that cell differently
    gap = np.zeros(int(offset[-1]))
    moves = [(a, b) for a, b in beads if a >= 1] + [(0, 1)]
    horiz = len(moves) - 1
    cum_skip_tgt = np.concatenate([[0.0], np.cumsum(skip_tgt)])
    for i in range(n + 1):
        lo, hi = int(band.lo[i]), int(band.hi[i])
        js = np.arange(lo, hi)
        X = np.full(hi - lo, NEG)
        X2 = np.full(hi - lo, NEG)
        arg = np.full(hi - lo, -1, dtype=np.int16)
        if i == 0:
            X[js == 0] = 0.0
        for k, (a, b) in enumerate(moves[:-1]):
            if a > i:
                continue
            plo, phi = int(band.lo[i - a]), int(band.hi[i - a])
            src_j = js - b
            ok = (src_j >= plo) & (src_j < phi)
            if not ok.any():
                continue
            prev = np.full(hi - lo, NEG)
            prev[ok] = D[offset[i - a] + src_j[ok] - plo]
            ok &= prev > NEG / 2
            if not ok.any():
                continue
            cand = np.full(hi - lo, NEG)
            if b == 0:
                cand[ok] = prev[ok] + skip_src[i - 1]
            else:
                cand[ok] = prev[ok] + score(i, a, b, js[ok])
            np.maximum(X2, np.minimum(X, cand), out=X2)  # runner-up so far
            better = cand > X
            X[better], arg[better] = cand[better], k
        # in-row 0-1 moves via a running maximum over X[j'] - C[j']
        C = cum_skip_tgt[js]
        vals = X - C
        run = np.maximum.accumulate(vals)
        src_pos = np.maximum.accumulate(np.where(vals >= run, np.arange(hi - lo), 0))
        row = np.where(run > NEG / 2, run + C, NEG)
        from_left = src_pos != np.arange(hi - lo)
        D[offset[i]:offset[i + 1]] = row
        back[offset[i]:offset[i + 1]] = np.where(from_left, horiz, arg)
        horizontal = np.concatenate([[NEG], row[:-1] + skip_tgt[np.maximum(js[1:] - 1, 0)]])
        second = np.where(from_left, X, np.maximum(X2, horizontal))
        gap[offset[i]:offset[i + 1]] = np.where(second > NEG / 2, row - second, 1e3)
    beads = _trace(n, m, band, offset, D, back, moves)
    gaps = [float(gap[offset[i + a] + j + b - band.lo[i + a]]) for i, j, a, b in beads]
    return beads, gaps


def _trace(n, m, band, offset, D, back, moves) -> list[tuple[int, int, int, int]]:
    if D[offset[n] + m - band.lo[n]] <= NEG / 2:
        raise RuntimeError("no alignment path inside the band")
    out, i, j = [], n, m
    while i > 0 or j > 0:
        k = int(back[offset[i] + j - band.lo[i]])
        a, b = moves[k]
        out.append((i - a, j - b, a, b))
        i, j = i - a, j - b
    return out[::-1]
