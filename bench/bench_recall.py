"""Recall of planted errors and false alarms, together, on real translations.

Real, faithful, published translations of three Debian manuals, as their
packages ship them in plain text (``.txt.gz``), are checked whole against
the English book (``aligner check en de fr ... --format json``). From that
check, errors are planted into each translation: by the shared tool
(``../shared/tools/make_planted.py``: dropped sentence or clause, changed
number, renamed entity, negation, sentence left in English, sentence added)
and by :mod:`plant_more` (numbers swapped, a date or a unit changed, a list
item dropped, a sentence duplicated, two names swapped, and negations and
renamed names in Japanese and Chinese, which the shared tool does not plant).
Each translation is then checked clean and planted, and scored the way
``../shared/tools/score_planted.py`` scores: an edit is found when the planted
check has a warning or error at its source sentence that the clean check did
not have there (an added sentence also when a warning or error quotes its
words with no source sentence); false alarms are the clean check's warnings
and errors per 100 source sentences, leaving out sentences the translation
really left in English (identical to the source, or 70% of their words the
source sentence's own).

Errors written by hand (``natural_errors.json``) are checked too, each against
its clean translation: 33 in the installation guide's de, es, fr and ru (some
read since, while rules were developed) and 33 in the FAQ's de, fr, ru and zh,
written blind in a later round; each book's table is printed, then all of them.

Groups: ``tuned`` (maint-guide, read while the rules were developed),
``held-out`` (the installation guide and the FAQ, never read while tuning when
they were added; some of their false alarms and misses have been read since)
and ``fresh``: a book of manual pages per language (de, es, fr, ru, it, pt,
ja), added when the other held-out books had been read, as ``MANWIDTH=80 man
-l page | col -b`` prints them one after another: the pages at the English
page's version that neither bench_real.py nor bench_input.py reads. The floors
of issue 19 apply to the held-out and fresh rows.

Usage: bench_recall.py [CORPUS ...] [--reuse | --replant]   (CORPUS: maint-guide,
installation-guide, debian-faq, manpages; --reuse keeps the planted sets of an
earlier run, to compare rule changes on the same edits; --replant plants them
again from the earlier run's check of the books, when the planting changed)
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
import zlib
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_real import MANUALS, cache  # noqa: E402

HERE = Path(__file__).resolve().parent
SHARED_TOOLS = HERE.parents[1] / "shared" / "tools"
#: The command checked (as for score_planted.py, the ALIGNER variable may name another one).
ALIGNER = os.environ.get("ALIGNER", str(HERE.parent / ".venv" / "bin" / "aligner")).split()
#: Edits per kind and language, for each of the two planting tools.
PER_KIND = 8
DOC = "usr/share/doc"
#: (name, group, package, English book, translated book with {lang}, {file lang: lang code})
CORPORA = (
    ("maint-guide", "tuned", None, "maint-guide/maint-guide.en.txt.gz", "maint-guide-{lang}/maint-guide.{lang}.txt.gz",
     {"de": "de", "es": "es", "fr": "fr", "ru": "ru", "ja": "ja", "zh-cn": "zh"}),
    ("installation-guide", "held-out", "installation-guide-amd64",
     "installation-guide-amd64/en/install.en.txt.gz", "installation-guide-amd64/{lang}/install.{lang}.txt.gz",
     {"de": "de", "es": "es", "fr": "fr", "it": "it", "pt": "pt", "ru": "ru", "ja": "ja", "zh_CN": "zh"}),
    ("debian-faq", "held-out", None, "debian/FAQ/debian-faq.en.txt.gz", "debian/FAQ/debian-faq.{lang}.txt.gz",
     {"de": "de", "fr": "fr", "ru": "ru", "zh-cn": "zh"}),
)
#: The fresh book of manual pages: {man folder: language code}, and the packages.
MAN_BOOK_LANGS = {"de": "de", "es": "es", "fr": "fr", "ru": "ru", "it": "it", "pt_BR": "pt", "ja": "ja"}
MAN_BOOK_PACKAGES = ("manpages", "manpages-de", "manpages-es", "manpages-fr", "manpages-ru", "manpages-it",
                     "manpages-pt-br", "manpages-ja")
#: English roff per language's book: about 1,500 sentences.
MAN_BOOK_BYTES = 160_000
_TABLE_PAGE = re.compile(r"(iso|cp|koi|armscii|ascii|latin|utf|charsets)")


def unpacked(name: str, packages: tuple[str, ...]) -> Path | None:
    """Debian packages downloaded and unpacked once into one tree (None, with the
    reason, where they cannot be fetched)."""
    folder = cache().parent / name
    tree, done = folder / "tree", folder / "unpacked"
    if not done.is_file():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            subprocess.run(["apt-get", "download", *packages], cwd=folder, check=True, capture_output=True)
            for deb in sorted(folder.glob("*.deb")):
                subprocess.run(["dpkg", "-x", str(deb), str(tree)], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"cannot fetch {', '.join(packages)} ({exc}); skipped", file=sys.stderr)
            return None
        done.write_text(" ".join(packages) + "\n", encoding="utf-8")
    return tree


def docs_tree(package: str | None) -> Path | None:
    """The unpacked documentation: the manuals the other benches fetch, or one more package."""
    if package is None:
        tree = cache().parent / "manuals" / "tree"
        return tree if (tree / DOC).is_dir() else unpacked("manuals", tuple(p for m in MANUALS for p in m[1]))
    return unpacked(package, (package,))


def man_book(tree: Path, lang: str) -> list[tuple[Path, Path]]:
    """A language's pages for the fresh book: translated from the English page of
    today (bench_input.same_version), neither character tables nor stubs, none
    that bench_real.py (its first pages in section order) or bench_input.py reads;
    in a fixed pseudo-random order, up to MAN_BOOK_BYTES of English roff."""
    from bench_input import MAN_LANGS, man_pairs, same_version
    from bench_real import LANGS, PAGES_PER_LANG, pairs, render

    read: set[str] = set()
    if lang in LANGS:  # bench_real's pages, with a margin for pages it refuses
        for english, _ in pairs(tree, lang):
            if len(read) >= PAGES_PER_LANG + 8:
                break
            if 15 <= render(english).count("\n\n") + 1 <= 80:
                read.add(english.name)
    if lang in MAN_LANGS:
        read |= {english.name for english, _ in man_pairs(tree, lang)}
    chosen, size = [], 0
    for english, page in sorted(pairs(tree, lang), key=lambda pair: zlib.crc32(pair[0].name.encode())):
        if english.name in read or english.is_symlink() or page.is_symlink() or size >= MAN_BOOK_BYTES:
            continue
        roff = len(gzip.decompress(english.read_bytes()))
        if 2000 <= roff <= 150_000 and not _TABLE_PAGE.match(english.name) \
                and render(english).count("\n\n") >= 7 and same_version(english, page):
            chosen.append((english, page))
            size += roff
    return chosen


def man_book_editions(tree: Path, lang: str, code: str, work: Path) -> tuple[Path, Path] | None:
    """The language's book and its English one, printed as users print man pages."""
    from bench_input import man_text

    pages = man_book(tree, lang)
    if not pages:
        return None
    editions = work / "editions"
    editions.mkdir(parents=True, exist_ok=True)
    source, target = editions / "en.txt", editions / f"{code}.txt"
    source.write_text("\n".join(man_text(english, 80) for english, _ in pages), encoding="utf-8")
    target.write_text("\n".join(man_text(page, 80) for _, page in pages), encoding="utf-8")
    (work / "pages.txt").write_text("".join(f"{english.name}\n" for english, _ in pages), encoding="utf-8")
    return source, target


