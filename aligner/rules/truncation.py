"""A translation that stops early, lacks a whole paragraph, or stops in the
middle of a sentence."""

from __future__ import annotations

import re
from itertools import groupby
from typing import Iterable

from ..core import Link, base_language
from .base import PairContext, Rule
from ..core import Finding
from .lexicons import lexicon
from ..text import count_cjk

#: Trailing omitted sentences that make a truncated document rather than an omission.
MIN_TRAILING = 2
#: A source sentence ended whole: by a full stop, question or exclamation mark (closing
#: quotes and brackets after it allowed, and a space before it: French writes "?" and
#: "!" after one, and a text rendered from a page keeps one where a link stood,
#: "the Linux Documentation Project ."), with words enough to be a sentence.
_WHOLE = re.compile(r"\w[^\n]*\w\S*\s?[.!?。！？]['\"”’)\]»」]*\s*$")
MIN_SOURCE_WORDS = 4


def cut_off(text: str, lang: str) -> str | None:
    """The ending ("には。") on which a sentence stops unfinished, or None."""
    table = lexicon("endings").get(base_language(lang))
    stripped = text.rstrip()
    if not table or not stripped.endswith(("。", ".")):
        return None
    body = stripped[:-1].rstrip()
    if stripped.endswith(".") and (body != stripped[:-1] or count_cjk(body[-1:])):
        # "で ." or "、.": the "." of a path a sentence was split at ("./configure"), not
        # a full stop (a Japanese sentence ends on "。")
        return None
    if any(body.endswith(w) for w in table.get("whole", ())):
        return None
    return next((p + stripped[-1] for p in table["particles"] if body.endswith(p)), None)


class TruncationRule(Rule):
    ids = ("truncation", "missing-paragraph", "cut-sentence")
    descriptions = {
        "truncation": "The translation stops before the end of the source.",
        "missing-paragraph": "A whole source paragraph has no counterpart in the translation.",
        "cut-sentence": "A sentence of the translation stops unfinished where the source's ends whole.",
    }
    families = {"truncation": "missing", "missing-paragraph": "missing", "cut-sentence": "missing"}

    def _cut(self, ctx: PairContext) -> Iterable[Finding]:
        """Sentences that end on a particle ("には。"): the rest was dropped."""
        lang = ctx.alignment.target.lang
        target = ctx.alignment.target.texts
        for link, src_text, _ in ctx.linked_texts():
            if not _WHOLE.search(src_text) or max(len(src_text.split()), count_cjk(src_text) // 2) < MIN_SOURCE_WORDS:
                continue
            ending = cut_off(target[link.tgt[-1]], lang)
            if ending:
                yield ctx.finding("cut-sentence", "warning", link, 0.9,
                                  f"the translation stops on \"{ending}\", unfinished, where the source sentence "
                                  "ends whole: the rest of it may be missing", (ending,))

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
        yield from self._cut(ctx)
        tail_set = set(tail)
        for para, members in groupby(range(len(source)), key=lambda i: source.sentences[i].paragraph):
            ids = tuple(members)
            if len(ids) < 2 or set(ids) & aligned_src or set(ids) <= tail_set:
                continue
            yield ctx.finding("missing-paragraph", "error", Link(ids, (), 1.0), 1.0,
                              f"source paragraph {para + 1} ({len(ids)} sentences) is missing "
                              "in the translation")
