"""Many document sets at once, on Dask.

A manifest (:mod:`aligner.readers.manifest`) lists the editions of each
document. Each document is aligned and checked in its own Dask task through
:mod:`aligner.api`, on a local cluster by default or on an existing one
(``--scheduler``). A failing document is reported in the summary and does not
stop the others. Results are keyed by a hash of the inputs and of everything
that decides the result (version, model and its card, options): re-running
skips documents whose key is unchanged and whose results are all still there.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from . import api
from .api import __version__
from .core.settings import Settings
from .lengths import MAX_LENGTH_RATIO
from .errors import InputError

SUMMARY_COLUMNS = ["document", "status", "editions", "sentences", "errors", "warnings", "info",
                   "seconds", "message"]
#: Seconds to wait for an existing scheduler to answer.
SCHEDULER_TIMEOUT = 10
#: what a finished document leaves in its folder
RESULT_FILES = ("aligned.tsv", "check.json")


@dataclass(frozen=True)
class Reading:
    """How every document's editions are read and embedded: the reading
    options ``align``, ``check`` and ``report`` take, the same for each job."""

    presplit: bool = False               # one sentence a line
    max_length_ratio: float = MAX_LENGTH_RATIO
    cache_dir: str = ""                  # embeddings kept on disk (one SQLite file the workers share)
    exact_windows: bool = False

    def encoder(self, model: str):
        return api.get_encoder(model, self.cache_dir or None, self.exact_windows)


@dataclass(frozen=True)
class Job:
    document: str
    source: tuple[str, str]              # (lang, path)
    targets: tuple[tuple[str, str], ...]
    out_dir: str
    model: str
    fail_on: str
    since: str = ""                      # with a revision: drift since then instead of check
    settings: Settings = Settings()      # the project's (aligner.toml, --glossary)
    reading: Reading = Reading()


def make_jobs(manifest: Path, source_lang: str, out_dir: Path, model: str, fail_on: str,
              since: str = "", settings: Settings | None = None, reading: Reading = Reading()) -> list[Job]:
    """One job per document of the manifest."""
    jobs = []
    for document, editions in api.read_manifest(manifest):
        source = [(lang, str(p)) for lang, p in editions if lang == source_lang]
        targets = tuple((lang, str(p)) for lang, p in editions if lang != source_lang)
        jobs.append(Job(document, source[0] if len(source) == 1 else ("", ""), targets,
                        str(out_dir / _safe_name(document)), model, fail_on, since, settings or Settings(), reading))
    return jobs


def _safe_name(document: str) -> str:
    """A folder name for a document, one per document: characters a file name
    should not hold become ``_``, a leading dot goes (no ``.``, ``..`` or hidden
    folders), and a name that had to change gets a digest of the original, so
    ``a/b`` and ``a_b`` never share a folder."""
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in document).lstrip(".")
    if safe == document:
        return safe
    return f"{safe or 'document'}-{hashlib.sha256(document.encode('utf-8')).hexdigest()[:8]}"


def settings_key(encoder) -> str:
    """A digest of the encoder's part of the signature (model, windows, model card):
    results computed under another key are stale."""
    return hashlib.sha256(str(encoder.signature()).encode("utf-8")).hexdigest()[:16]


def input_key(job: Job, encoder=None) -> str:
    """Hash of everything that determines a document's results: inputs, version,
    options, and the model with its card (a recalibrated card re-runs);
    ``encoder``: the job's, when the caller has it already."""
    digest = hashlib.sha256()
    settings = settings_key(encoder or job.reading.encoder(job.model))
    reading = f"presplit={job.reading.presplit}|ratio={job.reading.max_length_ratio}"
    digest.update(f"{__version__}|{job.model}|{settings}|{reading}|{job.fail_on}|{_revision(job)}".encode())
    digest.update(f"|{job.settings.signature_part()}".encode())  # other project settings: run again
    for lang, path in (job.source, *job.targets):
        digest.update(f"|{lang}|".encode())
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


def _revision(job: Job) -> str:
    """The commit a --since revision names now (a branch moves: results then go stale)."""
    if not job.since or not job.source[1]:
        return ""
    import subprocess

    done = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{job.since}^{{commit}}"],
                          cwd=Path(job.source[1]).resolve().parent, capture_output=True, text=True)
    return done.stdout.strip() or job.since


