"""Untranslated text, text in the wrong language, empty translations."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .. import langid
from ..core import Finding, Link
from ..text import MIN_LETTERS, is_prose, is_word, mostly_words, words
from .base import PairContext, Rule

#: How sure the detector must be that a sentence is not in the target language.
SURE = 0.9


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\W+", " ", text).strip()


def _sentence(text: str) -> bool:
    """Prose that reads as a sentence (ends like one, or is long): a table
    header or a product name copied as it is ("Smart Array 6400 Expansion
    Module") is not a sentence left untranslated."""
    ends = re.search(r"(?<![.…])[.!?][\"'»”)\]]*$", text.strip())  # "name..." is a synopsis
    return bool(ends) or sum(1 for w in text.split() if is_word(w)) >= 8


class LanguageRule(Rule):
    ids = ("untranslated", "wrong-language", "empty-target")
    descriptions = {
        "untranslated": "The translation repeats the source text or is written in the source language.",
        "wrong-language": "The translation sentence is in neither the source nor the target language.",
        "empty-target": "The translation side has no words where the source has a sentence.",
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        found: list[Finding | None] = []
        pending: list[tuple[int, Link, str]] = []  # (place in found, link, its words) to detect
        for link, src_text, tgt_text in ctx.linked_texts():
            if words(src_text) >= 3 and words(tgt_text) == 0:
                found.append(ctx.finding("empty-target", "error", link, 1.0, "the translation has no words here"))
                continue
            if src_lang != tgt_lang and _normalise(src_text) == _normalise(tgt_text) and _sentence(tgt_text) \
                    and mostly_words(tgt_text):
                # a sentence of prose left as it was, even one that names a command
                # ("For example, sudo(8) consults the sudoers database.")
                found.append(ctx.finding("untranslated", "error", link, 1.0,
                                         "the translation repeats the source text untranslated"))
                continue
            # code, commands and sample output stay as they are in every edition
            if not is_prose(tgt_text):
                continue
            # the language is judged on the words only: options, paths and names
            # in capitals are the same in every language and fool detectors
            prose = " ".join(t for t in tgt_text.split() if is_word(t))
            if sum(c.isalpha() for c in prose) >= MIN_LETTERS:
                pending.append((len(found), link, prose))
                found.append(None)
        # only a clear verdict counts, among the languages a sentence of a
        # translation plausibly is in: the target's, the source's, widely used ones;
        # all sentences of the pair are detected at once
        verdicts = langid.choose_many([prose for _, _, prose in pending], (tgt_lang, src_lang, *langid.COMMON))
        for (place, link, _), verdict in zip(pending, verdicts):
            if verdict is None or verdict[0] == tgt_lang or verdict[1] < SURE:
                continue
            if verdict[0] == src_lang:
                found[place] = ctx.finding("untranslated", "error", link, 0.9,
                                           f"the translation is written in the source language ({src_lang})")
            else:
                found[place] = ctx.finding("wrong-language", "error", link, 0.9,
                                           f"the translation is written in '{verdict[0]}', expected '{tgt_lang}'")
        return [f for f in found if f is not None]
