"""Drift over time: which translation sentences went stale after the source changed.

The earlier source and the current one are compared sentence by sentence:
identical sentences are found exactly (a diff of the sentence lists), and only
where text changed are the two sides aligned with embeddings, to tell an
edited sentence from one removed and another added. Each translation is then
looked at where its source changed:

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

Translations edited together with their source are not reported, and nothing
is said about differences that predate the earlier revision (``check`` and its
baseline are for those).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..core import Alignment, Document, EarlierEditions, Finding, Link
from ..rules.base import size_severity

_WORD = re.compile(r"\S+")
#: Longest quoted change, in words (the rest is shown as "…").
_MAX_WORDS = 12


@dataclass(frozen=True)
class SourceChange:
    """One unit of the source's change: ``kind`` is unchanged, edited, added,
    removed or moved; ``old`` and ``new`` are sentence ids in each version."""

    kind: str
    old: tuple[int, ...]
    new: tuple[int, ...]


def _norm(text: str) -> str:
    return " ".join(text.split())


Aligner = Callable[[Document, Document], Sequence[Link]]


def source_changes(old: Document, new: Document, align: Aligner) -> list[SourceChange]:
    """How the source changed, sentence by sentence.

    A diff of the sentence lists finds every unchanged sentence exactly; each
    run that differs is aligned (``align``, the embedding aligner) so that an
    edited sentence is paired with its earlier version. A removed sentence
    whose text reappears elsewhere is a move.
    """
    a, b = [_norm(t) for t in old.texts], [_norm(t) for t in new.texts]
    out: list[SourceChange] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            out += [SourceChange("unchanged", (i,), (j,)) for i, j in zip(range(i1, i2), range(j1, j2))]
        elif tag == "delete":
            out += [SourceChange("removed", (i,), ()) for i in range(i1, i2)]
        elif tag == "insert":
            out += [SourceChange("added", (), (j,)) for j in range(j1, j2)]
        elif i2 - i1 == 1 and j2 - j1 == 1:
            out.append(SourceChange("edited", (i1,), (j1,)))
        else:
            sub_old = Document.from_sentences(old.texts[i1:i2], old.lang, old.name)
            sub_new = Document.from_sentences(new.texts[j1:j2], new.lang, new.name)
            for link in align(sub_old, sub_new):
                o, n = tuple(i1 + i for i in link.src), tuple(j1 + j for j in link.tgt)
                kind = "edited" if o and n else ("removed" if o else "added")
                out.append(SourceChange(kind, o, n))
    return _moves(out, a, b)


def _moves(changes: list[SourceChange], a: list[str], b: list[str]) -> list[SourceChange]:
    added = {b[c.new[0]]: k for k, c in enumerate(changes) if c.kind == "added"}
    out = list(changes)
    for k, c in enumerate(changes):
        if c.kind == "removed" and a[c.old[0]] in added:
            j = added.pop(a[c.old[0]])
            out[k] = SourceChange("moved", c.old, changes[j].new)
            out[j] = SourceChange("moved", c.old, changes[j].new)
    seen, unique = set(), []
    for c in out:
        if c not in seen or c.kind != "moved":
            unique.append(c)
            seen.add(c)
    return unique


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


@dataclass(frozen=True)
class DriftInput:
    """Everything drift needs for one translation."""

    old_source: Document
    new_source: Document
    target: Document
    new_alignment: Alignment          # current source <-> translation
    old_alignment: Alignment          # earlier source <-> translation
    target_before: Document | None    # the translation at the earlier revision, if known
    since: str                        # how the earlier revision is named in messages


def drift_findings(changes: Sequence[SourceChange], d: DriftInput,
                   similarity: Callable[[str, str], float]) -> list[Finding]:
    """Findings of one translation (see the module docstring)."""
    before = {_norm(t) for t in d.target_before.texts} if d.target_before is not None else None
    tgt = d.target.texts
    removed = {i for c in changes if c.kind == "removed" for i in c.old}
    out: list[Finding] = []

    def finding(rule, severity, src_ids, tgt_ids, message, evidence=()):
        src_text = " ".join(d.new_source.texts[i] for i in src_ids)
        tgt_text = " ".join(tgt[j] for j in tgt_ids)
        out.append(Finding(rule, severity, d.new_source.name, d.target.name, tuple(src_ids), tuple(tgt_ids),
                           src_text, tgt_text, 1.0 if severity == "error" else 0.7, message,
                           links=d.new_alignment.links_touching(src_ids, tgt_ids),
                           evidence=tuple(evidence)))

    for change in changes:
        if change.kind == "edited":
            linked = d.new_alignment.linked_targets(change.new)
            if not linked:
                continue  # no translation at all: an omission, check's business
            old_text = " ".join(d.old_source.texts[i] for i in change.old)
            new_text = " ".join(d.new_source.texts[j] for j in change.new)
            tgt_text = " ".join(tgt[j] for j in linked)
            gone, came = _changed_tokens(old_text, new_text)
            if before is not None:
                stale = all(_norm(tgt[j]) in before for j in linked)
            else:
                keeps_old = any(t in tgt_text for t in gone)
                has_new = any(t in tgt_text for t in came)
                stale = keeps_old and not has_new if (gone or came) and (keeps_old or has_new) \
                    else similarity(tgt_text, old_text) > similarity(tgt_text, new_text)
            if stale:
                severity = "error" if any(any(c.isdigit() for c in t) for t in gone | came) else "warning"
                finding("stale", severity, change.new, linked,
                        f"source sentence {d.new_source.where(change.new[0])} changed since {d.since}: "
                        f"{describe_change(old_text, new_text)}; translation sentence "
                        f"{d.target.where(linked[0])} was not updated", _added_words(old_text, new_text))
        elif change.kind == "added":
            holding = [link for link in d.new_alignment.links if set(change.new) & set(link.src)]
            own = [j for link in holding if set(link.src) <= set(change.new) for j in link.tgt]
            fresh = [j for j in own if before is None or _norm(tgt[j]) not in before]
            if not fresh:
                new_text = " ".join(d.new_source.texts[j] for j in change.new)
                finding("untranslated-addition", size_severity(new_text), change.new, tuple(own),
                        f"source sentence {d.new_source.where(change.new[0])} was added since {d.since} "
                        "and has no translation of its own")
        elif change.kind == "removed":
            for j in d.old_alignment.linked_targets(change.old):
                # it translated only removed sentences (however the current source is aligned to it)
                sources = {i for link in d.old_alignment.links if j in link.tgt for i in link.src}
                if sources <= removed:
                    old_text = " ".join(d.old_source.texts[i] for i in change.old)
                    finding("orphan", "warning", (), (j,),
                            f"translation sentence {d.target.where(j)} translates a source sentence "
                            f"removed since {d.since}: \"{_words(_WORD.findall(old_text))}\"")
    for old_ids, new_ids in moved_runs(changes):
        held = d.old_alignment.linked_targets(old_ids)     # where the translation had them
        if not held:
            continue  # never translated: nothing to move
        here = d.new_alignment.linked_targets(new_ids)     # what the translation has at the new place
        moved_text = " ".join(d.new_source.texts[j] for j in new_ids)
        if here and (set(here) & set(held) or similarity(" ".join(tgt[j] for j in here), moved_text)
                     >= similarity(" ".join(tgt[j] for j in held), moved_text)):
            continue  # the translation moved them too
        finding("not-moved", "warning", new_ids, held,
                f"{_where_run('source ', d.new_source, new_ids)} moved since {d.since} (from "
                f"{_where_run('', d.old_source, old_ids)}); the translation still has "
                f"{'them' if len(new_ids) > 1 else 'it'} at the earlier place: "
                f"{_where_run('translation ', d.target, held)}")
    return out


def _where_run(prefix: str, doc: Document, ids: Sequence[int]) -> str:
    """'source sentence 8 (line 11)' or 'source sentences 8-9 (line 11)' (prefix 'source ')."""
    noun = f"{prefix}sentence"
    if len(ids) == 1:
        return f"{noun} {doc.where(ids[0])}"
    line = doc.sentences[ids[0]].line
    return f"{noun}s {ids[0] + 1}-{ids[-1] + 1}" + (f" (line {line})" if line else "")


def moved_runs(changes: Sequence[SourceChange]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Moved sentences grouped into runs that moved together (consecutive before
    and after), as (earlier ids, current ids): a moved paragraph is one finding,
    not one per sentence."""
    pairs = sorted({(c.old[0], c.new[0]) for c in changes if c.kind == "moved"}, key=lambda p: p[1])
    runs: list[tuple[list[int], list[int]]] = []
    for o, n in pairs:
        if runs and runs[-1][0][-1] + 1 == o and runs[-1][1][-1] + 1 == n:
            runs[-1][0].append(o)
            runs[-1][1].append(n)
        else:
            runs.append(([o], [n]))
    return [(tuple(o), tuple(n)) for o, n in runs]


def drift_check(earlier: EarlierEditions, alignments: Sequence[Alignment],
                align: Callable[[Document, Document], Alignment],
                similarity: Callable[[str, str], float]) -> list[Finding]:
    """Findings of every translation of the current source (``alignments``):
    how the source changed since ``earlier``, and each translation aligned to
    the earlier source too (``align``), to see where it stood before."""
    if not alignments:
        return []
    changes = source_changes(earlier.source, alignments[0].source, lambda a, b: align(a, b).links)
    findings: list[Finding] = []
    for new_alignment, before in zip(alignments, earlier.targets):
        target = new_alignment.target
        findings += drift_findings(changes, DriftInput(earlier.source, new_alignment.source, target, new_alignment,
                                                       align(earlier.source, target), before, earlier.label),
                                   similarity)
    return findings


def cosine(encoder) -> Callable[[str, str], float]:
    """Similarity of two texts with the encoder (cached per text)."""
    def sim(x: str, y: str) -> float:
        a, b = encoder.encode([x, y])
        return float(np.dot(a, b))
    return sim
