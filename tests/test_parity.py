"""Mechanical parity and consistency, in every language of the corpus: what a QA
tool reports without reading the meaning."""

from __future__ import annotations

import pytest

from aligner.core import Alignment, Document, Link, Sentence
from aligner.rules import PairContext
from aligner.rules.consistency import ConsistencyRule
from aligner.rules.parity import ParityRule, placeholders

#: (language, a faithful translation of SOURCE, the same with one parity error, the rule it breaks)
SOURCE = "Отправьте файл %s по адресу <b>{name}</b> (до пятницы)?"
CASES = [
    ("en", "Send the file %s to <b>{name}</b> (by Friday)?", "Send the file to <b>{name}</b> (by Friday)?",
     "placeholder-mismatch"),
    ("de", "Senden Sie die Datei %s an <b>{name}</b> (bis Freitag)?", "Senden Sie die Datei %s an <b>{name}</b> (bis Freitag?",
     "bracket-mismatch"),
    ("es", "¿Envíe el archivo %s a <b>{name}</b> (antes del viernes)?", "Envíe el archivo %s a <b>{name}</b> (antes del viernes).",
     "end-punctuation"),
    ("fr", "Envoyez le fichier %s à <b>{name}</b> (avant vendredi) ?", "Envoyez le fichier fichier %s à <b>{name}</b> (avant vendredi) ?",
     "repeated-word"),
    ("de", "Senden Sie die Datei %s an <b>{name}</b> (bis Freitag)?", "senden Sie die Datei %s an <b>{name}</b> (bis Freitag)?",
     "leading-capital"),
    ("fr", "Envoyez le fichier %s à <b>{name}</b> (avant vendredi) ?", "Envoyez le fichier %s à <i>{name}</i> (avant vendredi) ?",
     "placeholder-mismatch"),
]


def _pairs(pairs: list[tuple[str, str]], src_lang: str = "ru", tgt_lang: str = "en") -> PairContext:
    src = Document(src_lang, tuple(Sentence(s, k, k + 1) for k, (s, _) in enumerate(pairs)), "src.txt")
    tgt = Document(tgt_lang, tuple(Sentence(t, k, k + 1) for k, (_, t) in enumerate(pairs)), "tgt.txt")
    return PairContext.of(Alignment(src, tgt, tuple(Link((k,), (k,), 0.9) for k in range(len(pairs)))))


@pytest.mark.parametrize("lang, faithful, broken, rule", CASES)
def test_each_parity_error_is_reported_and_the_faithful_translation_is_not(lang, faithful, broken, rule):
    assert [f.rule for f in ParityRule().check(_pairs([(SOURCE, faithful)], tgt_lang=lang))] == []
    found = [f.rule for f in ParityRule().check(_pairs([(SOURCE, broken)], tgt_lang=lang))]
    assert found == [rule]


def test_placeholders_are_printf_braces_and_known_tags_not_words_in_angle_brackets():
    assert placeholders("Use %1$s and %(count)d for {0} and ${HOME} &amp; <b>x</b>") == \
        {"%1$s": 1, "%(count)d": 1, "{0}": 1, "${HOME}": 1, "&amp;": 1, "<b>": 1, "</b>": 1}
    assert placeholders("dpkg -i <package>.deb gives 50% of it") == {}


def test_grammatical_doubles_are_not_repeated_words():
    ctx = _pairs([("Файлы, которые пакеты устанавливают.", "Die Dateien, die die Pakete installieren.")],
                 tgt_lang="de")
    assert list(ParityRule().check(ctx)) == []


def test_a_double_of_the_source_translated_is_not_a_repeated_word():
    # a generated cross-reference doubles its word in the source too
    ctx = _pairs([("If yours is one of those, read the section Section 4.5.1.",
                   "Si la suya es una de estas, lea la sección Sección 4.5.1.")], src_lang="en", tgt_lang="es")
    assert [f.rule for f in ParityRule().check(ctx)] == []
    ctx = _pairs([("If yours is one of those, read the section Section 4.5.1.",
                   "Si la suya es una de de estas, lea la sección Sección 4.5.1.")], src_lang="en", tgt_lang="es")
    assert [f.rule for f in ParityRule().check(ctx)] == ["repeated-word"]


