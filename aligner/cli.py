"""Command line: ``aligner align|check|report|batch|eval``, a thin layer over
:mod:`aligner.api` and the format registry (:mod:`aligner.formats`).

This module only parses options, shows progress, calls the library and turns
outcomes into exit codes: 0 ok, 1 findings at or above --fail-on, 2 usage or
input error. Errors are one clear line on stderr, never a traceback
(set ALIGNER_DEBUG=1 to see one).
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from .encoders import DEFAULT_MODEL
from .errors import InputError, OutputClosed
from .formats import names

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Align a document's language editions sentence by sentence.")

def _version(value: bool) -> None:
    if value:
        from .api import __version__

        typer.echo(f"aligner {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, metavar="",
                                       help="Print the version and exit.")) -> None:
    """Align a document's language editions sentence by sentence."""


def _ratio(value: float) -> float:
    """--max-length-ratio: a number of at least 1 (inf turns the guard off)."""
    if not value >= 1.0:  # also catches nan
        raise typer.BadParameter(f"{value} is not a ratio; give a number of at least 1 (inf: no limit)")
    return value


#: --model, the same for every command
_MODEL_OPTION = typer.Option(DEFAULT_MODEL, "--model", "-m", metavar="NAME_OR_PATH",
                             help=f"{DEFAULT_MODEL} (bundled), a sentence-transformers name, or a local model folder.")

#: reading options every command that reads editions takes
_SOURCE_OPTION = typer.Option(None, "--source", metavar="LANG", help="With a folder: the language of the source edition.")
_SRC_LANG_OPTION = typer.Option(None, "--src-lang", metavar="LANG", help="Source language; detected if omitted.")
_PRESPLIT_OPTION = typer.Option(False, "--presplit", metavar="", help="Each line is one sentence (gold-standard data).")
_ONE_TGT_LANG_OPTION = typer.Option(None, "--tgt-lang", metavar="LANG", help="Target language (one target); detected if omitted.")
_CACHE_OPTION = typer.Option(None, "--cache-dir", metavar="FOLDER", help="Keep embeddings on disk here, keyed by model and text.")
_EXACT_OPTION = typer.Option(False, "--exact-windows", metavar="", help="Encode multi-sentence windows as text instead of deriving them (slower).")
_QUIET_OPTION = typer.Option(False, "--quiet", "-q", metavar="", help="No progress on stderr.")
_EXCLUDE_OPTION = typer.Option(None, "--exclude", metavar="PATTERN", help="With a folder: leave out files whose name matches (notes.txt, *.draft.txt); may be repeated.")
_CONFIG_OPTION = typer.Option(None, "--config", metavar="FILE", help="Project settings (default: aligner.toml here or in a folder above).")
_GLOSSARY_OPTION = typer.Option(None, "--glossary", metavar="FILE", help="Terms and their required translations (CSV or TBX); may be repeated.")
_FAIL_ON_HELP = "Exit 1 when a finding of this severity or worse is found: error, warning, info, or never (default: the project's fail-on, else error)."
_RATIO_OPTION = typer.Option(5.0, "--max-length-ratio", callback=_ratio, metavar="RATIO",
                             help="Refuse editions whose lengths differ more than this.")


def _settings(config: Optional[Path], glossary: Optional[List[Path]]):
    """The project's settings, read (and every mistake in them refused) before any work."""
    from . import api

    return api.read_settings(config, glossary or [])


def _fail_on(option: "Optional[FailOn]", settings) -> "FailOn":
    """--fail-on as given, else the project's, else error."""
    return option if option is not None else FailOn(settings.fail_on or "error")


#: --format choices, from the format registry
Format = Enum("Format", {name: name for name in names("alignment")}, type=str)
Report = Enum("Report", {name: name for name in names("findings")}, type=str)


def _err(message: str) -> None:
    typer.echo(f"aligner: {message}", err=True)


