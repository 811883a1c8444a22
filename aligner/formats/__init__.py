"""Every output format, one module per format, each a pure ``render(data, options) -> str``.

:data:`WRITERS` is the registry. Writers come in kinds, by what they render:

- ``alignment``: an :class:`~aligner.core.Alignment` (SOURCE TARGET) or a
  :class:`~aligner.core.MultiAlignment` (all editions, or for a writer that
  needs them merged), for ``align``;
- ``findings``: a :class:`~aligner.core.CheckResult`, for ``check``;
- ``page``: a CheckResult as the review page, for ``report``;
- ``bitext``: a :class:`~aligner.core.BitextResult` (``check --pairs``),
  where a format keeps every input row.

A new format is one new module here plus one :class:`Writer` line below; the
command line offers it from this registry.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from ..core import Alignment, merge
from ..errors import InputError
from .base import RenderOptions, Writer
from .output import write_atomic, write_output  # noqa: F401  (re-exported)

WRITERS: tuple[Writer, ...] = (
    Writer("alignment", "tsv", "align_tsv", "tab-separated, one row per link (per source group for all editions)"),
    Writer("alignment", "json", "align_json", "the links with texts, confidence and the signature"),
    Writer("alignment", "vecalign", "vecalign", "Vecalign beads ([i]:[j, k]:confidence), as gold files"),
    Writer("alignment", "tmx", "tmx", "TMX 1.4b translation memory", frozenset({"multi"})),
    Writer("alignment", "xliff", "xliff", "XLIFF 2.0 with findings as notes (one target)", frozenset({"findings"})),
    Writer("findings", "text", "findings_text", "findings by edition, for people"),
    Writer("findings", "json", "findings_json", "findings, documents and alignments, for programs"),
    Writer("findings", "tsv", "findings_tsv", "one row per finding"),
    Writer("findings", "sarif", "sarif", "SARIF 2.1.0 for code-scanning dashboards", frozenset({"rules"})),
    Writer("findings", "junit", "junit", "JUnit XML, one test case per link"),
    Writer("findings", "github", "github", "GitHub Actions annotations"),
    Writer("page", "html", "html", "self-contained review page"),
    Writer("bitext", "tsv", "bitext_tsv", "the input rows with divergence scores and findings"),
)


def needs(kind: str, name: str) -> frozenset[str]:
    """What the writer for (kind, name) needs beyond its data (see :data:`.base.NEEDS`)."""
    found = writer(kind, name)
    return found.needs if found is not None else frozenset()


def names(kind: str) -> list[str]:
    """Format names of one kind, in registry order."""
    return [w.name for w in WRITERS if w.kind == kind]


def writer(kind: str, name: str) -> Writer | None:
    return next((w for w in WRITERS if w.kind == kind and w.name == name), None)


def render(kind: str, name: str, data: Any, options: RenderOptions = RenderOptions()) -> str:
    """Render data with the writer registered for (kind, name)."""
    found = writer(kind, name)
    if found is None:
        raise InputError(f"unknown format '{name}'; choose one of {', '.join(names(kind))}")
    if "multi" in found.needs and isinstance(data, Alignment):  # one pair, as a table of editions
        data = merge(data.source, [data])
    return import_module(f"{__name__}.{found.module}").render(data, options)


__all__ = ["WRITERS", "RenderOptions", "Writer", "names", "needs", "render", "write_atomic", "write_output",
           "writer"]
