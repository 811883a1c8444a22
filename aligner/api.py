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

import hashlib
import json
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Sequence

from . import langid
from .align import BEADS, MAX_WINDOW, align_windows
from .align.scorer import ScoringParams
from .diverge.result import BitextResult, CheckResult
from .document import Alignment, Document
from .encoders import DEFAULT_MODEL, Encoder, load_encoder
from .encoders.cards import calibration
from .errors import InputError
from .formats import RenderOptions, render, write_output
from .formats.output import check_outputs  # noqa: F401  (part of the API)
from .multi import MultiAlignment, merge
from .readers import read_edition
from .readers.text import check_text
from .segment import presplit as presplit_text
from .segment import segment
from .version import __version__

if TYPE_CHECKING:  # pandas costs a quarter second to import; only outputs need it
    import pandas as pd

    from .diverge.semantic import DivergenceModel
    from .readers.review import Review

#: Refuse pairs whose character lengths differ more than this: they are not
#: editions of one document (or one is truncated), and forcing an alignment
#: would report nonsense with high confidence.
MAX_LENGTH_RATIO = 5.0

Progress = Callable[[str], None]


def _quiet(stage: str) -> None:
    """The default progress callback: say nothing."""


# -- reading ---------------------------------------------------------------

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
    """Read, validate, identify the language of and segment an edition on disk
    (plain text, or a structured format: .docx, .html, .md)."""
    content = read_edition(path)
    if isinstance(content, str):
        return load_document(content, lang, presplit, str(path))
    from .segment import segment_paragraphs

    if presplit:
        raise InputError(f"{path}: --presplit reads plain text (one sentence per line), not {content.kind}")
    text = "\n\n".join(t for t, _ in content.paragraphs)
    code = langid.resolve(text, lang, str(path))
    doc = segment_paragraphs(content.paragraphs, code, str(path), content.kind)
    if not doc.sentences:
        raise InputError(f"{path}: no sentences found")
    return doc


@dataclass(frozen=True)
class Editions:
    """A source edition and its translations; ``multi`` when the result is one
    table of all editions (a folder, or several targets) rather than one pair."""

    source: Document
    targets: tuple[Document, ...]
    multi: bool


def read_editions(paths: Sequence[str | Path], source_lang: str | None = None,
                  src_lang: str | None = None, tgt_lang: str | None = None,
                  presplit: bool = False) -> Editions:
    """The editions named by SOURCE TARGET [TARGET ...] or by one folder of
    ``<lang>.txt`` files (whose source is ``source_lang``)."""
    from .readers.editions import folder_editions, lang_from_name, pick_source

    paths = [Path(p) for p in paths]
    if sum(str(p) == "-" for p in paths) > 1:
        raise InputError("only one edition can come from standard input ('-')")
    if len(paths) == 1 and paths[0].is_dir():
        if src_lang or tgt_lang:
            raise InputError("--src-lang/--tgt-lang go with files; in a folder, each edition's "
                             "language comes from its file name (ru.txt, en.txt)")
        folder = paths[0]
        docs = {str(p): read_document(p, lang_from_name(p), presplit) for p in folder_editions(folder)}
        source = docs.pop(pick_source(docs, (source_lang or "").lower() or None, folder))
        return Editions(source, tuple(docs.values()), True)
    if source_lang:
        raise InputError("--source LANG goes with a folder of editions")
    if len(paths) < 2:
        raise InputError("give SOURCE TARGET [TARGET ...] or one folder of editions")
    if tgt_lang and len(paths) > 2:
        raise InputError("--tgt-lang goes with a single target")
    source = read_document(paths[0], src_lang, presplit)
    targets = tuple(read_document(p, tgt_lang, presplit) for p in paths[1:])
    refuse_same_language(targets)
    return Editions(source, targets, len(paths) != 2)


def refuse_same_language(targets: Sequence[Document]) -> None:
    """Two translations in one language would share the columns (and findings) of
    that language in every multi-edition output: refuse, naming both."""
    seen: dict[str, str] = {}
    for doc in targets:
        if doc.lang in seen:
            raise InputError(f"two editions in '{doc.lang}': {seen[doc.lang]} and {doc.name}; "
                             "align them in separate runs")
        seen[doc.lang] = doc.name