class _TimeLeft:
    """The time left, from the share of the work done and the time it took: counted
    from the first stage that says how far it is (reading the editions is before)."""

    #: below this share done an estimate says more about start-up than about the work
    MIN_DONE = 0.1

    def __init__(self) -> None:
        self.start: float | None = None

    def __call__(self, done: float | None, now: float) -> float | None:
        if done is None:
            return None
        if self.start is None:
            self.start = now
        if done < self.MIN_DONE:
            return None
        return (now - self.start) * (1 - done) / done


@contextmanager
def _progress(quiet: bool) -> Iterator:
    """The current stage on stderr: a bar with the time left on a terminal, a
    line per stage with the elapsed time (and the share done and time left,
    once known) elsewhere (CI logs), nothing with --quiet."""
    if quiet:
        yield lambda stage, done=None: None
        return
    import time

    if not sys.stderr.isatty():
        start, left = time.perf_counter(), _TimeLeft()

        def line(stage: str, done: float | None = None) -> None:
            now = time.perf_counter()
            remaining = left(done, now)
            estimate = "" if remaining is None else f" ({done:.0%} done, about {remaining:.0f} s left)"
            _err(f"[{now - start:6.1f} s] {stage}{estimate}")

        yield line
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                  TimeRemainingColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting", total=1.0)

        def show(stage: str, done: float | None = None) -> None:
            bar.update(task, description=stage, **({} if done is None else {"completed": done}))

        yield show


@contextmanager
def _bar(total: int, what: str, quiet: bool) -> Iterator:
    """A progress bar on stderr for work counted in items (silent with --quiet or when piped)."""
    if quiet or not sys.stderr.isatty():
        yield lambda *_: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    with Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda *_: bar.advance(task)


@app.command()
def align(
    paths: List[Path] = typer.Argument(None, metavar="SOURCE TARGET... | FOLDER", show_default=False, help="The source edition and its translations (plain text, .docx, .md, .html, or - for standard input), or one folder of editions (ru.txt, en.txt, ...)."),
    source_lang: Optional[str] = _SOURCE_OPTION,
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write here instead of standard output."),
    fmt: Format = typer.Option(Format.tsv, "--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(names('alignment'))}."),
    from_review: Optional[Path] = typer.Option(None, "--from-review", metavar="FILE", help="Write the alignment corrected in the review page (its exported review.json) instead of aligning."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", metavar="LANG", help="Source language (ISO 639-1); detected if omitted."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", metavar="LANG", help="Target language; detected if omitted."),
    presplit: bool = _PRESPLIT_OPTION,
    model: str = _MODEL_OPTION,
    cache_dir: Optional[Path] = _CACHE_OPTION,
    exact_windows: bool = _EXACT_OPTION,
    max_length_ratio: float = _RATIO_OPTION,
    spreadsheet_safe: bool = typer.Option(False, "--spreadsheet-safe", metavar="", help="TSV: prefix cells a spreadsheet would run as formulas (=, +, -, @) with an apostrophe."),
    exclude: Optional[List[str]] = _EXCLUDE_OPTION,
    config: Optional[Path] = _CONFIG_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="No progress or signature on stderr."),
) -> None:
    """Align translations to a source; one row per link (or per source sentence group for a folder)."""
    from . import api

    settings = _settings(config, [])  # a folder's exclude and [editions]; rules do not apply to aligning

    _one_input(paths, from_review, "--from-review")
    api.check_outputs([output], [*(paths or []), *([from_review] if from_review else [])])
    encoder = api.get_encoder(model, _path_str(cache_dir), exact_windows)
    with _progress(quiet) as note:
        note("reading")
        if from_review is not None:
            result = api.align_reviewed(from_review, encoder, with_findings="findings" in api.needs("alignment", fmt.value))
        else:
            editions = api.read_editions(paths or [], source_lang, src_lang, tgt_lang, presplit,
                                         **_folder_settings(paths or [], settings, exclude))
            result = api.align(editions, encoder, max_length_ratio, api.shows_findings(fmt.value, editions), note)
        content = api.render_alignment(result, fmt.value, spreadsheet_safe)
    api.write_output(output, content)
    if not quiet:
        for a in result.alignments:
            _err(f"{a.target.name}: {len(a.links)} links, {len(a.source)} x {len(a.target)} sentences "
                 f"| {a.signature}")


