"""Reading an already aligned bitext (``check --pairs``): CAT-tool exports, TMs, our own TSV.

Accepted: XLIFF 1.2/2.x and TMX files (:mod:`.exchange`), the TSV that ``aligner align`` writes (header with ``src_text`` and
``tgt_text``, cells quoted where needed), or any tab-separated file of exactly
two text columns without a header and without quoting (as CAT tools and
tokenised corpora have it: a cell may begin with a quotation mark). Each row
is one link; an empty cell is a 1-0 or 0-1 link. Rows in = rows out, or a
clear error naming the line.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from .. import langid
from ..core import BITEXT_SOURCE, Alignment, Document, Link, Sentence
from ..errors import InputError
from .text import read_text


def _plain(lines: list[str], path) -> tuple[list[list[str]], list[int]]:
    """A headerless bitext as CAT tools export it: one row per line, one tab,
    no quoting (a cell may start with a quotation mark), so rows in = rows out."""
    if lines and lines[-1] == "":
        lines = lines[:-1]
    body, numbers = [], []
    for number, line in enumerate(lines, 1):
        cells = line.rstrip("\r").split("\t")
        if len(cells) != 2:
            raise InputError(f"{path}: line {number} has {len(cells)} columns, expected 2 "
                             "(source and translation separated by one tab)")
        body.append(cells)
        numbers.append(number)
    return body, numbers


def _quoted(text: str, path) -> tuple[list[str], list[list[str]], list[int]]:
    """The TSV ``aligner align`` writes: a header, cells quoted where they hold a
    tab, a newline or a quotation mark (so a quoted cell may span lines)."""
    reader = csv.reader(io.StringIO(text), delimiter="\t")
    header = next(reader)
    if len(set(header)) != len(header):
        twice = sorted({c for c in header if header.count(c) > 1})
        raise InputError(f"{path}: line 1 names the column(s) {', '.join(twice)} twice")
    body, numbers = [], []
    start = reader.line_num + 1
    try:
        for row in reader:
            if len(row) != len(header):
                raise InputError(f"{path}: line {start} has {len(row)} columns, expected {len(header)}")
            body.append(row)
            numbers.append(start)
            start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(f"{path}: line {start}: {exc}") from None
    return header, body, numbers


def read_pairs(path: "str | Path | pd.DataFrame", src_lang: str | None, tgt_lang: str | None,
               ) -> tuple[pd.DataFrame, Alignment, list[int | None]]:
    """The rows as read (every column kept), an alignment with one link per
    non-empty row, and for each row the index of its link (None if empty);
    a table already in memory is read by :func:`frame_pairs`."""
    from .exchange import SUFFIXES, read_exchange

    if not isinstance(path, (str, Path)):
        return frame_pairs(path, src_lang, tgt_lang)

    if Path(path).suffix.lower() in SUFFIXES:  # XLIFF or TMX from a CAT tool
        columns, body, numbers, declared_src, declared_tgt = read_exchange(path, tgt_lang)
        src_lang, tgt_lang = src_lang or declared_src, tgt_lang or declared_tgt
    else:
        text = read_text(path, max_line=None)
        lines = text.split("\n")
        header = lines[0].rstrip("\r").split("\t")
        if "src_text" in header and "tgt_text" in header:
            columns, body, numbers = _quoted(text, path)
        else:
            columns, body, numbers = ["src_text", "tgt_text"], *_plain(lines, path)
    if not body:
        raise InputError(f"{path}: no rows" + (" after the header" if columns != ["src_text", "tgt_text"] else ""))
    table = pd.DataFrame(body, columns=columns)
    return (table, *_alignment(table, numbers, src_lang, tgt_lang, str(path)))


def frame_pairs(table: pd.DataFrame, src_lang: str | None, tgt_lang: str | None, name: str = "pairs",
                ) -> tuple[pd.DataFrame, Alignment, list[int | None]]:
    """:func:`read_pairs` for a table already in memory (a DataFrame with the
    columns ``src_text`` and ``tgt_text``; rows are numbered from 1)."""
    if not isinstance(table, pd.DataFrame):
        raise InputError(f"{name}: expected a path or a pandas DataFrame, got {type(table).__name__}")
    missing = [c for c in ("src_text", "tgt_text") if c not in table.columns]
    if missing:
        raise InputError(f"{name}: the table needs the columns src_text and tgt_text (missing {', '.join(missing)})")
    if table.empty:
        raise InputError(f"{name}: no rows")
    table = table.reset_index(drop=True)
    cells = table[["src_text", "tgt_text"]]
    if not all(isinstance(v, str) for v in cells.to_numpy().ravel()):
        raise InputError(f"{name}: every src_text and tgt_text cell must be a string (an empty one for none)")
    return (table, *_alignment(table, list(range(1, len(table) + 1)), src_lang, tgt_lang, name))


def _alignment(table: pd.DataFrame, numbers: list[int], src_lang: str | None, tgt_lang: str | None,
               name: str) -> tuple[Alignment, list[int | None]]:
    """One link per non-empty row, the languages resolved, and each row's link."""
    src_col, tgt_col = table["src_text"].tolist(), table["tgt_text"].tolist()
    src_code = langid.resolve(" ".join(src_col), src_lang, f"{name} (source column)")
    tgt_code = langid.resolve(" ".join(tgt_col), tgt_lang, f"{name} (target column)")
    src_sents, tgt_sents, links, row_link = [], [], [], []
    for k, (s, t) in enumerate(zip(src_col, tgt_col)):
        line = numbers[k]
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
    source = Document(src_code, tuple(src_sents), name + BITEXT_SOURCE)
    target = Document(tgt_code, tuple(tgt_sents), name)
    return Alignment(source, target, tuple(links), f"pairs:{name}"), row_link
