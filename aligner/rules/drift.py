"""Drift rules: what went stale in a translation after its source changed.

They read a :class:`DriftContext`: how the source changed (one
:class:`SourceChange` per unit, computed by :mod:`aligner.diverge.drift`),
the translation aligned to the source's current and earlier versions, and the
translation's own earlier version where git has it. Each rule looks at the
kinds of change it names in ``kinds``.

- ``stale``: a source sentence was edited, and its translation was not (with
  git history: the translation sentence is as it was at the earlier revision;
  without: it still says what the old sentence said, by its numbers and names
  or by being closer to the old sentence than to the new one);
- ``untranslated-addition``: a source sentence was added, and the translation
  has no sentence of its own for it;
- ``orphan``: a translation sentence translates a source sentence that was
  removed;
- ``not-moved``: source sentences were moved elsewhere in the document, and
  the translation still has them where they were.
"""

from __future__ import annotations

import difflib
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property
from typing import Callable, Iterable, Sequence

from ..core import Alignment, Document, Finding
from ..text import digit_runs
from .base import size_severity

_WORD = re.compile(r"\S+")
#: Longest quoted change, in words (the rest is shown as "…").
_MAX_WORDS = 12


@dataclass(frozen=True)
class SourceChange:
    """One unit of the source's change: ``kind`` is unchanged, edited, added,
    removed or moved; ``old`` and ``new`` are sentence ids in each version (a
    moved unit is a run of sentences that moved together)."""

    kind: str
    old: tuple[int, ...]
    new: tuple[int, ...]


def norm(text: str) -> str:
    """Text with its spacing folded: what counts as the same sentence."""
    return " ".join(text.split())


@dataclass(frozen=True)
class DriftContext:
    """Everything drift rules may look at for one translation."""

    old_source: Document
    new_source: Document
    target: Document
    new_alignment: Alignment          # current source <-> translation
    old_alignment: Alignment          # earlier source <-> translation
    target_before: Document | None    # the translation at the earlier revision, if known
    since: str                        # how the earlier revision is named in messages
    removed: frozenset[int]           # earlier source sentences removed since
    similarity: Callable[[str, str], float]

    @cached_property
    def before(self) -> frozenset[str] | None:
        """The translation's sentences at the earlier revision, spacing folded (None if unknown)."""
        return None if self.target_before is None else frozenset(norm(t) for t in self.target_before.texts)

    def old_text(self, ids: Sequence[int]) -> str:
        return " ".join(self.old_source.texts[i] for i in ids)

    def new_text(self, ids: Sequence[int]) -> str:
        return " ".join(self.new_source.texts[i] for i in ids)

    def target_text(self, ids: Sequence[int]) -> str:
        return " ".join(self.target.texts[j] for j in ids)

    def finding(self, rule: str, severity: str, src_ids: Sequence[int], tgt_ids: Sequence[int],
                message: str, evidence: Sequence[str] = ()) -> Finding:
        return Finding(rule, severity, self.new_source.name, self.target.name, tuple(src_ids), tuple(tgt_ids),
                       self.new_text(src_ids), self.target_text(tgt_ids), 1.0 if severity == "error" else 0.7,
                       message, links=self.new_alignment.links_touching(src_ids, tgt_ids),
                       evidence=tuple(evidence))


class DriftRule(ABC):
    """A drift check with a stable id; ``kinds`` are the source changes it looks at."""

    ids: tuple[str, ...] = ()
    descriptions: dict[str, str] = {}
    kinds: tuple[str, ...] = ()

    @abstractmethod
    def check(self, ctx: DriftContext, change: SourceChange) -> Iterable[Finding]:
        """Findings of one translation for one change of the source."""


class StaleRule(DriftRule):
    ids = ("stale",)
    descriptions = {"stale": "The source sentence changed since the earlier revision and its translation did not."}
    kinds = ("edited",)

    def check(self, ctx: DriftContext, change: SourceChange) -> Iterable[Finding]:
        linked = ctx.new_alignment.linked_targets(change.new)
        if not linked:
            return  # no translation at all: an omission, check's business
        old_text, new_text = ctx.old_text(change.old), ctx.new_text(change.new)
        tgt_text = ctx.target_text(linked)
        gone, came = _changed_tokens(old_text, new_text)
        gained = digit_runs(new_text) - digit_runs(old_text)  # numbers the source says now
        if ctx.before is not None:
            stale = all(norm(ctx.target.texts[j]) in ctx.before for j in linked)
        elif gained and not gained & digit_runs(tgt_text):
            # the source now says a number the translation has in no form: not brought
            # up to date, whatever it said before (25 -> 27 where it says 15)
            stale = True
        else:
            keeps_old = any(t in tgt_text for t in gone)
            has_new = any(t in tgt_text for t in came)
            stale = keeps_old and not has_new if (gone or came) and (keeps_old or has_new) \
                else ctx.similarity(tgt_text, old_text) > ctx.similarity(tgt_text, new_text)
        if stale:
            severity = "error" if any(any(c.isdigit() for c in t) for t in gone | came) else "warning"
            yield ctx.finding("stale", severity, change.new, linked,
                              f"source sentence {ctx.new_source.where(change.new[0])} changed since {ctx.since}: "
                              f"{describe_change(old_text, new_text)}; translation sentence "
                              f"{ctx.target.where(linked[0])} was not updated", _added_words(old_text, new_text))