def _one_input(paths: Optional[List[Path]], other: Optional[Path], option: str) -> None:
    """Editions, or the file of ``option``: exactly one of them."""
    if paths and other is not None:
        raise InputError(f"give either {option} FILE or editions, not both")
    if not paths and other is None:
        raise InputError(f"give the editions (SOURCE TARGET..., or a folder) or {option} FILE")


def _path_str(path: Optional[Path]) -> Optional[str]:
    return None if path is None else str(path)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"

    @property
    def limit(self) -> str:
        """The severity a result is judged against ('never' still reports errors as failing)."""
        return "error" if self is FailOn.never else self.value

    def exit(self, failing: bool) -> None:
        """Exit 1 when findings at or above the limit were found (never with 'never')."""
        if failing and self is not FailOn.never:
            raise typer.Exit(1)


@app.command()
def check(
    paths: List[Path] = typer.Argument(None, metavar="SOURCE TARGET... | FOLDER", show_default=False, help="The source edition and its translations, or one folder of editions (ru.txt, en.txt, ...)."),
    source_lang: Optional[str] = _SOURCE_OPTION,
    pairs: Optional[Path] = typer.Option(None, "--pairs", metavar="FILE", help="Check an aligned bitext (TSV) without re-aligning."),
    from_review: Optional[Path] = typer.Option(None, "--from-review", metavar="FILE", help="Check the links corrected in the review page (its exported review.json) without re-aligning."),
    fmt: Report = typer.Option(Report.text, "--format", "-f", metavar="FORMAT", help=f"Report format: {', '.join(names('findings'))}."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report here instead of standard output."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", metavar="SEVERITY", help=_FAIL_ON_HELP, show_default=False),
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help="Accept the findings listed in this file (from --write-baseline)."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", metavar="FILE", help="Write the current findings as a baseline file."),
    src_lang: Optional[str] = _SRC_LANG_OPTION,
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", metavar="LANG", help="Target language (one target, or --pairs); detected if omitted."),
    presplit: bool = _PRESPLIT_OPTION,
    model: str = _MODEL_OPTION,
    cache_dir: Optional[Path] = _CACHE_OPTION,
    exact_windows: bool = _EXACT_OPTION,
    max_length_ratio: float = _RATIO_OPTION,
    color: bool = typer.Option(None, "--color/--no-color", metavar="", help="Colour the text report (default: when writing to a terminal)."),
    spreadsheet_safe: bool = typer.Option(False, "--spreadsheet-safe", metavar="", help="TSV: prefix cells a spreadsheet would run as formulas (=, +, -, @) with an apostrophe."),
    strict: bool = typer.Option(False, "--strict", metavar="", help="Refuse editions in a language the model was not trained on (by default: a warning)."),
    exclude: Optional[List[str]] = _EXCLUDE_OPTION,
    config: Optional[Path] = _CONFIG_OPTION,
    glossary: Optional[List[Path]] = _GLOSSARY_OPTION,
    quiet: bool = _QUIET_OPTION,
) -> None:
    """Report where translations diverge from their source; exit 1 on findings at or above --fail-on."""
    from . import api

    settings = _settings(config, glossary)
    fail_on = _fail_on(fail_on, settings)

    api.check_outputs([output, write_baseline], [*(paths or []), *([pairs] if pairs else []),
                                                            *([from_review] if from_review else []),
                                                            *([baseline] if baseline else [])])
    if pairs is not None and from_review is not None:
        raise InputError("give either --pairs FILE or --from-review FILE, not both")
    known = api.read_baseline(baseline) if baseline else None
    encoder = api.get_encoder(model, _path_str(cache_dir), exact_windows)
    limit = fail_on.limit
    with _progress(quiet) as note:
        if pairs is not None:
            if paths:
                raise InputError("give either --pairs FILE or editions, not both")
            outcome = api.check_bitext(pairs, src_lang, tgt_lang, encoder, limit, known, settings)
            result = outcome.check
        elif from_review is not None:
            _one_input(paths, from_review, "--from-review")
            outcome = result = api.check_reviewed(from_review, encoder, limit, known, settings)
        else:
            editions = _check_editions(paths or [], source_lang, src_lang, tgt_lang, presplit=presplit,
                                       settings=settings, exclude=exclude)
            if strict:
                api.refuse_uncovered(editions, encoder)
            outcome = result = api.check(editions, encoder, limit, known, max_length_ratio, note, settings)
        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        content = api.render_findings(outcome, fmt.value, color=use_color, spreadsheet_safe=spreadsheet_safe)
    api.write_output(output, content)
    if write_baseline is not None:  # after the report: a bad -o leaves no baseline behind
        api.write_output(write_baseline, api.baseline_text(result))
    if not quiet and output is not None and str(output) != "-":
        counts = result.severity_counts()
        _err(f"wrote {output}: " + ", ".join(f"{n} {sev}{'s' if n != 1 and sev != 'info' else ''}"
                                            for sev, n in counts.items())
             + f" in {len(result.alignments)} edition(s)" + ("; failing" if result.failing else ""))
    fail_on.exit(bool(result.failing))


