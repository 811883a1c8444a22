"""Every edition in one table: one row per source sentence group, columns per language."""

from __future__ import annotations

import json

import pandas as pd

from ..core import MultiAlignment
from .table import with_text_ids


def frame(multi: MultiAlignment) -> pd.DataFrame:
    src = multi.source.texts
    rows = []
    for row in multi.rows:
        out = {"src_ids": list(row.src_ids), multi.source.lang: " ".join(src[i] for i in row.src_ids)}
        for alignment, cell in zip(multi.alignments, row.cells):
            lang, texts = alignment.target.lang, alignment.target.texts
            out[f"{lang}_ids"] = list(cell.ids)
            out[lang] = " ".join(texts[j] for j in cell.ids)
            out[f"{lang}_type"] = "+".join(cell.kinds)
            out[f"{lang}_confidence"] = cell.confidence
        rows.append(out)
    columns = ["src_ids", multi.source.lang] + [
        c for a in multi.alignments for c in (f"{a.target.lang}_ids", a.target.lang,
                                              f"{a.target.lang}_type", f"{a.target.lang}_confidence")]
    return pd.DataFrame(rows, columns=columns)


def render_json(multi: MultiAlignment) -> str:
    table = frame(multi)
    doc = {
        "source": {"name": multi.source.name, "lang": multi.source.lang},
        "editions": [{"name": a.target.name, "lang": a.target.lang, "signature": a.signature}
                     for a in multi.alignments],
        "rows": json.loads(with_text_ids(table).to_json(orient="records", force_ascii=False)),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
