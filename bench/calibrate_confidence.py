"""Fit the link-confidence mapping (``confidence_mid``, ``confidence_scale`` of
the model card) on every gold document, and report it held out by document.

Confidence is sigmoid((min(gap, 1) - mid) / scale), where ``gap`` is what the
best alignment loses if it must reach a link's end another way. The fit is a
logistic regression of "this link is in the gold" on the gap; the held-out
figures fit on all documents but one and score the one left out.
Run: ``python bench/calibrate_confidence.py`` (prints the values for the card).
"""

from __future__ import annotations

import dataclasses
import sys

import numpy as np
from golddocs import all_documents

from aligner.align import MAX_WINDOW, align_windows
from aligner.api import alignment_params, get_encoder


def fit(gap: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(a, b) of P(right) = sigmoid(a * gap + b), by Newton's method."""
    a, b = 1.0, 0.0
    for _ in range(60):
        p = 1 / (1 + np.exp(-(a * gap + b)))
        grad = np.array([((p - y) * gap).sum(), (p - y).sum()])
        w = p * (1 - p)
        hess = np.array([[(w * gap * gap).sum(), (w * gap).sum()], [(w * gap).sum(), w.sum()]]) + 1e-6 * np.eye(2)
        a, b = np.array([a, b]) - np.linalg.solve(hess, grad)
    return float(a), float(b)


def auc(scores: np.ndarray, y: np.ndarray) -> float:
    """ROC AUC by ranks (ties share their mean rank)."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    ranks[order] = np.arange(1, len(scores) + 1)
    for value in np.unique(scores):
        same = scores == value
        ranks[same] = ranks[same].mean()
    pos = y == 1
    return float((ranks[pos].sum() - pos.sum() * (pos.sum() + 1) / 2) / (pos.sum() * (~pos).sum()))


def main() -> int:
    encoder = get_encoder("usem3")
    raw = dataclasses.replace(alignment_params(encoder), confidence_mid=0.0, confidence_scale=1.0)
    data = {}
    for d in all_documents():
        links = align_windows(d.source, d.target, encoder.embed_windows(d.source.texts, MAX_WINDOW),
                              encoder.embed_windows(d.target.texts, MAX_WINDOW), raw)
        c = np.clip([link.confidence for link in links], 1e-6, 1 - 1e-6)
        gold = set(d.gold)
        data[d.name] = (np.log(c / (1 - c)), np.array([(l.src, l.tgt) in gold for l in links], float))
    gaps = np.concatenate([g for g, _ in data.values()])
    right = np.concatenate([y for _, y in data.values()])
    a, b = fit(gaps, right)
    held_p, held_y = [], []
    for name, (g, y) in data.items():
        ta, tb = fit(np.concatenate([v[0] for n, v in data.items() if n != name]),
                     np.concatenate([v[1] for n, v in data.items() if n != name]))
        held_p.append(1 / (1 + np.exp(-(ta * g + tb))))
        held_y.append(y)
    p, y = np.concatenate(held_p), np.concatenate(held_y)
    print("== link confidence, held out by document ==")
    for lo, hi in ((0.0, 0.8), (0.8, 0.9), (0.9, 0.95), (0.95, 1.01)):
        m = (p >= lo) & (p < hi)
        print(f"confidence {lo:.2f}-{min(hi, 1):.2f}: {int(m.sum()):5} links, right {y[m].mean() if m.any() else 0:.2f}")
    print(f"ROC AUC {auc(p, y):.3f} held out | fit on all: confidence_mid {-b / a:.3f}, confidence_scale {1 / a:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
