"""Align two documents: anchors, band, many-to-many dynamic programming.

1. An *anchor path* of 1-1 links is found coarse-to-fine: when the documents
   are long, both are halved by averaging neighbouring sentence embeddings,
   aligned recursively, and the coarse path is refined in a narrow band at the
   next resolution (as Vecalign does). Small documents get a full table.
2. Each sentence's *neighbourhood* similarity (mean of its k best candidates
   near the anchor path) is measured for margin scoring.
3. A first DP over all bead types counts which shapes this document uses
   (on its first PRIOR_ROWS sentences); the counts become a per-document
   shape prior for
4. the final DP over all bead types inside a band around the anchor path.
Every step is O(length x band width), so time and memory grow linearly.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..core import Document, Link, Signature
from .dp import Band, best_path
from .neighbours import sentence_ranges, topk_mean
from .scorer import ScoringParams, WindowScorer

#: Bead types searched: (source sentences, target sentences).
#: Beyond the classic set, 2-3/3-2/1-4/4-1/3-3 occur in real parallel text
#: (5% of the Text+Berg dev gold); without them those links cannot be right.
BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (1, 2), (2, 1), (2, 2), (1, 3), (3, 1),
    (2, 3), (3, 2), (1, 4), (4, 1), (3, 3),
)
MAX_WINDOW = max(max(a, b) for a, b in BEADS)


def signature() -> Signature:
    """The aligner's part of a run's signature: the bead shapes it searches."""
    return Signature.of(("beads", str(len(BEADS))))


#: Above this many cells the anchor pass recurses on halved documents.
FULL_TABLE_CELLS = 1_000_000
#: Band half-widths, in sentences, around the coarse path and the anchor path.
COARSE_RADIUS = 8
FINAL_RADIUS = 12



def anchor_path(A: np.ndarray, B: np.ndarray, params: ScoringParams) -> list[tuple[int, int]]:
    """Cells (i, j) of the best 1-1/1-0/0-1 path, found coarse-to-fine."""
    n, m = len(A), len(B)
    if n * m <= FULL_TABLE_CELLS or min(n, m) < 8:
        band = Band.full(n, m)
    else:
        coarse = anchor_path(_halve(A), _halve(B), params)
        fine = [(min(n, 2 * i), min(m, 2 * j)) for i, j in coarse]
        band = Band.around(fine, n, m, COARSE_RADIUS)
    src_nbr, tgt_nbr, _, _ = neighbourhoods(A, B, band, params.neighbours)

    def score(i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        return B[js - 1] @ A[i - 1] - 0.5 * (src_nbr[i - 1] + tgt_nbr[js - 1])

    beads, _ = best_path(n, m, band, [(1, 1), (1, 0), (0, 1)], score,
                         np.full(n, params.skip), np.full(m, params.skip))
    return [(i + a, j + b) for i, j, a, b in beads]


def _halve(X: np.ndarray) -> np.ndarray:
    """Average consecutive pairs of rows (the last row alone if odd), renormalised."""
    n = len(X)
    pad = np.vstack([X, X[-1:]]) if n % 2 else X
    Y = pad.reshape(-1, 2, X.shape[1]).sum(axis=1)
    return Y / np.maximum(np.linalg.norm(Y, axis=1, keepdims=True), 1e-12)


def neighbourhoods(A: np.ndarray, B: np.ndarray, band: Band, k: int,
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """For each sentence of either side, from one pass over the band: the mean of its
    k best cosines with the other side (source, target), then its best cosine
    (source, target)."""
    s_lo, s_hi, t_lo, t_hi = sentence_ranges(band, len(A), len(B))
    src_mean, src_best = topk_mean(A, B, s_lo, s_hi, k)
    tgt_mean, tgt_best = topk_mean(B, A, t_lo, t_hi, k)
    return src_mean, tgt_mean, src_best, tgt_best


def skip_costs(best: np.ndarray, skip: float, power: float) -> np.ndarray:
    """Score of leaving each sentence unaligned, scaled by how alignable it looks.

    A sentence whose best candidate is far below the document's typical best
    similarity (an added remark, a caption, "....."), is cheap to leave out; one
    with a typical best match costs the full ``skip``. Relative to the document's
    median, so no per-model similarity constant is needed.
    """
    typical = float(np.median(best)) if len(best) else 1.0
    return skip * np.clip(best / max(typical, 1e-6), 0.0, 1.5) ** power


def confident_pairs(path: Sequence[tuple[int, int]], A: np.ndarray, B: np.ndarray) -> list[tuple[int, int]]:
    """The anchor path's 1-1 pairs (sentence indices) whose cosine is in its upper
    half: the pairs the document's own statistics are measured on."""
    pairs, prev = [], (0, 0)
    for i, j in path:
        if i - prev[0] == 1 and j - prev[1] == 1:
            pairs.append((i - 1, j - 1))
        prev = (i, j)
    if not pairs:
        return []
    sims = np.einsum("ij,ij->i", A[[i for i, _ in pairs]], B[[j for _, j in pairs]])
    middle = float(np.median(sims))  # once: inside the comprehension it made this quadratic
    return [p for p, s in zip(pairs, sims) if s >= middle]


