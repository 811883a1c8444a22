"""Aligned TSV: what translators open in a spreadsheet. Written through pandas.

One row per link for SOURCE TARGET; for all editions, one row per source
sentence group with columns per language (:mod:`.multi_table`).
"""

from __future__ import annotations

import csv
from typing import TYPE_CHECKING

from ..core import Alignment, MultiAlignment
from .table import frame, spreadsheet_safe, with_text_ids

if TYPE_CHECKING:
    import pandas as pd

    from .base import RenderOptions


def render_frame(table: "pd.DataFrame", safe: bool = False) -> str:
    """A table as TSV; with ``safe``, formula-like cells are neutralised."""
    table = with_text_ids(table)
    if safe:
        table = spreadsheet_safe(table)
    return table.to_csv(sep="\t", index=False, lineterminator="\n",
                        quoting=csv.QUOTE_MINIMAL, float_format="%.4f")


def render(data: Alignment | MultiAlignment, options: "RenderOptions") -> str:
    """Header row plus one row per link (or group); tabs/newlines inside text are escaped by quoting."""
    if isinstance(data, MultiAlignment):
        from .multi_table import frame as multi_frame

        return render_frame(multi_frame(data), options.spreadsheet_safe)
    return render_frame(frame(data), options.spreadsheet_safe)
