"""Text the translation says twice where the source says it once: a sentence
pasted twice, a clause repeated after an edit.

A sentence written twice in a row becomes an extra target sentence that the
aligner leaves unlinked, or two copies inside one link; either way the
meaning reads as added. Reported against the source sentence that was
translated twice, so a reviewer sees which one.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..core import Finding, Link
from ..text import has_cjk
from .base import PairContext, Rule

#: A repeated run counts from this many words (CJK: characters) and this share of the sentence.
MIN_WORDS = 5
MIN_CJK_CHARS = 10
MIN_SHARE = 0.3


def _spans(text: str) -> list[tuple[str, int, int]]:
    """(token, start, end): words case-folded without their punctuation, CJK
    characters one by one (their scripts write no spaces, a repeated clause is
    a repeated run of characters)."""
    out: list[tuple[str, int, int]] = []
    for m in re.finditer(r"\w+", text):
        if has_cjk(m.group()):
            out.extend((c.casefold(), m.start() + i, m.start() + i + 1) for i, c in enumerate(m.group()))
        else:
            out.append((m.group().casefold(), m.start(), m.end()))
    return out


def _tokens(text: str) -> list[str]:
    return [t for t, _, _ in _spans(text)]


def longest_repeat(tokens: list[str]) -> tuple[int, int]:
    """(start, length) of the longest run of tokens that occurs twice without overlapping.

    Hand-written (quadratic in the sentence, linear in the document): sentences
    are short, and only those holding a repeated 3-gram get here."""
    best = (0, 0)
    n = len(tokens)
    for i in range(n):
        for j in range(i + 1, n):
            k = 0
            while j + k < n and i + k < j and tokens[i + k] == tokens[j + k]:
                k += 1
            if k > best[1]:
                best = (i, k)
    return best


def _has_repeated_trigram(tokens: list[str]) -> bool:
    grams = list(zip(tokens, tokens[1:], tokens[2:]))
    return len(set(grams)) < len(grams)


def _normalised(text: str) -> str:
    return " ".join(_tokens(text))


class RepetitionRule(Rule):
    ids = ("repeated-text",)
    descriptions = {"repeated-text": "The translation says a sentence or clause twice where the source says it once."}
    families = {"repeated-text": "added"}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        links = ctx.alignment.links
        for k, link in enumerate(links):
            if link.tgt and not link.src:
                yield from self._copy_of_neighbour(ctx, k)
            elif link.src and link.tgt:
                yield from self._repeat_inside(ctx, link)

    def _copy_of_neighbour(self, ctx: PairContext, k: int) -> Iterable[Finding]:
        """An unlinked translation sentence that repeats the one linked before or after it."""
        links, target = ctx.alignment.links, ctx.alignment.target.texts
        text = _normalised(" ".join(target[j] for j in links[k].tgt))
        if len(text.split()) < 3:
            return
        for n in (k - 1, k + 1):
            if 0 <= n < len(links) and links[n].src and links[n].tgt:
                neighbour = links[n]
                copies = [j for j in neighbour.tgt if _normalised(target[j]) == text] or \
                    ([neighbour.tgt[-1]] if _normalised(" ".join(target[j] for j in neighbour.tgt)) == text else [])
                if copies:
                    both = Link(neighbour.src, tuple(sorted({*neighbour.tgt, *links[k].tgt})), neighbour.confidence)
                    yield ctx.finding("repeated-text", "error", both, 1.0,
                                      f"translation sentence {ctx.alignment.target.where(links[k].tgt[0])} "
                                      f"repeats sentence {ctx.alignment.target.where(copies[0])}; the source says it once",
                                      (target[links[k].tgt[0]],))
                    return

    def _repeat_inside(self, ctx: PairContext, link: Link) -> Iterable[Finding]:
        src_text, tgt_text = ctx.text(link)
        spans = _spans(tgt_text)
        tokens = [t for t, _, _ in spans]
        if len(tokens) < 2 * MIN_WORDS or not _has_repeated_trigram(tokens):
            return
        start, size = longest_repeat(tokens)
        cjk = has_cjk(tokens[start])
        if size < (MIN_CJK_CHARS if cjk else MIN_WORDS) or size < MIN_SHARE * len(tokens):
            return
        src_tokens = _tokens(src_text)
        if longest_repeat(src_tokens)[1] * 2 >= size if _has_repeated_trigram(src_tokens) else False:
            return  # the source repeats itself as much: a parallel structure, not a slip
        run = tgt_text[spans[start][1]:spans[start + size - 1][2]]  # as written
        yield ctx.finding("repeated-text", "error", link, 1.0,
                          f"the translation says \"{run}\" twice; the source says it once", (run,))
