"""Divergence rules, one family per module; :data:`RULES` is the set a check runs."""

from .base import PairContext, Rule
from .language import LanguageRule
from .length import LengthRatioRule
from .names import NameRule
from .numbers import NumberRule
from .semantic import SemanticRule
from .structure import StructureRule
from .truncation import TruncationRule

RULES: tuple[Rule, ...] = (
    StructureRule(), TruncationRule(), SemanticRule(), NumberRule(), NameRule(),
    LanguageRule(), LengthRatioRule(),
)


def descriptions() -> dict[str, str]:
    """Every rule id with its one-line description, in a stable order."""
    return {rid: rule.descriptions[rid] for rule in RULES for rid in rule.ids}


__all__ = ["RULES", "PairContext", "Rule", "descriptions"]