def _check_editions(paths: List[Path], source_lang: Optional[str], src_lang: Optional[str],
                    tgt_lang: Optional[str] = None, command: str = "check", presplit: bool = False,
                    settings=None, exclude: Optional[List[str]] = None):
    """The editions a check reads, with the project's folder settings (its exclude
    patterns and [editions]) and the command line's --exclude."""
    from . import api
    from .readers.editions import refuse_missing

    refuse_missing(paths)
    if not paths or (len(paths) == 1 and not paths[0].is_dir()):
        raise InputError(f"{command} needs SOURCE TARGET [TARGET ...], a folder"
                         + {"check": ", --pairs FILE or --from-review FILE",
                            "report": ", a check JSON or a review JSON"}.get(command, ""))
    # a translation partly left in the source language is checked as declared, not refused
    return api.read_editions(paths, source_lang, src_lang, tgt_lang, presplit, strict=False,
                             **_folder_settings(paths, settings, exclude))


def _folder_settings(paths: List[Path], settings, exclude: Optional[List[str]]) -> dict:
    """How a folder of editions is read: the project's exclude patterns (for
    folders only: with files, a mistaken --exclude is said) and the command
    line's, and the [editions] languages of files whose names do not say it."""
    folder = len(paths) == 1 and paths[0].is_dir()
    project = tuple(settings.exclude) if settings is not None and folder else ()
    return {"exclude": (*project, *(exclude or ())), "named": settings.editions if settings is not None else None}