# -- models ------------------------------------------------------------------

@lru_cache(maxsize=4)
def get_encoder(model: str = DEFAULT_MODEL, cache_dir: str | None = None,
                exact_windows: bool = False) -> Encoder:
    """The encoder for a model, loaded once per process and kept (a CLI run, a
    batch worker and a Python session each load a model once)."""
    return load_encoder(model, cache_dir, exact_windows)


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


def settings_key(encoder: Encoder) -> str:
    """A digest of the model and its card: results computed under another key are stale."""
    card = json.dumps(encoder.card, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(f"{encoder.cache_key}|{encoder.exact_windows}|{card}".encode()).hexdigest()[:16]


# -- aligning ----------------------------------------------------------------

#: Characters of a wide script (Chinese, Japanese, Korean) count this many times:
#: one carries about as much text as three or more letters of a European
#: language. The six MAC-dev zh-en chapters have 3.4-5.2 English characters per
#: Chinese one; counted this way their ratios are 0.99-1.46.
WIDE_CHAR_WEIGHT = 3


def content_length(texts: Sequence[str]) -> int:
    """Length of text in a unit fair across scripts: characters other than
    spaces, a wide (CJK) character counting :data:`WIDE_CHAR_WEIGHT` times."""
    import unicodedata

    total = 0
    for text in texts:
        for c in text:
            if not c.isspace():
                total += WIDE_CHAR_WEIGHT if unicodedata.east_asian_width(c) in "WF" else 1
    return total


def check_lengths(source: Document, target: Document, max_ratio: float = MAX_LENGTH_RATIO) -> None:
    """Refuse pairs that cannot be editions of the same document."""
    ls = content_length(source.texts)
    lt = content_length(target.texts)
    ratio = max(ls, lt) / max(1, min(ls, lt))
    if ratio > max_ratio:
        longer, shorter = (source, target) if ls > lt else (target, source)
        raise InputError(f"{longer.name or 'source'} is {ratio:.1f} times as long as "
                         f"{shorter.name or 'target'} (limit {max_ratio:g}); these do not look "
                         "like editions of one document (use --max-length-ratio to override)")


def signature(encoder: Encoder, source: Document, target: Document, presplit: bool) -> str:
    """Everything that determines the output, sacrebleu-style, for reproducibility."""
    windows = "exact" if encoder.exact_windows else "pooled"
    seg = "presplit" if presplit else "pysbd"
    layouts = sorted({doc.layout for doc in (source, target) if doc.layout})
    if layouts and not presplit:  # said only when a document's lines had to be interpreted
        seg += "+" + "+".join(layouts)
    return (f"aligner:{__version__}|model:{encoder.cache_key}|windows:{windows}"
            f"|beads:{len(BEADS)}|seg:{seg}"
            f"|src:{source.lang}|tgt:{target.lang}")


def align_documents(source: Document, target: Document, encoder: Encoder | str | None = None,
                    params: ScoringParams | None = None, presplit: bool = False,
                    progress: Progress | None = None) -> Alignment:
    """Embed both documents (sentences and windows) and align them."""
    encoder = _encoder(encoder)
    params = params or alignment_params(encoder)
    note = progress or _quiet
    t0 = time.perf_counter()
    note(f"embedding {source.name or 'source'}")
    src_windows = encoder.embed_windows(source.texts, MAX_WINDOW)
    note(f"embedding {target.name or 'target'}")
    tgt_windows = encoder.embed_windows(target.texts, MAX_WINDOW)
    t1 = time.perf_counter()
    note("aligning")
    links = align_windows(source, target, src_windows, tgt_windows, params)
    t2 = time.perf_counter()
    return Alignment(source, target, links, signature(encoder, source, target, presplit),
                     {"embed_s": t1 - t0, "align_s": t2 - t1})


def _align_targets(source: Document, targets: Sequence[Document], encoder: Encoder, presplit: bool,
                   max_ratio: float, note: Progress) -> tuple[Alignment, ...]:
    """Every translation aligned to the source; all lengths are checked before any work."""
    for target in targets:
        check_lengths(source, target, max_ratio)
    out = []
    for target in targets:
        note(f"aligning {target.name}")
        out.append(align_documents(source, target, encoder, presplit=presplit, progress=note))
    return tuple(out)


@dataclass(frozen=True)
class AlignResult:
    """Each translation aligned to the source; ``findings`` when asked for."""

    editions: Editions
    alignments: tuple[Alignment, ...]
    findings: tuple = ()

    @property
    def output(self) -> Alignment | MultiAlignment:
        """What alignment formats render: the pair, or all editions merged."""
        if self.editions.multi:
            return merge(self.editions.source, self.alignments)
        return self.alignments[0]

    def frame(self) -> "pd.DataFrame":
        """The result as a table (one row per link, or per source group)."""
        from .formats.multi_table import frame as multi_frame
        from .formats.table import frame

        out = self.output
        return multi_frame(out) if isinstance(out, MultiAlignment) else frame(out)


def align(editions: Editions, encoder: Encoder | str | None = None, presplit: bool = False,
          max_length_ratio: float = MAX_LENGTH_RATIO, with_findings: bool = False,
          progress: Progress | None = None) -> AlignResult:
    """Align every translation to the source (and check them if ``with_findings``)."""
    encoder = _encoder(encoder)
    note = progress or _quiet
    alignments = _align_targets(editions.source, editions.targets, encoder, presplit, max_length_ratio, note)
    findings: tuple = ()
    if with_findings:
        note("checking")
        findings = tuple(_findings(alignments, encoder))
    return AlignResult(editions, alignments, findings)


def _findings(alignments: Sequence[Alignment], encoder: Encoder) -> list:
    """The rules on aligned translations of one source, with witnesses."""
    from .diverge.check import check_alignments

    return check_alignments(alignments, encoder, divergence_model(encoder))


def read_review(path: str | Path) -> "Review":
    """A corrected alignment exported from the review page; its signature says so."""
    from dataclasses import replace

    from .readers.review import read_review as read

    review = read(path)
    return replace(review, alignments=tuple(replace(a, signature=f"{a.signature}|from-review")
                                            for a in review.alignments))


def is_review(path: str | Path) -> bool:
    """Whether a JSON file is a review file (rather than a check result)."""
    from .readers.review import is_review as sniff

    return sniff(path)


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

def check(editions: Editions, encoder: Encoder | str | None = None, fail_on: str = "error",
          baseline: list[dict] | None = None, max_length_ratio: float = MAX_LENGTH_RATIO,
          progress: Progress | None = None) -> CheckResult:
    """Align every translation to the source and report where they diverge."""
    return check_documents(editions.source, editions.targets, encoder, fail_on, baseline, progress,
                           max_length_ratio)


def check_documents(source: Document, targets: Sequence[Document], encoder: Encoder | str | None = None,
                    fail_on: str = "error", baseline: list[dict] | None = None,
                    progress: Progress | None = None, max_ratio: float = MAX_LENGTH_RATIO) -> CheckResult:
    """:func:`check` for documents already read."""
    encoder = _encoder(encoder)
    note = progress or _quiet
    alignments = _align_targets(source, targets, encoder, False, max_ratio, note)
    note("checking")
    return _result(source, alignments, _findings(alignments, encoder), encoder, fail_on, baseline)


def check_reviewed(path: str | Path, encoder: Encoder | str | None = None, fail_on: str = "error",
                   baseline: list[dict] | None = None) -> CheckResult:
    """Check the links a reviewer corrected in the review page, as they are."""
    encoder = _encoder(encoder)
    review = read_review(path)
    return _result(review.source, review.alignments, _findings(review.alignments, encoder), encoder,
                   fail_on, baseline)


def check_aligned(alignment: Alignment, encoder: Encoder | str | None = None, fail_on: str = "error",
                  baseline: list[dict] | None = None) -> tuple[CheckResult, "object", float]:
    """Check an alignment as it is; also returns each link's divergence score and the threshold."""
    from .diverge.check import check_pair, link_scores, pair_context

    encoder = _encoder(encoder)
    model = divergence_model(encoder)
    ctx = pair_context(alignment, encoder, model)
    result = _result(alignment.source, [alignment], check_pair(ctx), encoder, fail_on, baseline)
    return result, link_scores(ctx), model.threshold


def drift(editions: Editions, since: str | None = None, previous_source: str | Path | None = None,
          encoder: Encoder | str | None = None, fail_on: str = "error",
          max_length_ratio: float = MAX_LENGTH_RATIO, progress: Progress | None = None) -> CheckResult:
    """Which translation sentences went stale since the source's earlier version:
    the version committed at git revision ``since``, or the file ``previous_source``.
    With ``since``, each translation's earlier version is read too, so translations
    edited together with their source are recognised as updated."""
    from .diverge.drift import DriftInput, cosine, drift_findings, source_changes
    from .readers.git import read_at

    if (since is None) == (previous_source is None):
        raise InputError("drift needs the earlier source: --since REV or --previous-source FILE (one of them)")
    encoder = _encoder(encoder)
    note = progress or _quiet
    source = editions.source
    presplit = False
    if since is not None:
        text = read_at(since, Path(source.name))
        if text is None:
            raise InputError(f"{source.name}: did not exist at {since}; nothing to compare with")
        old = load_document(text, source.lang, presplit, f"{source.name}@{since}")
        label = since
    else:
        old = read_document(previous_source, source.lang, presplit)
        label = "the previous source"
    if old.lang != source.lang:
        raise InputError(f"{old.name} is in '{old.lang}', the source in '{source.lang}'")
    note("comparing the source with its earlier version")
    changes = source_changes(old, source, lambda a, b: align_documents(a, b, encoder).links)
    alignments = _align_targets(source, editions.targets, encoder, presplit, max_length_ratio, note)
    findings = []
    for target, new_alignment in zip(editions.targets, alignments):
        old_alignment = align_documents(old, target, encoder, presplit=presplit)
        before = None
        if since is not None:
            earlier = read_at(since, Path(target.name))
            if earlier is not None:
                before = load_document(earlier, target.lang, presplit, f"{target.name}@{since}")
        findings += drift_findings(changes, DriftInput(old, source, target, new_alignment, old_alignment,
                                                       before, label), cosine(encoder))
    sig = (f"aligner:{__version__}|model:{encoder.cache_key}|drift:{since or 'file'}|src:{source.lang}|"
           + ",".join(t.lang for t in editions.targets))
    return CheckResult(source, tuple(alignments), tuple(findings), sig, fail_on)


def check_bitext(path: str | Path, src_lang: str | None = None, tgt_lang: str | None = None,
                 encoder: Encoder | str | None = None, fail_on: str = "error",
                 baseline: list[dict] | None = None) -> BitextResult:
    """Check an already aligned bitext (TSV), keeping every row for the report."""
    from .readers.bitext import read_pairs

    table, alignment, row_link = read_pairs(path, src_lang, tgt_lang)
    result, scores, threshold = check_aligned(alignment, encoder, fail_on, baseline)
    return BitextResult(table, result, tuple(row_link), scores, threshold)


def read_manifest(path: str | Path):
    """The documents of a batch manifest: [(document, [(lang, path), ...]), ...]."""
    from .readers.manifest import read_manifest as read

    return read(Path(path))


def read_baseline(path: str | Path) -> list[dict]:
    """Entries of a baseline file (``check --write-baseline``)."""
    from .readers.baseline import read_baseline as read

    return read(path)


def baseline_text(result: CheckResult) -> str:
    """The current findings as a baseline file."""
    from .diverge.baseline import render_baseline

    return render_baseline(list(result.findings))


def with_baseline(result: CheckResult, entries: list[dict]) -> CheckResult:
    """A check result with the findings a baseline accepts marked (and its stale entries)."""
    from dataclasses import replace

    from .diverge.baseline import apply_baseline

    findings, stale = apply_baseline([f.with_(baseline=False) for f in result.findings], entries)
    return replace(result, findings=tuple(findings), stale=tuple(stale))


def read_check(path: str | Path) -> CheckResult:
    """A ``check --format json`` output read back."""
    from .readers.check_json import read_check as read

    return read(path)


def score_alignments(files: Sequence[tuple[str | Path, str | Path]]):
    """Strict and lax scores of (gold, test) bead files, micro-averaged over the pairs."""
    from .evaluate import score
    from .readers.beads import check_partition, parse_beads
    from .readers.text import read_text

    pairs = []
    for g, t in files:
        gold, test = parse_beads(read_text(g), str(g)), parse_beads(read_text(t), str(t))
        check_partition(test, str(t))
        pairs.append((gold, test))
    return score(pairs)


def _result(source: Document, alignments: Sequence[Alignment], findings, encoder: Encoder,
            fail_on: str, baseline: list[dict] | None) -> CheckResult:
    from .diverge.baseline import apply_baseline

    stale: list[dict] = []
    if baseline is not None:
        findings, stale = apply_baseline(list(findings), baseline)
    sig = f"aligner:{__version__}|model:{encoder.cache_key}|check|src:{source.lang}|" + ",".join(
        a.target.lang for a in alignments)
    return CheckResult(source, tuple(alignments), tuple(findings), sig, fail_on, tuple(stale))


# -- output ------------------------------------------------------------------

def render_alignment(result: AlignResult, fmt: str = "tsv", spreadsheet_safe: bool = False) -> str:
    """An alignment in one of the ``alignment`` formats (tsv, json, vecalign, tmx, xliff)."""
    return render("alignment", fmt, result.output, RenderOptions(result.findings, spreadsheet_safe))


def render_findings(result: CheckResult | BitextResult, fmt: str = "text", color: bool = False,
                    spreadsheet_safe: bool = False) -> str:
    """A check in one of the ``findings`` formats; a bitext keeps its rows where the format can."""
    from .formats import writer

    options = RenderOptions(color=color, spreadsheet_safe=spreadsheet_safe)
    if isinstance(result, BitextResult):
        if writer("bitext", fmt) is not None:
            return render("bitext", fmt, result, options)
        result = result.check
    return render("findings", fmt, result, options)


def render_page(result: CheckResult) -> str:
    """The self-contained HTML review page."""
    return render("page", "html", result)


__all__ = ["AlignResult", "Editions", "InputError", "align", "align_documents", "align_sentences",
           "align_texts", "check", "check_bitext", "check_documents", "get_encoder", "load_document",
           "read_check", "read_document", "read_editions", "render_alignment", "render_findings",
           "render_page", "write_output"]


# -- one-call helpers ----------------------------------------------------------

def align_texts(source: str | bytes | Path, target: str | bytes | Path, src_lang: str | None = None,
                tgt_lang: str | None = None, model: str = DEFAULT_MODEL,
                presplit: bool = False, max_length_ratio: float = MAX_LENGTH_RATIO) -> "pd.DataFrame":
    """Align two texts (or files, or undecoded bytes); one row per link (see
    :func:`aligner.formats.table.frame`). Refuses what the command line refuses."""
    from .formats.table import frame

    src = _document(source, src_lang, presplit, "source")
    tgt = _document(target, tgt_lang, presplit, "target")
    check_lengths(src, tgt, max_length_ratio)
    return frame(align_documents(src, tgt, get_encoder(model), presplit=presplit))


def _document(value: str | bytes | Path, lang: str | None, presplit: bool, name: str) -> Document:
    if isinstance(value, Path):
        return read_document(value, lang, presplit)
    if isinstance(value, (bytes, bytearray)):
        from .readers.text import decode

        return load_document(decode(bytes(value), name), lang, presplit, name)
    if not isinstance(value, str):
        raise InputError(f"{name}: expected text, bytes or a Path, got {type(value).__name__}")
    return load_document(value, lang, presplit, name)


def align_sentences(source: Sequence[str], target: Sequence[str], src_lang: str = "xx",
                    tgt_lang: str = "xx", model: str = DEFAULT_MODEL) -> "pd.DataFrame":
    """Align two lists of already split sentences."""
    from .formats.table import frame

    for value, name in ((source, "source"), (target, "target")):
        if isinstance(value, (str, bytes)):
            raise InputError(f"{name}: align_sentences takes lists of sentences; "
                             "for running text use align_texts")
        if not all(isinstance(s, str) for s in value):
            raise InputError(f"{name}: every sentence must be a string")

    src = Document.from_sentences(list(source), src_lang, "source")
    tgt = Document.from_sentences(list(target), tgt_lang, "target")
    return frame(align_documents(src, tgt, get_encoder(model), presplit=True))