#: Source sentences the first pass (for the shape prior) looks at: enough to
#: count shapes, so a long document pays for the second pass only once.
PRIOR_ROWS = 2000


def _first_pass(n, m, path, beads, scorer, skip_src, skip_tgt) -> list[tuple[int, int, int, int]]:
    """Beads of a first alignment of the document (of its first PRIOR_ROWS source
    sentences, up to where the anchor path reaches, for long documents)."""
    if n > PRIOR_ROWS:
        end = next(((i, j) for i, j in path if i >= PRIOR_ROWS), (n, m))
        n, m = end
        path = [(i, j) for i, j in path if i <= n and j <= m]
    band = Band.around([(0, 0)] + path + [(n, m)], n, m, FINAL_RADIUS)
    beads, _ = best_path(n, m, band, beads, scorer, skip_src[:n], skip_tgt[:m])
    return beads


def shape_prior(path: Sequence[tuple[int, int, int, int]], beads: Sequence[tuple[int, int]],
                weight: float) -> dict[tuple[int, int], float]:
    """Log-frequency of each bead shape in a first alignment of this document,
    relative to 1-1 (add-one smoothed), times ``weight``: a document whose
    translator splits sentences (1-2, 1-3) makes those shapes cheap there, and
    shapes it never uses (3-3) dear."""
    counts = {shape: 1.0 for shape in beads if shape[0] and shape[1]}
    for _, _, a, b in path:
        if (a, b) in counts:
            counts[(a, b)] += 1
    base = np.log(counts.get((1, 1), 1.0))
    return {shape: weight * (float(np.log(c)) - base) for shape, c in counts.items()}


def align_windows(source: Document, target: Document,
                  src_windows: Sequence[np.ndarray], tgt_windows: Sequence[np.ndarray],
                  params: ScoringParams = ScoringParams()) -> tuple[Link, ...]:
    """Links between two documents from their window embeddings (see :mod:`scorer`)."""
    n, m = len(source), len(target)
    if n == 0 or m == 0:
        return tuple([Link((i,), (), 1.0) for i in range(n)]
                     + [Link((), (j,), 1.0) for j in range(m)])
    path = anchor_path(src_windows[0], tgt_windows[0], params)
    band = Band.around([(0, 0)] + path, n, m, FINAL_RADIUS)
    # bead shapes the documents and the given windows allow
    beads = [(a, b) for a, b in BEADS if a <= min(n, len(src_windows)) and b <= min(m, len(tgt_windows))]
    src_nbr, tgt_nbr, src_best, tgt_best = neighbourhoods(src_windows[0], tgt_windows[0], band,
                                                          params.neighbours)
    scorer = WindowScorer(list(src_windows), list(tgt_windows), source.texts, target.texts,
                          source.paragraph_starts, target.paragraph_starts,
                          src_nbr, tgt_nbr, params, confident_pairs(path, src_windows[0], tgt_windows[0]))
    skip_src = skip_costs(src_best, params.skip, params.skip_power)
    skip_tgt = skip_costs(tgt_best, params.skip, params.skip_power)
    if params.shape_prior:
        scorer.shape_prior = shape_prior(_first_pass(n, m, path, beads, scorer, skip_src, skip_tgt),
                                         beads, params.shape_prior)
    path_beads, gaps = best_path(n, m, band, beads, scorer, skip_src, skip_tgt)
    path_beads, gaps = pair_skips(path_beads, gaps)
    return tuple(_link(scorer, i, j, a, b, gap) for (i, j, a, b), gap in zip(path_beads, gaps))


def pair_skips(beads: Sequence[tuple[int, int, int, int]], gaps: Sequence[float],
               ) -> tuple[list[tuple[int, int, int, int]], list[float]]:
    """An unaligned source sentence next to an unaligned target sentence, as one
    1-1 link: a poor or loose translation of each other (a short heading, a
    sentence with a translator's note), not an omission beside an addition.
    Gold alignments never have the two side by side (none in Text+Berg, MAC-dev
    or the press release); on Debian's manual pages every such pair the
    dynamic program left was a translation pair. A replaced sentence then reads
    as a meaning shift on one link instead of two unrelated findings."""
    out: list[tuple[int, int, int, int]] = []
    out_gaps: list[float] = []
    k = 0
    while k < len(beads):
        i, j, a, b = beads[k]
        if k + 1 < len(beads) and {(a, b), beads[k + 1][2:]} == {(1, 0), (0, 1)}:
            out.append((i, j, 1, 1))
            out_gaps.append(min(gaps[k], gaps[k + 1]))
            k += 2
            continue
        out.append(beads[k])
        out_gaps.append(gaps[k])
        k += 1
    return out, out_gaps


def _link(scorer: WindowScorer, i: int, j: int, a: int, b: int, gap: float) -> Link:
    """A link whose confidence is how much the best alignment would lose if it had to
    reach this link's end another way (a different bead shape or pairing), calibrated."""
    src, tgt = tuple(range(i, i + a)), tuple(range(j, j + b))
    sim = None
    if a and b:
        sim = round(float(scorer.similarity(i + a, a, b, np.array([j + b]))[0]), 4)
    return Link(src, tgt, round(scorer.confidence(gap), 4), sim)
