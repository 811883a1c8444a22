"""Baselines: accept known findings so that CI fails only on new drift.

A baseline is a JSON file of finding fingerprints (content-based, so they
survive sentences being renumbered). Entries that match no current finding
are stale: the difference was fixed, or the text around it changed, and the
entry should be removed. Reading a baseline file is
:mod:`aligner.readers.baseline`'s job.
"""

from __future__ import annotations

import json
from dataclasses import replace

from ..core import CheckResult, Finding
from ..core.serial import BASELINE_FORMAT as FORMAT


def render_baseline(findings: list[Finding]) -> str:
    entries = sorted(({"fingerprint": f.fingerprint, "rule": f.rule, "target": f.target,
                       "message": f.message} for f in findings), key=lambda e: (e["target"], e["fingerprint"]))
    return json.dumps({"format": FORMAT, "findings": entries}, ensure_ascii=False, indent=1) + "\n"


def apply_baseline(findings: list[Finding], entries: list[dict]) -> tuple[list[Finding], list[dict]]:
    """Mark findings the baseline accepts; return them and the stale entries."""
    known = {e["fingerprint"] for e in entries}
    current = {f.fingerprint for f in findings}
    marked = [f.with_(baseline=True) if f.fingerprint in known else f for f in findings]
    stale = [e for e in entries if e["fingerprint"] not in current]
    return marked, stale


def rebaseline(result: CheckResult, entries: list[dict]) -> CheckResult:
    """A result with the findings the baseline ``entries`` accept marked, in place of any earlier marks."""
    findings, stale = apply_baseline([f.with_(baseline=False) for f in result.findings], entries)
    return replace(result, findings=tuple(findings), stale=tuple(stale))


def baseline_text(result: CheckResult) -> str:
    """A check's findings as a baseline file (``check --write-baseline``)."""
    return render_baseline(list(result.findings))
