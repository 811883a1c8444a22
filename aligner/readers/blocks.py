"""What a structured reader returns: the document's paragraphs, each with the
1-based line it starts on in the file (0 where the format has no lines).

Headings, list items, table cells and paragraphs of a .docx, web page or
Markdown file are separate paragraphs; inline markup does not split them.
Plain text needs no such help: its paragraphs are found by the segmenter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Blocks:
    paragraphs: tuple[tuple[str, int], ...]
    kind: str  # the format, for messages: "docx", "html", "markdown"

    @classmethod
    def of(cls, items, kind: str) -> "Blocks":
        """Paragraphs with their whitespace folded; empty ones dropped."""
        folded = tuple((_SPACES.sub(" ", text).strip(), line) for text, line in items)
        return cls(tuple((text, line) for text, line in folded if text), kind)
