"""Numbers, dates, percentages and amounts that differ between source and translation.

Numbers are compared by value, parsed the way the text's language writes
them (``1 000,5`` in French and ``1,000.5`` in English are the same), and
small numbers spelled out in words count too, using num2words' word lists
for the language.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Iterable

from ..text import CJK_LETTERS, is_code, is_prose
from .base import PairContext, Rule
from .lexicons import lexicon
from ..core import Finding, base_language

#: Digits inside a word (x86, ac_uid16) are part of a name; after the ordinal
#: indicators of "nº 1" / "1ª" written solid ("nº1") they are a number, and so
#: against Chinese or Japanese characters, which have no spaces to stand apart by
#: ("新しい3.0 (quilt)の書式" holds 3.0, not 0).
_NUMBER = re.compile(rf"(?<![^\W\u00aa\u00ba{CJK_LETTERS}.,])\d{{1,3}}(?:[ \u00a0\u202f.,]\d{{3}})+(?:[.,]\d+)?"
                     rf"(?![^\W{CJK_LETTERS}])|(?<![^\W\u00aa\u00ba{CJK_LETTERS}])\d+(?:[.,]\d+)?")
#: A file name, package version or identifier with digits in it (DebSrc3.0,
#: gentoo-0.9.12-ReleaseCandidate-99.tar.gz, 1.0.1-1~rc1): a name, which a
#: translation moves as a whole; the order of numbers is not compared inside it.
#: A digit right after a letter (DebSrc3.0, x86_64, rc1) or a dotted version joined
#: to letters makes one, and so does a number after letters and a slash (S/390, PS/2,
#: OS/2); "SHA-512", "32-bit", "600MB" and "5th" stay numbers.
_IDENTIFIERS = re.compile(r"[A-Za-z]{1,4}/\d+(?![\w/])|(?=[\w.~+-]*[A-Za-z]\d)[A-Za-z0-9_.~+-]+"
                          r"|(?=[\w.~+-]*[A-Za-z])(?=[\w.~+-]*\d\.\d)[A-Za-z0-9_.~+-]*[A-Za-z][A-Za-z0-9_.~+-]*")
#: Languages that write a decimal point (others use a decimal comma).
_DECIMAL_POINT = {"en", "zh", "ja", "ko", "th", "he"}
#: Largest number looked up as a word.
_MAX_WORD_NUMBER = 100


def parse_number(token: str, lang: str) -> float:
    """Value of a written number in a language's conventions."""
    token = token.replace("\u00a0", " ").replace("\u202f", " ")
    decimal = "." if lang in _DECIMAL_POINT else ","
    group = "," if decimal == "." else "."
    # a group separator is followed by exactly three digits; anything else is decimal
    token = token.replace(" ", "")
    if re.fullmatch(rf"\d{{1,3}}(\{group}\d{{3}})+(\{decimal}\d+)?", token):
        token = token.replace(group, "")
    elif re.fullmatch(rf"\d+\{group}\d{{1,2}}|\d+\{group}\d{{4,}}", token):
        token = token.replace(group, decimal)  # "8839.8" written with the other mark
    try:
        return float(token.replace(decimal, "."))
    except ValueError:
        # not one number in this notation (an IP address, a version like 2.6.32.1):
        # compared by its digits, which both editions write the same way
        return float(re.sub(r"\D", "", token))


#: Words for "one" that are also an indefinite article ("un livre", "een boek"):
#: every sentence has one, so they cannot stand in for the digit 1.
_ARTICLES = frozenset({"un", "um", "een", "en", "ett", "et", "ein", "a", "an"})
#: Grammatical cases and genders num2words inflects cardinals in, per language
#: ("3-byte" is "трёх-байтовый", "1 bit" is "один бит", "1 second" "одна секунда").
_INFLECTIONS = {"ru": (("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional"),
                       ("m", "f", "n"))}