def check(args: list[str], out: Path) -> dict | None:
    """``aligner check ... --format json``; None (with the reason) if it was refused."""
    done = subprocess.run(ALIGNER + ["check", *args, "--format", "json", "--quiet", "--fail-on", "never",
                                     "-o", str(out)], capture_output=True, text=True)
    if done.returncode not in (0, 1):
        print(f"  refused: {(done.stderr.strip().splitlines() or ['?'])[-1][:200]}")
        return None
    return json.loads(out.read_text(encoding="utf-8"))


def shipped(tree: Path, english: str, translated: str, langs: dict, work: Path) -> tuple[Path, list[Path]]:
    """The editions as shipped, named by language."""
    editions = work / "editions"
    editions.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(tree / DOC / english, editions / "en.txt.gz")
    targets = []
    for file_lang, lang in langs.items():
        path = tree / DOC / translated.format(lang=file_lang)
        if path.is_file():
            shutil.copyfile(path, editions / f"{lang}.txt.gz")
            targets.append(editions / f"{lang}.txt.gz")
    return editions / "en.txt.gz", targets


def prepare(name: str, source: Path, targets: list[Path], work: Path, replant: bool = False) -> bool:
    """The check of the editions (kept from an earlier run with ``replant``) and
    the planted sets made from it."""
    start = time.time()
    if not (replant and (work / "check.json").is_file()):
        if check([str(source), *map(str, targets)], work / "check.json") is None:
            return False
        print(f"  {name}: checked {len(targets)} translations in {time.time() - start:.0f} s")
    planted = work / "planted"
    shutil.rmtree(planted, ignore_errors=True)
    subprocess.run([sys.executable, str(SHARED_TOOLS / "make_planted.py"), str(work / "check.json"), str(planted),
                    "--per-kind", str(PER_KIND)], check=True, capture_output=True)
    subprocess.run([sys.executable, str(HERE / "plant_more.py"), str(work / "check.json"), str(planted),
                    "--per-kind", str(PER_KIND)], check=True, capture_output=True)
    return True


