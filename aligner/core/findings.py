"""What a check reports: findings with a stable rule id, severity and explanation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .document import Alignment

SEVERITIES = ("info", "warning", "error")


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@dataclass(frozen=True)
class Finding:
    """One place where a translation says something different from its source."""

    rule: str
    severity: str
    source: str          # source edition (file name or label)
    target: str          # target edition
    src_ids: tuple[int, ...]
    tgt_ids: tuple[int, ...]
    src_text: str
    tgt_text: str
    score: float         # strength of the evidence, in [0, 1]
    message: str         # one line a translator can act on
    witnesses: str = ""  # what the other editions say about the same source sentences
    baseline: bool = field(default=False, compare=False)
    #: indices into the edition's ``Alignment.links`` of every link the finding
    #: concerns (see :meth:`Alignment.links_touching`): the one answer to "which link is this
    #: finding about" that every output format uses
    links: tuple[int, ...] = field(default=(), compare=False)
    #: the words of either sentence, as written, that the finding is about (a
    #: changed number, the unmatched clause): what a reviewer's eye should land on
    evidence: tuple[str, ...] = field(default=(), compare=False)

    @property
    def fingerprint(self) -> str:
        """Stable across runs and unrelated edits: rule, edition file names and the texts
        involved (not sentence numbers, which shift when text is inserted above, nor
        folders, which differ between a laptop and CI)."""
        key = "\x1f".join([self.rule, PurePath(self.source).name, PurePath(self.target).name,
                            self.src_text, self.tgt_text])
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

    def with_(self, **changes) -> "Finding":
        return replace(self, **changes)


def sort_key(f: Finding) -> tuple:
    first = (f.src_ids or f.tgt_ids or (0,))[0]
    return (f.target, f.src_ids[0] if f.src_ids else -1, f.tgt_ids[0] if f.tgt_ids else -1,
            first, f.rule)


def evidence_spans(finding: Finding) -> list[dict]:
    """Where each evidence span of a finding is: the side whose text holds it
    and its character offsets there (first occurrence; a number or name found
    on both sides is reported on both), for formats that point into the text."""
    out = []
    for span in finding.evidence:
        for side, text in (("source", finding.src_text), ("target", finding.tgt_text)):
            at = text.find(span)
            if at >= 0:
                out.append({"side": side, "text": span, "start": at, "end": at + len(span)})
    return out


def by_link(alignment: "Alignment", findings: Sequence[Finding]) -> dict[int, list[Finding]]:
    """The findings of one edition (those given whose target it is) keyed by the
    index of each link they concern, in the order given: what every format that
    shows findings beside links (XLIFF, JUnit, the review page, --pairs) uses."""
    out: dict[int, list[Finding]] = {}
    for f in findings:
        if f.target == alignment.target.name:
            # findings made by hand (not by a rule) may not say their links
            for k in f.links or alignment.links_touching(f.src_ids, f.tgt_ids):
                out.setdefault(k, []).append(f)
    return out
