"""``aligner batch`` on a real archive: 120 Debian manual pages, English with their
German, Spanish, French and Russian translations (manpages-l10n), as one
document each.

Three runs: on a local cluster of two workers; again, when every document is
unchanged (nothing is recomputed); and on an existing cluster, a ``dask
scheduler`` and two ``dask worker`` processes started here on localhost, as a
user whose archives outgrow one machine runs it (there the workers run on
other machines with ``aligner`` installed).
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
from bench_real import fetched, pairs, render  # bench/ helpers

LANGS = ("de", "es", "fr", "ru")
PAGES_PER_LANG = 30
BIN = Path(sys.executable).parent


def archive(tree: Path, root: Path) -> int:
    """One folder per page and language: en.txt and the translation."""
    count = 0
    for lang in LANGS:
        for en_page, tr_page in pairs(tree, lang)[:PAGES_PER_LANG]:
            folder = root / f"{lang}-{tr_page.name.removesuffix('.gz')}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "en.txt").write_text(render(en_page), encoding="utf-8")
            (folder / f"{lang}.txt").write_text(render(tr_page), encoding="utf-8")
            count += 1
    return count


def batch(root: Path, out: Path, *extra: str) -> tuple[float, pd.DataFrame]:
    t0 = time.perf_counter()
    done = subprocess.run([str(BIN / "aligner"), "batch", str(root), "--source", "en", "-o", str(out), "-q",
                           *extra], capture_output=True, text=True)
    elapsed = time.perf_counter() - t0
    if done.returncode not in (0, 1, 2):
        print(f"  batch exited {done.returncode}: {done.stderr.strip()[:300]}")
    table = pd.read_csv(out / "summary.tsv", sep="\t", keep_default_na=False, dtype=str)
    return elapsed, table


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    tree = fetched()
    if tree is None:
        return 0
    print("== batch on a real archive: manpages-l10n de/es/fr/ru against manpages, one document a page ==")
    with tempfile.TemporaryDirectory() as tmp:
        root, out = Path(tmp) / "archive", Path(tmp) / "out"
        n = archive(tree, root)
        seconds, table = batch(root, out, "--workers", "2")
        counts = table["status"].value_counts().to_dict()
        sentences = sum(int(s) for s in table["sentences"] if s)
        print(f"local cluster, 2 workers: {n} documents ({sentences} source sentences) in {seconds:.1f} s "
              f"({seconds / n:.2f} s a document); status {counts}")
        seconds, table = batch(root, out, "--workers", "2")
        print(f"again, nothing changed: {seconds:.1f} s; status {table['status'].value_counts().to_dict()}")
        shutil.rmtree(out)
        port = _free_port()
        address = f"tcp://127.0.0.1:{port}"
        scheduler = subprocess.Popen([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                      "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers = [subprocess.Popen([str(BIN / "dask"), "worker", address, "--nthreads", "1", "--no-dashboard"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) for _ in range(2)]
        try:
            time.sleep(5)  # the scheduler and its workers start
            seconds, table = batch(root, out, "--scheduler", address)
            print(f"existing scheduler ({address}, 2 dask worker processes): {n} documents in {seconds:.1f} s; "
                  f"status {table['status'].value_counts().to_dict()}")
        finally:
            for proc in (*workers, scheduler):
                proc.terminate()
            for proc in (*workers, scheduler):
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
    return 0


if __name__ == "__main__":
    sys.exit(main())
