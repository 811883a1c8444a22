"""A ``check --format json`` result read back (``aligner report check.json``).

The JSON holds the documents, the alignments and the findings, so the review
page can be rebuilt later (in another CI step) without aligning again.
"""

from __future__ import annotations

import json

from ..core import SEVERITIES, CheckResult
from ..core.serial import alignments_of, documents_of, finding_of
from ..errors import InputError


def load(text: str, name: str = "check output") -> CheckResult:
    """Rebuild a CheckResult from this format (for ``aligner report check.json``)."""
    try:
        doc = json.loads(text)
        docs = documents_of(doc["documents"])
        source = docs[doc["source"]["name"]]
        alignments = alignments_of(doc["alignments"], source, docs)
        by_target = {a.target.name: a for a in alignments}
        findings = tuple(finding_of(f, by_target) for f in doc["findings"])
        result = CheckResult(source, alignments, findings, doc.get("signature", ""),
                             doc.get("fail_on", "error"), tuple(doc.get("stale_baseline", [])))
        _validate(result)
        return result
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{name}: not an 'aligner check --format json' output ({type(exc).__name__}: {exc})") from None


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
