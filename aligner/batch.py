"""Many document sets at once, on Dask.

A manifest lists the editions of each document: a CSV with columns
``document,lang,path`` (one row per edition; relative paths are relative to
the CSV), or a folder with one sub-folder per document holding ``<lang>.txt``
files. Each document is aligned and checked in its own Dask task, on a local
cluster by default or on an existing one (``--scheduler``). A failing document
is reported in the summary and does not stop the others. Results are keyed by
a hash of the inputs and settings: re-running skips documents whose inputs
and settings are unchanged.
"""

from __future__ import annotations

import csv
import hashlib
import json
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from . import __version__
from .errors import InputError

SUMMARY_COLUMNS = ["document", "status", "editions", "sentences", "errors", "warnings", "info",
                   "seconds", "message"]


@dataclass(frozen=True)
class Job:
    document: str
    source: tuple[str, str]              # (lang, path)
    targets: tuple[tuple[str, str], ...]
    out_dir: str
    model: str
    fail_on: str


def read_manifest(path: Path) -> list[tuple[str, list[tuple[str, Path]]]]:
    """(document, [(lang, path), ...]) for every document the manifest lists."""
    from .editions import folder_editions, lang_from_name

    if path.is_dir():
        docs = []
        for sub in sorted(p for p in path.iterdir() if p.is_dir()):
            try:
                files = folder_editions(sub)
            except InputError:
                files = []
            docs.append((sub.name, [(lang_from_name(f) or "", f) for f in files]))
        if not docs:
            raise InputError(f"{path}: no document folders (expected one folder per document)")
        return docs
    from .reading import read_text

    rows = list(csv.DictReader(read_text(path).splitlines()))
    if not rows or not {"document", "lang", "path"} <= set(rows[0]):
        raise InputError(f"{path}: a manifest needs the columns document,lang,path")
    docs: dict[str, list[tuple[str, Path]]] = {}
    for number, row in enumerate(rows, 2):
        if not row["document"] or not row["path"]:
            raise InputError(f"{path}: line {number} needs a document and a path")
        edition = Path(row["path"])
        docs.setdefault(row["document"], []).append(
            ((row["lang"] or "").lower(), edition if edition.is_absolute() else path.parent / edition))
    return list(docs.items())


def make_jobs(manifest: Path, source_lang: str, out_dir: Path, model: str, fail_on: str) -> list[Job]:
    jobs = []
    for document, editions in read_manifest(manifest):
        source = [(lang, str(p)) for lang, p in editions if lang == source_lang]
        targets = tuple((lang, str(p)) for lang, p in editions if lang != source_lang)
        jobs.append(Job(document, source[0] if len(source) == 1 else ("", ""), targets,
                        str(out_dir / _safe_name(document)), model, fail_on))
    return jobs


def _safe_name(document: str) -> str:
    return "".join(c if c.isalnum() or c in "-_." else "_" for c in document) or "_"


def input_key(job: Job) -> str:
    """Hash of everything that determines a document's results."""
    digest = hashlib.sha256()
    digest.update(f"{__version__}|{job.model}|{job.fail_on}".encode())
    for lang, path in (job.source, *job.targets):
        digest.update(f"|{lang}|".encode())
        try:
            digest.update(Path(path).read_bytes())
        except OSError:
            digest.update(b"<unreadable>")
    return digest.hexdigest()


@lru_cache(maxsize=2)
def _encoder(model: str):
    """One encoder per worker process, loaded on its first document."""
    from .encoders import load_encoder

    return load_encoder(model)


def process(job: Job) -> dict:
    """Align and check one document; never raises (the summary reports failures)."""
    t0 = time.perf_counter()
    out = Path(job.out_dir)
    row = {"document": job.document, "editions": 1 + len(job.targets), "sentences": "",
           "errors": "", "warnings": "", "info": "", "message": ""}
    key = input_key(job)
    done = out / "result.json"
    try:
        stored = json.loads(done.read_text(encoding="utf-8")) if done.exists() else {}
        if stored.get("key") == key:
            return {**stored["row"], "status": "unchanged", "seconds": round(time.perf_counter() - t0, 2)}
    except (OSError, ValueError, KeyError):
        pass
    try:
        row.update(_run(job, out))
        row["status"] = "ok"
    except InputError as exc:
        row.update(status="failed", message=str(exc))
    except Exception as exc:  # a worker must report, not die: the other documents go on
        row.update(status="failed", message=f"{type(exc).__name__}: {exc}")
    row["seconds"] = round(time.perf_counter() - t0, 2)
    if row["status"] == "ok":
        from .formats import write_atomic

        write_atomic(done, json.dumps({"key": key, "row": row}, ensure_ascii=False) + "\n")
    return row


def _run(job: Job, out: Path) -> dict:
    from .formats import render, write_atomic
    from .multi import merge
    from .pipeline import check_documents, read_document
    from .reports import REPORTS

    if not job.source[1]:
        raise InputError(f"{job.document}: no single source edition in the manifest")
    if not job.targets:
        raise InputError(f"{job.document}: no translations to align")
    source = read_document(job.source[1], job.source[0])
    targets = [read_document(path, lang or None) for lang, path in job.targets]
    result = check_documents(source, targets, _encoder(job.model), job.fail_on)
    out.mkdir(parents=True, exist_ok=True)
    write_atomic(out / "aligned.tsv", render(merge(source, result.alignments), "tsv"))
    write_atomic(out / "check.json", REPORTS["json"](result))
    counts = {s: sum(1 for f in result.active if f.severity == s) for s in ("error", "warning", "info")}
    return {"sentences": len(source), "errors": counts["error"], "warnings": counts["warning"],
            "info": counts["info"], "failing": bool(result.failing)}


def run_batch(jobs: list[Job], scheduler: str | None = None, workers: int = 2,
              done: Callable[[dict], None] | None = None) -> list[dict]:
    """Run every job on Dask; rows come back in manifest order, ``done`` hears of each as it ends."""
    from dask.distributed import Client, LocalCluster, as_completed

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
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
