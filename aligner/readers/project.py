"""The project file, ``aligner.toml``: the settings a team keeps beside its
documents so that CI and people run the same check.

::

    fail-on = "warning"                  # default of --fail-on
    exclude = ["notes.txt"]              # files of a folder of editions that are not editions

    [editions]                           # editions whose file name does not say the language
    "english.txt" = "en"
    glossary = ["terms.csv"]             # relative to this file
    ignore = ["ACME Cloud", "`[^`]+`"]    # findings on these are left out

    [rules]                              # a severity, or "off"
    repeated-word = "off"
    name-mismatch = "warning"

    [languages.de]                       # for the German translations only
    ignore = ["Debian-Archiv"]
    rules = { end-punctuation = "off" }

Parsed with the standard ``tomllib``. Every mistake (an unknown key, a rule id
that does not exist, a bad severity, a glossary that cannot be read) is one
:class:`InputError` naming it, raised before any work.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from ..core.settings import RULE_SETTINGS, LanguageSettings, Settings, Term
from ..errors import InputError
from .glossary import read_glossary

FILE_NAME = "aligner.toml"
_TOP = ("fail-on", "glossary", "ignore", "exclude", "editions", "rules", "languages")
_LANGUAGE = ("ignore", "rules")
_FAIL_ON = ("error", "warning", "info", "never")


def find_project(start: Path | None = None) -> Path | None:
    """The nearest ``aligner.toml`` in the working directory or a folder above it."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        path = candidate / FILE_NAME
        if path.is_file():
            return path
    return None


def read_settings(config: Path | None, glossaries: Iterable[Path], rule_ids: Iterable[str],
                  search: bool = True) -> Settings:
    """The settings of a run: the project file (``config``, or the one found upward
    when ``search``) and the ``--glossary`` files given on the command line."""
    known = tuple(rule_ids)
    path = config if config is not None else (find_project() if search else None)
    settings = _read(path, known) if path is not None else Settings()
    extra: tuple[Term, ...] = ()
    for glossary in glossaries:
        extra += read_glossary(glossary)
    if extra:
        settings = replace(settings, glossary=settings.glossary + extra,
                           origin=settings.origin + tuple(str(g) for g in glossaries))
    return settings


def _read(path: Path, known: tuple[str, ...]) -> Settings:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(f"--config {path}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from None
    where = str(path)
    _keys(data, _TOP, where)
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in _FAIL_ON:
        raise InputError(f"{where}: fail-on = {fail_on!r}; it is one of {', '.join(_FAIL_ON)}")
    glossary: tuple[Term, ...] = ()
    for name in _strings(data.get("glossary", []), f"{where}: glossary"):
        glossary += read_glossary((path.parent / name) if not Path(name).is_absolute() else Path(name))
    languages = {}
    table = data.get("languages", {})
    if not isinstance(table, dict):
        raise InputError(f"{where}: languages is a table of languages ([languages.de])")
    for lang, values in table.items():
        if not isinstance(values, dict):
            raise InputError(f"{where}: languages.{lang} is a table (ignore, rules)")
        _keys(values, _LANGUAGE, f"{where}: languages.{lang}")
        languages[lang] = LanguageSettings(_rules(values.get("rules", {}), known, f"{where}: languages.{lang}.rules"),
                                           _patterns(values.get("ignore", []), f"{where}: languages.{lang}.ignore"))
    return Settings(_rules(data.get("rules", {}), known, f"{where}: rules"),
                    _patterns(data.get("ignore", []), f"{where}: ignore"), glossary, languages, fail_on,
                    tuple(_strings(data.get("exclude", []), f"{where}: exclude")),
                    _editions(data.get("editions", {}), f"{where}: editions"), (where,))


def _keys(table: dict, allowed: tuple[str, ...], where: str) -> None:
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            raise InputError(f"{where}: unknown key {key!r}" + (f" (did you mean {close[0]!r}?)" if close else
                                                                 f"; the keys are {', '.join(allowed)}"))


def _strings(value, where: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{where} is a list of strings")
    return value


def _patterns(value, where: str) -> tuple[str, ...]:
    patterns = _strings(value, where)
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise InputError(f"{where}: {pattern!r} is not a regular expression ({exc})") from None
    return tuple(patterns)


def _editions(value, where: str) -> dict[str, str]:
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise InputError(f"{where} is a table of file names and languages (\"english.txt\" = \"en\")")
    out = {}
    for name, lang in value.items():
        if not re.fullmatch(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*", lang):
            raise InputError(f"{where}: {name} = {lang!r} is not a language code (en, pt-BR)")
        out[name] = lang.lower()
    return out


def _rules(value, known: tuple[str, ...], where: str) -> dict[str, str]:
    if not isinstance(value, dict):
        raise InputError(f"{where} is a table of rule ids (name-mismatch = \"warning\")")
    out = {}
    for rule, setting in value.items():
        if rule not in known:
            close = difflib.get_close_matches(rule, known, n=1)
            raise InputError(f"{where}: no rule {rule!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
                             + "; `aligner rules` lists them")
        if setting not in RULE_SETTINGS:
            raise InputError(f"{where}: {rule} = {setting!r}; it is one of {', '.join(RULE_SETTINGS)}")
        out[rule] = setting
    return out
