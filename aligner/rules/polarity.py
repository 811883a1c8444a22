"""A negation on one side of a linked pair that the other side lacks: the
translation says the opposite ("is the second stage" / "ist nicht die zweite
Stufe").

The negating words of each language are data (``lexicons/negation.toml``).
Counting them is not enough: translations move negations into words ("only"
is "nichts außer", "fails" is "ne réussit pas", "disabled" is "無効"), so on
faithful text the counts differ in a few links in a hundred. The encoder
decides between the two readings: the side with the extra negation is
embedded once more without it; if that reads clearly closer to the other side,
the negation is what differs. Sentence similarity alone hardly moves for a
negation (one word of twenty); the difference with and without it does.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from ..core import Finding, Link, base_language
from .base import PairContext, Rule
from ..text import count_cjk, has_cjk, is_prose, mostly_words
from .lexicons import lexicon

#: How much of the distance between the two sides taking the extra negation
#: out must close (1 - cosine, relative) for the negation to be the difference.
#: Chosen on the planted benchmark of the tuned documents (bench/bench_recall.py,
#: maint-guide in six languages): 0.1 found 25 of 48 planted negations at 29
#: faithful links in 11,000 flagged; 0.05 found 28 at 70.
GAIN = 0.1

_WORD = re.compile(r"\w+(?:['’]\w+)*")
#: Languages that write elisions against the next word (n'est, l'on): split at the apostrophe.
_ELIDING = {"fr", "it", "ca"}
#: Words between the two parts of a negation ("ne se trouve pas", "n'en a plus jamais").
_REACH = 6


#: One negation: the (start, end) of each of its words, the first one first: one word
#: ("not", "nicht", "不"), or two ("ne ... pas", "n'est jamais").
Negation = tuple[tuple[int, int], ...]


def negations(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each negation in the text: of its first word."""
    return [parts[0] for parts in _parts(text, lang)]


def negation_parts(text: str, lang: str) -> list[Negation]:
    """Each negating word or piece in the text, with the closing word that a
    two-part negation ("ne ... pas") has: taking the negation out takes out
    both ("n'sont pas" without its "n" still says "pas")."""
    return list(_parts(text, lang))


@lru_cache(maxsize=1 << 16)  # each link's sides, read by doubled() and by _sides()
def _parts(text: str, lang: str) -> tuple[Negation, ...]:
    table = lexicon("negation").get(base_language(lang))
    if not table:
        return ()
    found: list[Negation] = []
    words = frozenset(table.get("words", ()))
    opening, closing = frozenset(table.get("opening", ())), frozenset(table.get("closing", ()))
    bound = frozenset(table.get("bound", ()))
    prefixes = frozenset(table.get("prefixes", ()))
    if words or opening:
        tokens = []
        masked = _unsaid(text, table)
        for m in _WORD.finditer(masked):
            token = m.group().casefold().replace("’", "'")
            if lang in _ELIDING and "'" in token:  # n'est: the n
                token = token.split("'")[0]
            tokens.append((token, m.start(), m.start() + len(token)))
        opened = -1  # the token index of an opening word still waiting for its closing word
        for k, (token, start, end) in enumerate(tokens):
            if token in opening:
                opened = k
                partner = next(((a, b) for t, a, b in tokens[k + 1:k + 1 + _REACH] if t in closing), None)
                if partner:
                    found.append(((start, end), partner))
            elif token in closing and token not in bound and not (0 <= opened and k - opened <= _REACH):
                found.append(((start, end),))
            elif token in words and not (token in prefixes and masked[end:end + 1] == "-"):
                found.append(((start, end),))
    pieces = table.get("pieces", ())
    if pieces:
        masked = text
        for word in table.get("not_pieces", ()):
            masked = masked.replace(word, "\0" * len(word))
        for piece in pieces:
            found.extend(((m.start(), m.end()),) for m in re.finditer(re.escape(piece), masked))
    return tuple(sorted(set(found)))


