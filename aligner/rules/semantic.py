"""Linked sentences that do not say the same thing: meaning shift, dropped or added clause.

Uses the calibrated divergence score (see :mod:`aligner.diverge.semantic`):
a link is reported when its score reaches the model's threshold. Which rule
it is comes from the least covered span on each side, compared with the
document's typical least covered span: if both sides have a span clearly
worse than typical, something was replaced (meaning shift); if only one side
has, that side has content the other lacks (clause omission or addition).

These findings are info, hints ranked by their score for a reviewer to
read, with one exception: a clause of the source whose removal makes the
source read as the translation (the encoder asked once more, on the source
without that clause) is a dropped clause, a warning. That is asked too where
the encoder does not flag the link but the translation is clearly short for
this document (:func:`aligner.rules.length.deviations`). Otherwise the sentence
encoder cannot tell a paraphrase from a change on real text. On faithful Debian manual translations (de, es, fr, ru) one linked
sentence in ten scores above the threshold, even counted against the
document's own spread (robust z >= 2.5, and with a sentence-length check).
On the bundled press release, faithful German sentences lead the other three
editions by more than the planted meaning shift does. So a warning needs
evidence the encoder does not give: numbers, names, untranslated text,
missing or added sentences (the other rules). The other editions still say
whether a hint stands out (:mod:`aligner.diverge.witnesses`).
"""

from __future__ import annotations

from typing import Iterable

import numpy as np

import re

from ..text import count_cjk, whole_words, words
from .base import PairContext, Rule
from .length import deviations
from ..core import Finding, Link

#: How much worse than the document's typical least-covered span a side's
#: least-covered span must be to count as changed.
CLEAR_GAP = 0.05
#: A clause of the source dropped by the translation is a warning when taking
#: it out of the source closes this share of the distance between the sides
#: (1 - cosine): the translation then reads as the source without the clause.
#: Chosen on the planted benchmark of the tuned documents (maint-guide, six
#: languages, 11,000 faithful links): 0.3 flags 21 faithful links and finds 16
#: of 48 dropped clauses; 0.15 flags 68. Taking a clause out of the
#: translation instead separates added clauses from faithful ones too poorly
#: (29 faithful links at 0.3), so additions stay info.
CLAUSE_GAIN = 0.3
#: A clause dropped where the encoder does not flag the link: the translation is
#: SHORT_Z robust deviations shorter than this document's usual length ratio, the
#: source has MIN_SHORT_WORDS words or more, and taking out one clause (leaving three
#: words or more) closes SHORT_CLAUSE_GAIN of the distance. Length and the encoder
#: are weak alone (each flags hundreds of faithful links); together they are not.
#: Chosen on the planted benchmark of the tuned documents (maint-guide, six languages,
#: 12,000 faithful links): 2.0 and 0.2 find 4 more of 48 dropped clauses for 2
#: faithful links; 1.5 and 0.2 find 5 for 3; 2.5 and 0.2, 3 for none.
SHORT_Z = 2.0
SHORT_CLAUSE_GAIN = 0.2
MIN_SHORT_WORDS = 8
#: Where a sentence divides into clauses, and the shortest clause tried.
_CLAUSE_BREAK = re.compile(r"(?<=[,;:).!?])\s+(?![“\"«„「])|\s+(?=[(–—])|(?<=[、，；：。！？])")
MIN_CLAUSE_WORDS = 2
MIN_CLAUSE_CJK = 4


def clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence: its pieces between commas,
    semicolons, colons, brackets and dashes, long enough to carry content (a
    reference and the title after it, "Section 1.4, “Help”", stay one)."""
    spans, start = [], 0
    for m in _CLAUSE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    if len(spans) < 2:
        return []
    out = []
    for a, b in spans:
        piece = text[a:b].strip()
        cjk = count_cjk(piece)
        if cjk >= MIN_CLAUSE_CJK or len([w for w in piece.split() if any(c.isalpha() for c in w)]) >= MIN_CLAUSE_WORDS:
            out.append((a, b))
    return out


def without_clause(text: str, span: tuple[int, int]) -> str:
    a, b = span
    rest = (text[:a].rstrip(" ,;:、，；：") + " " + text[b:].lstrip(" ,;:、，；：")).strip()
    return re.sub(r"\s{2,}", " ", rest)


class SemanticRule(Rule):
    ids = ("meaning-shift", "clause-omission", "clause-addition")
    descriptions = {
        "meaning-shift": "The linked sentences differ in meaning (low similarity for this model).",
        "clause-omission": "Part of the source sentence has no counterpart in the translation.",
        "clause-addition": "Part of the translation has no counterpart in the source.",
    }
    families = {"clause-omission": "missing", "clause-addition": "added"}
    needs_embeddings = True

    def _flagged(self, ctx: PairContext) -> Iterable[tuple[int, Link]]:
        sem = ctx.semantics
        if sem is None:
            return
        for k, index in enumerate(ctx.linked):
            if float(sem.scores[k]) >= sem.threshold:
                yield k, ctx.alignment.links[index]

    def _short(self, ctx: PairContext) -> dict[int, Link]:
        """Links (by their index among the linked ones) whose translation is clearly
        short for this document, with a source long enough to have lost a clause."""
        if ctx.semantics is None or len(ctx.linked) < 5:
            return {}
        texts = [ctx.text(ctx.alignment.links[index]) for index in ctx.linked]
        return {k: ctx.alignment.links[index] for k, (index, z) in enumerate(zip(ctx.linked, deviations(texts)))
                if z <= -SHORT_Z and words(texts[k][0]) >= MIN_SHORT_WORDS}

    def probes(self, ctx: PairContext) -> Iterable[tuple[str, str]]:
        """For each divergent or short link, the source without one of its clauses."""
        for link in dict.fromkeys([link for _, link in self._flagged(ctx)] + list(self._short(ctx).values())):
            src_text, tgt_text = ctx.text(link)
            yield src_text, tgt_text
            for span in clauses(src_text):
                yield without_clause(src_text, span), tgt_text

    def _clause(self, ctx: PairContext, link: Link, needed: float = CLAUSE_GAIN,
                leaving: int = 0) -> tuple[str, float] | None:
        """(the source clause as written, gain) for the clause whose removal brings
        the sides closest, if that closes ``needed`` of the distance and leaves
        ``leaving`` words or more."""
        src_text, tgt_text = ctx.text(link)
        base = ctx.similarity(src_text, tgt_text)
        if base is None:
            return None
        best = None
        for span in clauses(src_text):
            rest = without_clause(src_text, span)
            # a heading's number or label alone ("5.4.6.", "Appendix D.") is no sentence:
            # its title, translated freely, is no clause dropped
            if words(rest) < leaving or len(re.findall(r"[^\W\d_]{2,}", rest)) < 2:
                continue
            sim = ctx.similarity(rest, tgt_text)
            if sim is None:
                continue
            gain = (sim - base) / max(1.0 - base, 1e-6)
            if best is None or gain > best[1]:
                best = (src_text[span[0]:span[1]].strip(" ,;:"), gain)
        return best if best is not None and best[1] >= needed else None

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        sem = ctx.semantics
        if not ctx.linked or sem is None:
            return
        # a translation short for this document, with a clause of the source it lacks
        # (where a flagged link's clause is not clear enough for the warning below)
        flagged = {k for k, _ in self._flagged(ctx)}
        reported = set()
        for k, link in self._short(ctx).items():
            clause = None if k in flagged and self._clause(ctx, link) else \
                self._clause(ctx, link, SHORT_CLAUSE_GAIN, leaving=3)
            if clause is not None:
                reported.add(k)
                said, gain = clause
                yield ctx.finding("clause-omission", "warning", link, float(sem.scores[k]),
                                  f"the source's words \"{said}\" have no counterpart in the translation: it is "
                                  f"short for this document here, and without them the sentences read closer (by "
                                  f"{gain:.0%} of the distance between them)", (said,))
        typical_src = float(np.median([cov for _, cov in sem.signals.src_gap]))
        typical_tgt = float(np.median([cov for _, cov in sem.signals.tgt_gap]))
        for k, link in self._flagged(ctx):
            if k in reported:
                continue
            score = float(sem.scores[k])
            (src_span, src_cov), (tgt_span, tgt_cov) = sem.signals.src_gap[k], sem.signals.tgt_gap[k]
            src_text, tgt_text = ctx.text(link)
            severity = "info"
            clause = self._clause(ctx, link)
            if clause is not None:
                said, gain = clause
                yield ctx.finding("clause-omission", "warning", link, score,
                                  f"the source's words \"{said}\" have no counterpart in the translation: without "
                                  f"them the sentences read closer (by {gain:.0%} of the distance between them; "
                                  f"divergence {score:.2f})", (said,))
                continue
            src_span, tgt_span = whole_words(src_text, src_span), whole_words(tgt_text, tgt_span)
            src_worse, tgt_worse = typical_src - src_cov, typical_tgt - tgt_cov
            if src_worse > CLEAR_GAP and tgt_worse > CLEAR_GAP:
                yield ctx.finding("meaning-shift", severity, link, score,
                                  f"source words \"{src_span}\" and translation words \"{tgt_span}\" "
                                  f"do not match (divergence {score:.2f})", (src_span, tgt_span))
            elif src_worse >= tgt_worse:
                yield ctx.finding("clause-omission", severity, link, score,
                                  f"source words \"{src_span}\" have no counterpart in the translation "
                                  f"(divergence {score:.2f})", (src_span,))
            else:
                yield ctx.finding("clause-addition", severity, link, score,
                                  f"translation words \"{tgt_span}\" have no counterpart in the source "
                                  f"(divergence {score:.2f})", (tgt_span,))
