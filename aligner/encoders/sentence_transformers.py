"""Any sentence-transformers model: LaBSE, multilingual-e5, a local folder.

Users with a network pick their model by hub name; offline users point at a
folder. torch and sentence-transformers are imported only when such a model
is asked for, so the default path starts fast.
"""

from __future__ import annotations

import numpy as np

from ..errors import InputError
from .base import Encoder, normalise


class SentenceTransformerEncoder(Encoder):
    """Wraps ``sentence_transformers.SentenceTransformer`` behind the Encoder interface.

    Windows are always encoded from their joined text (``exact_windows``).
    """

    @classmethod
    def create(cls, model_name: str, exact_windows: bool = False) -> "SentenceTransformerEncoder":
        return cls(model_name)

    def __init__(self, model: str, batch_size: int = 64, device: str | None = None,
                 cache=None) -> None:
        self.model_name = model
        self.name = model.rstrip("/").split("/")[-1]
        self.batch_size = batch_size
        self.device = device
        self._model = None
        super().__init__(cache)

    @property
    def cache_key(self) -> str:
        return f"st:{self.model_name}"

    def _load(self):
        if self._model is None:
            _check_reachable(self.model_name)
            from sentence_transformers import SentenceTransformer

            try:
                self._model = SentenceTransformer(self.model_name, device=self.device)
            except (OSError, ValueError) as exc:
                raise InputError(f"cannot load model '{self.model_name}': {str(exc).splitlines()[0]} "
                                 "(without a network, give a local model folder)") from None
        return self._model

    @property
    def dimension(self) -> int:
        return int(self._load().get_sentence_embedding_dimension())

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._load().encode(texts, batch_size=self.batch_size,
                                      convert_to_numpy=True, show_progress_bar=False)
        return normalise(vectors)


def _check_reachable(model: str) -> None:
    """Fail at once for a model that is neither a local folder nor in the local
    model cache when the model hub cannot be reached: otherwise the download is
    retried for about 100 s before the same failure (a typo costs minutes)."""
    import os
    import socket
    from urllib.parse import urlparse

    if os.path.isdir(os.path.expanduser(model)):
        return
    try:
        from huggingface_hub import constants, try_to_load_from_cache

        name = model if "/" in model else f"sentence-transformers/{model}"
        if any(isinstance(try_to_load_from_cache(repo, "config.json"), str) for repo in {model, name}):
            return
        offline = constants.HF_HUB_OFFLINE
        endpoint = urlparse(constants.ENDPOINT)
    except Exception:  # an unexpected hub library: let sentence-transformers decide
        return
    reason = "offline mode is set (HF_HUB_OFFLINE)" if offline else ""
    if not offline:
        try:
            socket.create_connection((endpoint.hostname, endpoint.port or 443), timeout=3).close()
            return
        except OSError:
            reason = "the model hub cannot be reached"
    raise InputError(f"cannot load model '{model}': it is not a local folder, not a model this tool "
                     f"knows under that name, not in the local model cache, and {reason}; "
                     "check the name, or give a local model folder")
