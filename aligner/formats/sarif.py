"""SARIF 2.1.0 for code-scanning dashboards.

Rule ids are stable and every result carries a content-based fingerprint
(``partialFingerprints``), so re-running on an edited document does not
duplicate alerts.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING
from urllib.parse import quote

from ..core import CheckResult, evidence_spans
from ..version import __version__
from .base import markdown_evidence

if TYPE_CHECKING:
    from .base import RenderOptions

_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def render(result: CheckResult, options: "RenderOptions") -> str:
    # the rule catalogue comes from the caller (this writer needs "rules"); a rule
    # it does not describe (a finding made by hand) is listed under its id
    rules = {**options.rules, **{f.rule: f.rule for f in result.active if f.rule not in options.rules}}
    ids = list(rules)
    results = []
    for f in result.active:
        path, line = result.line_of(f)
        results.append({
            "ruleId": f.rule,
            "ruleIndex": ids.index(f.rule),
            "level": _LEVEL[f.severity],
            "message": {"text": f.message + (f" ({f.witnesses})" if f.witnesses else ""),
                        "markdown": markdown_evidence(f.message, f.evidence)
                        + (f" ({f.witnesses})" if f.witnesses else "")},
            "locations": [{"physicalLocation": {
                "artifactLocation": {"uri": quote(path)},  # a URI: '#', '%', spaces escaped
                "region": {"startLine": line},
            }}],
            "partialFingerprints": {"alignerFinding/v1": f.fingerprint},
            "properties": {"score": f.score, "source": f.source, "target": f.target,
                           "sourceText": f.src_text, "targetText": f.tgt_text,
                           "evidence": evidence_spans(f)},
        })
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "aligner", "version": __version__,
                "rules": [{"id": rid, "name": rid, "shortDescription": {"text": text}}
                          for rid, text in rules.items()],
            }},
            "results": results,
            "properties": {"signature": result.signature},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"
