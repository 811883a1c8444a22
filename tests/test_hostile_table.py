"""The table of hostile and unusual inputs, across all commands, with the outcome
each must have: an exit code and the words of the one-line message (or, for
exit 0/1, that it worked). No case may show a traceback or an "unexpected
error", and a failing case leaves no output file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from clirunner import run

CASES = [
    # id, arguments ({name} = a file from the fixture), exit code, words on stderr
    ("empty file", "align {ru} {empty}", 2, "is empty"),
    ("blank file", "align {ru} {blank}", 2, "is empty"),
    ("binary file", "align {ru} {binary}", 2, "binary"),
    ("missing file", "align {ru} {missing}", 2, "no such file"),
    ("missing folder with --source", "align {missing} --source ru", 2, "no such file or folder"),
    ("output folder not writable", "check {ru} {en} -o /proc/aligner-out.txt", 2, "cannot write in /proc"),
    ("missing folder for check", "check {missing} --source ru", 2, "no such file or folder"),
    ("folder as file", "align {ru} {emptydir}/", 2, "is a folder"),
    ("huge line", "align {ru} {hugeline}", 2, "characters long"),
    ("endless input", "align {ru} /dev/zero", 2, "is larger than 256 MiB"),
    ("output to a device", "align {ru} {en} -o /dev/null -q", 0, ""),
    ("batch cache dir is a file", "batch {folder} --source ru --cache-dir {en}", 2, "is a file; give a folder"),
    ("mixed encodings", "align {mixed} {en}", 2, "mixes text encodings"),
    ("wrong declared language", "align {ru} {en} --tgt-lang de", 2, "declared as 'de'"),
    ("unsure language", "align {ru} {repetitive}", 2, "cannot tell its language"),
    ("too little text", "align {ru} {tiny}", 2, "too little text"),
    ("ten times shorter", "align {ru} {short} --tgt-lang en", 2, "times as long"),
    ("same language twice", "align {ru} {en} {en2}", 2, "two editions in 'en'"),
    ("two standard inputs", "align - -", 2, "standard input"),
    ("output is an input", "align {ru} {en} -o {en}", 2, "is also an input"),
    ("output is a folder", "align {ru} {en} -o {emptydir}", 2, "is a folder"),
    ("output folder missing", "align {ru} {en} -o {missing}/x.tsv", 2, "does not exist"),
    ("ratio zero", "align {ru} {en} --max-length-ratio 0", 2, "not a ratio"),
    ("ratio nan", "align {ru} {en} --max-length-ratio nan", 2, "not a ratio"),
    ("unknown option", "align {ru} {en} --bogus", 2, "No such option"),
    ("unknown format", "align {ru} {en} -f xml", 2, "is not one of"),
    ("xliff for many", "align {folder} --source ru -f xliff", 2, "one target language"),
    ("vecalign for many", "align {ru} {en} {de} -f vecalign", 2, "holds one pair"),
    ("folder without source", "align {folder}", 2, "say which edition is the source"),
    ("folder with unknown source", "align {folder} --source zh", 2, "no 'zh' edition"),
    ("folder and src-lang", "align {folder} --source ru --src-lang ru", 2, "go with files"),
    ("source option with files", "align {ru} {en} --source ru", 2, "goes with a folder"),
    ("empty folder", "check {emptydir} --source ru", 2, "no editions"),
    ("one file to check", "check {ru}", 2, "check needs"),
    ("pairs and editions", "check {ru} {en} --pairs {pairs}", 2, "not both"),
    ("pairs wrong columns", "check --pairs {badpairs}", 2, "line 2 has 3 columns"),
    ("pairs duplicate header", "check --pairs {duppairs}", 2, "twice"),
    ("bad baseline", "check {ru} {en} --baseline {notjson}", 2, "not a baseline file"),
    ("baseline of another kind", "check {ru} {en} --baseline {otherjson}", 2, "written by --write-baseline"),
    ("report of a bad json", "report {otherjson}", 2, "not an 'aligner check --format json' output"),
    ("cache dir is a file", "align {ru} {en} --cache-dir {en}", 2, "is a file; give a folder for the embedding cache"),
    ("model folder missing", "align {ru} {en} --model ./no/such/model", 2, "no such model folder"),
    ("eval odd files", "eval {beads}", 2, "pairs of files"),
    ("eval bad beads", "eval {beads} {en}", 2, "is not a bead"),
    ("eval sentence twice", "eval {beads} {dupbeads}", 2, "in bead 1 and bead 2"),
    ("batch missing manifest", "batch {missing} --source ru", 2, "no such manifest"),
    ("batch manifest columns", "batch {badmanifest} --source ru", 2, "document,lang,path"),
    ("batch output is a file", "batch {folder} --source ru -o {en}", 2, "is a file"),
    ("utf-16 with bom", "align {ru} {utf16} -q", 0, ""),
    ("utf-16 without bom", "align {ru} {utf16le} -q", 2, "looks like UTF-16LE text without a byte-order mark"),
    ("utf-16be cyrillic without bom", "align {utf16be} {en} -q", 2, "UTF-16BE text without a byte-order mark"),
    ("header-only manifest", "batch {headeronly} --source ru", 2, "lists no editions (a header line only)"),
    ("cp1251", "align {cp1251} {en} -q", 0, ""),
    ("a paragraph per line", "align {ru} {lines} -q", 0, ""),
    ("planted differences", "check {folder} --source ru -q", 1, ""),
    ("standard output as -", "align {ru} {en} -o - -q", 0, ""),
    ("version", "--version", 0, ""),
]


@pytest.fixture(scope="module")
def files(corpus, tmp_path_factory) -> dict[str, str]:
    root = tmp_path_factory.mktemp("hostile")
    ru, en = (corpus / "ru.txt").read_text(encoding="utf-8"), (corpus / "en.txt").read_text(encoding="utf-8")

    def write(name: str, data) -> str:
        path = root / name
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return str(path)

    folder = root / "editions"
    folder.mkdir()
    for lang in ("ru", "en", "de"):
        shutil.copy(corpus / f"{lang}.txt", folder / f"{lang}.txt")
    (root / "emptydir").mkdir()
    *head, last = ru.replace("•", "*").split("\n\n")
    return {
        "ru": str(corpus / "ru.txt"), "en": str(corpus / "en.txt"), "de": str(corpus / "de.txt"),
        "en2": write("en2.txt", en), "folder": str(folder), "emptydir": str(root / "emptydir"),
        "missing": str(root / "missing"), "empty": write("empty.txt", b""), "blank": write("blank.txt", "  \n\n "),
        "binary": write("binary.txt", b"\x00\x01\x02\x03 not text" * 10),
        "hugeline": write("huge.txt", "word " * 30_000),
        "mixed": write("mixed.txt", "\n\n".join(head).encode("cp1251") + b"\n\n" + last.encode("utf-8")),
        "repetitive": write("rep.txt", "Item 12 is ready. " * 200),
        "tiny": write("tiny.txt", "OK. 12."), "short": write("short.txt", "It was supported by 124 States."),
        "utf16": write("utf16.txt", en.encode("utf-16")),
        "utf16le": write("utf16le.txt", en.encode("utf-16-le")), "utf16be": write("utf16be.txt", ru.encode("utf-16-be")),
        "headeronly": write("headeronly.csv", "document,lang,path\n"),
        "cp1251": write("cp1251.txt", ru.replace("•", "*").encode("cp1251")),
        "lines": write("lines.txt", en.replace("\n\n", "\n")),
        "pairs": write("pairs.tsv", "It was supported.\tIl a été soutenu.\n"),
        "badpairs": write("badpairs.tsv", "one\ttwo\nthree\tfour\tfive\n"),
        "duppairs": write("duppairs.tsv", "src_text\ttgt_text\ttgt_text\na\tb\tc\n"),
        "notjson": write("not.json", "{not json"), "otherjson": write("other.json", '{"format": "x", "findings": []}'),
        "beads": write("gold.beads", "[0]:[0]\n[1]:[1]\n"), "dupbeads": write("dup.beads", "[0]:[0]\n[0]:[1]\n"),
        "badmanifest": write("manifest.csv", "doc,language\nx,y\n"),
    }


@pytest.mark.parametrize("case, args, code, words", CASES, ids=[c[0] for c in CASES])
def test_hostile_input(files, tmp_path, case, args, code, words):
    argv = [part.format(**files) for part in args.split()]
    res = run(*argv, cwd=tmp_path)
    assert "Traceback" not in res.stderr and "unexpected error" not in res.stderr, res.stderr
    assert res.returncode == code, res.stderr
    assert words in res.stderr
    if code == 2:
        assert res.stdout == ""
        assert list(Path(tmp_path).iterdir()) == []  # nothing written in the working folder


def test_the_table_covers_enough_cases():
    assert len(CASES) >= 40
    assert {c[1].split()[0] for c in CASES} >= {"align", "check", "report", "eval", "batch"}