def test_one_source_sentence_translated_two_ways_is_reported_where_it_departs_from_the_usual():
    usual = "Die Datei wird beim Start gelesen."
    other = "Beim Start liest das Programm die Datei."
    source = "Файл читается при запуске программы."
    ctx = _pairs([(source, usual), ("Это другое предложение совсем.", "Das ist ein ganz anderer Satz."),
                  (source, usual), (source, other)], tgt_lang="de")
    found = list(ConsistencyRule().check(ctx))
    assert [(f.rule, f.tgt_ids) for f in found] == [("inconsistent-translation", (3,))]
    assert "translated 2 ways" in found[0].message and "translation sentence 1" in found[0].message


def test_two_source_sentences_given_one_translation_are_reported():
    same = "Die Datei wird beim Start gelesen."
    ctx = _pairs([("Файл читается при запуске программы.", same),
                  ("Файл записывается при выходе из программы.", same)], tgt_lang="de")
    assert [(f.rule, f.src_ids) for f in ConsistencyRule().check(ctx)] == [("inconsistent-source", (1,))]


def test_a_translation_in_a_script_without_case_has_no_capital_to_lose():
    ctx = _pairs([("Dpkg устанавливает пакеты.", "dpkg はパッケージをインストールします。")], tgt_lang="ja")
    assert list(ParityRule().check(ctx)) == []


@pytest.mark.parametrize("lang, text", [("pt", "Se se esquecer de montar o sistema, o partman avisa."),
                                        ("it", "Si si installa da una immagine di CD.")])
def test_reflexive_doubles_are_grammar_not_a_repeated_word(lang, text):
    ctx = _pairs([("Если вы забудете смонтировать систему, partman предупредит.", text)], tgt_lang=lang)
    assert [f.rule for f in ParityRule().check(ctx)] == []


@pytest.mark.parametrize("lang, faithful, broken", [
    ("de", "Er sagte „ja“ und ging.", "Er sagte „ja und ging."),
    ("en", "He said “yes” and left.", "He said “yes and left."),
    ("pl", "Powiedział „tak” i wyszedł.", "Powiedział „tak i wyszedł."),
    ("fr", "Il a dit « oui » et il est parti.", "Il a dit « oui et il est parti."),
])
def test_quotation_marks_are_paired_in_each_language_style(lang, faithful, broken):
    source = "Он сказал «да» и ушёл."
    assert list(ParityRule().check(_pairs([(source, faithful)], tgt_lang=lang))) == []
    assert [f.rule for f in ParityRule().check(_pairs([(source, broken)], tgt_lang=lang))] == ["bracket-mismatch"]


def test_two_spaces_in_a_row_in_the_translation_only_are_a_note():
    ctx = _pairs([("Файл читается при запуске.", "Die Datei wird  beim Start gelesen.")], tgt_lang="de")
    assert [(f.rule, f.severity) for f in ParityRule().check(ctx)] == [("double-space", "info")]


def test_across_documents_a_translation_given_to_another_source_sentence_is_listed():
    from aligner.rules.consistency import across_documents

    same = "Die Datei wird beim Start gelesen."
    read, written = "Файл читается при запуске программы.", "Файл записывается при выходе из программы."
    docs = [("a", _pairs([(read, same)], tgt_lang="de").alignment),
            ("b", _pairs([(written, same)], tgt_lang="de").alignment),
            ("c", _pairs([(read, same)], tgt_lang="de").alignment)]
    rows = across_documents(docs)
    assert [(r["check"], r["document"], r["usual"], r["usual_in"], r["usual_count"]) for r in rows] == \
        [("source", "b", read, "a:1", 2)]
