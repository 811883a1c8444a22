"""XLIFF 2.0 for CAT tools: one ``unit`` per link, target state from the findings.

Every link is a unit, sentences the translation adds (empty source) and omits
(empty target) included, so nothing of either edition is lost. Units whose
link has an error-level finding, or one side empty, are ``initial`` (the
translation needs work before use); the others are ``translated``. Findings travel as
notes on their unit. Built with lxml, so any text stays well-formed XML.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ..core import Alignment, MultiAlignment, by_link
from ..errors import InputError
from .base import xml_safe

if TYPE_CHECKING:
    from .base import RenderOptions

NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PRIORITY = {"error": "1", "warning": "5", "info": "9"}


def render(data: Alignment | MultiAlignment, options: "RenderOptions") -> str:
    if isinstance(data, MultiAlignment) and len(data.alignments) != 1:
        raise InputError("XLIFF holds one target language: give SOURCE TARGET, or use --format tmx")
    alignment = data.alignments[0] if isinstance(data, MultiAlignment) else data
    source, target = alignment.source, alignment.target
    found = by_link(alignment, options.findings)
    root = etree.Element(f"{{{NS}}}xliff", nsmap={None: NS}, version="2.0",
                         srcLang=source.lang, trgLang=target.lang)
    file = etree.SubElement(root, f"{{{NS}}}file", id="f1", original=target.name)
    number = 0
    for k, link in enumerate(alignment.links):
        number += 1
        unit = etree.SubElement(file, f"{{{NS}}}unit", id=f"u{number}")
        here = found.get(k, [])
        if here:
            notes = etree.SubElement(unit, f"{{{NS}}}notes")
            for k, f in enumerate(here, 1):
                note = etree.SubElement(notes, f"{{{NS}}}note", id=f"n{k}", category=f.rule,
                                        priority=_PRIORITY[f.severity])
                note.text = xml_safe(f.message)
        # no source (a sentence the translation adds) or no target: a reviewer decides
        state = "initial" if any(f.severity == "error" for f in here) or not link.tgt or not link.src \
            else "translated"
        segment = etree.SubElement(unit, f"{{{NS}}}segment", state=state)
        # xml:space keeps the text exactly as written (tabs, double spaces)
        etree.SubElement(segment, f"{{{NS}}}source", {XML_SPACE: "preserve"}).text = xml_safe(
            " ".join(source.texts[i] for i in link.src))
        etree.SubElement(segment, f"{{{NS}}}target", {XML_SPACE: "preserve"}).text = xml_safe(
            " ".join(target.texts[j] for j in link.tgt))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