@lru_cache(maxsize=16)
def _number_words(lang: str) -> dict[str, float]:
    """Small numbers as the language writes them in words, every inflected form,
    and the nouns that name a number (``lexicons/number_nouns.toml``)."""
    try:
        from num2words import num2words
    except ImportError:
        return {}
    cases, genders = _INFLECTIONS.get(lang, ((None,), (None,)))
    words: dict[str, float] = {}
    try:
        for n in range(0, _MAX_WORD_NUMBER + 1):
            for case in cases:
                for gender in genders:
                    extra = {k: v for k, v in (("case", case), ("gender", gender)) if v}
                    word = num2words(n, lang=lang, **extra).lower()
                    words[word] = words[word.replace("ё", "е")] = float(n)
    except (NotImplementedError, OverflowError, TypeError):
        pass  # a language num2words does not write, or not this far
    # nouns that name a number ("douzaine", "Dutzend"), which num2words does not write
    words.update((word, float(value)) for word, value in lexicon("number_nouns").get(lang, {}).get("words", ()))
    return {w: v for w, v in words.items() if " " not in w and w not in _ARTICLES}


#: Largest ordinal looked up as a word (days of the month, list items).
_MAX_ORDINAL = 31
#: Languages whose ordinals inflect in the last two letters (четвёртый, четвёртого).
_INFLECTED_ORDINALS = {"ru", "uk", "pl", "cs"}


@lru_cache(maxsize=16)
def _ordinal_stems(lang: str) -> tuple[tuple[str, float], ...]:
    """Stems of the ordinals 1-31 ("viert" of vierte, vierten, vierter), as
    num2words writes them: "the 4th byte" is "das vierte Byte"."""
    try:
        from num2words import num2words

        cut = 2 if lang in _INFLECTED_ORDINALS else 1
        words = [(num2words(n, lang=lang, to="ordinal").lower().replace("ё", "е"), float(n))
                 for n in range(1, _MAX_ORDINAL + 1)]
    except (NotImplementedError, ImportError, OverflowError, TypeError):
        return ()
    return tuple((w[:-cut], v) for w, v in words if " " not in w and len(w) > cut + 2)


@lru_cache(maxsize=16)
def _stem_index(stems: tuple[tuple[str, float], ...]) -> dict[str, tuple[int, float]]:
    """Each stem with its place in ``stems`` (the first that fits wins) and value."""
    index: dict[str, tuple[int, float]] = {}
    for k, (stem, value) in enumerate(stems):
        index.setdefault(stem, (k, value))
    return index


def _ordinal(word: str, stems: tuple[tuple[str, float], ...]) -> float | None:
    """The value of the first stem the word starts with, followed by at most three
    letters: a word is looked up by its last four prefixes, not against every stem."""
    word = word.replace("ё", "е")
    index = _stem_index(stems)
    fits = [index[word[:n]] for n in range(max(1, len(word) - 3), len(word) + 1) if word[:n] in index]
    return min(fits)[1] if fits else None


#: A man-page section reference, "login(1)", "realloc (3)", "sh(1p)": part of
#: a name, not a number (translators write it with or without the space).
#: Likewise a footnote mark ("[30]") and the number of a cross-reference to a
#: titled section ("Section 6.1, “Complete (re)build”"): translations move the
#: marks and often refer to the section by its title alone.
#: (The footnote mark and the titled section's number are compared as references
#: by :func:`references` where both sides make them.)
_FOOTNOTE = re.compile(r"\[(\d{1,3})\]")
_TITLED = re.compile(r"\b(\d+(?:\.\d+)*)(?=, ?[“\"«„「])")
_SECTION_REF = re.compile(r"(?<=\w) ?\(\d[a-z]?\)|" + _FOOTNOTE.pattern + "|" + _TITLED.pattern)
#: A man-page reference with the page's name, to compare the sections of one page.
_MAN_REF = re.compile(r"([\w.+-]*\w) ?\((\d[a-z]*)\)")


#: Any digit: a sentence without one has no number, unit or reference to read.
_DIGIT = re.compile(r"\d")


def references(text: str) -> dict[str, Counter]:
    """The references a sentence makes, by kind: man pages (name and section),
    footnote marks, numbers of titled sections. Each kind is compared only
    when both sides make such references: a translation may move a footnote
    mark to the next sentence or name a section by its title alone, but it
    does not renumber them."""
    if not _DIGIT.search(text):
        return {"man-page reference": Counter(), "footnote": Counter(), "section number": Counter()}
    return {"man-page reference": Counter(f"{name}({section})" for name, section in _MAN_REF.findall(text)),
            "footnote": Counter(f"[{n}]" for n in _FOOTNOTE.findall(text)),
            "section number": Counter(_TITLED.findall(text))}


