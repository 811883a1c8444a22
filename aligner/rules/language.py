"""Untranslated text, text in the wrong language, empty translations."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

from .. import langid
from ..core import Finding, Link
from ..text import EDGE, MIN_LETTERS, is_prose, is_word, mostly_words, words
from .base import PairContext, Rule

#: How sure the detector must be that a sentence is not in the target language.
SURE = 0.9
#: A translation whose linked sentences repeat the source in this share is a
#: copy of it (a translation partly left untranslated is checked sentence by sentence).
COPY_SHARE = 0.9
#: Sentences left in the source language are summed up from this many and this share on.
MIN_LEFT = 3
LEFT_SHARE = 0.05
#: From this share on, the summary is a warning: most of the edition is not what it claims to be.
HALF = 0.5
#: Linked pairs a document needs for a verdict on it as a whole.
MIN_DOCUMENT = 5
#: A line that does not end like a sentence reads as one with this many words of prose,
#: this share of them in small letters.
ITEM_WORDS = 4
ITEM_LOWER = 0.6


@lru_cache(maxsize=1 << 14)  # each link's two sides, asked again for the document's verdict
def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"\W+", " ", text).strip()


def _sentence(text: str) -> bool:
    """Prose that reads as a sentence (ends like one, or is long): a table
    header or a product name copied as it is ("Smart Array 6400 Expansion
    Module") is not a sentence left untranslated."""
    # "name..." is a synopsis; a colon ends the sentence that introduces a list or an example
    ends = re.search(r"(?<![.…])[.!?:][\"'»”)\]]*$", text.strip())
    prose = [w for w in text.split() if is_word(w)]
    # a list item of running words ("* the Debian packages web page", "* clean the source
    # tree (debian/rules clean)"), not a title in capitals: written in small letters
    lower = sum(1 for w in prose if w.strip(EDGE)[:1].islower())
    return bool(ends) or len(prose) >= 8 or (len(prose) >= ITEM_WORDS and lower >= ITEM_LOWER * len(prose))


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
        # (each distinct text once: a book repeats its boilerplate)
        distinct = list(dict.fromkeys(prose for _, _, prose in pending))
        judged = dict(zip(distinct, langid.choose_many(distinct, (tgt_lang, src_lang, *langid.COMMON))))
        for place, link, prose in pending:
            verdict = judged[prose]
            if verdict is None or verdict[0] == tgt_lang or verdict[1] < SURE:
                continue
            if verdict[0] == src_lang:
                found[place] = ctx.finding("untranslated", "error", link, 0.9,
                                           f"the translation is written in the source language ({src_lang})")
            else:
                found[place] = ctx.finding("wrong-language", "error", link, 0.9,
                                           f"the translation is written in '{verdict[0]}', expected '{tgt_lang}'")
        per_link = [f for f in found if f is not None]
        return self._document(ctx, per_link)

    def _document(self, ctx: PairContext, per_link: list[Finding]) -> list[Finding]:
        """The verdict on the whole translation: a copy of its source is one error,
        not an error on every sentence; a translation partly left in the source
        language is checked, and how much of it is left is said once."""
        linked = [(s, t) for _, s, t in ctx.linked_texts() if words(s) >= 1]
        if len(linked) < MIN_DOCUMENT:
            return per_link
        copies = sum(_normalise(s) == _normalise(t) for s, t in linked)
        if copies >= COPY_SHARE * len(linked):
            rest = [f for f in per_link if f.rule != "untranslated"]
            return [ctx.document_finding(
                "untranslated", "error", copies / len(linked),
                f"{ctx.alignment.target.name} is a copy of its source, not a translation: {copies} of its "
                f"{len(linked)} linked sentences repeat the source as it is")] + rest
        for rule, where in (("untranslated", f"left in the source language ({ctx.alignment.source.lang})"),
                            ("wrong-language", f"not in the language declared for it ({ctx.alignment.target.lang})")):
            left = sum(f.rule == rule for f in per_link)
            if left >= MIN_LEFT and left >= LEFT_SHARE * len(linked):
                per_link.append(ctx.document_finding(
                    rule, "warning" if left >= HALF * len(linked) else "info", left / len(linked),
                    f"{left} of the {len(linked)} linked sentences ({left / len(linked):.0%}) of "
                    f"{ctx.alignment.target.name} are {where}; each is reported where it is"))
        return per_link
