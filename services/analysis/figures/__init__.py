"""Figures: counts of people in news text, and how a story's counts change.

numbers.py  digits and number words of each language, with their spans
lexicon.py  one language's figure vocabulary (from languages/<code>.toml), compiled
extract.py  the counts a sentence states: measure, subgroup, value, qualifier
changes.py  a story's running value of each measure, and what changes it
"""

from services.analysis.figures.extract import Figure, extract_figures

__all__ = ["Figure", "extract_figures"]
