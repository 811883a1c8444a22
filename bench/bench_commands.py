"""Every command at the size of a book: time, peak memory and growth from 1k to 64k sentences a side.

A long document pair is real text made long: the Text+Berg dev document's
gold links are cut into blocks of ten, shuffled the same way on both sides
and concatenated, one paragraph per block in both editions, and written as
plain-text editions. Each command runs as the user runs it (the
``aligner`` command in its own process); time is wall time, memory the
process's peak resident set. ``drift`` compares with an earlier source in
which every 50th paragraph says another number; ``batch`` runs the pair as a
one-document manifest on a local cluster of two workers.

Floors (issue 24): check <= 1.5x align and report <= 2x align at 16k; every
command's time exponent <= 1.1 from 1k to 64k; check and report under 3 GB at 64k.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from devdata import load_dev  # bench/ helper

SIZES = tuple(int(n) for n in os.environ.get("BENCH_SIZES", "1000,4000,16000,64000").split(","))
ALIGNER = str(Path(sys.executable).parent / "aligner")


def paragraphs(n: int, src: list[str], tgt: list[str], gold, seed: int = 0) -> tuple[list[str], list[str]]:
    """The dev document's gold links in blocks of ten, shuffled (the same way on
    both sides) and repeated until the source has ``n`` sentences; each block is
    one paragraph in both editions, as a translated book has them."""
    import random

    blocks = [gold[k:k + 10] for k in range(0, len(gold), 10)]
    rng = random.Random(seed)
    out_s: list[str] = []
    out_t: list[str] = []
    count = 0
    while count < n:
        order = list(range(len(blocks)))
        rng.shuffle(order)
        for b in order:
            s_ids = [i for s_ids, _ in blocks[b] for i in s_ids]
            t_ids = [j for _, t_ids in blocks[b] for j in t_ids]
            if s_ids and t_ids:
                out_s.append(" ".join(src[i] for i in s_ids))
                out_t.append(" ".join(tgt[j] for j in t_ids))
                count += len(s_ids)
            if count >= n:
                break
    return out_s, out_t


def write_pair(folder: Path, n: int, src: list[str], tgt: list[str], gold) -> None:
    """de.txt, fr.txt (about n sentences of German, its French) and de-old.txt (an earlier source)."""
    paras_s, paras_t = paragraphs(n, src, tgt, gold)
    (folder / "de.txt").write_text("\n\n".join(paras_s) + "\n", encoding="utf-8")
    (folder / "fr.txt").write_text("\n\n".join(paras_t) + "\n", encoding="utf-8")
    old = [re.sub(r"\d+", lambda m: str(int(m.group()) + 1), p, count=1) if k % 50 == 0 else p
           for k, p in enumerate(paras_s)]
    (folder / "de-old.txt").write_text("\n\n".join(old) + "\n", encoding="utf-8")
    (folder / "manifest.csv").write_text(f"document,lang,path\nbook,de,{folder / 'de.txt'}\n"
                                         f"book,fr,{folder / 'fr.txt'}\n", encoding="utf-8")


def commands(folder: Path) -> dict[str, list[str]]:
    de, fr = str(folder / "de.txt"), str(folder / "fr.txt")
    return {
        "align": ["align", de, fr, "-o", str(folder / "out.tsv")],
        "check": ["check", de, fr, "-f", "json", "-o", str(folder / "check.json")],
        "drift": ["drift", de, fr, "--previous-source", str(folder / "de-old.txt"), "-f", "json",
                  "-o", str(folder / "drift.json")],
        "report": ["report", de, fr, "-o", str(folder / "report.html")],
        "batch": ["batch", str(folder / "manifest.csv"), "--source", "de", "-o", str(folder / "batch")],
    }


def run(args: list[str]) -> tuple[float, float, int]:
    """Wall seconds, peak resident MB of the process and of its children (batch's workers), exit code."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([ALIGNER, *args, "-q"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        print(f"  {' '.join(args[:1])} exited {proc.returncode}: {err.strip()[:300]}")
    return elapsed, usage.ru_maxrss / 1024, proc.returncode


def main() -> int:
    data = load_dev()
    if data is None:
        return 2
    src, tgt, gold = data
    names = list(commands(Path(".")))
    times: dict[str, list[float]] = {c: [] for c in names}
    print("== every command at scale (Text+Berg dev made long; one process each; 2 cores) ==")
    print(f"{'sentences':>10} " + " ".join(f"{c + ' s':>9} {c + ' MB':>10}" for c in names)
          + "  " + " ".join(f"{c + '/align':>13}" for c in names[1:]))
    pages: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in SIZES:
            folder = Path(tmp) / str(n)
            folder.mkdir()
            write_pair(folder, n, src, tgt, gold)
            row = {}
            for name, args in commands(folder).items():
                row[name] = run(args)
                times[name].append(row[name][0])
            shutil.rmtree(folder / "batch", ignore_errors=True)
            if n == PAGE_SIZE:
                pages.append(open_page(folder / "report.html"))
            cells = " ".join(f"{row[c][0]:9.1f} {row[c][1]:10.0f}" for c in names)
            ratios = " ".join(f"{row[c][0] / row['align'][0]:13.2f}" for c in names[1:])
            print(f"{n:>10} {cells}  {ratios}")
    # start-up (model, detectors) dominates the smallest size: the fit without it too
    for first in sorted({0, 1 if len(SIZES) > 2 else 0}):
        sizes = SIZES[first:]
        if len(sizes) > 1:
            fits = {c: np.polyfit(np.log(sizes), np.log(times[c][first:]), 1)[0] for c in names}
            print("time exponent " + ", ".join(f"{c} N^{e:.2f}" for c, e in fits.items())
                  + f" ({sizes[0]}-{sizes[-1]}; floor <= 1.1)")
    print("(batch's MB is its own process; its workers run in others. Floors: check <= 1.5x and "
          "report <= 2x align at 16k; check and report <= 3072 MB at 64k)")
    print("\n".join(pages))
    real_book()
    return 0


PAGE_SIZE = 16000


def open_page(page: Path) -> str:
    """The review page as a reader opens it (headless Chromium): when it is
    ready to use, how many rows are laid out then, and how long a filter and
    a jump to the last finding (which lays every row out) take."""
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path and page.is_file()):
        return "review page: no chromium/chromedriver; not measured"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        driver.set_page_load_timeout(300)
        driver.get(page.as_uri())  # once to warm the file cache, then measured
        driver.get(page.as_uri())
        ready = driver.execute_script("var t = performance.timing; return t.domContentLoadedEventEnd - t.navigationStart")
        count = "return document.querySelectorAll('#editions tbody tr').length"
        laid, total = driver.execute_script(count), page.read_text(encoding="utf-8").count('<tr id="row-')
        t0 = time.perf_counter()
        driver.find_element("css selector", '#severity-filter input[value="info"]').click()
        filtered = time.perf_counter() - t0
        t0 = time.perf_counter()
        driver.find_element("tag name", "body").send_keys("k")
        last = time.perf_counter() - t0
    finally:
        driver.quit()
    return (f"== the {PAGE_SIZE:,}-sentence review page in headless Chromium ({page.stat().st_size / 1e6:.0f} MB, "
            f"{total:,} rows) ==\n  ready (DOMContentLoaded) {ready / 1000:.2f} s with {laid} rows laid out; "
            f"a filter {filtered:.2f} s; jump to the last finding (lays out every row) {last:.2f} s")


