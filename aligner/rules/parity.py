"""Mechanical parity, as QA tools check it: placeholders and inline tags, brackets
and quotes, a question or exclamation turned into a statement, a word written
twice, a sentence that lost its capital, two spaces in a row.

Each is a pattern check that needs no model. Placeholders and tags break software
and markup when they differ, and a doubled word is nearly always a slip, so they
are warnings; the others are often a translator's choice and are notes (a project
can raise them in ``aligner.toml``). Written by hand: these are a few regular
expressions per check, and no maintained Python library runs bilingual QA checks
(LanguageTool checks one language's grammar, and runs as a Java server).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ..core import Finding, base_language
from ..text import is_prose
from .base import PairContext, Rule

#: printf (%s, %1$d, %(name)s), .NET/ICU and Python braces ({0}, {name}, {{var}}), shell (${var}).
PLACEHOLDER = re.compile(r"%(?:\(\w+\))?(?:\d+\$)?[-+#0]*\d*(?:\.\d+)?[sdifuxXoeEgGcp@]|\{\{?\s*[\w.]*\s*\}\}?"
                         r"|\$\{\w+\}|&(?:[a-z]+|#\d+);")
#: Inline tags of HTML and of XLIFF inline markup; a word in angle brackets in a
#: manual (<package>) is a placeholder the translator may translate, not a tag.
_TAG_NAMES = ("a|abbr|b|big|br|code|em|font|g|hr|i|img|kbd|mark|p|ph|s|samp|small|span|strike|strong|sub|sup"
              "|tt|u|var|x|bpt|ept|it|mrk")
TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]*/?>", re.IGNORECASE)
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"), ("«", "»"))
#: Words that a language writes twice in a row by grammar ("die die", "nous nous").
_GRAMMATICAL_DOUBLES = {
    "de": {"die", "der", "das", "den", "dem", "des", "sie", "ein", "eine"},
    "nl": {"die", "dat"}, "fr": {"nous", "vous", "que", "le", "la", "les"},
    "en": {"that", "had", "is"}, "es": {"que"}, "it": {"che", "si"}, "pt": {"que", "se", "da", "do"},
}
_REPEAT = re.compile(r"(?<!\w)(\w{2,})\s+\1(?!\w)", re.IGNORECASE)
#: Two spaces between words (plain text's reader keeps a sentence's own spacing;
#: bitexts from a CAT tool keep theirs).
_DOUBLE_SPACE = re.compile(r"(?<=\S)  +(?=\S)")
_END = re.compile(r"([.?!:;…。？！：；])[\"'»”’)\]]*\s*$")
_END_CLASS = {"?": "?", "？": "?", "!": "!", "！": "!"}


#: A character every placeholder or tag starts with: most sentences have none.
_MARK = re.compile(r"[%{$&<]")


def placeholders(text: str) -> Counter:
    """Placeholders and inline tags of a text (tags by name and direction)."""
    if not _MARK.search(text):
        return Counter()
    found = Counter(m.group().replace(" ", "") for m in PLACEHOLDER.finditer(text))
    found.update(re.sub(r"\s.*?(/?)>$", r"\1>", m.group().lower()) for m in TAG.finditer(text))
    return found


def _quotes_balanced(text: str) -> bool:
    """Curly quotation marks pair up in one of the styles languages use: „…“
    (German, Czech, Russian), “…” (English, Spanish, Chinese), „…” (Polish,
    Hungarian, Romanian). Guillemets are among the brackets."""
    low, high_open, high_close = text.count("„"), text.count("“"), text.count("”")
    return (low == high_open and high_close == 0) or (low == 0 and high_open == high_close) \
        or (low == high_close and high_open == 0)


def unbalanced(text: str) -> list[str]:
    """Brackets and quotation marks opened and not closed, or closed and not opened."""
    return [f"{o}{c}" for o, c in _BRACKETS if text.count(o) != text.count(c)] + \
        (['"'] if text.count('"') % 2 else []) + ([] if _quotes_balanced(text) else ["“”"])


def repeated_words(text: str, lang: str) -> list[str]:
    allowed = _GRAMMATICAL_DOUBLES.get(base_language(lang), set())
    return [m.group(1) for m in _REPEAT.finditer(text)
            if not m.group(1).isdigit() and m.group(1).casefold() not in allowed]


def _cased_script(text: str) -> bool:
    """Whether most letters of a text have a case (Latin, Cyrillic, Greek): Japanese
    or Chinese text that starts with a command ("dpkg を使う") has no capital to lose."""
    letters = [c for c in text if c.isalpha()]
    return sum(c.isupper() or c.islower() for c in letters) > 0.5 * len(letters)


def ending(text: str) -> str:
    m = _END.search(text)
    return _END_CLASS.get(m.group(1), ".") if m else ""


class ParityRule(Rule):
    ids = ("placeholder-mismatch", "bracket-mismatch", "end-punctuation", "repeated-word", "leading-capital",
           "double-space")
    descriptions = {
        "placeholder-mismatch": "Placeholders (%s, {name}) or inline tags (<b>) differ in set or count.",
        "bracket-mismatch": "The translation leaves a bracket or quotation mark open that the source closes.",
        "end-punctuation": "A question or exclamation of the source ends otherwise in the translation, or the reverse.",
        "repeated-word": "The translation writes a word twice in a row where the source does not.",
        "leading-capital": "The source sentence starts with a capital letter, the translation with a small one.",
        "double-space": "The translation has two spaces in a row inside a sentence where the source has none.",
    }

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        for link, src_text, tgt_text in ctx.linked_texts():
            src_marks, tgt_marks = placeholders(src_text), placeholders(tgt_text)
            if src_marks != tgt_marks:
                lacks, extra = sorted((src_marks - tgt_marks).elements()), sorted((tgt_marks - src_marks).elements())
                yield ctx.finding("placeholder-mismatch", "warning", link, 1.0,
                                  "placeholders or tags differ: " + "; ".join(
                                      part for part in (f"the translation lacks {' '.join(lacks)}" if lacks else "",
                                                        f"adds {' '.join(extra)}" if extra else "") if part),
                                  tuple(lacks + extra))
            if not is_prose(TAG.sub(" ", PLACEHOLDER.sub(" ", src_text)) if src_marks else src_text):
                continue  # code and sample output: their punctuation is not prose's
            src_open = unbalanced(src_text)
            open_tgt = [b for b in unbalanced(tgt_text) if b not in src_open]
            if open_tgt:
                yield ctx.finding("bracket-mismatch", "info", link, 0.5,
                                  f"the translation leaves {' '.join(open_tgt)} unbalanced; the source does not",
                                  tuple(open_tgt))
            src_end, tgt_end = ending(src_text), ending(tgt_text)
            if src_end != tgt_end and ("?" in (src_end, tgt_end) or "!" in (src_end, tgt_end)) and src_end and tgt_end:
                yield ctx.finding("end-punctuation", "info", link, 0.5,
                                  f"the source ends with {src_end!r}, the translation with {tgt_end!r}")
            src_doubled, tgt_doubled = repeated_words(src_text, src_lang), repeated_words(tgt_text, tgt_lang)
            in_source = {d.casefold() for d in src_doubled}
            doubled = [w for w in tgt_doubled if w.casefold() not in in_source]
            # as many doubles as the source has are its own, translated ("the section Section
            # 4.5.1" of a generated cross-reference is "la sección Sección 4.5.1")
            if doubled and len(tgt_doubled) > len(src_doubled):
                yield ctx.finding("repeated-word", "warning", link, 0.8,
                                  f'the translation writes "{doubled[0]} {doubled[0]}"', (f"{doubled[0]} {doubled[0]}",))
            if _DOUBLE_SPACE.search(tgt_text.strip()) and not _DOUBLE_SPACE.search(src_text.strip()):
                yield ctx.finding("double-space", "info", link, 0.3,
                                  "the translation has two spaces in a row where the source has none")
            src_first = next((c for c in src_text if c.isalpha()), "")
            tgt_first = next((c for c in tgt_text if c.isalpha()), "")
            if src_first.isupper() and tgt_first.islower() and tgt_text.lstrip()[:1].isalpha() \
                    and _cased_script(tgt_text):
                yield ctx.finding("leading-capital", "info", link, 0.3,
                                  "the source sentence starts with a capital letter, the translation does not")
