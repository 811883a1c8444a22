"""Sentence encoders behind one interface (see :class:`base.Encoder`).

:data:`ENCODERS` is the registry: an encoder kind is one module with an
:class:`~base.Encoder` subclass, plus one entry here. Which kind runs a model
is said by its model card (``"encoder"``); a name without a card is handed to
sentence-transformers, as a hub name or a local folder. Nothing is loaded
until text is encoded.
"""

from __future__ import annotations

import os
from importlib import import_module
from pathlib import Path

from ..errors import InputError
from .base import Encoder
from .cache import EmbeddingCache
from .cards import card_for

DEFAULT_MODEL = "usem3"

#: encoder kind -> "module:Class"
ENCODERS: dict[str, str] = {
    "usem3": "aligner.encoders.usem3:USEM3Encoder",
    "sentence-transformers": "aligner.encoders.sentence_transformers:SentenceTransformerEncoder",
}


def encoder_class(kind: str) -> type[Encoder]:
    """The class registered for an encoder kind."""
    if kind not in ENCODERS:
        raise InputError(f"unknown encoder kind '{kind}'; known: {', '.join(sorted(ENCODERS))}")
    module, _, cls = ENCODERS[kind].partition(":")
    return getattr(import_module(module), cls)


def load_encoder(model: str = DEFAULT_MODEL, cache_dir: str | Path | None = None,
                 exact_windows: bool = False) -> Encoder:
    """The encoder for a model name (bundled default, hub name) or a local folder."""
    card = card_for(model)
    kind = (card or {}).get("encoder", "sentence-transformers")
    if kind == "sentence-transformers":
        path = Path(model).expanduser()
        if (model.startswith((".", "/", "~")) or os.sep in model and path.exists()) and not path.is_dir():
            raise InputError(f"--model {model}: no such model folder")
        name = str(path) if path.exists() else model
    else:
        name = card["name"] if card else model
    encoder = encoder_class(kind).create(name, exact_windows=exact_windows)
    encoder.card = card or {}
    if cache_dir is not None:
        encoder.cache = EmbeddingCache(encoder.cache_key, cache_dir)
    return encoder


__all__ = ["DEFAULT_MODEL", "ENCODERS", "EmbeddingCache", "Encoder", "encoder_class", "load_encoder"]
