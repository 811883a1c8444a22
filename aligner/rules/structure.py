"""Omitted and added sentences, and sentences split or merged (from the link types)."""

from __future__ import annotations

from typing import Iterable

from ..text import CODE_CHARS
from .base import PairContext, Rule, size_severity
from ..core import Finding


def _severity(text: str) -> str:
    """Missing or added content: an error from four words on, a warning below; a
    short fragment of code or a listing ("(unused) */", "/proc/net/wireless",
    "+user"), which editions wrap and adapt differently, is a note."""
    severity = size_severity(text)
    if severity == "warning" and any(c in CODE_CHARS for c in text):
        return "info"
    return severity


class StructureRule(Rule):
    ids = ("omission", "addition", "sentence-split", "sentence-merge")
    descriptions = {
        "omission": "A source sentence has no counterpart in the translation.",
        "addition": "A translation sentence has no counterpart in the source.",
        "sentence-split": "One source sentence is several sentences in the translation.",
        "sentence-merge": "Several source sentences are one sentence in the translation.",
    }
    families = {"omission": "missing", "addition": "added"}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        for link in ctx.alignment.links:
            src_text, tgt_text = ctx.text(link)
            if link.src and not link.tgt:
                yield ctx.finding("omission", _severity(src_text), link, link.confidence,
                                  f"source sentence {ctx.alignment.source.where(link.src[0])} "
                                  "is missing in the translation")
            elif link.tgt and not link.src:
                yield ctx.finding("addition", _severity(tgt_text), link, link.confidence,
                                  f"translation sentence {ctx.alignment.target.where(link.tgt[0])} "
                                  "has no counterpart in the source")
            elif len(link.src) == 1 and len(link.tgt) > 1:
                yield ctx.finding("sentence-split", "info", link, link.confidence,
                                  f"source sentence {link.src[0] + 1} is split into "
                                  f"{len(link.tgt)} sentences in the translation")
            elif len(link.src) > 1 and len(link.tgt) == 1:
                yield ctx.finding("sentence-merge", "info", link, link.confidence,
                                  f"source sentences {link.src[0] + 1}-{link.src[-1] + 1} are merged "
                                  "into one sentence in the translation")
