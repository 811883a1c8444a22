"""A team's glossary: CSV (source, target, optional language, note, forbidden,
case) or TBX (2 and 3, read with lxml: no maintained TBX package is installable).

Every problem is one :class:`InputError` naming the file and the row, raised
before any work, so a CI job fails at once and says what to fix.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..core.settings import Term
from ..errors import InputError

#: CSV columns; source and target are required.
COLUMNS = ("source", "target", "language", "note", "forbidden", "case")
_YES = {"yes", "y", "true", "1", "forbidden", "x"}
_NO = {"", "no", "n", "false", "0"}
_CASE = {"": None, "sensitive": True, "yes": True, "insensitive": False, "no": False}
#: TBX statuses that forbid a term (TBX-Basic's administrativeStatus, TBX 3's normativeAuthorization).
_FORBIDDEN_STATUS = {"deprecatedterm-admn-sts", "supersededterm-admn-sts", "deprecated", "superseded",
                     "forbidden", "notrecommended", "admittedterm-admn-sts-no"}


def read_glossary(path: str | Path) -> tuple[Term, ...]:
    """The terms of a glossary file (``.tbx`` or ``.xml`` as TBX, anything else as CSV)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"glossary {path}: cannot be read ({exc.strerror or exc})") from None
    if path.suffix.lower() in (".tbx", ".xml") or raw.lstrip()[:5] == b"<?xml" or b"<tbx" in raw[:500].lower() \
            or b"<martif" in raw[:500].lower():
        return _tbx(path, raw)
    return _csv(path, raw)


def _csv(path: Path, raw: bytes) -> tuple[Term, ...]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"glossary {path}: not UTF-8 text; save it as UTF-8 CSV") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = csv.DictReader(io.StringIO(text), dialect=dialect)
    header = [h.strip().lower() for h in (rows.fieldnames or [])]
    if "source" not in header or "target" not in header:
        raise InputError(f"glossary {path}: needs a header row with the columns source and target "
                         f"(optional: {', '.join(COLUMNS[2:])}); it has {', '.join(header) or 'none'}")
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise InputError(f"glossary {path}: unknown column {unknown[0]!r} (the columns are {', '.join(COLUMNS)})")
    terms = []
    for number, row in enumerate(rows, start=2):
        values = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        source, target = values.get("source", ""), values.get("target", "")
        if not source and not target:
            continue  # a blank line
        if not source or not target:
            raise InputError(f"glossary {path}, row {number}: needs both a source and a target term")
        forbidden = values.get("forbidden", "").lower()
        if forbidden not in _YES | _NO:
            raise InputError(f"glossary {path}, row {number}: forbidden is {values['forbidden']!r}; "
                             "write yes or leave it empty")
        case = values.get("case", "").lower()
        if case not in _CASE:
            raise InputError(f"glossary {path}, row {number}: case is {values['case']!r}; "
                             "write sensitive, insensitive or leave it empty")
        terms.append(Term(source, target, values.get("language") or None, forbidden in _YES, _CASE[case],
                          values.get("note", "")))
    if not terms:
        raise InputError(f"glossary {path}: has no terms")
    return tuple(terms)


def _tbx(path: Path, raw: bytes) -> tuple[Term, ...]:
    """TBX 2 (martif/termEntry/langSet/tig) and TBX 3 (tbx/conceptEntry/langSec/termSec):
    each concept read both ways, from each language's allowed term to the others'
    (the source edition's language picks the direction when the check runs)."""
    from lxml import etree

    try:
        root = etree.fromstring(raw, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise InputError(f"glossary {path}: not well-formed TBX ({exc})") from None
    lang_attr = "{http://www.w3.org/XML/1998/namespace}lang"
    terms = []
    for entry in root.iter("{*}termEntry", "{*}conceptEntry"):
        by_lang: dict[str, list[tuple[str, bool]]] = {}
        for lang_set in entry.iter("{*}langSet", "{*}langSec"):
            lang = (lang_set.get(lang_attr) or lang_set.get("lang") or "").lower()
            for holder in lang_set.iter("{*}tig", "{*}ntig", "{*}termSec"):
                term = next(holder.iter("{*}term"), None)
                if term is None or not "".join(term.itertext()).strip():
                    continue
                statuses = {"".join(t.itertext()).strip().lower() for t in holder.iter("{*}termNote")
                            if (t.get("type") or "") in ("administrativeStatus", "normativeAuthorization")}
                by_lang.setdefault(lang, []).append(("".join(term.itertext()).strip(),
                                                     bool(statuses & _FORBIDDEN_STATUS)))
        for src_lang, found in sorted(by_lang.items()):
            allowed = [t for t, forbidden in found if not forbidden]
            if not allowed or not src_lang:
                continue
            for lang, others in sorted(by_lang.items()):
                if lang != src_lang and lang:
                    terms.extend(Term(allowed[0], target, lang, forbidden, source_lang=src_lang)
                                 for target, forbidden in others)
    if not terms:
        raise InputError(f"glossary {path}: no term entries with a term in two languages")
    return tuple(terms)
