"""The alignment as a table: one row per link, stable column names."""

from __future__ import annotations

import pandas as pd

from ..document import Alignment

COLUMNS = ["src_ids", "tgt_ids", "src_text", "tgt_text", "type", "confidence", "similarity"]


def ids(values: tuple[int, ...]) -> str:
    """0-based sentence ids joined by commas ('' for none), as in the gold bead files."""
    return ",".join(str(v) for v in values)


def frame(alignment: Alignment) -> pd.DataFrame:
    """One row per link: ids, texts (sentences joined by a space), link type, scores."""
    src, tgt = alignment.source.texts, alignment.target.texts
    rows = [{
        "src_ids": ids(link.src),
        "tgt_ids": ids(link.tgt),
        "src_text": " ".join(src[i] for i in link.src),
        "tgt_text": " ".join(tgt[j] for j in link.tgt),
        "type": link.kind,
        "confidence": link.confidence,
        "similarity": link.similarity,
    } for link in alignment.links]
    return pd.DataFrame(rows, columns=COLUMNS)
