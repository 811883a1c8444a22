"""JSON: the alignment with its signature and document metadata, for programs."""

from __future__ import annotations

import json

from ..document import Alignment
from .table import frame


def render(alignment: Alignment) -> str:
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
