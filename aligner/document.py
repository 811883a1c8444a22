"""The data that flows between stages.

Reading produces text, segmentation turns it into a :class:`Document`, the
aligner turns two documents into an :class:`Alignment`. Nothing downstream
reaches back into an earlier stage: a stage only sees these values.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence


#: The file the review page exports with the links a reviewer corrected;
#: :mod:`aligner.readers.review` reads it back.
REVIEW_FORMAT = "aligner-review/1"


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

    @property
    def texts(self) -> list[str]:
        return [s.text for s in self.sentences]

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
        return cls(lang=lang, name=name,
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
