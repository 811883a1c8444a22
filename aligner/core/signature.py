"""The signature of a run: everything that determines its output, as sacrebleu has it.

Each stage contributes its own part (the encoder its model, windows and
calibration; the aligner its bead shapes; the segmenter its splitter and the
layouts it recognised), and one formatter joins them: the same input and the
same signature give the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Signature:
    """Ordered ``key:value`` parts; a part whose value is ``None`` prints as its key alone."""

    parts: tuple[tuple[str, str | None], ...] = ()

    @classmethod
    def of(cls, *parts: tuple[str, str | None]) -> "Signature":
        return cls(tuple(parts))

    def __add__(self, other: "Signature") -> "Signature":
        return Signature(self.parts + other.parts)

    def __str__(self) -> str:
        return "|".join(key if value is None else f"{key}:{value}" for key, value in self.parts)