def reference_changes(src_text: str, tgt_text: str) -> list[tuple[str, list[str], list[str]]]:
    """(kind, the source's references the translation lacks, the translation's the source lacks)."""
    changes = []
    src_refs, tgt_refs = references(src_text), references(tgt_text)
    for kind, src in src_refs.items():
        tgt = tgt_refs[kind]
        if kind == "man-page reference":
            # a page named on both sides with another section: the name is kept, the
            # number changed; a page named on one side only is a name, not a number
            names = {r.split("(")[0].casefold() for r in tgt}
            src = Counter({r: n for r, n in src.items() if r.split("(")[0].casefold() in names})
            names = {r.split("(")[0].casefold() for r in src}
            tgt = Counter({r: n for r, n in tgt.items() if r.split("(")[0].casefold() in names})
        if not src or not tgt or src == tgt:
            continue
        lacks, extra = sorted(src - tgt), sorted(tgt - src)
        if lacks and extra:
            changes.append((kind, lacks, extra))
    return changes


#: Units of measure written after a number, and the other spellings editions
#: use for them (French octets: Mo for MB; Russian МБ). Hand-written: the
#: units technical documents use; CLDR's unit names are spelled-out words.
UNITS = {
    "B": ("B", "o", "Б"), "KB": ("KB", "kB", "Ko", "ko", "КБ", "Кб", "кБ"), "MB": ("MB", "Mo", "МБ", "Мб"),
    "GB": ("GB", "Go", "ГБ", "Гб"), "TB": ("TB", "To", "ТБ", "Тб"), "KiB": ("KiB", "Kio", "КиБ"),
    "MiB": ("MiB", "Mio", "МиБ"), "GiB": ("GiB", "Gio", "ГиБ"), "TiB": ("TiB", "Tio", "ТиБ"),
    "Hz": ("Hz", "Гц"), "kHz": ("kHz", "кГц"), "MHz": ("MHz", "МГц"), "GHz": ("GHz", "ГГц"),
    "bit": ("bit", "bits", "бит"), "kbit": ("kbit", "Kbit", "кбит"), "Mbit": ("Mbit", "Мбит"),
    "Gbit": ("Gbit", "Гбит"), "ms": ("ms", "мс"), "µs": ("µs", "us", "мкс"), "ns": ("ns", "нс"),
}
_UNIT_OF = {spelling: unit for unit, spellings in UNITS.items() for spelling in spellings}
_WITH_UNIT = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?[ \u00a0\u202f]?(" +
                        "|".join(sorted(map(re.escape, _UNIT_OF), key=len, reverse=True)) + r")(?![\w])")


def units(text: str) -> Counter:
    """The units of measure a text writes after its numbers (600MB, 4 GiB, 1,5 Go)."""
    if not _DIGIT.search(text):
        return Counter()
    return Counter(_UNIT_OF[m.group(1)] for m in _WITH_UNIT.finditer(text))


def digit_sequence(text: str, lang: str) -> list[float]:
    """The values a text writes in digits, in the order it writes them."""
    return list(_digit_values(text, lang))


#: A range of years whose end is written with two digits ("1994-98"): translations
#: write the end in full ("1994 年から 1998 年"). Not a date (2005-06-01), and not
#: an end that may be a month (2005-11).
_YEAR_RANGE = re.compile(r"(?<![\d.,])((19|20)\d\d)([-–])(\d\d)(?![\d.,]?\d|[-–/]\d)")


def _full_years(text: str) -> str:
    return _YEAR_RANGE.sub(lambda m: m.group(1) + m.group(3) + m.group(2) + m.group(4)
                           if m.group(4) > m.group(1)[2:] and int(m.group(4)) > 12 else m.group(), text)


@lru_cache(maxsize=1 << 14)  # each sentence is read by several checks, and a book repeats sentences
def _digit_values(text: str, lang: str) -> tuple[float, ...]:
    if not _DIGIT.search(text):
        return ()
    return tuple(parse_number(m.group(), lang) for m in _NUMBER.finditer(_full_years(_SECTION_REF.sub("", text))))


