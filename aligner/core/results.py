"""The outcome of a check: editions, alignments, findings, and baseline bookkeeping."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .document import Alignment, Document
from .findings import SEVERITIES, Finding, by_link, severity_rank
from .multi import MultiAlignment, merge

if TYPE_CHECKING:  # pandas costs a quarter second to import; only bitexts need it
    import numpy as np
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

    @cached_property
    def documents(self) -> dict[str, Document]:
        """Every edition by name (built once: each finding's line is looked up here)."""
        docs = {self.source.name: self.source}
        docs.update({a.target.name: a.target for a in self.alignments})
        return docs

    @cached_property
    def active(self) -> tuple[Finding, ...]:
        """Findings not accepted by the baseline."""
        return tuple(f for f in self.findings if not f.baseline)

    @cached_property
    def failing(self) -> tuple[Finding, ...]:
        """Active findings at or above the --fail-on severity."""
        return tuple(f for f in self.active if severity_rank(f.severity) >= severity_rank(self.fail_on))

    def counts(self, target: str | None = None) -> Counter:
        """Active findings per (rule, severity), for one edition or all."""
        return Counter((f.rule, f.severity) for f in self.active
                       if target is None or f.target == target)

    def frame(self) -> "pd.DataFrame":
        """The findings as a table, one row per finding with the columns of the JSON
        report (sentence ids as lists of ints), in report order."""
        import pandas as pd

        from .serial import finding_dict

        columns = ["rule", "severity", "source", "target", "src_ids", "tgt_ids", "src_text", "tgt_text",
                   "score", "message", "witnesses", "fingerprint", "baseline", "file", "line", "evidence"]
        return pd.DataFrame([finding_dict(self, f) for f in self.findings], columns=columns)

    def severity_counts(self) -> dict[str, int]:
        """Active findings per severity, worst first (what summaries print)."""
        counts = Counter(f.severity for f in self.active)
        return {sev: counts[sev] for sev in reversed(SEVERITIES)}

    def alignment_of(self, target: str) -> Alignment | None:
        """The alignment of the edition named ``target``."""
        return next((a for a in self.alignments if a.target.name == target), None)

    def by_link(self, target: str, findings: list[Finding] | None = None) -> dict[int, list[Finding]]:
        """Active findings of one edition (or the ``findings`` given) keyed by the
        index of each link they concern, in report order (see :func:`by_link`)."""
        alignment = self.alignment_of(target)
        if alignment is None:
            return {}
        return by_link(alignment, self.active if findings is None else findings)

    @cached_property
    def multi(self) -> MultiAlignment:
        """All editions merged into one table (the review page's rows)."""
        return merge(self.source, self.alignments)

    def line_of(self, finding: Finding) -> tuple[str, int]:
        """File and 1-based line a finding points at: the translation's sentence if
        it has one, the source's otherwise; a verdict on a whole translation
        points at its first line."""
        if finding.tgt_ids:
            doc, idx = self.documents[finding.target], finding.tgt_ids[0]
        elif finding.src_ids:
            doc, idx = self.documents[finding.source], finding.src_ids[0]
        else:
            doc, idx = self.documents[finding.target], None
        name = doc.name[:-len(BITEXT_SOURCE)] if doc.name.endswith(BITEXT_SOURCE) else doc.name
        return name, max(1, doc.sentences[idx].line) if idx is not None and doc.sentences else 1


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

    @property
    def findings(self) -> tuple[Finding, ...]:
        """The check's findings (each names its row's link)."""
        return self.check.findings

    def scored(self) -> "pd.DataFrame":
        """The rows as read, every column kept, with each row's divergence score,
        verdict and the rule ids of its findings added (what ``check --pairs
        --format tsv`` writes)."""
        alignment = self.check.alignments[0]
        found = self.check.by_link(alignment.target.name)
        rules = {k: sorted({f.rule for f in here}) for k, here in found.items()}
        errors = {k for k, here in found.items() if any(f.severity == "error" for f in here)}
        row_scores = [self.scores[k] if k is not None else float("nan") for k in self.row_link]
        table = self.table.copy()
        table["divergence_score"] = [round(float(x), 4) if x == x else "" for x in row_scores]
        # divergent: the semantic score reaches the model's threshold, or a rule found an
        # error (a changed number, a missing sentence) that the score cannot see
        table["divergent"] = [int((x == x and x >= self.threshold) or k in errors)
                              for x, k in zip(row_scores, self.row_link)]
        table["findings"] = [";".join(rules.get(k, [])) if k is not None else "" for k in self.row_link]
        return table