def _unsaid(text: str, table: dict) -> str:
    """The text with the phrases that look negative but negate nothing ("not
    only", "non plus") blanked, not removed: the offsets stay."""
    masked = text.replace("’", "'")
    for phrase in table.get("not_phrases", ()):
        masked = re.sub(rf"(?<!\w){re.escape(phrase)}(?!\w)", lambda m: " " * len(m.group()), masked,
                        flags=re.IGNORECASE)
    return masked


def absorbers(text: str, lang: str) -> list[str]:
    """Words of the text that say a negation without a negating word ("only",
    "unless", "fails", "unable"): a negation on the other side may translate them."""
    table = lexicon("negation").get(base_language(lang), {})
    entries = table.get("absorbers", ())
    folded = _unsaid(text, table).casefold()
    tokens = [m.group() for m in _WORD.finditer(folded)]
    found = [word for word in table.get("absorber_words", ()) if word in tokens]
    for entry in entries:
        if entry.endswith("-"):
            hit = any(t.startswith(entry[:-1]) and len(t) > len(entry) + 2 for t in tokens)
        elif entry.startswith("-"):
            hit = any(t.endswith(entry[1:]) and len(t) > len(entry) + 2 for t in tokens)
        elif " " in entry:  # a phrase, from the start of a word ("as is" is not in "has issues")
            hit = re.search(rf"(?<!\w){re.escape(entry)}", folded) is not None
        elif not entry.isascii() and not any(c.isalpha() and c.isascii() for c in entry) and has_cjk(entry):
            hit = entry in folded
        else:
            hit = any(t.startswith(entry) for t in tokens)
        if hit:
            found.append(entry)
    return found


def without(text: str, negation: Negation) -> str:
    """The text with one negation taken out, all its words (the apostrophe of an
    elided "n'" with it)."""
    for start, end in sorted(negation, reverse=True):
        end += text[end:end + 1] in ("'", "’")
        text = text[:start] + text[end:]
    return re.sub(r"\s{2,}", " ", text).strip()


def _difference(ctx: PairContext, link: Link) -> tuple[str, str, str, Sequence[Negation]] | None:
    """(side with more negations, its text, the other side's text, its negations), or None."""
    return _sides(*ctx.text(link), ctx.alignment.source.lang, ctx.alignment.target.lang)


@lru_cache(maxsize=1 << 16)  # asked for every link twice, by probes() and then by check()
def _sides(src_text: str, tgt_text: str, src_lang: str, tgt_lang: str) \
        -> tuple[str, str, str, Sequence[Negation]] | None:
    if src_text == tgt_text or not lexicon("negation").get(src_lang) or not lexicon("negation").get(tgt_lang):
        return None
    src = _parts(src_text, src_lang)
    # words left in the source language negate in the translation too, unless they are
    # words of the translation's own language (pt "no" is "in the"), or of its phrases
    # that negate nothing (fr "non plus")
    homographs = frozenset(lexicon("negation")[tgt_lang].get("homographs", ()))
    unsaid = _unsaid(tgt_text, lexicon("negation")[tgt_lang])
    left = [n for n in _parts(tgt_text, src_lang)
            if tgt_text[n[0][0]:n[0][1]].casefold() not in homographs and unsaid[n[0][0]:n[0][1]].strip()]
    tgt = sorted({n[0]: n for n in (*left, *_parts(tgt_text, tgt_lang))}.values())
    if bool(src) == bool(tgt) and abs(len(src) - len(tgt)) < 2:
        # one negation more or less beside others is how languages differ ("will not be
        # installed until ..." is "не будет установлен, пока не ..."): only a negation
        # present on one side alone is compared
        return None
    if not (_prose(src_text) and _prose(tgt_text)):
        return None  # a table row or code: cells are aligned loosely, "not" is a value there
    side = ("source", src_text, tgt_text, src) if len(src) > len(tgt) else ("translation", tgt_text, src_text, tgt)
    side_lang, other_lang = (src_lang, tgt_lang) if side[0] == "source" else (tgt_lang, src_lang)
    said = absorbers(side[2], other_lang)
    # "only", "unless", "fails": the other side says the negation in a word, unless the
    # negating side has as many such words of its own beside its negation ("to prevent
    # future problems" is "um Probleme zu vermeiden" there: "vermeiden" is the translation
    # of "prevent", and the added "nicht" stands alone)
    # "not ... unless" and "not ... until" are one construction with the negation ("only if",
    # "erst wenn"): their absorber is the negation's own, not one beside it
    paired = frozenset(lexicon("negation")[side_lang].get("paired", ()))
    kept = [word for word in absorbers(_masked(side[1], side[3]), side_lang) if word not in paired]
    if len(said) > len(kept):
        return None
    return side


