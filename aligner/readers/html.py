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


#: Elements whose line breaks are content (code, sample output), not source wrapping.
_PREFORMATTED = frozenset({"pre", "textarea", "script", "style"})
_WRAP = re.compile(r"[ \t]*\n\s*")


_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def _parse(page: str):
    """The page's element tree. An XHTML page (DocBook output) starts with an XML
    declaration naming its encoding, which lxml refuses in text already decoded."""
    import lxml.html

    return lxml.html.fromstring(_XML_DECLARATION.sub("", page, count=1))


def _unwrapped(root) -> str:
    """The page (its parsed tree, changed in place) with its source line breaks
    folded into spaces outside <pre> and the blocks it marks as navigation left out.

    Hand-written pages and DocBook output (Debian's FAQ) wrap paragraphs in the
    HTML source; a browser shows one paragraph, but trafilatura keeps the
    breaks inside some elements (list items with inline code), and each line
    would become a paragraph of its own, cut mid-sentence."""
    import lxml.html

    def fold(element, inside_pre: bool) -> None:
        pre = inside_pre or (isinstance(element.tag, str) and element.tag in _PREFORMATTED)
        if element.text and not pre:
            element.text = _WRAP.sub(" ", element.text)
        for child in element:
            fold(child, pre)
            if child.tail and not pre:
                child.tail = _WRAP.sub(" ", child.tail)

    fold(root, False)
    for element in list(root.iter()):
        if isinstance(element.tag, str) and _navigation(element) and element.getparent() is not None:
            element.drop_tree()
    return lxml.html.tostring(root, encoding="unicode")


#: Class or id words of the blocks a page itself marks as navigation: a table of
#: contents (DocBook, Sphinx, MediaWiki) or the links between chapters. Left to
#: the extractor, one edition's table of contents is kept and another's is not.
_CONTENTS = frozenset({"toc", "toctree-wrapper"})     # of those, a table of contents
_NAVIGATION = _CONTENTS | {"navheader", "navfooter", "breadcrumb", "breadcrumbs", "sphinxsidebar", "related"}


def _marked(element, words: frozenset[str]) -> bool:
    """Whether one of an element's class or id words is in ``words``."""
    names = (element.get("class") or "").split() + (element.get("id") or "").split()
    return any(name.lower() in words for name in names)


def _in_contents(element) -> bool:
    """Whether an element is inside a table of contents."""
    return any(_marked(a, _CONTENTS) for a in element.iterancestors())


def _navigation(element) -> bool:
    return element.tag == "nav" or _marked(element, _NAVIGATION)


def _first_line(element) -> int:
    """The line an element's text starts on: ``<p>`` alone on its line puts the
    words on the next one."""
    if not element.sourceline:
        return 0
    text = element.text or ""
    return element.sourceline + text[:len(text) - len(text.lstrip())].count("\n")


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONTAINERS = frozenset({"div", "section", "article"})


def _headings_before(elements: list[tuple[str, int, str]], start: int, hit: int) -> list[tuple[str, int]]:
    """Headings right before an extracted paragraph that the extractor left out.

    trafilatura drops some headings (those in DocBook's title pages: every
    question of Debian's FAQ), though they are the document's text, and a
    translator checks them too. A heading counts when nothing but other
    headings, enclosing blocks and a table of contents (tagged "toc") stands
    between it and a paragraph the extractor kept: a section's or chapter's
    title, not a site's banner above its menus."""
    out: list[tuple[str, int]] = []
    k = hit - 1
    while k >= start:
        text, line, tag = elements[k]
        if tag in _HEADINGS:
            if text:
                out.append((text, line))
        elif tag not in _CONTAINERS and tag != "toc":  # a chapter's table of contents between: still its title
            break
        k -= 1
    return out[::-1]


def read(path: str | Path) -> Blocks:
    import lxml.html
    import trafilatura

    page = read_text(path, max_line=None)  # minified pages have long lines
    try:
        root = _parse(page)
    except (ValueError, lxml.etree.ParserError):
        root = None
    # the page's blocks, with their lines, before the tree is changed for the extractor
    elements = [] if root is None else [
        (_norm(e.text_content()), _first_line(e), "toc" if _in_contents(e) else e.tag)
        for e in root.iter(*_BLOCK_TAGS)]
    extracted = trafilatura.extract(page if root is None else _unwrapped(root), include_tables=True,
                                    include_comments=False, favor_recall=True)
    if not extracted or sum(c.isalpha() for c in extracted) < MIN_LETTERS:
        raise InputError(f"{path}: no main text found in this web page (only navigation or markup)")
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
                # the innermost of nested elements with this text (the <p> in an <li>)
                while hit + 1 < len(elements) and elements[hit + 1][0] == elements[hit][0]:
                    hit += 1
                paragraphs += _headings_before(elements, start, hit)
                found, start = elements[hit][1], hit + 1
                break
        paragraphs.append((text, found))
    return Blocks.of(paragraphs, "html")
