"""Bead scores: how likely a group of source sentences translates a group of target sentences.

Score of a bead (a source sentences, b target sentences), to maximise:

    ((a + b) / 2) ** size_power * margin  -  merge * (a + b - 2)  -  shape_weight * shape_bias(a, b)
    + shape_prior(a, b)  -  length_weight * length_misfit^2 / 2  -  paragraph terms  + number term

Three of these are measured on the document at hand rather than fitted on a
dev set, so that they hold on documents and language pairs not seen:
``shape_bias`` (how much more similar unrelated windows of that shape are than
unrelated sentences), ``shape_prior`` (how often a first alignment of this
document used the shape) and the length variance (from its confident pairs).

* ``margin`` is the cosine of the two windows' embeddings minus the average
  similarity each side has to its k nearest candidates ("margin" scoring of
  Artetxe & Schwenk). Raw cosine is not comparable across sentences: short or
  generic sentences are close to everything. The margin says how much better
  this candidate is than its neighbours. A window's neighbourhood is the mean
  of its sentences' neighbourhoods.
* A window's embedding is smoother than a sentence's, so merged windows look
  similar more easily; ``merge`` is a prior cost per extra sentence in a bead
  (Gale-Church's bead-type prior in additive form). ``size_power`` > 0 would
  reward beads by the sentences they cover; on the dev document 0 is best.
* ``length_misfit`` is Gale & Church's statistic: how far the target
  window's character length is from the source's times the document's own
  overall ratio (languages differ in length; the document tells us by how
  much), in standard deviations that grow with sqrt(length), the variance
  per character measured on the document's confident 1-1 pairs (between
  scripts it is many times Gale & Church's European 6.8). A short fragment
  glued onto a long sentence barely moves its embedding but does move this.
* Paragraph breaks are anchors: a bead that merges sentences across a
  paragraph break, or starts a paragraph on one side only, pays a penalty.
* Numbers carry over between languages; windows whose numbers agree gain,
  windows whose numbers disagree lose.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Sequence

import numpy as np

from ..text import digit_runs

#: Gale & Church's variance of target characters per source character.
GC_VARIANCE = 6.8
#: Confident 1-1 pairs needed to measure a document's own length variance.
MIN_PAIRS = 10
@dataclass(frozen=True)
class ScoringParams:
    """Weights of the bead score; per-model values live in ``models/<model>.json``."""

    skip: float = -0.25
    #: how fast the cost of leaving a sentence out falls with its alignability
    #: (0: every sentence costs ``skip``)
    skip_power: float = 1.0
    merge: float = 0.05
    size_power: float = 0.0
    neighbours: int = 2
    length_weight: float = 0.02
    paragraph_cross: float = 0.3
    paragraph_mismatch: float = 0.1
    number_weight: float = 0.2
    # confidence = sigmoid((min(gap, 1) - confidence_mid) / confidence_scale), where gap is
    # the DP score the best path loses by reaching a link's end another way
    #: weight of the per-shape excess similarity of unrelated windows (see :func:`shape_bias`)
    shape_weight: float = 0.5
    #: weight of the bead-shape log-frequencies of a first pass (see ``align.shape_prior``)
    shape_prior: float = 0.02
    confidence_mid: float = -0.035
    confidence_scale: float = 0.098

    @classmethod
    def from_card(cls, values: dict) -> "ScoringParams":
        """The defaults, overridden by a model card's ``calibration.align`` block
        (unknown keys are ignored, so a card can carry notes)."""
        known = {f.name for f in fields(cls)}
        return replace(cls(), **{k: v for k, v in values.items() if k in known})


class WindowScorer:
    """Scores beads from window embeddings, lengths, paragraph starts and numbers."""

    def __init__(self, src_windows: list[np.ndarray], tgt_windows: list[np.ndarray],
                 src_texts: list[str], tgt_texts: list[str],
                 src_para: list[bool], tgt_para: list[bool],
                 src_nbr: np.ndarray, tgt_nbr: np.ndarray, params: ScoringParams,
                 pairs: Sequence[tuple[int, int]] = ()) -> None:
        self.sw, self.tw, self.p = src_windows, tgt_windows, params
        self.src_len = _cumsum([len(t) for t in src_texts])
        self.tgt_len = _cumsum([len(t) for t in tgt_texts])
        self.len_ratio = (self.tgt_len[-1] + 1.0) / (self.src_len[-1] + 1.0)
        self.shape_bias = shape_bias(src_windows, tgt_windows, pairs)
        self.shape_prior: dict[tuple[int, int], float] = {}
        self.len_variance = length_variance([len(t) for t in src_texts], [len(t) for t in tgt_texts],
                                            pairs, self.len_ratio)
        # neighbourhoods of windows are length-weighted means: a window's embedding is
        # dominated by its longer sentences, and a short fragment (".....") must not
        # lower the window's neighbourhood and so inflate its margin
        src_chars = np.array([len(t) for t in src_texts], dtype=float)
        tgt_chars = np.array([len(t) for t in tgt_texts], dtype=float)
        self.src_nbr = _cumsum(np.asarray(src_nbr) * src_chars)
        self.tgt_nbr = _cumsum(np.asarray(tgt_nbr) * tgt_chars)
        # paragraph starts, with the first sentence not counted (it opens the document)
        sp = np.asarray(src_para, dtype=float)
        tp = np.asarray(tgt_para, dtype=float)
        self.use_paragraphs = sp[1:].any() and tp[1:].any()
        self.src_para, self.tgt_para = sp, tp
        self.src_cross, self.tgt_cross = _cumsum(sp), _cumsum(tp)
        vocab: dict[str, int] = {}
        src_nums, tgt_nums = [digit_runs(t) for t in src_texts], [digit_runs(t) for t in tgt_texts]
        self.src_numbers = [_window_numbers(src_nums, k, vocab) for k in range(1, len(src_windows) + 1)]
        self.tgt_numbers = [_window_numbers(tgt_nums, k, vocab) for k in range(1, len(tgt_windows) + 1)]

    def similarity(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        """Cosine of source window [i-a, i) with target windows [j-b, j) for j in js."""
        return self.tw[b - 1][js - b] @ self.sw[a - 1][i - a]

    def margin(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        sim = self.similarity(i, a, b, js)
        nbr_s = (self.src_nbr[i] - self.src_nbr[i - a]) / np.maximum(
            self.src_len[i] - self.src_len[i - a], 1.0)
        nbr_t = (self.tgt_nbr[js] - self.tgt_nbr[js - b]) / np.maximum(
            self.tgt_len[js] - self.tgt_len[js - b], 1.0)
        return sim - 0.5 * (nbr_s + nbr_t)

    def __call__(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        p = self.p
        score = ((a + b) / 2.0) ** p.size_power * self.margin(i, a, b, js) - p.merge * (a + b - 2)
        if p.shape_weight:
            score -= p.shape_weight * self.shape_bias.get((a, b), 0.0)
        if self.shape_prior:
            score += self.shape_prior.get((a, b), 0.0)
        ls = self.src_len[i] - self.src_len[i - a]
        lt = self.tgt_len[js] - self.tgt_len[js - b]
        # Gale-Church: target length ~ Normal(c * ls, s2 * ls), c taken from the document
        delta = (lt - self.len_ratio * ls) / np.sqrt(self.len_variance * (ls + lt / self.len_ratio) / 2 + 1.0)
        score -= p.length_weight * delta ** 2 / 2.0
        if self.use_paragraphs:
            inner = (self.src_cross[i] - self.src_cross[i - a + 1]) \
                + (self.tgt_cross[js] - self.tgt_cross[js - b + 1])
            score -= p.paragraph_cross * inner
            score -= p.paragraph_mismatch * (self.tgt_para[js - b] != self.src_para[i - a])
        if p.number_weight:
            score += p.number_weight * self._number_agreement(i, a, b, js)
        return score

    def _number_agreement(self, i: int, a: int, b: int, js: np.ndarray) -> np.ndarray:
        src = self.src_numbers[a - 1][i - a]
        src = src[src >= 0]
        if not len(src):  # most rows: nothing to compare, keep the hot path cheap
            return np.zeros(len(js))
        tgt = self.tgt_numbers[b - 1][js - b]                       # (W, L), -1 padded
        shared = (tgt[:, :, None] == src[None, None, :]).any(axis=2).sum(axis=1)
        return 2.0 * shared / (len(src) + (tgt >= 0).sum(axis=1)) - 0.5

    def confidence(self, gap: float) -> float:
        z = (min(gap, 1.0) - self.p.confidence_mid) / self.p.confidence_scale
        return float(1.0 / (1.0 + np.exp(-z)))


#: Confident pairs sampled for the shape bias.
SHAPE_SAMPLE = 1000
#: Target offsets (sentences) from a confident pair where windows are surely unrelated.
_OFFSETS = (-23, -13, -7, 7, 13, 23)


def shape_bias(src_windows, tgt_windows, pairs) -> dict[tuple[int, int], float]:
    """How much more similar unrelated windows of a shape are than unrelated sentences.

    Embeddings of longer windows are smoother, so even unrelated ones score
    higher cosines; without a correction a merged bead looks better than it is.
    Measured on this document: windows starting at a confident pair's source
    sentence against target windows several sentences away.
    """
    if len(pairs) < MIN_PAIRS:
        return {}
    # a sample spread over the document is plenty for a mean, and keeps this linear-cheap
    step = max(1, len(pairs) // SHAPE_SAMPLE)
    src_i = np.array([i for i, _ in pairs[::step]])
    tgt_j = np.array([j for _, j in pairs[::step]])
    out = {}
    for a in range(1, len(src_windows) + 1):
        for b in range(1, len(tgt_windows) + 1):
            S, T = src_windows[a - 1], tgt_windows[b - 1]
            rows, cols = [], []
            for d in _OFFSETS:
                ok = (src_i < len(S)) & (tgt_j + d >= 0) & (tgt_j + d < len(T))
                rows.append(src_i[ok])
                cols.append(tgt_j[ok] + d)
            r, c = np.concatenate(rows), np.concatenate(cols)
            if len(r):
                out[(a, b)] = float(np.einsum("ij,ij->i", S[r], T[c]).mean())
    base = out.get((1, 1), 0.0)
    return {k: v - base for k, v in out.items()}


def length_variance(src_chars: Sequence[int], tgt_chars: Sequence[int], pairs: Sequence[tuple[int, int]],
                    ratio: float) -> float:
    """Gale-Church's variance (target characters squared per source character),
    measured on this document's confident 1-1 pairs.

    Gale & Church's 6.8 was measured on English-French-German; between scripts
    (one Chinese character carries several English letters) the misfit per
    source character is several times larger, and a fixed constant makes the
    length term drown the embeddings. The median of the squared misfit over
    pairs the embeddings are sure of, divided by the median of a chi-square
    variable with one degree of freedom (0.455), is a robust estimate that
    needs no per-language table. Too few pairs: Gale & Church's value.
    """
    if len(pairs) < MIN_PAIRS:
        return GC_VARIANCE
    ls = np.array([src_chars[i] for i, _ in pairs], dtype=float)
    lt = np.array([tgt_chars[j] for _, j in pairs], dtype=float)
    misfit = (lt - ratio * ls) ** 2 / ((ls + lt / ratio) / 2 + 1.0)
    return float(max(np.median(misfit) / 0.455, 1.0))


def _window_numbers(per_sentence: list[frozenset[str]], k: int, vocab: dict[str, int]) -> np.ndarray:
    """Distinct numbers of every k-sentence window as ids in a shared vocabulary,
    one row per window, padded with -1, so a whole band row compares at once."""
    ids = [[vocab.setdefault(x, len(vocab)) for x in sorted(nums)] for nums in per_sentence]
    windows = [sorted(set().union(*ids[start:start + k])) for start in range(len(ids) - k + 1)]
    width = max((len(w) for w in windows), default=0) or 1
    out = np.full((len(windows), width), -1, dtype=np.int32)
    for row, values in enumerate(windows):
        out[row, :len(values)] = values
    return out


def _cumsum(values) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(np.asarray(values, dtype=float))])
