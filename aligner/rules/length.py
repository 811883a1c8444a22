"""Links whose length ratio is far outside what this document's language pair shows."""

from __future__ import annotations

from typing import Iterable, Sequence

import numpy as np

from ..text import TABLE_BAR, words
from .base import PairContext, Rule
from ..core import Finding

#: Flag when a link's log length ratio is this many robust deviations from the
#: document's typical ratio *and* at least a factor of two away from it.
DEVIATIONS = 4.0
MIN_FACTOR = 2.0


def _offsets(texts: Sequence[tuple[str, str]]) -> tuple[np.ndarray, float]:
    """Each pair's log length ratio less the document's typical (median) one, and
    the robust spread of those offsets (at least 0.05)."""
    ratios = np.array([np.log((len(t) + 10) / (len(s) + 10)) for s, t in texts])
    if not len(ratios):
        return ratios, 1.0
    offsets = ratios - float(np.median(ratios))
    return offsets, max(float(np.median(np.abs(offsets))) * 1.4826, 0.05)


def deviations(texts: Sequence[tuple[str, str]]) -> np.ndarray:
    """Each pair's log length ratio, in robust deviations from the document's
    typical ratio: a translation's own habit, not a fixed ratio per language."""
    offsets, spread = _offsets(texts)
    return offsets / spread


class LengthRatioRule(Rule):
    ids = ("length-ratio",)
    descriptions = {"length-ratio": "A link's length ratio is far outside what this language pair shows."}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        linked = list(ctx.linked_texts())
        if len(linked) < 5:
            return
        offsets, spread = _offsets([(s, t) for _, s, t in linked])
        for (link, s, t), offset in zip(linked, offsets):
            off = abs(offset)
            if off > DEVIATIONS * spread and off > np.log(MIN_FACTOR) and max(words(s), words(t)) >= 4 \
                    and not TABLE_BAR.search(s + t):
                # a drawn table's row: its length is the cells' padding, and a cell spelled
                # out in one edition ("DASD", "périphérique de stockage (DASD)") is a word's choice
                factor = float(np.exp(off))
                longer = "longer" if offset > 0 else "shorter"
                yield ctx.finding("length-ratio", "warning", link, min(1.0, off / (2 * np.log(MIN_FACTOR))),
                                  f"the translation is {factor:.1f} times {longer} than usual "
                                  "for this document here")
