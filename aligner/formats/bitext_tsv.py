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
    table = result.scored()
    if options.spreadsheet_safe:
        table = spreadsheet_safe(table)
    return table.to_csv(sep="\t", index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
