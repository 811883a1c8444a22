"""Web pages (.html, .htm): the main text only, found by trafilatura (Apache-2.0).

Navigation, menus, language switchers, cookie banners and footers are not
part of the document and would become sentences to align; trafilatura's
main-content extraction leaves them out. Each extracted paragraph is then
found again in the page (lxml keeps every element's source line), so findings
point at the page's own lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .blocks import Blocks
from .text import read_text

_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "dd", "dt",
               "figcaption", "caption", "pre", "div", "section", "article")
_LIST_MARK = re.compile(r"^[-*•]\s+")
#: Fewer letters than this in the main text: a page of menus, not a document.
MIN_LETTERS = 40


def _norm(text: str) -> str:
    return " ".join(text.split())


def read(path: str | Path) -> Blocks:
    import lxml.html
    import trafilatura

    page = read_text(path, max_line=None)  # minified pages have long lines
    extracted = trafilatura.extract(page, include_tables=True, include_comments=False, favor_recall=True)
    if not extracted or sum(c.isalpha() for c in extracted) < MIN_LETTERS:
        raise InputError(f"{path}: no main text found in this web page (only navigation or markup)")
    try:
        root = lxml.html.fromstring(page)
        elements = [(_norm(e.text_content()), e.sourceline or 0) for e in root.iter(*_BLOCK_TAGS)]
    except (ValueError, lxml.etree.ParserError):
        elements = []
    paragraphs, start = [], 0
    for line in extracted.split("\n"):
        text = _LIST_MARK.sub("", line.strip())
        if not text:
            continue
        key = _norm(text)
        found = 0
        # in page order: the next element that is exactly this paragraph, else one starting with it
        for test in (lambda t: t == key, lambda t: t.startswith(key[:60])):
            hit = next((k for k in range(start, len(elements)) if test(elements[k][0])), None)
            if hit is not None:
                found, start = elements[hit][1], hit + 1
                break
        paragraphs.append((text, found))
    return Blocks.of(paragraphs, "html")
