import io
import json

import pandas as pd
import pytest

from aligner.document import Alignment, Document, Link
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
