"""Reading a document's editions: explicit files, or a folder of ``<lang>.txt`` files,
each validated, its language identified and split into sentences.

Which extensions count as editions comes from the reader registry
(:data:`aligner.readers.DOCUMENT_READERS`)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Mapping, Sequence

from .. import langid
from .blocks import Blocks
from ..core import Document, EarlierEditions, Editions
from ..errors import InputError

_LANG_STEM = re.compile(r"^([a-z]{2,3})(?:[-_][A-Za-z]{2,4})?$")


def lang_from_name(path: Path) -> str | None:
    """'ru.txt', 'fr-FR.md', 'press.de.docx', 'index.fr.html' -> 'ru', 'fr', 'de', 'fr';
    other names -> None (detect from the text)."""
    if path.suffix.lower() == ".gz":  # faq.de.txt.gz
        path = path.with_suffix("")
    match = _LANG_STEM.match(path.stem) or _LANG_STEM.match(path.stem.rsplit(".", 1)[-1])
    return match.group(1) if match else None


def folder_editions(folder: Path, exclude: Sequence[str] = (), named: Mapping[str, str] | None = None) -> list[Path]:
    """Edition files in a folder (not recursive), in name order: plain-text files,
    and files of the other registered formats whose name says a language
    (en.docx, press.de.md); a file named like an edition in a format the tool
    cannot read (en.pdf) is refused rather than passed over. Files whose name
    matches an ``exclude`` pattern (``--exclude notes.txt``, ``*.draft.txt``) are
    left out; files ``named`` (file-name pattern -> language, a project's
    ``[editions]``) are editions whatever their name says."""
    from fnmatch import fnmatch

    from . import DOCUMENT_READERS, suffix

    files = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                   and not any(fnmatch(p.name, pattern) for pattern in exclude))
    unknown = [p for p in files if suffix(p) not in DOCUMENT_READERS and lang_from_name(p) and suffix(p)]
    if unknown:
        raise InputError(f"{unknown[0]}: {suffix(unknown[0])} is not a format editions can be read from "
                         f"(known: {', '.join(sorted(DOCUMENT_READERS))})")
    # a README.md beside the editions is not one: structured files count when their name
    # says a language; plain-text files always did (their language is then detected)
    files = [p for p in files if suffix(p) in DOCUMENT_READERS
             and (lang_from_name(p) or DOCUMENT_READERS[suffix(p)] == "text" or named_lang(p, named))]
    if not files:
        raise InputError(f"{folder}: no editions found (expected files like ru.txt, en.docx, fr.md)")
    return files


def named_lang(path: Path, named: Mapping[str, str] | None) -> str | None:
    """The language a project's ``[editions]`` gives a file of a folder, if any."""
    from fnmatch import fnmatch

    return next((lang for pattern, lang in (named or {}).items() if fnmatch(path.name, pattern)), None)


def pick_source(docs: dict, source_lang: str | None, folder: Path) -> str:
    """Name of the source edition among documents keyed by name (each has .lang)."""
    by_lang: dict[str, list[str]] = {}
    for name, doc in docs.items():
        by_lang.setdefault(doc.lang, []).append(name)
    for lang, names in by_lang.items():
        if len(names) > 1:
            unnamed = [n for n in names if not lang_from_name(Path(n))]
            hint = (f"; {Path(unnamed[0]).name} is read as an edition because it is a text file: leave it out "
                    f"with --exclude {Path(unnamed[0]).name}, or give the editions as files (SOURCE TARGET ...)") \
                if unnamed else ("; keep one per language in the folder, leave the others out with --exclude NAME, "
                                 "or give the editions as files (SOURCE TARGET ...)")
            raise InputError(f"{folder}: two editions in '{lang}': {', '.join(names)}{hint}")
    if not source_lang:
        raise InputError(f"{folder}: say which edition is the source with --source LANG "
                         f"(found {', '.join(sorted(by_lang))})")
    if source_lang not in by_lang:
        raise InputError(f"{folder}: no '{source_lang}' edition (found {', '.join(sorted(by_lang))})")
    if len(docs) < 2:
        raise InputError(f"{folder}: only one edition; nothing to compare")
    return by_lang[source_lang][0]


