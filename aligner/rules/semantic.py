"""Linked sentences that do not say the same thing: meaning shift, dropped or added clause.

Uses the calibrated divergence score (see :mod:`aligner.diverge.semantic`):
a link is reported when its score reaches the model's threshold. Which rule
it is comes from the least covered span on each side, compared with the
document's typical least covered span: if both sides have a span clearly
worse than typical, something was replaced (meaning shift); if only one side
has, that side has content the other lacks (clause omission or addition).

The sentence encoder's judgement is too noisy for an error on its own (on
the bundled corpus some faithful sentences score as high as planted shifts),
so these findings are warnings; other editions, when there are some, decide
whether one stands out (see :mod:`aligner.diverge.check`).
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from .base import PairContext, Rule, is_prose, whole_words
from .findings import Finding

#: How much worse than the document's typical least-covered span a side's
#: least-covered span must be to count as changed.
CLEAR_GAP = 0.05


#: A link's divergence must be this many robust deviations above the document's
#: median to be a warning on its own (below, the finding is info).
OUTLIER_Z = 2.5
#: Fewer linked pairs than this are too few to know what is usual: every finding stays a warning.
MIN_LINKS = 10


def stands_out(scores: np.ndarray) -> np.ndarray:
    """Which links diverge more than is usual in this document.

    The encoder scores a faithful translation's sentences anywhere from 0 to
    0.7 (paraphrase, terminology, word order), so one threshold for all texts
    flags a third of real sentences. Measured against the document's own
    spread (median and median absolute deviation), only what stands out from
    this translation's usual distance is a warning.
    """
    scores = np.asarray(scores, dtype=float)
    if len(scores) < MIN_LINKS:
        return np.ones(len(scores), dtype=bool)
    centre = float(np.median(scores))
    spread = max(1.4826 * float(np.median(np.abs(scores - centre))), 0.05)
    return (scores - centre) / spread >= OUTLIER_Z


class SemanticRule(Rule):
    ids = ("meaning-shift", "clause-omission", "clause-addition")
    descriptions = {
        "meaning-shift": "The linked sentences differ in meaning (low similarity for this model).",
        "clause-omission": "Part of the source sentence has no counterpart in the translation.",
        "clause-addition": "Part of the translation has no counterpart in the source.",
    }
    families = {"clause-omission": "missing", "clause-addition": "added"}
    needs_embeddings = True

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        sem = ctx.semantics
        if not ctx.linked or sem is None:
            return
        typical_src = float(np.median([cov for _, cov in sem.signals.src_gap]))
        typical_tgt = float(np.median([cov for _, cov in sem.signals.tgt_gap]))
        outlier = stands_out(sem.scores)
        for k, index in enumerate(ctx.linked):
            score = float(sem.scores[k])
            if score < sem.threshold:
                continue
            link = ctx.alignment.links[index]
            (src_span, src_cov), (tgt_span, tgt_cov) = sem.signals.src_gap[k], sem.signals.tgt_gap[k]
            src_text, tgt_text = ctx.text(link)
            # headings, code and table rows: the encoder's distance means little there
            severity = "warning" if outlier[k] and is_prose(src_text) and is_prose(tgt_text) else "info"
            src_span, tgt_span = whole_words(src_text, src_span), whole_words(tgt_text, tgt_span)
            src_worse, tgt_worse = typical_src - src_cov, typical_tgt - tgt_cov
            if src_worse > CLEAR_GAP and tgt_worse > CLEAR_GAP:
                yield ctx.finding("meaning-shift", severity, link, score,
                                  f"source words \"{src_span}\" and translation words \"{tgt_span}\" "
                                  f"do not match (divergence {score:.2f})", (src_span, tgt_span))
            elif src_worse >= tgt_worse:
                yield ctx.finding("clause-omission", severity, link, score,
                                  f"source words \"{src_span}\" have no counterpart in the translation "
                                  f"(divergence {score:.2f})", (src_span,))
            else:
                yield ctx.finding("clause-addition", severity, link, score,
                                  f"translation words \"{tgt_span}\" have no counterpart in the source "
                                  f"(divergence {score:.2f})", (tgt_span,))
