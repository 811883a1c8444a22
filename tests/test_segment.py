import pytest

from aligner.api import read_document
from aligner.segment import paragraphs, presplit, segment

CASES = {
    "en": ("The U.S. delegation voted against it. Mr. Smith spoke at 10 a.m. today. It passed.", 3),
    "de": ("Am 6. November stimmte der Ausschuss ab. Dr. Müller, z. B. der Vorsitzende, sprach. Es gab 124 Stimmen.", 3),
    "es": ("El Sr. García habló el 6 de noviembre. La ONU aprobó el texto. Fue apoyado por 124 Estados.", 3),
    "fr": ("M. Dupont a parlé le 6 novembre. L'ONU a approuvé le texte. Il a été soutenu par 124 États.", 3),
    "ru": ("Г-н Иванов выступил 6 ноября, т. е. в среду. Комитет одобрил проект. Его поддержали 124 государства.", 3),
}


@pytest.mark.parametrize("lang", sorted(CASES))
def test_sentences_split_per_language_keeping_abbreviations(lang):
    text, expected = CASES[lang]
    doc = segment(text, lang)
    assert len(doc) == expected, doc.texts
    assert " ".join(doc.texts) == text


def test_paragraphs_are_blank_line_blocks_and_wrapped_lines_are_joined():
    text = "First line\nsame paragraph.\n\n  \nSecond paragraph. Two sentences.\n"
    assert paragraphs(text) == ["First line same paragraph.", "Second paragraph. Two sentences."]
    doc = segment(text, "en")
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1]
    assert doc.paragraph_starts == [True, True, False]


def test_presplit_keeps_one_sentence_per_line_and_blank_lines_as_breaks():
    doc = presplit("A. B.\nC\n\nD\n", "en")
    assert doc.texts == ["A. B.", "C", "D"]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]


@pytest.mark.parametrize("lang,count", [("ru", 19), ("en", 20), ("de", 20), ("es", 19), ("fr", 21)])
def test_corpus_editions_segment_to_the_gold_sentence_counts(corpus, lang, count):
    doc = read_document(corpus / f"{lang}.txt")
    assert doc.lang == lang
    assert len(doc) == count
