"""A ``check --format json`` result read back (``aligner report check.json``).

The JSON holds the documents, the alignments and the findings, so the review
page can be rebuilt later (in another CI step) without aligning again.
"""

from __future__ import annotations

import json

from ..diverge.result import CheckResult
from ..document import Alignment, Document, Link, Sentence
from ..errors import InputError
from ..rules import Finding, link_indices


def load(text: str, name: str = "check output") -> CheckResult:
    """Rebuild a CheckResult from this format (for ``aligner report check.json``)."""
    try:
        doc = json.loads(text)
        docs = {n: Document(d["lang"], tuple(Sentence(x["text"], x["paragraph"], x["line"])
                                              for x in d["sentences"]), n)
                for n, d in doc["documents"].items()}
        source = docs[doc["source"]["name"]]
        alignments = tuple(
            Alignment(source, docs[a["target"]],
                      tuple(Link(tuple(k["src"]), tuple(k["tgt"]), k["confidence"], k.get("similarity"))
                            for k in a["links"]), a.get("signature", ""))
            for a in doc["alignments"])
        links_of = {a.target.name: a.links for a in alignments}
        findings = tuple(
            Finding(f["rule"], f["severity"], f["source"], f["target"], tuple(f["src_ids"]),
                    tuple(f["tgt_ids"]), f["src_text"], f["tgt_text"], f["score"], f["message"],
                    f.get("witnesses", ""), f.get("baseline", False),
                    links=link_indices(links_of[f["target"]], tuple(f["src_ids"]), tuple(f["tgt_ids"])))
            for f in doc["findings"])
        return CheckResult(source, alignments, findings, doc.get("signature", ""),
                           doc.get("fail_on", "error"), tuple(doc.get("stale_baseline", [])))
    except (ValueError, KeyError, TypeError, IndexError) as exc:
        raise InputError(f"{name}: not an 'aligner check --format json' output ({type(exc).__name__}: {exc})") from None


def read_check(path) -> CheckResult:
    """A ``check --format json`` file from disk."""
    from .text import read_text

    return load(read_text(path), str(path))
