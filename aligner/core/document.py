"""Documents and alignments: what reading, segmentation and alignment hand on.

Reading produces text, segmentation turns it into a :class:`Document`, the
aligner turns two documents into an :class:`Alignment`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Sequence


def base_language(code: str) -> str:
    """The language of a code without its region or script, lower case ("pt-BR",
    "zh_CN", "DE" are pt, zh, de): what per-language word lists and model cards
    are keyed by."""
    return code.replace("_", "-").split("-")[0].lower()


@dataclass(frozen=True)
class Sentence:
    """One sentence, the paragraph it belongs to (0-based) and the line it starts on (1-based)."""

    text: str
    paragraph: int
    line: int = 0


@dataclass(frozen=True)
class Document:
    """A language edition split into sentences, paragraph structure kept."""

    lang: str
    sentences: tuple[Sentence, ...]
    name: str = ""
    #: how lines inside blank-line blocks were read: "wrapped", "lines", or "" (no such block)
    layout: str = field(default="", compare=False)
    #: the sentence splitter that cut it (:mod:`aligner.segment` names itself), for the signature
    segmenter: str = field(default="", compare=False)

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """Every sentence's text, built once: rules and writers read it per link."""
        return tuple(s.text for s in self.sentences)

    @property
    def paragraph_starts(self) -> list[bool]:
        """True for each sentence that opens a paragraph; a strong alignment anchor."""
        out, prev = [], None
        for s in self.sentences:
            out.append(s.paragraph != prev)
            prev = s.paragraph
        return out

    def __len__(self) -> int:
        return len(self.sentences)

    def where(self, index: int) -> str:
        """Sentence ``index`` as people count it in messages: 1-based, with its line where known."""
        line = self.sentences[index].line
        return f"{index + 1} (line {line})" if line else str(index + 1)

    @classmethod
    def from_sentences(cls, texts: Sequence[str], lang: str, name: str = "",
                       paragraphs: Sequence[int] | None = None) -> "Document":
        """Build a document from already split sentences (one paragraph unless given)."""
        paras = list(paragraphs) if paragraphs is not None else [0] * len(texts)
        return cls(lang=lang, name=name, segmenter="presplit",
                   sentences=tuple(Sentence(t, p) for t, p in zip(texts, paras)))


@dataclass(frozen=True)
class Link:
    """One alignment bead: source ids, target ids (0-based, possibly empty), confidence."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float
    similarity: float | None = None

    @property
    def kind(self) -> str:
        """Link type as translators name it, e.g. ``1-1``, ``2-1``, ``1-0``."""
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True)
class Alignment:
    """All links between a source and a target document, in document order."""

    source: Document
    target: Document
    links: tuple[Link, ...]
    signature: str = ""
    timings: dict = field(default_factory=dict, compare=False)

    @cached_property
    def _by_sentence(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """Link indices per source and per target sentence, built once: findings
        ask "which links" for every finding, and a scan per finding is quadratic."""
        src: dict[int, list[int]] = {}
        tgt: dict[int, list[int]] = {}
        for k, link in enumerate(self.links):
            for i in link.src:
                src.setdefault(i, []).append(k)
            for j in link.tgt:
                tgt.setdefault(j, []).append(k)
        return src, tgt

    def links_touching(self, src_ids: Sequence[int], tgt_ids: Sequence[int]) -> tuple[int, ...]:
        """Indices of the links that share a sentence with ``src_ids`` or ``tgt_ids``.

        A finding about one link (a changed number) maps to that link; one about
        several source sentences (a truncated ending, a missing paragraph) maps to
        every omission link it covers.
        """
        src, tgt = self._by_sentence
        found = {k for i in src_ids for k in src.get(i, ())}
        found.update(k for j in tgt_ids for k in tgt.get(j, ()))
        return tuple(sorted(found))

    def linked_targets(self, src_ids: Sequence[int]) -> tuple[int, ...]:
        """Target sentences of the links that hold any of ``src_ids``, in order."""
        src, _ = self._by_sentence
        return tuple(sorted({j for i in src_ids for k in src.get(i, ()) for j in self.links[k].tgt}))


@dataclass(frozen=True)
class Editions:
    """A source edition and its translations; ``multi`` when the result is one
    table of all editions (a folder, or several targets) rather than one pair."""

    source: Document
    targets: tuple[Document, ...]
    multi: bool


@dataclass(frozen=True)
class EarlierEditions:
    """The editions at an earlier revision, for drift: the source, each
    translation where that revision has it (None where not known), and how the
    revision is named in messages."""

    source: Document
    targets: tuple[Document | None, ...]
    label: str
