"""What a rule, the aligner or drift may ask of a piece of text: is it prose
or code, how many words does it hold, which words of it hold a span.

Hand-written: language-independent and cheap. A tokenizer or a language
model would not know what a translator leaves alone either (commands, paths,
options, sample output keep their form in every edition), and these tests run
on every sentence of a book.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Letters a text needs before its language is judged (a whole edition's, or one sentence's).
MIN_LETTERS = 40

#: A sentence is prose with at least this many words, nearly all of them words
#: (:func:`is_prose`): what rules judge the wording of.
PROSE_MIN_WORDS = 3
PROSE_SHARE = 0.8
#: A sentence repeated as it is counts as left untranslated with at least this
#: many words of prose, at least this share of its tokens, and code in at most
#: that share (:func:`mostly_words`): more words than :data:`PROSE_MIN_WORDS`,
#: since the finding is an error, and a smaller share, since such a sentence
#: may name a command ("For example, sudo(8) consults the sudoers database.").
UNTRANSLATED_MIN_WORDS = 4
UNTRANSLATED_SHARE = 0.5
UNTRANSLATED_MAX_CODE = 0.25


def is_cjk(text: str) -> bool:
    """Whether the text starts with a Chinese, Japanese or Korean character (or
    full-width punctuation): such text is written with no spaces between words."""
    return bool(text) and unicodedata.east_asian_width(text[0]) in "WF"


def has_cjk(text: str) -> bool:
    """Whether any character of the text is one :func:`is_cjk` (ASCII text, most
    of a Latin-script book, answered at once)."""
    return not text.isascii() and any(is_cjk(c) for c in text)


#: Kana and ideographs, for character classes: the letters of Chinese and Japanese
#: (not Korean's, which are written with spaces between words).
CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Spaces between two Chinese or Japanese characters (those letters and CJK and
#: full-width marks), which those languages do not write: a source line break inside
#: a word (Markdown, HTML, a man page's roff as groff prints it: "介于用 户进程") or
#: justification.
_CJK_SPACES = re.compile(f"(?<=[\u3000-\u303f{CJK_LETTERS}\uff00-\uffef]) +(?=[\u3000-\u303f{CJK_LETTERS}\uff00-\uffef])")


def close_cjk_spaces(text: str) -> str:
    """The text without spaces between two Chinese or Japanese characters."""
    return _CJK_SPACES.sub("", text) if has_cjk(text) else text


def count_cjk(text: str) -> int:
    """How many characters of the text :func:`is_cjk` holds."""
    return 0 if text.isascii() else sum(map(is_cjk, text))


#: Sentences whose word counts and prose verdicts are kept: every rule asks about
#: the same sentences, and a book repeats many of them.
_SENTENCES = 1 << 14


@lru_cache(maxsize=_SENTENCES)
def words(text: str) -> int:
    """Words with at least one letter: what makes a sentence content, not a marker."""
    return sum(1 for w in text.split() if any(c.isalpha() for c in w))


def prose_words(text: str) -> int:
    """Words of three or more letters only: prose, as opposed to codes like 'en-GB1'."""
    return sum(1 for w in text.split() if len(w.strip(".,;:!?()\"'«»„“”")) >= 3
               and w.strip(".,;:!?()\"'«»„“”").replace("-", "").replace("'", "").isalpha())


#: The bars between the cells of a table drawn with box-drawing characters.
TABLE_BARS = "│┃║"
TABLE_BAR = re.compile(f"[{TABLE_BARS}]")
#: Characters that make a token code (a command, path, option, identifier,
#: sample output), not a word of prose.
CODE_CHARS = frozenset("()[]{}<>$/\\=_|@#%*~^&+`")
#: Punctuation around a word that does not make it code.
EDGE = ".,;:!?\"'«»„“”‚‘’…()[]"
#: A token that is code: an option, a path, a call or man-page reference
#: (``ioctl(``, ``kill(1)``), a shell prompt, or a character prose never has.
CODE_TOKEN = re.compile(r"^[-dlcbps][-rwxsStT]{9}$|^--?[A-Za-z]|^[~.]?/[\w.]|\w\(|[$=_|\\`{}<>]|^[$#]$")


@lru_cache(maxsize=1 << 16)  # a book's tokens repeat: each is judged once, not per rule and sentence
def is_word(token: str) -> bool:
    """Letters (with inner hyphens or apostrophes), not all capitals: a word of
    prose rather than an option (``--all``), a path, ``ioctl(int``, ``LPTIME``."""
    core = token.strip(EDGE)
    if not core or any(c in CODE_CHARS for c in core) or core.startswith("-") or CODE_TOKEN.search(core):
        return False
    letters = core.replace("-", "").replace("'", "").replace("’", "")
    return letters.isalpha() and not (len(letters) > 1 and letters.isupper())


@lru_cache(maxsize=_SENTENCES)
def is_prose(text: str) -> bool:
    """Whether a sentence is prose a translator translates, as opposed to code,
    a command line, a table row or a heading. Manuals and technical documents
    keep such lines as they are in every language, and a sentence encoder
    scores them unreliably, so rules judge their wording less strictly."""
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


#: What a tokenizer writes for a piece of text it has no entry for.
UNKNOWN = "<unk>"


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
    # a character the encoder's vocabulary lacks comes back as "<unk>" (諺, 梱): any one to three
    pieces = ["".join(c.casefold() for c in piece if not c.isspace()) for piece in span.split(UNKNOWN)]
    found = None
    for gap in (".", ".{1,3}?"):  # usually one character each
        found = found or (re.search(gap.join(map(re.escape, pieces)), flat) if any(pieces) else None)
    if found is None or found.end() == found.start():
        return span.replace(UNKNOWN, "").strip() or span.strip()
    start, end = chars[found.start()][1], chars[found.end() - 1][1] + 1

    def inside_word(c: str) -> bool:  # a wide (CJK) character is a word of its own here
        return not c.isspace() and unicodedata.east_asian_width(c) not in "WF"

    while start > 0 and inside_word(sentence[start - 1]) and inside_word(sentence[start]):
        start -= 1
    while end < len(sentence) and inside_word(sentence[end]) and inside_word(sentence[end - 1]):
        end += 1
    return sentence[start:end]


def mostly_words(text: str) -> bool:
    """Prose with some code in it, not code with some words in it (a command line
    with its options, a shell prompt)."""
    tokens = text.split()
    return prose_words(text) >= max(UNTRANSLATED_MIN_WORDS, UNTRANSLATED_SHARE * len(tokens)) \
        and sum(1 for t in tokens if CODE_TOKEN.search(t)) <= UNTRANSLATED_MAX_CODE * len(tokens)


#: A number as written: digits with thousands groups and a decimal part.
_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")


def digit_runs(text: str) -> frozenset[str]:
    """The numbers of a text as digits only, separators removed, so ``1 000,5``
    and ``1,000.5`` compare equal (the aligner's cheap evidence of a pair; the
    number rule reads numbers per language, words and ordinals included)."""
    return frozenset(re.sub(r"\D", "", m.group()) for m in _NUMBER.finditer(text))
