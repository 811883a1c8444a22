"""Findings on real, published translations (Debian manpages-l10n excerpts,
``tests/data/manpages-l10n``, licences beside them): a faithful translation
raises no warning, and a translation that left sentences in English is caught."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from clirunner import run

DATA = Path(__file__).resolve().parent / "data" / "manpages-l10n"


@pytest.mark.parametrize("lang", ["de", "es", "fr", "ru"])
def test_a_faithful_real_translation_raises_no_warning(lang):
    page = DATA / "intro.2"
    res = run("check", page / "en.txt", page / f"{lang}.txt", "--src-lang", "en", "--tgt-lang", lang,
              "--fail-on", "warning", "-f", "json", "-q")
    found = json.loads(res.stdout)["findings"]
    assert res.returncode == 0, [(f["rule"], f["severity"], f["message"]) for f in found
                                 if f["severity"] != "info"]


def test_all_four_real_translations_together_raise_no_warning():
    res = run("check", DATA / "intro.2", "--source", "en", "--fail-on", "warning", "-f", "json", "-q")
    found = json.loads(res.stdout)["findings"]
    assert res.returncode == 0, [(f["target"], f["rule"], f["message"]) for f in found if f["severity"] != "info"]
    assert len({f["target"] for f in found}) == 4  # the hints are still there, as info


def test_sentences_left_in_english_in_a_real_translation_are_found():
    page = DATA / "ldd.1"
    res = run("check", page / "en.txt", page / "ru.txt", "--src-lang", "en", "--tgt-lang", "ru",
              "-f", "json", "-q")
    assert res.returncode == 1
    found = json.loads(res.stdout)["findings"]
    errors = [f for f in found if f["severity"] == "error"]
    assert errors and {f["rule"] for f in errors} == {"untranslated"}
    assert all(f["tgt_text"].startswith(("Be aware", "(Before glibc", "Security Be aware")) or
               "glibc" in f["tgt_text"] or "ELF" in f["tgt_text"] for f in errors)
    # the Russian sentences around them, and the commands and sample output the
    # translator kept as they are, are not reported as untranslated
    assert not [f for f in found if f["rule"] == "untranslated" and f["tgt_text"].startswith("$ ldd")]
