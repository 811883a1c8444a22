"""JSON: the alignment with its signature and document metadata, for programs."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..core import Alignment, MultiAlignment
from .table import frame

if TYPE_CHECKING:
    from .base import RenderOptions


def render(data: Alignment | MultiAlignment, options: "RenderOptions") -> str:
    """One pair's links, or (all editions) the merged rows."""
    if isinstance(data, MultiAlignment):
        from .multi_table import render_json

        return render_json(data)
    alignment = data
    table = frame(alignment)
    links = []
    for link, row in zip(alignment.links, table.itertuples(index=False)):
        links.append({
            "src": list(link.src), "tgt": list(link.tgt), "type": link.kind,
            "confidence": link.confidence, "similarity": link.similarity,
            "src_text": row.src_text, "tgt_text": row.tgt_text,
        })
    doc = {
        "signature": alignment.signature,
        "source": {"name": alignment.source.name, "lang": alignment.source.lang,
                   "sentences": len(alignment.source)},
        "target": {"name": alignment.target.name, "lang": alignment.target.lang,
                   "sentences": len(alignment.target)},
        "links": links,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
