"""Hostile and unusual inputs: every outcome a clear message or a safe output.

Each case here once gave a wrong or unsafe result (see issue "Reliability").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
from clirunner import run

from aligner.core import CheckResult
from aligner.core import Alignment, Document, Link, Sentence
from aligner.formats import RenderOptions, render
from aligner.core import Finding

ESC = "\x1b]0;owned\x07\x1b[31mred\x1b[0m"


def _result_with(text: str) -> CheckResult:
    src = Document("en", (Sentence("It was supported by 124 States.", 0, 1),), "en.txt")
    tgt = Document("fr", (Sentence(text, 0, 1),), "fr.txt")
    alignment = Alignment(src, tgt, (Link((0,), (0,), 0.9),), "sig")
    finding = Finding("number-mismatch", "error", "en.txt", "fr.txt", (0,), (0,), src.texts[0], text, 1.0,
                      f"number 124 in the source is 142 in the translation: {text}", links=(0,))
    return CheckResult(src, (alignment,), (finding,), "sig")


def test_terminal_escapes_in_documents_do_not_reach_the_terminal():
    out = render("findings", "text", _result_with(f"Il a été soutenu par 142 États. {ESC}"),
                 RenderOptions(color=True))
    assert "\x1b]0;owned" not in out and "\x07" not in out and "\x1b[31mred" not in out
    assert "\\x1b]0;owned\\x07" in out  # shown, not obeyed


def test_control_characters_keep_junit_well_formed():
    out = render("findings", "junit", _result_with("Il a été soutenu\x01\x02 par 142 États.\x0b"))
    case = ET.fromstring(out).find(".//failure")
    assert case is not None and "142" in case.get("message")


def test_check_tsv_can_be_spreadsheet_safe(corpus, tmp_path):
    src, tgt = tmp_path / "en.txt", tmp_path / "fr.txt"
    src.write_text("The committee adopted the resolution on 6 November after a long debate.\n\n"
                   "It was supported by 124 States and opposed by a few.\n", encoding="utf-8")
    tgt.write_text("La commission a adopté la résolution le 6 novembre après un long débat.\n\n"
                   "=HYPERLINK(\"http://x\") Elle a été soutenue par 142 États et rejetée par quelques-uns.\n",
                   encoding="utf-8")
    res = run("check", src, tgt, "-f", "tsv", "--spreadsheet-safe", "-q")
    table = pd.read_csv(pd.io.common.StringIO(res.stdout), sep="\t", dtype=str, keep_default_na=False)
    assert res.returncode == 1 and len(table)
    cells = [c for c in table["tgt_text"] if "HYPERLINK" in c]
    assert cells and all(c.startswith("'=") for c in cells)


def test_version_and_same_language_editions(corpus, tmp_path):
    res = run("--version")
    assert res.returncode == 0 and res.stdout.startswith("aligner ")
    twin = tmp_path / "en2.txt"
    twin.write_bytes((corpus / "en.txt").read_bytes())
    res = run("align", corpus / "ru.txt", corpus / "en.txt", twin, "-f", "json")
    assert res.returncode == 2 and "two editions in 'en'" in res.stderr and not res.stdout


def test_xliff_keeps_added_and_omitted_sentences(corpus, tmp_path):
    from translate.storage import xliff2

    out = tmp_path / "fr.xlf"
    assert run("align", corpus / "ru.txt", corpus / "fr.txt", "-f", "xliff", "-o", out, "-q").returncode == 0
    tsv = run("align", corpus / "ru.txt", corpus / "fr.txt", "-q").stdout
    links = pd.read_csv(pd.io.common.StringIO(tsv), sep="\t", dtype=str, keep_default_na=False)
    store = xliff2.Xliff2File.parsefile(str(out))
    assert len(store.units) == len(links)
    added = links[links["src_ids"] == ""]["tgt_text"].tolist()
    assert added and all(any(u.target == text and not u.source for u in store.units) for text in added)


def test_pairs_with_quotation_marks_keep_every_row_and_quote(tmp_path):
    en = ['" It adopted the draft resolution on information security .', "It was supported by 124 States .",
          'More than 30 countries became its co-sponsors , " the ministry said .',
          "The vote took place on 6 November in New York ."] * 5
    fr = ['" Elle a adopté le projet de résolution sur la sécurité de l\'information .',
          "Il a été soutenu par 124 États .", 'Plus de 30 pays en sont devenus coauteurs , " a dit le ministère .',
          "Le vote a eu lieu le 6 novembre à New York ."] * 5
    bitext = tmp_path / "tokenised.tsv"
    bitext.write_text("".join(f"{a}\t{b}\n" for a, b in zip(en, fr)), encoding="utf-8")
    out = tmp_path / "checked.tsv"
    res = run("check", "--pairs", bitext, "-f", "tsv", "-o", out, "-q")
    assert res.returncode in (0, 1), res.stderr
    table = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False)
    assert len(table) == 20
    assert table["src_text"].tolist() == en and table["tgt_text"].tolist() == fr
    again = tmp_path / "again.tsv"  # our own output reads back the same
    assert run("check", "--pairs", out, "-f", "tsv", "-o", again, "-q").returncode in (0, 1)
    assert pd.read_csv(again, sep="\t", dtype=str, keep_default_na=False)["src_text"].tolist() == en


def test_pairs_errors_name_the_line(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("one\ttwo\nthree\tfour\tfive\n", encoding="utf-8")
    res = run("check", "--pairs", bad)
    assert res.returncode == 2 and "line 2 has 3 columns" in res.stderr
    dup = tmp_path / "dup.tsv"
    dup.write_text("src_text\ttgt_text\ttgt_text\na\tb\tc\n", encoding="utf-8")
    res = run("check", "--pairs", dup)
    assert res.returncode == 2 and "names the column(s) tgt_text twice" in res.stderr


def test_options_that_would_be_ignored_or_meaningless_are_refused(corpus, tmp_path):
    for bad in ("0", "-1", "nan", "0.5"):
        res = run("align", corpus / "ru.txt", corpus / "en.txt", "--max-length-ratio", bad)
        assert res.returncode == 2 and "not a ratio" in res.stderr, bad
    res = run("align", corpus, "--source", "ru", "--src-lang", "de")
    assert res.returncode == 2 and "go with files" in res.stderr
    # a check reads the edition as declared and says how much of it is not in that language
    res = run("check", corpus / "ru.txt", corpus / "en.txt", "--tgt-lang", "de")
    assert res.returncode == 1 and "are not in the language declared for it (de)" in res.stdout


def test_eval_refuses_a_sentence_in_two_beads(tmp_path):
    gold, test = tmp_path / "gold", tmp_path / "test"
    gold.write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    test.write_text("[0]:[0]\n[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    res = run("eval", gold, test)
    assert res.returncode == 2 and "source sentence 0 is in bead 1 and bead 2" in res.stderr


def test_file_names_with_hash_and_spaces_survive_in_reports(corpus, tmp_path):
    import json

    folder = tmp_path / "release #2 final"
    folder.mkdir()
    for lang in ("ru", "de"):
        (folder / f"{lang}.txt").write_bytes((corpus / f"{lang}.txt").read_bytes())
    res = run("check", folder, "--source", "ru", "-f", "sarif", "-q")
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for r in json.loads(res.stdout)["runs"][0]["results"]}
    assert uris and all("release%20%232%20final/" in u for u in uris)
    res = run("check", folder, "--source", "ru", "-f", "json", "-q")
    assert all(f["file"].startswith(str(folder)) for f in json.loads(res.stdout)["findings"])


def test_report_from_check_json_applies_the_baseline(corpus, tmp_path):
    checked, baseline = tmp_path / "check.json", tmp_path / "baseline.json"
    run("check", corpus / "ru.txt", corpus / "de.txt", "-f", "json", "-o", checked,
        "--write-baseline", baseline, "-q")
    full = run("report", checked, "-q").stdout
    accepted = run("report", checked, "--baseline", baseline, "-q").stdout
    assert 'class="finding' in full
    assert full != accepted and accepted.count("number-mismatch") < full.count("number-mismatch")


class _ClosedPipe:
    """Standard output whose reader has gone away (`aligner ... | head -1`)."""

    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self):
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self):
        raise ValueError("no descriptor")


def test_a_closed_pipe_is_a_quiet_141_not_findings(corpus, monkeypatch, capsys):
    from aligner.cli import run as cli_run

    monkeypatch.setattr("sys.stdout", _ClosedPipe())
    code = cli_run(["align", str(corpus / "ru.txt"), str(corpus / "en.txt"), "-q"])
    assert code == 141
    assert "error" not in capsys.readouterr().err


def test_interrupt_says_so_and_exits_130(corpus):
    import signal
    import subprocess
    import sys
    import time

    # the translation comes from standard input, which stays open: the run waits there
    # (as from a terminal: a harness that runs the tests in the background ignores SIGINT)
    proc = subprocess.Popen([sys.executable, "-m", "aligner.cli", "align", str(corpus / "ru.txt"), "-"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while b"reading" not in proc.stderr.readline() and time.monotonic() < deadline:
        pass  # the progress line says the run has started and waits for its input
    time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and b"interrupted" in err and b"Traceback" not in err, err


def test_damaged_cache_folder_and_edited_check_json(corpus, tmp_path):
    import json

    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("x", encoding="utf-8")
    res = run("align", corpus / "ru.txt", corpus / "en.txt", "--cache-dir", not_a_folder)
    assert res.returncode == 2 and "is a file; give a folder" in res.stderr and "sqlite" not in res.stderr
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "embeddings.sqlite").write_bytes(b"this is not a database" * 100)
    res = run("align", corpus / "ru.txt", corpus / "en.txt", "--cache-dir", damaged)
    assert res.returncode == 2 and f"remove the damaged {damaged / 'embeddings.sqlite'}" in res.stderr

    checked = tmp_path / "check.json"
    run("check", corpus / "ru.txt", corpus / "de.txt", "-f", "json", "-o", checked, "-q")
    doc = json.loads(checked.read_text(encoding="utf-8"))
    for edit, message in ((lambda d: d["findings"][0].update(severity="fatal"), "severity 'fatal'"),
                          (lambda d: d["alignments"][0]["links"][0].update(src=[999]), "does not have")):
        edited = json.loads(json.dumps(doc))
        edit(edited)
        bad = tmp_path / "edited.json"
        bad.write_text(json.dumps(edited), encoding="utf-8")
        res = run("report", bad)
        assert res.returncode == 2 and message in res.stderr and "unexpected" not in res.stderr


def test_own_json_with_long_lines_reads_back(corpus, tmp_path):
    import json

    checked = tmp_path / "check.json"
    run("check", corpus / "ru.txt", corpus / "de.txt", "-f", "json", "-o", checked, "-q")
    one_line = tmp_path / "one-line.json"  # as json.dump writes it: one line of 100,000+ characters
    one_line.write_text(json.dumps(json.loads(checked.read_text(encoding="utf-8")) | {"pad": "x" * 120_000}),
                        encoding="utf-8")
    res = run("report", one_line, "-q")
    assert res.returncode == 0, res.stderr


def test_a_model_name_that_cannot_be_loaded_fails_at_once(corpus, monkeypatch):
    import time

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", True)
    t0 = time.perf_counter()
    res = run("align", corpus / "ru.txt", corpus / "en.txt", "--model", "sentence-transformers/LaBSEE")
    assert res.returncode == 2 and "cannot load model 'sentence-transformers/LaBSEE'" in res.stderr
    assert time.perf_counter() - t0 < 30  # not minutes of retries


def test_an_unreachable_scheduler_is_one_line(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr("aligner.batch.SCHEDULER_TIMEOUT", 1)
    res = run("batch", corpus.parent, "--source", "ru", "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:9")
    assert res.returncode == 2 and "--scheduler tcp://127.0.0.1:9: cannot connect" in res.stderr


def test_a_named_pipe_is_read_when_written_and_refused_when_silent(corpus, tmp_path, monkeypatch):
    import os
    import threading

    monkeypatch.setattr("aligner.readers.text.PIPE_WAIT", 0.3)
    silent = tmp_path / "silent"
    os.mkfifo(silent)
    res = run("align", corpus / "ru.txt", silent)
    assert res.returncode == 2 and "nothing was written to" in res.stderr
    fed = tmp_path / "fed"
    os.mkfifo(fed)

    def write():
        with open(fed, "wb") as pipe:
            pipe.write((corpus / "en.txt").read_bytes())

    writer = threading.Thread(target=write)
    writer.start()
    res = run("align", corpus / "ru.txt", fed, "-q")
    writer.join(timeout=30)
    assert res.returncode == 0 and "It was supported by 124 States." in res.stdout


def test_an_interrupt_inside_native_code_is_still_an_interrupt(corpus, monkeypatch, capsys):
    # Ctrl-C while lingua or numpy runs comes back as that library's own error
    import os
    import signal
    import time

    from aligner import api
    from aligner.cli import run as cli_run

    def read_interrupted(*args, **kwargs):
        try:
            os.kill(os.getpid(), signal.SIGINT)
            time.sleep(5)
        except KeyboardInterrupt:
            raise RuntimeError("native code saw a pending signal") from None

    monkeypatch.setattr(api, "read_editions", read_interrupted)
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)  # as from a terminal
    try:
        code = cli_run(["align", str(corpus / "ru.txt"), str(corpus / "en.txt")])
        restored = signal.getsignal(signal.SIGINT) is signal.default_int_handler
    finally:
        signal.signal(signal.SIGINT, previous)
    assert code == 130 and restored
    err = capsys.readouterr().err
    assert "interrupted" in err and "unexpected error" not in err


def test_standard_output_on_a_full_device_is_one_clear_line(corpus):
    import subprocess
    import sys

    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "aligner.cli", "align", str(corpus / "ru.txt"),
                               str(corpus / "de.txt"), "-q"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 2
    assert done.stderr == "aligner: standard output: cannot be written (No space left on device)\n"
