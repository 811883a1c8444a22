"""The library API: what the command line, ``batch`` and Python users call.

Stages run in one direction: read -> segment -> embed -> align -> check ->
render. Each stage is its own package or module; this one only wires them
together, checks that editions can sensibly be aligned at all, and keeps one
encoder per model per process (loading a model costs seconds).

Typical use::

    from aligner import api
    editions = api.read_editions(["ru.txt", "en.txt", "de.txt"])
    result = api.check(editions)              # CheckResult: alignments + findings
    print(api.render_findings(result, "text"))
"""

from __future__ import annotations

import time as _time
from contextlib import nullcontext as _nullcontext
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from .align import MAX_WINDOW, align_windows
from .align import signature as align_signature
from .align.scorer import ScoringParams
from .core import (Alignment, BitextResult, CheckResult, Document, Editions, MultiAlignment, Signature,
                   base_language, merge)
from .core.settings import Settings
from .encoders import DEFAULT_MODEL, EmbeddingCache, Encoder, load_encoder
from .encoders.cards import calibration
from .diverge.baseline import baseline_text
from .diverge.baseline import rebaseline as with_baseline
from .evaluate import score_files as score_alignments
from .errors import InputError
from .formats import RenderOptions, needs, render, write_output
from .formats.output import check_outputs
from .lengths import MAX_LENGTH_RATIO, check_lengths
from .readers.baseline import read_baseline
from .readers.check_json import read_check
from .readers.editions import (
    document_of,
    load_document,
    read_document,
    read_editions,
    read_listed,
    refuse_same_language,
    sentences_document,
)
from .readers.manifest import read_manifest
from .readers.project import find_project
from .readers.review import is_review, read_review
from .segment import signature as segment_signature
from .version import __version__

if TYPE_CHECKING:  # pandas costs a quarter second to import; only outputs need it
    import pandas as pd

    from .diverge.semantic import DivergenceModel

#: A progress callback: the stage now running and, where known, the share of
#: the run done so far (0-1), from which the command line estimates the time left.
Progress = Callable[..., None]

#: Share of a check's time spent aligning (the rest is the rules): measured on
#: a 16,000-sentence pair, for the estimate of the time left.
ALIGN_SHARE = 0.75


def _quiet(stage: str, done: float | None = None) -> None:
    """The default progress callback: say nothing."""


# -- models ------------------------------------------------------------------

@lru_cache(maxsize=4)
def get_encoder(model: str = DEFAULT_MODEL, cache_dir: str | None = None,
                exact_windows: bool = False) -> Encoder:
    """The encoder for a model, loaded once per process and kept (a CLI run, a
    batch worker and a Python session each load a model once)."""
    return load_encoder(model, cache_dir, exact_windows)


def check_cache_dir(folder: str | Path) -> None:
    """Refuse at once a --cache-dir that cannot hold the embedding cache (a
    file, a folder that cannot be written): ``batch`` opens it in its workers,
    where the mistake would fail every document instead of one clear line."""
    EmbeddingCache("", folder)


def _encoder(encoder: Encoder | str | None) -> Encoder:
    if isinstance(encoder, Encoder):
        return encoder
    return get_encoder(encoder or DEFAULT_MODEL)


def alignment_params(encoder: Encoder) -> ScoringParams:
    """Alignment weights for an encoder's model: its card's calibration over the defaults."""
    return ScoringParams.from_card(calibration(encoder.card, "align"))


def divergence_model(encoder: Encoder) -> "DivergenceModel":
    """Semantic divergence weights and threshold for an encoder's model."""
    from .diverge.semantic import DivergenceModel

    return DivergenceModel.from_card(calibration(encoder.card, "divergence"))


# -- aligning ----------------------------------------------------------------

def signature(encoder: Encoder, documents: Sequence[Document]) -> Signature:
    """Everything that determines a run's output, each stage naming its own part:
    the tool, the encoder (model, windows, card), the aligner and the segmenter."""
    return (Signature.of(("aligner", __version__)) + encoder.signature() + align_signature()
            + segment_signature(*documents))


