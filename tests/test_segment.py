import pytest

from aligner.api import read_document
from aligner.segment import paragraphs, presplit, segment, split_sentences

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
    assert list(doc.texts) == ["A. B.", "C", "D"]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]


@pytest.mark.parametrize("lang,count", [("ru", 19), ("en", 20), ("de", 20), ("es", 19), ("fr", 21)])
def test_corpus_editions_segment_to_the_gold_sentence_counts(corpus, lang, count):
    doc = read_document(corpus / f"{lang}.txt")
    assert doc.lang == lang
    assert len(doc) == count


def _corpus_en(corpus):
    return (corpus / "en.txt").read_text(encoding="utf-8")


def test_a_paragraph_per_line_without_blank_lines(corpus):
    import re

    text = _corpus_en(corpus)
    as_lines = re.sub(r"\n\s*\n+", "\n", text)  # as Word or a web page gives it
    ref, doc = segment(text, "en"), segment(as_lines, "en")
    assert doc.layout == "lines"
    assert [s.text for s in doc.sentences] == [s.text for s in ref.sentences]
    assert doc.sentences[0].text.startswith("Press release") and doc.sentences[0].text.endswith("Security")


def test_hard_wrapped_paragraphs_are_joined(corpus):
    import textwrap

    text = _corpus_en(corpus)
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in text.split("\n\n") if p.strip())
    doc = segment(wrapped, "en")
    assert doc.layout == "wrapped"
    assert [s.text for s in doc.sentences] == [s.text for s in segment(text, "en").sentences]


def test_an_unclosed_quotation_mark_does_not_swallow_sentences():
    text = ('On November 6, the Committee approved the draft "Developments in the field of information. '
            "It was supported by 124 States. More than 30 countries had become its co-sponsors. "
            'Its key idea is to avoid "going into different cybertrenches" once again.')
    sentences = split_sentences(text, "en")
    assert len(sentences) == 4
    assert sentences[1] == "It was supported by 124 States."
    assert sentences[3].startswith("Its key idea") and '"going into' in sentences[3]


def test_long_paragraphs_are_split_in_chunks_with_the_same_sentences(corpus):
    from aligner.segment import CHUNK_CHARS, _chunks

    unit = " ".join(s.text for s in segment(_corpus_en(corpus), "en").sentences[3:])
    paragraph = " ".join([unit] * 40)
    chunks = _chunks(paragraph)
    assert len(chunks) > 5 and all(len(c) < 2 * CHUNK_CHARS for c in chunks)
    assert " ".join(chunks) == paragraph
    one = split_sentences(unit, "en")
    assert split_sentences(paragraph, "en") == one * 40


def test_closing_punctuation_is_not_a_sentence_of_its_own():
    # pysbd cuts a parenthesis that ends in a full stop before its ")"
    doc = segment("Der Befehl zeigt die aktuelle Locale. (Siehe die Einleitung zu locale(7).)\n", "de")
    assert list(doc.texts) == ["Der Befehl zeigt die aktuelle Locale.", "(Siehe die Einleitung zu locale(7).)"]


def test_code_and_drawn_tables_stay_line_by_line_in_wrapped_text():
    # a hard-wrapped page with a C structure and a drawn table: whatever the
    # prose's layout, every line of those blocks is its own segment, so two
    # editions of the page segment them alike
    prose = ("The kernel keeps one entry for every address it has\nresolved, and removes stale "
             "entries after a\nwhile, as described below in more detail.\n\n")
    code = ("struct arpreq {\nstruct sockaddr arp_pa;      /* protocol address */\n"
            "int             arp_flags;   /* flags */\n};\n\n")
    table = "┌──────────┬──────────┐\n│flag      │ meaning  │\n├──────────┼──────────┤\n\n"
    doc = segment(prose * 3 + code + table, "en")
    assert list(doc.texts)[3:7] == ["struct arpreq {", "struct sockaddr arp_pa; /* protocol address */",
                              "int arp_flags; /* flags */", "};"]
    assert list(doc.texts)[7:] == ["┌──────────┬──────────┐", "│flag │ meaning │", "├──────────┼──────────┤"]
    assert len(doc.texts[0]) > 100   # the prose was joined


def test_a_file_name_starting_with_a_dot_does_not_end_a_sentence():
    assert split_sentences("The GPG signatures on the .dsc file are checked. Then edit .bashrc first.",
                           "en") == ["The GPG signatures on the .dsc file are checked.", "Then edit .bashrc first."]


@pytest.mark.parametrize("lang,text", [
    ("en", "Then let's create ~/.quiltrc-dpkg as follows:"),
    ("en", "Usually there are files named README*, INSTALL*, *.lsm or *.html."),
    ("de", "Debian-Pakete sollten im Allgemeinen keine *.la-Libtool-Archive enthalten."),
    ("de", "Umleitungsservice der Form »http://sf.net/Projekt/tar-Name-(.+)\\.tar\\.gz« in der Datei watch."),
])
def test_a_dot_inside_a_path_or_pattern_does_not_end_a_sentence(lang, text):
    # Debian's manuals: pysbd cut "~/." from "quiltrc-dpkg" and "*." from "lsm"
    assert split_sentences(text, lang) == [text]


@pytest.mark.parametrize("heading", ["5.9. package.examples", "2.4. Simple build systems", "A.2. Release notes"])
def test_a_numbered_heading_is_one_segment(heading):
    assert split_sentences(heading, "en") == [heading]
    assert split_sentences("It was supported by 124 States. 30 countries joined.", "en") == [
        "It was supported by 124 States.", "30 countries joined."]


@pytest.mark.parametrize("lang,text,count", [
    ("ar", "ذهب الولد إلى المدرسة، ثم عاد إلى البيت. هل أنت بخير؟ نعم، أنا بخير.", 3),
    ("fa", "من به مدرسه رفتم، سپس به خانه برگشتم. آیا شما خوب هستید؟ بله، خوبم.", 3),
    ("ur", "میں اسکول گیا، پھر گھر واپس آیا۔ کیا آپ ٹھیک ہیں؟ جی ہاں، میں ٹھیک ہوں۔", 3),
    ("hi", "मैं स्कूल गया, फिर घर लौटा। क्या आप ठीक हैं? हाँ, मैं ठीक हूँ।", 3),
    ("he", "הלכתי לבית הספר, ואז חזרתי הביתה. מה שלומך? אני בסדר, תודה.", 3),
])
def test_sentence_ends_of_arabic_persian_urdu_hindi_and_hebrew(lang, text, count):
    # the Arabic comma "،" ends no sentence; "؟", "۔" and "।" do
    sentences = split_sentences(text, lang)
    assert len(sentences) == count
    assert " ".join(sentences) == text
