"""Run the rules on aligned editions: compute what the rules need, run them,
weigh the findings with the other editions (:mod:`.witnesses`).

The encoder is only used here, and only when a selected rule needs
embeddings: the rules themselves read values.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Sequence

import numpy as np

from ..core import Alignment
from ..encoders import Encoder
from ..core import Finding, sort_key
from ..core.settings import Settings
from ..rules import RULES, PairContext, Rule, Semantics
from ..rules.document import UNRELATED
from .semantic import DivergenceModel, pair_signals
from .witnesses import add_witnesses


def semantics(alignment: Alignment, encoder: Encoder, model: DivergenceModel) -> Semantics:
    """Semantic signals and divergence scores of every link with text on both sides."""
    ctx = PairContext.of(alignment)
    src, tgt = alignment.source.texts, alignment.target.texts
    src_texts = [" ".join(src[i] for i in alignment.links[k].src) for k in ctx.linked]
    tgt_texts = [" ".join(tgt[j] for j in alignment.links[k].tgt) for k in ctx.linked]
    signals = pair_signals(encoder, src_texts, tgt_texts)
    return Semantics(signals, model.score(signals), model.threshold)


def probed(ctx: PairContext, encoder: Encoder, rules: Sequence[Rule]) -> dict[tuple[str, str], float]:
    """The similarity of every text pair the rules probe, encoded in one batch."""
    pairs = list(dict.fromkeys(p for rule in rules for p in rule.probes(ctx)))
    if not pairs:
        return {}
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    vectors = dict(zip(texts, encoder.encode(texts)))
    return {(a, b): float(vectors[a] @ vectors[b]) for a, b in pairs}


def pair_context(alignment: Alignment, encoder: Encoder | None, model: DivergenceModel,
                 rules: Sequence[Rule] = RULES, settings: Settings | None = None) -> PairContext:
    """What the rules look at; the encoder runs only if one of ``rules`` needs it."""
    terms = settings.terms_for(alignment.source.lang, alignment.target.lang) if settings else ()
    needed = encoder is not None and any(rule.needs_embeddings for rule in rules)
    if not needed:
        return PairContext.of(alignment, terms=terms)
    languages = encoder.card.get("languages")
    covered = frozenset(languages) if languages else None
    ctx = PairContext.of(alignment, semantics(alignment, encoder, model), model=encoder.model_name,
                         covered=covered, terms=terms)
    return replace(ctx, probed=probed(ctx, encoder, rules))  # what the rules asked, given back to them


def check_pair(ctx: PairContext, rules: Sequence[Rule] = RULES) -> list[Finding]:
    """The rules on one source-translation pair, in document order. Two
    documents that are not translations of each other get that one verdict,
    not a finding on every forced link."""
    found = sorted((f for rule in rules for f in rule.check(ctx)), key=sort_key)
    if any(f.rule in UNRELATED for f in found):
        return [f for f in found if not (f.src_ids or f.tgt_ids)]
    return found


def check_alignments(alignments: Iterable[Alignment], encoder: Encoder | None,
                     model: DivergenceModel, rules: Sequence[Rule] = RULES,
                     settings: Settings | None = None) -> list[Finding]:
    """Findings for several translations of one source, with witnesses, as the
    project's settings want them (rules set off do not run)."""
    checked = []
    for alignment in alignments:
        ctx, found = check_settled(alignment, encoder, model, rules, settings)
        checked.append((ctx, found))
    return add_witnesses(checked)


def check_settled(alignment: Alignment, encoder: Encoder | None, model: DivergenceModel,
                  rules: Sequence[Rule] = RULES, settings: Settings | None = None) -> tuple[PairContext, list[Finding]]:
    """One pair's context and findings under the project's settings."""
    lang = alignment.target.lang
    if settings is not None:
        rules = [rule for rule in rules if settings.enabled(rule.ids, lang)]
    ctx = pair_context(alignment, encoder, model, rules, settings)
    found = check_pair(ctx, rules)
    return ctx, (settings.apply(found, lang) if settings is not None else found)


def link_scores(ctx: PairContext) -> np.ndarray:
    """Divergence score per link (NaN where one side is empty or no encoder ran)."""
    out = np.full(len(ctx.alignment.links), np.nan)
    if ctx.semantics is not None:
        out[list(ctx.linked)] = ctx.semantics.scores
    return out