#: Share of a translation sentence's words that its source sentence has too, at which
#: the sentence was left in the source language (a cross-reference translated inside an
#: English sentence, "see Раздел 3.6.2", is still English).
LEFT_SHARE = 0.7


def genuine(finding: dict) -> bool:
    """Text the clean translation really left in the source language: the same text
    (as score_planted.py counts it), or mostly the source's own words."""
    if finding["rule"] != "untranslated":
        return False
    src, tgt = (finding.get("src_text") or "").strip(), (finding.get("tgt_text") or "").strip()
    if src == tgt:
        return True
    words = re.findall(r"\w+", tgt.casefold())
    source = set(re.findall(r"\w+", src.casefold()))
    return bool(words) and sum(w in source for w in words) >= LEFT_SHARE * len(words)


def serious(finding: dict) -> bool:
    return finding["severity"] in ("warning", "error")


def found(edit: dict, planted: dict, base: set) -> bool:
    """Whether the planted check reports the edit (score_planted.py's criterion)."""
    added = edit["change"].split(edit["orig"])[-1].strip() if edit["kind"] == "add-sentence" else ""
    for f in planted["findings"]:
        if not serious(f):
            continue
        ids = f.get("src_ids") or []
        if added and added[:40] in (f.get("tgt_text") or "") and not ids:
            return True
        if edit["src"] in ids and (f["rule"], edit["src"]) not in base:
            return True
    return False


def score(planted_dir: Path, tally: dict, alarms: dict, misses: list) -> None:
    """Check each language clean and planted; add recall per kind and false alarms to the tallies."""
    manifest = json.loads((planted_dir / "edits.json").read_text(encoding="utf-8"))
    for lang, m in manifest.items():
        folder = planted_dir / lang
        sl = m["source_lang"]
        args = lambda kind: [str(folder / "source.txt"), str(folder / kind / f"{lang}.txt"),
                             "--src-lang", sl, "--tgt-lang", lang]
        clean = check(args("clean"), folder / "clean.json")
        planted = check(args("planted"), folder / "planted.json")
        if clean is None or planted is None:  # a refused translation finds nothing
            for e in m["edits"]:
                tally[lang][e["kind"]][1] += 1
            continue
        base = {(f["rule"], s) for f in clean["findings"] if serious(f) for s in (f.get("src_ids") or [])}
        sentences = len(clean["documents"][clean["source"]["name"]]["sentences"])
        alarms[lang][0] += sum(serious(f) and not genuine(f) for f in clean["findings"])
        alarms[lang][1] += sentences
        for e in m["edits"]:
            hit = found(e, planted, base)
            tally[lang][e["kind"]][0] += hit
            tally[lang][e["kind"]][1] += 1
            if not hit:
                misses.append((lang, e))


