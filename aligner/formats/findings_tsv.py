"""Findings as a table (pandas), one row per finding."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

import pandas as pd

from ..core import CheckResult
from ..core.serial import finding_dict
from .table import spreadsheet_safe

if TYPE_CHECKING:
    from .base import RenderOptions

COLUMNS = ["target", "rule", "severity", "src_ids", "tgt_ids", "src_text", "tgt_text", "score",
           "message", "witnesses", "file", "line", "baseline", "fingerprint"]


def render(result: CheckResult, options: "RenderOptions") -> str:
    rows = []
    for f in result.findings:
        row = finding_dict(result, f)
        row["src_ids"] = ",".join(map(str, f.src_ids))
        row["tgt_ids"] = ",".join(map(str, f.tgt_ids))
        rows.append(row)
    table = pd.DataFrame(rows, columns=COLUMNS)
    if options.spreadsheet_safe:
        table = spreadsheet_safe(table)
    return table.to_csv(sep="\t", index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
