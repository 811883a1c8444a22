"""A team's glossary and project file, as a QA user meets them: the press
release's own terms in four languages, a wrong term planted in each edition,
and every mistake in the settings refused in one line before any work."""

from __future__ import annotations

import json
import shutil

import pytest
from clirunner import run

from aligner.core.settings import Term
from aligner.readers.glossary import read_glossary
from aligner.rules.glossary import occurs

#: (edition, the term as the edition writes it, a wrong one in its place)
PLANTED = {"en": ("GGE", "GEG"), "de": ("GGE", "GEG"), "es": ("GTCA", "GEG"), "fr": ("GTCNL", "GTCA")}


def _terms(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    return [f for f in data["findings"] if f["rule"] in ("term-missing", "term-forbidden")], data


def _editions(corpus, folder):
    folder.mkdir()
    for lang in ("ru", *PLANTED):
        shutil.copy(corpus / f"{lang}.txt", folder / f"{lang}.txt")
    return folder


def test_a_wrong_term_planted_in_each_edition_is_reported_and_the_correct_uses_are_not(corpus, tmp_path):
    glossary = corpus / "glossary.csv"
    clean = _editions(corpus, tmp_path / "clean")
    res = run("check", clean / "ru.txt", *(clean / f"{lang}.txt" for lang in PLANTED), "--glossary", glossary,
              "-f", "json", "-o", tmp_path / "clean.json", "-q")
    assert res.returncode == 1, res.stderr
    before, data = _terms(tmp_path / "clean.json")
    assert "settings:" in data["signature"] and "glossary" in data["signature"]
    # the only term findings of the faithful editions are the Spanish clause planted as
    # dropped ("a U.S.-promoted mechanism for discussing IIS issues within the UN")
    assert {(f["target"].split("/")[-1], tuple(f["src_ids"])) for f in before} == {("es.txt", (14,))}
    planted = _editions(corpus, tmp_path / "planted")
    changed = {}
    for lang, (right, wrong) in PLANTED.items():
        path = planted / f"{lang}.txt"
        text = path.read_text(encoding="utf-8")
        at = text.index(right)
        path.write_text(text[:at] + wrong + text[at + len(right):], encoding="utf-8")
        changed[lang] = text[:at].count("\n")
    res = run("check", planted / "ru.txt", *(planted / f"{lang}.txt" for lang in PLANTED), "--glossary", glossary,
              "-f", "json", "-o", tmp_path / "planted.json", "-q")
    after, _ = _terms(tmp_path / "planted.json")
    new = [f for f in after if (f["target"].split("/")[-1], tuple(f["src_ids"])) != ("es.txt", (14,))]
    assert {f["target"].split("/")[-1][:2] for f in new} == set(PLANTED)
    for f in new:
        lang = f["target"].split("/")[-1][:2]
        assert PLANTED[lang][1] in f["tgt_text"]
    # German's GEG is the Spanish and French acronym: forbidden there, an error
    assert any(f["rule"] == "term-forbidden" and f["severity"] == "error" and "GEG" in f["message"]
               for f in new if "de.txt" in f["target"])


@pytest.mark.parametrize("term, text, lang, found", [
    ("Первый комитет", "Это обсуждалось в Первом комитете вчера.", "ru", True),
    ("проект резолюции", "по проектам резолюций", "ru", True),
    ("Resolutionsentwurf", "über Resolutionsentwürfe zur Sicherheit", "de", True),
    ("Generalversammlung", "der UN-Generalversammlung", "de", True),
    ("Entwurf", "der Resolutionsentwurf", "de", True),          # inside a compound
    ("copatrocinador", "como copatrocinadores activos", "es", True),
    ("projet de résolution", "les projets de résolution", "fr", True),
    ("Assemblée générale", "l'Assemblée Générale", "fr", True),
    ("draft resolution", "the draft of a resolution", "en", False),
    ("Entwurf", "der Resolutionsentwurf", "fr", False),         # French writes no compounds
    ("安装程序", "请运行安装程序。", "zh", True),                   # no spaces between words: as written
    ("安装程序", "请运行程序。", "zh", False),
])
def test_terms_are_found_in_their_inflected_forms(term, text, lang, found):
    assert occurs(term, text, lang, case_sensitive=False) is found


def test_an_acronym_matches_only_as_written():
    assert occurs("ONU", "la ONU decidió", "es", case_sensitive=True)
    assert not occurs("UN", "un proyecto de resolución", "es", case_sensitive=True)


def test_a_tbx_glossary_is_read_both_ways_with_its_forbidden_terms(tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en"><text><body>
<termEntry id="c1">
  <langSet xml:lang="en"><tig><term>General Assembly</term></tig></langSet>
  <langSet xml:lang="de"><tig><term>Generalversammlung</term></tig>
    <tig><term>Vollversammlung</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>""", encoding="utf-8")
    terms = read_glossary(path)
    assert Term("General Assembly", "Generalversammlung", "de", False, source_lang="en") in terms
    assert Term("General Assembly", "Vollversammlung", "de", True, source_lang="en") in terms
    assert Term("Generalversammlung", "General Assembly", "en", False, source_lang="de") in terms


@pytest.mark.parametrize("toml, says", [
    ('[rules]\nname-mismach = "off"\n', "no rule 'name-mismach' (did you mean 'name-mismatch'?)"),
    ('[rules]\nname-mismatch = "loud"\n', "name-mismatch = 'loud'; it is one of off, info, warning, error"),
    ('glossary = ["missing.csv"]\n', "glossary"),
    ('fail_on = "warning"\n', "unknown key 'fail_on' (did you mean 'fail-on'?)"),
    ('ignore = ["(unclosed"]\n', "is not a regular expression"),
    ('[rules\n', "not valid TOML"),
])
def test_a_mistake_in_the_project_file_is_one_line_and_exit_2_before_any_work(corpus, tmp_path, toml, says):
    (tmp_path / "aligner.toml").write_text(toml, encoding="utf-8")
    out = tmp_path / "out.json"
    res = run("check", corpus / "ru.txt", corpus / "en.txt", "-f", "json", "-o", out, cwd=tmp_path)
    assert res.returncode == 2
    assert says in res.stderr and len(res.stderr.strip().splitlines()) == 1, res.stderr
    assert not out.exists()


def test_an_unreadable_glossary_is_refused_before_any_work(corpus, tmp_path):
    bad = tmp_path / "terms.csv"
    bad.write_text("term,translation\nГПЭ,GGE\n", encoding="utf-8")
    res = run("report", corpus / "ru.txt", corpus / "en.txt", "--glossary", bad, "-o", tmp_path / "r.html")
    assert res.returncode == 2
    assert "needs a header row with the columns source and target" in res.stderr
    assert not (tmp_path / "r.html").exists()


def test_the_project_file_found_upward_sets_rules_severities_ignores_and_fail_on(corpus, tmp_path):
    work = tmp_path / "project" / "docs"
    work.mkdir(parents=True)
    out = tmp_path / "out.json"
    (tmp_path / "project" / "aligner.toml").write_text(
        'fail-on = "never"\n'
        '[rules]\nnumber-mismatch = "warning"\nomission = "off"\n'
        '[languages.fr]\nignore = ["15"]\n', encoding="utf-8")
    res = run("check", corpus / "ru.txt", corpus / "de.txt", corpus / "fr.txt", "-f", "json", "-o", out, "-q",
              cwd=work)
    assert res.returncode == 0, res.stderr  # fail-on = never
    data = json.loads(out.read_text(encoding="utf-8"))
    rules = {(f["target"].split("/")[-1], f["rule"], f["severity"]) for f in data["findings"]}
    assert ("de.txt", "number-mismatch", "warning") in rules      # 124 -> 142, lowered to a warning
    assert not any(r == "omission" for _, r, _ in rules)          # German's dropped sentence: rule off
    assert not any(t == "fr.txt" and r == "number-mismatch" for t, r, _ in rules)  # 25 -> 15: ignored
    assert "settings:" in data["signature"]
    # --fail-on on the command line wins over the project's
    res = run("check", corpus / "ru.txt", corpus / "de.txt", "-f", "json", "-o", out, "-q", "--fail-on", "warning",
              cwd=work)
    assert res.returncode == 1


def test_without_settings_the_signature_is_unchanged(corpus, tmp_path):
    out = tmp_path / "out.json"
    run("check", corpus / "ru.txt", corpus / "en.txt", "-f", "json", "-o", out, "-q", cwd=tmp_path)
    assert "settings" not in json.loads(out.read_text(encoding="utf-8"))["signature"]


def test_a_file_beside_the_editions_is_left_out_with_exclude_or_the_project_file(corpus, tmp_path):
    folder = tmp_path / "editions"
    folder.mkdir()
    for lang in ("ru", "en"):
        shutil.copy(corpus / f"{lang}.txt", folder / f"{lang}.txt")
    shutil.copy(corpus / "en.txt", folder / "notes.txt")
    res = run("align", folder, "--source", "ru", "-q")
    assert res.returncode == 2 and "--exclude notes.txt" in res.stderr
    res = run("align", folder, "--source", "ru", "-q", "--exclude", "notes.*")
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0].split("\t")[:4] == ["src_ids", "ru", "en_ids", "en"]
    (tmp_path / "aligner.toml").write_text('exclude = ["notes.txt"]\n', encoding="utf-8")
    res = run("check", folder, "--source", "ru", "-q", "-f", "json", "-o", tmp_path / "out.json", cwd=tmp_path)
    assert res.returncode in (0, 1), res.stderr
    assert "notes.txt" not in (tmp_path / "out.json").read_text(encoding="utf-8")
    # align reads the project's folder settings too (rules are for the checks)
    res = run("align", folder, "--source", "ru", "-q", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert res.stdout.splitlines()[0].split("\t")[:4] == ["src_ids", "ru", "en_ids", "en"]


def test_a_term_translated_in_two_allowed_ways_is_one_note_with_the_counts(corpus, tmp_path):
    out = tmp_path / "fr.json"
    run("check", corpus / "ru.txt", corpus / "fr.txt", "--glossary", corpus / "glossary.csv", "-f", "json",
        "-o", out, "-q")
    found = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["rule"] == "term-inconsistent"]
    assert len(found) == 1 and found[0]["severity"] == "info" and not found[0]["src_ids"]
    assert '"ООН" is translated "' in found[0]["message"]
    assert '"ONU" in' in found[0]["message"] and '"Nations Unies" in' in found[0]["message"]


def test_the_project_file_names_the_language_of_an_edition_whose_file_name_does_not(corpus, tmp_path):
    folder = tmp_path / "editions"
    folder.mkdir()
    shutil.copy(corpus / "ru.txt", folder / "ru.txt")
    shutil.copy(corpus / "en.txt", folder / "translation.md")  # a .md counts only when its name says a language
    res = run("check", folder, "--source", "ru", "-q", cwd=tmp_path)
    assert res.returncode == 2 and "only one edition" in res.stderr
    (tmp_path / "aligner.toml").write_text('[editions]\n"translation.md" = "en"\n', encoding="utf-8")
    res = run("check", folder, "--source", "ru", "-q", "-f", "json", "-o", tmp_path / "out.json", cwd=tmp_path)
    assert res.returncode in (0, 1), res.stderr
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [doc["lang"] for name, doc in data["documents"].items() if name.endswith("translation.md")] == ["en"]
    res = run("align", folder, "--source", "ru", "-q", cwd=tmp_path)
    assert res.returncode == 0 and res.stdout.splitlines()[0].split("\t")[2:4] == ["en_ids", "en"], res.stderr
    (tmp_path / "aligner.toml").write_text('[editions]\n"translation.md" = "English"\n', encoding="utf-8")
    res = run("check", folder, "--source", "ru", "-q", cwd=tmp_path)
    assert res.returncode == 2 and "is not a language code" in res.stderr


def test_a_tbx_3_glossary_is_read_with_its_normative_authorization(tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="ru" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="c1">
  <langSec xml:lang="ru"><termSec><term>Первый комитет</term></termSec></langSec>
  <langSec xml:lang="fr"><termSec><term>Première Commission</term></termSec>
    <termSec><term>Premier comité</term><termNote type="normativeAuthorization">deprecated</termNote></termSec></langSec>
</conceptEntry></body></text></tbx>""", encoding="utf-8")
    terms = read_glossary(path)
    assert Term("Первый комитет", "Première Commission", "fr", False, source_lang="ru") in terms
    assert Term("Первый комитет", "Premier comité", "fr", True, source_lang="ru") in terms
    assert all(t.source_lang in ("ru", "fr") for t in terms)


def test_a_tbx_glossary_checks_the_translations_in_its_languages(corpus, tmp_path):
    path = tmp_path / "terms.tbx"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="ru"><text><body><termEntry>
  <langSet xml:lang="ru"><tig><term>ГПЭ</term></tig></langSet>
  <langSet xml:lang="fr"><tig><term>GEG</term></tig>
    <tig><term>GGE</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>""", encoding="utf-8")
    planted = tmp_path / "fr.txt"
    text = (corpus / "fr.txt").read_text(encoding="utf-8")
    planted.write_text(text.replace("GEG", "GGE", 1), encoding="utf-8")
    out = tmp_path / "out.json"
    run("check", corpus / "ru.txt", planted, "--glossary", path, "-f", "json", "-o", out, "-q")
    terms = [f for f in json.loads(out.read_text(encoding="utf-8"))["findings"] if f["rule"].startswith("term-")]
    assert [(f["rule"], f["severity"]) for f in terms] == [("term-forbidden", "error"), ("term-missing", "warning")]
    assert "GGE" in terms[0]["tgt_text"]


def test_exclude_with_files_instead_of_a_folder_is_a_clear_error(corpus, tmp_path):
    out = tmp_path / "out.json"
    res = run("check", corpus / "ru.txt", corpus / "en.txt", "--exclude", "notes.txt", "-f", "json", "-o", out)
    assert res.returncode == 2 and "--exclude goes with a folder of editions" in res.stderr
    assert not out.exists()


def test_a_consistency_check_set_off_lists_nothing_across_documents(departing_archive, tmp_path):
    root = departing_archive(tmp_path / "archive", "Zusammen mit allen Weltregionen")
    (tmp_path / "aligner.toml").write_text('[languages.de]\nrules = { inconsistent-translation = "off" }\n',
                                           encoding="utf-8")
    res = run("batch", root, "--source", "ru", "-o", tmp_path / "out", "--workers", "1", "-q", cwd=tmp_path)
    assert res.returncode == 1, res.stderr
    assert (tmp_path / "out" / "consistency.tsv").read_text(encoding="utf-8").count("\n") == 1  # the header
