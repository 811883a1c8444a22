"""Neighbourhood similarities for margin scoring, restricted to the search band.

Some sentences are close to everything (short, generic); a pair's cosine
means something only against what each side scores with its other
candidates. These helpers compute, for every sentence, the mean of its k best
cosines and its best cosine among the sentences the band lets it meet,
vectorised in blocks so the cost stays linear in document length.
(Normalising each window shape by same-shape windows, as Vecalign does, was
tried and scored lower on the dev document.)
"""

from __future__ import annotations

import numpy as np

from .dp import Band

#: Rows per block in the vectorised top-k: bounds the (rows x union width) product.
_BLOCK = 256


def sentence_ranges(band: Band, n: int, m: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each source sentence the target sentences it may meet, and vice versa.

    Sentence i ends at row i+1; targets ending at cells lo..hi-1 of that row are
    sentences lo-1..hi-2. Because the band is a monotone staircase, the source
    sentences meeting target j are contiguous too.
    """
    s_lo = np.clip(band.lo[1:] - 1, 0, m)
    s_hi = np.clip(band.hi[1:] - 1, 0, m)
    cols = np.arange(1, m + 1)
    t_lo = np.clip(np.searchsorted(band.hi, cols, side="right") - 1, 0, n)
    t_hi = np.clip(np.searchsorted(band.lo, cols, side="right") - 1, 0, n)
    return s_lo, np.maximum(s_hi, s_lo + 1).clip(max=m), t_lo, np.maximum(t_hi, t_lo + 1).clip(max=n)


def topk_mean(X: np.ndarray, Y: np.ndarray, lo: np.ndarray, hi: np.ndarray, k: int,
              ) -> tuple[np.ndarray, np.ndarray]:
    """For each row r of X: mean of its k best cosines with Y[lo[r]:hi[r]], and the best one.

    Rows are taken in blocks; a block's ranges overlap (the band is monotone), so
    one matrix product against their union serves the whole block.
    """
    n = len(X)
    means, best = np.zeros(n), np.full(n, -1.0)
    if n == 0 or len(Y) == 0:
        return means, best
    lo = np.clip(lo, 0, len(Y))
    hi = np.clip(hi, lo, len(Y))
    for start in range(0, n, _BLOCK):
        rows = slice(start, min(n, start + _BLOCK))
        u_lo, u_hi = int(lo[rows].min()), int(hi[rows].max())
        if u_hi <= u_lo:
            continue
        cols = np.arange(u_lo, u_hi)[None, :]
        valid = (cols >= lo[rows, None]) & (cols < hi[rows, None])
        sims = np.where(valid, X[rows] @ Y[u_lo:u_hi].T, -np.inf)
        kk = min(k, u_hi - u_lo)
        top = np.partition(sims, u_hi - u_lo - kk, axis=1)[:, u_hi - u_lo - kk:]
        finite = np.isfinite(top)
        means[rows] = np.where(finite, top, 0.0).sum(axis=1) / np.maximum(finite.sum(axis=1), 1)
        best[rows] = np.where(valid.any(axis=1), sims.max(axis=1), -1.0)
    return means, best
