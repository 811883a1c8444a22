"""Language identification with lingua.

Used twice: to find an edition's language when the user does not say it, and
to refuse a declared language that contradicts the text (aligning an English
file declared as German silently gives the wrong sentence splitter).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Sequence

from .core import base_language
from .errors import InputError
from .text import MIN_LETTERS

#: Characters sampled for detection; lingua is accurate well below this and
#: slow on whole books.
SAMPLE_CHARS = 3000
#: A detection at least this confident is used (and may contradict a declaration).
SURE = 0.5
#: A declared language the detector gives less than this is contradicted by a sure detection.
DOUBT = 0.1


@lru_cache(maxsize=1)
def _detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect_with_confidence(text: str) -> tuple[str, float] | None:
    """The most likely language and lingua's confidence in it (0-1); None if too little text."""
    return _best(_detector(), text)


def _sample(text: str) -> str | None:
    """What detection reads of a text, or None if it has too few letters to tell."""
    sample = text[:SAMPLE_CHARS]
    return sample if sum(c.isalpha() for c in sample) >= MIN_LETTERS else None


def _top(values) -> tuple[str, float] | None:
    """The first of lingua's confidence values as (ISO 639-1 code, confidence)."""
    if not values:
        return None
    return values[0].language.iso_code_639_1.name.lower(), float(values[0].value)


def _best(detector, text: str) -> tuple[str, float] | None:
    """A detector's most likely language for a text and its confidence; None if too little text."""
    sample = _sample(text)
    return None if sample is None else _top(detector.compute_language_confidence_values(sample))


def resolve(text: str, declared: str | None, name: str, strict: bool = True) -> str:
    """The edition's language: the declared one unless the text clearly says
    otherwise; without a declaration, the detected one if the detection is sure.

    A declaration loses only to a confident detection that gives the declared
    language next to no chance (an English file declared as German); repetitive
    or code-like text ("Item 12 is ready." x 200 looks Tsonga to a detector)
    keeps the user's word. An unsure detection is not used silently: it would
    pick the wrong sentence splitter.

    ``strict=False`` keeps the declaration even then: a check reads a
    translation partly left in the source language as the language declared,
    and reports how much of it is not (the refusal suits aligning, where the
    wrong file given is the likely mistake).
    """
    if declared:
        declared = base_language(declared)
        # the declaration is only checked against the widely used languages: the
        # file given for the wrong edition, or pasted from another one, is in one
        # of those, and lingua loads 15 models much faster than 75 (a fifth of a
        # second per run)
        among = (declared, *COMMON) if _known(declared) else None
        found = choose(text, among) if among else detect_with_confidence(text)
        if strict and found is not None and found[0] != declared and found[1] >= SURE:
            own = confidence(text, declared, among)
            if own is None or own < DOUBT:
                raise InputError(f"{name}: declared as '{declared}' but the text is in '{found[0]}'; "
                                 "check the file or the --src-lang/--tgt-lang option")
        return declared
    found = detect_with_confidence(text)
    if found is None:
        raise InputError(f"{name}: too little text to detect its language; "
                         "give it with --src-lang/--tgt-lang")
    if found[1] < SURE:
        raise InputError(f"{name}: cannot tell its language for sure (best guess '{found[0]}', "
                         f"{found[1]:.0%}); give it with --src-lang/--tgt-lang")
    return found[0]


#: The languages a sentence of a translation is compared with, beside its
#: own and its source's: widely used ones, which is where text pasted from
#: another edition or left from a template comes from.
COMMON = ("ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "tr", "uk", "zh")


@lru_cache(maxsize=32)
def _chooser(codes: tuple[str, ...]):
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    languages = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def _detector_among(codes: Sequence[str]):
    """A detector for a few languages, one per set of codes."""
    return _chooser(tuple(sorted({c.lower() for c in codes})))


def choose(text: str, codes: Sequence[str]) -> tuple[str, float] | None:
    """Which of a few languages a sentence is in, and lingua's confidence.

    Among all 75 languages, a short French line about usage summaries looks
    Latin and a Spanish one Tagalog, which no translator wrote; so a sentence
    is only compared with its own, its source's and :data:`COMMON` languages.
    None when a code is unknown to lingua or there is too little text."""
    try:
        detector = _detector_among(codes)
    except (AttributeError, ValueError):
        return None
    return _best(detector, text)


def choose_many(texts: Sequence[str], codes: Sequence[str]) -> list[tuple[str, float] | None]:
    """:func:`choose` for many sentences at once, on every core (lingua's
    parallel detection): a book's sentences are judged in a fraction of the
    time one by one takes, with the same verdicts."""
    try:
        detector = _detector_among(codes)
    except (AttributeError, ValueError):
        return [None] * len(texts)
    samples = [_sample(text) for text in texts]
    judged = [k for k, sample in enumerate(samples) if sample is not None]
    out: list[tuple[str, float] | None] = [None] * len(texts)
    values = detector.compute_language_confidence_values_in_parallel([samples[k] for k in judged])
    for k, found in zip(judged, values):
        out[k] = _top(found)
    return out


def _known(code: str) -> bool:
    """Whether lingua has a model for the language."""
    from lingua import IsoCode639_1

    return hasattr(IsoCode639_1, code.upper())


def confidence(text: str, code: str, among: Sequence[str] | None = None) -> float | None:
    """lingua's confidence (0-1) that a text is in the given language, among all
    languages or the given ones; None if it cannot tell."""
    from lingua import IsoCode639_1, Language

    try:
        language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
        detector = _detector_among(among) if among else _detector()
    except (AttributeError, ValueError):
        return None
    return float(detector.compute_language_confidence(text[:SAMPLE_CHARS], language))
