"""Word lists the rules read, kept as data (one TOML file per list, a table per language)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=8)
def lexicon(name: str) -> dict[str, dict]:
    """The tables of ``<name>.toml``, by language."""
    return tomllib.loads(resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8"))
