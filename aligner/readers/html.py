"""Web pages (.html, .htm): the main text only, found by trafilatura (Apache-2.0).

Navigation, menus, language switchers, cookie banners and footers are not
part of the document and would become sentences to align; trafilatura's
main-content extraction leaves them out. Each extracted paragraph is then
found again in the page (lxml keeps every element's source line), so findings
point at the page's own lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from ..errors import InputError
from ..text import is_cjk
from .blocks import Blocks
from .text import read_text

_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "blockquote", "dd", "dt",
               "figcaption", "caption", "pre", "div", "section", "article")
_BLOCK_SET = frozenset(_BLOCK_TAGS)
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


def _fold_breaks(text: str) -> str:
    """Source line breaks as a browser shows them: a space, except between two
    CJK characters (Chinese and Japanese put none between words)."""
    return _WRAP.sub(lambda m: "" if is_cjk(text[m.start() - 1:m.start()]) and is_cjk(text[m.end():m.end() + 1])
                     else " ", text)


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
            element.text = _fold_breaks(element.text)
        for child in element:
            fold(child, pre)
            if child.tail and not pre:
                child.tail = _fold_breaks(child.tail)

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


def _headings_before(elements: list[tuple], start: int, hit: int) -> list[tuple[int, tuple[str, int]]]:
    """Headings right before an extracted paragraph that the extractor left out.

    trafilatura drops some headings (those in DocBook's title pages: every
    question of Debian's FAQ), though they are the document's text, and a
    translator checks them too. A heading counts when nothing but other
    headings, enclosing blocks and a table of contents (tagged "toc") stands
    between it and a paragraph the extractor kept: a section's or chapter's
    title, not a site's banner above its menus. Each comes with its index."""
    out: list[tuple[int, tuple[str, int]]] = []
    k = hit - 1
    while k >= start:
        text, line, tag = elements[k][:3]
        if tag in _HEADINGS:
            if text:
                out.append((k, (text, line)))
        elif tag not in _CONTAINERS and tag != "toc":  # a chapter's table of contents between: still its title
            break
        k -= 1
    return out[::-1]


@dataclass
class _Page:
    """A web page read for its main text: its blocks in page order (text, line,
    kind, structural path, element) and which of them the extractor kept."""

    path: str
    elements: list[tuple[str, int, str, str, object]]
    kept: list[int]                        # indices into elements, in page order
    paragraphs: list[tuple[str, int]]      # the extractor's paragraphs, as read alone

    @property
    def kept_paths(self) -> set[str]:
        return {self.elements[k][3] for k in self.kept}


def _structural_path(element) -> str:
    """Where an element sits in its page's template: the tags and classes of it and
    its ancestors, without positions (one edition has a paragraph more, the
    next edition's chapter has other ids). Editions of one page come from one
    template, so their paragraphs, headings and list items share these paths."""
    steps = []
    for e in (element, *element.iterancestors()):
        classes = ".".join(sorted((e.get("class") or "").split()))
        steps.append(f"{e.tag}.{classes}" if classes else str(e.tag))
    return "/".join(reversed(steps))


def _extract(path: str | Path) -> _Page:
    import lxml.html
    import trafilatura

    page = read_text(path, max_line=None)  # minified pages have long lines
    try:
        root = _parse(page)
    except (ValueError, lxml.etree.ParserError):
        root = None
    # the page's blocks, with their lines, before the tree is changed for the extractor
    elements = [] if root is None else [
        (_norm(e.text_content()), _first_line(e), "toc" if _in_contents(e) else e.tag, _structural_path(e), e)
        for e in root.iter(*_BLOCK_TAGS)]
    extracted = trafilatura.extract(page if root is None else _unwrapped(root), include_tables=True,
                                    include_comments=False, favor_recall=True)
    paragraphs, kept, start = [], [], 0
    for line in (extracted or "").split("\n"):
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
                for k, heading in _headings_before(elements, start, hit):
                    paragraphs.append(heading)
                    kept.append(k)
                found, start = elements[hit][1], hit + 1
                kept.append(hit)
                break
        paragraphs.append((text, found))
    return _Page(str(path), elements, kept, paragraphs)


def _refuse_empty(path, paragraphs) -> None:
    if sum(c.isalpha() for text, _ in paragraphs for c in text) < MIN_LETTERS:
        raise InputError(f"{path}: no main text found in this web page (only navigation or markup)")


def _alone(page: _Page) -> Blocks:
    """A page as the extractor reads it on its own."""
    _refuse_empty(page.path, page.paragraphs)
    return Blocks.of(page.paragraphs, "html")


def read(path: str | Path) -> Blocks:
    """One web page on its own: the extractor decides what is main text."""
    return _alone(_extract(path))


def _in_navigation(element) -> bool:
    """Whether an element is, or is inside, a block the page marks as navigation
    (still true once :func:`_unwrapped` has cut that block out of the tree)."""
    return any(isinstance(a.tag, str) and _navigation(a) for a in (element, *element.iterancestors()))


def _own_text(element) -> str:
    """An element's text without that of the blocks inside it (a list item's
    words before its nested list; the nested list is a block of its own)."""
    parts = [element.text or ""]
    for child in element:
        if isinstance(child.tag, str) and child.tag in _BLOCK_SET:
            parts.append(" ")
        elif isinstance(child.tag, str):
            parts.append(_own_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _shared_blocks(page: _Page, main: set[str]) -> list[tuple[str, int]]:
    """A page's paragraphs: every block whose structural path is in ``main``, in
    page order; code keeps its lines."""
    out: list[tuple[str, int]] = []
    for text, line, kind, where, element in page.elements:
        if where not in main or kind == "toc" or not text or _in_navigation(element):
            continue
        if kind == "pre":
            raw = element.text_content()
            first = line - (raw[:len(raw) - len(raw.lstrip("\n"))].count("\n"))
            out += [(code.strip(), first + k if line else 0)
                    for k, code in enumerate(raw.split("\n")) if code.strip()]
            continue
        if any(isinstance(a.tag, str) and a.tag == "pre" for a in element.iterancestors()):
            continue
        own = _LIST_MARK.sub("", _norm(_own_text(element)))
        if own:
            out.append((own, line))
    return out


#: The share of a page's main text (in letters, as the extractor found it) that
#: must lie in the structure its editions share for the page to be read by it.
SHARED_AT_LEAST = 0.8


def _share_in(page: _Page, main: set[str]) -> float:
    letters = [(sum(c.isalpha() for c in page.elements[k][0]), page.elements[k][3] in main) for k in page.kept]
    total = sum(n for n, _ in letters)
    return sum(n for n, inside in letters if inside) / total if total else 0.0


def read_siblings(paths: Sequence[str | Path]) -> dict[str, Blocks]:
    """Editions of one web page read together: what is main text is decided by
    the structure the editions share, not by the extractor on each page alone.

    The extractor, run on each edition, keeps a heading in one and drops it in
    another, or loses a paragraph in one: the edition that kept it then shows
    false omissions. Editions come from one template, so a block is main text
    in every edition when its structural path holds main text in any of them:
    headings, list items and table cells are then segments in all editions or
    in none. Where the editions share too little of it, each is read alone."""
    pages = [_extract(p) for p in paths]
    every = [{e[3] for e in page.elements} for page in pages]
    shared = set.intersection(*every) if every else set()
    main = set().union(*(page.kept_paths for page in pages)) & shared
    # editions whose main text lies mostly outside the structure they share
    # (another template, a page of links): each is read alone, all of them, so
    # that no edition is read one way and its sibling the other
    if not all(_share_in(page, main) >= SHARED_AT_LEAST for page in pages):
        return {page.path: _alone(page) for page in pages}
    out = {}
    for page in pages:
        # and what the extractor kept on this page alone (a translator's credits,
        # a note in markup only this edition has): never less than it would read
        blocks = _shared_blocks(page, main | page.kept_paths)
        _refuse_empty(page.path, blocks)
        out[page.path] = Blocks.of(blocks, "html-shared")
    return out
