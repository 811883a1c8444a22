"""``aligner check`` as translators and CI use it: corpus, reports, exit codes, baseline, --pairs."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
from clirunner import run

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-2.1.0-rtm.5.json"
PLANTED_RULE = {
    "number": {"number-mismatch"}, "split": {"sentence-split"}, "merge": {"sentence-merge"},
    "omission": {"omission"}, "addition": {"addition"}, "dropped-clause": {"clause-omission"},
    "added-phrase": {"clause-addition"}, "meaning-shift": {"meaning-shift"},
}




@pytest.fixture(scope="module")
def corpus_json(corpus) -> dict:
    res = run("check", str(corpus), "--source", "ru", "--format", "json", "-q")
    assert res.returncode == 1, res.stderr  # the corpus has planted errors
    return json.loads(res.stdout)


def test_every_planted_difference_is_found_with_its_rule(corpus, corpus_json):
    findings = corpus_json["findings"]
    for lang in ("de", "es", "fr"):
        gold = json.loads((corpus / "gold" / f"ru-{lang}.json").read_text(encoding="utf-8"))
        for diff in gold["differences"]:
            if not diff["planted"]:
                continue
            here = [f for f in findings if f["target"].endswith(f"{lang}.txt")
                    and f["rule"] in PLANTED_RULE[diff["kind"]]
                    and (set(f["src_ids"]) & set(diff["src"]) or set(f["tgt_ids"]) & set(diff["tgt"]))]
            assert here, f"{lang}: planted {diff['kind']} at {diff['src']}->{diff['tgt']} not found"


def test_no_error_on_faithful_sentences(corpus, corpus_json):
    planted = {}
    for lang in ("en", "de", "es", "fr"):
        gold = json.loads((corpus / "gold" / f"ru-{lang}.json").read_text(encoding="utf-8"))
        planted[lang] = {("t", j) for d in gold["differences"] if d["planted"] for j in d["tgt"]} | {
            ("s", i) for d in gold["differences"] if d["planted"] for i in d["src"]}
    for f in corpus_json["findings"]:
        if f["severity"] != "error":
            continue
        lang = Path(f["target"]).stem
        touched = {("t", j) for j in f["tgt_ids"]} | {("s", i) for i in f["src_ids"]}
        assert touched & planted[lang], f"error on a faithful sentence: {f}"


def test_witnesses_are_visible(corpus_json):
    number = next(f for f in corpus_json["findings"] if f["rule"] == "number-mismatch" and "de.txt" in f["target"])
    assert number["witnesses"] == "only this edition of 4 differs here"
    label = [f for f in corpus_json["findings"] if f["rule"] == "addition" and f["tgt_ids"] == [2]]
    assert len(label) == 4 and all("all 4 editions" in f["witnesses"] for f in label)


def test_exit_codes_follow_fail_on(corpus, tmp_path):
    en = corpus / "en.txt"
    # the faithful English edition has notes only (its "unofficial translation" label among them)
    assert run("check", str(corpus / "ru.txt"), str(en), "-q").returncode == 0
    assert run("check", str(corpus / "ru.txt"), str(en), "-q", "--fail-on", "warning").returncode == 0
    assert run("check", str(corpus / "ru.txt"), str(en), "-q", "--fail-on", "info").returncode == 1
    assert run("check", str(corpus / "ru.txt"), str(corpus / "de.txt"), "-q").returncode == 1
    assert run("check", str(corpus / "ru.txt"), str(corpus / "de.txt"), "-q", "--fail-on", "never").returncode == 0


@pytest.fixture(scope="module")
def reports(corpus, tmp_path_factory) -> dict[str, str]:
    out = {}
    folder = tmp_path_factory.mktemp("reports")
    for fmt in ("text", "json", "tsv", "sarif", "junit", "github"):
        path = folder / f"report.{fmt}"
        res = run("check", str(corpus / "ru.txt"), str(corpus / "fr.txt"), "-f", fmt, "-o", str(path), "-q")
        assert res.returncode == 1, res.stderr
        out[fmt] = path.read_text(encoding="utf-8")
    return out


def test_sarif_validates_against_the_schema(reports):
    log = json.loads(reports["sarif"])
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    results = log["runs"][0]["results"]
    rule_ids = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
    assert {r["ruleId"] for r in results} <= set(rule_ids)
    assert all(r["partialFingerprints"]["alignerFinding/v1"] for r in results)
    number = next(r for r in results if r["ruleId"] == "number-mismatch")
    assert number["level"] == "error" and number["locations"][0]["physicalLocation"]["region"]["startLine"] == 17
    # the differing words, highlighted and located in the sentences as written
    assert number["message"]["markdown"].startswith("number **25** in the source is **15** in the translation")
    spans = number["properties"]["evidence"]
    assert {(e["side"], e["text"]) for e in spans} == {("source", "25"), ("target", "15")}
    texts = {"source": number["properties"]["sourceText"], "target": number["properties"]["targetText"]}
    assert all(texts[e["side"]][e["start"]:e["end"]] == e["text"] for e in spans)


def test_junit_has_one_case_per_link_and_fails_the_errors(reports):
    root = ET.fromstring(reports["junit"])
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    assert len(cases) == int(suite.get("tests")) == 21
    failed = [c for c in cases if c.find("failure") is not None]
    assert int(suite.get("failures")) == len(failed) == 2
    assert any("15 in the translation" in c.find("failure").get("message") for c in failed)


def test_github_json_tsv_and_text_reports(reports):
    errors = [line for line in reports["github"].splitlines() if line.startswith("::error ")]
    assert any(line.endswith("fr.txt,line=17,title=number-mismatch (fr.txt)::"
                             "number 25 in the source is 15 in the translation [only this edition differs]")
               or ("fr.txt,line=17,title=number-mismatch (fr.txt)::number 25 in the source is 15 in the translation"
                   in line) for line in errors)
    doc = json.loads(reports["json"])
    assert doc["failed"] is True and {f["rule"] for f in doc["findings"]} >= {"addition", "number-mismatch"}
    table = pd.read_csv(__import__("io").StringIO(reports["tsv"]), sep="\t", keep_default_na=False)
    assert len(table) == len(doc["findings"]) and "fingerprint" in table.columns
    assert "number 25 in the source is 15 in the translation" in reports["text"]
    assert "summary:" in reports["text"]


def test_baseline_round_trip_and_stale_entries(corpus, tmp_path):
    base = tmp_path / "baseline.json"
    args = ["check", str(corpus / "ru.txt"), str(corpus / "fr.txt"), "-q"]
    assert run(*args, "--write-baseline", str(base)).returncode == 1
    res = run(*args, "--baseline", str(base), "-f", "json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert all(f["baseline"] for f in doc["findings"]) and doc["stale_baseline"] == []
    # once the number is fixed, its baseline entry is stale and nothing fails
    fixed = tmp_path / "fr.txt"
    fixed.write_text((corpus / "fr.txt").read_text(encoding="utf-8").replace("que 15 experts", "que 25 experts"),
                     encoding="utf-8")
    res = run("check", str(corpus / "ru.txt"), str(fixed), "-q", "--baseline", str(base), "-f", "json")
    doc = json.loads(res.stdout)
    assert res.returncode == 0
    # findings on the edited sentence no longer match: their entries are stale
    assert "number-mismatch" in [e["rule"] for e in doc["stale_baseline"]]
    assert len(doc["stale_baseline"]) <= 2
    # a new error not in the baseline fails again
    (tmp_path / "worse").mkdir()
    worse = tmp_path / "worse" / "fr.txt"
    worse.write_text((corpus / "fr.txt").read_text(encoding="utf-8").replace("par 124 États", "par 99 États"),
                     encoding="utf-8")
    res = run("check", str(corpus / "ru.txt"), str(worse), "-q", "--baseline", str(base), "-f", "json")
    assert res.returncode == 1
    assert [f["message"] for f in json.loads(res.stdout)["findings"] if not f["baseline"]
            and f["severity"] == "error"] == ["number 124 in the source is 99 in the translation"]


def test_bad_baseline_file_is_an_input_error(corpus, tmp_path):
    bad = tmp_path / "b.json"
    bad.write_text("{not json", encoding="utf-8")
    res = run("check", str(corpus / "ru.txt"), str(corpus / "en.txt"), "--baseline", str(bad))
    assert res.returncode == 2 and "not a baseline file" in res.stderr


def test_pairs_tsv_keeps_rows_and_adds_scores(corpus, tmp_path):
    aligned = tmp_path / "ru-de.tsv"
    assert run("align", str(corpus / "ru.txt"), str(corpus / "de.txt"), "-o", str(aligned), "-q").returncode == 0
    out = tmp_path / "checked.tsv"
    res = run("check", "--pairs", str(aligned), "-f", "tsv", "-o", str(out), "-q")
    assert res.returncode == 1, res.stderr
    original = pd.read_csv(aligned, sep="\t", keep_default_na=False, dtype=str)
    checked = pd.read_csv(out, sep="\t", keep_default_na=False, dtype=str)
    assert len(checked) == len(original)
    assert list(checked.columns[:len(original.columns)]) == list(original.columns)
    assert {"divergence_score", "divergent", "findings"} <= set(checked.columns)
    row = checked[checked["tgt_text"].str.contains("142")].iloc[0]
    assert "number-mismatch" in row["findings"] and row["divergent"] == "1"
    scores = pd.to_numeric(checked["divergence_score"], errors="coerce").dropna()
    assert scores.between(0, 1).all() and len(scores) > 10


def test_pairs_two_column_file_and_wrong_column_count(tmp_path):
    good = tmp_path / "pairs.tsv"
    good.write_text("It was supported by 124 States.\tIl a été soutenu par 124 États.\n"
                    "More than 30 countries became co-sponsors.\tPlus de 30 pays en sont devenus coauteurs.\n",
                    encoding="utf-8")
    res = run("check", "--pairs", str(good), "--src-lang", "en", "--tgt-lang", "fr", "-f", "json", "-q")
    assert res.returncode == 0, res.stderr
    bad = tmp_path / "bad.tsv"
    bad.write_text("one\ttwo\nthree\tfour\tfive\n", encoding="utf-8")
    res = run("check", "--pairs", str(bad), "-q")
    assert res.returncode == 2 and "line 2 has 3 columns" in res.stderr


def test_folder_errors(tmp_path, corpus):
    empty = tmp_path / "empty"
    empty.mkdir()
    res = run("check", str(empty), "--source", "ru")
    assert res.returncode == 2 and "no editions" in res.stderr
    dup = tmp_path / "dup"
    dup.mkdir()
    shutil.copy(corpus / "ru.txt", dup / "ru.txt")
    shutil.copy(corpus / "en.txt", dup / "en.txt")
    shutil.copy(corpus / "en.txt", dup / "english.txt")
    res = run("check", str(dup), "--source", "ru")
    assert res.returncode == 2 and "two editions in 'en'" in res.stderr
    nosrc = tmp_path / "nosrc"
    nosrc.mkdir()
    shutil.copy(corpus / "en.txt", nosrc / "en.txt")
    shutil.copy(corpus / "de.txt", nosrc / "de.txt")
    res = run("check", str(nosrc), "--source", "ru")
    assert res.returncode == 2 and "no 'ru' edition" in res.stderr
    out = tmp_path / "report.json"
    assert not out.exists()


def test_report_leaves_out_baselined_findings(corpus, tmp_path):
    base = tmp_path / "baseline.json"
    args = [str(corpus / "ru.txt"), str(corpus / "fr.txt")]
    assert run("check", *args, "-q", "--write-baseline", str(base)).returncode == 1
    full, quiet = tmp_path / "full.html", tmp_path / "accepted.html"
    assert run("report", *args, "-o", str(full), "-q").returncode == 0
    assert run("report", *args, "-o", str(quiet), "-q", "--baseline", str(base)).returncode == 0
    assert full.read_text(encoding="utf-8").count('class="finding ') > 5
    assert quiet.read_text(encoding="utf-8").count('class="finding ') == 0


def test_check_length_ratio_limit_is_an_option(corpus, tmp_path):
    long = tmp_path / "en.txt"
    long.write_text("\n\n".join([(corpus / "en.txt").read_text(encoding="utf-8")] * 6), encoding="utf-8")
    res = run("check", str(corpus / "en.txt"), str(long), "-q")
    assert res.returncode == 2 and "--max-length-ratio" in res.stderr
    res = run("check", str(corpus / "en.txt"), str(long), "-q", "--max-length-ratio", "8", "-f", "json")
    assert res.returncode in (0, 1), res.stderr
    assert any(f["rule"] == "addition" for f in json.loads(res.stdout)["findings"])
