"""``check --pairs --format tsv``: the bitext as read, every row kept, with
each row's divergence score, verdict and rule ids added as columns."""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from ..core import BitextResult
from .table import spreadsheet_safe

if TYPE_CHECKING:
    from .base import RenderOptions


def render(result: BitextResult, options: "RenderOptions") -> str:
    alignment = result.check.alignments[0]
    by_link = result.check.by_link(alignment.target.name)
    rules = {k: sorted({f.rule for f in found}) for k, found in by_link.items()}
    errors = {k for k, found in by_link.items() if any(f.severity == "error" for f in found)}
    row_scores = [result.scores[k] if k is not None else float("nan") for k in result.row_link]
    table = result.table.copy()
    table["divergence_score"] = [round(float(x), 4) if x == x else "" for x in row_scores]
    # divergent: the semantic score reaches the model's threshold, or a rule found an
    # error (a changed number, a missing sentence) that the score cannot see
    table["divergent"] = [int((x == x and x >= result.threshold) or k in errors)
                          for x, k in zip(row_scores, result.row_link)]
    table["findings"] = [";".join(rules.get(k, [])) if k is not None else "" for k in result.row_link]
    if options.spreadsheet_safe:
        table = spreadsheet_safe(table)
    return table.to_csv(sep="\t", index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
