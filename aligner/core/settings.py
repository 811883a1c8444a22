"""What a project sets for its checks (``aligner.toml``, ``--glossary``): the
glossary's terms, which rules run and at which severity, what to leave out.

Read by :mod:`aligner.readers.project`; the check stage applies them
(:meth:`Settings.apply`) and the run's signature names them
(:meth:`Settings.signature_part`), so a report says which settings were in force.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping

from .document import base_language
from .findings import Finding

#: What a rule may be set to in a project file: a severity, or off.
RULE_SETTINGS = ("off", "info", "warning", "error")


@dataclass(frozen=True)
class Term:
    """One glossary entry: the source term, its translation in ``lang`` (any target
    language when None), and whether that translation is forbidden rather than required."""

    source: str
    target: str
    lang: str | None = None
    forbidden: bool = False
    #: matched as written (an acronym: "UN" is not the Spanish "un"); None: decided by
    #: the term itself (all capitals match as written, anything else in any case)
    case_sensitive: bool | None = None
    note: str = ""
    #: the source's language (a TBX concept holds several); None: any source
    source_lang: str | None = None

    def applies_to(self, src_lang: str, tgt_lang: str) -> bool:
        return _same(self.lang, tgt_lang) and _same(self.source_lang, src_lang)


def _same(wanted: str | None, lang: str) -> bool:
    """Whether a language a term is for covers ``lang`` (pt covers pt-BR, and pt-BR pt)."""
    return wanted is None or base_language(wanted) == base_language(lang)


@dataclass(frozen=True)
class LanguageSettings:
    """Settings for the translations into one language, on top of the project's."""

    rules: Mapping[str, str] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()


@dataclass(frozen=True)
class Settings:
    """A project's settings; the default (no file, no glossary) changes nothing."""

    #: rule id -> "off" or the severity its findings get
    rules: Mapping[str, str] = field(default_factory=dict)
    #: regular expressions: a finding whose evidence (or, with none, translation
    #: sentence) one of them matches is left out (product names kept in English, code)
    ignore: tuple[str, ...] = ()
    glossary: tuple[Term, ...] = ()
    languages: Mapping[str, LanguageSettings] = field(default_factory=dict)
    fail_on: str | None = None
    #: file-name patterns of a folder of editions that are not editions (notes.txt)
    exclude: tuple[str, ...] = ()
    #: file-name pattern -> language, for editions of a folder whose name does not say it
    editions: Mapping[str, str] = field(default_factory=dict)
    #: where they were read from, for messages (not part of the signature)
    origin: tuple[str, ...] = field(default=(), compare=False)

    def terms_for(self, src_lang: str, tgt_lang: str) -> tuple[Term, ...]:
        return tuple(t for t in self.glossary if t.applies_to(src_lang, tgt_lang))

    def rule_setting(self, rule_id: str, lang: str) -> str | None:
        """'off', a severity, or None (as the rule says) for translations into ``lang``."""
        local = self._language(lang)
        if local is not None and rule_id in local.rules:
            return local.rules[rule_id]
        return self.rules.get(rule_id)

    def enabled(self, rule_ids: Iterable[str], lang: str) -> bool:
        """Whether any of a rule family's ids still runs for ``lang``."""
        return any(self.rule_setting(rid, lang) != "off" for rid in rule_ids)

    def apply(self, findings: Iterable[Finding], lang: str) -> list[Finding]:
        """The findings of translations into ``lang`` as the project wants them:
        rules set off left out, severities overridden, ignored matches left out."""
        local = self._language(lang)
        patterns = [re.compile(p) for p in (*self.ignore, *(local.ignore if local else ()))]
        out = []
        for finding in findings:
            setting = self.rule_setting(finding.rule, lang)
            if setting == "off":
                continue
            if patterns and _ignored(finding, patterns):
                continue
            out.append(replace(finding, severity=setting) if setting else finding)
        return out

    def _language(self, lang: str) -> LanguageSettings | None:
        return self.languages.get(lang) or self.languages.get(lang.split("-")[0])

    @property
    def is_default(self) -> bool:
        return self == Settings()

    def signature_part(self) -> tuple[str, str] | None:
        """("settings", digest of what is set) for the run's signature; None when
        nothing is set, so runs without a project file keep their signature."""
        if self.is_default:
            return None
        canonical = json.dumps({
            "rules": dict(sorted(self.rules.items())), "ignore": list(self.ignore),
            "glossary": [[t.source, t.target, t.lang, t.forbidden, t.case_sensitive, t.source_lang]
                         for t in self.glossary],
            "languages": {k: [dict(sorted(v.rules.items())), list(v.ignore)] for k, v in sorted(self.languages.items())},
            "fail_on": self.fail_on}, ensure_ascii=False, sort_keys=True)
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:8]
        return "settings", f"{digest}" + (f"+glossary{len(self.glossary)}" if self.glossary else "")


def _ignored(finding: Finding, patterns: list[re.Pattern]) -> bool:
    texts = finding.evidence or (finding.tgt_text,)
    return any(p.search(text) for p in patterns for text in texts if text)
