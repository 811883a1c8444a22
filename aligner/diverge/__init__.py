"""Divergence detection: where a translation says something different from its source."""