def load_document(text: str, lang: str | None = None, presplit: bool = False,
                  name: str = "text", strict: bool = True) -> Document:
    """Validate, identify the language of and segment one edition's text
    (``strict``: refuse a declared language the text clearly is not in)."""
    from ..segment import presplit as presplit_text
    from ..segment import segment
    from .text import check_text

    check_text(text, name)
    code = langid.resolve(text, lang, name, strict)
    return _nonempty((presplit_text if presplit else segment)(text, code, name))


def read_document(path: str | Path, lang: str | None = None, presplit: bool = False,
                  strict: bool = True, content: "str | Blocks | None" = None) -> Document:
    """Read, validate, identify the language of and segment an edition on disk
    (plain text, or a structured format: .docx, .html, .md); ``content``: the
    file already read (web pages read with their sibling editions)."""
    from ..segment import segment_paragraphs
    from . import read_edition

    if content is None:
        content = read_edition(path)
    if isinstance(content, str):
        return load_document(content, lang, presplit, str(path), strict)
    if presplit:
        raise InputError(f"{path}: --presplit reads plain text (one sentence per line), not {content.kind}")
    text = "\n\n".join(t for t, _ in content.paragraphs)
    code = langid.resolve(text, lang, str(path), strict)
    return _nonempty(segment_paragraphs(content.paragraphs, code, str(path), content.kind))


def _nonempty(doc: Document) -> Document:
    if not doc.sentences:
        raise InputError(f"{doc.name}: no sentences found")
    return doc


def read_documents(items: Sequence[tuple[str | Path, str | None]], presplit: bool = False,
                   strict: bool = True) -> list[Document]:
    """Editions of one document, as (path, declared language) pairs: each read as
    :func:`read_document` does, except web pages, which are read together
    (:func:`.html.read_siblings`: main text decided by the structure the
    editions share, so one edition does not lose a heading another keeps)."""
    from . import DOCUMENT_READERS, suffix

    pages = [str(path) for path, _ in items if DOCUMENT_READERS.get(suffix(path)) == "html"]
    shared = {}
    if len(pages) > 1 and not presplit:
        from .html import read_siblings

        shared = read_siblings(pages)
    return [read_document(path, lang, presplit, strict, shared.get(str(path))) for path, lang in items]


def refuse_missing(paths: Sequence[str | Path]) -> None:
    """Name a path that does not exist, before anything that depends on whether
    it is a file or a folder ('-' is standard input)."""
    missing = next((p for p in map(Path, paths) if str(p) != "-" and not p.exists()), None)
    if missing is not None:
        raise InputError(f"{missing}: no such file or folder")


def read_editions(paths: Sequence[str | Path], source_lang: str | None = None,
                  src_lang: str | None = None, tgt_lang: str | None = None,
                  presplit: bool = False, strict: bool = True, exclude: Sequence[str] = (),
                  named: Mapping[str, str] | None = None) -> Editions:
    """The editions named by SOURCE TARGET [TARGET ...] or by one folder of
    ``<lang>.txt`` files (whose source is ``source_lang``); ``strict`` as for
    :func:`load_document` (a check reads what is declared)."""
    paths = [Path(p) for p in paths]
    if sum(str(p) == "-" for p in paths) > 1:
        raise InputError("only one edition can come from standard input ('-')")
    refuse_missing(paths)
    if len(paths) == 1 and paths[0].is_dir():
        if src_lang or tgt_lang:
            raise InputError("--src-lang/--tgt-lang go with files; in a folder, each edition's "
                             "language comes from its file name (ru.txt, en.txt)")
        folder = paths[0]
        files = folder_editions(folder, exclude, named)
        read = read_documents([(p, named_lang(p, named) or lang_from_name(p)) for p in files], presplit, strict)
        docs = {str(p): doc for p, doc in zip(files, read)}
        source = docs.pop(pick_source(docs, (source_lang or "").lower() or None, folder))
        return Editions(source, tuple(docs.values()), True)
    if source_lang:
        raise InputError("--source LANG goes with a folder of editions")
    if exclude:
        raise InputError("--exclude goes with a folder of editions; with files, name only the editions")
    if len(paths) < 2:
        raise InputError("give SOURCE TARGET [TARGET ...] or one folder of editions")
    if tgt_lang and len(paths) > 2:
        raise InputError("--tgt-lang goes with a single target")
    source, *others = read_documents([(paths[0], src_lang), *((p, tgt_lang) for p in paths[1:])], presplit, strict)
    targets = tuple(others)
    refuse_same_language(targets)
    return Editions(source, targets, len(paths) != 2)


