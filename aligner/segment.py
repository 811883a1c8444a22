"""Sentence segmentation, per language, keeping paragraph structure.

Paragraphs are found by :mod:`aligner.layout` (hard-wrapped, justified,
indented or one paragraph a line: the document's own lines decide, and the
layout recognised is part of the run's signature). pysbd
does the sentence splitting where it knows the language (it handles
abbreviations like "U.S." and "т.е." per language); sentencex covers the
other languages. Two of pysbd's habits are worked around here: an unclosed
quotation mark makes it swallow every sentence up to the next quotation mark,
and its time grows with the square of a paragraph's length.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .core import Document, Sentence, Signature
from .layout import read_layout

_PYSBD_LANGS = {
    "am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi", "hy", "it",
    "ja", "kk", "mr", "my", "nl", "pl", "ru", "sk", "ur", "zh",
}


def paragraphs(text: str) -> list[str]:
    """The document's paragraphs, inner whitespace folded."""
    return [block for block, _ in read_layout(text)[0]]


@lru_cache(maxsize=16)
def _pysbd(lang: str):
    import pysbd
    from pysbd.utils import TextSpan

    class Segmenter(pysbd.Segmenter):
        """pysbd's segmenter, its sentences located in the text without a regex per sentence.

        pysbd finds each sentence it split off by compiling ``re.escape(sentence)
        + r"\\s*"`` and scanning the text with it: one compile per sentence, a
        third of the time of reading a book (they overflow ``re``'s cache). The
        same search, match for match, with ``str.find``: the first occurrence
        (with the whitespace after it) that ends past the previous sentence."""

        def sentences_with_char_spans(self, sentences):
            spans, prior, text = [], 0, self.original_text
            for sent in sentences:
                if not sent:  # an empty pattern matches everywhere: leave that to pysbd
                    spans += super().sentences_with_char_spans([sent])[:1]
                    continue
                at = text.find(sent)
                while at >= 0:
                    end = at + len(sent)
                    while end < len(text) and text[end].isspace():
                        end += 1
                    if end > prior:
                        spans.append(TextSpan(text[at:end], at, end))
                        prior = end
                        break
                    at = text.find(sent, end)  # the next match starts after this one, as finditer's
            return spans

    return Segmenter(language=lang, clean=False, char_span=True)


#: Abbreviations that both pysbd 0.3 and sentencex 1.0 break sentences after
#: (checked in tests/test_segment.py). Written by hand because no maintained
#: splitter handles them; a split right after one of these is undone.
_MISSED_ABBREVIATIONS = {
    "es": ("Sr.", "Sra.", "Srta.", "Dña.", "Excmo.", "Excma."),
    "fr": ("M.", "MM.", "Mme.", "Mmes."),
    "ru": ("т. е.", "т. к.", "им.", "см."),
}


#: Paragraphs longer than this are cut into chunks before pysbd, whose time
#: grows with the square of its input (8,000 wrapped lines took two minutes).
CHUNK_CHARS = 4000
#: A likely sentence end for cutting chunks: end punctuation after a word of
#: three or more letters (not "U.S." or "Mr."), then space and a capital.
_CUT = re.compile(r"(?<=\w\w\w[.!?])\s+(?=[\"«“(]?[A-ZÀ-ÖØ-ÞА-ЯЁ])")


def split_sentences(paragraph: str, lang: str) -> list[str]:
    """Split one paragraph into sentences with the best library for the language."""
    return [s for chunk in _chunks(paragraph) for s in _split(chunk, lang)]


def _chunks(paragraph: str) -> list[str]:
    """A long paragraph as pieces of about CHUNK_CHARS, cut at likely sentence ends."""
    if len(paragraph) <= CHUNK_CHARS:
        return [paragraph]
    chunks, start = [], 0
    for cut in _CUT.finditer(paragraph):
        if cut.start() - start >= CHUNK_CHARS:
            chunks.append(paragraph[start:cut.start()])
            start = cut.end()
    chunks.append(paragraph[start:])
    return [c for c in chunks if c.strip()]


#: A quotation longer than this is more likely two quotation marks paired wrongly.
MAX_QUOTE_CHARS = 300


def _unpaired_quotes(text: str) -> bool:
    """Straight double quotes that do not pair into quotations: an odd number, or a
    "quotation" so long that an opening mark was surely left unclosed."""
    marks = [k for k, c in enumerate(text) if c == '"']
    if len(marks) % 2:
        return True
    return any(end - start > MAX_QUOTE_CHARS for start, end in zip(marks[::2], marks[1::2]))


#: A dot that starts a word: a file name or extension (".dsc", ".bashrc"), not a sentence end.
_DOT_NAME = re.compile(r"(?<![^\s(\"'«“‘])\.(?=\w)")


