"""The alignment core on cases with known answers.

Embeddings here are built from random "meaning" vectors so that the expected
alignment is known exactly: a translated sentence has its source's meaning
plus noise, a split sentence's halves share their source's meaning, and a
window embeds as the normalised sum of its sentences (as the real models do
approximately).
"""

import numpy as np
import pytest

from aligner.align import MAX_WINDOW, align_windows
from aligner.align.scorer import ScoringParams
from aligner.core import Document

DIM = 64


def _norm(x):
    return x / np.linalg.norm(x, axis=-1, keepdims=True)


def _windows(vectors, k=MAX_WINDOW):
    vectors = np.asarray(vectors)
    return [_norm(np.array([vectors[i:i + s].sum(axis=0)
                            for i in range(len(vectors) - s + 1)]).reshape(-1, DIM))
            for s in range(1, k + 1)]


def _doc(n, lang, lengths=None):
    lengths = lengths or [60] * n
    return Document.from_sentences(["x" * L for L in lengths], lang)


def _beads(links):
    return [(list(l.src), list(l.tgt)) for l in links]


def _case(rng, n, edit):
    """Source meanings, and target sentences produced by `edit` from them."""
    meanings = _norm(rng.normal(size=(n, DIM)))
    tgt_vecs, tgt_len = [], []
    for i, m in enumerate(meanings):
        for vec, length in edit(i, m):
            tgt_vecs.append(vec)
            tgt_len.append(length)
    return meanings, np.array(tgt_vecs), tgt_len


def _noisy(rng, m, scale=0.3):
    return _norm(m + scale * rng.normal(size=DIM) / np.sqrt(DIM))


@pytest.fixture
def rng():
    return np.random.default_rng(7)


def test_one_to_one_long_document(rng):
    n = 600
    src, tgt, lens = _case(rng, n, lambda i, m: [(_noisy(rng, m), 60)])
    links = align_windows(_doc(n, "a"), _doc(n, "b", lens), _windows(src), _windows(tgt))
    assert _beads(links) == [([i], [i]) for i in range(n)]
    assert all(0.0 <= l.confidence <= 1.0 for l in links)


def test_split_sentence_is_one_to_two(rng):
    def edit(i, m):
        if i == 5:  # two halves, each carrying part of the meaning
            part = rng.normal(size=DIM) * 0.6
            return [(_norm(m + part), 30), (_norm(m - part), 30)]
        return [(_noisy(rng, m), 60)]

    src, tgt, lens = _case(rng, 12, edit)
    links = align_windows(_doc(12, "a"), _doc(13, "b", lens), _windows(src), _windows(tgt))
    assert ([5], [5, 6]) in _beads(links)
    assert len(links) == 12


def test_omission_and_addition_are_null_links(rng):
    def edit(i, m):
        if i == 4:
            return []                                   # omitted in the translation
        out = [(_noisy(rng, m), 60)]
        if i == 8:                                      # an added sentence after 8
            out.append((_norm(rng.normal(size=DIM)), 60))
        return out

    src, tgt, lens = _case(rng, 14, edit)
    links = align_windows(_doc(14, "a"), _doc(len(tgt), "b", lens), _windows(src), _windows(tgt))
    beads = _beads(links)
    assert ([4], []) in beads
    assert ([], [8]) in beads
    assert ([3], [3]) in beads and ([5], [4]) in beads and ([9], [9]) in beads


def test_band_search_on_long_documents_matches_gold(rng):
    """Large enough to take the coarse-to-fine path (> FULL_TABLE_CELLS cells)."""
    n = 1400

    def edit(i, m):
        if i % 97 == 50:
            return []
        return [(_noisy(rng, m), 60)]

    src, tgt, lens = _case(rng, n, edit)
    links = align_windows(_doc(n, "a"), _doc(len(tgt), "b", lens), _windows(src), _windows(tgt),
                          ScoringParams())
    beads = _beads(links)
    omitted = [i for i in range(n) if i % 97 == 50]
    assert [b[0][0] for b in beads if not b[1]] == omitted
    assert sum(1 for b in beads if len(b[0]) == 1 and len(b[1]) == 1) == n - len(omitted)


def test_empty_side_gives_only_null_links():
    links = align_windows(_doc(2, "a"), _doc(0, "b"), _windows(np.eye(2, DIM)),
                          [np.zeros((0, DIM))] * MAX_WINDOW)
    assert _beads(links) == [([0], []), ([1], [])]


def test_an_omission_beside_an_addition_is_one_loose_pair():
    from aligner.align import pair_skips

    beads = [(0, 0, 1, 1), (1, 1, 1, 0), (2, 1, 0, 1), (2, 2, 0, 1), (2, 3, 1, 1), (3, 4, 1, 0)]
    merged, gaps = pair_skips(beads, [0.5, 0.2, 0.3, 0.4, 0.6, 0.7])
    # 1-0 then 0-1 is one 1-1; the second addition and the last omission have no partner beside them
    assert merged == [(0, 0, 1, 1), (1, 1, 1, 1), (2, 2, 0, 1), (2, 3, 1, 1), (3, 4, 1, 0)]
    assert gaps == [0.5, 0.2, 0.4, 0.6, 0.7]
