"""Tokens that should carry over unchanged: acronyms, URLs, e-mail addresses.

Only tokens whose script the translation shares are expected to carry over:
a Russian source's Cyrillic acronyms (МИБ) are translated, but a Latin
acronym, a URL or an e-mail address inside it is not. Acronyms are often
translated between Latin-script languages too (UN -> ONU), so an acronym that
never appears anywhere in the translation is reported once, as a warning
about consistency; one that the translation uses elsewhere but not in this
sentence is reported where it is missing.
"""

from __future__ import annotations

import re
from typing import Iterable

from .base import PairContext, Rule
from .findings import Finding

_URL = re.compile(r"\bhttps?://[^\s<>\"')\]]+|\bwww\.[^\s<>\"')\]]+", re.IGNORECASE)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_ACRONYM = re.compile(r"\b[A-Z][A-Z0-9&]{1,9}s?\b")


def _latin(token: str) -> bool:
    return all(c.isascii() for c in token)


def carried_tokens(text: str) -> list[tuple[str, str]]:
    """(kind, token) pairs that a translation should keep as they are."""
    out = [("URL", u.rstrip(".,;:")) for u in _URL.findall(text)]
    out += [("e-mail address", e) for e in _EMAIL.findall(text)]
    stripped = _EMAIL.sub(" ", _URL.sub(" ", text))
    if not _shouted(stripped):  # "SEE ALSO", "NAME": headings in capitals are words, not acronyms
        out += [("acronym", a) for a in _ACRONYM.findall(stripped) if _latin(a)]
    return out


def _shouted(text: str) -> bool:
    """Text written mostly in capitals (a heading, a banner)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) >= 0.6


class NameRule(Rule):
    ids = ("name-mismatch",)
    descriptions = {"name-mismatch": "An acronym, URL or e-mail address of the source is missing or changed in the translation."}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        target_text = " ".join(ctx.alignment.target.texts)
        reported_absent: set[str] = set()
        for link, src_text, tgt_text in ctx.linked_texts():
            for kind, token in carried_tokens(src_text):
                if token in tgt_text:
                    continue
                if kind == "acronym" and token not in target_text:
                    if token in reported_absent:
                        continue
                    reported_absent.add(token)
                    yield ctx.finding("name-mismatch", "warning", link, 0.5,
                                      f"acronym {token} of the source never appears in the translation; "
                                      "check that it is translated consistently", (token,))
                    continue
                yield ctx.finding("name-mismatch", "error" if kind != "acronym" else "warning", link, 1.0,
                                  f"{kind} {token} of the source is missing in this translation sentence",
                                  (token,))
