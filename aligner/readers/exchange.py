"""Bitexts from CAT tools: XLIFF 1.2 and 2.x, and TMX 1.4, read with lxml.

Each translation unit is one row (``check --pairs`` then keeps every unit):
its id, source text and target text, inline markup read as its text. The
languages the file declares are used unless given on the command line.
(translate-toolkit reads these formats too, but it is GPL: lxml is enough.)
"""

from __future__ import annotations

from pathlib import Path

from ..core import base_language
from ..errors import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SUFFIXES = {".xlf": "xliff", ".xliff": "xliff", ".tmx": "tmx"}


def _text(element) -> str:
    return "" if element is None else " ".join("".join(element.itertext()).split())


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _parse(path: Path):
    from lxml import etree

    try:
        # no network, no entities: a CAT file is data, never a reason to fetch anything
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        return etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as exc:
        raise InputError(f"{path}: not well-formed XML ({exc})") from None


def read_exchange(path: str | Path, tgt_lang: str | None = None
                  ) -> tuple[list[str], list[list[str]], list[int], str | None, str | None]:
    """(columns, rows, line numbers, source language, target language) of an XLIFF or TMX file."""
    path = Path(path)
    root = _parse(path)
    kind = SUFFIXES[path.suffix.lower()]
    if kind == "xliff":
        return _xliff(root, path)
    return _tmx(root, path, tgt_lang)


def _xliff(root, path: Path):
    if _local(root.tag) != "xliff":
        raise InputError(f"{path}: not an XLIFF file (root element <{_local(root.tag)}>)")
    version = root.get("version", "")
    rows, lines, ids = [], [], {}
    if version.startswith("1"):
        file = next((e for e in root.iter() if _local(e.tag) == "file"), None)
        src_lang = file.get("source-language") if file is not None else None
        tgt_lang = file.get("target-language") if file is not None else None
        units = [e for e in root.iter() if _local(e.tag) == "trans-unit"]
        pick = lambda u, name: next((c for c in u if _local(c.tag) == name), None)  # noqa: E731
        for unit in units:
            rows.append([unit.get("id", ""), _text(pick(unit, "source")), _text(pick(unit, "target"))])
            lines.append(unit.sourceline or 0)
    else:
        src_lang, tgt_lang = root.get("srcLang"), root.get("trgLang")
        for unit in (e for e in root.iter() if _local(e.tag) == "unit"):
            segments = [s for s in unit.iter() if _local(s.tag) == "segment"]
            src = " ".join(_text(next((c for c in s if _local(c.tag) == "source"), None)) for s in segments)
            tgt = " ".join(_text(next((c for c in s if _local(c.tag) == "target"), None)) for s in segments)
            rows.append([unit.get("id", ""), src.strip(), tgt.strip()])
            lines.append(unit.sourceline or 0)
    for row, line in zip(rows, lines):
        if not row[0]:
            raise InputError(f"{path}: line {line}: a translation unit without an id")
        if row[0] in ids:
            raise InputError(f"{path}: line {line}: unit id '{row[0]}' is used twice (first at line {ids[row[0]]})")
        ids[row[0]] = line
    if not rows:
        raise InputError(f"{path}: no translation units")
    return ["id", "src_text", "tgt_text"], rows, lines, src_lang, tgt_lang


def _tmx(root, path: Path, wanted: str | None):
    if _local(root.tag) != "tmx":
        raise InputError(f"{path}: not a TMX file (root element <{_local(root.tag)}>)")
    header = next((e for e in root.iter() if _local(e.tag) == "header"), None)
    src_lang = (header.get("srclang") or "").lower() if header is not None else ""
    if not src_lang or src_lang == "*all*":
        raise InputError(f"{path}: the TMX header names no source language (srclang)")
    units = [e for e in root.iter() if _local(e.tag) == "tu"]
    langs = sorted({(v.get(XML_LANG) or v.get("lang") or "").lower() for u in units for v in u
                    if _local(v.tag) == "tuv"} - {src_lang, ""})
    if wanted:
        langs = [code for code in langs if base_language(code) == base_language(wanted)]
    if len(langs) != 1:
        raise InputError(f"{path}: {'no' if not langs else 'several'} target languages in this TMX "
                         f"({', '.join(langs) or 'none'}); choose one with --tgt-lang")
    target = langs[0]
    rows, lines = [], []
    for number, unit in enumerate(units, 1):
        texts = {}
        for tuv in (v for v in unit if _local(v.tag) == "tuv"):
            lang = (tuv.get(XML_LANG) or tuv.get("lang") or "").lower()
            texts[lang] = _text(next((c for c in tuv if _local(c.tag) == "seg"), None))
        rows.append([unit.get("tuid", str(number)), texts.get(src_lang, ""), texts.get(target, "")])
        lines.append(unit.sourceline or 0)
    if not rows:
        raise InputError(f"{path}: no translation units")
    return ["id", "src_text", "tgt_text"], rows, lines, base_language(src_lang), base_language(target)
