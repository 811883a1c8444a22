"""Reading an already aligned bitext (``check --pairs``): CAT-tool exports, TMs, our own TSV.

Accepted: the TSV that ``aligner align`` writes (header with ``src_text`` and
``tgt_text``), or any tab-separated file of exactly two text columns without
a header. Each row is one link; an empty cell is a 1-0 or 0-1 link.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .. import langid
from ..document import Alignment, Document, Link, Sentence
from ..errors import InputError
from .text import read_text


def read_pairs(path: str | Path, src_lang: str | None, tgt_lang: str | None,
               ) -> tuple[pd.DataFrame, Alignment, list[int | None]]:
    """The rows as read (every column kept), an alignment with one link per
    non-empty row, and for each row the index of its link (None if empty)."""
    text = read_text(path)
    rows = list(csv.reader(io.StringIO(text), delimiter="\t"))
    if not rows:
        raise InputError(f"{path}: no rows")
    header = rows[0]
    if "src_text" in header and "tgt_text" in header:
        width = len(header)
        body = rows[1:]
        first_line = 2
        columns = header
    else:
        width, body, first_line, columns = 2, rows, 1, ["src_text", "tgt_text"]
    for offset, row in enumerate(body):
        if len(row) != width:
            raise InputError(f"{path}: line {first_line + offset} has {len(row)} columns, expected {width}"
                             + ("" if width != 2 else " (source and translation separated by one tab)"))
    if not body:
        raise InputError(f"{path}: no rows after the header")
    table = pd.DataFrame(body, columns=columns)
    src_col, tgt_col = table["src_text"].tolist(), table["tgt_text"].tolist()
    src_code = langid.resolve(" ".join(src_col), src_lang, f"{path} (source column)")
    tgt_code = langid.resolve(" ".join(tgt_col), tgt_lang, f"{path} (target column)")
    src_sents, tgt_sents, links, row_link = [], [], [], []
    for k, (s, t) in enumerate(zip(src_col, tgt_col)):
        line = first_line + k
        s_ids: tuple[int, ...] = ()
        t_ids: tuple[int, ...] = ()
        if s.strip():
            s_ids = (len(src_sents),)
            src_sents.append(Sentence(s.strip(), k, line))
        if t.strip():
            t_ids = (len(tgt_sents),)
            tgt_sents.append(Sentence(t.strip(), k, line))
        row_link.append(len(links) if s_ids or t_ids else None)
        if s_ids or t_ids:
            links.append(Link(s_ids, t_ids, 1.0))
    name = str(path)
    source = Document(src_code, tuple(src_sents), f"{name}#source")
    target = Document(tgt_code, tuple(tgt_sents), name)
    return table, Alignment(source, target, tuple(links), f"pairs:{name}"), row_link