@app.command()
def drift(
    paths: List[Path] = typer.Argument(..., metavar="SOURCE TARGET... | FOLDER", help="The source edition and its translations, or one folder of editions (ru.txt, en.txt, ...)."),
    since: Optional[str] = typer.Option(None, "--since", metavar="REV", help="Git revision of the earlier source (and translations), e.g. origin/main or HEAD~3."),
    previous_source: Optional[Path] = typer.Option(None, "--previous-source", metavar="FILE", help="The earlier source as a file (no git needed)."),
    source_lang: Optional[str] = _SOURCE_OPTION,
    fmt: Report = typer.Option("text", "--format", "-f", metavar="FORMAT", help=f"Report format: {', '.join(names('findings'))}."),
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the report here instead of standard output."),
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", metavar="SEVERITY", help=_FAIL_ON_HELP, show_default=False),
    src_lang: Optional[str] = _SRC_LANG_OPTION,
    tgt_lang: Optional[str] = _ONE_TGT_LANG_OPTION,
    presplit: bool = _PRESPLIT_OPTION,
    model: str = _MODEL_OPTION,
    cache_dir: Optional[Path] = _CACHE_OPTION,
    exact_windows: bool = _EXACT_OPTION,
    max_length_ratio: float = _RATIO_OPTION,
    color: bool = typer.Option(None, "--color/--no-color", metavar="", help="Colour the text report (default: when writing to a terminal)."),
    exclude: Optional[List[str]] = _EXCLUDE_OPTION,
    config: Optional[Path] = _CONFIG_OPTION,
    quiet: bool = _QUIET_OPTION,
) -> None:
    """Report translation sentences that went stale since the source's earlier version; exit 1 at --fail-on."""
    from . import api

    settings = _settings(config, [])
    fail_on = _fail_on(fail_on, settings)

    api.check_outputs([output], [*paths, *([previous_source] if previous_source else [])])
    encoder = api.get_encoder(model, _path_str(cache_dir), exact_windows)
    limit = fail_on.limit
    with _progress(quiet) as note:
        editions = _check_editions(paths, source_lang, src_lang, tgt_lang, "drift", presplit, settings, exclude)
        result = api.drift(editions, since, previous_source, encoder, limit, max_length_ratio, note, presplit,
                           settings)
        use_color = color if color is not None else (output is None and sys.stdout.isatty())
        content = api.render_findings(result, fmt.value, color=use_color)
    api.write_output(output, content)
    fail_on.exit(bool(result.failing))


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., metavar="SOURCE TARGET... | FOLDER | CHECK.json | REVIEW.json", help="The source edition and its translations, a folder of editions, a 'check --format json' output, or a review.json exported from the page."),
    source_lang: Optional[str] = _SOURCE_OPTION,
    output: Optional[str] = typer.Option(None, "--output", "-o", metavar="FILE", help="Write the page here (default: standard output)."),
    src_lang: Optional[str] = _SRC_LANG_OPTION,
    tgt_lang: Optional[str] = _ONE_TGT_LANG_OPTION,
    presplit: bool = _PRESPLIT_OPTION,
    model: str = _MODEL_OPTION,
    cache_dir: Optional[Path] = _CACHE_OPTION,
    exact_windows: bool = _EXACT_OPTION,
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help="Leave out the findings this baseline accepts."),
    max_length_ratio: float = _RATIO_OPTION,
    exclude: Optional[List[str]] = _EXCLUDE_OPTION,
    config: Optional[Path] = _CONFIG_OPTION,
    glossary: Optional[List[Path]] = _GLOSSARY_OPTION,
    quiet: bool = _QUIET_OPTION,
) -> None:
    """Write a self-contained HTML page with the editions side by side and the findings in place."""
    from . import api

    settings = _settings(config, glossary)

    api.check_outputs([output], [*paths, *([baseline] if baseline else [])])
    one_json = len(paths) == 1 and paths[0].suffix.lower() == ".json" and paths[0].is_file()
    if one_json and api.is_review(paths[0]):
        known = api.read_baseline(baseline) if baseline else None
        with _progress(quiet) as note:
            note("checking the corrected links")
            result = api.check_reviewed(paths[0], api.get_encoder(model, _path_str(cache_dir), exact_windows),
                                        "error", known, settings)
    elif one_json:
        result = api.read_check(paths[0])
        if baseline:
            result = api.with_baseline(result, api.read_baseline(baseline))
    else:
        known = api.read_baseline(baseline) if baseline else None
        with _progress(quiet) as note:
            editions = _check_editions(paths, source_lang, src_lang, tgt_lang, "report", presplit, settings,
                                       exclude)
            encoder = api.get_encoder(model, _path_str(cache_dir), exact_windows)
            result = api.check(editions, encoder, "error", known, max_length_ratio, note, settings)
    content = api.render_page(result)
    api.write_output(output, content)
    if not quiet and output is not None and str(output) != "-":
        _err(f"wrote {output}: {len(result.active)} findings in {len(result.alignments)} editions")


