"""Machine-readable findings: what CI jobs and the review page read."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Iterable

from ..diverge.result import CheckResult
from ..document import Alignment, Document
from .base import evidence_spans

if TYPE_CHECKING:
    from .base import RenderOptions


def finding_dict(result: CheckResult, f) -> dict:
    path, line = result.line_of(f)
    return {
        "rule": f.rule, "severity": f.severity, "source": f.source, "target": f.target,
        "src_ids": list(f.src_ids), "tgt_ids": list(f.tgt_ids),
        "src_text": f.src_text, "tgt_text": f.tgt_text, "score": f.score,
        "message": f.message, "witnesses": f.witnesses, "fingerprint": f.fingerprint,
        "baseline": f.baseline, "file": path, "line": line, "evidence": list(f.evidence),
        "evidence_spans": evidence_spans(f),
    }


def render(result: CheckResult, options: "RenderOptions") -> str:
    doc = {
        "signature": result.signature,
        "source": {"name": result.source.name, "lang": result.source.lang},
        "editions": [{"name": a.target.name, "lang": a.target.lang, "links": len(a.links),
                      "findings": sum(1 for f in result.active if f.target == a.target.name)}
                     for a in result.alignments],
        "fail_on": result.fail_on,
        "failed": bool(result.failing),
        "findings": [finding_dict(result, f) for f in result.findings],
        "stale_baseline": list(result.stale),
        # enough to rebuild the review page later (aligner report check.json)
        "documents": documents_dict(result.documents.values()),
        "alignments": alignments_list(result.alignments),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def documents_dict(documents: Iterable[Document]) -> dict:
    """Documents with their sentences, by name (also embedded in the review page)."""
    return {doc.name: {"lang": doc.lang, "sentences": [
        {"text": x.text, "paragraph": x.paragraph, "line": x.line} for x in doc.sentences]}
        for doc in documents}


def alignments_list(alignments: Iterable[Alignment]) -> list:
    """Each translation's links (also embedded in the review page)."""
    return [{"target": a.target.name, "signature": a.signature, "links": [
        {"src": list(link.src), "tgt": list(link.tgt), "confidence": link.confidence,
         "similarity": link.similarity} for link in a.links]} for a in alignments]
