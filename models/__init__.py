"""Model cards, one JSON file per model (see README.md beside this file).

This folder is installed as the package data ``aligner.cards`` (see
``[tool.setuptools.package-dir]`` in pyproject.toml); this file makes it a
package so that an editable install finds it under that name as well.
"""
