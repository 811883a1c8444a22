"""Leave-one-document-out tuning of the alignment weights, over every gold document.

For each document, the weights are chosen on all the *other* documents (the
grid point that beats the peer by most on average and in the worst case),
then scored on the held-out one: the held-out-fold figure is what the README
reports, never the fit. Finally the choice on all documents is printed: that
is what ``models/usem3.json`` ships.

Run by ``make bench`` (several minutes on 2 cores): windows are embedded once,
then each grid point only re-runs the dynamic program.
"""

from __future__ import annotations

import dataclasses
import itertools
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from golddocs import all_documents

from aligner.align import MAX_WINDOW, align_windows
from aligner.align.scorer import ScoringParams
from aligner.api import alignment_params, get_encoder
from aligner.evaluate import score

#: The weights tuned and the values tried; everything else stays at the card's value.
GRID = {
    "skip": (-0.15, -0.2, -0.25),
    "skip_power": (0.0, 1.0, 2.0),
    "merge": (0.04, 0.05, 0.06),
    "shape_weight": (0.5, 1.0),
    "shape_prior": (0.01, 0.02, 0.03),
}
PEER = Path("/tmp/aligner-bench-peer.json")

_STATE: dict = {}


def _setup() -> None:
    encoder = get_encoder("usem3")
    docs = all_documents()
    _STATE["docs"] = docs
    _STATE["windows"] = {d.name: (encoder.embed_windows(d.source.texts, MAX_WINDOW),
                                  encoder.embed_windows(d.target.texts, MAX_WINDOW)) for d in docs}
    _STATE["base"] = alignment_params(encoder)


def evaluate(params: ScoringParams) -> tuple[dict[str, float], dict[str, list]]:
    """Strict F1 of every document under one set of weights, and the links."""
    out, links_of = {}, {}
    for d in _STATE["docs"]:
        sw, tw = _STATE["windows"][d.name]
        links = align_windows(d.source, d.target, sw, tw, params)
        links_of[d.name] = [(l.src, l.tgt) for l in links]
        out[d.name] = score([(d.gold, links_of[d.name])]).f1_strict
    return out, links_of


def _point(values: dict) -> tuple[dict, dict, dict]:
    if not _STATE:
        _setup()
    return (values, *evaluate(dataclasses.replace(_STATE["base"], **values)))


def objective(result: dict[str, float], peer: dict[str, float], names: list[str]) -> float:
    """Mean margin over the peer plus the worst margin: better everywhere, not on average."""
    margins = np.array([result[n] - peer[n] for n in names])
    return float(margins.mean() + margins.min())


def main() -> int:
    from bertalign_peer import peer_scores

    peer = peer_scores()
    points = [dict(zip(GRID, values)) for values in itertools.product(*GRID.values())]
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_point, points))
    names = list(results[0][1])
    print(f"== leave-one-document-out tuning of {', '.join(GRID)} ({len(points)} grid points) ==")
    print(f"{'held-out document':20}{'held-out F1':>12}{'Bertalign':>11}{'margin':>8}  chosen on the others")
    held, held_links = {}, {}
    for name in names:
        others = [n for n in names if n != name]
        values, result, links = max(results, key=lambda r: objective(r[1], peer, others))
        held[name], held_links[name] = result[name], links[name]
        print(f"{name:20}{result[name]:12.4f}{peer[name]:11.4f}{result[name] - peer[name]:+8.4f}  {values}")
    behind = [n for n in names if held[n] < peer[n] - 1e-9]
    print(f"held-out folds behind the peer: {', '.join(behind) if behind else 'none'}")
    gold = {d.name: d.gold for d in all_documents()}
    mac = [n for n in names if n.startswith("mac-")]
    if mac:  # each chapter aligned with the weights chosen without it, scored together
        micro = score([(gold[n], held_links[n]) for n in mac]).f1_strict
        print(f"MAC-dev micro strict F1, held-out folds: {micro:.4f}")
    values, result, _ = max(results, key=lambda r: objective(r[1], peer, names))
    print(f"chosen on all documents (what the model card ships): {json.dumps(values)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
