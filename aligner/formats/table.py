"""The alignment as a table: one row per link, stable column names."""

from __future__ import annotations

import pandas as pd

from ..core import Alignment

COLUMNS = ["src_ids", "tgt_ids", "src_text", "tgt_text", "type", "confidence", "similarity"]


def ids(values) -> str:
    """0-based sentence ids joined by commas ('' for none), as in the gold bead files."""
    return ",".join(str(v) for v in values)


def with_text_ids(table: pd.DataFrame) -> pd.DataFrame:
    """The table as files have it (TSV, JSON rows): every ``*_ids`` column's lists
    of sentence numbers joined by commas."""
    return table.assign(**{c: table[c].map(ids) for c in table.columns if c.endswith("_ids")})


def frame(alignment: Alignment) -> pd.DataFrame:
    """One row per link: sentence ids (lists of 0-based ints), texts (sentences
    joined by a space), link type, scores."""
    src, tgt = alignment.source.texts, alignment.target.texts
    rows = [{
        "src_ids": list(link.src),
        "tgt_ids": list(link.tgt),
        "src_text": " ".join(src[i] for i in link.src),
        "tgt_text": " ".join(tgt[j] for j in link.tgt),
        "type": link.kind,
        "confidence": link.confidence,
        "similarity": link.similarity,
    } for link in alignment.links]
    return pd.DataFrame(rows, columns=COLUMNS)


#: Cell starts that spreadsheets run as formulas (and the control characters
#: OWASP lists for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    def neutral(value):
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            return "'" + value
        return value
    return table.map(neutral)
