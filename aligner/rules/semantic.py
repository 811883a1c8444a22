"""Linked sentences that do not say the same thing: meaning shift, dropped or added clause.

Uses the calibrated divergence score (see :mod:`aligner.diverge.semantic`):
a link is reported when its score reaches the model's threshold. Which rule
it is comes from the least covered span on each side, compared with the
document's typical least covered span: if both sides have a span clearly
worse than typical, something was replaced (meaning shift); if only one side
has, that side has content the other lacks (clause omission or addition).

These findings are always info: hints ranked by their score, for a reviewer
to read. The sentence encoder cannot tell a paraphrase from a change on real
text. On faithful Debian manual translations (de, es, fr, ru) one linked
sentence in ten scores above the threshold, even counted against the
document's own spread (robust z >= 2.5, and with a sentence-length check).
On the bundled press release, faithful German sentences lead the other three
editions by more than the planted meaning shift does. So a warning needs
evidence the encoder does not give: numbers, names, untranslated text,
missing or added sentences (the other rules). The other editions still say
whether a hint stands out (:mod:`aligner.diverge.witnesses`).
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from ..text import whole_words
from .base import PairContext, Rule
from ..core import Finding

#: How much worse than the document's typical least-covered span a side's
#: least-covered span must be to count as changed.
CLEAR_GAP = 0.05


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
        for k, index in enumerate(ctx.linked):
            score = float(sem.scores[k])
            if score < sem.threshold:
                continue
            link = ctx.alignment.links[index]
            (src_span, src_cov), (tgt_span, tgt_cov) = sem.signals.src_gap[k], sem.signals.tgt_gap[k]
            src_text, tgt_text = ctx.text(link)
            severity = "info"
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
