"""Verdicts on a whole translation, as a translator meets them on the command
line: a copy of the source, a translation partly left in the source language,
two documents that are not translations of each other, a language the model
was not trained on."""

from __future__ import annotations

import json

from clirunner import run

HEBREW = ("הוועדה אישרה את טיוטת ההחלטה על אבטחת מידע בינלאומית. היא נתמכה על ידי מדינות רבות. "
          "יותר משלושים מדינות הפכו לתומכות שלה. ההצבעה התקיימה בניו יורק.")


def _findings(path):
    return json.loads(path.read_text(encoding="utf-8"))["findings"]


def test_an_untranslated_copy_is_one_error_for_the_whole_document(corpus, tmp_path):
    out = tmp_path / "copy.json"
    res = run("check", corpus / "ru.txt", corpus / "ru.txt", "-f", "json", "-o", out, "--quiet")
    assert res.returncode == 1, res.stderr
    found = _findings(out)
    assert [(f["rule"], f["severity"], f["src_ids"], f["tgt_ids"]) for f in found] == [("untranslated", "error", [], [])]
    assert "copy of its source" in found[0]["message"]


def test_a_translation_partly_left_in_the_source_language_is_checked_not_refused(corpus, tmp_path):
    english = (corpus / "en.txt").read_text(encoding="utf-8").splitlines()
    french = (corpus / "fr.txt").read_text(encoding="utf-8").splitlines()
    # two lines in three left in English: a language detector calls the whole file English
    mixed = [f if k % 3 == 0 else e for k, (e, f) in enumerate(zip(english, french))]
    partial = tmp_path / "fr.txt"
    partial.write_text("\n".join(mixed) + "\n", encoding="utf-8")
    out = tmp_path / "partial.json"
    res = run("check", corpus / "en.txt", partial, "--tgt-lang", "fr", "-f", "json", "-o", out, "--quiet")
    assert res.returncode == 1, res.stderr
    found = _findings(out)
    summary = [f for f in found if f["rule"] == "untranslated" and not f["tgt_ids"]]
    assert len(summary) == 1 and "left in the source language (en)" in summary[0]["message"]
    assert sum(f["rule"] == "untranslated" and f["severity"] == "error" for f in found) >= 8
    # aligning still refuses the contradicting declaration: there the wrong file is the likely mistake
    res = run("align", corpus / "en.txt", partial, "--tgt-lang", "fr", "-o", tmp_path / "a.tsv")
    assert res.returncode == 2 and "declared as 'fr'" in res.stderr


def test_documents_that_are_not_translations_get_one_clear_error(corpus, tmp_path):
    other = tmp_path / "de.txt"
    other.write_text((corpus / "de.txt").read_text(encoding="utf-8"), encoding="utf-8")
    # a chapter of a Debian manual, against the press release
    unrelated = corpus.parent.parent / "tests" / "data" / "as-shipped" / "maint-guide" / "ja.txt"
    out = tmp_path / "unrelated.json"
    res = run("check", corpus / "en.txt", unrelated, "--max-length-ratio", "50", "-f", "json", "-o", out, "--quiet")
    assert res.returncode == 1, res.stderr
    found = _findings(out)
    assert [(f["rule"], f["severity"]) for f in found] == [("not-parallel", "error")]
    assert "does not read as a translation" in found[0]["message"]
    # real translations are parallel
    out = tmp_path / "real.json"
    assert run("check", corpus / "ru.txt", other, "-f", "json", "-o", out, "--quiet").returncode in (0, 1)
    assert not [f for f in _findings(out) if f["rule"] == "not-parallel"]


def test_a_language_the_model_does_not_cover_is_a_warning_or_refused_with_strict(corpus, tmp_path):
    english = tmp_path / "en.txt"
    english.write_text("The committee approved the draft resolution on international information security. "
                       "It was supported by many States. More than thirty countries became its co-sponsors. "
                       "The vote took place in New York.\n", encoding="utf-8")
    hebrew = tmp_path / "he.txt"
    hebrew.write_text(HEBREW + "\n", encoding="utf-8")
    out = tmp_path / "he.json"
    res = run("check", english, hebrew, "--tgt-lang", "he", "-f", "json", "-o", out, "--quiet")
    assert res.returncode in (0, 1), res.stderr
    warned = [f for f in _findings(out) if f["rule"] == "uncovered-language"]
    assert [f["severity"] for f in warned] == ["warning"]
    assert "'he'" in warned[0]["message"] and "--model" in warned[0]["message"] and "ru" in warned[0]["message"]
    res = run("check", english, hebrew, "--tgt-lang", "he", "--strict", "-o", tmp_path / "strict.txt")
    assert res.returncode == 2 and "not trained on 'he'" in res.stderr
    assert not (tmp_path / "strict.txt").exists()