def digit_numbers(text: str, lang: str) -> Counter:
    """Multiset of the values a text writes in digits (man-page references left out)."""
    return Counter(digit_sequence(text, lang))


@lru_cache(maxsize=16)
def _month_words(lang: str) -> dict[str, float]:
    """Month names, every form Babel's CLDR data has for the language ("July",
    "juillet", "июля"): a date written with a month name on one side is written
    with the month's number on the other ("July 13th" is "7 月 13 日")."""
    from babel import Locale, UnknownLocaleError
    from babel.dates import get_month_names

    try:
        Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return {}
    return {name.lower().replace("ё", "е"): float(month)
            for context in ("format", "stand-alone")
            for month, name in get_month_names("wide", context, lang).items() if " " not in name}


#: Two numbers said as round numbers ("a dozen", "десяток") are about the same within this factor.
ROUND_SPREAD = 1.5


def _round_number(words: tuple[str, ...], src_lang: str, tgt_lang: str) -> bool:
    """Whether a side says its number with a noun that names a number ("dozen", "десятке")."""
    nouns = {word for lang in (src_lang, tgt_lang)
             for word, _ in lexicon("number_nouns").get(base_language(lang), {}).get("words", ())}
    return any(word.lower() in nouns for word in words)


@lru_cache(maxsize=16)
def _word_vocab(lang: str) -> dict[str, float]:
    return {**_month_words(lang), **_number_words(lang)}


#: A run of Chinese numerals, which Chinese and Japanese write inside words (两种 "2
#: ways", 第二版 "version 2"): there are no spaces around them to find them by.
_CJK_NUMERAL = re.compile(r"[〇一二两三四五六七八九十百]+")


@lru_cache(maxsize=1)
def _cjk_numerals() -> dict[str, float]:
    """Chinese numerals from 2 to 100, as num2words writes them for Japanese (the
    same characters Chinese uses), and 两, Chinese's 2 before a measure word. One
    is left out: 一 is also "a" (一个) and "the same" (统一)."""
    return {**{w: v for w, v in _number_words("ja").items() if v >= 2}, "两": 2.0}


def word_numbers(text: str, lang: str) -> Counter:
    """Multiset of the small numbers, ordinals and months a text writes as words."""
    values: Counter = Counter()
    if base_language(lang) in ("zh", "ja"):
        numerals = _cjk_numerals()
        values.update(numerals[m.group()] for m in _CJK_NUMERAL.finditer(text) if m.group() in numerals)
    vocab, stems = _word_vocab(lang), _ordinal_stems(lang)
    if vocab or stems:
        for compound in re.findall(r"[\w-]+", _SECTION_REF.sub("", text).lower().replace("ё", "е")):
            # "twenty-one" is one number word; "two-byte", "vier-stellig" hold one
            for word in [compound] if compound in vocab else compound.split("-"):
                if word in vocab:
                    values[vocab[word]] += 1
                elif word and not word[0].isdigit() and (value := _ordinal(word, stems)) is not None:
                    values[value] += 1
    return values


#: Shortest ordinal stem compared as a word.
MIN_ORDINAL_STEM = 4


@lru_cache(maxsize=16)
def _compared_stems(lang: str) -> tuple[tuple[str, float], ...]:
    """The ordinal stems compared as words: from the second on, and no shorter than
    MIN_ORDINAL_STEM. The first and short stems are words of their own (German
    "erst" is "only", Italian "non" of "nono" is "not")."""
    return tuple((stem, value) for stem, value in _ordinal_stems(lang)
                 if value >= 2 and len(stem) >= MIN_ORDINAL_STEM)


@lru_cache(maxsize=1 << 12)  # read for the count, then again for the words a finding quotes
def _ordinals_in(text: str, lang: str) -> tuple[tuple[str, float], ...]:
    """(word, value) of the ordinals from the second on that a text writes as words
    ("third", "deuxième", "четвёртого"), by :func:`_compared_stems`."""
    stems = _compared_stems(base_language(lang))
    cardinals = _number_words(base_language(lang))
    if not stems:
        return ()
    found = []
    for word in re.findall(r"[^\W\d_]+", _SECTION_REF.sub("", text)):
        folded = word.lower().replace("ё", "е")
        if folded not in cardinals and (value := _ordinal(folded, stems)) is not None:
            found.append((word, value))
    return tuple(found)


