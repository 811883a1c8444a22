"""Meaning reversed without a negating word: the translation says one pole of an
opposite where its source says the other ("nach dem Systemstart" as "vor dem
Systemstart", "difficile" as "facile", "больше шансов" as "меньше шансов").

The opposites are data (``lexicons/antonyms.toml``: before/after, more/less,
easy/difficult, enable/disable, allow/forbid, client/server and more, in nine
languages), and so are the parts people play, each against the user (a
maintainer, developer, manufacturer or administrator said to be the user, or
the other way round: who does what). The sentence encoder hardly moves for them (one word of twenty, and
opposites share their contexts), so the evidence is the words: the source says
one pole and not the other, the translation the other and not the first.
Translators turn opposites around on purpose now and then ("before X, do Y" as
"do Y, then X"); where a document does that for a concept in more than a
fifth of the sentences that have it, the concept is the translator's way of
writing, and its findings are notes. Written by hand: no installable library
lists opposites across these languages.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from ..core import Finding, base_language
from ..text import has_cjk
from .base import PairContext, Rule
from .lexicons import lexicon

#: Share of a concept's sentences in which a translation says the opposite pole,
#: from which that is its way of writing the concept (a note, not a warning).
HABIT = 0.2
#: Fewest reversals of a concept before the share above is trusted.
HABIT_MIN = 3
#: A reversal is a warning where the translation says the concept's pole as the
#: source does in this many other sentences, and reverses it nowhere else; a note
#: otherwise (opposites are also turned around on purpose: "less safe" as "nicht
#: ganz so sicher").
KEPT_MIN = 5

_WORD = re.compile(r"\w+(?:-\w+)*")


@lru_cache(maxsize=32)
def _poles(lang: str) -> tuple[tuple[str, tuple[tuple[str, ...], ...]], ...]:
    """(concept, each pole's entries) for a language: two poles for an opposite,
    more for the parts people play ("user / developer / maintainer / ...")."""
    lang = base_language(lang)
    return tuple((c["name"], tuple(tuple(pole) for pole in c[lang]))
                 for c in lexicon("antonyms")["concept"] if lang in c)


@lru_cache(maxsize=1)
def _asks() -> dict[str, str]:
    """What a reviewer should check for each concept: the meaning reversed, or for
    the parts people play, who does what."""
    return {c["name"]: c.get("check", "that the meaning is not reversed") for c in lexicon("antonyms")["concept"]}


def _says(entries: tuple[str, ...], folded: str, tokens: tuple[str, ...]) -> str | None:
    """The words by which the text says an entry: the word, the word that starts
    with it (entries ending in "-"), or for CJK entries and phrases the piece
    anywhere; None if it says none."""
    for entry in entries:
        if entry.endswith("-"):
            stem = entry[:-1]
            word = next((t for t in tokens if t.startswith(stem)), None)
            if word is not None:
                return word
        elif " " in entry or has_cjk(entry):
            if entry in folded:
                return entry
        elif entry in tokens:
            return entry
    return None


def poles(text: str, lang: str) -> dict[str, tuple[str | None, ...]]:
    """For each concept the text touches: the entry of each pole it says."""
    folded = text.casefold()
    tokens = tuple(sorted(set(_WORD.findall(folded))))  # sorted: the same word quoted every time
    out = {}
    for name, entries in _poles(lang):
        said = tuple(_says(pole, folded, tokens) for pole in entries)
        if any(w is not None for w in said):
            out[name] = said
    return out


def _single(said: tuple[str | None, ...]) -> int | None:
    """The one pole a side says, or None if it says several."""
    named = [k for k, word in enumerate(said) if word is not None]
    return named[0] if len(named) == 1 else None


def _reversal(src: dict, tgt: dict) -> list[tuple[str, str, str]]:
    """(concept, source word, translation word) where each side says one pole only,
    and another one (a side saying two poles, or a pole on both sides, is no evidence)."""
    found = []
    for name, said in src.items():
        if name not in tgt:
            continue
        a, b = _single(said), _single(tgt[name])
        if a is not None and b is not None and a != b:
            found.append((name, said[a], tgt[name][b]))
    return found


class AntonymRule(Rule):
    ids = ("opposite-meaning",)
    descriptions = {"opposite-meaning": "The translation says the opposite of the source in one word "
                                        "(before/after, more/less, easy/difficult, allow/forbid...)."}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        if not _poles(src_lang) or not _poles(tgt_lang):
            return
        touched: Counter = Counter()
        kept: Counter = Counter()
        found = []
        for link, src_text, tgt_text in ctx.linked_texts():
            if src_text == tgt_text:
                continue
            src = poles(src_text, src_lang)
            if not src:
                continue
            touched.update(src.keys())
            tgt = poles(tgt_text, tgt_lang)
            kept.update(name for name, said in src.items() if name in tgt
                        and _single(said) is not None and _single(said) == _single(tgt[name]))
            for reversal in _reversal(src, tgt):
                found.append((link, reversal))
        reversed_ = Counter(name for _, (name, _, _) in found)
        for link, (name, said, instead) in found:
            habit = reversed_[name] >= HABIT_MIN and reversed_[name] > HABIT * touched[name]
            # a warning where the translator otherwise says this concept's poles as the
            # source does, and reverses it nowhere else
            usual = kept[name] >= KEPT_MIN and reversed_[name] == 1
            how = (f"; the translation does so in {reversed_[name]} of the {touched[name]} sentences with "
                   "this pair of words: perhaps its way of saying it") if habit else \
                f" (it keeps the pole in {kept[name]} other sentences)" if usual else ""
            yield ctx.finding("opposite-meaning", "warning" if usual and not habit else "info", link, 0.6,
                              f"the source says \"{said}\" and the translation \"{instead}\" ({name}): "
                              f"check {_asks()[name]}{how}", (said, instead))
