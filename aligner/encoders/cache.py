"""Embedding cache: every distinct text is embedded once.

Within a run, repeated sentences (headers, boilerplate, the same window seen
from two sides) are computed once. With a folder given (``--cache-dir``), the
vectors also persist in SQLite, keyed by model, kind of vector and the text's
SHA-256, so re-aligning an edited document only embeds what changed. SQLite is
in the standard library, safe under concurrent readers and atomic per commit.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Callable

import numpy as np

from ..errors import InputError


class EmbeddingCache:
    """In-memory text -> vector map, optionally backed by an SQLite file."""

    def __init__(self, model_key: str, folder: str | Path | None = None) -> None:
        self.model_key = model_key
        self._memory: dict[tuple[str, str], np.ndarray] = {}
        self._db: sqlite3.Connection | None = None
        if folder is not None:
            path = Path(folder)
            if path.exists() and not path.is_dir():
                raise InputError(f"--cache-dir {folder}: is a file; give a folder for the embedding cache "
                                 "(it is created if missing)")
            try:
                path.mkdir(parents=True, exist_ok=True)
                self._db = sqlite3.connect(str(path / "embeddings.sqlite"))
                self._db.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, "
                                 "dtype TEXT, data BLOB)")
            except OSError as exc:
                raise InputError(f"--cache-dir {folder}: cannot be used as an embedding cache "
                                 f"({exc.strerror or exc}); give a folder the tool may write") from None
            except sqlite3.Error as exc:  # the folder is fine, the database in it is not
                raise InputError(f"--cache-dir {folder}: cannot be used as an embedding cache "
                                 f"({exc}); remove the damaged {path / 'embeddings.sqlite'}") from None

    def _key(self, kind: str, text: str) -> str:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        return f"{self.model_key}|{kind}|{digest}"

    def lookup(self, kind: str, texts: list[str],
               compute: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        """Vectors for texts, calling compute only on texts never seen before."""
        missing = list(dict.fromkeys(t for t in texts if (kind, t) not in self._memory))
        if missing and self._db is not None:
            missing = self._load(kind, missing)
        if missing:
            vectors = compute(missing)
            for text, vec in zip(missing, vectors):
                self._memory[(kind, text)] = vec
            if self._db is not None:
                with self._db:
                    self._db.executemany(
                        "INSERT OR REPLACE INTO vec VALUES (?, ?, ?)",
                        [(self._key(kind, t), str(v.dtype), v.tobytes())
                         for t, v in zip(missing, vectors)])
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._memory[(kind, t)] for t in texts])

    def _load(self, kind: str, texts: list[str]) -> list[str]:
        """Fill memory from disk; return the texts still missing."""
        assert self._db is not None
        still = []
        for text in texts:
            row = self._db.execute("SELECT dtype, data FROM vec WHERE key = ?",
                                   (self._key(kind, text),)).fetchone()
            if row is None:
                still.append(text)
            else:
                self._memory[(kind, text)] = np.frombuffer(row[1], dtype=row[0]).copy()
        return still

    def __len__(self) -> int:
        return len(self._memory)
