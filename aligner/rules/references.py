"""A cross-reference whose title the translation dropped: the source points to
"Section 4.3, “The changelog file”", the translation to "Sección 4.3." only.

Manuals refer to their sections by number and title; a translator who keeps
the titles does so throughout, so a reference that has lost its title is a
sentence cut off at the comma before the title. Measured on the document at hand:
the translation's own share of titled references sets the bar, so a
translation that refers by number alone (or whose quotes its text rendering
lost, as the Russian installation guide's "?") is left alone.
"""

from __future__ import annotations

import re
from typing import Iterable

from ..core import Finding
from .base import PairContext, Rule

#: Opening and closing quotes of the languages the tool reads (German opens with » too).
_OPEN = "“\"«„「『‘‹»›"
_CLOSE = "”\"»“」』’›«‹"
#: "Section 4.3, “Title”": a section number with dots, the title in quotes after it.
_TITLED = re.compile(rf"(?<![\w.])(\d+(?:\.\d+)+)\.?, ?[{_OPEN}]([^{_CLOSE}]{{2,}})[{_CLOSE}]")
#: How far after the number a translation opens the title's quotes ("第 12.1 节 “",
#: "4.3, «", "1.4節「").
_NEAR = 6
#: A translation keeps titles as a habit when at least this share of its other
#: references to titled sections (all but the one in question) quote the title, and
#: it makes MIN_REFERENCES or more.
#: Not fitted: of the recall bench's clean translations, 15 quote every title (43 to
#: 74 references each), the Russian installation guide none (its text lost its
#: quotes) and the Japanese ones make one reference or none, so any bar between
#: the two gives the same findings there.
KEPT_SHARE = 0.9
MIN_REFERENCES = 5


def titled(text: str) -> list[tuple[str, str]]:
    """(section number, title) of each titled cross-reference."""
    return _TITLED.findall(text)


def _number_at(number: str, text: str) -> int | None:
    """Where the translation writes the section number (not inside a longer one), or None."""
    m = re.search(rf"(?<![\d.]){re.escape(number)}(?![\d]|\.\d)", text)
    return m.end() if m else None


def keeps_title(number: str, text: str) -> bool | None:
    """Whether the translation quotes a title right after the section number
    (None: it does not write the number, so says nothing of the title)."""
    end = _number_at(number, text)
    if end is None:
        return None
    return any(c in _OPEN for c in text[end:end + _NEAR])


class ReferenceRule(Rule):
    ids = ("reference-title",)
    descriptions = {"reference-title": "A cross-reference of the source gives a section's title; "
                                       "the translation gives its number only."}
    families = {"reference-title": "missing"}

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        refs = [(link, number, title, keeps_title(number, tgt))
                for link, src, tgt in ctx.linked_texts() for number, title in titled(src)]
        refs = [r for r in refs if r[3] is not None]
        kept = sum(1 for r in refs if r[3])
        if len(refs) < MIN_REFERENCES or kept < KEPT_SHARE * (len(refs) - 1):
            return  # this translation refers to sections by number alone, or not by one habit
        for link, number, title, keeps in refs:
            if not keeps:
                yield ctx.finding("reference-title", "warning", link, 0.8,
                                  f"the source refers to {number} by its title \"{title}\"; the translation gives "
                                  f"the number only (it quotes the title in {kept} of its {len(refs)} references "
                                  "to titled sections): the rest of the sentence may be missing", (title,))
