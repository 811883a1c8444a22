"""Markdown (.md), read with markdown-it-py (MIT), CommonMark.

Headings, paragraphs, list items, block quotes and table cells are
paragraphs, each with the line it starts on; inline markup (emphasis, links,
inline code) is read as its text. Code blocks, HTML blocks and YAML/TOML
front matter are not prose and are left out.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from .blocks import Blocks
from .text import read_text

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _inline_text(token) -> str:
    out = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
        elif child.type == "image":
            out.append(child.content)
    return "".join(out)


def read(path: str | Path) -> Blocks:
    from markdown_it import MarkdownIt

    text = read_text(path)
    front = _FRONT_MATTER.match(text)
    offset = text[:front.end()].count("\n") if front else 0
    body = text[front.end():] if front else text
    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    paragraphs = []
    for token in tokens:
        if token.type == "inline" and token.map:
            paragraphs.append((_inline_text(token), token.map[0] + 1 + offset))
    blocks = Blocks.of(paragraphs, "markdown")
    if not blocks.paragraphs:
        raise InputError(f"{path}: no prose in this Markdown file (only code, front matter or markup)")
    return blocks