@app.command()
def batch(
    manifest: Path = typer.Argument(..., metavar="MANIFEST", help="CSV with columns document,lang,path, or a folder with one sub-folder of <lang>.txt editions per document."),
    source_lang: str = typer.Option(..., "--source", metavar="LANG", help="Language of the source edition in every document."),
    output: Path = typer.Option(Path("batch-out"), "--output", "-o", metavar="FOLDER", help="Folder for per-document results and summary.tsv."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="Address of an existing Dask scheduler (default: a local cluster)."),
    workers: int = typer.Option(2, "--workers", min=1, metavar="N", help="Worker processes of the local cluster."),
    model: str = _MODEL_OPTION,
    presplit: bool = _PRESPLIT_OPTION,
    max_length_ratio: float = _RATIO_OPTION,
    cache_dir: Optional[Path] = _CACHE_OPTION,
    exact_windows: bool = _EXACT_OPTION,
    fail_on: Optional[FailOn] = typer.Option(None, "--fail-on", metavar="SEVERITY", help="Exit 1 when a document has a finding of this severity or worse: error, warning, info, or never (default: the project's fail-on, else error).", show_default=False),
    since: Optional[str] = typer.Option(None, "--since", metavar="REV", help="Report drift since this git revision instead of checking (see 'aligner drift')."),
    config: Optional[Path] = _CONFIG_OPTION,
    glossary: Optional[List[Path]] = _GLOSSARY_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", metavar="", help="No progress bar on stderr."),
) -> None:
    """Align and check many documents on Dask; one result folder per document plus a summary."""
    from . import api
    from .batch import Reading, make_jobs, render_consistency, render_summary, run_batch

    settings = _settings(config, glossary)
    fail_on = _fail_on(fail_on, settings)

    if not manifest.exists():
        raise InputError(f"{manifest}: no such manifest")
    if output.exists() and not output.is_dir():
        raise InputError(f"{output}: is a file; batch writes a folder of results (-o FOLDER)")
    limit = fail_on.limit
    if cache_dir is not None:
        api.check_cache_dir(cache_dir)
    reading = Reading(presplit, max_length_ratio, _path_str(cache_dir) or "", exact_windows)
    jobs = make_jobs(manifest, source_lang.lower(), output, model, limit, since or "", settings, reading)
    output.mkdir(parents=True, exist_ok=True)  # only once the manifest is known to be good
    with _bar(len(jobs), "documents", quiet) as advance:
        rows = run_batch(jobs, scheduler, workers, advance)
    summary = render_summary(rows)
    consistency = render_consistency(jobs, rows)
    api.write_output(output / "consistency.tsv", consistency)
    api.write_output(output / "summary.tsv", summary)
    api.write_output(None, summary)
    failed = [r for r in rows if r["status"] == "failed"]
    departing = consistency.count("\n") - 1
    if departing and not quiet:
        _err(f"{departing} translation sentence(s) differ from how the other documents translate the same source "
             f"sentence: {output / 'consistency.tsv'}")
    for r in failed:
        _err(f"{r['document']}: {r['message']}")
    if failed:
        raise typer.Exit(2)
    fail_on.exit(any(r.get("failing") for r in rows))


@app.command("rules")
def list_rules() -> None:
    """List every rule id with what it reports (the ids aligner.toml's [rules] takes)."""
    from .rules import descriptions

    for rule_id, text in descriptions().items():
        typer.echo(f"{rule_id}\t{text}")


