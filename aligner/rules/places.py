"""Countries and unions named in a sentence, in any language CLDR knows: the one
bilingual list of names every translation shares (Russia is Russland, Russie,
Rusia, Россия, ロシア, 俄罗斯), read through Babel.

A translation that names another country where the source names one ("the
initiative of Russia" rendered "l'initiative de la Chine") has swapped who
does what; a sentence encoder barely notices, as both are countries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core import base_language
from ..text import has_cjk

#: Languages that inflect names (России, Russlands): matched by their stem.
#: Elsewhere a name is matched whole, so that an adjective ("Russian", "russe")
#: is not taken for the country.
INFLECTING = frozenset("ru uk be pl cs sk sl hr sr bg de fi et hu lt lv el tr".split())
#: Shortest name matched by its stem (inflected: России, Russlands); shorter
#: names must match whole.
MIN_STEM = 5


@lru_cache(maxsize=32)
def _names(lang: str) -> tuple[tuple[str, str, bool], ...]:
    """(name case-folded, region code, matched by stem) for the language's
    names of countries and of the EU and UN, longest first."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return ()
    out = []
    for code, name in locale.territories.items():
        if not (len(code) == 2 and code.isalpha()) or code in ("ZZ", "QO", "XA", "XB", "EZ"):
            continue
        folded = name.casefold()
        cjk = has_cjk(folded)
        out.append((folded, code, base_language(lang) in INFLECTING and not cjk
                    and len(folded) >= MIN_STEM and " " not in folded and "-" not in folded))
    return tuple(sorted(out, key=lambda item: -len(item[0])))


#: The acronyms CLDR does not list that editions write for the same unions and
#: countries (a source's "UN" is the translation's "ONU").
_ACRONYMS = {"UN": "UN", "ONU": "UN", "UNO": "UN", "ООН": "UN", "EU": "EU", "UE": "EU", "ЕС": "EU",
             "USA": "US", "US": "US", "EE.UU.": "US", "США": "US", "UK": "GB"}


def _stem(name: str) -> str:
    """What inflections keep of a name: all but its last two letters (Россия: Росси-)."""
    return name[:max(MIN_STEM - 1, len(name) - 2)]


@lru_cache(maxsize=32)
def _index(lang: str) -> tuple[dict[str, list[tuple[str, str]]], dict[str, str], tuple[tuple[str, str], ...]]:
    """The language's names arranged for lookup: stems by their first four
    letters, whole one-word names, and names looked for as they are written
    (several words, or CJK)."""
    stems: dict[str, list[tuple[str, str]]] = {}
    whole: dict[str, str] = {}
    written = []
    for name, code, by_stem in _names(lang):
        if by_stem:
            stem = _stem(name)
            stems.setdefault(stem[:4], []).append((stem, code))
        elif " " in name or "-" in name or has_cjk(name):
            written.append((name, code))
        else:
            whole.setdefault(name, code)
    return stems, whole, tuple(written)


def places(text: str, lang: str) -> dict[str, str]:
    """The countries (and EU, UN) a text names: region code -> the words as written.

    Hand-written lookup (a word's first letters, then its stem): one regular
    expression over 250 names per sentence is a hundred times slower."""
    stems, whole, written = _index(lang)
    folded = text.casefold()
    same = len(folded) == len(text)  # case-folding kept every position (no ß -> ss)
    found: dict[str, str] = {}
    for name, code in written:
        at = folded.find(name)
        if at >= 0:
            found.setdefault(code, text[at:at + len(name)] if same else name)
            folded = folded.replace(name, " " * len(name))  # "South Africa" is not also "Africa"
    for m in re.finditer(r"\w+(?:\.\w+\.)?", text):
        if m.group() in _ACRONYMS:  # written in capitals, as written
            found.setdefault(_ACRONYMS[m.group()], m.group())
    for m in re.finditer(r"\w+", text):
        as_written, word = m.group(), m.group().casefold()
        if same and folded[m.start()] == " ":
            continue  # inside a name of several words found above
        if not as_written[:1].isupper():
            continue  # names are capitalised: "того" is not Togo, "российских" not Russia
        if word in whole:
            found.setdefault(whole[word], as_written)
        for stem, code in stems.get(word[:4], ()):
            if word.startswith(stem) and len(word) - len(stem) <= 5:
                found.setdefault(code, as_written)
                break
    return found


def country(code: str, lang: str) -> str:
    """The name of a region in a language, as CLDR writes it (for messages)."""
    from babel import Locale

    try:
        return Locale.parse(lang.replace("-", "_")).territories.get(code, code)
    except ValueError:
        return code
