"""Hostile and unusual inputs: every outcome a clear message or a safe output.

Each case here once gave a wrong or unsafe result (see issue "Reliability").
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
from clirunner import run

from aligner.diverge.result import CheckResult
from aligner.document import Alignment, Document, Link, Sentence
from aligner.formats import RenderOptions, render
from aligner.rules import Finding

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
