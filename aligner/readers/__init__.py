"""Everything the tool reads, one module per kind of input.

- :mod:`.text`: an edition as plain text (encodings, BOMs, binary refused);
- :mod:`.editions`: which files of a folder are editions, and in which language;
- :mod:`.bitext`: an already aligned bitext (``check --pairs``);
- :mod:`.manifest`: the document list of ``aligner batch``;
- :mod:`.beads`: gold and test alignments in the Vecalign bead format;
- :mod:`.check_json`: a ``check --format json`` result, for ``report``;
- :mod:`.baseline`: accepted findings.

:data:`DOCUMENT_READERS` is the registry of edition formats by file
extension: a new input format (``.docx``, ``.md``) is one new module with a
``read(path) -> str | Blocks`` function, plus one entry here; folder mode
then picks such files up too.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from .blocks import Blocks

#: File extension -> module (in this package) whose ``read(path)`` returns the
#: edition's text, paragraphs separated by blank lines.
DOCUMENT_READERS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}


def suffix(path: str | Path) -> str:
    """A file's format extension, lower-cased, looking past a compression one
    (``faq.de.txt.gz`` -> ``.txt``): compressed files are read as they come."""
    p = Path(path)
    if p.suffix.lower() == ".gz":
        p = p.with_suffix("")
    return p.suffix.lower()


def read_edition(path: str | Path) -> "str | Blocks":
    """An edition by the reader for its extension (plain text for any other):
    text whose paragraphs the segmenter finds, or :class:`~.blocks.Blocks`
    (paragraphs with their lines) from a structured format."""
    module = DOCUMENT_READERS.get(suffix(path), "text")
    return import_module(f"{__name__}.{module}").read(path)


__all__ = ["DOCUMENT_READERS", "Blocks", "read_edition", "suffix"]
