"""The ground floor: the values every stage shares, and nothing else.

Reading and segmentation produce :class:`Document`; alignment produces
:class:`Alignment`; checking produces :class:`Finding` and :class:`CheckResult`;
writers render them and readers read them back (:mod:`.serial` is the JSON
shape both use). Stages import these values from here and never from each
other, so a writer or a reader needs no stage above it.
"""

from .document import Alignment, Document, EarlierEditions, Editions, Link, Sentence, base_language
from .findings import SEVERITIES, Finding, by_link, evidence_spans, severity_rank, sort_key
from .multi import Cell, MultiAlignment, Row, merge
from .results import BITEXT_SOURCE, BitextResult, CheckResult
from .signature import Signature

__all__ = ["BITEXT_SOURCE", "SEVERITIES", "Alignment", "BitextResult", "Cell", "CheckResult", "Document",
           "EarlierEditions", "Editions", "Finding", "Link", "MultiAlignment", "Row", "Sentence", "Signature", "by_link",
           "base_language", "evidence_spans", "merge", "severity_rank", "sort_key"]
