"""What a check reports: findings with a stable rule id, severity and explanation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Sequence

from ..document import Link

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
    #: concerns (see :func:`link_indices`): the one answer to "which link is this
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


def link_indices(links: Sequence[Link], src_ids: tuple[int, ...], tgt_ids: tuple[int, ...]) -> tuple[int, ...]:
    """Indices of the links that share a sentence with a finding.

    A finding about one link (a changed number) maps to that link; one about
    several source sentences (a truncated ending, a missing paragraph) maps to
    every omission link it covers.
    """
    src, tgt = set(src_ids), set(tgt_ids)
    return tuple(k for k, link in enumerate(links) if src.intersection(link.src) or tgt.intersection(link.tgt))


def sort_key(f: Finding) -> tuple:
    first = (f.src_ids or f.tgt_ids or (0,))[0]
    return (f.target, f.src_ids[0] if f.src_ids else -1, f.tgt_ids[0] if f.tgt_ids else -1,
            first, f.rule)
