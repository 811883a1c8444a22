"""Findings reports, one module per format, each a pure ``render(result) -> str``."""

from __future__ import annotations

from typing import Callable

from ..diverge.result import CheckResult
from . import github, json_report, junit, sarif, text, tsv

REPORTS: dict[str, Callable[[CheckResult], str]] = {
    "text": text.render,
    "json": json_report.render,
    "tsv": tsv.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}
