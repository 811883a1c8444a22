"""The outcome of a check: editions, alignments, findings, and baseline bookkeeping."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..document import Alignment, Document
from .findings import Finding, severity_rank


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

    def line_of(self, finding: Finding) -> tuple[str, int]:
        """File and 1-based line a finding points at: the translation's sentence if
        it has one, the source's otherwise."""
        if finding.tgt_ids:
            doc, idx = self.documents[finding.target], finding.tgt_ids[0]
        else:
            doc, idx = self.documents[finding.source], finding.src_ids[0]
        return doc.name.split("#")[0], max(1, doc.sentences[idx].line)
