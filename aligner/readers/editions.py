"""Finding a document's editions: explicit files, or a folder of ``<lang>.txt`` files.

Which extensions count as editions comes from the reader registry
(:data:`aligner.readers.DOCUMENT_READERS`)."""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError

_LANG_STEM = re.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z]{2,4})?$")


def lang_from_name(path: Path) -> str | None:
    """'ru.txt', 'fr-FR.md', 'press.de.docx', 'index.fr.html' -> 'ru', 'fr', 'de', 'fr';
    other names -> None (detect from the text)."""
    match = _LANG_STEM.match(path.stem) or _LANG_STEM.match(path.stem.rsplit(".", 1)[-1])
    return match.group(1) if match else None


def folder_editions(folder: Path) -> list[Path]:
    """Edition files in a folder (not recursive), in name order: plain-text files,
    and files of the other registered formats whose name says a language
    (en.docx, press.de.md); a file named like an edition in a format the tool
    cannot read (en.pdf) is refused rather than passed over."""
    from . import DOCUMENT_READERS

    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    unknown = [p for p in files if p.suffix.lower() not in DOCUMENT_READERS and lang_from_name(p)
               and p.suffix]
    if unknown:
        raise InputError(f"{unknown[0]}: {unknown[0].suffix} is not a format editions can be read from "
                         f"(known: {', '.join(sorted(DOCUMENT_READERS))})")
    # a README.md beside the editions is not one: structured files count when their name
    # says a language; plain-text files always did (their language is then detected)
    files = [p for p in files if p.suffix.lower() in DOCUMENT_READERS
             and (lang_from_name(p) or DOCUMENT_READERS[p.suffix.lower()] == "text")]
    if not files:
        raise InputError(f"{folder}: no editions found (expected files like ru.txt, en.docx, fr.md)")
    return files


def pick_source(docs: dict, source_lang: str | None, folder: Path) -> str:
    """Name of the source edition among documents keyed by name (each has .lang)."""
    by_lang: dict[str, list[str]] = {}
    for name, doc in docs.items():
        by_lang.setdefault(doc.lang, []).append(name)
    for lang, names in by_lang.items():
        if len(names) > 1:
            raise InputError(f"{folder}: two editions in '{lang}': {', '.join(names)}")
    if not source_lang:
        raise InputError(f"{folder}: say which edition is the source with --source LANG "
                         f"(found {', '.join(sorted(by_lang))})")
    if source_lang not in by_lang:
        raise InputError(f"{folder}: no '{source_lang}' edition (found {', '.join(sorted(by_lang))})")
    if len(docs) < 2:
        raise InputError(f"{folder}: only one edition; nothing to compare")
    return by_lang[source_lang][0]