def align_documents(source: Document, target: Document, encoder: Encoder | str | None = None,
                    params: ScoringParams | None = None, progress: Progress | None = None) -> Alignment:
    """Embed both documents (sentences and windows) and align them."""
    encoder = _encoder(encoder)
    params = params or alignment_params(encoder)
    note = progress or _quiet
    t0 = _time.perf_counter()
    # embedding is about half of the work, each side by its sentences; the DP the other half
    note(f"embedding {source.name or 'source'}", 0.0)
    src_windows = encoder.embed_windows(source.texts, MAX_WINDOW)
    note(f"embedding {target.name or 'target'}", 0.5 * len(source) / max(1, len(source) + len(target)))
    tgt_windows = encoder.embed_windows(target.texts, MAX_WINDOW)
    t1 = _time.perf_counter()
    note("aligning", 0.5)
    links = align_windows(source, target, src_windows, tgt_windows, params)
    t2 = _time.perf_counter()
    sig = signature(encoder, (source, target)) + Signature.of(("src", source.lang), ("tgt", target.lang))
    return Alignment(source, target, links, str(sig), {"embed_s": t1 - t0, "align_s": t2 - t1})


def _align_targets(source: Document, targets: Sequence[Document], encoder: Encoder,
                   max_length_ratio: float, note: Progress, share: float = 1.0) -> tuple[Alignment, ...]:
    """Every translation aligned to the source; all lengths are checked before any work.
    Aligning is ``share`` of the run, each edition's part by its sentences."""
    for target in targets:
        check_lengths(source, target, max_length_ratio)
    weights = [len(source) + len(target) for target in targets]
    total, before = max(1, sum(weights)), 0
    out = []
    for target, weight in zip(targets, weights):
        def within(stage: str, done: float | None = None, start: int = before, weight: int = weight) -> None:
            note(stage, None if done is None else share * (start + weight * done) / total)

        within(f"aligning {target.name}", 0.0)
        out.append(align_documents(source, target, encoder, progress=within))
        before += weight
    return tuple(out)


@dataclass(frozen=True)
class AlignResult:
    """Each translation aligned to the source; ``findings`` when asked for."""

    editions: Editions
    alignments: tuple[Alignment, ...]
    findings: tuple = ()

    @cached_property
    def multi(self) -> MultiAlignment:
        """All editions merged into one table."""
        return merge(self.editions.source, self.alignments)

    @property
    def output(self) -> Alignment | MultiAlignment:
        """What alignment formats render: the pair, or all editions merged."""
        return self.multi if self.editions.multi else self.alignments[0]

    def frame(self) -> "pd.DataFrame":
        """The result as a table (one row per link, or per source group)."""
        from .formats.multi_table import frame as multi_frame
        from .formats.table import frame

        out = self.output
        return multi_frame(out) if isinstance(out, MultiAlignment) else frame(out)


def align(editions: Editions, encoder: Encoder | str | None = None,
          max_length_ratio: float = MAX_LENGTH_RATIO, with_findings: bool = False,
          progress: Progress | None = None, settings: Settings | None = None) -> AlignResult:
    """Align every translation to the source (and check them if ``with_findings``)."""
    encoder = _encoder(encoder)
    note = progress or _quiet
    with _spans_kept(encoder) if with_findings else _nullcontext():
        alignments = _align_targets(editions.source, editions.targets, encoder, max_length_ratio, note,
                                    ALIGN_SHARE if with_findings else 1.0)
        findings: tuple = ()
        if with_findings:
            note("checking", ALIGN_SHARE)
            findings = tuple(_findings(alignments, encoder, settings))
    return AlignResult(editions, alignments, findings)


def _spans_kept(encoder: Encoder):
    """Aligning, then checking: the sentences' span embeddings, which the check's
    semantic signals compare, are kept from the alignment's pass over them."""
    from .diverge.semantic import SPAN_WIDTH

    return encoder.keeping_spans(SPAN_WIDTH)


def _findings(alignments: Sequence[Alignment], encoder: Encoder, settings: Settings | None = None) -> list:
    """The rules on aligned translations of one source, with witnesses, under the project's settings."""
    from .diverge.check import check_alignments
    from .rules import RULES

    return check_alignments(alignments, encoder, divergence_model(encoder), RULES, settings)


def align_reviewed(path: str | Path, encoder: Encoder | str | None = None,
                   with_findings: bool = False) -> AlignResult:
    """The alignment a reviewer corrected, as an :class:`AlignResult` the
    alignment formats render; nothing is re-aligned (the encoder runs only
    for ``with_findings``)."""
    review = read_review(path)
    editions = Editions(review.source, tuple(a.target for a in review.alignments), len(review.alignments) > 1)
    findings = tuple(_findings(review.alignments, _encoder(encoder))) if with_findings else ()
    return AlignResult(editions, review.alignments, findings)


# -- checking ----------------------------------------------------------------

