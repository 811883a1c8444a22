"""The one interface every sentence encoder offers.

The aligner needs embeddings of sentences and of runs of consecutive sentences
("windows", for 1-2, 2-1, 1-3 ... links). An encoder only has to implement
:meth:`Encoder._encode`; windows then cost one encoding of the joined text
each. Encoders that can do better (the default USE model derives a window
from its sentences' pooled token features) override :meth:`embed_windows`.
"""

from __future__ import annotations

import hashlib
import json
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager, nullcontext
from typing import Callable, Sequence

import numpy as np

from ..core import Signature
from .cache import EmbeddingCache


class Encoder(ABC):
    """A multilingual sentence encoder returning L2-normalised float32 vectors.

    Everything callers use is declared here: ``name``, ``model_name``,
    ``exact_windows``, ``card``, ``dimension``, ``cache_key``, and the
    ``encode`` / ``embed_windows`` / ``span_embeddings`` methods.
    """

    #: Short identifier (for messages).
    name: str = "encoder"
    #: The model as the user named it (hub name, folder, or bundled model's name):
    #: what its model card is looked up by.
    model_name: str = "encoder"
    #: True if windows of several sentences are encoded from their joined text;
    #: False if derived from per-sentence states (see the usem3 encoder).
    exact_windows: bool = True

    def __init__(self, cache: EmbeddingCache | None = None) -> None:
        self.cache = cache if cache is not None else EmbeddingCache(self.cache_key)
        self._card: dict | None = None

    @classmethod
    def create(cls, model_name: str, exact_windows: bool = False) -> "Encoder":
        """The encoder for a model name; how the registry builds one
        (``exact_windows`` is a request that encoders which always encode
        windows exactly may ignore)."""
        return cls()

    @property
    def card(self) -> dict:
        """This model's card (:mod:`.cards`), {} for a model without one."""
        if self._card is None:
            from .cards import card_for

            self._card = card_for(self.model_name) or {}
        return self._card

    @card.setter
    def card(self, value: dict) -> None:
        self._card = value

    @property
    @abstractmethod
    def dimension(self) -> int:
        """Length of the vectors."""

    @property
    def cache_key(self) -> str:
        """What must match for a cached vector to be reused (model and version)."""
        return self.name

    def signature(self) -> Signature:
        """This encoder's part of a run's signature: the model and its version,
        how windows are embedded, and a digest of the model card (its
        calibration decides scores and thresholds; ``ALIGNER_MODELS`` can change it)."""
        card = json.dumps(self.card, sort_keys=True, ensure_ascii=False)
        return Signature.of(("model", self.cache_key),
                            ("windows", "exact" if self.exact_windows else "pooled"),
                            ("card", hashlib.sha256(card.encode("utf-8")).hexdigest()[:8]))

    @abstractmethod
    def _encode(self, texts: list[str]) -> np.ndarray:
        """Embed unique, uncached texts; rows must be L2-normalised."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts, computing each distinct text once per run (and per cache)."""
        return self._cached("emb", list(texts), self._encode)

    def _cached(self, kind: str, texts: list[str],
                compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        return self.cache.lookup(kind, texts, compute)

    def span_embeddings(self, text: str, width: int = 3) -> tuple[np.ndarray, list[str]]:
        """Embeddings of every run of ``width`` words, for finding which part of a
        sentence has no counterpart. Generic encoders embed each span's text;
        the default model derives them from one forward pass."""
        spans = _word_spans(text, width)
        return self.encode(spans), spans

    def span_embeddings_many(self, texts: Sequence[str], width: int = 3) -> list[tuple[np.ndarray, list[str]]]:
        """:meth:`span_embeddings` of many sentences (encoders that can batch the
        work override this)."""
        return [self.span_embeddings(text, width) for text in texts]

    def keeping_spans(self, width: int) -> AbstractContextManager[None]:
        """A hint: span embeddings of ``width`` will be asked for the sentences
        embedded while this is open (a check aligns, then compares spans). An
        encoder that can derive both from one pass keeps them (the default model
        does); others have nothing to keep."""
        return nullcontext()

    def embed_windows(self, texts: Sequence[str], max_size: int) -> list[np.ndarray]:
        """Embeddings of every run of 1..max_size consecutive sentences.

        Returns a list whose entry k-1 has one row per window of k sentences
        starting at each position (``len(texts) - k + 1`` rows).
        """
        texts = list(texts)
        out = [self.encode(texts)]
        for k in range(2, max_size + 1):
            joined = [" ".join(texts[i:i + k]) for i in range(len(texts) - k + 1)]
            out.append(self.encode(joined) if joined else np.zeros((0, out[0].shape[1]), np.float32))
        return out


def _word_spans(text: str, width: int) -> list[str]:
    words = text.split()
    if len(words) <= width:
        return [text]
    return [" ".join(words[k:k + width]) for k in range(len(words) - width + 1)]


def normalise(x: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    x = np.asarray(x, dtype=np.float32)
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return x / np.maximum(norms, 1e-12)
