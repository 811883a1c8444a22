"""The team's glossary (``--glossary``, ``aligner.toml``): a source term whose
required translation is absent, or whose forbidden translation is present.

Terms are matched in their inflected forms: both the text and the term are cut
to their Snowball stems (Первый комитет is Первом комитете, Experte is
Experten), and in languages that write compounds as one word a term may also
stand inside a longer word (Resolutionsentwurf holds Entwurf). A term written
in capitals (an acronym) matches only as written: UN is not the Spanish "un".
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from ..core import Finding, base_language
from ..core.settings import Term
from ..text import has_cjk
from .base import PairContext, Rule

#: Snowball's stemmer per language code (those it has).
_STEMMERS = {"ar": "arabic", "ca": "catalan", "da": "danish", "nl": "dutch", "en": "english",
             "fi": "finnish", "fr": "french", "de": "german", "el": "greek", "hu": "hungarian",
             "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali",
             "no": "norwegian", "nb": "norwegian", "pt": "portuguese", "ro": "romanian", "ru": "russian",
             "sr": "serbian", "es": "spanish", "sv": "swedish", "ta": "tamil", "tr": "turkish",
             "hy": "armenian", "eu": "basque", "hi": "hindi", "uk": "russian"}
#: Languages that write compounds as one word: a term may be part of one.
COMPOUNDING = frozenset({"de", "nl", "sv", "da", "no", "nb", "fi", "is"})
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")


@lru_cache(maxsize=64)
def _stemmer(lang: str):
    import snowballstemmer

    name = _STEMMERS.get(base_language(lang))
    return snowballstemmer.stemmer(name) if name else None


def _case_sensitive(term: Term, text: str) -> bool:
    if term.case_sensitive is not None:
        return term.case_sensitive
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=1 << 14)
def _stems(text: str, lang: str) -> tuple[str, ...]:
    """The text's words, case-folded and cut to their stems (as written where
    the language has no stemmer: CJK is then matched as a substring)."""
    words = [w.casefold() for w in _WORD.findall(text)]
    stemmer = _stemmer(lang)
    return tuple(stemmer.stemWords(words)) if stemmer else tuple(words)


def occurs(term_text: str, text: str, lang: str, case_sensitive: bool) -> bool:
    """Whether a term occurs in a text, in any inflected form (see the module)."""
    if case_sensitive:
        return term_text in text and re.search(rf"(?<!\w){re.escape(term_text)}(?!\w)", text) is not None
    if not _WORD.search(term_text) or not text:
        return False
    want = _stems(term_text, lang)
    have = _stems(text, lang)
    if not want or has_cjk(term_text):  # no spaces between words: as written
        return term_text.casefold() in text.casefold()
    n = len(want)
    for k in range(len(have) - n + 1):
        if have[k:k + n] == want:
            return True
    if base_language(lang) in COMPOUNDING and n == 1:
        # part of a compound: Mitgliedstaaten, Regierungssachverständigen
        return any(want[0] in word for word in have if len(word) > len(want[0]))
    return False


def _key(term_text: str, lang: str) -> str | None:
    """The stem a text must hold for the term to occur in it (the index of
    :meth:`GlossaryRule.check`), or None where any text may hold it: a term of a
    script without spaces, or one word that may stand inside a compound."""
    want = _stems(term_text, lang)
    if not want or has_cjk(term_text) \
            or (base_language(lang) in COMPOUNDING and len(want) == 1):
        return None
    return want[0]


class GlossaryRule(Rule):
    ids = ("term-missing", "term-forbidden", "term-inconsistent")
    descriptions = {
        "term-missing": "A glossary term of the source is not translated as the glossary requires.",
        "term-forbidden": "The translation uses a translation the glossary forbids for a source term.",
        "term-inconsistent": "A glossary term is translated in several of its allowed ways in one translation.",
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        if not ctx.terms:
            return
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        by_source: dict[str, list[Term]] = {}
        for term in ctx.terms:
            by_source.setdefault(term.source, []).append(term)
        uses: dict[str, Counter] = {source: Counter() for source in by_source}
        # a glossary of thousands of terms against a book: each sentence is asked only
        # about the terms whose first stem it has (and those that may hide anywhere)
        index: dict[str, list[str]] = {}
        anywhere: list[str] = []
        order = {source: k for k, source in enumerate(by_source)}  # the glossary's order, in every sentence
        for source in by_source:
            key = _key(source, src_lang)
            (index.setdefault(key, []) if key is not None else anywhere).append(source)
        for link, src_text, tgt_text in ctx.linked_texts():
            stems = set(_stems(src_text, src_lang))
            candidates = [t for stem in stems if stem in index for t in index[stem]] + anywhere
            for source in sorted(candidates, key=order.__getitem__):
                entries = by_source[source]
                if not occurs(source, src_text, src_lang, _case_sensitive(entries[0], source)):
                    continue
                required = [t for t in entries if not t.forbidden]
                used = [t for t in required if occurs(t.target, tgt_text, tgt_lang, _case_sensitive(t, t.target))]
                uses[source].update(t.target for t in used)
                banned = [t for t in entries if t.forbidden
                          and occurs(t.target, tgt_text, tgt_lang, _case_sensitive(t, t.target))]
                wanted = " or ".join(f'"{t.target}"' for t in required)
                for term in banned:
                    yield ctx.finding("term-forbidden", "error", link, 1.0,
                                      f'glossary: "{source}" is translated "{term.target}", which the glossary '
                                      f"forbids" + (f" (use {wanted})" if required else "")
                                      + (f"; {term.note}" if term.note else ""), (source, term.target))
                if required and not used:
                    note = next((t.note for t in required if t.note), "")
                    yield ctx.finding("term-missing", "warning", link, 0.9,
                                      f'glossary: "{source}" of the source is to be translated {wanted}, '
                                      f"which the translation does not have" + (f" ({note})" if note else ""),
                                      (source,))
        for source, counts in uses.items():
            if len(counts) > 1:  # allowed ways, mixed: a reader may take them for two things
                ways = " and ".join(f'"{target}" in {n} sentence{"s" if n != 1 else ""}'
                                    for target, n in counts.most_common())
                yield ctx.document_finding("term-inconsistent", "info", 0.5,
                                           f'glossary: "{source}" is translated {ways}', (source, *counts))