def refuse_uncovered(editions: Editions, encoder: Encoder) -> None:
    """``check --strict``: an edition in a language the model's card does not
    list is refused (by default it is checked, with a warning)."""
    covered = encoder.card.get("languages")
    for doc in (editions.source, *editions.targets):
        if covered and base_language(doc.lang) not in covered:
            raise InputError(f"{doc.name}: the model {encoder.model_name} was not trained on '{doc.lang}' "
                             f"(it covers {', '.join(sorted(covered))}); pick one that covers it with "
                             "--model, or check without --strict")


def check(editions: Editions, encoder: Encoder | str | None = None, fail_on: str = "error",
          baseline: list[dict] | None = None, max_length_ratio: float = MAX_LENGTH_RATIO,
          progress: Progress | None = None, settings: Settings | None = None) -> CheckResult:
    """Align every translation to the source and report where they diverge
    (``settings``: a project's glossary and rule settings, :func:`read_settings`)."""
    return check_documents(editions.source, editions.targets, encoder, fail_on, baseline, max_length_ratio,
                           progress, settings)


def check_documents(source: Document, targets: Sequence[Document], encoder: Encoder | str | None = None,
                    fail_on: str = "error", baseline: list[dict] | None = None,
                    max_length_ratio: float = MAX_LENGTH_RATIO, progress: Progress | None = None,
                    settings: Settings | None = None) -> CheckResult:
    """:func:`check` for documents already read."""
    encoder = _encoder(encoder)
    note = progress or _quiet
    with _spans_kept(encoder):
        alignments = _align_targets(source, targets, encoder, max_length_ratio, note, ALIGN_SHARE)
        note("checking", ALIGN_SHARE)
        findings = _findings(alignments, encoder, settings)
    return _result(source, alignments, findings, encoder, fail_on, baseline, settings)


def check_reviewed(path: str | Path, encoder: Encoder | str | None = None, fail_on: str = "error",
                   baseline: list[dict] | None = None, settings: Settings | None = None) -> CheckResult:
    """Check the links a reviewer corrected in the review page, as they are."""
    encoder = _encoder(encoder)
    review = read_review(path)
    return _result(review.source, review.alignments, _findings(review.alignments, encoder, settings), encoder,
                   fail_on, baseline, settings)


def check_aligned(alignment: Alignment, encoder: Encoder | str | None = None, fail_on: str = "error",
                  baseline: list[dict] | None = None,
                  settings: Settings | None = None) -> tuple[CheckResult, "object", float]:
    """Check an alignment as it is; also returns each link's divergence score and the threshold."""
    from .diverge.check import check_settled, link_scores
    from .rules import RULES

    encoder = _encoder(encoder)
    model = divergence_model(encoder)
    ctx, found = check_settled(alignment, encoder, model, RULES, settings)
    result = _result(alignment.source, [alignment], found, encoder, fail_on, baseline, settings)
    return result, link_scores(ctx), model.threshold


def drift(editions: Editions, since: str | None = None, previous_source: str | Path | None = None,
          encoder: Encoder | str | None = None, fail_on: str = "error",
          max_length_ratio: float = MAX_LENGTH_RATIO, progress: Progress | None = None,
          presplit: bool = False, settings: Settings | None = None) -> CheckResult:
    """Which translation sentences went stale since the source's earlier version:
    the version committed at git revision ``since``, or the file ``previous_source``
    (read as the editions were: ``presplit``, one sentence a line, or not).
    With ``since``, each translation's earlier version is read too, so translations
    edited together with their source are recognised as updated."""
    from .diverge.drift import cosine, drift_check
    from .readers.editions import read_earlier

    if (since is None) == (previous_source is None):
        raise InputError("drift needs the earlier source: --since REV or --previous-source FILE (one of them)")
    encoder = _encoder(encoder)
    note = progress or _quiet
    earlier = read_earlier(editions, since, previous_source, presplit)
    # the other half of the run aligns each translation to the earlier source too
    alignments = _align_targets(editions.source, editions.targets, encoder, max_length_ratio, note, 0.5)
    note("comparing the source with its earlier version", 0.5)
    findings = drift_check(earlier, alignments, lambda a, b: align_documents(a, b, encoder), cosine(encoder))
    if settings is not None:  # rules set off, severities, ignored matches (per translation's language)
        lang_of = {a.target.name: a.target.lang for a in alignments}
        findings = [kept for f in findings for kept in settings.apply([f], lang_of.get(f.target, ""))]
    sig = _run_signature(encoder, editions.source, alignments, f"drift:{since or 'file'}", settings)
    return CheckResult(editions.source, alignments, tuple(findings), sig, fail_on)


