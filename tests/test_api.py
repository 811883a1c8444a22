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


def test_check_texts_and_its_findings_as_a_table(corpus):
    from aligner import check_texts

    result = check_texts((corpus / "ru.txt").read_text(encoding="utf-8"), (corpus / "de.txt").read_bytes(),
                         src_lang="ru", tgt_lang="de")
    table = result.frame()
    assert len(table) == len(result.findings) and set(table["target"]) == {"target"}
    numbers = table[table["rule"] == "number-mismatch"]
    assert numbers["severity"].tolist() == ["error"] and numbers["tgt_ids"].tolist() == [[4]]
    assert "142" in numbers["tgt_text"].iloc[0]
    assert "124" in numbers["message"].iloc[0] and numbers["line"].tolist() == [9]
    with pytest.raises(InputError, match="at least one translation"):
        check_texts("Один текст.")


def test_check_bitext_takes_a_dataframe_and_gives_scores_per_row():
    from aligner import check_bitext

    rows = pd.DataFrame({"src_text": ["The First Committee approved the draft resolution.",
                                      "It was supported by 124 States.", ""],
                         "tgt_text": ["La Première Commission a approuvé le projet de résolution.",
                                      "Il a été soutenu par 142 États.", "Une phrase ajoutée ici."],
                         "id": ["a", "b", "c"]})
    result = check_bitext(rows, "en", "fr")
    assert sorted(f.rule for f in result.findings if f.severity == "error") == ["addition", "number-mismatch"]
    scored = result.scored()
    assert scored["id"].tolist() == ["a", "b", "c"] and scored["findings"].tolist()[1] == "number-mismatch"
    assert scored["divergent"].tolist()[1] == 1 and scored["divergence_score"].tolist()[2] == ""
    with pytest.raises(InputError, match="needs the columns src_text and tgt_text"):
        check_bitext(pd.DataFrame({"text": ["a"]}), "en", "fr")


def test_dir_of_the_api_lists_what_it_offers_not_what_it_imports():
    from aligner import api

    names = dir(api)
    assert "check" in names and "read_settings" in names
    assert not {"hashlib", "json", "time", "Path", "dataclass", "annotations", "lru_cache"} & set(names)
