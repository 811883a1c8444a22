"""A corrected alignment exported from the review page (``aligner-review/1``).

The page embeds the documents and every translation's links; a reviewer
merges, splits and moves links there, marks them checked, and exports this
file. ``align --from-review`` writes TMX/XLIFF/TSV from it, and ``check
--from-review`` checks the corrected links instead of aligning again.

The file went through a browser and maybe a text editor, so everything is
validated: each translation's links must cover both documents' sentences
exactly once, in order, as an alignment from the tool would.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path

from ..core import Alignment, Document
from ..core.serial import REVIEW_FORMAT as FORMAT
from ..core.serial import alignments_of, documents_of
from ..errors import InputError
from .text import read_text

@dataclass(frozen=True)
class Review:
    """The source, and each translation aligned to it as the reviewer left it."""

    source: Document
    alignments: tuple[Alignment, ...]


def load_review(text: str, name: str = "review file") -> Review:
    """Parse and validate a review file's text."""
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: not a review file (invalid JSON at line {exc.lineno})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InputError(f"{name}: not a review file (exported from the review page as '{FORMAT}')")
    try:
        docs = documents_of(doc["documents"])
        source = docs[doc["source"]["name"]]
        alignments = alignments_of(doc["alignments"], source, docs)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{name}: a review file with a missing or malformed part ({type(exc).__name__}: {exc})") from None
    if not alignments:
        raise InputError(f"{name}: the review file holds no translation")
    for a in alignments:
        _check_partition(a, name)
    return Review(source, alignments)


def _check_partition(alignment: Alignment, name: str) -> None:
    """Every sentence of both documents in exactly one link, in document order,
    and no link without sentences: anything else is not an alignment."""
    for side, size in (("src", len(alignment.source)), ("tgt", len(alignment.target))):
        ids = [i for link in alignment.links for i in getattr(link, side)]
        if ids != list(range(size)):
            which = alignment.source.name if side == "src" else alignment.target.name
            raise InputError(f"{name}: the links of {alignment.target.name} do not cover {which}'s "
                             f"{size} sentences once each, in order")
    if any(not link.src and not link.tgt for link in alignment.links):
        raise InputError(f"{name}: the links of {alignment.target.name} include an empty link")


def read_review(path: str | Path) -> Review:
    """A review file from disk; its alignments' signatures say that a reviewer corrected them."""
    review = load_review(read_text(path, max_line=None), str(path))
    return replace(review, alignments=tuple(replace(a, signature=f"{a.signature}|from-review")
                                            for a in review.alignments))


def is_review(path: str | Path) -> bool:
    """Whether ``path`` declares itself a review file (``report`` takes both
    kinds of JSON); a file that cannot be read is left to the other reader's
    error message."""
    try:
        doc = json.loads(read_text(path, max_line=None))
    except (InputError, ValueError):
        return False
    return isinstance(doc, dict) and doc.get("format") == FORMAT
