"""Aligned TSV: what translators open in a spreadsheet. Written through pandas."""

from __future__ import annotations

import csv

from ..document import Alignment
from .table import frame


def render(alignment: Alignment) -> str:
    """Header row plus one row per link; tabs/newlines inside text are escaped by quoting."""
    return frame(alignment).to_csv(sep="\t", index=False, lineterminator="\n",
                                   quoting=csv.QUOTE_MINIMAL, float_format="%.4f")
