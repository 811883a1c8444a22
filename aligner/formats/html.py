"""The review page: all editions side by side, findings highlighted in place.

One self-contained HTML file (styles and script inline, nothing fetched), so
it opens offline and can be published as a CI artifact. Rendered with jinja2
with autoescaping on: document text is untrusted and always appears as text.
The page is a plain table with a small script for filters, keyboard
navigation, accepting findings and correcting links. Rows past the first
hundred wait in ``<template>`` chunks, laid out as the reader reaches them,
so a book-sized page is ready in half a second. The template is three files, inlined into one
page: ``report.html.j2`` (the markup), ``report.css.j2`` and ``report.js.j2``.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from ..core import CheckResult, Finding, severity_rank
from ..core.serial import REVIEW_FORMAT, alignments_list, documents_dict

if TYPE_CHECKING:
    from .base import RenderOptions


@lru_cache(maxsize=1)
def _template():
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("aligner.formats", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    return env.get_template("report.html.j2")


def mark(text: str, evidence: list[str]) -> list[tuple[str, bool]]:
    """The text as (part, is-evidence) pieces: every occurrence of a finding's
    evidence words is marked, so the reviewer's eye lands on the changed number
    or the unmatched clause. The template escapes every piece."""
    spans: list[tuple[int, int]] = []
    for words in sorted(set(evidence), key=len, reverse=True):
        start = text.find(words)
        while start >= 0:
            end = start + len(words)
            if all(end <= a or start >= b for a, b in spans):
                spans.append((start, end))
            start = text.find(words, end)
    parts, at = [], 0
    for start, end in sorted(spans):
        if start > at:
            parts.append((text[at:start], False))
        parts.append((text[start:end], True))
        at = end
    if at < len(text):
        parts.append((text[at:], False))
    return parts


def mark_editions(text: str, evidence: list[tuple[str, list[str]]]) -> list[tuple[str, bool, str]]:
    """The source text marked as :func:`mark` does for the evidence of every
    edition (``evidence``: each edition's language and its evidence words),
    each marked piece with the editions whose findings it comes from, so the
    reader can tell which translation flagged what."""
    words = [w for _, ev in evidence for w in ev]
    return [(part, marked, ", ".join(dict.fromkeys(lang for lang, ev in evidence if part in ev)) if marked else "")
            for part, marked in mark(text, words)]


def _where(doc, ids) -> str:
    """Where a cell's sentences are in their file, for the cell's tooltip."""
    lines = sorted({doc.sentences[i].line for i in ids if doc.sentences[i].line})
    if not lines:
        return ""
    span = str(lines[0]) if len(lines) == 1 else f"{lines[0]}-{lines[-1]}"
    return f"{doc.name.split('/')[-1]}, line {span}"


#: Rows laid out at once; the rest wait in <template> chunks until the reader
#: scrolls near them. A browser parses a template's rows without laying them
#: out: a 16,000-sentence page is ready in half a second instead of five, and
#: each chunk costs tens of milliseconds when it is shown.
FIRST_ROWS = 100
CHUNK_ROWS = 200


def _chunks(rows: list[dict]) -> tuple[list[dict], list[dict]]:
    """The first rows, and the others in chunks, each chunk with its findings
    as "severity:rule" words in page order: the script counts findings a
    filter shows, and finds the next one, without laying the chunk out."""
    chunks = []
    for at in range(FIRST_ROWS, len(rows), CHUNK_ROWS):
        part = rows[at:at + CHUNK_ROWS]
        found = [f"{f.severity}:{f.rule}" for row in part for cell in row["cells"] for f in cell["findings"]]
        chunks.append({"rows": part, "findings": " ".join(found)})
    return rows[:FIRST_ROWS], chunks


def render(result: CheckResult, options: "RenderOptions") -> str:
    multi = result.multi
    by_target: dict[str, list[Finding]] = {}
    for f in result.active:
        by_target.setdefault(f.target, []).append(f)
    by_link = {a.target.name: result.by_link(a.target.name) for a in result.alignments}
    src = result.source
    rows, prev_para = [], None
    for number, row in enumerate(multi.rows, 1):
        para = src.sentences[row.src_ids[0]].paragraph if row.src_ids else prev_para
        cells, row_evidence = [], []  # row_evidence: (language, words) of each edition
        for alignment, cell in zip(multi.alignments, row.cells):
            linked = by_link[alignment.target.name]
            here = list(dict.fromkeys(f for k in cell.links for f in linked.get(k, [])))
            worst = max(here, key=lambda f: severity_rank(f.severity)).severity if here else ""
            evidence = [e for f in here for e in f.evidence]
            row_evidence.append((alignment.target.lang, evidence))
            text = " ".join(alignment.target.texts[j] for j in cell.ids)
            cells.append({
                "where": _where(alignment.target, cell.ids),
                "lang": alignment.target.lang,
                "text": text, "parts": mark(text, evidence),
                "kind": "+".join(cell.kinds), "confidence": cell.confidence,
                "findings": here, "severity": worst,
            })
        rows.append({
            "number": number,
            "label": ",".join(str(i + 1) for i in row.src_ids) or "+",
            "src_text": " ".join(src.texts[i] for i in row.src_ids),
            "src_parts": mark_editions(" ".join(src.texts[i] for i in row.src_ids), row_evidence),
            "where": _where(src, row.src_ids),
            "para_start": bool(row.src_ids) and para != prev_para and number > 1,
            "cells": cells,
        })
        prev_para = para
    editions = []
    for alignment in result.alignments:
        found = by_target.get(alignment.target.name, [])
        sev = Counter(f.severity for f in found)
        editions.append({
            "name": alignment.target.name, "lang": alignment.target.lang, "links": len(alignment.links),
            "counts": {s: sev.get(s, 0) for s in ("error", "warning", "info")},
            "rules": sorted(Counter(f.rule for f in found).items()),
        })
    rules = sorted({f.rule for f in result.active})
    # accepted findings are kept per document: the source's name and text decide which
    store_key = hashlib.sha256("\x1f".join([src.name, *src.texts]).encode("utf-8")).hexdigest()[:16]
    # what the link editor starts from and exports (a review file); corrections
    # are kept per page content, so a re-aligned page does not inherit them
    review = {"format": REVIEW_FORMAT, "source": {"name": src.name, "lang": src.lang},
              "documents": documents_dict(result.documents.values()),
              "alignments": alignments_list(result.alignments)}
    review_key = hashlib.sha256(json.dumps(review, sort_keys=True).encode("utf-8")).hexdigest()[:16]
    first, chunks = _chunks(rows)
    return _template().render(source=src, editions=editions, rows=first, chunks=chunks, first_rows=FIRST_ROWS,
                              rules=rules, store_key=store_key,
                              review=review, review_key=review_key,
                              signature=result.signature, findings_total=len(result.active))
