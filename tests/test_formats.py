import io
import json

import pandas as pd
import pytest

from aligner.core import Alignment, Document, Link
from aligner.errors import InputError
from aligner.formats import render, write_atomic
from aligner.formats.table import COLUMNS
from aligner.readers.beads import parse_beads


@pytest.fixture
def alignment():
    src = Document.from_sentences(["Один.", "Два, три.", 'Tab\there "q"'], "ru", "ru.txt")
    tgt = Document.from_sentences(["One.", "Two.", "Three.", "Extra."], "en", "en.txt")
    links = (Link((0,), (0,), 0.98, 0.81), Link((1,), (1, 2), 0.9, 0.7),
             Link((2,), (), 0.6), Link((), (3,), 0.75))
    return Alignment(src, tgt, links, "aligner:test")


def test_tsv_has_stable_header_and_reads_back(alignment):
    text = render("alignment", "tsv", alignment)
    assert text.splitlines()[0].split("\t") == COLUMNS
    table = pd.read_csv(io.StringIO(text), sep="\t", keep_default_na=False, dtype=str)
    assert table["type"].tolist() == ["1-1", "1-2", "1-0", "0-1"]
    assert table["tgt_ids"].tolist() == ["0", "1,2", "", "3"]
    assert table["tgt_text"][1] == "Two. Three."
    assert table["src_text"][2] == 'Tab\there "q"'
    assert float(table["confidence"][0]) == pytest.approx(0.98)


def test_json_reads_back(alignment):
    doc = json.loads(render("alignment", "json", alignment))
    assert doc["signature"] == "aligner:test"
    assert doc["source"] == {"name": "ru.txt", "lang": "ru", "sentences": 3}
    assert [l["type"] for l in doc["links"]] == ["1-1", "1-2", "1-0", "0-1"]
    assert doc["links"][1]["tgt"] == [1, 2] and doc["links"][0]["src_text"] == "Один."


def test_vecalign_reads_back_as_beads(alignment):
    beads = parse_beads(render("alignment", "vecalign", alignment))
    assert beads == [((0,), (0,)), ((1,), (1, 2)), ((2,), ()), ((), (3,))]


def test_unknown_format_is_an_input_error(alignment):
    with pytest.raises(InputError, match="unknown format"):
        render("alignment", "xml", alignment)


def test_atomic_write_replaces_whole_file_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out.tsv"
    target.write_text("old")
    write_atomic(target, "new content")
    assert target.read_text() == "new content"
    assert [p.name for p in tmp_path.iterdir()] == ["out.tsv"]
    with pytest.raises(InputError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "out.tsv", "x")


def _check_result():
    from aligner.core import CheckResult
    from aligner.core import Link, Sentence
    from aligner.core import Finding

    src = Document("en", (Sentence("It was supported by 124 States.", 0, 1),
                          Sentence("The vote took place in New York.", 0, 1)), "en.txt")
    tgt = Document("fr", (Sentence("Il a été soutenu par 142 États.", 0, 1),), "fr.txt")
    alignment = Alignment(src, tgt, (Link((0,), (0,), 0.9), Link((1,), (), 0.4)), "sig")
    findings = (Finding("number-mismatch", "error", "en.txt", "fr.txt", (0,), (0,), src.texts[0], tgt.texts[0],
                        1.0, "number 124 in the source is 142 in the translation", links=(0,)),
                Finding("omission", "warning", "en.txt", "fr.txt", (1,), (), src.texts[1], "", 0.4,
                        "source sentence 2 is missing in the translation", links=(1,)))
    return CheckResult(src, (alignment,), findings, "sig", "error")


@pytest.mark.parametrize("fmt", ["text", "json", "tsv", "sarif", "junit", "github"])
def test_every_findings_writer_shows_every_finding(fmt):
    from aligner.formats import RenderOptions

    out = render("findings", fmt, _check_result(), RenderOptions())
    assert "124" in out and "142" in out
    assert "missing in the translation" in out
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt == "junit":
        import xml.etree.ElementTree as ET

        suite = ET.fromstring(out).find("testsuite")
        assert suite.get("tests") == "2" and suite.get("failures") == "1"  # the warning does not fail


def test_xliff_notes_and_states_follow_the_finding_links():
    from lxml import etree

    from aligner.formats import RenderOptions

    result = _check_result()
    out = render("alignment", "xliff", result.alignments[0], RenderOptions(result.findings))
    units = etree.fromstring(out.encode("utf-8")).findall(".//{*}unit")
    assert [u.find("{*}segment").get("state") for u in units] == ["initial", "initial"]
    assert [n.get("category") for u in units for n in u.findall(".//{*}note")] == ["number-mismatch", "omission"]


def test_text_report_shows_the_evidence_of_a_long_sentence_marked_as_cut():
    from aligner.core import CheckResult, Finding, Link, Sentence
    from aligner.formats import RenderOptions

    head, tail = "The committee, " + "after long and careful deliberation, " * 6, " and closed the session."
    src_text, tgt_text = f"{head}approved 124 drafts{tail}", f"{head}approved 142 drafts{tail}"
    src = Document("en", (Sentence(src_text, 0, 1),), "en.txt")
    tgt = Document("fr", (Sentence(tgt_text, 0, 1),), "fr.txt")
    alignment = Alignment(src, tgt, (Link((0,), (0,), 0.9),), "sig")
    finding = Finding("number-mismatch", "error", "en.txt", "fr.txt", (0,), (0,), src_text, tgt_text, 1.0,
                      "number 124 in the source is 142 in the translation", links=(0,), evidence=("124", "142"))
    text = render("findings", "text", CheckResult(src, (alignment,), (finding,), "sig"), RenderOptions())
    source = next(line for line in text.splitlines() if line.strip().startswith("source:"))
    target = next(line for line in text.splitlines() if line.strip().startswith("target:"))
    assert len(src_text) > 240 and "124" in source and "142" in target  # past 160 characters, still shown
    assert source.split("source: ")[1].startswith("…") and len(source.split("source: ")[1]) <= 162
