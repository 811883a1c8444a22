"""Model cards: what a model covers, which encoder runs it, and its calibration.

Scores such as cosine margins are not comparable across models, so per-model
numbers live in data files beside the code, not in constants. The cards are
the JSON files of the repository's top-level ``models/`` folder, which the
package build installs as the package data ``aligner.cards`` (see
``pyproject.toml``): a checkout and an installed wheel read the same files.
``$ALIGNER_MODELS`` points at another folder of cards (a model calibrated
locally).
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from ..errors import InputError


def _card_files() -> list[tuple[str, str]]:
    """(file name, text) of every card, from $ALIGNER_MODELS or the package data."""
    env = os.environ.get("ALIGNER_MODELS")
    if env:
        folder = Path(env)
        if not folder.is_dir():
            raise InputError(f"ALIGNER_MODELS={env}: no such folder of model cards")
        entries = [(p.name, p) for p in folder.glob("*.json")]
    else:
        entries = [(p.name, p) for p in files("aligner.cards").iterdir() if p.name.endswith(".json")]
    return [(name, p.read_text(encoding="utf-8")) for name, p in sorted(entries, key=lambda e: e[0])]


@lru_cache(maxsize=4)
def _parsed(key: str | None) -> tuple[dict, ...]:
    cards = []
    for name, text in _card_files():
        try:
            card = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"model card {name}: invalid JSON at line {exc.lineno}") from None
        if not isinstance(card, dict) or not isinstance(card.get("name"), str):
            raise InputError(f"model card {name}: needs a 'name'")
        cards.append(card)
    return tuple(cards)


def cards() -> tuple[dict, ...]:
    """Every known model card, in file-name order."""
    return _parsed(os.environ.get("ALIGNER_MODELS"))


def card_for(model: str) -> dict | None:
    """The card whose name or alias matches a model name, or the last components
    of a model folder's path, if any."""
    key = model.rstrip("/").lower()
    for card in cards():
        for name in (card["name"], *card.get("aliases", [])):
            n = name.lower()
            if key == n or key.endswith("/" + n) or ("/" + n + "/") in key + "/":
                return card
    return None


def calibration(card: dict | None, stage: str) -> dict:
    """A card's calibration block for one stage (``align``, ``divergence``); {} if none."""
    return dict(((card or {}).get("calibration") or {}).get(stage) or {})