def splitter(lang: str) -> str:
    """The library that splits a language's sentences: pysbd where it knows the
    language, sentencex otherwise."""
    return "pysbd" if lang in _PYSBD_LANGS else "sentencex"


def _split(paragraph: str, lang: str) -> list[str]:
    if splitter(lang) == "pysbd":
        # pysbd treats "... up to the next quotation mark as one quotation: with an
        # unclosed one it swallows the rest of the paragraph. Splitting a copy in
        # which straight double quotes are another character of the same length,
        # and cutting the original at the same offsets, keeps the text as written.
        probe = paragraph.replace('"', "\u02ba") if _unpaired_quotes(paragraph) else paragraph
        # pysbd also ends a sentence at the dot of a file name or extension that
        # starts a word ("the .dsc file", ".bashrc"): in the copy, that dot is a letter
        probe = _DOT_NAME.sub("_", probe)
        # pysbd's Arabic rules end a sentence at the Arabic comma "،" (U+060C);
        # in the copy it is a Latin comma, which ends nothing
        probe = probe.replace("\u060c", ",")
        parts = _whole_tokens([paragraph[span.start:span.end] for span in _pysbd(lang).segment(probe)])
    else:
        from sentencex import segment

        parts = list(segment(lang, paragraph))
    return _rejoin(_MISSED_ABBREVIATIONS.get(lang, ()), [p.strip() for p in parts if p.strip()])


def _whole_tokens(parts: list[str]) -> list[str]:
    """pysbd's pieces glued back where it cut inside a word, with no space after the
    dot: a pattern or a file name ("(.+)\\.tar\\.gz«" is one token, not three
    sentences), the next piece going on in small letters or digits ("one.This"
    stays two). Scripts written without spaces end sentences with no space after."""
    out: list[str] = []
    for part in parts:
        if out and out[-1][-1:].isascii() and not out[-1][-1:].isspace() and part[:1].isascii() \
                and (part[:1].islower() or part[:1].isdigit() or part[:1] == "\\"):
            out[-1] += part
        else:
            out.append(part)
    return out


#: A heading's numbering alone ("2.4.", "A.2.", "IV."), which pysbd cuts off as a sentence.
_NUMBERING = re.compile(r"(?:\d{1,3}|[A-Z]|[IVXLC]{1,6})(?:\.\d{1,3})*\.")


def _rejoin(abbreviations: tuple[str, ...], parts: list[str]) -> list[str]:
    """Glue back pieces that end in a known abbreviation (followed by more text),
    a heading's numbering to its title, and pieces of closing punctuation alone (pysbd cuts "(see locale(7).)" before
    its ")"), which are no sentence of their own."""
    out: list[str] = []
    for part in parts:
        if out and not any(c.isalnum() for c in part):
            out[-1] = f"{out[-1]}{part}"
        elif out and _NUMBERING.fullmatch(out[-1]):  # "5.9." of "5.9. package.examples"
            out[-1] = f"{out[-1]} {part}"
        elif out and any(out[-1] == a or out[-1].endswith(" " + a) for a in abbreviations):
            out[-1] = f"{out[-1]} {part}"
        else:
            out.append(part)
    return out


def segment(text: str, lang: str, name: str = "") -> Document:
    """Split an edition into sentences, each tagged with its paragraph number."""
    blocks, layout = read_layout(text)
    sentences = [Sentence(s, i, line)
                 for i, (para, line) in enumerate(blocks)
                 for s in split_sentences(para, lang)]
    return Document(lang=lang, sentences=tuple(sentences), name=name, layout=layout,
                    segmenter=splitter(lang))


def segment_paragraphs(paragraphs, lang: str, name: str = "", layout: str = "") -> Document:
    """Split paragraphs a structured reader found ((text, line) pairs) into sentences."""
    sentences = [Sentence(s, i, line)
                 for i, (para, line) in enumerate(paragraphs)
                 for s in split_sentences(para, lang)]
    return Document(lang=lang, sentences=tuple(sentences), name=name, layout=layout,
                    segmenter=splitter(lang))


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
    return Document(lang=lang, sentences=tuple(sentences), name=name, segmenter=PRESPLIT)


#: The segmenter's name for sentences that came already split (one a line, or a list).
PRESPLIT = "presplit"


def signature(*documents: Document) -> Signature:
    """The segmenter's part of a run's signature: the splitters that cut the
    documents (pysbd, sentencex, or none: presplit) and, where lines had to be
    interpreted, the layouts recognised (wrapped, lines) or the structured
    format read (html, docx, md)."""
    splitters = sorted({d.segmenter or PRESPLIT for d in documents})
    seg = "+".join(splitters)
    layouts = sorted({d.layout for d in documents if d.layout and d.segmenter != PRESPLIT})
    if layouts:
        seg += "+" + "+".join(layouts)
    return Signature.of(("seg", seg))