class UntranslatedAdditionRule(DriftRule):
    ids = ("untranslated-addition",)
    descriptions = {"untranslated-addition": "A source sentence added since the earlier revision has no translation."}
    kinds = ("added",)

    def check(self, ctx: DriftContext, change: SourceChange) -> Iterable[Finding]:
        added = set(change.new)
        holding = [ctx.new_alignment.links[k] for k in ctx.new_alignment.links_touching(change.new, ())]
        own = [j for link in holding if set(link.src) <= added for j in link.tgt]
        fresh = [j for j in own if ctx.before is None or norm(ctx.target.texts[j]) not in ctx.before]
        if not fresh:
            yield ctx.finding("untranslated-addition", size_severity(ctx.new_text(change.new)), change.new, own,
                              f"source sentence {ctx.new_source.where(change.new[0])} was added since {ctx.since} "
                              "and has no translation of its own")


class OrphanRule(DriftRule):
    ids = ("orphan",)
    descriptions = {"orphan": "A translation sentence translates a source sentence that was removed."}
    kinds = ("removed",)

    def check(self, ctx: DriftContext, change: SourceChange) -> Iterable[Finding]:
        old = ctx.old_alignment
        for j in old.linked_targets(change.old):
            # it translated only removed sentences (however the current source is aligned to it)
            sources = {i for k in old.links_touching((), (j,)) for i in old.links[k].src}
            if sources <= ctx.removed:
                yield ctx.finding("orphan", "warning", (), (j,),
                                  f"translation sentence {ctx.target.where(j)} translates a source sentence "
                                  f"removed since {ctx.since}: \"{_words(_WORD.findall(ctx.old_text(change.old)))}\"")


class NotMovedRule(DriftRule):
    ids = ("not-moved",)
    descriptions = {"not-moved": "Source sentences moved elsewhere since the earlier revision; "
                                 "the translation did not move them."}
    kinds = ("moved",)

    def check(self, ctx: DriftContext, change: SourceChange) -> Iterable[Finding]:
        held = ctx.old_alignment.linked_targets(change.old)     # where the translation had them
        if not held:
            return  # never translated: nothing to move
        here = ctx.new_alignment.linked_targets(change.new)     # what the translation has at the new place
        moved_text = ctx.new_text(change.new)
        if here and (set(here) & set(held) or ctx.similarity(ctx.target_text(here), moved_text)
                     >= ctx.similarity(ctx.target_text(held), moved_text)):
            return  # the translation moved them too
        yield ctx.finding("not-moved", "warning", change.new, held,
                          f"{_where_run('source ', ctx.new_source, change.new)} moved since {ctx.since} (from "
                          f"{_where_run('', ctx.old_source, change.old)}); the translation still has "
                          f"{'them' if len(change.new) > 1 else 'it'} at the earlier place: "
                          f"{_where_run('translation ', ctx.target, held)}")


def _word_diff(old_text: str, new_text: str):
    """The two versions as words as written, and the opcodes of what differs."""
    a, b = _WORD.findall(old_text), _WORD.findall(new_text)
    ops = [op for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes() if op[0] != "equal"]
    return a, b, ops


def describe_change(old_text: str, new_text: str) -> str:
    """What changed between two versions of a sentence, as whole words as written."""
    a, b, ops = _word_diff(old_text, new_text)
    parts = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "replace":
            parts.append(f'"{_words(a[i1:i2])}" became "{_words(b[j1:j2])}"')
        elif tag == "delete":
            parts.append(f'"{_words(a[i1:i2])}" was removed')
        else:
            parts.append(f'"{_words(b[j1:j2])}" was added')
    return "; ".join(parts) or "only spacing changed"


def _added_words(old_text: str, new_text: str) -> tuple[str, ...]:
    """The runs of words the new version has and the old one had not, as written."""
    _, b, ops = _word_diff(old_text, new_text)
    return tuple(" ".join(b[j1:j2]) for tag, _, _, j1, j2 in ops if tag != "delete")


def _words(words: list[str]) -> str:
    shown = " ".join(words[:_MAX_WORDS])
    return shown + (" …" if len(words) > _MAX_WORDS else "")


def _changed_tokens(old_text: str, new_text: str) -> tuple[set[str], set[str]]:
    """Digit strings and capitalised words that only the old / only the new version has."""
    def marks(text: str) -> set[str]:
        return {w.strip(".,;:!?()«»\"'") for w in _WORD.findall(text)
                if any(c.isdigit() for c in w) or w[:1].isupper()}
    old, new = marks(old_text), marks(new_text)
    return old - new, new - old


def _where_run(prefix: str, doc: Document, ids: Sequence[int]) -> str:
    """'source sentence 8 (line 11)' or 'source sentences 8-9 (line 11)' (prefix 'source ')."""
    noun = f"{prefix}sentence"
    if len(ids) == 1:
        return f"{noun} {doc.where(ids[0])}"
    line = doc.sentences[ids[0]].line
    return f"{noun}s {ids[0] + 1}-{ids[-1] + 1}" + (f" (line {line})" if line else "")
