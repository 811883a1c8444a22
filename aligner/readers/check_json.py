"""A ``check --format json`` result read back (``aligner report check.json``).

The JSON holds the documents, the alignments and the findings, so the review
page can be rebuilt later (in another CI step) without aligning again.
"""

from __future__ import annotations

import json

from ..diverge.result import CheckResult
from ..document import Alignment, Document, Link, Sentence
from ..errors import InputError
from ..rules import SEVERITIES, Finding, link_indices


def load(text: str, name: str = "check output") -> CheckResult:
    """Rebuild a CheckResult from this format (for ``aligner report check.json``)."""
    try:
        doc = json.loads(text)
        docs = documents(doc["documents"])
        source = docs[doc["source"]["name"]]
        alignments = alignments_of(doc["alignments"], source, docs)
        links_of = {a.target.name: a.links for a in alignments}
        findings = tuple(
            Finding(f["rule"], f["severity"], f["source"], f["target"], tuple(f["src_ids"]),
                    tuple(f["tgt_ids"]), f["src_text"], f["tgt_text"], f["score"], f["message"],
                    f.get("witnesses", ""), f.get("baseline", False),
                    links=link_indices(links_of[f["target"]], tuple(f["src_ids"]), tuple(f["tgt_ids"])),
                    evidence=tuple(str(e) for e in f.get("evidence", [])))
            for f in doc["findings"])
        result = CheckResult(source, alignments, findings, doc.get("signature", ""),
                             doc.get("fail_on", "error"), tuple(doc.get("stale_baseline", [])))
        _validate(result)
        return result
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{name}: not an 'aligner check --format json' output ({type(exc).__name__}: {exc})") from None


def documents(data: dict) -> dict[str, Document]:
    """The documents of a JSON result by name (shared with the review file)."""
    return {n: Document(d["lang"], tuple(Sentence(str(x["text"]), int(x["paragraph"]), int(x["line"]))
                                         for x in d["sentences"]), n)
            for n, d in data.items()}


def alignments_of(data: list, source: Document, docs: dict[str, Document]) -> tuple[Alignment, ...]:
    """The alignments of a JSON result (shared with the review file)."""
    return tuple(
        Alignment(source, docs[a["target"]],
                  tuple(Link(tuple(int(i) for i in k["src"]), tuple(int(j) for j in k["tgt"]),
                             float(k["confidence"]), k.get("similarity"))
                        for k in a["links"]), a.get("signature", ""))
        for a in data)


def _validate(result: CheckResult) -> None:
    """Refuse a hand-edited result whose pieces do not fit together (ValueError
    becomes the InputError of :func:`load`)."""
    if result.fail_on not in SEVERITIES:
        raise ValueError(f"fail_on '{result.fail_on}' is not one of {', '.join(SEVERITIES)}")
    for a in result.alignments:
        for link in a.links:
            if any(not 0 <= i < len(a.source) for i in link.src) or any(not 0 <= j < len(a.target) for j in link.tgt):
                raise ValueError(f"a link of {a.target.name} names a sentence the document does not have")
    docs = result.documents
    for f in result.findings:
        if f.severity not in SEVERITIES:
            raise ValueError(f"severity '{f.severity}' is not one of {', '.join(SEVERITIES)}")
        if f.source not in docs or f.target not in docs:
            raise ValueError(f"a finding names an edition the file does not hold ({f.target})")
        if any(not 0 <= i < len(docs[f.source]) for i in f.src_ids) or \
                any(not 0 <= j < len(docs[f.target]) for j in f.tgt_ids):
            raise ValueError(f"a {f.rule} finding names a sentence its document does not have")


def read_check(path) -> CheckResult:
    """A ``check --format json`` file from disk."""
    from .text import read_text

    return load(read_text(path, max_line=None), str(path))