def natural(name: str, work: Path, misses: list) -> dict:
    """The errors written by hand into the translations of book ``name``
    (``natural_errors.json``), each checked against the clean translation's check."""
    spec = [e for e in json.loads((HERE / "natural_errors.json").read_text(encoding="utf-8"))["errors"]
            if e["book"] == name]
    if not spec:
        return {}
    whole = json.loads((work / "check.json").read_text(encoding="utf-8"))
    docs = whole["documents"]
    tally: dict = defaultdict(lambda: [0, 0])
    for lang in sorted({e["lang"] for e in spec}):
        folder = work / "planted" / lang
        clean_json = folder / "clean.json"
        if not clean_json.is_file():
            continue
        alignment = next(a for a in whole["alignments"] if docs[a["target"]]["lang"] == lang)
        sentences = docs[alignment["target"]]["sentences"]
        text = (folder / "clean" / f"{lang}.txt").read_text(encoding="utf-8")
        edits = []
        for e in (e for e in spec if e["lang"] == lang):
            where = [j for j, s in enumerate(sentences) if e["find"] in s["text"]]
            links = [l for l in alignment["links"] if where and where[0] in l["tgt"] and l["src"]]
            if text.count(e["find"]) != 1 or not links:
                print(f"  natural error not placed ({lang}): {e['find'][:60]}")
                continue
            orig = sentences[where[0]]["text"]
            text = text.replace(e["find"], e["replace"])
            edits.append({"kind": e["kind"], "src": links[0]["src"][0], "orig": orig,
                          "change": orig.replace(e["find"], e["replace"]), "src_text": ""})
        (folder / "natural").mkdir(exist_ok=True)
        (folder / "natural" / f"{lang}.txt").write_text(text, encoding="utf-8")
        clean = json.loads(clean_json.read_text(encoding="utf-8"))
        checked = check([str(folder / "source.txt"), str(folder / "natural" / f"{lang}.txt"), "--src-lang",
                         whole["source"]["lang"], "--tgt-lang", lang], folder / "natural.json")
        base = {(f["rule"], s) for f in clean["findings"] if serious(f) for s in (f.get("src_ids") or [])}
        for e in edits:
            hit = checked is not None and found(e, checked, base)
            tally[e["kind"]][0] += hit
            tally[e["kind"]][1] += 1
            if not hit:
                misses.append((lang, {**e, "kind": "natural " + e["kind"], "src_text": e["orig"]}))
    print(f"\n== natural errors written by hand into the translations of {name} (found/written) ==")
    for kind, (hit, total) in sorted(tally.items()):
        print(f"{kind:14}{hit:>4}/{total:<4}")
    hit, total = sum(v[0] for v in tally.values()), sum(v[1] for v in tally.values())
    print(f"{'all':14}{hit:>4}/{total:<4} = {hit / max(total, 1):.2f}")
    return tally


