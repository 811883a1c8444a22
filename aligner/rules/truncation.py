"""A translation that stops early or lacks a whole paragraph."""

from __future__ import annotations

from itertools import groupby
from typing import Iterable

from ..core import Link
from .base import PairContext, Rule
from ..core import Finding

#: Trailing omitted sentences that make a truncated document rather than an omission.
MIN_TRAILING = 2


class TruncationRule(Rule):
    ids = ("truncation", "missing-paragraph")
    descriptions = {
        "truncation": "The translation stops before the end of the source.",
        "missing-paragraph": "A whole source paragraph has no counterpart in the translation.",
    }
    families = {"truncation": "missing", "missing-paragraph": "missing"}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        links = ctx.alignment.links
        source = ctx.alignment.source
        aligned_src = {i for link in links if link.tgt for i in link.src}
        # trailing source sentences with no counterpart
        tail = []
        for i in range(len(source) - 1, -1, -1):
            if i in aligned_src:
                break
            tail.append(i)
        tail.reverse()
        if len(tail) >= MIN_TRAILING:
            share = sum(len(source.texts[i]) for i in tail) / max(1, sum(map(len, source.texts)))
            yield ctx.finding("truncation", "error", Link(tuple(tail), (), 1.0), min(1.0, 0.5 + share),
                              f"the translation stops early: the last {len(tail)} source sentences "
                              f"({share:.0%} of the text) have no counterpart")
        tail_set = set(tail)
        for para, members in groupby(range(len(source)), key=lambda i: source.sentences[i].paragraph):
            ids = tuple(members)
            if len(ids) < 2 or set(ids) & aligned_src or set(ids) <= tail_set:
                continue
            yield ctx.finding("missing-paragraph", "error", Link(ids, (), 1.0), 1.0,
                              f"source paragraph {para + 1} ({len(ids)} sentences) is missing "
                              "in the translation")
