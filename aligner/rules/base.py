"""The small base class every rule implements (one rule family per file), and
what a rule may look at (:class:`PairContext`).

Rules only read values: the alignment, and for rules that say they need
embeddings, the semantic signals computed beforehand by :mod:`aligner.diverge`.
They never call an encoder themselves, so a rule that only reads text (numbers,
names, structure) can be run and tested without loading a model.
"""

from __future__ import annotations

import re
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import Iterable

import numpy as np

from ..core import Alignment, Link
from ..core import Finding


@dataclass(frozen=True)
class PairSignals:
    """Per linked pair: similarity, coverage, and the least covered span on each side."""

    similarity: np.ndarray
    coverage: np.ndarray
    src_gap: list[tuple[str, float]]
    tgt_gap: list[tuple[str, float]]


@dataclass(frozen=True)
class Semantics:
    """The encoder's view of a pair: signals, calibrated divergence scores and the
    threshold at which a score counts as divergent (all per model)."""

    signals: PairSignals
    scores: np.ndarray
    threshold: float


@dataclass(frozen=True)
class PairContext:
    """Everything rules may look at for one source-translation pair.

    ``linked`` lists the indices into ``alignment.links`` of every link with
    text on both sides; ``semantics`` (present when a rule that needs
    embeddings runs) holds one value per entry of ``linked``.
    """

    alignment: Alignment
    linked: tuple[int, ...]
    semantics: Semantics | None = None

    @classmethod
    def of(cls, alignment: Alignment, semantics: Semantics | None = None) -> "PairContext":
        linked = tuple(k for k, link in enumerate(alignment.links) if link.src and link.tgt)
        return cls(alignment, linked, semantics)

    def text(self, link: Link) -> tuple[str, str]:
        src, tgt = self.alignment.source.texts, self.alignment.target.texts
        return " ".join(src[i] for i in link.src), " ".join(tgt[j] for j in link.tgt)

    def linked_texts(self):
        """(link, source text, target text) for every link with text on both sides."""
        for link in self.alignment.links:
            if link.src and link.tgt:
                yield (link, *self.text(link))

    def finding(self, rule: str, severity: str, link: Link, score: float, message: str,
                evidence: tuple[str, ...] = ()) -> Finding:
        src_text, tgt_text = self.text(link)
        return Finding(rule, severity, self.alignment.source.name, self.alignment.target.name,
                       link.src, link.tgt, src_text, tgt_text, round(float(score), 4), message,
                       links=self.alignment.links_touching(link.src, link.tgt),
                       evidence=tuple(e for e in evidence if e))


class Rule(ABC):
    """A family of checks with stable ids; ``ids`` lists the ids it can report."""

    ids: tuple[str, ...] = ()
    #: one line per id, for SARIF rule metadata and --help
    descriptions: dict[str, str] = {}
    #: ids that describe the same kind of difference as another rule's (a
    #: truncated ending and an omitted sentence both mean "missing"), so that
    #: witnesses from other editions count them together; default: the id itself
    families: dict[str, str] = {}
    #: True if the rule reads ``ctx.semantics`` (the encoder's signals)
    needs_embeddings: bool = False

    def family(self, rule_id: str) -> str:
        return self.families.get(rule_id, rule_id)

    @abstractmethod
    def check(self, ctx: PairContext) -> Iterable[Finding]:
        """Findings for one source-translation pair."""


def words(text: str) -> int:
    """Words with at least one letter: what makes a sentence content, not a marker."""
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def size_severity(text: str) -> str:
    """Missing or added content of a few words is worth a look; more is an error."""
    return "error" if words(text) >= 4 else "warning"


def prose_words(text: str) -> int:
    """Words of three or more letters only: prose, as opposed to codes like 'en-GB1'."""
    return sum(1 for w in text.split() if len(w.strip(".,;:!?()\"'«»„“”")) >= 3
               and w.strip(".,;:!?()\"'«»„“”").replace("-", "").replace("'", "").isalpha())


