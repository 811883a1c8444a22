"""Sentence segmentation, per language, keeping paragraph structure.

Paragraphs are blank-line separated blocks; lines inside a block are joined
(hard-wrapped text). pysbd does the sentence splitting where it knows the
language (it handles abbreviations like "U.S." and "т.е." per language);
sentencex covers the other languages.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .document import Document, Sentence

_PARA_BREAK = re.compile(r"\n[ \t\f\v]*\n")
_SPACES = re.compile(r"\s+")

_PYSBD_LANGS = {
    "am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi", "hy", "it",
    "ja", "kk", "mr", "my", "nl", "pl", "ru", "sk", "ur", "zh",
}


def paragraphs(text: str) -> list[str]:
    """Blank-line separated blocks, inner whitespace folded."""
    return [block for block, _ in _blocks(text)]


def _blocks(text: str) -> list[tuple[str, int]]:
    """Paragraphs with the 1-based line each starts on (for editors and CI annotations)."""
    out, line = [], 1
    text = text.replace("\r\n", "\n")
    pos = 0
    for match in list(_PARA_BREAK.finditer(text)) + [None]:
        end = match.start() if match else len(text)
        raw = text[pos:end]
        folded = _SPACES.sub(" ", raw).strip()
        if folded:
            lead = len(raw) - len(raw.lstrip())
            out.append((folded, line + raw[:lead].count("\n")))
        if match:
            line += text[pos:match.end()].count("\n")
            pos = match.end()
    return out


@lru_cache(maxsize=16)
def _pysbd(lang: str):
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False)


#: Abbreviations that both pysbd 0.3 and sentencex 1.0 break sentences after
#: (checked in tests/test_segment.py). Written by hand because no maintained
#: splitter handles them; a split right after one of these is undone.
_MISSED_ABBREVIATIONS = {
    "es": ("Sr.", "Sra.", "Srta.", "Dña.", "Excmo.", "Excma."),
    "fr": ("M.", "MM.", "Mme.", "Mmes."),
    "ru": ("т. е.", "т. к.", "им.", "см."),
}


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """Split one paragraph into sentences with the best library for the language."""
    if lang in _PYSBD_LANGS:
        parts = _pysbd(lang).segment(paragraph)
    else:
        from sentencex import segment

        parts = list(segment(lang, paragraph))
    return _rejoin(_MISSED_ABBREVIATIONS.get(lang, ()), [p.strip() for p in parts if p.strip()])


def _rejoin(abbreviations: tuple[str, ...], parts: list[str]) -> list[str]:
    """Glue back pieces that end in a known abbreviation (followed by more text)."""
    out: list[str] = []
    for part in parts:
        if out and any(out[-1] == a or out[-1].endswith(" " + a) for a in abbreviations):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def segment(text: str, lang: str, name: str = "") -> Document:
    """Split an edition into sentences, each tagged with its paragraph number."""
    sentences = [Sentence(s, i, line)
                 for i, (para, line) in enumerate(_blocks(text))
                 for s in split_sentences(para, lang)]
    return Document(lang=lang, sentences=tuple(sentences), name=name)


def presplit(text: str, lang: str, name: str = "") -> Document:
    """One sentence per non-empty line (gold-standard data); blank lines still end paragraphs."""
    sentences, para, gap = [], 0, False
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        line = line.strip()
        if not line:
            gap = bool(sentences)
            continue
        if gap:
            para, gap = para + 1, False
        sentences.append(Sentence(line, para, number))
    return Document(lang=lang, sentences=tuple(sentences), name=name)
