"""The document list of ``aligner batch``.

A manifest lists the editions of each document: a CSV with columns
``document,lang,path`` (one row per edition; relative paths are relative to
the CSV), or a folder with one sub-folder per document holding ``<lang>.txt``
files.
"""

from __future__ import annotations

import csv
from pathlib import Path

from ..errors import InputError
from .editions import folder_editions, lang_from_name
from .text import read_text

#: (document name, [(language, path), ...])
Manifest = list[tuple[str, list[tuple[str, Path]]]]


def read_manifest(path: Path) -> Manifest:
    """(document, [(lang, path), ...]) for every document the manifest lists."""
    if not path.exists():
        raise InputError(f"{path}: no such manifest")
    if path.is_dir():
        return _folder(path)
    reader = csv.DictReader(read_text(path).splitlines())
    rows = list(reader)
    if not {"document", "lang", "path"} <= set(reader.fieldnames or ()):
        raise InputError(f"{path}: a manifest needs the columns document,lang,path")
    if not rows:
        raise InputError(f"{path}: the manifest lists no editions (a header line only); "
                         "add one row per edition: document,lang,path")
    docs: dict[str, list[tuple[str, Path]]] = {}
    for number, row in enumerate(rows, 2):
        if not row["document"] or not row["path"]:
            raise InputError(f"{path}: line {number} needs a document and a path")
        edition = Path(row["path"])
        docs.setdefault(row["document"], []).append(
            ((row["lang"] or "").lower(), edition if edition.is_absolute() else path.parent / edition))
    return list(docs.items())


def _folder(path: Path) -> Manifest:
    """Sub-folders holding editions; hidden folders (``.git``) and folders with no
    edition files are not documents and are passed over."""
    docs = []
    for sub in sorted(p for p in path.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            files = folder_editions(sub)
        except InputError:
            continue
        docs.append((sub.name, [(lang_from_name(f) or "", f) for f in files]))
    if not docs:
        raise InputError(f"{path}: no document folders (expected one folder of <lang>.txt files per document)")
    return docs
