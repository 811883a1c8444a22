"""One-call helpers for Python users: two texts or two lists of sentences in,
a table of links out. Built on :mod:`aligner.api`; refuse what the command line refuses."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Sequence

from . import api
from .errors import InputError
from .encoders import DEFAULT_MODEL
from .lengths import MAX_LENGTH_RATIO, check_lengths
from .readers.editions import document_of, refuse_same_language, sentences_document

if TYPE_CHECKING:
    import pandas as pd

    from .core import CheckResult


def align_texts(source: str | bytes | Path, target: str | bytes | Path, src_lang: str | None = None,
                tgt_lang: str | None = None, model: str = DEFAULT_MODEL,
                presplit: bool = False, max_length_ratio: float = MAX_LENGTH_RATIO) -> "pd.DataFrame":
    """Align two texts (or files, or undecoded bytes); one row per link (see
    :func:`aligner.formats.table.frame`). Refuses what the command line refuses."""
    from .formats.table import frame

    src = document_of(source, src_lang, presplit, "source")
    tgt = document_of(target, tgt_lang, presplit, "target")
    check_lengths(src, tgt, max_length_ratio)
    return frame(api.align_documents(src, tgt, api.get_encoder(model)))


def align_sentences(source: Sequence[str], target: Sequence[str], src_lang: str = "xx",
                    tgt_lang: str = "xx", model: str = DEFAULT_MODEL) -> "pd.DataFrame":
    """Align two lists of already split sentences."""
    from .formats.table import frame

    src, tgt = sentences_document(source, src_lang, "source"), sentences_document(target, tgt_lang, "target")
    return frame(api.align_documents(src, tgt, api.get_encoder(model)))


def check_texts(source: str | bytes | Path, *targets: str | bytes | Path, src_lang: str | None = None,
                tgt_lang: str | None = None, model: str = DEFAULT_MODEL, presplit: bool = False,
                fail_on: str = "error", max_length_ratio: float = MAX_LENGTH_RATIO) -> "CheckResult":
    """Check translations given as texts (or files, or undecoded bytes) against
    their source, as ``aligner check`` does; ``result.frame()`` is the findings
    as a table. Editions given as text are named source, target (target1,
    target2, ... for several) in the findings."""
    if not targets:
        raise InputError("check_texts needs the source and at least one translation")
    src = document_of(source, src_lang, presplit, "source")
    names = ["target"] if len(targets) == 1 else [f"target{k}" for k in range(1, len(targets) + 1)]
    docs = tuple(document_of(t, tgt_lang, presplit, n) for t, n in zip(targets, names))
    refuse_same_language(docs)
    return api.check_documents(src, docs, api.get_encoder(model), fail_on, max_length_ratio=max_length_ratio)
