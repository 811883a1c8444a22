"""Vecalign bead format, one bead per line (``[3]:[4, 5]:0.9132``).

The same format as the Text+Berg gold files, so ``aligner eval`` can score it.
The third field is the link's confidence, as Vecalign writes its cost there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core import Alignment, MultiAlignment
from ..errors import InputError

if TYPE_CHECKING:
    from .base import RenderOptions


def render(alignment: Alignment | MultiAlignment, options: "RenderOptions") -> str:
    if isinstance(alignment, MultiAlignment):
        raise InputError("the vecalign format holds one pair: give SOURCE TARGET")
    lines = [f"[{', '.join(map(str, link.src))}]:[{', '.join(map(str, link.tgt))}]:"
             f"{link.confidence:.4f}" for link in alignment.links]
    return "\n".join(lines) + "\n"
