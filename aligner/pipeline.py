"""The library API the CLI is a thin layer over: files or texts in, alignment out.

Stages run in one direction: read -> segment -> embed -> align. Each stage is
its own module; this one only wires them together and checks that the two
editions can sensibly be aligned at all.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from . import __version__, langid
from .align import BEADS, MAX_WINDOW, align_windows
from .align.scorer import ScoringParams
from .document import Alignment, Document
from .encoders import DEFAULT_MODEL, Encoder, load_encoder
from .errors import InputError
from .models import align_params
from .reading import check_text, read_text
from .segment import presplit as presplit_text
from .segment import segment

if TYPE_CHECKING:  # pandas costs a quarter second to import; only outputs need it
    import pandas as pd

#: Refuse pairs whose character lengths differ more than this: they are not
#: editions of one document (or one is truncated), and forcing an alignment
#: would report nonsense with high confidence.
MAX_LENGTH_RATIO = 5.0

Progress = Callable[[str], None]


def load_document(text: str, lang: str | None = None, presplit: bool = False,
                  name: str = "text") -> Document:
    """Validate, identify the language of and segment one edition's text."""
    check_text(text, name)
    code = langid.resolve(text, lang, name)
    doc = (presplit_text if presplit else segment)(text, code, name)
    if not doc.sentences:
        raise InputError(f"{name}: no sentences found")
    return doc


def read_document(path: str | Path, lang: str | None = None, presplit: bool = False) -> Document:
    """Read, validate, identify the language of and segment an edition on disk."""
    return load_document(read_text(path), lang, presplit, str(path))


def check_pair(source: Document, target: Document, max_ratio: float = MAX_LENGTH_RATIO) -> None:
    """Refuse pairs that cannot be editions of the same document."""
    ls = sum(len(t) for t in source.texts)
    lt = sum(len(t) for t in target.texts)
    ratio = max(ls, lt) / max(1, min(ls, lt))
    if ratio > max_ratio:
        longer, shorter = (source, target) if ls > lt else (target, source)
        raise InputError(f"{longer.name or 'source'} is {ratio:.1f} times as long as "
                         f"{shorter.name or 'target'} (limit {max_ratio:g}); these do not look "
                         "like editions of one document (use --max-length-ratio to override)")


def signature(encoder: Encoder, source: Document, target: Document, presplit: bool) -> str:
    """Everything that determines the output, sacrebleu-style, for reproducibility."""
    windows = "exact" if getattr(encoder, "exact_windows", True) else "pooled"
    return (f"aligner:{__version__}|model:{encoder.cache_key}|windows:{windows}"
            f"|beads:{len(BEADS)}|seg:{'presplit' if presplit else 'pysbd'}"
            f"|src:{source.lang}|tgt:{target.lang}")


def align_documents(source: Document, target: Document, encoder: Encoder | None = None,
                    params: ScoringParams | None = None, presplit: bool = False,
                    progress: Progress | None = None) -> Alignment:
    """Embed both documents (sentences and windows) and align them."""
    encoder = encoder or load_encoder(DEFAULT_MODEL)
    params = params or align_params(getattr(encoder, "model_name", encoder.name))
    note = progress or (lambda stage: None)
    timings = {}
    t0 = time.perf_counter()
    note(f"embedding {source.name or 'source'}")
    src_windows = encoder.embed_windows(source.texts, MAX_WINDOW)
    note(f"embedding {target.name or 'target'}")
    tgt_windows = encoder.embed_windows(target.texts, MAX_WINDOW)
    t1 = time.perf_counter()
    note("aligning")
    links = align_windows(source, target, src_windows, tgt_windows, params)
    t2 = time.perf_counter()
    timings.update(embed_s=t1 - t0, align_s=t2 - t1)
    return Alignment(source, target, links, signature(encoder, source, target, presplit), timings)


def align_texts(source: str, target: str, src_lang: str | None = None,
                tgt_lang: str | None = None, model: str = DEFAULT_MODEL,
                presplit: bool = False) -> "pd.DataFrame":
    """Align two texts; one row per link (see :func:`aligner.formats.table.frame`)."""
    from .formats.table import frame

    src = load_document(source, src_lang, presplit, "source")
    tgt = load_document(target, tgt_lang, presplit, "target")
    return frame(align_documents(src, tgt, load_encoder(model), presplit=presplit))


def align_sentences(source: Sequence[str], target: Sequence[str], src_lang: str = "xx",
                    tgt_lang: str = "xx", model: str = DEFAULT_MODEL) -> "pd.DataFrame":
    """Align two lists of already split sentences."""
    from .formats.table import frame

    src = Document.from_sentences(list(source), src_lang, "source")
    tgt = Document.from_sentences(list(target), tgt_lang, "target")
    return frame(align_documents(src, tgt, load_encoder(model), presplit=True))


def check_documents(source: Document, targets: Sequence[Document], encoder: Encoder | None = None,
                    fail_on: str = "error", baseline: list[dict] | None = None,
                    progress: Progress | None = None, max_ratio: float = MAX_LENGTH_RATIO):
    """Align every translation to the source and report where they diverge."""
    from .diverge.check import check_alignments
    from .models import divergence_model

    encoder = encoder or load_encoder(DEFAULT_MODEL)
    note = progress or (lambda stage: None)
    alignments = []
    for target in targets:
        check_pair(source, target, max_ratio)
        note(f"aligning {target.name}")
        alignments.append(align_documents(source, target, encoder, progress=note))
    note("checking")
    findings = check_alignments(alignments, encoder, divergence_model(_model_name(encoder)))
    return _result(source, alignments, findings, encoder, fail_on, baseline)


def check_aligned(alignment: Alignment, encoder: Encoder | None = None, fail_on: str = "error",
                  baseline: list[dict] | None = None):
    """Check an already aligned bitext; also returns each link's divergence score."""
    from .diverge.check import check_pair as run_rules
    from .diverge.check import link_scores, pair_context
    from .models import divergence_model

    encoder = encoder or load_encoder(DEFAULT_MODEL)
    model = divergence_model(_model_name(encoder))
    ctx = pair_context(alignment, encoder, model)
    result = _result(alignment.source, [alignment], run_rules(ctx), encoder, fail_on, baseline)
    return result, link_scores(ctx), model.threshold


def _model_name(encoder: Encoder) -> str:
    return getattr(encoder, "model_name", encoder.name)


def _result(source, alignments, findings, encoder, fail_on, baseline):
    from .diverge.baseline import apply_baseline
    from .diverge.result import CheckResult

    stale: list[dict] = []
    if baseline is not None:
        findings, stale = apply_baseline(list(findings), baseline)
    sig = f"aligner:{__version__}|model:{encoder.cache_key}|check|src:{source.lang}|" + ",".join(
        a.target.lang for a in alignments)
    return CheckResult(source, tuple(alignments), tuple(findings), sig, fail_on, tuple(stale))
