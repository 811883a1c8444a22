"""Weigh each edition's findings with what the other editions say at the same place.

With several translations of one source, the other editions are witnesses: a
difference that one translation has and the others do not is evidence
against that translation; one that every translation shares points at the
source (or at a house style), and is demoted one severity level.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..core import Alignment
from ..core import SEVERITIES, Finding
from ..rules import PairContext, embedding_rule_ids, family


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
    if ctx.semantics is None:
        return out
    for k, index in enumerate(ctx.linked):
        for i in ctx.alignment.links[index].src:
            out[i] = float(ctx.semantics.scores[k])
    return out


def _demote(f: Finding) -> str:
    return SEVERITIES[max(0, SEVERITIES.index(f.severity) - 1)]


#: How many robust deviations of this edition's usual lead over the other
#: editions a semantic hint must lead by to be said to stand out.
STAND_OUT_Z = 2.5


def lead_needed(mine: dict[int, float], others: Sequence[dict[int, float]]) -> float:
    """How far above the other editions' highest score this edition's score must
    be at a sentence to stand out, from this edition's own leads over them at
    every sentence (median + STAND_OUT_Z robust deviations). On the bundled
    press release faithful sentences lead the other editions by up to 0.3: the
    encoder's noise, which a fixed margin would either drown or ignore."""
    leads = [mine[i] - max(o[i] for o in others if i in o) for i in mine if any(i in o for o in others)]
    if len(leads) < 5:
        return float("inf")
    centre = float(np.median(leads))
    spread = max(1.4826 * float(np.median(np.abs(np.asarray(leads) - centre))), 0.05)
    return centre + STAND_OUT_Z * spread


def _semantic_witness(f: Finding, mine: float, others: list[float], needed: float) -> Finding:
    """What the other editions' scores at the same place say of a semantic hint
    (it stays info: see :mod:`aligner.rules.semantic`), so a reviewer reads the
    hints that stand out first."""
    span = f"other editions {min(others):.2f}-{max(others):.2f}"
    if mine - max(others) >= needed:
        return f.with_(witnesses=f"stands out: divergence {mine:.2f} here, {span}")
    if mine > max(others):
        return f.with_(witnesses=f"highest of the editions, within the encoder's noise: "
                                 f"divergence {mine:.2f} here, {span}")
    return f.with_(witnesses=f"not unusual: divergence {mine:.2f} here, {span}")


def add_witnesses(per_edition: Sequence[tuple[PairContext, list[Finding]]]) -> list[Finding]:
    """Findings of all editions, each told what the other editions say at the same place."""
    n = len(per_edition)
    if n < 2:
        return [f for _, found in per_edition for f in found]
    semantic = embedding_rule_ids()
    places, scores = [], []
    for ctx, found in per_edition:
        anchors = _anchors(ctx.alignment)
        places.append([(family(f.rule), _place(f, anchors)) for f in found])
        scores.append(source_scores(ctx))
    out = []
    for e, (_, found) in enumerate(per_edition):
        needed = lead_needed(scores[e], [scores[o] for o in range(n) if o != e])
        for f, (kind, where) in zip(found, places[e]):
            if f.rule in semantic and f.src_ids:
                others = [scores[o][i] for o in range(n) if o != e for i in f.src_ids if i in scores[o]]
                if others:
                    out.append(_semantic_witness(f, max(scores[e].get(i, 0.0) for i in f.src_ids), others,
                                                 needed))
                    continue
            others_count = sum(1 for o in range(n) if o != e
                               and any(fam == kind and where & w for fam, w in places[o]))
            if others_count == 0:
                note = f"only this edition of {n} differs here"
                f = f.with_(score=round(min(1.0, f.score + 0.1), 4))
            elif others_count == n - 1:
                note = f"all {n} editions differ here: likely the source or a house style"
                f = f.with_(severity=_demote(f))
            else:
                note = f"{others_count + 1} of {n} editions differ here"
            out.append(f.with_(witnesses=note))
    return out
