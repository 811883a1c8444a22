"""The length guard: editions whose lengths differ too much are not editions of one document.

Run before any embedding, on the segmented documents, so that a wrong file
(another document, a truncated export) is refused in a second with a clear
message instead of being forced into an alignment that reports nonsense with
high confidence.
"""

from __future__ import annotations

import unicodedata
from typing import Sequence

from .core import Document
from .errors import InputError

#: Refuse pairs whose content lengths differ more than this.
MAX_LENGTH_RATIO = 5.0

#: Characters of a wide script (Chinese, Japanese, Korean) count this many times:
#: one carries about as much text as three or more letters of a European
#: language. The six MAC-dev zh-en chapters have 3.4-5.2 English characters per
#: Chinese one; counted this way their ratios are 0.99-1.46.
WIDE_CHAR_WEIGHT = 3


def content_length(texts: Sequence[str]) -> int:
    """Length of text in a unit fair across scripts: characters other than
    spaces, a wide (CJK) character counting :data:`WIDE_CHAR_WEIGHT` times."""
    total = 0
    for text in texts:
        for c in text:
            if not c.isspace():
                total += WIDE_CHAR_WEIGHT if unicodedata.east_asian_width(c) in "WF" else 1
    return total


def check_lengths(source: Document, target: Document, max_length_ratio: float = MAX_LENGTH_RATIO) -> None:
    """Refuse pairs that cannot be editions of the same document."""
    ls = content_length(source.texts)
    lt = content_length(target.texts)
    ratio = max(ls, lt) / max(1, min(ls, lt))
    if ratio > max_length_ratio:
        longer, shorter = (source, target) if ls > lt else (target, source)
        raise InputError(f"{longer.name or 'source'} is {ratio:.1f} times as long as "
                         f"{shorter.name or 'target'} (limit {max_length_ratio:g}); these do not look "
                         "like editions of one document (use --max-length-ratio to override)")
