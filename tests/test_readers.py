"""Each reader on small inputs: editions folders, bitexts, manifests, baselines,
check results and beads, without aligning anything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aligner.diverge.baseline import render_baseline
from aligner.core import CheckResult
from aligner.core import Alignment, Document, Link, Sentence
from aligner.errors import InputError
from aligner.formats import render
from aligner.readers import DOCUMENT_READERS, read_edition
from aligner.readers.baseline import read_baseline
from aligner.readers.bitext import read_pairs
from aligner.readers.check_json import load
from aligner.readers.editions import folder_editions, lang_from_name, pick_source
from aligner.readers.manifest import read_manifest
from aligner.core import Finding

EN = "It was supported by 124 States. More than 30 countries became co-sponsors of the resolution."
FR = "Il a été soutenu par 124 États. Plus de 30 pays sont devenus coauteurs de la résolution."


@pytest.mark.parametrize("name, lang", [("ru.txt", "ru"), ("fr-FR.txt", "fr"), ("pt_BR.text", "pt"),
                                        ("press-release.txt", None), ("english.txt", None)])
def test_language_from_file_name(name, lang):
    assert lang_from_name(Path(name)) == lang


def test_folder_editions_are_the_registered_extensions_in_name_order(tmp_path):
    for name in ("ru.txt", "en.txt", "notes.md", "de.text"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "sub.txt").mkdir()
    assert [p.name for p in folder_editions(tmp_path)] == ["de.text", "en.txt", "ru.txt"]
    assert {".txt", ".text"} <= set(DOCUMENT_READERS)
    (tmp_path / "ru.txt").write_text("Привет, мир.\n", encoding="utf-8")
    assert read_edition(tmp_path / "ru.txt") == "Привет, мир.\n"


def test_pick_source_names_what_is_wrong(tmp_path):
    docs = {"a/ru.txt": Document("ru", ()), "a/en.txt": Document("en", ())}
    assert pick_source(docs, "ru", tmp_path) == "a/ru.txt"
    with pytest.raises(InputError, match="say which edition is the source"):
        pick_source(docs, None, tmp_path)
    with pytest.raises(InputError, match="no 'de' edition"):
        pick_source(docs, "de", tmp_path)
    with pytest.raises(InputError, match="two editions in 'en'.*english.txt is read as an edition because it "
                                         "is a text file: leave it out with --exclude english.txt, or give the "
                                         "editions as files"):
        pick_source({**docs, "a/english.txt": Document("en", ())}, "ru", tmp_path)


def test_bitext_with_header_keeps_rows_and_maps_empty_cells_to_null_links(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text("src_ids\ttgt_ids\tsrc_text\ttgt_text\n"
                    f"0\t0\t{EN}\t{FR}\n"
                    "\t\t\t\n"
                    "1\t\tThe vote took place on 6 November in New York.\t\n", encoding="utf-8")
    table, alignment, row_link = read_pairs(path, "en", "fr")
    assert list(table.columns) == ["src_ids", "tgt_ids", "src_text", "tgt_text"]
    assert len(table) == 3 and row_link == [0, None, 1]
    assert [link.kind for link in alignment.links] == ["1-1", "1-0"]
    assert alignment.source.sentences[1].line == 4  # line numbers count the header


def test_bitext_without_header_is_two_columns(tmp_path):
    path = tmp_path / "pairs.tsv"
    path.write_text(f"{EN}\t{FR}\n", encoding="utf-8")
    table, alignment, _ = read_pairs(path, None, None)
    assert (alignment.source.lang, alignment.target.lang) == ("en", "fr")
    assert list(table.columns) == ["src_text", "tgt_text"]


def test_manifest_csv_and_folder(tmp_path):
    (tmp_path / "docs" / "a").mkdir(parents=True)
    (tmp_path / "docs" / "a" / "ru.txt").write_text("x", encoding="utf-8")
    (tmp_path / "docs" / "a" / "en.txt").write_text("x", encoding="utf-8")
    (tmp_path / "docs" / "empty").mkdir()
    (tmp_path / "docs" / ".git").mkdir()
    (tmp_path / "docs" / ".git" / "en.txt").write_text("x", encoding="utf-8")
    folder = read_manifest(tmp_path / "docs")  # hidden and empty folders are not documents
    assert [(name, sorted(lang for lang, _ in eds)) for name, eds in folder] == [("a", ["en", "ru"])]
    csv = tmp_path / "m.csv"
    csv.write_text("document,lang,path\nd1,RU,docs/a/ru.txt\nd1,en,/abs/en.txt\n", encoding="utf-8")
    [(name, editions)] = read_manifest(csv)
    assert name == "d1" and editions == [("ru", tmp_path / "docs/a/ru.txt"), ("en", Path("/abs/en.txt"))]
    bad = tmp_path / "bad.csv"
    bad.write_text("doc,language\nx,y\n", encoding="utf-8")
    with pytest.raises(InputError, match="document,lang,path"):
        read_manifest(bad)
    with pytest.raises(InputError, match="no such manifest"):
        read_manifest(tmp_path / "missing.csv")


def _result() -> CheckResult:
    src = Document("en", (Sentence("One.", 0, 1), Sentence("Two.", 0, 1), Sentence("Three.", 1, 3)), "en.txt")
    tgt = Document("fr", (Sentence("Un.", 0, 1), Sentence("Ajout.", 0, 1)), "fr.txt")
    alignment = Alignment(src, tgt, (Link((0,), (0,), 0.9), Link((), (1,), 0.5), Link((1,), (), 0.5),
                                     Link((2,), (), 0.5)), "sig")
    findings = (Finding("addition", "warning", "en.txt", "fr.txt", (), (1,), "", "Ajout.", 0.5, "added"),
                Finding("truncation", "error", "en.txt", "fr.txt", (1, 2), (), "Two. Three.", "", 1.0, "stops"))
    return CheckResult(src, (alignment,), findings, "sig")


def test_findings_map_to_every_link_they_concern():
    result = _result()
    alignment = result.alignments[0]
    assert alignment.links_touching((), (1,)) == (1,)
    assert alignment.links_touching((1, 2), ()) == (2, 3)  # a truncated ending covers both omissions
    assert alignment.links_touching((0, 2), (0,)) == (0, 3)  # both sides, each link once, in order
    assert result.by_link("fr.txt") == {1: [result.findings[0]], 2: [result.findings[1]], 3: [result.findings[1]]}


def test_check_json_round_trip_keeps_findings_and_their_links():
    result = _result()
    back = load(render("findings", "json", result))
    assert back.findings == result.findings
    assert [f.links for f in back.findings] == [(1,), (2, 3)]
    assert back.alignments[0].links == result.alignments[0].links
    with pytest.raises(InputError, match="not an 'aligner check --format json' output"):
        load(json.dumps({"findings": []}))


def test_baseline_round_trip_and_refusals(tmp_path):
    result = _result()
    path = tmp_path / "baseline.json"
    path.write_text(render_baseline(list(result.findings)), encoding="utf-8")
    entries = read_baseline(path)
    assert {e["fingerprint"] for e in entries} == {f.fingerprint for f in result.findings}
    path.write_text('{"format": "other", "findings": []}', encoding="utf-8")
    with pytest.raises(InputError, match="written by --write-baseline"):
        read_baseline(path)
    path.write_text('{"format": "aligner-baseline/1", "findings": [{"rule": "x"}]}', encoding="utf-8")
    with pytest.raises(InputError, match="need a 'fingerprint'"):
        read_baseline(path)
