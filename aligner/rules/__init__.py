"""Divergence rules, one family per module.

:data:`RULES` is the registry: a new rule is one new file here with a
:class:`Rule` subclass, plus one entry in this tuple. Everything else (SARIF
rule metadata, witness families, whether a check needs the encoder) is read
from the rules themselves.
"""

from .antonyms import AntonymRule
from .base import PairContext, PairSignals, Rule, Semantics
from .consistency import ConsistencyRule
from .document import DocumentRule
from .drift import DriftRule, NotMovedRule, OrphanRule, StaleRule, UntranslatedAdditionRule
from .glossary import GlossaryRule
from .language import LanguageRule
from .length import LengthRatioRule
from .lists import ListRule
from .names import NameRule
from .numbers import NumberRule
from .parity import ParityRule
from .polarity import PolarityRule
from .references import ReferenceRule
from .repetition import RepetitionRule
from .semantic import SemanticRule
from .spelling import SpellingRule
from .structure import StructureRule
from .truncation import TruncationRule

RULES: tuple[Rule, ...] = (
    StructureRule(), TruncationRule(), SemanticRule(), NumberRule(), NameRule(),
    LanguageRule(), LengthRatioRule(), RepetitionRule(),
    PolarityRule(), AntonymRule(), DocumentRule(), GlossaryRule(), ParityRule(), ConsistencyRule(),
    ListRule(), ReferenceRule(), SpellingRule(),
)


#: The rules of ``aligner drift`` (:mod:`.drift`): they compare versions of the
#: source rather than one pair of editions.
DRIFT_RULES: tuple[DriftRule, ...] = (StaleRule(), UntranslatedAdditionRule(), OrphanRule(), NotMovedRule())


def descriptions() -> dict[str, str]:
    """Every rule id with its one-line description, in a stable order."""
    return {rid: rule.descriptions[rid] for rule in (*RULES, *DRIFT_RULES) for rid in rule.ids}


def family(rule_id: str) -> str:
    """The kind of difference a rule id reports, for counting witnesses."""
    for rule in RULES:
        if rule_id in rule.ids:
            return rule.family(rule_id)
    return rule_id


def embedding_rule_ids() -> frozenset[str]:
    """Ids of the rules whose verdict comes from the encoder's similarity scores."""
    return frozenset(rid for rule in RULES if rule.needs_embeddings for rid in rule.ids)


__all__ = ["DRIFT_RULES", "RULES", "PairContext", "PairSignals", "Rule", "Semantics",
           "descriptions", "embedding_rule_ids", "family"]
