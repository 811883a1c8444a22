"""Consistency within a translation: one source sentence translated several ways,
and several source sentences given one translation (Xbench's "inconsistency in
target" and "in source").

Only whole sentences of prose linked one to one are compared, as written apart
from case, spacing and final punctuation: a heading or a one-word label is
often rendered by context, a sentence of prose a translation memory would have
given the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Iterable

from ..core import Alignment, Finding, Link
from ..text import is_prose, words
from .base import PairContext, Rule

#: Words a sentence needs to be compared.
MIN_WORDS = 4


@lru_cache(maxsize=1 << 14)
def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip(" .!?:;…。？！：；")


def _comparable(text: str) -> bool:
    return words(text) >= MIN_WORDS and is_prose(text)


class ConsistencyRule(Rule):
    ids = ("inconsistent-translation", "inconsistent-source")
    descriptions = {
        "inconsistent-translation": "The same source sentence is translated in different ways in the document.",
        "inconsistent-source": "Different source sentences are given the same translation.",
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        one_to_one = [(link, s, t) for link, s, t in ctx.linked_texts()
                      if len(link.src) == 1 and len(link.tgt) == 1 and _comparable(s)]
        yield from self._split(ctx, one_to_one, by_source=True)
        yield from self._split(ctx, one_to_one, by_source=False)

    def _split(self, ctx: PairContext, links: list[tuple[Link, str, str]], by_source: bool) -> Iterable[Finding]:
        groups: dict[str, list[tuple[Link, str, str]]] = {}
        for link, src_text, tgt_text in links:
            if by_source or _comparable(tgt_text):
                groups.setdefault(normal(src_text if by_source else tgt_text), []).append((link, src_text, tgt_text))
        for members in groups.values():
            variants = Counter(normal(t if by_source else s) for _, s, t in members)
            if len(variants) < 2:
                continue
            usual, usual_count = variants.most_common(1)[0]
            first = next(link for link, s, t in members if normal(t if by_source else s) == usual)
            where = (first.tgt if by_source else first.src)[0] + 1
            for link, src_text, tgt_text in members:
                mine = normal(tgt_text if by_source else src_text)
                if mine == usual:
                    continue
                if by_source:
                    yield ctx.finding("inconsistent-translation", "info", link, 0.5,
                                      f"this source sentence is translated {len(variants)} ways in the document; "
                                      f"{usual_count} time(s) as translation sentence {where}")
                else:
                    yield ctx.finding("inconsistent-source", "info", link, 0.4,
                                      f"this translation is also given to {len(variants) - 1} other source "
                                      f"sentence(s), such as source sentence {where}")


def across_documents(alignments: Iterable[tuple[str, Alignment]]) -> list[dict]:
    """The same checks across the documents of a project (``batch``), per target
    language: a source sentence one document translates otherwise than the others
    usually do (``translation``), and a translation one document gives to another
    source sentence than the others do (``source``). One row per departure, with
    the usual text, where it is and how often; the documents' own findings are
    unchanged (each document's check stands alone)."""
    pairs = []
    for document, alignment in alignments:
        src, tgt = alignment.source.texts, alignment.target.texts
        for link in alignment.links:
            if len(link.src) == 1 and len(link.tgt) == 1 and _comparable(src[link.src[0]]):
                pairs.append((alignment.target.lang, document, link.src[0], link.tgt[0],
                              src[link.src[0]], tgt[link.tgt[0]]))
    rows = []
    for kind in ("translation", "source"):
        by_source = kind == "translation"
        groups: dict[tuple[str, str], list[tuple]] = {}
        for lang, document, i, j, source, translation in pairs:
            if by_source or _comparable(translation):
                groups.setdefault((lang, normal(source if by_source else translation)), []).append(
                    (document, i, j, source, translation))
        for (lang, _), members in sorted(groups.items()):
            if len({m[0] for m in members}) < 2:
                continue  # within one document: the document's own finding
            other = 4 if by_source else 3  # the side that should agree
            variants = Counter(normal(m[other]) for m in members)
            if len(variants) < 2:
                continue
            usual, count = variants.most_common(1)[0]
            home = next(m for m in members if normal(m[other]) == usual)
            for document, i, j, source, translation in members:
                mine = translation if by_source else source
                if normal(mine) != usual:
                    rows.append({"check": kind, "lang": lang, "document": document, "source_sentence": i + 1,
                                 "sentence": j + 1, "source": source, "translation": translation,
                                 "usual": home[other], "usual_in": f"{home[0]}:{(home[2] if by_source else home[1]) + 1}",
                                 "usual_count": count, "ways": len(variants)})
    return rows
