"""Run the rules on aligned editions, and weigh each finding with the other editions.

With several translations of one source, the other editions are witnesses: a
difference that one translation has and the others do not is evidence
against that translation; one that every translation shares points at the
source (or at a house style), and is demoted one severity level.
"""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from ..document import Alignment
from ..encoders import Encoder
from ..rules import RULES, PairContext
from ..rules.semantic import SemanticRule
from .findings import SEVERITIES, Finding, sort_key
from .semantic import DivergenceModel, pair_signals

SEMANTIC_RULES = set(SemanticRule.ids)
#: Rules that describe the same kind of difference, for witness counting.
_FAMILY = {
    "omission": "missing", "clause-omission": "missing", "missing-paragraph": "missing",
    "truncation": "missing", "addition": "added", "clause-addition": "added",
}


def pair_context(alignment: Alignment, encoder: Encoder, model: DivergenceModel) -> PairContext:
    """Semantic signals and divergence scores of every link with text on both sides."""
    linked = tuple(k for k, link in enumerate(alignment.links) if link.src and link.tgt)
    src, tgt = alignment.source.texts, alignment.target.texts
    src_texts = [" ".join(src[i] for i in alignment.links[k].src) for k in linked]
    tgt_texts = [" ".join(tgt[j] for j in alignment.links[k].tgt) for k in linked]
    signals = pair_signals(encoder, src_texts, tgt_texts)
    return PairContext(alignment, linked, signals, model.score(signals), model)


def check_pair(ctx: PairContext) -> list[Finding]:
    """All rules on one source-translation pair, in document order."""
    return sorted((f for rule in RULES for f in rule.check(ctx)), key=sort_key)


def _anchors(alignment: Alignment) -> dict[tuple, float]:
    """Source position of every link: its first source sentence, or just after the
    previous one for an addition, so editions can be compared place by place."""
    out, last = {}, -1.0
    for link in alignment.links:
        if link.src:
            last = float(link.src[0])
            out[(link.src, link.tgt)] = last
        else:
            out[(link.src, link.tgt)] = last + 0.5
    return out


def _place(f: Finding, anchors: dict[tuple, float]) -> set[float]:
    if f.src_ids:
        return {float(i) for i in f.src_ids}
    return {anchors.get((f.src_ids, f.tgt_ids), -1.0)}


def source_scores(ctx: PairContext) -> dict[int, float]:
    """Divergence score at each source sentence (of the link that holds it)."""
    out: dict[int, float] = {}
    for k, index in enumerate(ctx.linked):
        for i in ctx.alignment.links[index].src:
            out[i] = float(ctx.scores[k])
    return out


def _semantic_witness(f: Finding, mine: float, others: list[float]) -> Finding:
    """Compare a semantic finding's score with the other editions' at the same place."""
    span = f"other editions {min(others):.2f}-{max(others):.2f}"
    if mine > max(others):
        return f.with_(witnesses=f"stands out: divergence {mine:.2f} here, {span}")
    demoted = SEVERITIES[max(0, SEVERITIES.index(f.severity) - 1)]
    return f.with_(severity=demoted,
                   witnesses=f"not unusual: divergence {mine:.2f} here, {span}")


def add_witnesses(per_edition: Sequence[tuple[PairContext, list[Finding]]]) -> list[Finding]:
    """Findings of all editions, each told what the other editions say at the same place."""
    n = len(per_edition)
    if n < 2:
        return [f for _, found in per_edition for f in found]
    places, scores = [], []
    for ctx, found in per_edition:
        anchors = _anchors(ctx.alignment)
        places.append([(_FAMILY.get(f.rule, f.rule), _place(f, anchors)) for f in found])
        scores.append(source_scores(ctx))
    out = []
    for e, (_, found) in enumerate(per_edition):
        for f, (family, where) in zip(found, places[e]):
            if f.rule in SEMANTIC_RULES and f.src_ids:
                others = [scores[o][i] for o in range(n) if o != e for i in f.src_ids if i in scores[o]]
                if others:
                    out.append(_semantic_witness(f, max(scores[e].get(i, 0.0) for i in f.src_ids), others))
                    continue
            others = sum(1 for o in range(n) if o != e
                         and any(fam == family and where & w for fam, w in places[o]))
            if others == 0:
                note = f"only this edition of {n} differs here"
                f = f.with_(score=round(min(1.0, f.score + 0.1), 4))
            elif others == n - 1:
                note = f"all {n} editions differ here: likely the source or a house style"
                demoted = SEVERITIES[max(0, SEVERITIES.index(f.severity) - 1)]
                f = f.with_(severity=demoted)
            else:
                note = f"{others + 1} of {n} editions differ here"
            out.append(f.with_(witnesses=note))
    return out


def check_alignments(alignments: Iterable[Alignment], encoder: Encoder,
                     model: DivergenceModel) -> list[Finding]:
    """Findings for several translations of one source, with witnesses."""
    contexts = [pair_context(a, encoder, model) for a in alignments]
    return add_witnesses([(ctx, check_pair(ctx)) for ctx in contexts])


def link_scores(ctx: PairContext) -> np.ndarray:
    """Divergence score per link (NaN where one side is empty)."""
    out = np.full(len(ctx.alignment.links), np.nan)
    out[list(ctx.linked)] = ctx.scores
    return out
