"""Machine-readable findings: what CI jobs and the review page read."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..core import CheckResult
from ..core.serial import alignments_list, documents_dict, finding_dict

if TYPE_CHECKING:
    from .base import RenderOptions


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
