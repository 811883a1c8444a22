"""TMX 1.4b for translation memories: one ``tu`` per aligned row, one ``tuv`` per language.

Built with lxml, which escapes whatever the documents hold, so the file stays
well-formed. Rows without a source sentence (additions) or without any
translation (omissions) are not translation units and are left out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ..core import MultiAlignment
from ..version import __version__
from .base import xml_safe

if TYPE_CHECKING:
    from .base import RenderOptions

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render(multi: MultiAlignment, options: "RenderOptions") -> str:
    """Every edition's sentences of a row as one translation unit (the registry
    says this writer needs the editions merged, a single pair included)."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="aligner", creationtoolversion=__version__,
                     datatype="plaintext", segtype="sentence", adminlang="en",
                     srclang=multi.source.lang, **{"o-tmf": "aligner"})
    body = etree.SubElement(root, "body")
    src = multi.source.texts
    number = 0
    for row in multi.rows:
        if not row.src_ids or not any(cell.ids for cell in row.cells):
            continue
        number += 1
        tu = etree.SubElement(body, "tu", tuid=str(number))
        for alignment, cell in zip(multi.alignments, row.cells):
            if cell.ids:
                prop = etree.SubElement(tu, "prop", type=f"x-aligner-link-{alignment.target.lang}")
                prop.text = f"{'+'.join(cell.kinds)} {cell.confidence:.4f}"
        _tuv(tu, multi.source.lang, " ".join(src[i] for i in row.src_ids))
        for alignment, cell in zip(multi.alignments, row.cells):
            if cell.ids:
                _tuv(tu, alignment.target.lang, " ".join(alignment.target.texts[j] for j in cell.ids))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def _tuv(tu, lang: str, text: str) -> None:
    tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
    etree.SubElement(tuv, "seg").text = xml_safe(text)