def _stored(out: Path, key: str) -> dict | None:
    """The summary row of an earlier run with the same key, if its results are intact."""
    try:
        stored = json.loads((out / "result.json").read_text(encoding="utf-8"))
        if stored.get("key") != key or not all((out / name).is_file() for name in RESULT_FILES):
            return None
        return stored["row"]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def process(job: Job) -> dict:
    """Align and check one document; never raises (the summary reports failures)."""
    t0 = time.perf_counter()
    out = Path(job.out_dir)
    row = {"document": job.document, "editions": 1 + len(job.targets), "sentences": "",
           "errors": "", "warnings": "", "info": "", "message": ""}
    try:
        encoder = job.reading.encoder(job.model)  # once a job: it may open the shared cache
        key = input_key(job, encoder)
        stored = _stored(out, key)
        if stored is not None:
            return {**stored, "status": "unchanged", "seconds": round(time.perf_counter() - t0, 2)}
        row.update(_run(job, out, encoder))
        row["status"] = "ok"
    except InputError as exc:
        row.update(status="failed", message=str(exc))
    except Exception as exc:  # a worker must report, not die: the other documents go on
        row.update(status="failed", message=f"{type(exc).__name__}: {exc}")
    row["seconds"] = round(time.perf_counter() - t0, 2)
    if row["status"] == "ok":
        api.write_output(out / "result.json", json.dumps({"key": key, "row": row}, ensure_ascii=False) + "\n")
    return row


def _run(job: Job, out: Path, encoder) -> dict:
    if not job.source[1]:
        raise InputError(f"{job.document}: no single source edition in the manifest")
    if not job.targets:
        raise InputError(f"{job.document}: no translations to align")
    # checked as declared: a translation partly left in the source language is a finding, not a failure
    editions = api.read_listed(job.source, job.targets, strict=False, presplit=job.reading.presplit)
    ratio = job.reading.max_length_ratio
    if job.since:
        result = api.drift(editions, job.since, None, encoder, job.fail_on, ratio,
                           presplit=job.reading.presplit, settings=job.settings)
    else:
        result = api.check(editions, encoder, job.fail_on, max_length_ratio=ratio, settings=job.settings)
    out.mkdir(parents=True, exist_ok=True)
    aligned = api.AlignResult(editions, result.alignments)
    api.write_output(out / "aligned.tsv", api.render_alignment(aligned, "tsv"))
    # check.json either way: the findings of this run (drift's when --since is given)
    api.write_output(out / "check.json", api.render_findings(result, "json"))
    counts = result.severity_counts()
    return {"sentences": len(editions.source), "errors": counts["error"], "warnings": counts["warning"],
            "info": counts["info"], "failing": bool(result.failing)}


def run_batch(jobs: list[Job], scheduler: str | None = None, workers: int = 2,
              done: Callable[[dict], None] | None = None) -> list[dict]:
    """Run every job on Dask; rows come back in manifest order, ``done`` hears of each as it ends."""
    from dask.distributed import Client, LocalCluster, as_completed

    if scheduler:
        try:
            client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"--scheduler {scheduler}: cannot connect within {SCHEDULER_TIMEOUT} s "
                             f"({type(exc).__name__}); is a Dask scheduler running there?") from None
        cluster = None
    else:
        # no dashboard; the scheduler still serves a few HTTP routes, on 8787 unless
        # told otherwise ("Port 8787 is already in use" where another cluster runs):
        # a free port of the loopback interface instead
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40,
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
        client = Client(cluster)
    try:
        futures = client.map(process, jobs, pure=False, key=[f"aligner-{k}" for k in range(len(jobs))])
        for future in as_completed(futures):
            if done is not None:
                done(future.result())
        return client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def render_summary(rows: list[dict]) -> str:
    import pandas as pd

    table = pd.DataFrame(rows)
    for column in SUMMARY_COLUMNS:
        if column not in table:
            table[column] = ""
    return table[SUMMARY_COLUMNS].to_csv(sep="\t", index=False, lineterminator="\n")


CONSISTENCY_COLUMNS = ["check", "lang", "document", "source_sentence", "sentence", "source", "translation",
                       "usual", "usual_in", "usual_count", "ways"]


def render_consistency(jobs: list[Job], rows: list[dict]) -> str:
    """consistency.tsv: source sentences that one document translates otherwise than
    the other documents of the archive usually do (per target language), read from
    each finished document's check.json."""
    import pandas as pd

    from .rules.consistency import across_documents

    checked = []
    for job, row in zip(jobs, rows):
        path = Path(job.out_dir) / "check.json"
        if row.get("status") in ("ok", "unchanged") and path.is_file():
            try:
                checked.extend((job.document, alignment) for alignment in api.read_check(path).alignments)
            except InputError:
                continue  # a result damaged since: its document is left out of the comparison
    # as in each document's check: a rule the project sets off (for that language) reports nothing
    settings = jobs[0].settings if jobs else None
    found = [r for r in across_documents(checked)
             if settings is None or settings.rule_setting(f"inconsistent-{r['check']}", r["lang"]) != "off"]
    table = pd.DataFrame(found, columns=CONSISTENCY_COLUMNS)
    return table.to_csv(sep="\t", index=False, lineterminator="\n")
