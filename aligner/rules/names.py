"""Tokens that should carry over unchanged: acronyms, URLs, e-mail addresses.

Only tokens whose script the translation shares are expected to carry over:
a Russian source's Cyrillic acronyms (МИБ) are translated, but a Latin
acronym, a URL or an e-mail address inside it is not. Acronyms are often
translated between Latin-script languages too (UN -> ONU), so an acronym that
the translation leaves out in most of the sentences that have it (or never
uses) is reported once, as a note about consistency; one that the translation
usually keeps but not in this sentence is a warning where it is missing.
Measured on the document at hand: the translator's own habit sets the bar.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from .base import PairContext, Rule
from ..core import Finding

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


#: Domains reserved for examples (RFC 2606): placeholders, adapted by translators.
_EXAMPLE_SITES = frozenset({"example.org", "example.com", "example.net"})


def _site(token: str) -> str:
    """The registered domain of a URL or e-mail address (its last two host labels):
    ftp.de.debian.org and lists.debian.org are both debian.org."""
    host = token.rsplit("@", 1)[-1] if "@" in token and "://" not in token else token
    host = re.sub(r"^[a-z]+://", "", host.lower()).split("/", 1)[0].split(":", 1)[0]
    return ".".join(host.split(".")[-2:])


def _shouted(text: str) -> bool:
    """Text written mostly in capitals (a heading, a banner)."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) / len(letters) >= 0.6


#: Longer runs of capitals are words written in capitals (SYNOPSIS, NOTES), not acronyms.
MAX_ACRONYM = 5
#: Short words that do not start the words an acronym stands for (of, the, de, la, der, ...).
_LINKING = frozenset("a an and for in of on the to à au aux d de del der des die du el en et für i "
                     "la las le les los the und von y zu zur и в во на по для".split())


def _initials(words: list[str]) -> str:
    return "".join(w[0].casefold() for w in words if w and w.casefold() not in _LINKING)


def spelled_out(acronym: str, text: str) -> bool:
    """Whether ``text`` writes the acronym out: a run of words whose initials
    are the acronym's letters, in any order (GUI = "interfaces utilisateur
    graphiques") and allowing a compound to carry the last letters
    (IIS = "internationale Informationssicherheit").

    Hand-written: no library expands acronyms across languages."""
    letters = acronym.rstrip("s").casefold() if len(acronym) > 2 else acronym.casefold()
    words = [w.strip(".,;:!?()\"'«»„“”") for w in text.split()]
    words = [w for w in words if w and w.casefold() not in _LINKING]
    want = sorted(letters)
    for size in range(max(1, len(letters) - 2), len(letters) + 1):
        for start in range(len(words) - size + 1):
            run = words[start:start + size]
            initials = _initials(run)
            if sorted(initials) == want:
                return True
            rest = list(letters)
            for c in initials:
                if c in rest:
                    rest.remove(c)
            # the letters left over are inside one compound of the run
            if len(letters) >= 3 and size >= 2 and len(rest) <= 2 and len(initials) + len(rest) == len(letters) and any(
                    all(c in w.casefold()[1:] for c in rest) and len(w) >= 10 for w in run):
                return True
    return False


def _words_in(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", text) if not w.isupper()}


class NameRule(Rule):
    ids = ("name-mismatch",)
    descriptions = {"name-mismatch": "An acronym, URL or e-mail address of the source is missing or changed in the translation."}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        target_text = " ".join(ctx.alignment.target.texts)
        # a word the source also writes in small letters is a word in capitals, not an acronym
        source_words = _words_in(" ".join(ctx.alignment.source.texts))
        missing: list[tuple[object, str, str, str]] = []
        kept: Counter = Counter()
        seen: Counter = Counter()
        for link, src_text, tgt_text in ctx.linked_texts():
            for kind, token in dict.fromkeys(carried_tokens(src_text)):  # once per link
                if kind == "acronym" and (len(token.rstrip("s")) > MAX_ACRONYM
                                          or token.casefold() in source_words
                                          or spelled_out(token, tgt_text)):
                    continue
                seen[token] += 1
                if token in tgt_text:
                    kept[token] += 1
                else:
                    missing.append((link, tgt_text, kind, token))
        reported: set[str] = set()
        for link, tgt_text, kind, token in missing:
            if kind == "acronym" and kept[token] * 2 < seen[token]:
                # translated the same way throughout (UN -> ONU, "OS loader" -> "chargeur de
                # démarrage"): the translator's habit, one consistency note per acronym
                if token in reported:
                    continue
                reported.add(token)
                where = "never appears in the translation" if token not in target_text else \
                    f"is kept in only {kept[token]} of the {seen[token]} translation sentences that render it"
                yield ctx.finding("name-mismatch", "info", link, 0.5,
                                  f"acronym {token} of the source {where}; "
                                  "check that it is translated consistently", (token,))
                continue
            if kind != "acronym":
                replaced = [t for k, t in carried_tokens(tgt_text) if k == kind and t != token]
                local = [t for t in replaced if _site(t) == _site(token)]
                if _site(token) in _EXAMPLE_SITES:
                    # a placeholder the translator adapted (your.email@example.org)
                    yield ctx.finding("name-mismatch", "info", link, 0.5,
                                      f"{kind} {token} of the source is an example the translation adapts",
                                      (token,))
                    continue
                if local:
                    # the site's own page in the translation's language (ftp.us.debian.org ->
                    # ftp.de.debian.org, debian-user -> debian-user-german), or a typo: a look
                    yield ctx.finding("name-mismatch", "warning", link, 0.8,
                                      f"{kind} {token} of the source is {local[0]} in the translation "
                                      "(the same site: a localised address, or a mistake?)", (token,))
                    continue
            yield ctx.finding("name-mismatch", "error" if kind != "acronym" else "warning", link, 1.0,
                              f"{kind} {token} of the source is missing in this translation sentence",
                              (token,))
