"""Editions as translators receive them: .docx, web pages, Markdown, and
XLIFF/TMX bitexts; each gives the same links as the plain-text corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from clirunner import run

LANGS = ("ru", "en", "de")


def _paragraphs(corpus, lang):
    return [p.strip() for p in (corpus / f"{lang}.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()]


def _docx(paras, path):
    import docx

    document = docx.Document()
    document.add_heading(paras[0], level=1)
    for text in paras[1:]:
        paragraph = document.add_paragraph()
        words = text.split(" ")
        paragraph.add_run(" ".join(words[:3]) + " ").bold = True  # inline markup must not split
        paragraph.add_run(" ".join(words[3:]))
    document.save(path)


def _markdown(paras, lang):
    return (f"---\ntitle: press release\nlang: {lang}\n---\n\n# {paras[0]}\n\n"
            + "\n\n".join(f"*{p}*" if len(p) < 40 else p for p in paras[1:])
            + "\n\n```python\nprint('code is not prose')\n```\n")


def _html(paras):
    return ("<!doctype html><html><head><title>Press</title></head><body>\n"
            "<nav><a href='/'>Home</a> | <a href='/en'>English</a> | <a href='/ru'>Русский</a></nav>\n"
            f"<main><article>\n<h1>{paras[0]}</h1>\n" + "\n".join(f"<p>{p}</p>" for p in paras[1:])
            + "\n</article></main>\n<footer>Copyright 2020 The Ministry. All rights reserved. Contact us.</footer>"
            "\n</body></html>\n")


@pytest.fixture(scope="module")
def editions(corpus, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("formats")
    for lang in LANGS:
        paras = _paragraphs(corpus, lang)
        _docx(paras, folder / f"press.{lang}.docx")
        (folder / f"press.{lang}.md").write_text(_markdown(paras, lang), encoding="utf-8")
        (folder / f"index.{lang}.html").write_text(_html(paras), encoding="utf-8")
    return folder


def _links(*args) -> list[tuple[str, str]]:
    res = run("align", *args, "-q")
    assert res.returncode == 0, res.stderr
    table = pd.read_csv(pd.io.common.StringIO(res.stdout), sep="\t", dtype=str, keep_default_na=False)
    return list(zip(table["src_ids"], table["tgt_ids"]))


@pytest.mark.parametrize("source, target", [("press.ru.docx", "press.en.docx"), ("press.ru.md", "press.en.md"),
                                            ("index.ru.html", "index.en.html"), ("press.ru.docx", "index.en.html")])
def test_every_format_aligns_as_the_plain_text(corpus, editions, source, target):
    assert _links(editions / source, editions / target) == _links(corpus / "ru.txt", corpus / "en.txt")


def test_folder_mode_reads_editions_by_language_code_in_any_format(corpus, editions, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name in ("press.ru.docx", "press.en.md", "index.de.html"):
        (folder / name).write_bytes((editions / name).read_bytes())
    (folder / "README.md").write_text("# About these files\n\nThey are editions of a press release.\n",
                                      encoding="utf-8")  # not an edition: its name has no language
    res = run("align", folder, "--source", "ru", "-f", "json", "-q")
    assert res.returncode == 0, res.stderr
    assert [e["lang"] for e in json.loads(res.stdout)["editions"]] == ["de", "en"]
    (folder / "fr.pdf").write_bytes(b"%PDF-1.4")
    res = run("align", folder, "--source", "ru")
    assert res.returncode == 2 and "fr.pdf: .pdf is not a format editions can be read from" in res.stderr


def test_findings_point_at_the_lines_of_markdown_and_html(editions):
    for name in ("press.en.md", "index.en.html"):
        res = run("check", editions / name.replace(".en.", ".ru."), editions / name, "-f", "json", "-q")
        findings = json.loads(res.stdout)["findings"]
        lines = (editions / name).read_text(encoding="utf-8").splitlines()
        located = [f for f in findings if f["tgt_ids"] and f["file"].endswith(name)]
        assert located
        for f in located:
            first_words = " ".join(f["tgt_text"].split()[:3])
            assert first_words in lines[f["line"] - 1], (name, f["line"], first_words)


@pytest.mark.parametrize("name, content, message", [
    ("broken.docx", b"PK\x03\x04 this zip is not a document", "not a Word document"),
    ("menus.html", b"<html><body><nav><a href='/'>Home</a> <a href='/en'>English</a></nav></body></html>",
     "no main text found"),
    ("code.md", b"---\ntitle: x\n---\n\n```\nonly code here\n```\n", "no prose in this Markdown file"),
])
def test_bad_structured_files_are_one_clear_line(corpus, tmp_path, name, content, message):
    bad = tmp_path / name
    bad.write_bytes(content)
    out = tmp_path / "out.tsv"
    res = run("align", corpus / "ru.txt", bad, "-o", out)
    assert res.returncode == 2 and message in res.stderr and not out.exists()


def test_xliff_and_tmx_feed_check_like_pairs(corpus, tmp_path):
    xlf, tmx = tmp_path / "fr.xlf", tmp_path / "all.tmx"
    run("align", corpus / "ru.txt", corpus / "fr.txt", "-f", "xliff", "-o", xlf, "-q")
    run("align", corpus, "--source", "ru", "-f", "tmx", "-o", tmx, "-q")
    res = run("check", "--pairs", xlf, "-f", "tsv", "-q")
    table = pd.read_csv(pd.io.common.StringIO(res.stdout), sep="\t", dtype=str, keep_default_na=False)
    units = xlf.read_text(encoding="utf-8").count("<unit ")
    assert res.returncode == 1 and len(table) == units
    assert "number-mismatch" in ";".join(table["findings"])  # the planted 25 -> 15 is found
    res = run("check", "--pairs", tmx, "--tgt-lang", "de", "-f", "json", "-q")
    assert res.returncode == 1 and any(f["rule"] == "number-mismatch" for f in json.loads(res.stdout)["findings"])
    res = run("check", "--pairs", tmx)
    assert res.returncode == 2 and "choose one with --tgt-lang" in res.stderr
    dup = tmp_path / "dup.xlf"
    dup.write_text(xlf.read_text(encoding="utf-8").replace('id="u2"', 'id="u1"'), encoding="utf-8")
    res = run("check", "--pairs", dup)
    assert res.returncode == 2 and "unit id 'u1' is used twice" in res.stderr


def _docbook(paras, toc_title):
    """A chapter as DocBook's XHTML writes it (Debian's FAQ): an XML declaration,
    navigation and a table of contents, source lines wrapped inside paragraphs
    and list items, inline code."""
    import textwrap

    wrapped = [textwrap.fill(p, 60) for p in paras]
    items = "".join(f"<li class='listitem'><p>\n{w} <code class='literal'>dpkg\n--help</code>.\n</p></li>"
                    for w in wrapped[2:5])
    return ('<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" '
            'content="text/html; charset=UTF-8" /><title>Chapter</title></head><body>'
            '<div class="navheader"><table><tr><td><a href="prev.html">Prev</a></td>'
            '<td><a href="next.html">Next</a></td></tr></table></div>\n'
            '<div class="chapter"><div class="titlepage"><div><div><h1 class="title">'
            '<a id="vote"></a>Chapter 1. The vote</h1></div></div></div>\n'
            f'<div class="toc"><p><strong>{toc_title}</strong></p><dl class="toc">'
            + "".join(f'<dt><a href="#s{k}">{k}. {p[:50]}</a></dt>' for k, p in enumerate(paras[5:9]))
            + "</dl></div>\n" + "".join(f"<p>\n{w}\n</p>\n" for w in wrapped[:2])
            + f"<div class='itemizedlist'><ul>{items}</ul></div>\n"
            + '<div class="section"><div class="titlepage"><div><div><h2 class="title"><a id="s1"></a>'
            + "1.1. What did the committee decide?</h2></div></div></div>\n"
            + "".join(f"<p>\n{w}\n</p>\n" for w in wrapped[5:]) + "</div></div></body></html>\n")


def test_docbook_pages_read_as_their_paragraphs(corpus, tmp_path):
    from aligner.readers import html

    paras = [p for p in _paragraphs(corpus, "en") if not p.startswith("•")]
    page = tmp_path / "chapter.en.html"
    page.write_text(_docbook(paras, "Table of Contents"), encoding="utf-8")
    blocks = html.read(page).paragraphs
    assert blocks[0][0] == "Chapter 1. The vote"   # the chapter's title, above its table of contents
    blocks = blocks[1:]
    read = [text for text, _ in blocks]
    lines = page.read_text(encoding="utf-8").splitlines()
    # every paragraph whole (no piece cut at a source line break), the section's
    # heading kept (the extractor drops DocBook's title pages), the navigation and the table of contents left out, each
    # paragraph found at its line
    assert read[:2] == paras[:2] and read[5:] == ["1.1. What did the committee decide?"] + paras[5:]
    assert read[2:5] == [f"{p} dpkg --help." for p in paras[2:5]]
    assert not any("Table of Contents" in t or t.startswith("Prev") for t in read)
    assert all(line and text[:20] in lines[line - 1] for text, line in blocks)


FAQ = Path(__file__).parent / "data" / "debian-faq"  # Debian FAQ, chapter 10 as shipped (COPYRIGHT there)


def test_editions_of_one_web_page_keep_the_same_blocks(tmp_path):
    # read alone, the extractor drops section 10.5 from the German page and the
    # first heading from the Chinese one: false omissions in a faithful translation
    pages = [FAQ / "kernel.en.html", FAQ / "kernel.de.html", FAQ / "kernel.zh-cn.html"]
    res = run("check", *pages, "-f", "json", "-q", "--fail-on", "never")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert "html-shared" in doc["signature"]
    misread = [f for f in doc["findings"] if f["rule"] in ("omission", "addition") and f["severity"] != "info"]
    assert misread == []
    for page in pages:
        texts = [s["text"] for s in doc["documents"][str(page)]["sentences"]]
        assert any(t.startswith("10.5.") for t in texts), page.name  # the section's question, in every edition
    # a page with no sibling edition is still read by the extractor alone
    from aligner.api import read_document

    assert read_document(pages[1], "de").layout == "html"


def test_web_pages_from_different_templates_are_each_read_alone(tmp_path):
    # the same title at the same place, the text in other containers: reading
    # both by the little structure they share would lose the text
    en = ["Council adopts the water resolution", "The Council adopted the resolution on access to clean water on "
          "Monday after two days of debate.", "It was supported by 126 States, and 14 States abstained in the vote.",
          "The resolution calls on all States to report on their progress within two years."]
    de = ["Rat verabschiedet die Wasserresolution", "Der Rat verabschiedete die Resolution über den Zugang zu "
          "sauberem Wasser am Montag nach zweitägiger Debatte.", "Sie wurde von 126 Staaten unterstützt, 14 Staaten "
          "enthielten sich.", "Die Resolution fordert alle Staaten auf, innerhalb von zwei Jahren zu berichten."]
    (tmp_path / "en.html").write_text("<html><body><h1>" + en[0] + "</h1><div class='content'>"
                                      + "".join(f"<p>{t}</p>" for t in en[1:]) + "</div></body></html>", encoding="utf-8")
    (tmp_path / "de.html").write_text("<html><body><h1>" + de[0] + "</h1><main><article>"
                                      + "".join(f"<section><p>{t}</p></section>" for t in de[1:])
                                      + "</article></main></body></html>", encoding="utf-8")
    res = run("check", tmp_path / "en.html", tmp_path / "de.html", "-f", "json", "-q", "--fail-on", "never")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert "html-shared" not in doc["signature"]
    for name, texts in (("en.html", en), ("de.html", de)):
        assert [s["text"] for s in doc["documents"][str(tmp_path / name)]["sentences"]] == texts


def test_a_block_only_one_web_edition_has_is_still_read(tmp_path):
    # a translator's note in markup only the German edition has: read as the
    # extractor reads that page alone, and reported as what it is, an addition
    body = ("<html><body><div class='content'><h1>{}</h1>{}</div></body></html>")
    en = ["Council adopts the water resolution", "The Council adopted the resolution on access to clean water "
          "on Monday after two days of debate.", "It was supported by 126 States, and 14 States abstained.",
          "The resolution calls on all States to report on their progress within two years.",
          "It asks the Secretary-General to present a report to the Council at its next session.",
          "Several delegations said that access to water is a condition of every other human right.",
          "The Council will review the resolution in three years."]
    de = ["Rat verabschiedet die Wasserresolution", "Der Rat verabschiedete die Resolution über den Zugang zu "
          "sauberem Wasser am Montag nach zweitägiger Debatte.", "Sie wurde von 126 Staaten unterstützt, "
          "14 Staaten enthielten sich.", "Die Resolution fordert alle Staaten auf, innerhalb von zwei Jahren "
          "über ihre Fortschritte zu berichten.", "Sie bittet den Generalsekretär, dem Rat auf seiner nächsten "
          "Tagung einen Bericht vorzulegen.", "Mehrere Delegationen sagten, der Zugang zu Wasser sei eine "
          "Voraussetzung aller anderen Menschenrechte.", "Der Rat wird die Resolution in drei Jahren überprüfen."]
    note = "Anmerkung der Übersetzung: Der Wortlaut der Resolution liegt nur auf Englisch und Französisch vor."
    (tmp_path / "en.html").write_text(body.format(en[0], "".join(f"<p>{t}</p>" for t in en[1:])), encoding="utf-8")
    (tmp_path / "de.html").write_text(body.format(de[0], "".join(f"<p>{t}</p>" for t in de[1:])
                                                  + f"<div class='translator-note'><p>{note}</p></div>"),
                                      encoding="utf-8")
    res = run("check", tmp_path / "en.html", tmp_path / "de.html", "-f", "json", "-q", "--fail-on", "never")
    doc = json.loads(res.stdout)
    assert "html-shared" in doc["signature"]
    assert note in [s["text"] for s in doc["documents"][str(tmp_path / "de.html")]["sentences"]]