@app.command("eval")
def evaluate(
    files: List[Path] = typer.Argument(..., metavar="GOLD TEST...", help="GOLD TEST [GOLD TEST ...]: bead files ([i]:[j, k] per line)."),
    as_json: bool = typer.Option(False, "--json", metavar="", help="Print the scores as JSON."),
) -> None:
    """Strict and lax precision, recall and F1 of TEST against GOLD (micro-averaged over pairs)."""
    from . import api

    if len(files) % 2:
        raise InputError("eval takes pairs of files: GOLD TEST [GOLD TEST ...]")
    scores = api.score_alignments(list(zip(files[::2], files[1::2])))
    if as_json:
        import json

        typer.echo(json.dumps(scores.as_dict(), indent=1))
        return
    typer.echo(f"{'':8}{'precision':>10}{'recall':>10}{'F1':>10}")
    typer.echo(f"{'strict':8}{scores.precision_strict:10.4f}{scores.recall_strict:10.4f}{scores.f1_strict:10.4f}")
    typer.echo(f"{'lax':8}{scores.precision_lax:10.4f}{scores.recall_lax:10.4f}{scores.f1_lax:10.4f}")


def _click_exceptions() -> tuple[tuple[type, ...], tuple[type, ...]]:
    """(usage errors, exit signals) of the click that typer runs on: typer 0.29
    bundles its own copy (typer._click), older typers use the click package."""
    usage: list[type] = []
    exits: list[type] = [typer.Exit]
    try:
        from typer._click import exceptions as bundled

        usage.append(bundled.UsageError)
    except ImportError:
        pass
    try:
        import click

        usage.append(click.exceptions.UsageError)
        exits.append(click.exceptions.Exit)
    except ImportError:
        pass
    return tuple(usage), tuple(exits)


def _silence_stdout() -> None:
    """Point standard output at /dev/null so that Python's flush at exit does not
    raise again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run(argv: Optional[List[str]] = None) -> int:
    """Run the command line on ``argv`` (default: ``sys.argv[1:]``) and return its
    exit code: input and usage errors become one line on stderr and code 2."""
    usage_errors, exits = _click_exceptions()
    previous = signal.getsignal(signal.SIGINT)
    # say why we stop (typer turns the interrupt itself into a silent exit 130)
    announce = previous is signal.default_int_handler and threading.current_thread() is threading.main_thread()
    _INTERRUPTED.clear()  # a run in the same process before (tests, batch workers) does not count
    if announce:
        signal.signal(signal.SIGINT, _interrupted)
    try:
        code = app(args=argv, prog_name="aligner", standalone_mode=False)  # typer.Exit's code
    except (typer.Abort, KeyboardInterrupt):
        if not announce:
            _err("interrupted")
        return 130  # 128 + SIGINT, as shells report it
    except Exception as exc:
        if _INTERRUPTED.is_set():  # the interrupt landed in native code (lingua, numpy), which
            return 130             # reported it as an error of its own: it is still an interrupt
        return _failure(exc, usage_errors, exits)
    finally:
        if announce:
            signal.signal(signal.SIGINT, previous)
    return code if isinstance(code, int) else 0


def _failure(exc: Exception, usage_errors, exits) -> int:
    """The exit code for an exception that ended the run, with its one line on stderr."""
    if isinstance(exc, InputError):
        _err(str(exc))
        return 2
    if isinstance(exc, (BrokenPipeError, OutputClosed)):  # the reader went away (`| head`)
        _silence_stdout()
        return 141  # 128 + SIGPIPE, as shells report it: not an error, not findings
    if isinstance(exc, usage_errors):
        exc.show()  # type: ignore[attr-defined]
        return 2
    if isinstance(exc, exits):
        return int(getattr(exc, "exit_code", 0) or 0)
    if os.environ.get("ALIGNER_DEBUG"):  # anything unexpected: one line, a traceback on request
        raise exc
    _err(f"unexpected error: {type(exc).__name__}: {exc} (set ALIGNER_DEBUG=1 for details)")
    return 2


#: Set when SIGINT arrived during this run (see :func:`run`).
_INTERRUPTED = threading.Event()


def _interrupted(signum, frame) -> None:
    _INTERRUPTED.set()
    _err("interrupted")
    raise KeyboardInterrupt


def main() -> None:
    """Entry point of the ``aligner`` command."""
    sys.exit(run())


if __name__ == "__main__":
    main()