def ordinal_words(text: str, lang: str) -> Counter:
    """Multiset of the ordinals from the second on that a text writes as words."""
    return Counter(value for _, value in _ordinals_in(text, lang))


def _ordinal_word(text: str, lang: str, value: float) -> str:
    """The word by which a text writes an ordinal of that value."""
    return next(word for word, v in _ordinals_in(text, lang) if v == value)


def _words_of(text: str, vocab: dict[str, float]) -> Counter:
    """The values of the words of a text found in a vocabulary of number or month words."""
    return Counter(vocab[w] for w in _lower_words(text) if w in vocab)


@lru_cache(maxsize=1 << 14)
def _lower_words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.lower().replace("ё", "е")))


_GLUED = re.compile(r"(?<=[^\W\d_])\d+|\d+(?=[^\W\d_])")


def glued_numbers(text: str, lang: str) -> Counter:
    """Numbers that are not compared but may be the same number written another
    way on the other side: digits written against letters (DSP56001, Falcon030
    for "DSP 56001"), and the numbers of references (a section numbered in one
    edition and named by its title in the other)."""
    glued = Counter(float(m.group()) for m in _GLUED.finditer(text))
    return glued + Counter(parse_number(n.group(), lang) for m in _SECTION_REF.finditer(text)
                           for n in _NUMBER.finditer(m.group()))


def _stand_ins(text: str, lang: str) -> Counter:
    """What may stand for a digit-written number of the other side: numbers in
    words, glued to names or in references."""
    return word_numbers(text, lang) + glued_numbers(text, lang)


def numbers(text: str, lang: str) -> Counter:
    """Multiset of the values written in a text: digits, and small numbers and
    ordinals written as words (which may only stand in for digits on the other side)."""
    return digit_numbers(text, lang) + word_numbers(text, lang)


