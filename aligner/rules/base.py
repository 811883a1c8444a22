"""The small base class every rule implements (one rule family per file)."""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from ..diverge.findings import Finding
from ..diverge.semantic import DivergenceModel, PairSignals
from ..document import Alignment, Link


@dataclass(frozen=True)
class PairContext:
    """Everything rules may look at for one source-translation pair.

    ``signals`` holds the semantic signals of every link with text on both
    sides, in the order of ``linked`` (indices into ``alignment.links``).
    """

    alignment: Alignment
    linked: tuple[int, ...]
    signals: PairSignals
    scores: np.ndarray
    model: DivergenceModel

    def text(self, link: Link) -> tuple[str, str]:
        src, tgt = self.alignment.source.texts, self.alignment.target.texts
        return " ".join(src[i] for i in link.src), " ".join(tgt[j] for j in link.tgt)

    def linked_texts(self):
        """(link, source text, target text) for every link with text on both sides."""
        for link in self.alignment.links:
            if link.src and link.tgt:
                yield (link, *self.text(link))

    def finding(self, rule: str, severity: str, link: Link, score: float, message: str) -> Finding:
        src_text, tgt_text = self.text(link)
        return Finding(rule, severity, self.alignment.source.name, self.alignment.target.name,
                       link.src, link.tgt, src_text, tgt_text, round(float(score), 4), message)


class Rule(ABC):
    """A family of checks with stable ids; ``ids`` lists the ids it can report."""

    ids: tuple[str, ...] = ()
    #: one line per id, for SARIF rule metadata and --help
    descriptions: dict[str, str] = {}

    @abstractmethod
    def check(self, ctx: PairContext) -> Iterable[Finding]:
        """Findings for one source-translation pair."""


def words(text: str) -> int:
    """Words with at least one letter: what makes a sentence content, not a marker."""
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def size_severity(text: str) -> str:
    """Missing or added content of a few words is worth a look; more is an error."""
    return "error" if words(text) >= 4 else "warning"


def prose_words(text: str) -> int:
    """Words of three or more letters only: prose, as opposed to codes like 'en-GB1'."""
    return sum(1 for w in text.split() if len(w.strip(".,;:!?()\"'«»„“”")) >= 3
               and w.strip(".,;:!?()\"'«»„“”").replace("-", "").replace("'", "").isalpha())
