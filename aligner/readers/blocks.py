"""What a structured reader returns: the document's paragraphs, each with the
1-based line it starts on in the file (0 where the format has no lines).

Headings, list items, table cells and paragraphs of a .docx, web page or
Markdown file are separate paragraphs; inline markup does not split them.
Plain text needs no such help: its paragraphs are found by the segmenter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import close_cjk_spaces

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Blocks:
    paragraphs: tuple[tuple[str, int], ...]
    kind: str  # the format, for messages: "docx", "html", "markdown"

    @classmethod
    def of(cls, items, kind: str, wrapped: bool = True) -> "Blocks":
        """Paragraphs with their whitespace folded; empty ones dropped. In a
        ``wrapped`` format (web pages, Markdown: the source wraps paragraphs) a
        space between two Chinese or Japanese characters is a line break of the
        source, and closed; a .docx has no source lines, its spaces are typed."""
        folded = ((_SPACES.sub(" ", text).strip(), line) for text, line in items)
        if wrapped:
            folded = ((close_cjk_spaces(text), line) for text, line in folded)
        return cls(tuple((text, line) for text, line in folded if text), kind)
