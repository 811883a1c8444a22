"""All editions at once: the merged table, TMX and XLIFF read back by translate-toolkit."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from clirunner import run
from lxml import etree

from aligner.core import Alignment, Document, Link
from aligner.formats import render
from aligner.core import merge

EVIL = 'Tab\there <b>&amp; "q" \x0b ]]> =HYPERLINK("http://x")'




@pytest.fixture(scope="module")
def table(corpus, tmp_path_factory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("multi") / "aligned.tsv"
    res = run("align", str(corpus), "--source", "ru", "-o", str(out), "-q")
    assert res.returncode == 0, res.stderr
    return pd.read_csv(out, sep="\t", keep_default_na=False, dtype=str)


def test_folder_alignment_has_one_text_column_per_language(table):
    assert {"ru", "en", "de", "es", "fr"} <= set(table.columns)
    for lang in ("en", "de", "es", "fr"):
        assert {f"{lang}_ids", f"{lang}_type", f"{lang}_confidence"} <= set(table.columns)


def test_folder_alignment_agrees_with_every_pair_gold(corpus, table):
    for lang in ("en", "de", "es", "fr"):
        gold = json.loads((corpus / "gold" / f"ru-{lang}.json").read_text(encoding="utf-8"))
        for _, row in table.iterrows():
            if not row["src_ids"]:
                if row[f"{lang}_ids"]:  # an added sentence: the gold has it as 0-1
                    assert [[], [int(row[f"{lang}_ids"])]] in gold["beads"]
                continue
            group = set(map(int, row["src_ids"].split(",")))
            expected = sorted(j for src, tgt in gold["beads"] if src and set(src) <= group for j in tgt)
            got = [int(j) for j in row[f"{lang}_ids"].split(",") if j]
            assert got == expected, (lang, sorted(group), got, expected)


def test_merged_rows_keep_source_groups_together():
    src = Document.from_sentences(["a", "b", "c"], "en")
    t1 = Document.from_sentences(["A", "B", "C"], "de")
    t2 = Document.from_sentences(["AB", "C", "extra"], "fr")
    a1 = Alignment(src, t1, (Link((0,), (0,), 1), Link((1,), (1,), 1), Link((2,), (2,), 1)))
    a2 = Alignment(src, t2, (Link((0, 1), (0,), 1), Link((2,), (1,), 1), Link((), (2,), 1)))
    multi = merge(src, [a1, a2])
    assert [r.src_ids for r in multi.rows] == [(0, 1), (2,), ()]
    assert [[c.ids for c in r.cells] for r in multi.rows] == [[(0, 1), (0,)], [(2,), (1,)], [(), (2,)]]
    # additions of two editions at the same place share a row
    t3 = Document.from_sentences(["x", "A", "B", "C"], "es")
    a3 = Alignment(src, t3, (Link((), (0,), 1), Link((0,), (1,), 1), Link((1,), (2,), 1), Link((2,), (3,), 1)))
    t4 = Document.from_sentences(["y", "z", "ABC"], "it")
    a4 = Alignment(src, t4, (Link((), (0,), 1), Link((), (1,), 1), Link((0, 1, 2), (2,), 1)))
    rows = merge(src, [a3, a4]).rows
    assert [r.src_ids for r in rows] == [(), (), (0, 1, 2)]
    assert [[c.ids for c in r.cells] for r in rows] == [[(0,), (0,)], [(), (1,)], [(1, 2, 3), (2,)]]


def _pair_with_evil_text():
    src = Document.from_sentences(["Его поддержали 124 государства.", EVIL], "ru", "ru.txt")
    tgt = Document.from_sentences(["It was supported by 124 States.", EVIL], "en", "en.txt")
    return Alignment(src, tgt, (Link((0,), (0,), 0.97), Link((1,), (1,), 0.9)))


def test_tmx_is_well_formed_and_reads_back_with_translate_toolkit(corpus, tmp_path):
    from translate.storage import tmx

    out = tmp_path / "all.tmx"
    assert run("align", str(corpus), "--source", "ru", "-f", "tmx", "-o", str(out), "-q").returncode == 0
    root = etree.parse(str(out)).getroot()
    header = root.find("header")
    assert header.get("creationtool") == "aligner" and header.get("srclang") == "ru"
    assert header.get("segtype") == "sentence" and root.get("version") == "1.4"
    store = tmx.tmxfile.parsefile(str(out))
    ru = (corpus / "ru.txt").read_text(encoding="utf-8")
    assert all(u.source in ru.replace("\n", " ") or u.source.split(". ")[0] in ru for u in store.units)
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert langs == {"ru", "en", "de", "es", "fr"}
    # any text stays well-formed
    store = tmx.tmxfile.parsestring(render("alignment", "tmx", _pair_with_evil_text()).encode("utf-8"))
    assert [u.target for u in store.units][1] == EVIL.replace("\x0b", "")


def test_xliff_units_and_states_read_back_with_translate_toolkit(corpus, tmp_path):
    from translate.storage import xliff2

    out = tmp_path / "fr.xlf"
    res = run("align", str(corpus / "ru.txt"), str(corpus / "fr.txt"), "-f", "xliff", "-o", str(out), "-q")
    assert res.returncode == 0, res.stderr
    store = xliff2.Xliff2File.parsefile(str(out))
    units = {u.source: u.target for u in store.units}
    assert units["Его поддержали 124 государства."] == "Il a été soutenu par 124 États."
    root = etree.parse(str(out)).getroot()
    ns = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
    assert root.get("srcLang") == "ru" and root.get("trgLang") == "fr" and root.get("version") == "2.0"
    number = [u for u in root.iterfind(".//x:unit", ns)
              if u.find("x:notes/x:note[@category='number-mismatch']", ns) is not None]
    assert len(number) == 1 and number[0].find("x:segment", ns).get("state") == "initial"
    assert "25" in number[0].find("x:segment/x:source", ns).text
    clean = [u for u in root.iterfind(".//x:unit", ns) if u.find("x:notes", ns) is None]
    assert clean and all(u.find("x:segment", ns).get("state") == "translated" for u in clean)
    store = xliff2.Xliff2File.parsestring(render("alignment", "xliff", _pair_with_evil_text()).encode("utf-8"))
    assert [u.target for u in store.units][1] == EVIL.replace("\x0b", "")


def test_xliff_needs_a_single_target(corpus):
    res = run("align", str(corpus), "--source", "ru", "-f", "xliff")
    assert res.returncode == 2 and "one target language" in res.stderr


def test_spreadsheet_safe_neutralises_formulas(tmp_path):
    src = tmp_path / "en.txt"
    tgt = tmp_path / "de.txt"
    src.write_text("=HYPERLINK(\"http://evil\") is a formula the committee rejected.\n"
                   "@SUM(A1) and +1 are also formulas people type.\n", encoding="utf-8")
    tgt.write_text("=HYPERLINK(\"http://evil\") ist eine Formel, die der Ausschuss ablehnte.\n"
                   "@SUM(A1) und +1 sind ebenfalls Formeln, die man tippt.\n", encoding="utf-8")
    args = ["align", str(src), str(tgt), "--presplit", "--src-lang", "en", "--tgt-lang", "de", "-q"]
    plain = pd.read_csv(io.StringIO(run(*args).stdout), sep="\t", keep_default_na=False, dtype=str)
    safe = pd.read_csv(io.StringIO(run(*args, "--spreadsheet-safe").stdout), sep="\t",
                       keep_default_na=False, dtype=str)
    assert plain["src_text"][0].startswith("=HYPERLINK")
    assert safe["src_text"][0].startswith("'=HYPERLINK") and safe["tgt_text"][1].startswith("'@SUM")
    assert not any(v.startswith(("=", "+", "-", "@")) for col in safe.columns for v in safe[col])


def test_folder_without_editions_or_source(tmp_path):
    res = run("align", str(tmp_path), "--source", "ru")
    assert res.returncode == 2 and "no editions" in res.stderr
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    res = run("report", str(tmp_path), "--source", "ru")
    assert res.returncode == 2 and "no editions" in res.stderr