def wilson(hits: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson interval of a share (written out: three lines, no library needed)."""
    if not total:
        return 0.0, 1.0
    p, n = hits / total, total
    centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return centre - half, centre + half


def adjudicated(books: list[str], alarms: dict) -> None:
    """The held-out alarms read by hand (``adjudicated_alarms.json``) that the clean
    checks still report, the share of them that are real divergences of the
    translations, and the false-alarm rate that leaves for the tool itself."""
    spec = json.loads((HERE / "adjudicated_alarms.json").read_text(encoding="utf-8"))["findings"]
    reported = set()
    for book in books:
        for clean in (cache().parent / "recall" / book / "planted").glob("*/clean.json"):
            lang = clean.parent.name
            reported |= {(book, lang, f["rule"], f["src_text"], f["tgt_text"])
                         for f in json.loads(clean.read_text(encoding="utf-8"))["findings"]
                         if serious(f) and not genuine(f)}
    kept = [e for e in spec if (e["book"], e["lang"], e["rule"], e["src_text"], e["tgt_text"]) in reported]
    if not kept:
        return
    real = sum(e["divergence"] for e in kept)
    low, high = wilson(real, len(kept))
    rate = 100 * sum(a[0] for a in alarms.values()) / max(sum(a[1] for a in alarms.values()), 1)
    print(f"\n== held-out alarms read by hand: {len(kept)} of {len(spec)} still reported, {real} of them real "
          f"divergences of the translation ({real / len(kept):.2f}, 95% {low:.2f}-{high:.2f}); false alarms of the "
          f"tool itself: {rate * (1 - real / len(kept)):.2f} per 100 ({rate * (1 - high):.2f}-{rate * (1 - low):.2f}) ==")


def table(title: str, tally: dict, alarms: dict) -> None:
    langs = sorted(tally)
    kinds = sorted({k for lang in langs for k in tally[lang]})
    print(f"\n== recall of planted errors, {title} (found/planted) ==")
    print(f"{'kind':14}" + "".join(f"{lang:>9}" for lang in langs) + f"{'all':>10}{'recall':>8}")
    grand = [0, 0]
    for kind in kinds:
        cells = [tally[lang].get(kind, [0, 0]) for lang in langs]
        hit, total = sum(c[0] for c in cells), sum(c[1] for c in cells)
        grand[0] += hit
        grand[1] += total
        print(f"{kind:14}" + "".join(f"{c[0]:>4}/{c[1]:<4}" if c[1] else f"{'-':>9}" for c in cells)
              + f"{hit:>5}/{total:<4}{hit / max(total, 1):>8.2f}")
    per_lang = [sum(v[0] for v in tally[lang].values()) / max(sum(v[1] for v in tally[lang].values()), 1)
                for lang in langs]
    print(f"{'recall':14}" + "".join(f"{r:>9.2f}" for r in per_lang)
          + f"{grand[0]:>5}/{grand[1]:<4}{grand[0] / max(grand[1], 1):>8.2f}")
    fa = [100 * alarms[lang][0] / max(alarms[lang][1], 1) for lang in langs]
    total_fa = 100 * sum(a[0] for a in alarms.values()) / max(sum(a[1] for a in alarms.values()), 1)
    print(f"{'false/100':14}" + "".join(f"{x:>9.2f}" for x in fa) + f"{total_fa:>18.2f}")


def main() -> int:
    reuse, replant = "--reuse" in sys.argv, "--replant" in sys.argv
    only = {a for a in sys.argv[1:] if not a.startswith("--")}
    if not (SHARED_TOOLS / "make_planted.py").is_file():
        print(f"no planting tool at {SHARED_TOOLS}; skipped", file=sys.stderr)
        return 0
    groups: dict[str, tuple[dict, dict]] = {}
    natural_all: dict = defaultdict(lambda: [0, 0])
    misses: list = []
    start = time.time()
    for name, group, package, english, translated, langs in CORPORA:
        if only and name not in only:
            continue
        tree = docs_tree(package)
        if tree is None:
            continue
        work = cache().parent / "recall" / name
        if not (reuse and (work / "planted" / "edits.json").is_file()):
            if not prepare(name, *shipped(tree, english, translated, langs, work), work, replant):
                continue
        tally, alarms = groups.setdefault(group, (defaultdict(lambda: defaultdict(lambda: [0, 0])),
                                                  defaultdict(lambda: [0, 0])))
        score(work / "planted", tally, alarms, misses)
        print(f"  {name}: scored in {time.time() - start:.0f} s so far")
        for kind, (hit, total) in natural(name, work, misses).items():
            natural_all[kind][0] += hit
            natural_all[kind][1] += total
    tree = None if only and "manpages" not in only else unpacked("manpage-book", MAN_BOOK_PACKAGES)
    for lang, code in MAN_BOOK_LANGS.items() if tree else ():
        work = cache().parent / "recall" / "manpages" / code
        if not (reuse and (work / "planted" / "edits.json").is_file()):
            editions = man_book_editions(tree, lang, code, work)
            if editions is None or not prepare(f"manpages {code}", editions[0], [editions[1]], work, replant):
                continue
        tally, alarms = groups.setdefault("fresh", (defaultdict(lambda: defaultdict(lambda: [0, 0])),
                                                    defaultdict(lambda: [0, 0])))
        score(work / "planted", tally, alarms, misses)
        print(f"  manpages {code}: scored in {time.time() - start:.0f} s so far")
    for group, (tally, alarms) in groups.items():
        table(f"{group} documents", tally, alarms)
    if "held-out" in groups:
        adjudicated([name for name, group, *_ in CORPORA if group == "held-out"], groups["held-out"][1])
    if natural_all:
        hit, total = sum(v[0] for v in natural_all.values()), sum(v[1] for v in natural_all.values())
        print("\n== natural errors, all books (found/written) ==")
        print("".join(f"{kind} {v[0]}/{v[1]}  " for kind, v in sorted(natural_all.items()))
              + f"\nall {hit}/{total} = {hit / max(total, 1):.2f}")
    print("(false/100: warnings+errors per 100 source sentences on the clean translations, text really left "
          "in English not counted. Floors on held-out documents: recall >= 0.90 overall and >= 0.80 per kind, "
          "false alarms <= 1.0)")
    if os.environ.get("RECALL_MISSES"):
        for lang, e in misses[:int(os.environ["RECALL_MISSES"])]:
            print(f"missed {lang} {e['kind']}: {e['src_text'][:100]!r}\n    -> {e['change'][:160]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