def check_bitext(path: "str | Path | pd.DataFrame", src_lang: str | None = None, tgt_lang: str | None = None,
                 encoder: Encoder | str | None = None, fail_on: str = "error",
                 baseline: list[dict] | None = None, settings: Settings | None = None) -> BitextResult:
    """Check an already aligned bitext (a TSV, XLIFF or TMX file, or a DataFrame
    with the columns src_text and tgt_text), keeping every row for the report."""
    from .readers.bitext import read_pairs

    table, alignment, row_link = read_pairs(path, src_lang, tgt_lang)
    result, scores, threshold = check_aligned(alignment, encoder, fail_on, baseline, settings)
    return BitextResult(table, result, tuple(row_link), scores, threshold)


def _result(source: Document, alignments: Sequence[Alignment], findings, encoder: Encoder,
            fail_on: str, baseline: list[dict] | None, settings: Settings | None = None) -> CheckResult:
    from .diverge.baseline import apply_baseline

    stale: list[dict] = []
    if baseline is not None:
        findings, stale = apply_baseline(list(findings), baseline)
    sig = _run_signature(encoder, source, alignments, "check", settings)
    return CheckResult(source, tuple(alignments), tuple(findings), sig, fail_on, tuple(stale))


def _run_signature(encoder: Encoder, source: Document, alignments: Sequence[Alignment], command: str,
                   settings: Settings | None = None) -> str:
    """The signature of a check or drift run: its parts, the command, the editions'
    languages, and the project's settings when any are in force."""
    sig = signature(encoder, [source, *(a.target for a in alignments)])
    part = settings.signature_part() if settings is not None else None
    return str(sig + Signature.of((command, None), ("src", source.lang),
                                  (",".join(a.target.lang for a in alignments), None), *([part] if part else [])))


def read_settings(config: str | Path | None = None, glossaries: Sequence[str | Path] = (),
                  search: bool = True) -> Settings:
    """A project's settings: ``config`` (an ``aligner.toml``), or the one found in
    the working directory or above it when ``search``, plus glossary files; every
    mistake is an :class:`InputError` naming it."""
    from .readers.project import read_settings as read
    from .rules import descriptions

    return read(Path(config) if config is not None else None, [Path(g) for g in glossaries],
                descriptions(), search)


# -- output ------------------------------------------------------------------

def render_alignment(result: AlignResult, fmt: str = "tsv", spreadsheet_safe: bool = False) -> str:
    """An alignment in one of the ``alignment`` formats (tsv, json, vecalign, tmx, xliff)."""
    return render("alignment", fmt, result.output, RenderOptions(result.findings, spreadsheet_safe))


def shows_findings(fmt: str, editions: Editions) -> bool:
    """Whether the alignment format ``fmt`` shows findings beside the links of
    these editions, so that :func:`align` should check them (XLIFF's notes, one target)."""
    return "findings" in needs("alignment", fmt) and len(editions.targets) == 1


def render_findings(result: CheckResult | BitextResult, fmt: str = "text", color: bool = False,
                    spreadsheet_safe: bool = False) -> str:
    """A check in one of the ``findings`` formats; a bitext keeps its rows where the format can."""
    from .formats import writer
    from .rules import descriptions

    rules = descriptions() if "rules" in needs("findings", fmt) else {}
    options = RenderOptions(color=color, spreadsheet_safe=spreadsheet_safe, rules=rules)
    if isinstance(result, BitextResult):
        if writer("bitext", fmt) is not None:
            return render("bitext", fmt, result, options)
        result = result.check
    return render("findings", fmt, result, options)


def render_page(result: CheckResult) -> str:
    """The self-contained HTML review page."""
    return render("page", "html", result)


__all__ = ["AlignResult", "Editions", "InputError", "align", "align_documents", "align_reviewed",
           "baseline_text", "check", "check_aligned", "check_bitext", "check_documents", "check_lengths",
           "check_cache_dir", "check_outputs", "check_reviewed", "document_of", "drift", "get_encoder", "is_review",
           "load_document", "read_baseline", "read_check", "read_document", "read_editions", "read_listed",
           "read_manifest", "read_review", "read_settings", "Settings", "find_project", "refuse_same_language", "render_alignment", "render_findings",
           "refuse_uncovered", "render_page", "score_alignments", "sentences_document", "shows_findings", "with_baseline",
           "write_output"]


def __dir__() -> list[str]:
    """What the API offers, not the names it imports to do so (``dir(aligner.api)``)."""
    return sorted(__all__)
