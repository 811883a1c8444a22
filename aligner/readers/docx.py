"""Word documents (.docx), read with python-docx (MIT).

Every paragraph of the body, heading and list item included, and every table
cell, in document order, is a paragraph; runs (bold, italic, links) are joined
as the text reads. Positions: a .docx has no lines, so paragraphs are
numbered instead (paragraph N shows as "line" N in reports).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError
from .blocks import Blocks


def read(path: str | Path) -> Blocks:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError("reading .docx needs python-docx (pip install python-docx)") from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(f"{path}: not a Word document (.docx) that can be read ({type(exc).__name__})") from None
    texts = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            texts.append(docx.text.paragraph.Paragraph(block, document).text)
        elif tag == "tbl":
            table = docx.table.Table(block, document)
            for row in table.rows:
                seen = set()
                for cell in row.cells:  # merged cells repeat: keep each once
                    if id(cell._tc) not in seen:
                        seen.add(id(cell._tc))
                        texts.extend(p.text for p in cell.paragraphs)
    blocks = Blocks.of(((t, k) for k, t in enumerate(texts, 1)), "docx", wrapped=False)
    if not blocks.paragraphs:
        raise InputError(f"{path}: the document has no text")
    return blocks