#: Characters that make a token code (a command, path, option, identifier,
#: sample output), not a word of prose.
CODE_CHARS = frozenset("()[]{}<>$/\\=_|@#%*~^&+`")
#: Punctuation around a word that does not make it code.
EDGE = ".,;:!?\"'«»„“”‚‘’…()[]"
#: A token that is code: an option, a path, a call or man-page reference
#: (``ioctl(``, ``kill(1)``), a shell prompt, or a character prose never has.
CODE_TOKEN = re.compile(r"^[-dlcbps][-rwxsStT]{9}$|^--?[A-Za-z]|^[~.]?/[\w.]|\w\(|[$=_|\\`{}<>]|^[$#]$")
#: A sentence is prose with at least this many words, nearly all of them words.
PROSE_MIN_WORDS = 3
PROSE_SHARE = 0.8


def is_word(token: str) -> bool:
    """Letters (with inner hyphens or apostrophes), not all capitals: a word of
    prose rather than an option (``--all``), a path, ``ioctl(int``, ``LPTIME``."""
    core = token.strip(EDGE)
    if not core or any(c in CODE_CHARS for c in core) or core.startswith("-") or CODE_TOKEN.search(core):
        return False
    letters = core.replace("-", "").replace("'", "").replace("’", "")
    return letters.isalpha() and not (len(letters) > 1 and letters.isupper())


def is_prose(text: str) -> bool:
    """Whether a sentence is prose a translator translates, as opposed to code,
    a command line, a table row or a heading. Manuals and technical documents
    keep such lines as they are in every language, and a sentence encoder
    scores them unreliably, so rules judge their wording less strictly.

    Hand-written: language-independent and cheap; a tokenizer or language
    model would not know what a translator leaves alone either."""
    tokens = text.split()
    if sum(1 for t in tokens if CODE_TOKEN.search(t)) > 0.1 * len(tokens):  # `j < lim;`, `$ cmd`
        return False
    lettered = [t for t in tokens if any(c.isalpha() for c in t)]  # numbers are neither
    prose = [t for t in lettered if is_word(t)]
    return (sum(1 for t in prose if len(t.strip(EDGE)) > 1) >= PROSE_MIN_WORDS
            and len(prose) >= PROSE_SHARE * len(lettered))


def is_code(text: str) -> bool:
    """A command line, path, option list or sample output: some token is code
    by its characters (``$``, ``/dev/st0``, ``--all``, ``-rw-r--r--``)."""
    return any(CODE_TOKEN.search(t) for t in text.split())


def whole_words(sentence: str, span: str) -> str:
    """The run of whole words of ``sentence``, as written, that holds ``span``.

    Span texts come from the encoder's subword pieces ("вторами." from
    "соавторами."); a person needs the words themselves. Spaces and case are
    ignored when locating the span; a span that cannot be found is returned as
    it is. Scripts without spaces (Chinese, Japanese) keep whole characters.
    """
    # one entry per case-folded character ("ß" folds to "ss"), each knowing its origin
    chars = [(f, k) for k, c in enumerate(sentence) if not c.isspace() for f in c.casefold()]
    flat = "".join(c for c, _ in chars)
    needle = "".join(c.casefold() for c in span if not c.isspace())
    at = flat.find(needle) if needle else -1
    if at < 0:
        return span.strip()
    start, end = chars[at][1], chars[at + len(needle) - 1][1] + 1

    def inside_word(c: str) -> bool:  # a wide (CJK) character is a word of its own here
        return not c.isspace() and unicodedata.east_asian_width(c) not in "WF"

    while start > 0 and inside_word(sentence[start - 1]) and inside_word(sentence[start]):
        start -= 1
    while end < len(sentence) and inside_word(sentence[end]) and inside_word(sentence[end - 1]):
        end += 1
    return sentence[start:end]
