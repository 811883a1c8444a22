"""Semantic divergence of a sentence pair: does the translation say what the source says?

Two signals, both from the sentence encoder:

* ``similarity``: cosine of the two sentence embeddings. Catches unrelated or
  rewritten sentences, but a dropped clause moves a long sentence's
  embedding only a little.
* ``coverage``: every run of 3 tokens on each side is embedded in context and
  matched to its best counterpart on the other side; coverage is the worst
  such match. A clause with no counterpart (omitted, added, replaced) shows
  up here even when the sentences are otherwise close, and the span that
  scores worst is where a translator should look.

A logistic model turns the two into a divergence score in [0, 1]. Its weights
and threshold are per model (its model card, ``models/<model>.json``, ``calibration.divergence``),
fitted by ``bench/calibrate_divergence.py`` on pairs we generate: faithful
sentence pairs of the bundled corpus and perturbed copies (clause dropped,
added or replaced, sentence truncated or swapped).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..encoders import Encoder
from ..rules import PairSignals

#: Tokens per span for coverage: long enough to carry meaning, short enough
#: that one missing clause leaves some span unmatched.
SPAN_WIDTH = 3


@dataclass(frozen=True)
class DivergenceModel:
    """score = sigmoid(bias + w_sim * similarity + w_cov * coverage); divergent if >= threshold."""

    # defaults for a model without a card: the bundled model's calibration
    # (models/usem3.json), the best guess there is for an uncalibrated model
    w_similarity: float = -7.295
    w_coverage: float = -9.455
    bias: float = 8.642
    threshold: float = 0.28

    @classmethod
    def from_card(cls, values: dict) -> "DivergenceModel":
        known = {k: float(v) for k, v in values.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    def score(self, signals: PairSignals) -> np.ndarray:
        z = self.bias + self.w_similarity * signals.similarity + self.w_coverage * signals.coverage
        return 1.0 / (1.0 + np.exp(-z))


def pair_signals(encoder: Encoder, src: Sequence[str], tgt: Sequence[str]) -> PairSignals:
    """Similarity and span coverage of each (src[k], tgt[k]) pair."""
    a, b = encoder.encode(list(src)), encoder.encode(list(tgt))
    similarity = (a * b).sum(axis=1).astype(float)
    coverage, src_gap, tgt_gap = [], [], []
    src_spans = encoder.span_embeddings_many(list(src), SPAN_WIDTH)
    tgt_spans = encoder.span_embeddings_many(list(tgt), SPAN_WIDTH)
    done: dict[tuple[str, str], tuple] = {}  # a pair a book repeats is compared once
    for s, t, (sv, ss), (tv, ts) in zip(src, tgt, src_spans, tgt_spans):
        if (s, t) not in done:
            sims = sv @ tv.T
            src_best, tgt_best = sims.max(axis=1), sims.max(axis=0)
            i, j = int(np.argmin(src_best)), int(np.argmin(tgt_best))
            done[s, t] = ((ss[i], float(src_best[i])), (ts[j], float(tgt_best[j])),
                          min(float(src_best[i]), float(tgt_best[j])))
        src_found, tgt_found, covered = done[s, t]
        src_gap.append(src_found)
        tgt_gap.append(tgt_found)
        coverage.append(covered)
    return PairSignals(similarity, np.array(coverage), src_gap, tgt_gap)
