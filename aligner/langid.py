"""Language identification with lingua.

Used twice: to find an edition's language when the user does not say it, and
to refuse a declared language that contradicts the text (aligning an English
file declared as German silently gives the wrong sentence splitter).
"""

from __future__ import annotations

from functools import lru_cache

from .errors import InputError

#: Characters sampled for detection; lingua is accurate well below this and
#: slow on whole books.
SAMPLE_CHARS = 3000
#: Below this many letters a detection is not trusted enough to contradict the user.
MIN_LETTERS = 40


@lru_cache(maxsize=1)
def _detector():
    from lingua import LanguageDetectorBuilder

    return LanguageDetectorBuilder.from_all_languages().with_low_accuracy_mode().build()


def detect(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None if too little text to tell."""
    sample = text[:SAMPLE_CHARS]
    if sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    lang = _detector().detect_language_of(sample)
    return None if lang is None else lang.iso_code_639_1.name.lower()


def resolve(text: str, declared: str | None, name: str) -> str:
    """The edition's language: the declared one if the text agrees, else the detected one."""
    found = detect(text)
    if declared:
        declared = declared.lower().split("-")[0].split("_")[0]
        if found is not None and found != declared:
            raise InputError(f"{name}: declared as '{declared}' but the text is in '{found}'; "
                             "check the file or the --src-lang/--tgt-lang option")
        return declared
    if found is None:
        raise InputError(f"{name}: too little text to detect its language; "
                         "give it with --src-lang/--tgt-lang")
    return found


def confidence(text: str, code: str) -> float | None:
    """lingua's confidence (0-1) that a text is in the given language; None if it cannot tell."""
    from lingua import IsoCode639_1, Language

    try:
        language = Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
    except (AttributeError, ValueError):
        return None
    return float(_detector().compute_language_confidence(text[:SAMPLE_CHARS], language))