def refuse_same_language(targets: Sequence[Document]) -> None:
    """Two translations in one language would share the columns (and findings) of
    that language in every multi-edition output: refuse, naming both."""
    seen: dict[str, str] = {}
    for doc in targets:
        if doc.lang in seen:
            raise InputError(f"two editions in '{doc.lang}': {seen[doc.lang]} and {doc.name}; "
                             "align them in separate runs")
        seen[doc.lang] = doc.name


def read_listed(source: tuple[str, str], targets: Sequence[tuple[str, str]], strict: bool = True,
                presplit: bool = False) -> Editions:
    """The editions a manifest lists as (language, path) pairs; an empty
    language is detected from the text (``strict`` as for :func:`load_document`)."""
    src, *docs = read_documents([(source[1], source[0] or None), *((path, lang or None) for lang, path in targets)],
                                presplit, strict)
    docs = tuple(docs)
    refuse_same_language(docs)
    return Editions(src, docs, True)


def read_earlier(editions: Editions, since: str | None, previous_source: str | Path | None,
                 presplit: bool = False) -> EarlierEditions:
    """The editions' earlier versions for drift: at git revision ``since`` (the
    source, and each translation that existed then), or the file
    ``previous_source`` (the source only); ``presplit`` as the editions were read."""
    from .git import read_at

    source = editions.source
    if since is not None:
        text = read_at(since, Path(source.name))
        if text is None:
            raise InputError(f"{source.name}: did not exist at {since}; nothing to compare with")
        old = load_document(text, source.lang, presplit, f"{source.name}@{since}")
        targets = []
        for target in editions.targets:
            earlier = read_at(since, Path(target.name))
            targets.append(None if earlier is None else
                           load_document(earlier, target.lang, presplit, f"{target.name}@{since}"))
        label = since
    else:
        old = read_document(previous_source, source.lang, presplit)
        targets = [None] * len(editions.targets)
        label = "the previous source"
    if old.lang != source.lang:
        raise InputError(f"{old.name} is in '{old.lang}', the source in '{source.lang}'")
    return EarlierEditions(old, tuple(targets), label)


def document_of(value: str | bytes | Path, lang: str | None = None, presplit: bool = False,
                name: str = "text") -> Document:
    """An edition given as text, undecoded bytes or a path (the Python API's one-call helpers)."""
    if isinstance(value, Path):
        return read_document(value, lang, presplit)
    if isinstance(value, (bytes, bytearray)):
        from .text import decode

        return load_document(decode(bytes(value), name), lang, presplit, name)
    if not isinstance(value, str):
        raise InputError(f"{name}: expected text, bytes or a Path, got {type(value).__name__}")
    return load_document(value, lang, presplit, name)


def sentences_document(sentences: Sequence[str], lang: str, name: str) -> Document:
    """An edition given as a list of already split sentences."""
    if isinstance(sentences, (str, bytes)):
        raise InputError(f"{name}: align_sentences takes lists of sentences; for running text use align_texts")
    if not all(isinstance(s, str) for s in sentences):
        raise InputError(f"{name}: every sentence must be a string")
    return Document.from_sentences(list(sentences), lang, name)
