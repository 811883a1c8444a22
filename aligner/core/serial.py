"""The one JSON shape of results: what writers write and readers read back.

``check --format json`` and the review page embed documents, alignments and
findings; ``aligner report check.json`` and ``--from-review`` rebuild them.
Both directions live here, side by side, so that a field added on one side
cannot be forgotten on the other.
"""

from __future__ import annotations

from typing import Iterable

from .document import Alignment, Document, Link, Sentence
from .findings import Finding, evidence_spans
from .results import CheckResult

#: The file the review page exports with the links a reviewer corrected.
REVIEW_FORMAT = "aligner-review/1"
#: Baseline files (``check --write-baseline``): accepted finding fingerprints.
BASELINE_FORMAT = "aligner-baseline/1"


def finding_dict(result: CheckResult, f: Finding) -> dict:
    """One finding as the JSON report has it, with the file and line it points at."""
    path, line = result.line_of(f)
    return {
        "rule": f.rule, "severity": f.severity, "source": f.source, "target": f.target,
        "src_ids": list(f.src_ids), "tgt_ids": list(f.tgt_ids),
        "src_text": f.src_text, "tgt_text": f.tgt_text, "score": f.score,
        "message": f.message, "witnesses": f.witnesses, "fingerprint": f.fingerprint,
        "baseline": f.baseline, "file": path, "line": line, "evidence": list(f.evidence),
        "evidence_spans": evidence_spans(f),
    }


def finding_of(data: dict, alignments: dict[str, Alignment]) -> Finding:
    """A finding read back from :func:`finding_dict`'s shape (its links found
    in the alignment of its edition)."""
    src_ids, tgt_ids = tuple(data["src_ids"]), tuple(data["tgt_ids"])
    return Finding(data["rule"], data["severity"], data["source"], data["target"], src_ids, tgt_ids,
                   data["src_text"], data["tgt_text"], data["score"], data["message"],
                   data.get("witnesses", ""), data.get("baseline", False),
                   links=alignments[data["target"]].links_touching(src_ids, tgt_ids),
                   evidence=tuple(str(e) for e in data.get("evidence", [])))


def documents_dict(documents: Iterable[Document]) -> dict:
    """Documents with their sentences, by name (also embedded in the review page)."""
    return {doc.name: {"lang": doc.lang, "sentences": [
        {"text": x.text, "paragraph": x.paragraph, "line": x.line} for x in doc.sentences]}
        for doc in documents}


def documents_of(data: dict) -> dict[str, Document]:
    """The documents of :func:`documents_dict`'s shape, by name."""
    return {n: Document(d["lang"], tuple(Sentence(str(x["text"]), int(x["paragraph"]), int(x["line"]))
                                         for x in d["sentences"]), n)
            for n, d in data.items()}


def alignments_list(alignments: Iterable[Alignment]) -> list:
    """Each translation's links (also embedded in the review page)."""
    return [{"target": a.target.name, "signature": a.signature, "links": [
        {"src": list(link.src), "tgt": list(link.tgt), "confidence": link.confidence,
         "similarity": link.similarity} for link in a.links]} for a in alignments]


def alignments_of(data: list, source: Document, docs: dict[str, Document]) -> tuple[Alignment, ...]:
    """The alignments of :func:`alignments_list`'s shape."""
    return tuple(
        Alignment(source, docs[a["target"]],
                  tuple(Link(tuple(int(i) for i in k["src"]), tuple(int(j) for j in k["tgt"]),
                             float(k["confidence"]), k.get("similarity"))
                        for k in a["links"]), a.get("signature", ""))
        for a in data)