def real_book() -> None:
    """align, check and report on a real book as Debian ships it, every sentence
    distinct: the repeated table above lets the encoder's cache do most of the
    encoding, this one does not."""
    from bench_recall import DOC, docs_tree

    tree = docs_tree("installation-guide-amd64")
    if tree is None:
        return
    book = tree / DOC / "installation-guide-amd64"
    en, de = book / "en" / "install.en.txt.gz", book / "de" / "install.de.txt.gz"
    if not (en.is_file() and de.is_file()):
        print("installation guide en/de not found; real-book row skipped")
        return
    with tempfile.TemporaryDirectory() as tmp:
        runs = {"align": ["align", str(en), str(de), "-o", f"{tmp}/out.tsv"],
                "check": ["check", str(en), str(de), "-f", "json", "-o", f"{tmp}/check.json"],
                "report": ["report", str(en), str(de), "-o", f"{tmp}/report.html"]}
        row = {name: run(args) for name, args in runs.items()}
    print("== a real book, every sentence distinct: the installation guide en -> de as shipped "
          "(install.*.txt.gz, about 4,500 sentences a side) ==")
    print("  " + ", ".join(f"{name} {t:.1f} s, {mb:.0f} MB" for name, (t, mb, _) in row.items())
          + f"; check / align {row['check'][0] / row['align'][0]:.2f}, "
            f"report / align {row['report'][0] / row['align'][0]:.2f}")


if __name__ == "__main__":
    sys.exit(main())
