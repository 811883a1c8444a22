"""Aligned TSV: what translators open in a spreadsheet. Written through pandas."""

from __future__ import annotations

import csv

import pandas as pd

from ..document import Alignment
from .table import frame, spreadsheet_safe


def render_frame(table: pd.DataFrame, safe: bool = False) -> str:
    """A table as TSV; with ``safe``, formula-like cells are neutralised."""
    if safe:
        table = spreadsheet_safe(table)
    return table.to_csv(sep="\t", index=False, lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL, float_format="%.4f")


def render(alignment: Alignment, safe: bool = False) -> str:
    """Header row plus one row per link; tabs/newlines inside text are escaped by quoting."""
    return render_frame(frame(alignment), safe)