def _masked(text: str, found: Sequence[Negation]) -> str:
    """The text without its negations (a negating word that is also an absorber,
    German "ohne", counts once). A space stands in each one's place, unlike
    :func:`without`: in Chinese and Japanese, where absorbers are pieces found
    anywhere, the characters on either side must not join into one."""
    for start, end in sorted((span for parts in found for span in parts), reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def doubled(text: str, lang: str) -> str | None:
    """A negating piece written twice, one against the other ("不不需要"): a slip
    of an edit that reverses what the sentence says, which no count of negations
    sees (the other side may negate once, rightly). Words written twice with a
    space between ("no no puede", "не не является") are the parity rule's
    ``repeated-word``, in every script that spaces its words."""
    found = _parts(text, lang)
    for first, second in zip(found, found[1:]):
        (a, b), (c, d) = first[0], second[0]
        if b == c and text[a:b] == text[c:d]:
            return text[a:d]
    return None


def _prose(text: str) -> bool:
    """Prose, in scripts with or without spaces, also where it names a command
    ("This also deactivates the dh_pysupport command.")."""
    return is_prose(text) or mostly_words(text) or ("|" not in text and count_cjk(text) >= 8)


def _pair(side: str, text: str, other: str) -> tuple[str, str]:
    """A (source, translation) pair whichever side ``text`` is."""
    return (text, other) if side == "source" else (other, text)


class PolarityRule(Rule):
    ids = ("negation-mismatch",)
    descriptions = {"negation-mismatch": "One side negates what the other side affirms (not, nicht, ne…pas, не, 不, ない…)."}
    needs_embeddings = True

    def probes(self, ctx: PairContext) -> Iterable[tuple[str, str]]:
        for link, _, _ in ctx.linked_texts():
            found = _difference(ctx, link)
            if found:
                side, text, other, negs = found
                yield _pair(side, text, other)
                for neg in negs:
                    yield _pair(side, without(text, neg), other)

    def check(self, ctx: PairContext) -> Iterable[Finding]:
        src_lang, tgt_lang = ctx.alignment.source.lang, ctx.alignment.target.lang
        for link, src_text, tgt_text in ctx.linked_texts():
            twice = doubled(tgt_text, tgt_lang)
            if twice and not doubled(src_text, src_lang):
                yield ctx.finding("negation-mismatch", "warning", link, 1.0,
                                  f"the translation negates twice in a row, \"{twice}\", where the source does "
                                  "not: check that the meaning is not reversed", (twice,))
                continue
            found = _difference(ctx, link)
            if not found:
                continue
            side, text, other, negs = found
            base = ctx.similarity(*_pair(side, text, other))
            if base is None:
                continue  # no encoder: a count alone is too weak on faithful text
            # the share of the distance between the sides that goes with the negation
            gains = [((ctx.similarity(*_pair(side, without(text, neg), other)) or base) - base)
                     / max(1.0 - base, 1e-6) for neg in negs]
            best = max(range(len(negs)), key=lambda k: gains[k])
            if gains[best] < GAIN:
                continue
            quoted = tuple(text[a:b] for a, b in negs[best])
            word = " … ".join(quoted)
            other_side = "translation" if side == "source" else "source"
            yield ctx.finding("negation-mismatch", "warning", link, min(1.0, gains[best] / (2 * GAIN)),
                              f"the {side} negates with \"{word}\" and the {other_side} does not "
                              f"(taking it out closes {gains[best]:.0%} of the distance between them): "
                              "check that the meaning is not reversed", quoted)
