"""The small base class every rule implements (one rule family per file), and
what a rule may look at (:class:`PairContext`).

Rules only read values: the alignment, and for rules that say they need
embeddings, the semantic signals computed beforehand by :mod:`aligner.diverge`.
They never call an encoder themselves, so a rule that only reads text (numbers,
names, structure) can be run and tested without loading a model.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np

from ..core import Alignment, Finding, Link
from ..core.settings import Term
from ..text import words


@dataclass(frozen=True)
class PairSignals:
    """Per linked pair: similarity, coverage, and the least covered span on each side."""

    similarity: np.ndarray
    coverage: np.ndarray
    src_gap: list[tuple[str, float]]
    tgt_gap: list[tuple[str, float]]


@dataclass(frozen=True)
class Semantics:
    """The encoder's view of a pair: signals, calibrated divergence scores and the
    threshold at which a score counts as divergent (all per model)."""

    signals: PairSignals
    scores: np.ndarray
    threshold: float


@dataclass(frozen=True)
class PairContext:
    """Everything rules may look at for one source-translation pair.

    ``linked`` lists the indices into ``alignment.links`` of every link with
    text on both sides; ``semantics`` (present when a rule that needs
    embeddings runs) holds one value per entry of ``linked``.
    """

    alignment: Alignment
    linked: tuple[int, ...]
    semantics: Semantics | None = None
    #: the encoder's similarity of text pairs the rules asked for (:meth:`Rule.probes`)
    probed: Mapping[tuple[str, str], float] = field(default_factory=dict)
    #: the encoder's model and the languages its card says it was trained on
    #: (None: no encoder ran, or its card does not say)
    model: str | None = None
    covered: frozenset[str] | None = None
    #: the glossary's terms for this pair's languages (``--glossary``, ``aligner.toml``)
    terms: tuple[Term, ...] = ()

    @classmethod
    def of(cls, alignment: Alignment, semantics: Semantics | None = None,
           probed: Mapping[tuple[str, str], float] | None = None, model: str | None = None,
           covered: frozenset[str] | None = None, terms: tuple[Term, ...] = ()) -> "PairContext":
        linked = tuple(k for k, link in enumerate(alignment.links) if link.src and link.tgt)
        return cls(alignment, linked, semantics, dict(probed or {}), model, covered, terms)

    def similarity(self, src: str, tgt: str) -> float | None:
        """The encoder's similarity of two texts a rule probed; None without an encoder."""
        return self.probed.get((src, tgt))

    def text(self, link: Link) -> tuple[str, str]:
        src, tgt = self.alignment.source.texts, self.alignment.target.texts
        return " ".join(src[i] for i in link.src), " ".join(tgt[j] for j in link.tgt)

    def linked_texts(self):
        """(link, source text, target text) for every link with text on both sides."""
        for link in self.alignment.links:
            if link.src and link.tgt:
                yield (link, *self.text(link))

    def document_finding(self, rule: str, severity: str, score: float, message: str,
                         evidence: tuple[str, ...] = ()) -> Finding:
        """A verdict on the whole translation, tied to no sentence."""
        return Finding(rule, severity, self.alignment.source.name, self.alignment.target.name,
                       (), (), "", "", round(float(score), 4), message, evidence=tuple(e for e in evidence if e))

    def finding(self, rule: str, severity: str, link: Link, score: float, message: str,
                evidence: tuple[str, ...] = ()) -> Finding:
        src_text, tgt_text = self.text(link)
        return Finding(rule, severity, self.alignment.source.name, self.alignment.target.name,
                       link.src, link.tgt, src_text, tgt_text, round(float(score), 4), message,
                       links=self.alignment.links_touching(link.src, link.tgt),
                       evidence=tuple(e for e in evidence if e))


class Rule(ABC):
    """A family of checks with stable ids; ``ids`` lists the ids it can report."""

    ids: tuple[str, ...] = ()
    #: one line per id, for SARIF rule metadata and --help
    descriptions: dict[str, str] = {}
    #: ids that describe the same kind of difference as another rule's (a
    #: truncated ending and an omitted sentence both mean "missing"), so that
    #: witnesses from other editions count them together; default: the id itself
    families: dict[str, str] = {}
    #: True if the rule reads ``ctx.semantics`` (the encoder's signals)
    needs_embeddings: bool = False

    def family(self, rule_id: str) -> str:
        return self.families.get(rule_id, rule_id)

    def probes(self, ctx: PairContext) -> Iterable[tuple[str, str]]:
        """Text pairs (source side, translation side) whose similarity the rule
        wants from the encoder before it checks: variants of a linked pair
        ("the translation without its negation"). Read back with
        :meth:`PairContext.similarity`."""
        return ()

    @abstractmethod
    def check(self, ctx: PairContext) -> Iterable[Finding]:
        """Findings for one source-translation pair."""


def size_severity(text: str) -> str:
    """Missing or added content of a few words is worth a look; more is an error."""
    return "error" if words(text) >= 4 else "warning"
