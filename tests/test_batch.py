"""``aligner batch`` on a real local Dask cluster: results, failures, re-runs, an existing scheduler."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest
from clirunner import run


@pytest.fixture
def documents(corpus, tmp_path) -> Path:
    root = tmp_path / "docs"
    for name, langs in {"release-en": ["en"], "release-de-fr": ["de", "fr"], "broken": []}.items():
        folder = root / name
        folder.mkdir(parents=True)
        shutil.copy(corpus / "ru.txt", folder / "ru.txt")
        for lang in langs:
            shutil.copy(corpus / f"{lang}.txt", folder / f"{lang}.txt")
    (root / "broken" / "es.txt").write_bytes(b"\x00\x01\x02 not text \x00")
    return root


def _summary(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "summary.tsv", sep="\t", keep_default_na=False, dtype=str).set_index("document")


def test_batch_reports_each_document_and_survives_a_bad_one(documents, tmp_path):
    out = tmp_path / "out"
    res = run("batch", str(documents), "--source", "ru", "-o", str(out), "--workers", "3")
    assert res.returncode == 2, res.stderr  # one document failed
    table = _summary(out)
    assert table.loc["broken", "status"] == "failed" and "binary" in table.loc["broken", "message"]
    assert table.loc["release-en", "status"] == "ok" and table.loc["release-de-fr", "status"] == "ok"
    assert int(table.loc["release-de-fr", "errors"]) >= 4  # planted: numbers, omission, addition
    assert int(table.loc["release-en", "errors"]) == 0
    aligned = pd.read_csv(out / "release-de-fr" / "aligned.tsv", sep="\t", keep_default_na=False)
    assert {"ru", "de", "fr"} <= set(aligned.columns)
    assert (out / "release-de-fr" / "check.json").exists()
    assert not (out / "broken" / "result.json").exists()


def test_rerun_skips_unchanged_documents(documents, tmp_path, monkeypatch):
    from aligner import batch

    # re-runs are decided per document (batch.process); Dask itself is tested above and below
    monkeypatch.setattr(batch, "run_batch", lambda jobs, *args, **kw: [batch.process(job) for job in jobs])
    out = tmp_path / "out"
    shutil.rmtree(documents / "broken")
    assert run("batch", str(documents), "--source", "ru", "-o", str(out)).returncode == 1
    res = run("batch", str(documents), "--source", "ru", "-o", str(out))
    assert res.returncode == 1
    assert set(_summary(out)["status"]) == {"unchanged"}
    edited = documents / "release-en" / "en.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more closing sentence.\n", encoding="utf-8")
    run("batch", str(documents), "--source", "ru", "-o", str(out))
    table = _summary(out)
    assert table.loc["release-en", "status"] == "ok" and table.loc["release-de-fr", "status"] == "unchanged"
    from aligner.batch import _stored, input_key, make_jobs

    job = next(j for j in make_jobs(documents, "ru", out, "usem3", "error") if j.document == "release-de-fr")
    assert _stored(out / "release-de-fr", input_key(job)) is not None
    (out / "release-de-fr" / "aligned.tsv").unlink()  # a result gone: the document runs again
    assert _stored(out / "release-de-fr", input_key(job)) is None


def test_rerun_key_covers_the_model_card(documents, tmp_path, monkeypatch):
    """A recalibrated model card changes results, so documents are run again."""
    from aligner.batch import input_key, make_jobs

    shutil.rmtree(documents / "broken")
    jobs = make_jobs(documents, "ru", tmp_path / "out", "usem3", "error")
    before = [input_key(job) for job in jobs]
    cards = tmp_path / "cards"
    cards.mkdir()
    card = json.loads((Path(__file__).parent.parent / "models" / "usem3.json").read_text(encoding="utf-8"))
    card["calibration"]["divergence"]["threshold"] = 0.5
    (cards / "usem3.json").write_text(json.dumps(card), encoding="utf-8")
    monkeypatch.setenv("ALIGNER_MODELS", str(cards))
    from aligner import api

    api.get_encoder.cache_clear()
    try:
        after = [input_key(job) for job in jobs]
    finally:
        monkeypatch.delenv("ALIGNER_MODELS")
        api.get_encoder.cache_clear()
    assert all(a != b for a, b in zip(before, after))
    assert [input_key(job) for job in jobs] == before


def test_csv_manifest_on_an_existing_scheduler(corpus, tmp_path):
    from dask.distributed import LocalCluster

    manifest = tmp_path / "manifest.csv"
    manifest.write_text("document,lang,path\n"
                        f"press,ru,{corpus / 'ru.txt'}\n"
                        f"press,es,{corpus / 'es.txt'}\n"
                        "missing,ru,nowhere/ru.txt\n"
                        "missing,en,nowhere/en.txt\n", encoding="utf-8")
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      silence_logs=40) as cluster:
        out = tmp_path / "out"
        res = run("batch", str(manifest), "--source", "ru", "-o", str(out), "--scheduler", cluster.scheduler_address)
    assert res.returncode == 2, res.stderr
    table = _summary(out)
    assert table.loc["press", "status"] == "ok"
    assert table.loc["missing", "status"] == "failed" and "no such file" in table.loc["missing", "message"]


def test_bad_manifest_is_an_input_error(tmp_path):
    manifest = tmp_path / "m.csv"
    manifest.write_text("name,file\nx,y\n", encoding="utf-8")
    res = run("batch", str(manifest), "--source", "ru", "-o", str(tmp_path / "out"))
    assert res.returncode == 2 and "document,lang,path" in res.stderr


def test_document_names_map_to_distinct_folders_inside_the_output(tmp_path):
    from aligner.batch import _safe_name

    names = ["a/b", "a_b", "..", ".", ".hidden", "press release", "plain-name_1.0"]
    folders = [_safe_name(n) for n in names]
    assert len(set(folders)) == len(names)
    out = tmp_path / "out"
    for folder in folders:
        target = (out / folder).resolve()
        assert target.parent == out.resolve() and not folder.startswith(".")
    assert _safe_name("plain-name_1.0") == "plain-name_1.0"  # ordinary names stay readable


def test_batch_output_that_is_a_file_and_bad_manifest_leave_nothing(tmp_path):
    afile = tmp_path / "results"
    afile.write_text("x", encoding="utf-8")
    res = run("batch", tmp_path, "--source", "ru", "-o", afile)
    assert res.returncode == 2 and "is a file" in res.stderr
    empty = tmp_path / "docs"
    empty.mkdir()
    res = run("batch", empty, "--source", "ru", "-o", tmp_path / "new-out")
    assert res.returncode == 2 and "no document folders" in res.stderr
    assert not (tmp_path / "new-out").exists()


def test_interrupted_batch_resumes_without_redoing_what_finished(corpus, tmp_path):
    # a real archive run stopped as a user stops it (Ctrl-C) once some documents
    # are done: the rerun keeps those and does only the rest
    import signal
    import subprocess
    import sys
    import time

    root = tmp_path / "archive"
    for k in range(4):
        folder = root / f"doc{k}"
        folder.mkdir(parents=True)
        for lang in ("ru", "de"):
            # the first document small, the others eight times its length: the
            # interrupt, sent once the first is done, lands while the rest still run
            text = (corpus / f"{lang}.txt").read_text(encoding="utf-8")
            (folder / f"{lang}.txt").write_text(text if k == 0 else "\n\n".join([text] * 8), encoding="utf-8")
    out = tmp_path / "out"
    aligner = str(Path(sys.executable).parent / "aligner")
    # as from a terminal: a harness that runs the tests in the background (nohup, `&`)
    # starts them with SIGINT ignored, and the batch would inherit that and never stop
    proc = subprocess.Popen([aligner, "batch", str(root), "--source", "ru", "-o", str(out), "--workers", "1", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 120
    while not list(out.glob("*/result.json")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    code = proc.wait(timeout=60)
    err = proc.stderr.read().decode("utf-8", "replace")
    assert code == 130, (code, sorted(p.parent.name for p in out.glob("*/result.json")), err)
    # stopped as any command stops: one line, no worker's traceback
    assert "Traceback" not in err and err.count("interrupted") == 1, err
    finished = {p.parent.name for p in out.glob("*/result.json")}
    assert finished and not (out / "summary.tsv").exists()  # stopped before the end: no summary
    res = run("batch", str(root), "--source", "ru", "-o", str(out), "--workers", "1", "-q")
    assert res.returncode == 1, res.stderr  # the German edition's planted errors
    table = _summary(out)
    assert len(table) == 4
    assert {d for d in table.index if table.loc[d, "status"] == "unchanged"} == finished
    assert set(table.loc[sorted(set(table.index) - finished), "status"]) <= {"ok"}


def test_quiet_batch_says_nothing_where_another_cluster_holds_the_dashboard_port(corpus, tmp_path):
    import socket

    from clirunner import run_process

    root = tmp_path / "archive" / "doc"
    root.mkdir(parents=True)
    for lang in ("ru", "en"):
        shutil.copy(corpus / f"{lang}.txt", root / f"{lang}.txt")
    holder = socket.socket()
    try:
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", 8787))
        holder.listen()
    except OSError:
        pass  # something else holds it already: the same situation
    try:
        res = run_process("batch", tmp_path / "archive", "--source", "ru", "-o", tmp_path / "out", "-q",
                          "--workers", "1")
    finally:
        holder.close()
    assert res.returncode == 0, res.stderr
    assert res.stderr == ""


def test_a_sentence_one_document_translates_otherwise_than_the_others_is_listed(departing_archive, tmp_path):
    # the same source sentence across the documents of an archive (a translation
    # memory would have given it the same way): consistency.tsv lists the departure
    from conftest import USUAL as usual

    other = "Zusammen mit interessierten Staaten aus sämtlichen Weltregionen"
    root = departing_archive(tmp_path / "archive", other)
    out = tmp_path / "out"
    res = run("batch", str(root), "--source", "ru", "-o", str(out), "--workers", "1")
    assert res.returncode == 1, res.stderr
    table = pd.read_csv(out / "consistency.tsv", sep="\t", keep_default_na=False, dtype=str)
    assert list(table["check"]) == ["translation"] and list(table["document"]) == ["doc2"]
    assert table["translation"][0].startswith(other) and table["usual"][0].startswith(usual)
    assert table["usual_count"][0] == "2" and table["usual_in"][0].startswith("doc0:")
    assert "consistency.tsv" in res.stderr


def test_batch_checks_every_document_with_the_glossary_and_reruns_when_it_changes(corpus, tmp_path):
    root = tmp_path / "archive" / "press"
    root.mkdir(parents=True)
    for lang in ("ru", "es"):
        shutil.copy(corpus / f"{lang}.txt", root / f"{lang}.txt")
    out = tmp_path / "out"
    res = run("batch", str(tmp_path / "archive"), "--source", "ru", "-o", str(out), "--workers", "1", "-q",
              "--glossary", str(corpus / "glossary.csv"))
    assert res.returncode == 0, res.stderr  # the Spanish edition's findings are warnings (the dropped clause)
    found = json.loads((out / "press" / "check.json").read_text(encoding="utf-8"))
    assert any(f["rule"] == "term-missing" for f in found["findings"])
    assert "glossary" in found["signature"]
    # without the glossary the settings differ: the document is checked again, not reported unchanged
    res = run("batch", str(tmp_path / "archive"), "--source", "ru", "-o", str(out), "--workers", "1", "-q")
    assert _summary(out).loc["press", "status"] == "ok"
