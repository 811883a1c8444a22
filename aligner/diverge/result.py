"""The outcome of a check: editions, alignments, findings, and baseline bookkeeping."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..document import Alignment, Document
from ..rules import Finding, link_indices, severity_rank

if TYPE_CHECKING:  # pandas costs a quarter second to import; only bitexts need it
    import pandas as pd


#: Suffix of the source side's name of a bitext (both sides live in one file).
BITEXT_SOURCE = "#source"


@dataclass(frozen=True)
class CheckResult:
    source: Document
    alignments: tuple[Alignment, ...]
    findings: tuple[Finding, ...]
    signature: str
    fail_on: str = "error"
    stale: tuple[dict, ...] = field(default=())

    @property
    def documents(self) -> dict[str, Document]:
        docs = {self.source.name: self.source}
        docs.update({a.target.name: a.target for a in self.alignments})
        return docs

    @property
    def active(self) -> list[Finding]:
        """Findings not accepted by the baseline."""
        return [f for f in self.findings if not f.baseline]

    @property
    def failing(self) -> list[Finding]:
        """Active findings at or above the --fail-on severity."""
        return [f for f in self.active if severity_rank(f.severity) >= severity_rank(self.fail_on)]

    def counts(self, target: str | None = None) -> Counter:
        """Active findings per (rule, severity), for one edition or all."""
        return Counter((f.rule, f.severity) for f in self.active
                       if target is None or f.target == target)

    def by_link(self, target: str, findings: list[Finding] | None = None) -> dict[int, list[Finding]]:
        """Active findings of one edition (or the ``findings`` given) keyed by the
        index of each link they concern, in report order: what every format that
        shows findings beside links (XLIFF, JUnit, the review page, --pairs) uses."""
        links = next((a.links for a in self.alignments if a.target.name == target), ())
        out: dict[int, list[Finding]] = {}
        for f in self.active if findings is None else findings:
            if f.target == target:
                # findings made by hand (not by a rule) may not say their links
                for k in f.links or link_indices(links, f.src_ids, f.tgt_ids):
                    out.setdefault(k, []).append(f)
        return out

    def line_of(self, finding: Finding) -> tuple[str, int]:
        """File and 1-based line a finding points at: the translation's sentence if
        it has one, the source's otherwise."""
        if finding.tgt_ids:
            doc, idx = self.documents[finding.target], finding.tgt_ids[0]
        else:
            doc, idx = self.documents[finding.source], finding.src_ids[0]
        name = doc.name[:-len(BITEXT_SOURCE)] if doc.name.endswith(BITEXT_SOURCE) else doc.name
        return name, max(1, doc.sentences[idx].line)


@dataclass(frozen=True)
class BitextResult:
    """A check of an already aligned bitext (``check --pairs``): the rows as read,
    the check, and per row the index of its link (None for an empty row) and the
    link's divergence score, so a report can keep every input row."""

    table: "pd.DataFrame"
    check: CheckResult
    row_link: tuple[int | None, ...]
    scores: np.ndarray
    threshold: float
