"""Unicode and whitespace cleanup: make equal texts equal before anything compares them.

The cleaned text is still the article's own words (claims quote it), so this only
removes what no reader sees: control and zero-width characters, odd spaces, and
compatibility forms that differ by encoding alone.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile(r"[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_WORD = re.compile(r"\w+", re.UNICODE)


def clean_text(text: str) -> str:
    """NFC, invisible and control characters dropped, runs of spaces folded, lines kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _CONTROL.sub(" ", _INVISIBLE.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip()


def words(text: str) -> list[str]:
    """Case-folded word tokens, the unit that hashes and shingles are made of."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
