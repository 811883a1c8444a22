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
from typing import Callable, Hashable, Iterable, Iterator, TypeVar

from ..core import Alignment, Finding
from ..text import is_prose, words
from .base import PairContext, Rule

#: Words a sentence needs to be compared.
MIN_WORDS = 4

T = TypeVar("T")


@lru_cache(maxsize=1 << 14)
def normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\s+", " ", text).strip(" .!?:;…。？！：；")


def _comparable(text: str) -> bool:
    return words(text) >= MIN_WORDS and is_prose(text)


def departures(members: Iterable[T], key: Callable[[T], Hashable], variant: Callable[[T], str],
               enough: Callable[[list[T]], bool] = lambda group: True) -> Iterator[tuple[T, T, int, int]]:
    """Members whose ``variant`` is not the usual one among those sharing their
    ``key`` (groups that are ``enough`` and hold two variants or more), each as
    (member, the first member with the usual variant, how many have it, how many
    variants there are): the one comparison of both checks, within a document
    and across documents."""
    groups: dict = {}
    for member in members:
        groups.setdefault(key(member), []).append(member)
    for _, group in sorted(groups.items(), key=lambda item: item[0]):
        variants = Counter(variant(m) for m in group)
        if len(variants) < 2 or not enough(group):
            continue
        usual, count = variants.most_common(1)[0]
        home = next(m for m in group if variant(m) == usual)
        for member in group:
            if variant(member) != usual:
                yield member, home, count, len(variants)


class ConsistencyRule(Rule):
    ids = ("inconsistent-translation", "inconsistent-source")
    descriptions = {
        "inconsistent-translation": "The same source sentence is translated in different ways in the document.",
        "inconsistent-source": "Different source sentences are given the same translation.",
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        one_to_one = [(link, s, t) for link, s, t in ctx.linked_texts()
                      if len(link.src) == 1 and len(link.tgt) == 1 and _comparable(s)]
        for (link, _, _), (home, _, _), count, ways in departures(
                one_to_one, key=lambda m: normal(m[1]), variant=lambda m: normal(m[2])):
            yield ctx.finding("inconsistent-translation", "info", link, 0.5,
                              f"this source sentence is translated {ways} ways in the document; "
                              f"{count} time(s) as translation sentence {home.tgt[0] + 1}")
        for (link, _, _), (home, _, _), _, ways in departures(
                [m for m in one_to_one if _comparable(m[2])], key=lambda m: normal(m[2]),
                variant=lambda m: normal(m[1])):
            yield ctx.finding("inconsistent-source", "info", link, 0.4,
                              f"this translation is also given to {ways - 1} other source "
                              f"sentence(s), such as source sentence {home.src[0] + 1}")


def across_documents(alignments: Iterable[tuple[str, Alignment]]) -> list[dict]:
    """The same checks across the documents of a project (``batch``), per target
    language: a source sentence one document translates otherwise than the others
    usually do (``translation``), and a translation one document gives to another
    source sentence than the others do (``source``). One row per departure, with
    the usual text, where it is and how often; the documents' own findings are
    unchanged (each document's check stands alone)."""
    pairs = []  # (lang, document, source id, translation id, source, translation)
    for document, alignment in alignments:
        src, tgt = alignment.source.texts, alignment.target.texts
        for link in alignment.links:
            if len(link.src) == 1 and len(link.tgt) == 1 and _comparable(src[link.src[0]]):
                pairs.append((alignment.target.lang, document, link.src[0], link.tgt[0],
                              src[link.src[0]], tgt[link.tgt[0]]))
    rows = []
    several = lambda group: len({m[1] for m in group}) >= 2  # within one document: its own finding
    # (check, the side grouped by, the side that should agree, the id of the usual one's place)
    for kind, side, other, place in (("translation", 4, 5, 3), ("source", 5, 4, 2)):
        members = pairs if kind == "translation" else [m for m in pairs if _comparable(m[5])]
        for (lang, document, i, j, source, translation), home, count, ways in departures(
                members, key=lambda m: (m[0], normal(m[side])), variant=lambda m: normal(m[other]),
                enough=several):
            rows.append({"check": kind, "lang": lang, "document": document, "source_sentence": i + 1,
                         "sentence": j + 1, "source": source, "translation": translation,
                         "usual": home[other], "usual_in": f"{home[1]}:{home[place] + 1}",
                         "usual_count": count, "ways": ways})
    return rows
