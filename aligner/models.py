"""Model cards from ``models/``: what a model covers and its calibration.

Scores such as cosine margins are not comparable across models, so per-model
numbers live in data files beside the code, not in constants.
"""

from __future__ import annotations

import dataclasses
import json
import os
from functools import lru_cache
from pathlib import Path

from .align.scorer import ScoringParams


def cards_dir() -> Path:
    """``$ALIGNER_MODELS`` if set, else the repository's ``models/`` folder."""
    env = os.environ.get("ALIGNER_MODELS")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "models"


@lru_cache(maxsize=None)
def _cards(folder: str) -> tuple[dict, ...]:
    path = Path(folder)
    if not path.is_dir():
        return ()
    return tuple(json.loads(p.read_text(encoding="utf-8")) for p in sorted(path.glob("*.json")))


def card_for(model: str) -> dict | None:
    """The card whose name or alias matches a model name or path, if any."""
    key = model.rstrip("/").lower()
    for card in _cards(str(cards_dir())):
        names = [card["name"], *card.get("aliases", [])]
        for name in names:
            n = name.lower()
            if key == n or key.endswith("/" + n) or ("/" + n + "/") in key + "/":
                return card
    return None


def align_params(model: str) -> ScoringParams:
    """Alignment weights for a model: its card's calibration over the defaults."""
    card = card_for(model) or {}
    values = card.get("calibration", {}).get("align", {})
    known = {f.name for f in dataclasses.fields(ScoringParams)}
    return dataclasses.replace(ScoringParams(), **{k: v for k, v in values.items() if k in known})


def divergence_model(model: str):
    """Semantic divergence weights and threshold for a model (defaults if uncalibrated)."""
    from .diverge.semantic import DivergenceModel

    card = card_for(model) or {}
    return DivergenceModel.from_card(card.get("calibration", {}).get("divergence", {}))
