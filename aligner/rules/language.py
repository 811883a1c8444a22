"""Untranslated text, text in the wrong language, empty translations."""

from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from .. import langid
from .base import PairContext, Rule, prose_words, words
from .findings import Finding

#: Letters a sentence needs before its language is judged on its own.
MIN_LETTERS = 40
#: Below this confidence in the declared target language, the sentence is checked.
DOUBT = 0.05


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\W+", " ", text).strip()


class LanguageRule(Rule):
    ids = ("untranslated", "wrong-language", "empty-target")
    descriptions = {
        "untranslated": "The translation repeats the source text or is written in the source language.",
        "wrong-language": "The translation sentence is in neither the source nor the target language.",
        "empty-target": "The translation side has no words where the source has a sentence.",
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        for link, src_text, tgt_text in ctx.linked_texts():
            if words(src_text) >= 3 and words(tgt_text) == 0:
                yield ctx.finding("empty-target", "error", link, 1.0,
                                  "the translation has no words here")
                continue
            if src_lang != tgt_lang and prose_words(src_text) >= 3 and _normalise(src_text) == _normalise(tgt_text):
                yield ctx.finding("untranslated", "error", link, 1.0,
                                  "the translation repeats the source text untranslated")
                continue
            if sum(c.isalpha() for c in tgt_text) < MIN_LETTERS:
                continue
            # only a clear verdict counts: short sentences fool detectors
            expected = langid.confidence(tgt_text, tgt_lang)
            if expected is None or expected >= DOUBT:
                continue
            found = langid.detect(tgt_text)
            if found is None or found == tgt_lang:
                continue
            if found == src_lang:
                yield ctx.finding("untranslated", "error", link, 0.9,
                                  f"the translation is written in the source language ({src_lang})")
            else:
                yield ctx.finding("wrong-language", "error", link, 0.9,
                                  f"the translation is written in '{found}', expected '{tgt_lang}'")
