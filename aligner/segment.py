"""Sentence segmentation, per language, keeping paragraph structure.

Paragraphs are blank-line separated blocks. Lines inside a block are either
one hard-wrapped paragraph (joined) or one paragraph each (Word and CMS
exports, text copied from a web page): the document's own lines decide
(:func:`line_layout`), and the choice is part of the run's signature. pysbd
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

_PARA_BREAK = re.compile(r"\n[ \t\f\v]*\n")
_SPACES = re.compile(r"\s+")

_PYSBD_LANGS = {
    "am", "ar", "bg", "da", "de", "el", "en", "es", "fa", "fr", "hi", "hy", "it",
    "ja", "kk", "mr", "my", "nl", "pl", "ru", "sk", "ur", "zh",
}


def paragraphs(text: str) -> list[str]:
    """The document's paragraphs, inner whitespace folded."""
    return [block for block, _ in _blocks(text)[0]]


def _raw_blocks(text: str) -> list[list[tuple[str, int]]]:
    """Blank-line separated blocks as their non-empty lines, each with its 1-based number."""
    blocks: list[list[tuple[str, int]]] = [[]]
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        if line.strip():
            blocks[-1].append((line, number))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


#: Line ends that close a sentence (or a heading-like line).
_SENTENCE_END = re.compile(r"[.!?…:;»\"”’)\]]\s*$")


def line_layout(blocks: list[list[tuple[str, int]]]) -> str:
    """How a document's lines inside blank-line blocks are meant: ``"wrapped"``
    (hard-wrapped paragraphs, joined), ``"lines"`` (a paragraph per line), or
    ``""`` when no block has several lines.

    Hard-wrapped text has most lines of about the same width, and most line
    ends fall inside sentences. Evidence is taken from the whole document, so
    one short paragraph does not flip the decision. The caller leaves out
    preformatted blocks (:func:`preformatted`): they say nothing about the prose.
    """
    inner = [line.strip() for block in blocks if len(block) > 1 for line, _ in block[:-1]]
    if not inner:
        return ""
    ends = sum(1 for line in inner if _SENTENCE_END.search(line)) / len(inner)
    widths = sorted(len(line) for line in inner)
    median, widest = widths[len(widths) // 2], widths[-1]
    return "wrapped" if ends < 0.5 and median >= 0.6 * widest else "lines"


#: Column alignment inside a line: two or more spaces after anything but the
#: end of a sentence ("sockets.  They" is a typewriter's sentence gap).
_COLUMNS = re.compile(r"[^\s.!?]  +\S")
#: Box-drawing characters: a table drawn in text.
_BOX = re.compile(r"[\u2500-\u257f]")
#: Line ends of C-like code.
_CODE_END = re.compile(r"[{};]\s*$|^\s*[{}]")


def preformatted(block: list[tuple[str, int]]) -> bool:
    """A block of code, a drawn table or aligned columns: every line is a line
    of its own whatever the document's layout, and such a block says nothing
    about whether the prose is hard-wrapped."""
    marked = sum(1 for line, _ in block
                 if _BOX.search(line) or _COLUMNS.search(line.strip()) or _CODE_END.search(line))
    return marked * 2 > len(block)


def _join(lines: list[str]) -> str:
    """Wrapped lines as one paragraph; a line broken after a hyphen
    ("non-" / "confrontational") joins without a space."""
    out = lines[0].strip() if lines else ""
    for line in lines[1:]:
        line = line.strip()
        glue = "" if len(out) > 1 and out.endswith("-") and out[-2].isalpha() and line[:1].islower() else " "
        out += glue + line
    return out


#: In hard-wrapped text, an inner line shorter than this share of the widest
#: line, in capitals or followed by a capital, was not wrapped: it is a
#: heading or a line of its own ("NAME", "Security"), kept apart as other
#: editions with one paragraph per line have it.
SHORT_LINE = 0.4


def _wrapped(block: list[tuple[str, int]], short: float) -> list[list[tuple[str, int]]]:
    """A hard-wrapped block as groups of lines to join, cut after short lines."""
    groups: list[list[tuple[str, int]]] = [[]]
    for k, entry in enumerate(block):
        groups[-1].append(entry)
        line = entry[0].strip()
        if k < len(block) - 1 and line and len(line) < short and not line.endswith((",", ";", "-", "(")) \
                and (line.isupper() or block[k + 1][0].lstrip()[:1].isupper()):
            groups.append([])
    return [g for g in groups if g]


def _blocks(text: str) -> tuple[list[tuple[str, int]], str]:
    """Paragraphs with the 1-based line each starts on (for editors and CI
    annotations), and the line layout chosen."""
    blocks = _raw_blocks(text)
    pre = [preformatted(block) for block in blocks]
    layout = line_layout([block for block, p in zip(blocks, pre) if not p])
    short = SHORT_LINE * max((len(line.strip()) for block in blocks for line, _ in block), default=0)
    out = []
    for block, p in zip(blocks, pre):
        groups = [[entry] for entry in block] if layout == "lines" or p else _wrapped(block, short)
        for group in groups:
            folded = _SPACES.sub(" ", _join([line for line, _ in group])).strip()
            if folded:
                out.append((folded, group[0][1]))
    return out, layout


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
        parts = [paragraph[span.start:span.end] for span in _pysbd(lang).segment(probe)]
    else:
        from sentencex import segment

        parts = list(segment(lang, paragraph))
    return _rejoin(_MISSED_ABBREVIATIONS.get(lang, ()), [p.strip() for p in parts if p.strip()])


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
    blocks, layout = _blocks(text)
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