def _show(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


#: Footnote marks moved by the same amount this many times mean the translation
#: numbers its footnotes otherwise, not that each mark changed.
SHIFTED_FOOTNOTES = 3


def _shift(kind: str, lacks: list[str], extra: list[str]) -> int | None:
    """How far one footnote mark moved ([21] as [20]: -1), or None."""
    if kind != "footnote" or len(lacks) != 1 or len(extra) != 1:
        return None
    return int(extra[0].strip("[]")) - int(lacks[0].strip("[]"))


def footnote_shifts(ctx: PairContext) -> dict[int, tuple[int, bool]]:
    """Links (by index) whose footnote mark moved as the marks around it did,
    with the shift and whether the run starts there: the translation dropped or added a footnote, and every mark
    after it moves. Only runs of SHIFTED_FOOTNOTES marks or more in a row, in
    document order, with no mark kept between them: scattered changed marks are
    each a change."""
    marks: list[tuple[int, int]] = []  # (link index, shift: 0 where the marks agree)
    for k, (_, src_text, tgt_text) in zip(ctx.linked, ctx.linked_texts()):
        if "[" not in src_text or "[" not in tgt_text:
            continue
        src, tgt = references(src_text)["footnote"], references(tgt_text)["footnote"]
        if src and tgt:
            shifts = {_shift(kind, lacks, extra) for kind, lacks, extra in reference_changes(src_text, tgt_text)
                      if kind == "footnote"}
            marks.append((k, shifts.pop() if len(shifts) == 1 and None not in shifts else 0))
    runs: dict[int, tuple[int, bool]] = {}
    start = 0
    for end in range(1, len(marks) + 1):
        if end == len(marks) or marks[end][1] != marks[start][1]:
            if marks[start][1] and end - start >= SHIFTED_FOOTNOTES:
                runs.update({k: (shift, k == marks[start][0]) for k, shift in marks[start:end]})
            start = end
    return runs


class NumberRule(Rule):
    ids = ("number-mismatch",)
    descriptions = {"number-mismatch": "A number, date, percentage or amount differs between source and translation."}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        shifted = footnote_shifts(ctx)
        for k, (link, src_text, tgt_text) in zip(ctx.linked, ctx.linked_texts()):
            for kind, lacks, extra in reference_changes(src_text, tgt_text):
                if kind == "footnote" and k in shifted:
                    # the translation numbers its footnotes otherwise from here on: one
                    # finding where the run starts, notes after it
                    shift, first = shifted[k]
                    yield ctx.finding("number-mismatch", "warning" if first else "info", link, 0.6,
                                      f"footnote {lacks[0]} in the source is {extra[0]} in the translation: the "
                                      f"translation numbers its footnotes {shift:+d} from "
                                      + ("here on (a footnote added or dropped before this one?)" if first
                                         else "an earlier one on"), (*lacks, *extra))
                    continue
                prose = is_prose(_MAN_REF.sub(" ", src_text))  # a reference is not code
                yield ctx.finding("number-mismatch", "error" if prose else "warning", link, 1.0,
                                  f"{kind} {', '.join(lacks)} in the source is {', '.join(extra)} in the translation",
                                  (*lacks, *extra))
            src_units, tgt_units = units(src_text), units(tgt_text)
            if src_units != tgt_units and src_units and tgt_units:
                lacks, extra = sorted(src_units - tgt_units), sorted(tgt_units - src_units)
                if lacks and extra:
                    yield ctx.finding("number-mismatch", "error", link, 1.0,
                                      f"unit {', '.join(lacks)} in the source is {', '.join(extra)} in the translation",
                                      tuple(m.group() for text in (src_text, tgt_text)
                                            for m in _WITH_UNIT.finditer(text)
                                            if _UNIT_OF[m.group(1)] in (*lacks, *extra)))
            # numbers written in digits are compared; one spelled out on the other
            # side ("zero", "ноль", "Null") stands in for a digit-written one
            digits_src, digits_tgt = digit_numbers(src_text, src_lang), digit_numbers(tgt_text, tgt_lang)
            if digits_src == digits_tgt:  # most links: nothing for stand-ins to explain
                if len(digits_src) >= 2:
                    yield from self._order(ctx, link, src_text, tgt_text)
                yield from self._in_words(ctx, link, src_text, tgt_text, digits_src)
                continue
            missing = digits_src - (digits_tgt + _stand_ins(tgt_text, tgt_lang))
            extra = digits_tgt - (digits_src + _stand_ins(src_text, src_lang))
            if not missing and not extra:
                continue
            if len(missing) == 1 and len(extra) == 1:
                (a,), (b,) = missing, extra
                message = f"number {_show(a)} in the source is {_show(b)} in the translation"
            elif missing and not extra:
                message = "number " + ", ".join(map(_show, sorted(missing))) + " of the source is missing in the translation"
            elif extra and not missing:
                message = "number " + ", ".join(map(_show, sorted(extra))) + " in the translation is not in the source"
            else:
                message = (f"numbers differ: source has {', '.join(map(_show, sorted(missing)))}, "
                           f"translation has {', '.join(map(_show, sorted(extra)))}")
            differing = set(missing) | set(extra)
            written = tuple(m.group() for text, lang in ((src_text, src_lang), (tgt_text, tgt_lang))
                            for m in _NUMBER.finditer(text) if parse_number(m.group(), lang) in differing)
            prose, code = is_prose(src_text), is_code(src_text) or is_code(tgt_text)
            if not prose and not code:
                # a table row or a listing: the figures are the content, but examples
                # are often adapted (a calendar that starts on Monday)
                yield ctx.finding("number-mismatch", "warning", link, 0.8,
                                  message + " (in a table or listing)", written)
                continue
            if not prose:
                # a command line or sample output: translators adapt examples (file
                # sizes, dates in a listing), so this is worth a look, not an error
                yield ctx.finding("number-mismatch", "info", link, 0.5,
                                  message + " (in code or sample output)", written)
                continue
            if set(missing) | set(extra) == {1.0} and not (missing and extra):
                # a 1 on one side only: the other side may say it with an article or a
                # word ("once a month" is "1ヶ月に1度", "one of the reasons" "理由の 1 つ")
                yield ctx.finding("number-mismatch", "info", link, 0.5,
                                  message + " (the other side may say it with a word, as in \"a month\")",
                                  written)
                continue
            yield ctx.finding("number-mismatch", "error", link, 1.0, message, written)

    def _order(self, ctx: PairContext, link, src_text: str, tgt_text: str) -> Iterable[Finding]:
        """The same numbers in another order ("from 4 to 5" as "from 5 to 4",
        "SHA-512 based crypt(3)" as "SHA-3 based crypt(512)"): a warning, in prose,
        table rows and command lines alike. Word order moves numbers less often
        than one would think: on the tuned manuals (bench/bench_recall.py,
        maint-guide, 12,500 sentences) reading table rows and code too added
        3 warnings on faithful text and found 7 more of 48 planted swaps.
        Leaving out Chinese and Japanese prose (which puts times and amounts
        first) was measured too: 3 fewer warnings there, and 7 fewer swaps found."""
        src = digit_sequence(_IDENTIFIERS.sub(" ", src_text), ctx.alignment.source.lang)
        tgt = digit_sequence(_IDENTIFIERS.sub(" ", tgt_text), ctx.alignment.target.lang)
        if src == tgt or sorted(src) != sorted(tgt):
            return  # in order, or not the same numbers once names are left out: no question of order
        moved = [(a, b) for a, b in zip(src, tgt) if a != b]
        yield ctx.finding("number-mismatch", "warning", link, 0.7,
                          f"numbers {', '.join(map(_show, src))} of the source are in another order in the "
                          f"translation ({', '.join(map(_show, tgt))}): check which is which",
                          tuple(_show(a) for a, _ in moved[:2]))

    def _in_words(self, ctx: PairContext, link, src_text: str, tgt_text: str, digits: Counter) -> Iterable[Finding]:
        """Small numbers, ordinals and months written as words on both sides ("up
        to two disks" as "bis zu drei Festplatten", "the third field" as "le
        deuxième champ", "in July" as "en juin")."""
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        src, tgt = ordinal_words(src_text, src_lang) - digits, ordinal_words(tgt_text, tgt_lang) - digits
        if src - tgt and tgt - src:
            (a, *_), (b, *_) = sorted(src - tgt), sorted(tgt - src)
            yield ctx.finding("number-mismatch", "warning", link, 0.8,
                              f"ordinal {_show(a)} in the source is {_show(b)} in the translation (written in words)",
                              (_ordinal_word(src_text, src_lang, a), _ordinal_word(tgt_text, tgt_lang, b)))
        for kind, vocab in (("number", _number_words), ("month", _month_words)):
            src = _words_of(src_text, vocab(src_lang)) - digits
            tgt = _words_of(tgt_text, vocab(tgt_lang)) - digits
            lacks, extra = src - tgt, tgt - src
            if lacks and extra:
                (a, *_), (b, *_) = sorted(lacks), sorted(extra)
                said = tuple(w for text, lang, value in ((src_text, src_lang, a), (tgt_text, tgt_lang, b))
                             for w in re.findall(r"\w+", text) if vocab(lang).get(w.lower().replace("ё", "е")) == value)
                if kind == "number" and _round_number(said, src_lang, tgt_lang) and max(a, b) < ROUND_SPREAD * min(a, b):
                    # "a dozen" is "десяток" and "une dizaine" as often as "douzaine": nouns that
                    # name a number are round numbers, near enough the other side's
                    yield ctx.finding("number-mismatch", "info", link, 0.4,
                                      f"{kind} {_show(a)} in the source is {_show(b)} in the translation (written "
                                      "in words, as round numbers: about the same)", said)
                    continue
                if kind == "number" and 1.0 in (a, b):
                    # "one" is a pronoun and an article too, and "more than one" is "at least
                    # two" ("plus d'un pays" as "au moins deux pays"): as for a lone 1 in digits, a note
                    yield ctx.finding("number-mismatch", "info", link, 0.5,
                                      f"{kind} {_show(a)} in the source is {_show(b)} in the translation (written "
                                      "in words; \"one\" may be a pronoun, \"more than one\" is \"two or more\")",
                                      said)
                    continue
                yield ctx.finding("number-mismatch", "warning" if kind == "number" else "error", link, 0.8,
                                  f"{kind} {_show(a)} in the source is {_show(b)} in the translation (written "
                                  "in words)", said)
